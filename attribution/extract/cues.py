"""Cues: the verbs that credit words to someone (said, told, tweeted), and their speakers.

A cue is a cue only where it is a verb (`the report` and `Obama's remarks` are nouns), and its
speaker is the subject before it (`Hill said`), the subject after it when it inverts (`said
Hill`), or the subject of its clause (`..., saying`). Also here: whether the words between
two quotes are nothing but an attribution (`“A,” she said, “B.”`).
"""

from __future__ import annotations

from attribution import lexicon as lx
from attribution.extract.document import Found
from attribution.extract.marks import Pairing, mark_end
from attribution.extract.names import NAME_ABBREVIATIONS, is_possessive, is_speaker_word
from attribution.extract.phrases import (
    APPOSITIVE_SEPARATORS,
    Span,
    clause_subject,
    is_adverb,
    is_speaker_like,
    np_after,
    np_ending_at,
    subject_before,
)
from attribution.extract.tokens import FREE, TOKEN_RE, Tokens
from attribution.typography import MARK_CHARACTERS, is_double

# The farthest a cue may stand from a quote in an interrupting attribution, in tokens:
# “A,” said Hugh Hill, a doctor at the clinic in Basra, “B.” is about this long.
MAX_INTERRUPTION = 16
# Forms of "be" that make a following participle passive ("was told"), and the irregular
# participles of cue verbs.
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_IRREGULAR_PARTICIPLES = frozenset({"told", "said", "written", "spoken", "sung", "read"})
# How far before a participle cue (tokens) the cue it continues may stand.
_PARTICIPLE_REACH = 6
# Words that open a new clause in the words between two quotes: not a bare attribution.
_NEW_CLAUSE_WORDS = frozenset({"though", "although", "but", "while", "now", "then", "later"})
# How many words before a quote its own attribution stands within (“Cole then wrote back,”).
_LEAD_WORDS = 8
# Words that open a clause of their own, whose subject a second verb (`and said`) shares.
_SUBORDINATORS = frozenset(
    {"when", "while", "after", "before", "because", "since", "until", "once", "where"}
)


# The most tokens of a quoted modifier between a determiner and a noun (with its marks).
_MODIFIER_QUOTE = 8


def is_noun_use(t: Tokens, k: int, lo: int) -> bool:
    """True when a cue word is a noun here: the report, Obama's remarks, secretary of
    state, late-night tweets, The Huffington Post."""
    word = t.words[k]
    if not word.islower() and not (k == lo and word[1:].islower()):
        return True  # capitalised mid-sentence: part of a name ("Post"); "Said Ellis:" opens
    j = k - 1
    nxt = t.words[k + 1] if k + 1 < len(t.words) else ""
    if (
        j >= 0
        and t.owner[j] != FREE
        and t.lows[k] in lx.NOUN_LIKE_CUES
        and not nxt[:1].isupper()  # “...,” claims Ana Ruiz: a cue, inverted
        and not t.text[max(0, t.starts[k] - 4) : t.starts[k]]
        .rstrip()
        .rstrip("\u201d\"'")
        .endswith(",")
    ):
        # After a quoted word: the quote is a modifier when a determiner opens it (the
        # “disheartened” state of the race), and the cue a noun. (The words before the
        # range may be read: the quote closes it.)
        while j >= 0 and t.owner[j] != FREE and k - j <= _MODIFIER_QUOTE:
            j -= 1
        return j >= 0 and t.owner[j] == FREE and t.lows[j] in lx.NOUN_DETERMINERS
    if j < lo or t.owner[j] != FREE:
        return False
    prev, prev_low = t.words[j], t.lows[j]
    if prev_low in lx.NOUN_DETERMINERS:
        return True
    if prev_low in lx.PREPOSITIONS and not t.lows[k].endswith("ing"):
        return True  # "secretary of state"; but "before asking", "after saying" are verbs
    if is_possessive(prev) and prev_low not in lx.PERSON_PRONOUNS | lx.THING_PRONOUNS:
        return True  # a possessive: "Trump's statement", "the voters' claims" (not "he's")
    if t.lows[k] not in lx.NOUN_LIKE_CUES:
        return False
    if prev[0].isupper():
        # "Trump tweets" is a verb, "a Donald Trump tweet" a noun compound; a base form
        # after a name is a verb only after a plural or before an object (call them).
        nxt = t.lows[k + 1] if k + 1 < len(t.lows) else ""
        return (
            not t.lows[k].endswith(("s", "ed", "ing"))
            and not prev.endswith("s")
            and nxt not in lx.OBJECT_PRONOUNS | {"it", "the", "a", "an"}
        )
    # After a lower-case word a noun-like cue is a verb only after a speaker word, and not
    # when a preposition opens the two (by executive order, of executive orders).
    if j > lo and is_speaker_word(prev_low) and t.lows[j - 1] in lx.PREPOSITIONS:
        return True
    return (
        prev[0].isalnum()
        and not is_speaker_word(prev_low)
        and prev_low not in lx.CUE_ADVERBS
        and prev_low not in lx.SUBJECT_PRONOUNS
        and prev_low not in lx.SUBJECT_STOPS
        and not is_adverb(prev)
    )


def follows_conjunction(t: Tokens, k: int, lo: int) -> bool:
    """True for an infinitive or a second verb (`to say`, `and added`): no own subject."""
    j = k - 1
    while j >= lo and (t.lows[j] in lx.CUE_ADVERBS or is_adverb(t.words[j])):
        j -= 1
    return j >= lo and t.owner[j] == FREE and t.lows[j] in {"to", "and", "but", "or"}


def may_invert(t: Tokens, k: int) -> bool:
    """True when a speaker may follow the cue (`said Hill`): not for `told X`, `calling X`,
    `described X` (a listener or a target), nor for a participle."""
    low = t.lows[k]
    return low in lx.CUE_VERBS and low not in lx.CUES_WITHOUT_INVERSION and not low.endswith("ing")


def cue_in(
    t: Tokens, lo: int, hi: int, np_lo: int, np_hi: int, *, first: bool, framing: bool = False
) -> Found | None:
    """The first (or last) cue in tokens [lo, hi) that has a speaker phrase next to it.

    A cue whose subject is a relative pronoun or `it` ("a woman who suggested", "said it
    would tell") usually belongs to a clause inside the reported words: it is taken only
    when no other cue in the range has a speaker.
    """
    verbs = lx.FRAMING_VERBS if framing else lx.CUE_VERBS
    order = range(lo, hi) if first else range(hi - 1, lo - 1, -1)
    fallback: Found | None = None
    for k in order:
        if t.owner[k] != FREE:
            continue
        low = t.lows[k]
        if low not in verbs or is_noun_use(t, k, np_lo):
            continue
        if _is_passive(t, k, np_lo):
            continue  # "the mayor was told", "he was asked": the subject is the listener
        if low in {"put", "puts"} and t.lows[k + 1 : k + 2] != ("it",):
            continue  # "as he put it" quotes; "put on a show" does not
        if low in lx.USE_VERBS and not (
            t.lows[k + 1 : k + 2] == ("the",) and bool(set(t.lows[k + 2 : k + 3]) & lx.PHRASE_NOUNS)
        ):
            continue  # "used the phrase “X”" quotes someone; "used the money" does not
        np, weak = _speaker_of_cue(t, k, np_lo, np_hi)
        if np is None:
            continue
        if not weak:
            return Found(t.words[k], np, "")
        fallback = fallback or Found(t.words[k], np, "")
    return fallback


def _speaker_of_cue(t: Tokens, k: int, np_lo: int, np_hi: int) -> tuple[Span | None, bool]:
    """The speaker phrase of the cue at token k, and whether it is a weak one (a relative
    pronoun's antecedent or `it`)."""
    low = t.lows[k]
    if low.endswith("ing") and k > np_lo and t.words[k - 1] not in APPOSITIVE_SEPARATORS:
        # "footage of Trump saying": a participle right after a name is that name's.
        np = np_ending_at(t, k - 1, np_lo)
        if np is not None and is_speaker_like(t, np):
            return _issuer_pronoun(t, np, np_lo) or np, False
    if low.endswith("ing"):
        # ", Manafort said, adding that ...": a participle right after a cue is that cue's.
        before = _cue_before_participle(t, k, np_lo)
        if before is not None:
            return before, False
    raised = _raised_subject(t, k, np_lo)
    if raised is not None:
        return raised, False
    if low.endswith("ing") or follows_conjunction(t, k, np_lo):
        # "..., saying", "and added", "to say": the speaker is the clause's subject, that of
        # the nearest clause ("I was there when the governor turned and said": the governor).
        start = _clause_start(t, np_lo, k)
        inner = clause_subject(t, start, k) if start > np_lo else None
        last = clause_subject(t, np_lo, k, last=True)
        if not low.endswith("ing") and last is not None and t.lows[last[0]] in lx.PERSON_PRONOUNS:
            return last, False  # "When Mook was asked ..., he laughed and said": he
        return inner or clause_subject(t, np_lo, k), False
    np, weak = subject_before(t, k, np_lo)
    if np is not None and low in lx.NOUN_LIKE_CUES and t.lows[np[0]] in {"a", "an"}:
        return None, False  # "a Donald Trump tweet": a noun, not "Trump tweeted"
    if np is not None and not is_speaker_like(t, np):
        # "Protesters marching through the streets chanted": the walk found "the streets";
        # the clause's subject speaks when it can. A phrase that is no noun phrase at all
        # ("that primarily benefits hedge") is dropped.
        first = t.lows[np[0]]
        fallback = clause_subject(t, np_lo, k)
        if fallback is not None or (first not in lx.DETERMINERS and t.words[np[0]].islower()):
            np = fallback
    if np is None and may_invert(t, k):
        np = np_after(t, k + 1, np_hi, inverted=True)
    weak = weak or (np is not None and np[1] - np[0] == 1 and t.lows[np[0]] == "it")
    return np, weak


def _raised_subject(t: Tokens, k: int, lo: int) -> Span | None:
    """`Mr. Trump was prompted to say`, `she was asked to explain`: the subject of the
    passive verb before an infinitive cue is who speaks."""
    if k - 4 < lo or t.lows[k - 1] != "to" or not t.lows[k - 2].endswith("ed"):
        return None
    if t.lows[k - 3] not in _BE_FORMS:
        return None
    np = np_ending_at(t, k - 4, lo)
    return np if np is not None and is_speaker_like(t, np) else None


def _issuer_pronoun(t: Tokens, np: Span, lo: int) -> Span | None:
    """`she issued a statement saying`: the pronoun who issued the document a participle
    cue follows, to be resolved as any pronoun is (a named issuer is found with the
    document's mention instead)."""
    j = np[0] - 1
    if t.lows[np[1] - 1] not in lx.DOCUMENT_NOUNS or j <= lo or t.lows[j] not in _ISSUE_VERBS:
        return None
    k = j - 1
    while k > lo and is_adverb(t.words[k]):
        k -= 1  # "she quickly issued"
    return (k, k + 1) if t.lows[k] in lx.SUBJECT_PRONOUNS and t.lows[k - 1 : k] != ("to",) else None


# Verbs that put out a document: "issued a statement saying", "sent an email calling".
_ISSUE_VERBS = frozenset(
    {
        "issued",
        "issues",
        "issue",
        "released",
        "releases",
        "release",
        "sent",
        "sends",
        "send",
        "posted",
        "posts",
        "post",
        "published",
        "publishes",
        "publish",
        "put",
        "puts",
        "shared",
        "shares",
        "share",
        "wrote",
        "writes",
        "write",
        "tweeted",
        "emailed",
        "delivered",
        "delivers",
        "fired",
        "circulated",
        "distributed",
        "signed",
    }
)


def _cue_before_participle(t: Tokens, k: int, lo: int) -> Span | None:
    """The speaker of a cue standing just before a participle cue and its comma: `, Mr.
    Manafort said, adding that` gives Mr. Manafort."""
    j = k - 1
    if j < lo or t.words[j] != ",":
        return None
    for c in range(j - 1, max(lo, j - _PARTICIPLE_REACH) - 1, -1):
        if t.owner[c] != FREE or t.words[c] in {".", ";", ":"}:
            return None
        if t.lows[c] in lx.CUE_VERBS and not t.lows[c].endswith("ing"):
            np, weak = subject_before(t, c, lo)
            if np is None and may_invert(t, c):
                np = np_after(t, c + 1, j, inverted=True)
            return np if np is not None and not weak and is_speaker_like(t, np) else None
    return None


def _is_passive(t: Tokens, k: int, lo: int) -> bool:
    """True for a cue in the passive voice: a participle after a form of "be"."""
    low = t.lows[k]
    if not (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES):
        return False
    j = k - 1
    while j >= lo and is_adverb(t.words[j]):
        j -= 1
    return j >= lo and t.lows[j] in _BE_FORMS


def _clause_start(t: Tokens, lo: int, k: int) -> int:
    """Where the clause holding token k starts: after the last subordinator before it that
    opens a clause with a subject (when the governor turned; not "after the vote")."""
    for j in range(k - 1, lo - 1, -1):
        if t.lows[j] in _SUBORDINATORS and t.owner[j] == FREE and j + 1 < k:
            nxt, low = t.words[j + 1], t.lows[j + 1]
            if low in lx.SUBJECT_PRONOUNS or (nxt[0].isupper() and low not in lx.NOT_NAMES):
                return j + 1
            if low in lx.DETERMINERS and j + 2 < k and is_speaker_word(t.lows[j + 2]):
                return j + 1
    return lo


def is_interruption(gap: str) -> bool:
    """True when the text between two quotes is only an attribution: `, she said, `."""
    tokens = TOKEN_RE.findall(gap)
    words = [t for t in tokens if t[0].isalnum()]
    if not words or len(tokens) > MAX_INTERRUPTION:
        return False
    # The second quote opens after punctuation (`, she said, “B`); one opening mid-clause
    # (`she wanted to speak “B”`) is a fragment of the reporter's sentence, not a continuation.
    if tokens[-1] not in {",", ".", ":", ";", "\u2014", "\u2013", "-"}:
        return False
    if any(t in lx.TERM_MARKERS for t in (w.lower() for w in words[:1])):
        return False
    lows = [w.lower() for w in words]
    has_cue = any(w in lx.CUE_VERBS for w in lows) or ("according" in lows and "to" in lows)
    # Nothing but the attribution: no second clause ("he said, adding that"), and no object
    # after a cue that has its subject ("she added the words"; "said the mayor" inverts).
    cue = next((i for i, w in enumerate(lows) if w in lx.CUE_VERBS), None)
    if cue is not None and 0 < cue < len(lows) - 1 and lows[cue + 1] in lx.NOUN_DETERMINERS:
        return False
    # One attribution only: a second cue or a new clause (", though he said,", ". Now, he
    # added,") introduces a statement of its own.
    cues = sum(1 for w in lows if w in lx.CUE_VERBS)
    return (
        has_cue
        and cues <= 1
        and not any(w in _NEW_CLAUSE_WORDS for w in lows)
        and "that" not in lows
        and "because" not in lows
    )


def has_lead_attribution(text: str, pairing: Pairing) -> bool:
    """True when a quote is introduced by its own attribution before it (“Mills wrote back,
    “...”): the attribution after it then belongs to the quote that follows."""
    line_start = text.rfind("\n", max(0, pairing.open_mark - 120), pairing.open_mark) + 1
    lead = text[max(line_start, pairing.open_mark - 120) : pairing.open_mark].rstrip()
    if not lead.endswith((",", ":")):
        return False
    words = [w.lower() for w in TOKEN_RE.findall(lead) if w[0].isalnum()][-_LEAD_WORDS:]
    return any(w in lx.CUE_VERBS for w in words)


def has_own_attribution(text: str, pairing: Pairing) -> bool:
    """True when a quote is followed by its own cue (“B,” she added): a second statement."""
    if pairing.close_mark is None:
        return False
    after = text[mark_end(text, pairing.close_mark) : pairing.close_mark + 80]
    tokens = TOKEN_RE.findall(after.split("\n", 1)[0])
    head: list[str] = []
    for token in tokens:
        if token == "." and head and (head[-1] in NAME_ABBREVIATIONS or len(head[-1]) == 1):
            continue  # “B,” Ms. Khan said: a title's or an initial's dot ends nothing
        if token in {".", "!", "?"} or token in MARK_CHARACTERS:
            break
        head.append(token.lower())
    if head[-1:] == [":"] and "," not in head:
        return False  # “A.” Mr. Zahed said: “B.”: the attribution introduces what follows
    return any(w in lx.CUE_VERBS for w in head[:6])


def same_family(a: str, b: str) -> bool:
    """True when two marks are both double or both single."""
    return is_double(a) == is_double(b)


def cue_index(t: Tokens, lo: int, hi: int) -> int | None:
    for k in range(lo, min(hi, len(t.lows))):
        if t.lows[k] in lx.CUE_VERBS:
            return k
    return None

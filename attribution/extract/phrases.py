"""Phrases: the noun phrases around a cue that can name who speaks.

Walking left from a cue to its subject (`Hugh Hill, a doctor in Basra, said`), right to an
inverted subject (`said Hugh Hill`), or to the subject of a clause (`..., saying`): the
syntax every later stage (mentions, cues, candidates, kinds) reads phrases by, defined once.
"""

from __future__ import annotations

from attribution import lexicon as lx
from attribution.extract.names import (
    NAME_ABBREVIATIONS,
    first_name_genders,
    is_date,
    is_place,
    is_speaker_word,
)
from attribution.extract.tokens import FREE, TITLE, Tokens
from attribution.normalize import common_words

# The longest speaker phrase walked over, in tokens ("Outgoing Prime Minister Adel Abdul Mahdi").
MAX_NP = 9
# What sets off a phrase describing a speaker: commas and dashes ("Dickey -- the owner -- told").
APPOSITIVE_SEPARATORS = frozenset({",", "\u2014", "\u2013", "-"})
# How far back (tokens) a speaker may stand before the comma-set phrases describing it:
# "Kevin Barrett, a lawyer at Bailey & Glasser, who represents the state in the cases, said".
_MAX_APPOSITIVES = 60
# Words that make a number approximate, not a preposition: around 200 people, nearly a dozen.
_APPROXIMATORS = frozenset({"around", "about", "nearly", "roughly", "almost", "some", "over"})
# Words that cannot open a speaker phrase after an inverted cue.
_NOT_INVERTED_SPEAKERS = frozenset(
    {"that", "this", "these", "those", "which", "who", "what", "how", "whether", "if", "it"}
)

Span = tuple[int, int]


# Abbreviations that end a person's name: Donald Trump Jr., Martin Luther King Sr.
_NAME_SUFFIXES = frozenset({"jr", "sr"})


# Determiners that before a name are a conjunction or a pointer: "so subdued that Mr. Trump
# was prompted to say", not part of the name.
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})


def np_ending_at(t: Tokens, j: int, lo: int) -> Span | None:
    """Walk left from token j over a noun phrase; (start, end) token indices, or None."""
    words, lows, owner = t.words, t.lows, t.owner
    if j < lo or owner[j] != FREE:
        return None
    # A name may end in an abbreviation's dot: Donald Trump Jr. said.
    suffix_dot = words[j] == "." and j > lo and lows[j - 1] in _NAME_SUFFIXES
    if not words[j][0].isalnum() and not suffix_dot:
        return None
    if lows[j] in lx.SUBJECT_STOPS and lows[j] not in lx.SPEAKING_PRONOUNS:
        return None
    end = j + 1
    i = j
    saw_proper = False
    lower_count = 0
    while i >= lo and end - i <= MAX_NP and owner[i] == FREE:
        w, low = words[i], lows[i]
        if w == ".":
            if i - 1 >= lo and (lows[i - 1] in NAME_ABBREVIATIONS or len(words[i - 1]) == 1):
                i -= 1
                continue
            break
        if not w[0].isalnum():
            break
        if low in lx.DETERMINERS:
            if not (saw_proper and low in _DEMONSTRATIVES):
                i -= 1  # "the mayor", "the Riverton council"; not "that" before a name
            break
        if saw_proper and low in lx.ORG_CONNECTORS and _org_before(t, i, lo):
            i -= 1  # the Center for American Progress
            continue
        if low in lx.SUBJECT_STOPS and not (low in lx.SPEAKING_PRONOUNS and i == j):
            break
        if w[0].isupper() or w[0].isdigit():
            if (
                low in lx.NOT_NAMES
                and low not in lx.SPEAKING_PRONOUNS | lx.GROUP_NOUNS
                and low not in NAME_ABBREVIATIONS  # Mr. Trump, Dr. Stein
            ):
                break
            saw_proper = True
        elif (low in lx.NAME_PARTICLES or low == "of") and saw_proper:
            pass
        else:
            if saw_proper or lower_count >= 4:
                break
            lower_count += 1
        i -= 1
        if low in lx.SUBJECT_PRONOUNS and i + 1 == j:
            break
    start = i + 1
    # A lone pronoun is a whole phrase: "what they said" gives "they".
    if lows[j] in lx.SUBJECT_PRONOUNS:
        start = j
    while start < end and lows[start] in lx.NAME_PARTICLES | {"of"}:
        start += 1
    return (start, end) if start < end else None


def _org_before(t: Tokens, i: int, lo: int) -> bool:
    """True when the capitalised words right before token i hold an organisation word."""
    j = i - 1
    while j >= lo and t.words[j][0].isupper():
        if t.lows[j] in lx.ORG_NOUNS:
            return True
        j -= 1
    return False


def np_after(t: Tokens, i: int, hi: int, *, inverted: bool = False) -> Span | None:
    """The noun phrase starting at token i: said Hugh Hill, a doctor / said the statement."""
    words, lows, owner = t.words, t.lows, t.owner
    if inverted:
        while i < hi and lows[i] in lx.TIME_WORDS and owner[i] == FREE:
            i += 1
    if i >= hi or owner[i] != FREE or not words[i][0].isalnum():
        return None
    start = i
    # After an inverted cue, a clause ("suggests that Phoenix"), a time ("said this
    # week") or an object ("asking her") is no speaker.
    if inverted and (lows[i] in _NOT_INVERTED_SPEAKERS or lows[i] in lx.OBJECT_PRONOUNS):
        return None
    if lows[i] in lx.PERSON_PRONOUNS | lx.GROUP_PRONOUNS | lx.FIRST_PERSON_PRONOUNS:
        return (i, i + 1) if inverted or lows[i] in lx.SPEAKING_PRONOUNS else None
    if lows[i] in lx.DETERMINERS:
        i += 1
    proper = False
    while i < hi and owner[i] == FREE and i - start < MAX_NP:
        w, low = words[i], lows[i]
        if w == "." and (
            lows[i - 1] in NAME_ABBREVIATIONS or len(words[i - 1]) == 1 or "." in words[i - 1]
        ):
            i += 1  # Rep., J. or U.S.
            continue
        if not w[0].isalnum():
            break
        if w[0].isupper():
            proper = True
        elif (low in lx.NAME_PARTICLES or low == "of") and proper:
            pass
        elif (
            proper
            and is_speaker_word(low)
            and i + 1 < hi
            and words[i + 1][0].isupper()
            and owner[i + 1] == FREE
        ):
            pass  # asked CBS moderator Nancy Cordes: a title between a name and a name
        elif (
            proper
            and low in lx.ORG_CONNECTORS
            and i + 1 < hi
            and words[i + 1][0].isupper()
            and any(x in lx.ORG_NOUNS for x in lows[start:i])
        ):
            pass  # said the Center for American Progress
        elif not proper and low not in lx.SUBJECT_STOPS and low not in lx.CUE_VERBS:
            pass  # "the statement", "a spokesman"
        else:
            break
        i += 1
    while i > start + 1 and (lows[i - 1] in lx.NAME_PARTICLES or lows[i - 1] == "of"):
        i -= 1  # "Ann Ruiz of the U.S. Army": the name ends before "of"
    if i == start or (i == start + 1 and lows[start] in lx.DETERMINERS):
        return None
    if inverted and not proper and not is_speaker_head(lows[i - 1]):
        # "said one owner of a shop", "said a person close to the talks": the phrase the walk
        # ran over is cut after its speaker noun.
        return speaker_head(t, (start, i))
    return (start, i)


def is_speaker_head(low: str) -> bool:
    """A noun that can head a speaker phrase: a speaker word or an age (the 46-year-old)."""
    return is_speaker_word(low) or low.endswith(("-year-old", "-year-olds"))


# What a clause's subject may follow: a comma, or a dash or semicolon that sets off a
# clause (When the moderators sneered — Cruz called them on it:).
_CLAUSE_BREAKS = frozenset({",", ";", "\u2014", "\u2013", "\u2015"})


def clause_subject(t: Tokens, lo: int, k: int, *, last: bool = False) -> Span | None:
    """The subject of the clause that tokens [lo, k) begin, when it can speak.

    Opening phrases set off by commas are skipped (Following a late-afternoon meeting,
    the Security Council issued ...): the subject is the first noun phrase, at the start
    or after a comma, that is a pronoun, a name or a speaker noun and does not open with
    a preposition, a participle, a number or a sentence adverb. After an opening
    preposition with no comma ("On September 27 they published") only a pronoun soon
    after it can be told for the subject. With `last`, the clauses are read from the last
    one back (the subject right before a colon introduces what follows it).
    """
    words, lows = t.words, t.lows
    pronouns = lx.SUBJECT_PRONOUNS
    starts = [lo] + [c + 1 for c in range(lo, k) if words[c] in _CLAUSE_BREAKS]
    if last:
        starts.reverse()
    for start in starts:
        while start < k and lows[start] in {"but", "and", "so", "yet", "then", "still"}:
            start += 1
        if start >= k:
            continue
        low = lows[start]
        if (
            low in _APPROXIMATORS
            and start + 1 < k
            and (lows[start + 1][:1].isdigit() or lows[start + 1] in lx.NUMBER_WORDS)
        ):
            # "Around 200 people marched": a number, not a preposition's object
            np = np_after(t, start + 1, k)
            if np is not None and not is_speaker_like(t, np):
                np = speaker_head(t, np)
            if np is not None and is_speaker_like(t, np):
                return np
            continue
        if low in pronouns:
            return (start, start + 1) if low not in lx.OBJECT_PRONOUNS else None
        if (
            low in lx.PREPOSITIONS
            and start == lo
            and not any(words[c] == "," for c in range(lo, k))
        ):
            pronoun = next(
                (c for c in range(start, min(k, start + 8)) if lows[c] in pronouns), None
            )
            return (pronoun, pronoun + 1) if pronoun is not None else None
        if not may_open_subject(t, start):
            continue
        np = np_after(t, start, k)
        if np is not None and not is_speaker_like(t, np):
            np = speaker_head(t, np)  # "the governor turned to": the phrase ends at its noun
        if (
            last
            and start > lo
            and np is not None
            and np[1] < k
            and t.words[np[1]] in _CLAUSE_BREAKS
        ):
            continue  # "Ana Ruiz, a former mayor, was blunt:": an aside, not the clause's subject
        if np is not None and is_speaker_like(t, np):
            return np
    return None


def speaker_head(t: Tokens, np: Span) -> Span | None:
    """A lower-case phrase cut after its first speaker noun, the verb the walk ran on into
    left out: "the governor turned" gives "the governor"."""
    for j in range(np[0], np[1]):
        if t.words[j].islower() and is_speaker_head(t.lows[j]):
            return (np[0], j + 1)
    return None


def may_open_subject(t: Tokens, i: int) -> bool:
    """True when token i can begin a clause's subject: not "Following", "If", "Twenty-two"."""
    low = t.lows[i]
    if low in lx.DETERMINERS:
        return True  # "The Republican nominee", "several environmental groups"
    return not (
        low in lx.SUBJECT_STOPS
        or (low in lx.NOT_NAMES and low not in NAME_ABBREVIATIONS)  # Mrs. Schlafly may
        or low in lx.PREPOSITIONS
        or low.endswith("ing")
        or (low.split("-")[0] in lx.NUMBER_WORDS and not low.endswith("-year-old"))
        or (low[:1].isdigit() and not low.endswith("-year-old"))  # 17-year-old Jo Potts
        or not t.words[i][0].isalnum()
        or _opens_as_a_word(t, i)
    )


def _opens_as_a_word(t: Tokens, i: int) -> bool:
    """True when a capitalised word opening a clause is an ordinary word, not a name:
    "Back in 1999, Trump ...", "Shortly afterward, McCain ...", "Led by the mayor, the
    rally ...". A word followed by a capitalised one may start a name (Bill Clinton), and a
    first name (Kelly) or a word followed by a verb (Schlafly wrote) is read as a name."""
    word, low = t.words[i], t.lows[i]
    nxt = t.words[i + 1] if i + 1 < len(t.words) else ""
    if not word[0].isupper() or nxt[:1].isupper():
        return False
    verb_next = nxt in lx.CUE_VERBS or (nxt.islower() and nxt.endswith(("s", "ed")))
    after = t.lows[i + 2] if i + 2 < len(t.lows) else ""
    if low in first_name_genders():
        return False  # Will, Mark
    if low.endswith("wise"):
        return True  # Likewise, Otherwise
    if len(low) > 4 and low.endswith("ly"):
        return not verb_next  # Shortly afterward, Hastily politicizing, Finally,
    if nxt == "," and (after[:1].isdigit() or after in {"a", "an", "the"}):
        return False  # "Young, a Republican from Indiana," is a name and its aside
    if low.split("\u2019")[0].split("'")[0] in common_words():
        return not verb_next  # Back, Late, There's (not "Will claims": George Will)
    # Led by, Reached by, Fueled apparently by
    return low.endswith("ed") and (nxt.lower() in lx.PREPOSITIONS or is_adverb(nxt))


def is_speaker_like(t: Tokens, np: Span) -> bool:
    """True when a phrase can name who speaks: a name, a pronoun or a speaker noun."""
    end = governing_end(t, np)
    head, low = t.words[end - 1], t.lows[end - 1]
    words = t.words[np[0] : end]
    if head[0].isupper() and (is_place(words) or is_date(words)):
        return False  # "Dallas", "the U.S.", "a separate June" said nothing
    last = t.lows[np[1] - 1]
    if (
        end < np[1]
        and low in _PARTITIVE_HEADS
        and not (last.endswith("ed") or last in lx.CUE_VERBS)
    ):
        return True  # one of his aides, someone in the crowd (not a walk run on to a verb)
    return head[0].isupper() or is_speaker_head(low) or low in lx.SUBJECT_PRONOUNS


def subject_before(t: Tokens, k: int, lo: int) -> tuple[Span | None, bool]:
    """The speaker phrase ending just before the cue at token k (Hill, a doctor, said),
    and whether it was reached through a relative pronoun (a weak subject)."""
    j = k - 1
    while j >= lo and (t.lows[j] in lx.CUE_ADVERBS or is_adverb(t.words[j])):
        j -= 1
    if j >= lo and t.owner[j] == TITLE:
        # "Amar, author of “Unwritten Constitution,” put it": a title closes an appositive.
        return _subject_before_appositives(t, j, lo), False
    if j < lo or t.owner[j] != FREE:
        return None, False
    if t.words[j] in APPOSITIVE_SEPARATORS:
        return _subject_before_appositives(t, j, lo), False
    if t.words[j] == ")":
        # A party or place in brackets after the name: Mike Pence (R-IN) said.
        c = j - 1
        while c >= lo and t.words[c] != "(" and j - c <= 8:
            c -= 1
        if c > lo and t.words[c] == "(":
            j = c - 1
    if t.lows[j] in {"who", "which", "that"}:
        # A relative clause: "the Chicago Police Department, which reported" speaks through
        # its antecedent, a speaker named just before (times skipped).
        j -= 1
        while j >= lo and (t.words[j] in APPOSITIVE_SEPARATORS or t.lows[j] in lx.TIME_WORDS):
            j -= 1
        np = np_ending_at(t, j, lo)
        return (np, True) if np is not None and is_speaker_like(t, np) else (None, False)
    return _with_governing_head(t, np_ending_at(t, j, lo), lo), False


# Prepositions that tie a speaker to whom or where they speak for: a spokesman for the
# campaign, one of his aides, someone in the audience, an aide to the mayor.
_SPEAKER_PREPOSITIONS = frozenset({"for", "of", "in", "at", "to", "with", "from"})
# Pronouns and quantifiers that head a speaker phrase through a preposition: one of them.
_PARTITIVE_HEADS = frozenset({"one", "someone", "some", "many", "most", "several", "none"})


def _with_governing_head(t: Tokens, np: Span | None, lo: int) -> Span | None:
    """The whole phrase when a walk stopped at a preposition's object: "a lawyer for Mr.
    Reyes said" is the lawyer, not Reyes; "someone in the audience shouted" is someone."""
    while (
        np is not None
        and np[0] - 2 >= lo
        and np[1] - np[0] < MAX_NP
        and t.lows[np[0] - 1] in _SPEAKER_PREPOSITIONS
    ):
        head = np_ending_at(t, np[0] - 2, lo)
        if head is None:
            break
        low = t.lows[head[1] - 1]
        if low not in _PARTITIVE_HEADS and (
            not t.words[head[1] - 1].islower() or not is_speaker_head(low)
        ):
            break  # Someone in the audience, a lawyer for Reyes; not Smith of Ohio
        np = (head[0], np[1])
    return np


def governing_end(t: Tokens, np: Span) -> int:
    """Where a phrase's head ends: "someone in the audience" is headed by "someone"."""
    for k in range(np[0] + 1, np[1] - 1):
        low = t.lows[k - 1]
        after = t.words[k + 1]
        if after.islower() and t.lows[k + 1] not in lx.DETERMINERS | lx.POSSESSIVE_PRONOUNS.keys():
            continue  # "secretary of state", "chief of staff": a title, not a head and its object
        if t.lows[k] in _SPEAKER_PREPOSITIONS and t.words[k - 1].islower():
            if is_speaker_head(low) or (low in _PARTITIVE_HEADS and k - 1 - np[0] <= 1):
                return k  # a partitive opens its phrase: "one of", "some of" (not "used one of")
            return np[1]
    return np[1]


def _subject_before_appositives(t: Tokens, comma: int, lo: int) -> Span | None:
    """The speaker among comma-set phrases before a cue: "Donna Rawlings, 59, of Ashton,
    Md., who watched on a screen, said" is Donna Rawlings.

    The phrases are read from the clause's start: the first that is a name wins, else the
    first that is a speaker noun ("The engineer, who has worked there for years, said").
    """
    words, owner = t.words, t.owner
    segments: list[Span] = []
    end = comma
    c = comma - 1
    while c >= lo and owner[c] in (FREE, TITLE) and comma - c <= _MAX_APPOSITIVES:
        w = words[c]
        if w in APPOSITIVE_SEPARATORS:
            segments.append((c + 1, end))
            end = c
        elif w in {"!", "?", ";", ":"}:
            break  # a "." inside one sentence is an abbreviation's: R-Ky., Md., Jr.
        c -= 1
    segments.append((c + 1, end))
    segments.reverse()
    candidates = []
    for s_lo, s_hi in segments:
        if s_lo >= s_hi:
            continue
        j = s_hi - 1
        if words[j] == ")":  # Rep. Jim Clyburn (D-S.C.)
            while j > s_lo and words[j] != "(":
                j -= 1
            j -= 1
        if t.lows[s_lo] in lx.PREPOSITIONS:
            continue  # "In a statement to the Observer, her adviser, Jake Sullivan, said"
        np = np_ending_at(t, j, s_lo)
        if np is not None:
            candidates.append(np)
    for np in candidates:
        if words[np[1] - 1][0].isupper() and t.lows[np[0]] not in lx.PREPOSITIONS:
            return np
    for np in candidates:
        if is_speaker_word(t.lows[np[1] - 1]):
            return np
    return None


def is_adverb(word: str) -> bool:
    """A manner adverb between speaker and cue: 'Smith angrily said'. Only a lower-case word:
    a capitalised one ending in -ly is a name (Kelly said, Connolly told)."""
    low = word.lower()
    return word.islower() and len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS


# Nouns ending in -ly, which a phrase may end with: "The rally denounced", "the assembly".
_LY_NOUNS = frozenset(
    {
        "family",
        "italy",
        "july",
        "ally",
        "rally",
        "assembly",
        "supply",
        "reply",
        "anomaly",
        "monopoly",
        "bully",
        "belly",
        "jelly",
        "folly",
        "holly",
        "lily",
        "tally",
        "homily",
    }
)


# Verbs that are no cue of their own after a subject: "“...,” the mayor was told".
_AUXILIARIES = frozenset({"is", "was", "has", "does", "needs", "seems", "appears"})
# Irregular past tenses that, with a particle, say how words were spoken: “...,” he went
# on; “...,” Trump shot back; “...,” she broke in.
_IRREGULAR_SPEECH = frozenset({"went", "shot", "broke", "cut", "spoke", "struck", "threw"})
_SPEECH_PARTICLES = frozenset({"on", "back", "in", "up", "out", ".", ","})


def says_how(verb: str, following: str) -> bool:
    """True when a verb right beside a quote and its speaker says how the words were
    spoken, cue list or not: manner verbs are an open class (“Go back,” Trump barked;
    “Never,” an angry Hollande retorted; “Why?” she went on; “Yes!” beamed a delegate)."""
    if verb.islower() and verb.endswith(("ed", "s")):
        return verb not in lx.SUBJECT_STOPS and verb not in _AUXILIARIES
    return verb in _IRREGULAR_SPEECH and following.lower() in _SPEECH_PARTICLES

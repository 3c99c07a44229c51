"""Candidates: the rules that propose who a quote is credited to, strongest first.

Each rule reads one pattern around a quote, in the order a reader weighs them: the
attribution that interrupts a split statement, a transcript label, a byline after a dash,
"according to", a cue right after or before the quote, a cue later in the sentence, a colon,
a possessive (Clinton's “public option”), the sentence before. The first rule that finds a
speaker phrase decides; later stages resolve the phrase (coreference) and decide the kind.
"""

from __future__ import annotations

import itertools

from attribution import lexicon as lx
from attribution.extract.cues import MAX_INTERRUPTION, cue_in
from attribution.extract.document import Document, Found
from attribution.extract.marks import Pairing, after_close
from attribution.extract.names import (
    is_capitals_word,
    is_possessive,
    strip_possessive,
)
from attribution.extract.phrases import (
    Span,
    clause_subject,
    is_speaker_like,
    may_open_subject,
    np_after,
    np_ending_at,
    says_how,
    speaker_head,
)
from attribution.extract.tokens import Tokens

# Dashes that introduce a byline after a quote: ” — Commissioner Geoffrey Starks (em, en,
# horizontal bar, figure dash, hyphen).
_DASHES = frozenset({"\u2014", "\u2013", "\u2015", "\u2012", "-"})
# The most tokens a credit line under a quote has: "— Ana Ruiz, mayor of Riverton."
_CREDIT_LINE = 12
# The most tokens an attribution closing a sentence has: ", Rep. Adam Schiff said Tuesday."
_TRAILING_ATTRIBUTION = 8
# What may follow a quote that is a sentence of its own: “...”. / “...”).
_CLOSING_PUNCTUATION = frozenset({".", "!", "?", ")", ";"})
# How far after a quote (tokens) a tag of its own may reach: “...,” she said; “...,” said
# Rep. Ana Ruiz; “...,” Sen. Ana Maria Ruiz said.
_ADJACENT_CUE = 8
# What may follow such a tag: the sentence's end, a comma, or an adjunct (“...,” she said
# on Monday / in a statement / to reporters / twice), never a clause (said it would pass).
_TAG_ENDS = frozenset({".", ",", ";", "!", "?", ")", "-", "\u2014", "\u2013"})
_TAG_ADJUNCTS = (
    lx.PREPOSITIONS | lx.TIME_WORDS | lx.DETERMINERS | {"to", "twice", "again", "later", "then"}
)
# Words that make a name right before a colon no speaker: Said Ellis: (the cue's), said on
# Twitter:, told CNN: ("More from Jones:" and "a statement by Mayor Ruiz:" do name one).
_NOT_BEFORE_A_NAMED_COLON = (lx.CUE_VERBS | lx.PREPOSITIONS | {"to"}) - {"from", "by", "with"}
# How far before a quote (tokens) a speech noun or self-description may stand for the
# sentence's subject to own its words, and what may open that noun.
_OWN_WORDS_REACH = 12
_OWN_WORDS_DETERMINERS = frozenset({"a", "an", "his", "her", "their"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves"})
# Cues of a report that relays someone else's words: “...,” the Courier reported. The
# words are still the person the sentence quotes, not the paper's.
_RELAYING_CUES = frozenset({"reported", "reports", "reporting"})
# How far before a quote (tokens) its owner's speech noun may stand: "Trump's claim that
# there have been, in gun-controlled Chicago alone, “thousands of shootings”".
_POSSESSOR_REACH = 16


def find_candidate(doc: Document, index: int) -> Found:
    """The cue and speaker phrase of one quote, from the strongest rule that applies."""
    t = doc.tokens
    pairing = doc.pairings[index]
    close = pairing.close_mark if pairing.close_mark is not None else pairing.end
    after = after_close(t.text, pairing)
    # Rule 1: the attribution that interrupts a split statement (“A,” she said, “B.”) is
    # every piece's.
    members = doc.statements[index]
    for a, b in itertools.pairwise(members):
        lo, hi = t.token_range(after_close(t.text, doc.pairings[a]), doc.pairings[b].open_mark)
        found = cue_in(t, lo, hi, lo, hi, first=True)
        if found is not None:
            return found
    # Rule 2: a transcript's speaker label opens the quote: "PENCE: Well, look, ...".
    label = _transcript_label(doc, pairing)
    if label is not None:
        return Found(None, label, "label")
    s_start, _ = doc.sentences.sentence_of(pairing.open_mark)
    _, s_end = doc.sentences.sentence_of(close)
    lead_lo, lead_hi = t.token_range(s_start, pairing.open_mark)
    trail_lo, trail_hi = t.token_range(after, s_end)
    trail_hi = until_next_quote(t, trail_lo, trail_hi)
    lead_lo = after_previous_quote(t, lead_lo, lead_hi)
    # Rule 3: a byline after a dash: ” — Commissioner Geoffrey Starks. The sentence
    # splitter may have put the byline in a sentence of its own, so read to the line's end.
    para_end = doc.paragraphs[pairing.paragraph][1]
    byline_lo, byline_hi = t.token_range(after, para_end)
    byline_hi = until_next_quote(t, byline_lo, byline_hi)
    b = byline_lo
    while b < byline_hi and t.words[b] in {",", "."}:
        b += 1
    if b < byline_hi and t.words[b] in _DASHES:
        np = np_after(t, b + 1, byline_hi)
        if np is not None and t.words[np[0]][0].isupper():
            return Found("\u2014", np, "trail")
    # A credit line of its own under a quote that is its whole paragraph: “...” / — Sanders.
    if (
        b == byline_hi
        and pairing.open_mark <= doc.paragraphs[pairing.paragraph][0] + 1
        and pairing.paragraph + 1 < len(doc.paragraphs)
    ):
        np = _credit_line(doc, pairing.paragraph + 1)
        if np is not None:
            return Found("\u2014", np, "trail")
    # Rule 4: "according to X" on either side.
    for lo, hi, where in ((trail_lo, trail_hi, "trail"), (lead_lo, lead_hi, "lead")):
        for k in range(lo, hi - 1):
            if t.lows[k] == "according" and t.lows[k + 1] == "to":
                np = np_after(t, k + 2, hi)
                if np is not None:
                    return Found("according to", np, where)
    # Rule 4c: the attribution right after a quote closed by its own comma, question or
    # exclamation mark is the quote's own, whatever framed it before (Lee praised the plan:
    # “It works,” she said; Okafor weighed in, telling a radio host, “Not yet,” he said).
    # Not when the sentence goes on to another quote after that cue, which then introduces
    # it (When a man in the crowd shouted, “Liar,” Okafor snapped, “Sit down.”).
    found = _attribution_right_after(doc, pairing, trail_lo, trail_hi)
    if found is not None and (
        trail_hi == t.token_range(after, s_end)[1]
        or cue_in(t, lead_lo, lead_hi, lead_lo, lead_hi, first=False, framing=True) is None
    ):
        return found
    # Rule 5: a cue right after the quote: “...,” the statement said / said Hugh Hill.
    # Rule 6: a cue before it: Smith said: “...” / called the plan “a shell game”.
    # A quote inside the reporter's sentence (words before it) belongs to the cue before
    # it (Flynn said Trump was “right” when he spoke): rule 6 goes first there.
    # Rule 4b: a name right before a colon introduces the quote, whatever cue stands earlier
    # in the sentence (Pollsters agree - Carl Bialik: “...”); so does the subject of the last
    # clause before the colon when that clause has no cue (When Trump suggested that ...,
    # Rubio fired back forcefully: “...”).
    if lead_lo < lead_hi - 1 and t.words[lead_hi - 1] == ":":
        last = max((c + 1 for c in range(lead_lo, lead_hi - 1) if t.words[c] == ","), default=-1)
        if last > lead_lo and not any(t.lows[c] in lx.CUE_VERBS for c in range(last, lead_hi)):
            subject = clause_subject(t, last, lead_hi - 1)
            if subject is not None and t.words[subject[0]][0].isupper():
                return Found(None, subject, "colon")
        named = np_ending_at(t, lead_hi - 2, lead_lo)
        if (
            named is not None
            and t.words[named[1] - 1][0].isupper()
            and is_speaker_like(t, named)
            # Said Ellis: is a cue's; said on Twitter: or in a statement to CNN: names no one
            and (named[0] == lead_lo or t.lows[named[0] - 1] not in _NOT_BEFORE_A_NAMED_COLON)
        ):
            return Found(None, named, "colon")
    trail = (trail_lo, min(trail_hi, trail_lo + MAX_INTERRUPTION), trail_lo, trail_hi)
    lead = (lead_lo, lead_hi, lead_lo, lead_hi)
    order = [("lead", lead, False), ("trail", trail, True)]
    if lead_lo == lead_hi or t.words[lead_hi - 1] in {".", "!", "?"}:
        order.reverse()
    for where, (lo, hi, np_lo, np_hi), first in order:
        found = cue_in(t, lo, hi, np_lo, np_hi, first=first, framing=where == "lead")
        if found is not None:
            return Found(found.cue, found.np, where)
    # Rule 6b: a quote closed by a comma, question or exclamation mark and followed by a
    # subject and its verb is that subject's, whatever the verb: manner-of-speaking verbs
    # are an open class (“Go back,” Trump barked; “Never,” an angry Hollande retorted).
    found = _subject_and_verb_after(doc, pairing, trail_lo, trail_hi) or _verb_and_subject_after(
        doc, pairing, trail_lo, trail_hi
    )
    if found is not None and lead_lo == lead_hi:
        return found
    # Rule 7: a cue later in the sentence: “...” to defeat IS, a statement said Thursday.
    found = cue_in(t, trail_lo, trail_hi, trail_lo, trail_hi, first=True)
    if found is not None:
        return Found(found.cue, found.np, "trail")
    # Rule 7b: a sentence opening with a participle cue has its subject after the
    # phrase, past the quote and its comma: Calling the plan “a shell game,” Ruiz voted no.
    if (
        lead_lo < lead_hi
        and t.lows[lead_lo].endswith("ing")
        and t.lows[lead_lo] in lx.FRAMING_VERBS
        and t.words[lead_lo][0].isupper()
        and trail_lo < trail_hi
    ):
        comma_inside = t.text[pairing.end - 1 : pairing.end] == ","
        start = trail_lo + 1 if t.words[trail_lo] == "," else trail_lo
        if comma_inside or start > trail_lo:
            np = np_after(t, start, trail_hi)
            if np is not None and is_speaker_like(t, np):
                return Found(t.words[lead_lo], np, "lead")
    # Rule 8: a colon ends the words before the quote without any cue: the subject of
    # that sentence introduces it (Obama is rolling out a new message: “It's about me.”).
    if lead_lo < lead_hi and t.words[lead_hi - 1] == ":":
        np = clause_subject(t, lead_lo, lead_hi - 1)
        if np is not None:
            return Found(None, np, "colon")
    # Rule 9: words owned by someone: Clinton's “public option”, his “average American”
    # followers, Trump's claim that there have been “thousands of shootings”.
    np = _possessor(doc, lead_lo, lead_hi)
    if np is not None:
        return Found(None, np, "possessive")
    # Rule 10: the sentence before introduced it with a colon: Smith said Tuesday: / “...”
    if lead_lo == lead_hi and s_start > 0:
        prev_end = s_start
        while prev_end > 0 and t.text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end > 0 and t.text[prev_end - 1] == ":":
            p_start, _ = doc.sentences.sentence_of(prev_end - 1)
            lo, hi = t.token_range(p_start, prev_end)
            found = cue_in(t, lo, hi, lo, hi, first=False)
            if found is not None:
                return Found(found.cue, found.np, "colon")
            # Sanders made the following comment: / “...”; the last clause's subject, when
            # several come before the colon (When the panel sneered — Cruz hit back:)
            np = clause_subject(t, lo, hi - 1, last=True)
            if np is not None:
                return Found(None, np, "colon")
        # Rule 11: the sentence before, in the same paragraph, ends with its attribution
        # (The administration may be reluctant to act, Schiff said. “The other ...”):
        # the same speaker goes on, now quoted.
        para_start = doc.paragraphs[pairing.paragraph][0]
        if prev_end > para_start and t.text[prev_end - 1] == ".":
            p_start, _ = doc.sentences.sentence_of(prev_end - 1)
            lo, hi = t.token_range(max(p_start, para_start), prev_end)
            lo = max(lo, hi - _TRAILING_ATTRIBUTION)
            found = cue_in(t, lo, hi, lo, hi, first=False)
            if found is not None and found.np is not None:
                # Set off by a comma: ", Schiff said." or ", said Schiff."
                start = found.np[0]
                if "," in t.words[max(start - 2, 0) : start]:
                    return Found(found.cue, found.np, "previous sentence")
        # Rule 12: a quote that is a whole sentence of its own, right after a sentence
        # reporting someone's speech, goes on with that speaker (In response, she said
        # the two had made progress. “I believe the president has done a good job.”).
        found = _reported_speech_before(doc, pairing, s_start, trail_lo, trail_hi)
        if found is not None:
            return found
    # Rule 13: a fragment after a speech noun or a self-description in the sentence's first
    # clause is its subject's (Trump opened with a call for the party to “embrace” him;
    # Ruiz, who bills herself as the “people's mayor”).
    found = _subject_of_own_words(doc, s_start, lead_lo, lead_hi)
    if found is not None:
        return found
    return Found(None, None, "none")


def _subject_of_own_words(doc: Document, s_start: int, lo: int, hi: int) -> Found | None:
    """The person opening a sentence whose words the quote gives, as a speech noun (a call,
    a pledge) or a self-description (himself as the ...) right before it says."""
    t = doc.tokens
    if lo >= hi or lo != t.token_range(s_start, s_start + 1)[0]:
        return None  # words of the sentence only, no quote before the fragment
    lows = t.lows
    anchor = next(
        (
            k
            for k in range(hi - 1, max(lo, hi - _OWN_WORDS_REACH) - 1, -1)
            if (lows[k] in lx.SPEECH_NOUNS and k > lo and lows[k - 1] in _OWN_WORDS_DETERMINERS)
            or (lows[k] in _REFLEXIVES and k + 1 < hi and lows[k + 1] == "as")
        ),
        None,
    )
    if anchor is None or any(w in {";", ":"} for w in t.words[anchor:hi]):
        return None
    np = clause_subject(t, lo, anchor)
    if np is None or np[0] != lo:
        return None
    a, b = np
    if (b - a == 1 and lows[a] in {"he", "she"}) or (
        t.words[b - 1][0].isupper()
        and doc.mentions.is_known_person(strip_possessive(t.words[b - 1]))
    ):
        return Found(None, np, "subject")
    return None


def _reported_speech_before(
    doc: Document, pairing: Pairing, s_start: int, trail_lo: int, trail_hi: int
) -> Found | None:
    """The speaker of the sentence before a bare quote, when that sentence reports speech.

    Only a quote that is its whole sentence, in the paragraph of that sentence or opening
    the next one, with no quote between them (a quote between has its own speaker, whom
    the quotes after it follow).
    """
    t = doc.tokens
    if any(t.words[k] not in _CLOSING_PUNCTUATION for k in range(trail_lo, trail_hi)):
        return None
    prev_end = s_start
    while prev_end > 0 and t.text[prev_end - 1].isspace():
        prev_end -= 1
    para_start = doc.paragraphs[pairing.paragraph][0]
    if prev_end <= para_start and (pairing.open_mark > para_start + 1 or pairing.paragraph == 0):
        return None
    if prev_end == 0 or t.text[prev_end - 1] not in {".", "!", "?"}:
        return None
    p_start, _ = doc.sentences.sentence_of(prev_end - 1)
    lo, hi = t.token_range(p_start, prev_end)
    if t.first_bound(lo, hi) < hi:
        return None
    found = cue_in(t, lo, hi, lo, hi, first=True) or _person_acting(doc, lo, hi)
    if found is None or found.np is None:
        return None
    # A person only, named or "he"/"she": a group or a thing reported before a bare quote
    # is seldom who the quote is from.
    a, b = found.np
    last = strip_possessive(t.words[b - 1])
    if (b - a == 1 and t.lows[a] in {"he", "she"}) or (
        last[:1].isupper() and doc.mentions.is_known_person(last)
    ):
        return Found(found.cue, found.np, "reported before")
    return None


def _person_acting(doc: Document, lo: int, hi: int) -> Found | None:
    """The subject opening a sentence with no cue, when its verb follows it: the person
    a paragraph is about, whose words the bare quote after it gives (Ruiz praised the
    crews. / “They worked all night.”)."""
    t = doc.tokens
    opens = t.lows[lo] in lx.PERSON_PRONOUNS or may_open_subject(t, lo)
    np = np_after(t, lo, hi) if opens else None
    if np is None or np[0] != lo or np[1] >= hi:
        return None
    if any(is_possessive(w) for w in t.words[np[0] : np[1]]):
        return None  # "If Obama's experience is any guide", "Riverton University's Ana Ruiz"
    verb = t.words[np[1]]
    if not verb.isalpha() or not verb.islower() or verb in lx.SUBJECT_STOPS:
        return None
    return Found(None, np, "reported before")


def _credit_line(doc: Document, paragraph: int) -> Span | None:
    """The name of a paragraph that is only a dash and a name (a credit line: — Sanders.,
    - Ana Ruiz, mayor of Riverton)."""
    t = doc.tokens
    lo, hi = t.token_range(*doc.paragraphs[paragraph])
    if hi - lo > _CREDIT_LINE or lo >= hi or t.words[lo] not in _DASHES:
        return None
    if any(not t.is_free(k) for k in range(lo, hi)):
        return None
    np = np_after(t, lo + 1, hi)
    if np is None or not t.words[np[0]][0].isupper() or not is_speaker_like(t, np):
        return None
    rest = [w for w in t.words[np[1] : hi] if w not in {".", ","}]
    return np if not rest or t.words[np[1]] == "," else None


def _attribution_right_after(doc: Document, pairing: Pairing, lo: int, hi: int) -> Found | None:
    """`“...,” she said` / `“...?” asked Okafor`: a speech cue and its named or pronoun
    subject opening the words after a quote that ends as an attributed quote does, as a
    tag that ends there (not `“...,” Okafor said it would pass`, a clause of its own)."""
    t = doc.tokens
    if not closes_as_attributed(t.text, pairing):
        return None
    found = cue_in(t, lo, min(hi, lo + _ADJACENT_CUE), lo, hi, first=True)
    if found is None or found.np is None or (found.cue or "").lower() in _RELAYING_CUES:
        return None
    a, b = found.np
    if a == lo and t.words[b : b + 1] == (found.cue,):
        end = b + 1  # “...,” Sen. Ana Ruiz said
    elif a == lo + 1 and t.words[lo] == found.cue:
        end = b  # “...,” said Ruiz
    else:
        return None
    follower = t.words[end] if end < hi else "."
    if not (
        follower in _TAG_ENDS
        or t.lows[end] in _TAG_ADJUNCTS
        or (follower[0].isupper() and follower.lower() not in lx.SUBJECT_PRONOUNS)
    ):
        return None  # not a clause: “...,” Okafor said it would pass
    if (b - a == 1 and t.lows[a] in lx.PERSON_PRONOUNS) or t.words[b - 1][0].isupper():
        return Found(found.cue, found.np, "trail")
    return None


def closes_as_attributed(text: str, pairing: Pairing) -> bool:
    """True when a quote ends as a quote with a tag after it does: a comma, question or
    exclamation mark inside its closing mark (“Go,” she said / “Why?” he asked)."""
    last = pairing.pieces[-1][1]
    return pairing.close_mark is not None and text[last - 1 : last] in {",", "?", "!"}


def _subject_and_verb_after(doc: Document, pairing: Pairing, lo: int, hi: int) -> Found | None:
    """`“...,” NAME VERBED`: the subject and verb right after a quote that ends as an
    attributed quote does (with a comma, ? or ! inside its marks)."""
    t = doc.tokens
    if not closes_as_attributed(t.text, pairing):
        return None
    np = np_after(t, lo, hi)
    if np is not None and not is_speaker_like(t, np):
        np = speaker_head(t, np)  # "the candidate barked": the walk ran on over the verb
    if np is None or np[1] >= hi or not is_speaker_like(t, np):
        return None
    verb = t.words[np[1]]
    if says_how(verb, t.words[np[1] + 1] if np[1] + 1 < len(t.words) else ""):
        return Found(verb, np, "trail")
    return None


def _verb_and_subject_after(doc: Document, pairing: Pairing, lo: int, hi: int) -> Found | None:
    """`“...!” beamed Dana Okafor`: a verb of manner and a name right after a quote that
    ends as an attributed quote does."""
    t = doc.tokens
    if not closes_as_attributed(t.text, pairing):
        return None
    if lo + 1 >= hi or not t.words[lo].islower() or not t.words[lo].endswith("ed"):
        return None
    if not says_how(t.words[lo], t.words[lo + 1]) or not t.words[lo + 1][0].isupper():
        return None
    np = np_after(t, lo + 1, hi, inverted=True)
    if np is None or not is_speaker_like(t, np):
        return None
    return Found(t.words[lo], np, "trail")


def _possessor(doc: Document, lo: int, hi: int) -> Span | None:
    """Who owns the words before a quote: a possessive right before it, or one before a
    noun for speech in the same clause (Trump's claim that there have been “...”)."""
    t = doc.tokens
    if hi <= lo:
        return None
    if is_possessive(t.words[hi - 1]) or t.lows[hi - 1] in lx.POSSESSIVE_PRONOUNS:
        # Only words (“public option”), not a title or name (DuVernay's “13th”).
        return _owner_phrase(doc, hi - 1, lo) if _quote_starts_lower(doc, hi) else None
    for k in range(hi - 2, max(lo, hi - _POSSESSOR_REACH) - 1, -1):
        if t.lows[k + 1] not in lx.SPEECH_NOUNS:
            continue
        # One describing word may stand between: Trump's controversial pledge to be “...”.
        for owner in (k, k - 1):
            if (
                owner >= lo
                and (is_possessive(t.words[owner]) or t.lows[owner] in lx.POSSESSIVE_PRONOUNS)
                and (owner == k or (t.words[k].islower() and t.lows[owner] != "its"))
            ):
                return _owner_phrase(doc, owner, lo)
    return None


def _quote_starts_lower(doc: Document, k: int) -> bool:
    """True when the quote whose opening mark is token k begins with a lower-case word."""
    t = doc.tokens
    for word in t.words[k + 1 : k + 4]:  # past the mark (two tokens for '')
        if word[0].isalnum():
            return word[0].islower()
    return False


def _owner_phrase(doc: Document, k: int, lo: int) -> Span | None:
    """The possessor ending at token k, when it can speak: Hillary Clinton's, his."""
    t = doc.tokens
    if t.lows[k] in lx.POSSESSIVE_PRONOUNS:
        return (k, k + 1)
    np = np_ending_at(t, k, lo)
    if np is None:
        return None
    owner = strip_possessive(t.lows[k])
    if (t.words[k][0].isupper() and is_speaker_like(t, np)) or owner in lx.PERSON_NOUNS:
        return np  # Clinton's, the woman's
    return None  # "the country's", "the city's": a place or thing, not a speaker


def _transcript_label(doc: Document, pairing: Pairing) -> Span | None:
    """A speaker label in capitals opening a quote (`WALLACE: Let's start`), as tokens."""
    t = doc.tokens
    lo, hi = t.token_range(pairing.start, min(pairing.pieces[0][1], pairing.start + 40))
    k = lo
    while (
        k < hi and k - lo < 5 and (is_capitals_word(t.words[k]) or (t.words[k] == "." and k > lo))
    ):
        k += 1  # "MR. TRUMP": capital words, and an abbreviation's period
    if k > lo and k < hi and t.words[k] == ":":
        return (lo, k)
    return None


def until_next_quote(t: Tokens, lo: int, hi: int) -> int:
    """Where the words after a quote end: at the next quote (a title does not end them)."""
    return t.first_bound(lo, hi)


def after_previous_quote(t: Tokens, lo: int, hi: int) -> int:
    """Where the words before a quote start: after the quote before (a title aside)."""
    return t.last_bound(lo, hi) + 1

"""Kinds: whether a quote is a full statement, a fragment of the reporter's sentence, or a term.

Decided after attribution because it depends on it: a fragment a speaker and cue govern
(called the plan “a shell game”) is partial, a quoted word or title nobody is credited with
(the city's “rainy day” reserve, appeared on “Face the Nation”) is a term.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from attribution import lexicon as lx
from attribution.extract.candidates import after_previous_quote
from attribution.extract.cues import cue_index, is_noun_use
from attribution.extract.document import Document, Found
from attribution.extract.marks import Pairing, after_close, mark_end, quoted_text
from attribution.extract.names import is_possessive
from attribution.extract.tokens import FREE, TOKEN_RE
from attribution.model import QuoteKind
from attribution.typography import INNER_SENTENCE_END_RE, ends_sentence, without_closing

# Small words between a term marker and its term: known as the “X”, a show called the “Y”.
_MARKER_TAILS = frozenset({"as", "the", "a", "an"})
# A term is short: the so-called "peace dividend", a show called "Keeping Up with the Kardashians".
_MAX_TERM_WORDS = 6
# The longest object between a cue and the title-shaped words it names, in tokens.
_MAX_OBJECT = 6


def _names_a_thing(doc: Document, pairing: Pairing, lead: Sequence[str]) -> bool:
    """True for a title between a determiner and a noun it names: the “Fight for 15”
    movement, a “Buy American” clause, their “Yes on 3” campaign."""
    t = doc.tokens
    if not lead or lead[-1] not in lx.NOUN_DETERMINERS:
        return False
    k, hi = t.token_range(after_close(t.text, pairing), doc.paragraphs[pairing.paragraph][1])
    if k >= hi or t.owner[k] != FREE:
        return False
    word, low = t.words[k], t.lows[k]
    return (
        word.isalpha()
        and word.islower()
        and low not in lx.CUE_VERBS
        and low not in lx.SUBJECT_STOPS
        and low not in lx.PREPOSITIONS
        and low not in {"and", "or", "but", "is", "was", "are", "were", "has", "had", "will"}
    )


def kind_of(doc: Document, index: int, found: Found) -> QuoteKind:
    """Direct statement, partial quote inside the reporter's sentence, or a term.

    Terms first, rule by rule; then a quote standing as its own sentence (or introduced
    by its attribution) is direct, and a fragment of the reporter's sentence partial.
    """
    t = doc.tokens
    pairing = doc.pairings[index]
    quote_text = quoted_text(t.text, pairing)
    quote_words = [t for t in TOKEN_RE.findall(quote_text) if t[0].isalnum()]
    s_start, _ = doc.sentences.sentence_of(pairing.open_mark)
    lead_lo, lead_hi = t.token_range(s_start, pairing.open_mark)
    lead_lo = after_previous_quote(t, lead_lo, lead_hi)
    lead = t.lows[lead_lo:lead_hi]
    lead_words = [w for w in lead if w[0].isalnum()]
    whole_sentence = ends_sentence(quote_text)
    # A question or several sentences is someone's statement, whatever stands before it.
    statement = ends_sentence_question(quote_text) or bool(INNER_SENTENCE_END_RE.search(quote_text))
    adjacent = found.where in {"trail", "lead", "colon"} and _adjacent(doc, index, found)
    short = len(quote_words) <= _MAX_TERM_WORDS and not statement
    # Rule T1: a term marker just before: the so-called "peace dividend", a show titled
    # "Morning Joe", the bill known as the "JASTA" (not a statement credited right after
    # it: In a column, "We lost," he wrote).
    punctuated = quote_text.rstrip().endswith((",", ".", "?", "!"))
    if lead_words and short and not (found.where == "trail" and adjacent and punctuated):
        tail = len(lead_words)
        while tail > 0 and len(lead_words) - tail < 2 and lead_words[tail - 1] in _MARKER_TAILS:
            tail -= 1
        # The marker must stand right before the quote: "said of the episode, “I don't
        # like it,”" credits the words, it does not name an episode.
        if tail > 0 and lead_words[tail - 1] in lx.TERM_MARKERS and lead[-1] not in {",", ":"}:
            return QuoteKind.TERM
        # "a group called “X”" names something; "Tim Cook called it “crap”" is partial.
        if (
            lead_words[-1] in {"called", "named"}
            and lead[-1] == lead_words[-1]
            and (found.np is None or t.lows[found.np[0]] in {"a", "an"})
        ):
            return QuoteKind.TERM
    # Rule T2: a nickname inside a name: Rep. Robert C. “Bobby” Scott.
    if short and len(quote_words) <= 2 and _inside_a_name(doc, pairing):
        return QuoteKind.TERM
    # Rule T3: a title in capitals (“Fox News Sunday”, “Shark Tank”), unless someone is
    # credited with it right there: introduced by a cue, a colon or "as" (hailed him as
    # “The Comeback Kid”), named by a cue over its object (Trump called the pageant
    # winner “Miss Piggy”), or its attribution next to it. Where a title stands it is a
    # title all the same: after a possessive (MSNBC's “Morning Joe”), after "on" or "in"
    # (appeared on “Face the Nation”), after a media noun (a broadcast of “...”).
    if is_title_like(quote_words) and short and _names_a_thing(doc, pairing, lead):
        return QuoteKind.TERM  # the “Fight for 15” movement said: the movement speaks
    if is_title_like(quote_words) and short:
        last = lead_words[-1] if lead_words else ""
        title_place = bool(lead_words) and (
            is_possessive(t.words[lead_hi - 1])
            or last in {"on", "in"}
            or last in lx.MEDIA_NOUNS
            or (len(lead_words) >= 2 and lead_words[-2] in lx.MEDIA_NOUNS)
        )
        credited = adjacent or (
            found.np is not None
            and (
                last in {"as"} | lx.FRAMING_VERBS
                or lead_is_attribution(lead)
                or _cue_over_object(doc, lead_lo, lead_hi)
            )
        )
        if title_place or not credited:
            return QuoteKind.TERM
    # Rule T4: a short fragment inside a sentence that credits nobody with it: scare
    # quotes (the “experts” were wrong). At the sentence's end too (a loud-mouthed
    # “he.”), when nothing in the sentence is a cue and no other quote shares it.
    if lead_words and found.np is None and len(quote_words) <= 4:
        if not whole_sentence:
            return QuoteKind.TERM
        sentence_lo, _ = t.token_range(s_start, pairing.open_mark)
        before = t.lows[sentence_lo:lead_hi]
        if not any(w in lx.FRAMING_VERBS for w in before) and all(
            o == FREE for o in t.owner[sentence_lo:lead_hi]
        ):
            return QuoteKind.TERM
    # A whole sentence introduced by a comma or colon is quoted whole: I thought, “This is it.”
    if (
        lead
        and lead[-1] in {",", ":"}
        and quote_words
        and quote_words[0][0].isupper()
        and whole_sentence
    ):
        return QuoteKind.DIRECT
    if not lead_words or lead_is_attribution(lead):
        if quote_words and (
            quote_words[0][0].isupper() or quote_words[0][0].isdigit() or len(quote_words) >= 8
        ):
            return QuoteKind.DIRECT
        if not lead_words:
            return QuoteKind.DIRECT
    return QuoteKind.PARTIAL


def _cue_over_object(doc: Document, lo: int, hi: int) -> bool:
    """True when the words before a quote are a cue and its object: called the 1996
    pageant winner, proclaimed a goal of, concluded his comments were."""
    t = doc.tokens
    for k in range(hi - 1, max(lo, hi - _MAX_OBJECT) - 1, -1):
        word, low = t.words[k], t.lows[k]
        if not word[0].isalnum():
            return False
        if word.islower() and low in lx.FRAMING_VERBS and not is_noun_use(t, k, lo):
            return k < hi - 1  # a cue right before the quote is handled already
    return False


def _inside_a_name(doc: Document, pairing: Pairing) -> bool:
    """True when capitalised words stand right before and after the quote: a nickname."""
    t = doc.tokens
    lo, _ = t.token_range(pairing.open_mark, pairing.open_mark + 1)
    close = pairing.close_mark
    if close is None or lo == 0:
        return False
    after, _ = t.token_range(mark_end(t.text, close), len(t.text))
    before = t.words[lo - 1]
    if before == "." and lo >= 2:
        before = t.words[lo - 2]  # an initial: Robert C. “Bobby” Scott
    return (
        after < len(t.words)
        and before[0].isupper()
        and t.words[after][0].isupper()
        and t.lows[after] not in lx.NOT_NAMES
        and all(w[0].isupper() for w in t.words[lo:after] if w[0].isalnum())
    )


def _adjacent(doc: Document, index: int, found: Found) -> bool:
    """True when the speaker phrase or cue touches the quote (within a few tokens)."""
    t = doc.tokens
    if found.np is None:
        return False
    pairing = doc.pairings[index]
    after = after_close(t.text, pairing)
    lo, _ = t.token_range(after, after + 1)
    start, end = found.np
    if found.where == "trail":
        return start - lo <= 3 or (cue_index(t, lo, lo + 3) is not None)
    _, hi = t.token_range(0, pairing.open_mark)
    return hi - end <= 3


def share_kinds(doc: Document, kinds: list[QuoteKind]) -> None:
    """Quotes joined by "and", "or" or a comma are alike: Trump called her “Miss Piggy”
    and “Miss Housekeeping” are both his words, a show's “Act One” and “Act Two” both
    titles. The first of the pair decides."""
    t = doc.tokens
    for i in range(1, len(kinds)):
        prev, pairing = doc.pairings[i - 1], doc.pairings[i]
        if prev.close_mark is None or prev.paragraph != pairing.paragraph:
            continue
        gap = t.text[mark_end(t.text, prev.close_mark) : pairing.open_mark]
        if gap.strip() in {"and", "or", ",", ", and", ", or"}:
            kinds[i] = kinds[i - 1]


def is_title_like(words: Sequence[str]) -> bool:
    """Every significant word capitalised, and short: the shape of a show, book or bill title."""
    if not words or len(words) > _MAX_TERM_WORDS:
        return False
    significant = [w for w in words if w.lower() not in lx.TITLE_SMALL_WORDS]
    if not significant or (len(words) < 2 and len(words[0]) < 2):
        return False
    if len(words) == 1:
        return False  # one capitalised word is as often "Absolutely" as a title
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


@functools.lru_cache(maxsize=4096)  # asked twice per quote: by statement linking, by tokens
def is_title_shaped(text: str) -> bool:
    """True for a quote shaped like a title: short, every significant word capitalised, not
    a sentence (“Meet the Press”, “America's Unwritten Constitution,”)."""
    words = [w for w in TOKEN_RE.findall(text) if w[0].isalnum()]
    return (
        is_title_like(words)
        and not ends_sentence_question(text)
        and not INNER_SENTENCE_END_RE.search(text)
        and not without_closing(text).endswith(".")
    )


def ends_sentence_question(text: str) -> bool:
    """True for a quote ending in ? or !: a title rarely does, a question always."""
    return without_closing(text).endswith(("?", "!"))


def lead_is_attribution(lead: Sequence[str]) -> bool:
    """True when the words before a quote only introduce it: `Smith said:`, `He added,`."""
    if not lead:
        return True
    if lead[-1] == ":":
        return True
    if lead[-1] == "," and any(w in lx.CUE_VERBS for w in lead[-6:-1]):
        return True
    return lead[-1] == "," and "according" in lead[-8:]

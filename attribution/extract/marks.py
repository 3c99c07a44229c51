"""Mark pairing: find every quoted span by pairing quotation marks at character level.

The first stage of extraction, before any sentence split, because sentence splitters cut
inside `“No. Never.”`; the spans it finds bound the sentences, cues and speakers that the
later stages read around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from attribution import lexicon as lx
from attribution.typography import (
    CLOSE,
    DOUBLE_MARKS,
    GLYPH_DIRECTION,
    MARK_RE,
    OPEN,
    PRIMES,
    SINGLE_MARKS,
)

# Markup tags pasted with the text (`<tweet author="...">`): their marks delimit attributes.
# One bounded class, so a `<` never followed by `>` costs a bounded scan and no backtracking.
_TAG_RE = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>\n]{0,4000})?/?>")
# A transcript's speaker label: one to three words in capitals and a colon ("MR. TRUMP: ").
# Each part is one class repeated, separated by a space the class excludes: no backtracking.
_SPEAKER_LABEL_RE = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}:\s")
# Lower-case words, for spotting a cue verb.
_WORD_RE = re.compile(r"[a-z]+")
# How many words after a closing mark its cue may stand (", the mayor of Riverton said").
_CUE_REACH = 6
# The most words an attribution between two quotes has ("Rep. Gwen Moore (D-Wis.) said").
_ATTRIBUTION_WORDS = 12
# Lines no longer than this, in a text of several lines, are hard-wrapped (email, plain-text
# wires): their line breaks are not paragraph breaks. Paragraphs of news copy run longer.
_WRAP_WIDTH = 100

# Characters after which a mark can open a quote (besides white space and the text's start).
# A backtick is half of the TeX opening mark ``, so a mark can stand next to one.
_BEFORE_OPENING = frozenset("([{\u2014\u2013-/:`") | DOUBLE_MARKS | SINGLE_MARKS
# Characters before which a mark can close a quote (besides white space and the text's end).
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-/\u2026*`") | DOUBLE_MARKS | SINGLE_MARKS
# Format characters that take no room on the page: bidi embeddings, marks and isolates, the
# zero-width space and joiners, the word joiner and the byte-order mark.
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
# Elisions that begin with an apostrophe: 'em, 'til, 'cause, 'tis, 'n' ...
_ELISION_RE = re.compile(
    r"(?:s|t|d|m|ll|re|ve|em|til|cause|tis|twas|bout|round|n|nuff)(?![^\W\d_])", re.I
)
# Nesting deeper than a quote within a quote is taken for a typing error, not a third level.
_MAX_DEPTH = 2
# Blank lines separate paragraphs when the text has any; otherwise each line is a paragraph.
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")

# A mark as pairing reads it: position, the mark, whether it can open, whether it can close.
_Mark = tuple[int, str, bool, bool]


@dataclass(slots=True)
class Pairing:
    """A quote's extent as found by mark pairing, before attribution.

    `pieces` are (start, end) offsets of the quoted words in each paragraph (or on each side
    of an interrupting attribution), marks excluded and white space trimmed.
    """

    pieces: list[tuple[int, int]]
    open_mark: int
    close_mark: int | None
    paragraph: int
    uncertain: str | None = None
    # Positions of the marks that reopen the quote in a later paragraph ("“..." on the next
    # line): they are the quote's, though no piece holds them. A piece ends at its
    # paragraph's end, where no mark stands.
    reopen_marks: list[int] = field(default_factory=list)
    # The index of the pairing this one stands inside (a quote within a quote), or None;
    # `outer` is that pairing while the article is being paired, before indexes are final.
    within: int | None = None
    outer: Pairing | None = None

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def quoted_text(text: str, pairing: Pairing) -> str:
    """A quote's words: its pieces of the text joined by one space (`Quote.text`)."""
    pieces = pairing.pieces
    if len(pieces) == 1:
        start, end = pieces[0]
        return text[start:end]
    return " ".join([text[s:e] for s, e in pieces])


def after_close(text: str, pairing: Pairing) -> int:
    """Where the text after a quote starts: past its closing mark, or at its end if it has none."""
    return mark_end(text, pairing.close_mark) if pairing.close_mark is not None else pairing.end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty paragraph, trimmed of surrounding white space.

    Args:
        text: a whole article.

    Returns:
        Paragraph spans in order. Each line is a paragraph, as in copy from the web and from
        news systems; in hard-wrapped text (every line short) only blank lines separate them.
    """
    if _is_hard_wrapped(text) and _BLANK_LINE_RE.search(text):
        breaks = [(m.start(), m.end()) for m in _BLANK_LINE_RE.finditer(text)]
    else:
        breaks = [(m.start(), m.end()) for m in re.finditer(r"\n", text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for b_start, b_end in [*breaks, (len(text), len(text))]:
        span = trim_span(text, pos, b_start)
        if span[0] < span[1]:
            spans.append(span)
        pos = b_end
    return spans


def pair_quote_marks(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Pairing]:
    """Find every quoted span by pairing quotation marks, paragraph by paragraph.

    Double marks are the primary quotation marks unless the article uses only single ones
    (British style). A quote open at a paragraph's end continues when the next paragraph
    reopens it; otherwise it ends there and is marked uncertain, as is a closing mark with
    nothing open: such quotes are kept, never dropped.

    Args:
        text: a whole article.
        paragraphs: its `paragraph_spans`, when the caller has them already.

    Returns:
        Every quoted span in text order: the primary marks' quotes, single-quoted ones
        outside them, and quotes inside a quote (a columnist's quoted passage that itself
        quotes a candidate), each of those with `within` set to its outer quote's index.
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    marks = _marks(text)
    by_paragraph = _marks_by_paragraph(marks, paragraphs)
    primary = _primary_family(text, paragraphs, by_paragraph)
    pairings = _pair_family(text, paragraphs, by_paragraph, primary)
    if primary is DOUBLE_MARKS:
        singles = _pair_singles(text, paragraphs, by_paragraph, pairings)
        pairings.extend(_nest_in_singles(text, pairings, singles))
    pairings.sort(key=lambda p: p.open_mark)
    index = {id(p): i for i, p in enumerate(pairings)}
    for pairing in pairings:
        if pairing.outer is not None:
            pairing.within = index.get(id(pairing.outer))
    return pairings


# --- pairing ------------------------------------------------------------------------------


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past white space at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def mark_at(text: str, pos: int) -> str:
    """The quotation mark starting at `pos`: one character, or two for `''` and ``` `` ```."""
    pair = text[pos : pos + 2]
    return pair if pair in ("''", "``") else text[pos : pos + 1]


def mark_end(text: str, pos: int) -> int:
    """Where the quotation mark starting at `pos` ends."""
    return pos + len(mark_at(text, pos))


def _marks(text: str) -> list[tuple[int, str]]:
    """Every quotation mark with its position, leaving out those inside markup tags."""
    marks = [(m.start(), m.group()) for m in MARK_RE.finditer(text)]
    if "'''" in text:
        marks = _split_triple_marks(text, marks)
    tags = markup_spans(text)
    if tags:
        starts = [start for start, _ in tags]
        marks = [(pos, mark) for pos, mark in marks if not _inside(pos, starts, tags)]
    return marks


def _split_triple_marks(text: str, marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`'''` as the two marks it is: after a word a single mark closes first, then the
    double; before one, the reverse."""
    out: list[tuple[int, str]] = []
    for pos, mark in marks:
        if mark != "'''":
            out.append((pos, mark))
        elif pos > 0 and not text[pos - 1].isspace():
            out += [(pos, "'"), (pos + 1, "''")]
        else:
            out += [(pos, "''"), (pos + 2, "'")]
    return out


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every markup tag in the text (`<tweet id="1">`, `</p>`)."""
    return [(m.start(), m.end()) for m in _TAG_RE.finditer(text)] if "<" in text else []


def _inside(pos: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


def _is_hard_wrapped(text: str) -> bool:
    """True when there are several lines and every one is short: text wrapped at a width."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 3 and max(len(line) for line in lines) <= _WRAP_WIDTH


def _marks_by_paragraph(
    marks: list[tuple[int, str]], paragraphs: list[tuple[int, int]]
) -> list[list[tuple[int, str]]]:
    """Distribute marks over paragraphs in one pass (both lists are in text order)."""
    out: list[list[tuple[int, str]]] = [[] for _ in paragraphs]
    i = 0
    for pos, mark in marks:
        while i < len(paragraphs) and paragraphs[i][1] <= pos:
            i += 1
        if i == len(paragraphs):
            break
        if paragraphs[i][0] <= pos:
            out[i].append((pos, mark))
    return out


def _flanks(text: str, pos: int, para: tuple[int, int], size: int = 1) -> tuple[bool, bool]:
    """Whether the mark at `pos` can open (a word follows it) and can close (a word precedes it)."""
    prev = text[pos - 1] if pos > para[0] else None
    nxt = text[pos + size] if pos + size < para[1] else None
    # Invisible format characters (bidi marks pasted from social media, zero-width spaces)
    # stand where white space would: ‪”This is why” opens after one.
    if prev is not None and prev in _INVISIBLE:
        prev = " "
    if nxt is not None and nxt in _INVISIBLE:
        nxt = " "
    can_open = (
        nxt is not None
        and not nxt.isspace()
        and (prev is None or prev.isspace() or prev in _BEFORE_OPENING)
    )
    can_close = (
        prev is not None
        and not prev.isspace()
        and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSING)
    )
    return can_open, can_close


def _direction(mark: str, can_open: bool, can_close: bool, depth: int) -> int:
    """Read a mark as opening or closing: context first, then the glyph, then the state."""
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    glyph = GLYPH_DIRECTION.get(mark)
    if glyph is not None:
        return glyph
    return CLOSE if depth else OPEN


def _is_apostrophe(text: str, pos: int, para: tuple[int, int]) -> bool:
    """True when a single mark is an apostrophe: it’s, Iraq‘s, ’90s, rock ’n’ roll, 'em."""
    prev = text[pos - 1] if pos > para[0] else ""
    nxt = text[pos + 1] if pos + 1 < para[1] else ""
    if prev.isalnum() and nxt.isalnum():
        return True
    if nxt.isdigit():
        return True
    return bool(_ELISION_RE.match(text, pos + 1, min(pos + 7, para[1])))


def _is_measure(text: str, pos: int, para: tuple[int, int]) -> bool:
    """True for a prime after a digit (`6'2"`, a `12"` screen): a unit, or a quote's close.

    Only a straight mark or a prime can be one: a curly mark after a digit closes a quote
    (“with the worst 40”). Pairing tells the two apart by what is open.
    """
    return pos > para[0] and text[pos - 1].isdigit() and text[pos] in PRIMES


def _primary_family(
    text: str, paragraphs: list[tuple[int, int]], by_paragraph: list[list[tuple[int, str]]]
) -> frozenset[str]:
    """Double marks, unless the article has none and quotes with single marks (British style)."""
    for para, marks in zip(paragraphs, by_paragraph, strict=True):
        for pos, mark in marks:
            if mark in DOUBLE_MARKS and not _is_measure(text, pos, para):
                return DOUBLE_MARKS
    return SINGLE_MARKS


def _pair_family(
    text: str,
    paragraphs: list[tuple[int, int]],
    by_paragraph: list[list[tuple[int, str]]],
    family: frozenset[str],
) -> list[Pairing]:
    """Pair one family of marks over the whole article, following quotes across paragraphs."""
    singles = family is SINGLE_MARKS
    done: list[Pairing] = []
    nested: list[Pairing] = []  # quotes within a quote of the same family of marks
    pending: Pairing | None = None  # open at the end of the previous paragraph
    # Where the last quote closed so far: closes come in text order, so this is the latest
    # close of all of `done`, found without rescanning it at every paragraph.
    last_close: int | None = None
    for index, (para, all_marks) in enumerate(zip(paragraphs, by_paragraph, strict=True)):
        marks = [
            (pos, mark, *_flanks(text, pos, para, len(mark)))
            for pos, mark in all_marks
            if mark in family and not (singles and _is_apostrophe(text, pos, para))
        ]
        current: Pairing | None = None
        depth = 0
        first = 0
        inner_open: int | None = None  # where a quote within the current quote opened
        if pending is not None:
            if (
                marks
                and marks[0][0] == para[0]
                and marks[0][2]
                and not _starts_new_statement(
                    text, para, marks, paragraphs[index - 1], last_close, pending
                )
            ):
                # The paragraph reopens the quote: it continues here.
                pos = marks[0][0]
                pending.reopen_marks.append(pos)
                pending.pieces.append((pos + len(marks[0][1]), para[1]))
                current, depth, first = pending, 1, 1
            elif marks and _direction(marks[0][1], marks[0][2], marks[0][3], 1) == CLOSE:
                # Closed here without being reopened: one quote, carried on without its mark.
                pending.pieces.append((para[0], para[1]))
                pending.uncertain = "a paragraph continues this quote without reopening it"
                current, depth = pending, 1
            else:
                pending.uncertain = "the quote is not closed; it is taken to end with its paragraph"
                done.append(pending)
            pending = None
        for k in range(first, len(marks)):
            pos, mark, can_open, can_close = marks[k]
            if (
                not singles
                and _is_measure(text, pos, para)
                and (depth == 0 or not can_close or _only_closes(_after(marks, k)))
            ):
                # 6'2", a 12" screen: a unit, where no quote is open or a later mark closes
                # the quote; else it closes it ("Measure 7", ''Harbor Watch 2'').
                continue
            direction = _direction(mark, can_open, can_close, depth)
            if depth == 0:
                if direction == OPEN:
                    current = Pairing([(pos + len(mark), para[1])], pos, None, index)
                    depth = 1
                elif not singles:
                    # A closing mark with nothing open: the quote's opening mark is missing.
                    start = _after_last_close(text, last_close, para)
                    last_close = pos
                    done.append(
                        Pairing(
                            [(start, pos)],
                            start,
                            pos,
                            index,
                            uncertain="a closing quotation mark has no opening mark; "
                            "the quote is taken to start with its paragraph",
                        )
                    )
            elif direction == OPEN and depth < _MAX_DEPTH:
                depth += 1  # a quote within the quote
                inner_open = pos
            elif direction == CLOSE or depth >= _MAX_DEPTH:
                if (
                    singles
                    and depth == 1
                    and _is_plural_possessive(text, pos, para, _after(marks, k))
                ):
                    continue  # the kids’ homework: an apostrophe inside the quote
                depth -= 1
                if depth == 1 and inner_open is not None and current is not None:
                    nested.append(
                        Pairing(
                            [(mark_end(text, inner_open), pos)],
                            inner_open,
                            pos,
                            index,
                            outer=current,
                        )
                    )
                    inner_open = None
                if depth == 0 and current is not None:
                    s, _ = current.pieces[-1]
                    current.pieces[-1] = (s, pos)
                    current.close_mark = pos
                    last_close = pos
                    done.append(current)
                    current = None
        if current is not None:
            pending = current
    if pending is not None:
        pending.uncertain = "the quote is not closed before the end of the article"
        done.append(pending)
    return [p for p in (_trimmed(text, p) for p in done + nested) if p is not None]


def _starts_new_statement(
    text: str,
    para: tuple[int, int],
    marks: list[_Mark],
    prev_para: tuple[int, int],
    last_close: int | None,
    pending: Pairing,
) -> bool:
    """True when a paragraph that reopens an unclosed quote starts another statement instead.

    Rule by rule: a transcript's speaker label follows the mark (`"PENCE: Well, ...`); or the
    paragraph's quote closes and is credited on its own (`“...,” added Rep. Jim Clyburn`)
    while the open quote was already credited just before it (`“...,” Moore said. “If
    indeed ...` or `Moore said: “If indeed ...`), as a writer who forgot a closing mark
    leaves it.
    """
    after_mark = marks[0][0] + len(marks[0][1])
    if _SPEAKER_LABEL_RE.match(text, after_mark, para[1]):
        return True
    close = next(
        (pos + len(m) for pos, m, can_open, can_close in marks[1:] if can_close and not can_open),
        None,
    )
    # Only this paragraph's words after the close: the next paragraph may open with a cue
    # of its own ("Natarajan said the vote is in May."), which credits nothing here.
    if close is None or not _opens_with_cue(text[close : min(close + 80, para[1])]):
        return False
    # The words between the open quote and the quote (or paragraph start) before it.
    gap_start = _after_last_close(text, last_close, prev_para)
    gap = _WORD_RE.findall(text[gap_start : pending.open_mark].lower())
    return len(gap) <= _ATTRIBUTION_WORDS and any(w in lx.CUE_VERBS for w in gap)


def _opens_with_cue(segment: str) -> bool:
    """True when text right after a quote begins with its attribution: `, added Clyburn`."""
    return any(w in lx.CUE_VERBS for w in _WORD_RE.findall(segment.lower())[:_CUE_REACH])


def _after_last_close(text: str, last_close: int | None, para: tuple[int, int]) -> int:
    """Where text after the last quote closed in this paragraph starts (else the paragraph's)."""
    if last_close is not None and last_close >= para[0]:
        return mark_end(text, last_close)
    return para[0]


def _trimmed(text: str, pairing: Pairing) -> Pairing | None:
    """The pairing with each piece trimmed of white space; None when no words are quoted."""
    pieces = [trim_span(text, s, e) for s, e in pairing.pieces]
    pieces = [(s, e) for s, e in pieces if s < e]
    if not pieces:
        return None
    pairing.pieces = pieces
    return pairing


def _pair_singles(
    text: str,
    paragraphs: list[tuple[int, int]],
    by_paragraph: list[list[tuple[int, str]]],
    doubles: list[Pairing],
) -> list[Pairing]:
    """Single-quoted spans in an article quoted with double marks: outside the double quotes
    (headlines, a British quote in a US article) and inside them (a quote within a quote:
    “... and then he said, ‘We will carry this state,’ and ...”).

    Only clear pairs count, within one paragraph and one container (the same double quote, or
    none): an unpaired single mark is an apostrophe far more often than a quote, so it is
    never reported. A pair inside a double quote is nested in it (`outer`).
    """
    pieces = sorted((s, e, p) for p in doubles for s, e in _with_marks(text, p) if p.outer is None)
    starts = [s for s, _, _ in pieces]
    out: list[Pairing] = []
    for index, (para, all_marks) in enumerate(zip(paragraphs, by_paragraph, strict=True)):
        marks = [
            (pos, mark, *_flanks(text, pos, para))
            for pos, mark in all_marks
            if mark in SINGLE_MARKS and not _is_apostrophe(text, pos, para)
        ]
        # The open single mark in each container (a double quote, or None for the text
        # outside them): a pair never spans the edge of a double quote, but may hold one
        # whole (‘He said “no” and meant it’), single marks inside it or not.
        openers: dict[int, int] = {}
        containers = [_container(pos, starts, pieces) for pos, *_ in marks]
        for k, (pos, _mark, can_open, can_close) in enumerate(marks):
            container = containers[k]
            key = id(container)
            if can_open and not can_close:
                openers[key] = pos
            elif can_close and not can_open and key in openers:
                # Only a mark in the same container can close this pair instead.
                following = next(
                    (marks[j] for j in range(k + 1, len(marks)) if containers[j] is container),
                    None,
                )
                if _is_plural_possessive(text, pos, para, following):
                    continue
                opener = openers.pop(key)
                pairing = _trimmed(
                    text, Pairing([(opener + 1, pos)], opener, pos, index, outer=container)
                )
                if pairing is not None and not _is_whole(pairing, container):
                    out.append(pairing)
    return out


def _nest_in_singles(text: str, doubles: list[Pairing], singles: list[Pairing]) -> list[Pairing]:
    """Make a double quote that stands inside a single-quoted one a quote within it.

    British style quotes with single marks and nests double ones (‘The mayor told us “it
    opens in May”’): the double marks still pair first, as everywhere, and are then set
    inside the single quote that holds them, as a quote within a quote is.

    Returns:
        The single-quoted spans to keep: not one whose words are a double quote whole
        (‘“Hamilton”’), the same span twice, which the double quote already is.
    """
    outside = [p for p in singles if p.outer is None]  # in text order, none inside another
    starts = [p.open_mark for p in outside]
    same_span: set[int] = set()
    for double in doubles:
        if double.outer is not None or double.close_mark is None:
            continue
        k = bisect.bisect_left(starts, double.open_mark) - 1
        single = outside[k] if k >= 0 else None
        if single is None or single.close_mark is None:
            continue
        double_end = mark_end(text, double.close_mark)
        if (double.open_mark, double_end) == (single.start, single.end):
            same_span.add(id(single))
        elif double_end <= single.close_mark:
            double.outer = single
    return [p for p in singles if id(p) not in same_span]


def _with_marks(text: str, pairing: Pairing) -> list[tuple[int, int]]:
    """A double quote's pieces widened to its marks: what a single mark may stand inside."""
    pieces = list(pairing.pieces)
    close = pairing.close_mark
    pieces[0] = (pairing.open_mark, pieces[0][1])
    if close is not None:
        pieces[-1] = (pieces[-1][0], mark_end(text, close))
    return pieces


def _container(
    pos: int, starts: list[int], pieces: list[tuple[int, int, Pairing]]
) -> Pairing | None:
    """The double quote whose piece holds position `pos`, or None."""
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and pos < pieces[k][1]:
        return pieces[k][2]
    return None


def _is_whole(pairing: Pairing, container: Pairing | None) -> bool:
    """True when single marks pair around a double quote's whole text (“‘Hamilton’”): the
    same span twice, not a quote within a quote."""
    return (
        container is not None
        and pairing.close_mark is not None
        and (pairing.open_mark, pairing.close_mark + 1) == (container.start, container.end)
    )


def _is_plural_possessive(
    text: str, pos: int, para: tuple[int, int], following: _Mark | None
) -> bool:
    """True when a closing single mark is a plural possessive inside the quote it seems to
    close: ‘It’s the kids’ homework that matters,’ (British style, and quotes within quotes).

    The mark follows a word ending in s and precedes a lower-case word, and the next mark
    that could close the same quote (`following`) can only close: the quote goes on to it.
    """
    if pos == para[0] or text[pos - 1] not in "sS" or text[pos] not in "'\u2019":
        return False
    after = text[pos + 1 : pos + 3]
    if len(after) < 2 or after[0] != " " or not after[1].islower():
        return False
    return _only_closes(following)


def _after(marks: list[_Mark], k: int) -> _Mark | None:
    """The mark after mark k of the paragraph, or None."""
    return marks[k + 1] if k + 1 < len(marks) else None


def _only_closes(mark: _Mark | None) -> bool:
    """True when a mark can only close (a word before it, none after): a quote open before
    it goes on to it."""
    return mark is not None and mark[3] and not mark[2]

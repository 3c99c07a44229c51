"""GitHub-flavoured markdown pieces every markdown report is built from.

Article text placed in markdown is escaped once, here: a quote can neither break a table nor
inject HTML. Kept apart so the compare and check reports escape, mark and tabulate alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from attribution.model import Change, Match, Quote
from attribution.report.common import (
    TABLE_QUOTE_CHARS,
    count,
    cut,
    difference,
    one_line,
    visible,
)

# Characters GitHub markdown would read as syntax (emphasis, code, links, tables, HTML,
# entities, math); each is backslash-escaped, which CommonMark allows for all ASCII punctuation.
_MD_SPECIAL_RE = re.compile(r"([\\`*_~\[\]|#<>&$!])")
_SPACE_RE = re.compile(r"\s+")
# A line that starts like a list item or a setext underline would change the block.
_BLOCK_START_RE = re.compile(r"^(\d+)([.)])|^([-+=])")
# Anything md_escape would change, but for runs of spaces and the text's two ends: syntax,
# control characters, white space other than a space. One character class, so the search
# is a single scan: most quotes have none of it and are returned as they are.
_SPECIAL_RE = re.compile(r"[\\`*_~\[\]|#<>&$!\x00-\x1f\x7f-\x9f]|[^\S ]")


def md_escape(text: str) -> str:
    """Article text made safe for one line of markdown (a table cell, a heading, a quote).

    Runs of white space (newlines included) become one space; markdown and HTML syntax is
    backslash-escaped so it shows as written; control characters become visible symbols.
    """
    if not text or (
        _SPECIAL_RE.search(text) is None
        and "  " not in text
        and text[0] != " "
        and text[-1] != " "
        and not text[0].isdecimal()
        and text[0] not in "+=-"
    ):
        return text
    return escape_always(text)


def escape_always(text: str) -> str:
    """`md_escape` without its shortcut for plain text: the obviously right version the
    tests hold the fast one to."""
    text = visible(one_line(text))
    text = _MD_SPECIAL_RE.sub(r"\\\1", text)
    return _BLOCK_START_RE.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


# tabulate's github format pads a header by at least this much; the tables keep its look.
_HEADER_PADDING = 2


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub table of already-escaped cells, padded to line up in a terminal.

    Written here rather than by tabulate (which lays out the same `github` format, and which
    the tests keep beside this as the reference): a report has a table per match, and one
    tabulate call each made rendering a 20,000-quote report take most of a minute. Widths
    count characters, so the bytes never depend on whether wcwidth is installed.
    """
    body = [[cell.strip() for cell in row] for row in rows]
    widths = [len(h) + _HEADER_PADDING for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in body
    ]
    return "\n".join(lines) + "\n"


class Anchors:
    """The ids GitHub gives a document's headings, in document order: the heading's text in
    lower case without punctuation, spaces as hyphens, and `-1`, `-2`, ... on repeats.

    One registry spans a whole document, so when several drafts' reports are printed one
    after another, the second draft's links go to the second draft's headings.
    Not a dataclass: a counter that grows as headings are laid out.
    """

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()

    def add(self, heading: str) -> str:
        """Register a heading (its markdown text) and return its id."""
        base = slug(heading)
        n = self._seen[base]
        self._seen[base] += 1
        anchor = base if n == 0 else f"{base}-{n}"
        if anchor != base:
            self._seen[anchor] += 1
        return anchor


def render_difference(match: Match) -> str:
    """The b wording with every change marked: ~~a's words~~ **b's words**.

    Args:
        match: a match with changes located in its texts.

    Returns:
        One escaped markdown line.
    """
    out: list[str] = []
    pieces = difference(match)
    for i, piece in enumerate(pieces):
        if piece.kind == "same":
            out.append(_escape_keeping_edges(piece.text))
        elif piece.kind == "gap":
            out.append(" ")
        else:
            following = next((p for p in pieces[i + 1 :] if p.text), None)
            after = _escape_keeping_edges(following.text)[:1] if following else ""
            before = out[-1][-1:] if out else ""
            out.append(marked(piece.text, "~~" if piece.kind == "del" else "**", before, after))
    return one_line("".join(out))


def marked(words: str, mark: str, before: str = "", after: str = "") -> str:
    """Words struck (`~~`) or in bold (`**`), with a space put between the mark and a
    neighbouring letter where GitHub would otherwise print the marks as text.

    CommonMark opens a mark only when its first word does not start with punctuation right
    after a letter (`year~~,~~` shows its tildes), and closes it likewise at the end; a
    struck comma beside a word therefore stands apart: `year ~~,~~ **.**`.

    Args:
        words: the article's words (escaped here).
        mark: `~~` or `**`.
        before: the character printed just before, if any.
        after: the character printed just after, if any.
    """
    inner = md_escape(words)
    lead = " " if _punctuation(inner[:1]) and before and not _open_side(before) else ""
    trail = " " if _punctuation(inner[-1:]) and after and not _open_side(after) else ""
    return f"{lead}{mark}{inner}{mark}{trail}"


def _punctuation(char: str) -> bool:
    """CommonMark's punctuation: ASCII punctuation and Unicode punctuation or symbols."""
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _open_side(char: str) -> bool:
    """A neighbour that lets a mark open or close beside punctuation: space or punctuation."""
    return char.isspace() or _punctuation(char)


def _escape_keeping_edges(text: str) -> str:
    """`md_escape`, keeping one space where the text began or ended with white space."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


def inline_change(change: Change) -> str:
    """One change on one line: ~~a~~ → **b**, ~~a~~ or **b**."""
    a = marked(change.a, "~~") if change.a else ""
    b = marked(change.b, "**") if change.b else ""
    if a and b:
        return f"{a} → {b}"
    return a or b


def changes_table(match: Match, a_head: str, b_head: str) -> str:
    """Every change of a match as a table row: op, both wordings, category, severity."""
    return table(
        ["change", a_head, b_head, "category", "severity"],
        [[c.op, cell(c.a), cell(c.b), c.category.value, c.severity.value] for c in match.changes],
    )


def credit(quote: Quote) -> str:
    """Who a quote is credited to, and as the article wrote it: `X (“Y said”)`."""
    speaker = md_escape(quote.speaker) if quote.speaker else "*speaker unknown*"
    said = " ".join(md_escape(p) for p in (quote.speaker_mention, quote.cue) if p)
    return f"{speaker} (\u201c{said}\u201d)" if said else speaker


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case; letters, numbers, combining marks, `-`,
    `_` and spaces kept (backticks, colons, arrows dropped); spaces to hyphens."""
    # \w is letters, numbers and `_`; the rest (marks aside) goes, one regex pass.
    return _NOT_IN_SLUG_RE.sub(_mark_or_nothing, heading.lower()).replace(" ", "-")


def slug_by_category(heading: str) -> str:
    """`slug` character by character: the obviously right version the tests hold it to."""
    kept = (c for c in heading.lower() if c in "-_ " or unicodedata.category(c)[0] in "LNM")
    return "".join(kept).replace(" ", "-")


_NOT_IN_SLUG_RE = re.compile(r"[^\w \-]")


def _mark_or_nothing(match: re.Match[str]) -> str:
    return match[0] if unicodedata.category(match[0])[0] == "M" else ""


def quoted_cell(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """A quote's words for a table cell, in quote marks; a cut one says how much is left out,
    outside the marks, where no article prints it: “We will not raise the gas tax” +8 words."""
    kept, left_out = cut(text, limit)
    quoted = f"\u201c{md_escape(kept)}\u201d"
    return f"{quoted} +{count(left_out, 'word')}" if left_out else quoted


def cell(text: str) -> str:
    """Article words for a table cell; an em dash for none."""
    return md_escape(text) if text else "\u2014"


def code_cell(text: str) -> str:
    """An inline code span for a table cell: GitHub splits cells at `|` even inside one."""
    return "`" + code(text).replace("|", "\\|") + "`"


def code(text: str) -> str:
    """Text for an inline code span: backticks and line breaks cannot end it early."""
    return visible(_SPACE_RE.sub(" ", text).replace("`", "'"))

"""GitHub-flavoured markdown pieces every markdown report is built from.

Article text placed in markdown is escaped once, here: a quote can neither break a table nor
inject HTML. Kept apart so the compare and check reports escape, mark and tabulate alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from tabulate import tabulate

from attribution.model import Change, Match, Quote
from attribution.report.common import difference, one_line, visible

# Characters GitHub markdown would read as syntax (emphasis, code, links, tables, HTML,
# entities, math); each is backslash-escaped, which CommonMark allows for all ASCII punctuation.
_MD_SPECIAL_RE = re.compile(r"([\\`*_~\[\]|#<>&$!])")
_SPACE_RE = re.compile(r"\s+")
# A line that starts like a list item or a setext underline would change the block.
_BLOCK_START_RE = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_escape(text: str) -> str:
    """Article text made safe for one line of markdown (a table cell, a heading, a quote).

    Runs of white space (newlines included) become one space; markdown and HTML syntax is
    backslash-escaped so it shows as written; control characters become visible symbols.
    """
    text = visible(one_line(text))
    text = _MD_SPECIAL_RE.sub(r"\\\1", text)
    return _BLOCK_START_RE.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub table of already-escaped cells."""
    text = tabulate(list(rows), headers=list(headers), tablefmt="github", disable_numparse=True)
    return str(text) + "\n"


def render_difference(match: Match) -> str:
    """The b wording with every change marked: ~~a's words~~ **b's words**.

    Args:
        match: a match with changes located in its texts.

    Returns:
        One escaped markdown line.
    """
    marked: dict[str, Callable[[str], str]] = {
        "same": _escape_keeping_edges,
        "gap": lambda _: " ",
        "del": lambda words: f"~~{md_escape(words)}~~",
        "ins": lambda words: f"**{md_escape(words)}**",
    }
    text = "".join(marked[piece.kind](piece.text) for piece in difference(match))
    return _SPACE_RE.sub(" ", text).strip()


def _escape_keeping_edges(text: str) -> str:
    """`md_escape`, keeping one space where the text began or ended with white space."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


def inline_change(change: Change) -> str:
    """One change on one line: ~~a~~ → **b**, ~~a~~ or **b**."""
    a = f"~~{md_escape(change.a)}~~" if change.a else ""
    b = f"**{md_escape(change.b)}**" if change.b else ""
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
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def cell(text: str) -> str:
    """Article words for a table cell; an em dash for none."""
    return md_escape(text) if text else "\u2014"


def code_cell(text: str) -> str:
    """An inline code span for a table cell: GitHub splits cells at `|` even inside one."""
    return "`" + code(text).replace("|", "\\|") + "`"


def code(text: str) -> str:
    """Text for an inline code span: backticks and line breaks cannot end it early."""
    return visible(_SPACE_RE.sub(" ", text).replace("`", "'"))

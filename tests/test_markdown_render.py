"""Every markdown report as GitHub shows it: rendered by cmark-gfm (GitHub's own fork of
cmark), no emphasis mark is left printed as text, every in-page link reaches exactly one
heading (its own quote's, in its own report), and every table keeps its columns."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from .conftest import FIXTURES, ROOT

REPORTS = sorted(
    [
        ROOT / "seeds" / "REPORT.md",
        *FIXTURES.glob("reports/*/report.md"),
        *FIXTURES.glob("check/*/report.md"),
    ]
)
DOCUMENTS = [*REPORTS, ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@dataclass
class Page:
    """What a reader of the rendered page meets: prose text (outside code), headings in
    order with the h1 section each falls in, in-page links, and each table's rows."""

    text: list[str] = field(default_factory=list)
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # level, text, h1 no.
    links: list[tuple[str, str, int]] = field(default_factory=list)  # href, text, h1 no.
    tables: list[list[list[str]]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.heading: list[str] | None = None
        self.link: list[str] | None = None
        self.href = ""
        self.cell: list[str] | None = None
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = []
            self.h1 += tag == "h1"
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link = []
        elif tag == "table":
            self.page.tables.append([])
        elif tag == "tr":
            self.page.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass
        if re.fullmatch(r"h[1-6]", tag) and self.heading is not None:
            self.page.headings.append((int(tag[1]), "".join(self.heading), self.h1))
            self.heading = None
        elif tag == "a" and self.link is not None:
            if self.href.startswith("#"):
                self.page.links.append((self.href[1:], "".join(self.link), self.h1))
            self.link = None
        elif tag in ("td", "th") and self.cell is not None:
            self.page.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        for part in (self.heading, self.link, self.cell):
            if part is not None:
                part.append(data)
        if "code" not in self.stack and "pre" not in self.stack:
            self.page.text.append(data)


def render(markdown: str) -> Page:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    reader = _Reader()
    reader.feed(html)
    return reader.page


def github_ids(headings: list[tuple[int, str, int]]) -> list[str]:
    """The ids GitHub gives headings (its slugger): lower case; letters, numbers, marks, `-`,
    `_` and spaces kept; spaces to hyphens; `-1`, `-2` after a repeat. Written here apart
    from the renderer's own, so the two are checked against each other."""
    seen: Counter[str] = Counter()
    ids = []
    for _, text, _ in headings:
        base = "".join(
            c for c in text.lower() if c in "-_ " or unicodedata.category(c)[0] in "LNM"
        ).replace(" ", "-")
        anchor = base
        while anchor in seen:
            seen[base] += 1
            anchor = f"{base}-{seen[base]}"
        seen[anchor] = 0
        ids.append(anchor)
    return ids


def _cells(row: str) -> int:
    """Cells GitHub reads in a table row: split at every `|` not escaped (even in code)."""
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def _problems(markdown: str) -> list[str]:
    page = render(markdown)
    problems = []
    prose = "".join(page.text)
    for mark in ("~~", "**"):
        for m in re.finditer(re.escape(mark), prose):
            problems.append(
                f"{mark} printed as text: …{prose[max(0, m.start() - 30) : m.end() + 30]}…"
            )
    ids = github_ids(page.headings)
    for href, text, section in page.links:
        targets = [i for i, anchor in enumerate(ids) if anchor == href]
        if len(targets) != 1:
            problems.append(f"#{href} ({text}) reaches {len(targets)} headings")
            continue
        _, heading, heading_section = page.headings[targets[0]]
        # A link to a quote goes to that quote's own details, in its own report.
        to_quote = re.fullmatch(r"[\w-]+:q\d+( → [\w-]+:q\d+)?", text)
        if to_quote and (not heading.startswith(text + ":") or heading_section != section):
            problems.append(f"#{href} ({text}) reaches {heading!r} in report {heading_section}")
    for table in page.tables:
        width = len(table[0])
        problems += [
            f"a row of {len(r)} cells under {width} headers" for r in table if len(r) != width
        ]
    for block in re.findall(r"(?:^\|.*\|\n)+", markdown, flags=re.M):
        rows = [r for r in block.splitlines() if not re.fullmatch(r"\|[-| :]+\|", r)]
        counts = {_cells(r) for r in rows}
        if len(counts) > 1:
            problems.append(f"a table whose rows split into {sorted(counts)} cells: {rows[0][:60]}")
    return problems


@pytest.mark.parametrize("path", DOCUMENTS, ids=[_id(p) for p in DOCUMENTS])
def test_renders_clean_on_github(path: Path) -> None:
    problems = _problems(path.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems[:10])


def test_the_check_can_fail() -> None:
    """Each rule catches what it is for: a struck comma glued to a word, a link to a heading
    that is not there (or to another report's), a cell split by a bare `|`."""
    assert any("~~ printed" in p for p in _problems("the plan~~,~~ **.**\n"))
    assert not _problems("the plan ~~,~~ **.**\n")
    assert any("reaches 0" in p for p in _problems("# a\n\n[x](#b)\n"))
    twice = "# one\n\n### a:q1: altered, major\n\n# two\n\n[a:q1](#aq1-altered-major)\n\n### a:q1: altered, major\n"
    assert any("in report 1" in p for p in _problems(twice))
    assert any("cells" in p for p in _problems("| a | b |\n|---|---|\n| x | y | z |\n"))


def test_two_drafts_link_each_to_its_own_details() -> None:
    """Two drafts in one report repeat headings (draft:q5: misattributed, major); the second
    draft's links go to the second draft's details, as GitHub numbers repeated ids."""
    markdown = (FIXTURES / "check" / "two-drafts" / "report.md").read_text(encoding="utf-8")
    page = render(markdown)
    second = [href for href, text, section in page.links if section == 2]
    assert "draftq5-misattributed-major-1" in second
    assert not _problems(markdown)

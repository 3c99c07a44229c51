"""A rendered HTML report read back with the standard library's parser, for tests that check
its structure without a browser: which elements it has, whether they nest, what text each
article column shows, what the findings list says."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that never have an end tag.
VOID = frozenset({"meta", "input", "br", "hr", "img", "link", "source", "wbr"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        out = [self]
        for child in self.children:
            if isinstance(child, Element):
                out += child.iter()
        return out

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.attrs.get("class", "").split())
        ]

    def ancestors(self) -> list[Element]:
        out, at = [], self.parent
        while at is not None:
            out.append(at)
            at = at.parent
        return out


class Page(HTMLParser):
    """The document as a tree; `errors` lists every end tag that did not close the element
    open at that point (a page that nests properly has none)."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.at = self.root
        self.errors: list[str] = []
        self.doctype = ""
        self.feed(document)
        self.close()
        if self.at is not self.root:
            self.errors.append(f"unclosed <{self.at.tag}>")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(element)
        if tag not in VOID:
            self.at = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.at.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.at))

    def handle_endtag(self, tag: str) -> None:
        if tag != self.at.tag or self.at.parent is None:
            self.errors.append(f"</{tag}> closes <{self.at.tag}>")
            return
        self.at = self.at.parent

    def handle_data(self, data: str) -> None:
        self.at.children.append(data)

    def handle_comment(self, data: str) -> None:
        self.errors.append(f"comment <!--{data}-->")

    # --- what the tests ask ---------------------------------------------------------------

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return self.root.find_all(tag, cls)

    def columns(self) -> list[Element]:
        """Each article's text element, in column order."""
        return [c.find_all("div", "text")[0] for c in self.find_all("section", "column")]

    def findings(self) -> list[Element]:
        return self.find_all("li", "finding")

    def by_id(self) -> dict[str, Element]:
        return {e.attrs["id"]: e for e in self.root.iter() if "id" in e.attrs}

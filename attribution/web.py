"""Web pages: fetch a URL, and reduce an HTML page to its article's text.

Kept apart from `inputs.py` because it needs the network and the optional `html` extra
(trafilatura finds the article in a page); plain-text reading imports neither. The text
returned is what the report's offsets refer to: one paragraph per block of the article
(headline, paragraphs, list items, block quotes), separated by blank lines.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attribution.decoding import ReadText, decode_input
from attribution.errors import InputTooLarge, UnreadableInput, cannot_read

if TYPE_CHECKING:
    from email.message import Message

# How to get what web pages need; named in the error when it is missing.
HTML_EXTRA = "pip install 'quote-attribution[html]'"
# Seconds to wait for a server to connect or to send the next bytes: news sites answer in
# well under a second; a server silent for this long is not going to.
FETCH_TIMEOUT = 20.0
# Seconds the whole download may take, so a server that trickles bytes cannot hold the tool.
FETCH_DEADLINE = 60.0
_CHUNK = 64 * 1024
# Suffixes of saved web pages.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# Content types read as a web page, and as plain text.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
# Input that starts like this (after white space and a byte-order mark) is HTML, whatever
# its name: a page piped to standard input, a saved page without a suffix.
# A comment's body cannot contain its end, so each comment matches one way only (no
# backtracking across comments).
_HTML_START_RE = re.compile(
    rb"\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_SNIFF_BYTES = 1024
# A whole document has one of these; a saved fragment (a few paragraphs) does not.
_DOCUMENT_RE = re.compile(r"<(?:html|body)[\s>]", re.I)
# `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`,
# looked for in the page's first bytes as browsers do.
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
_META_BYTES = 4096
# When trafilatura finds no article: the elements read as paragraphs, and those left out.
_BLOCK_TAGS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td", "dd")
_HIDDEN_XPATH = (
    "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form|//figcaption"
)
# HTML collapses runs of ASCII white space; a no-break space is kept.
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
# A pull-quote repeats body words in a block of its own. Blocks are compared by runs of this
# many words; a block quote with at least this share of its runs in the body is a repeat.
_SHINGLE = 4
_MIN_REPEATED_SHARE = 0.8
_WORD_RE = re.compile(r"\w+")
# A short paragraph that is nothing but a quotation (and maybe a dash and a credit) can be
# a pull-quote that the page marked up as a paragraph.
_MAX_BARE_QUOTATION = 400
_BARE_QUOTATION_RE = re.compile(
    r"[\"\u201c\u201e\u00ab\u2018'][^\"\u201c\u201d\u201e\u00ab\u00bb]*"
    r"[\"\u201d\u201c\u00bb\u2019'](?:\s*[\u2014\u2013-][^\"\u201c\u201d]{0,80})?"
)


@dataclass(frozen=True, slots=True)
class Page:
    """What a URL answered: its bytes, the charset it declared, and whether it is HTML."""

    data: bytes
    charset: str | None
    is_html: bool


def is_url(source: str) -> bool:
    """True for an http or https URL (the only kinds the tool fetches)."""
    return source[:8].lower().startswith(("http://", "https://"))


def looks_like_html(source: str, data: bytes) -> bool:
    """True for a saved web page: an HTML suffix, or bytes that start like HTML."""
    if Path(source).suffix.lower() in HTML_SUFFIXES:
        return True
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return _HTML_START_RE.match(head) is not None


def fetch(url: str, *, max_bytes: int, timeout: float | None = None) -> Page:
    """Fetch a web page or a text file over http(s).

    Args:
        url: an http or https URL.
        max_bytes: the most the body may hold; a larger one is refused.
        timeout: seconds to wait for the connection and for each read (default
            `FETCH_TIMEOUT`).

    Returns:
        The body, its declared charset, and whether it is HTML.

    Raises:
        UnreadableInput: the host is unknown, refuses or does not answer in time, the answer
            is an HTTP error, or is neither a web page nor text.
        InputTooLarge: the body is over `max_bytes`.
    """
    # Imported here, for a URL: every other run reads files and pays nothing for networking
    # (or for the version string, read from the package's metadata).
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    from attribution import __version__

    timeout = FETCH_TIMEOUT if timeout is None else timeout
    try:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": f"attribution/{__version__} (quote checker)",
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            },
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in _HTML_TYPES | _TEXT_TYPES:
                raise cannot_read(url, f"the server sent {content_type}, not a web page or text")
            length = headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise _page_too_large(url, max_bytes)
            data = _read_body(response, url, max_bytes + 1)
    except UnreadableInput:
        raise
    except urllib.error.HTTPError as err:
        raise cannot_read(url, f"the server answered HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        raise cannot_read(url, _network_reason(err.reason, timeout)) from None
    except (HTTPException, OSError, ValueError) as err:
        raise cannot_read(url, _network_reason(err, timeout)) from None
    if len(data) > max_bytes:
        raise _page_too_large(url, max_bytes)
    charset = headers.get_content_charset()
    return Page(data, charset, content_type in _HTML_TYPES or looks_like_html(url, data))


def page_text(data: bytes, source: str, *, charset: str | None = None) -> ReadText:
    """The article text of a web page: headline, paragraphs and quotes, one block a paragraph.

    Navigation, captions, share bars, footers and comment sections are left out by
    trafilatura; a block quote or bare quotation that repeats body words (a pull-quote) is
    left out here, so one statement is not counted twice.

    Args:
        data: the page's bytes.
        source: where it came from, for messages.
        charset: the encoding the server declared, if any (else the page's `<meta>` one).

    Returns:
        The article text, and warnings about how it was read.

    Raises:
        UnreadableInput: the `html` extra is not installed, or the bytes are not text.
    """

    trafilatura = _trafilatura(source)
    decoded = decode_input(data, source, charset=charset or _meta_charset(data))
    warnings = decoded.warnings
    blocks = _article_blocks(trafilatura, decoded.text)
    if not blocks:
        # No article found (a fragment, a page of links, a text node too long for the
        # extractor): read the page's visible text rather than lose whatever quotes it holds.
        blocks = _visible_blocks(decoded.text)
        if blocks:
            warnings += ("no article found in the page; all its visible text was read",)
    text = "\n\n".join(_drop_repeats(blocks)) + ("\n" if blocks else "")
    return ReadText(text, warnings)


# --- helpers ------------------------------------------------------------------------------


def _read_body(response: Any, url: str, limit: int) -> bytes:
    """Up to `limit` bytes of the body, within `FETCH_DEADLINE` seconds."""
    deadline = time.monotonic() + FETCH_DEADLINE
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = response.read(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise cannot_read(url, f"the page took more than {FETCH_DEADLINE:g} seconds to arrive")
    return b"".join(chunks)


def _trafilatura(source: str) -> Any:
    try:
        import trafilatura
    except ImportError:
        raise cannot_read(
            source, f"it is a web page, and reading web pages needs the html extra: {HTML_EXTRA}"
        ) from None
    return trafilatura


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET_RE.search(data[:_META_BYTES])
    return found.group(1).decode("ascii") if found else None


def _article_blocks(trafilatura: Any, html: str) -> list[tuple[str, str]]:
    """(kind, text) of each block of the page's article: kind is "quote" for block quotes."""
    if not html.strip():
        return []
    if _DOCUMENT_RE.search(html) is None:
        html = f"<html><body>{html}</body></html>"  # a fragment: trafilatura wants a document
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if xml is None:
        return []
    from lxml import etree

    # huge_tree: a page that is one long paragraph is a text node over libxml2's 10 MB cap.
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True))
    main = root.find("main")
    blocks: list[tuple[str, str]] = []
    for element in main.iter("head", "p", "item", "quote") if main is not None else ():
        if element.tag == "quote":
            text = _clean(" ".join(element.itertext()))
            kind = "quote"
        elif _inside(element, "quote"):
            continue  # its words are in the quote block
        else:
            text = _clean(" ".join(element.itertext()))
            kind = element.tag
        if text:
            blocks.append((kind, text))
    return blocks


def _visible_blocks(html: str) -> list[tuple[str, str]]:
    """(kind, text) of every text block of a page, scripts, navigation and footers left out."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return []  # nothing but white space or comments
    for element in root.xpath(_HIDDEN_XPATH):
        element.drop_tree()
    blocks: list[tuple[str, str]] = []
    for element in root.iter(*_BLOCK_TAGS):
        if any(ancestor.tag in _BLOCK_TAGS for ancestor in element.iterancestors()):
            continue  # its words are in the enclosing block
        text = _clean(element.text_content())
        if text:
            blocks.append(("quote" if element.tag == "blockquote" else "p", text))
    if not blocks:
        body = root.find("body")
        text = _clean((body if body is not None else root).text_content())
        blocks = [("p", text)] if text else []
    return blocks


def _inside(element: Any, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _clean(text: str) -> str:
    return _HTML_SPACE_RE.sub(" ", text).strip()


def _drop_repeats(blocks: list[tuple[str, str]]) -> list[str]:
    """The blocks' texts without pull-quotes: block quotes, then bare quotations, whose words
    the other blocks already print. Of two copies, one always stays."""
    shingles = [_shingles(text) for _, text in blocks]
    counts: dict[tuple[str, ...], int] = {}
    for own in shingles:
        for shingle in own:
            counts[shingle] = counts.get(shingle, 0) + 1
    dropped: set[int] = set()
    quotes = [i for i, (kind, _) in enumerate(blocks) if kind == "quote"]
    bare = [
        i
        for i, (kind, text) in enumerate(blocks)
        if kind != "quote"
        and len(text) <= _MAX_BARE_QUOTATION
        and _BARE_QUOTATION_RE.fullmatch(text) is not None
    ]
    for i in quotes + bare:
        own = shingles[i]
        if own and sum(1 for s in own if counts[s] > 1) >= _MIN_REPEATED_SHARE * len(own):
            dropped.add(i)
            for shingle in own:  # the other copy is now the only one
                counts[shingle] -= 1
    return [text for i, (_, text) in enumerate(blocks) if i not in dropped]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _network_reason(reason: object, timeout: float) -> str:
    """One short phrase for why a URL could not be fetched."""
    import socket
    import ssl

    if isinstance(reason, socket.gaierror):
        return "host not found (check the address and the network)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


def _page_too_large(url: str, max_bytes: int) -> InputTooLarge:
    return InputTooLarge(
        f"cannot read {url!r}: larger than {max_bytes // (1024 * 1024)} MB, "
        "the most one article may be"
    )

"""Web pages: saved .html files and URLs served from 127.0.0.1, never from the internet."""

from __future__ import annotations

import contextlib
import http.server
import io
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from attribution import extract, read_article, web
from attribution.cli import app
from attribution.errors import InputTooLarge, UnreadableInput
from attribution.inputs import read_input

runner = CliRunner()
try:
    import trafilatura  # noqa: F401

    HAVE_TRAFILATURA = True
except ImportError:
    HAVE_TRAFILATURA = False
needs_html = pytest.mark.skipif(
    not HAVE_TRAFILATURA,
    reason="the html extra is not installed: pip install -e '.[dev]' pulls it in",
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council vote | The Daily</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">“Sport” section</a></li></ul></nav></header>
<div class="share">Share on Facebook · Share on X</div>
<main><article>
<h1>Council votes to rebuild the river bridge</h1>
<figure><img src="bridge.jpg" alt="The old bridge">
<figcaption>The old bridge, closed since March. “It is unsafe,” engineers said.</figcaption></figure>
<p>The city council voted on Tuesday to rebuild the river bridge, closed since March after
engineers found cracks in its piers.</p>
<p>“We will not leave the east side cut off for another winter,” Mayor Ana Ruiz said after
the vote. “The money is there and the plans are ready.”</p>
<blockquote class="pullquote"><p>“We will not leave the east side cut off for another
winter”</p></blockquote>
<p>Council member Tom Baker voted against the plan. “This is a $40 million promise we cannot
keep,” he said.</p>
<div class="pull-quote"><p>“This is a $40 million promise we cannot keep”</p></div>
<blockquote><p>“The bridge is older than anyone in this room,” the engineers wrote in their
report, “and it has carried more than it was ever built for.”</p></blockquote>
<p>Work is due to start in June.</p>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">“Road works” on Main Street</a></li>
</ul></aside>
<section id="comments" class="comments"><h2>3 Comments</h2>
<div class="comment"><p>Joe: “Finally!” This is great news for the east side of town.</p></div>
<div class="comment"><p>Sue: “We will see,” I say. They promised this before, twice.</p></div>
<h3>Leave a Reply</h3><form><textarea></textarea></form>
</section>
</main>
<footer><p>© 2026 The Daily. “All rights reserved.”</p></footer>
</body></html>
"""
EXPECTED = [
    "We will not leave the east side cut off for another winter,",
    "The money is there and the plans are ready.",
    "This is a $40 million promise we cannot keep,",
    "The bridge is older than anyone in this room,",
    "and it has carried more than it was ever built for.",
]
LATIN1_PAGE = (
    "<html><head><title>x</title></head><body><article><p>The caf\u00e9 owner in the old "
    "town square was asked about the plan on Monday and did not hold back at all.</p>"
    "<p>\u201cIt is a disgrace,\u201d said Ren\u00e9 Dupr\u00e9, who has run the caf\u00e9 "
    "for thirty years and opposed every plan the council has put forward.</p>"
    "</article></body></html>"
)


# --- a local web server -------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 go straight there, whatever proxy the machine is set up with."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {
        "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
        "/latin1.html": (
            200,
            {"Content-Type": "text/html; charset=ISO-8859-1"},
            LATIN1_PAGE.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"),
        ),
        "/meta-charset.html": (
            200,
            {"Content-Type": "text/html"},
            LATIN1_PAGE.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252"),
        ),
        "/plain.txt": (
            200,
            {"Content-Type": "text/plain"},
            "\u201cWe are ready,\u201d the coach said.".encode(),
        ),
        "/untyped": (200, {}, PAGE.encode()),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
        "/huge.html": (200, {"Content-Type": "text/html", "Content-Length": str(10**9)}, b""),
        "/missing": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
        "/broken": (500, {"Content-Type": "text/html"}, b"<h1>Oops</h1>"),
        "/moved": (301, {"Location": "/article.html"}, b""),
    }

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>more words</p>" * 1000
            for _ in range(200):  # bounded: 3.4 MB at most, then the test is long over
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout test) is not an error here


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """A web server on 127.0.0.1 serving the test pages; its base URL."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- saved pages --------------------------------------------------------------------------


@needs_html
def test_a_saved_page_keeps_body_quotes_and_drops_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "council.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(str(path), "a")
    assert [q.text for q in article.quotes] == EXPECTED
    for gone in ("It is unsafe", "Finally", "We will see", "Road works", "Sport", "rights"):
        assert gone not in article.text
    assert article.text.count("another winter") == 1  # the pull-quote is not a second quote
    assert article.text.count("promise we cannot keep") == 1
    assert article.text.startswith("Council votes to rebuild the river bridge\n\n")
    for quote in article.quotes:
        assert " ".join(article.text[s:e] for s, e in quote.spans) == quote.text
    assert [q.speaker for q in article.quotes] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Tom Baker",
        "the engineers",
        "the engineers",
    ]


@needs_html
def test_a_block_quote_that_repeats_nothing_is_kept() -> None:
    read = web.page_text(PAGE.encode(), "p.html")
    assert "older than anyone in this room" in read.text


@needs_html
@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<p>\u201cWe are ready,\u201d the coach said.</p>", id="fragment"),
        pytest.param(
            "<html><body><p>\u201cWe are ready,\u201d the coach said.</p></body></html>", id="tiny"
        ),
    ],
)
def test_a_page_too_small_for_an_article_still_gives_its_quotes(tmp_path: Path, html: str) -> None:
    path = tmp_path / "short.htm"
    path.write_text(html, encoding="utf-8")
    (quote,) = read_article(str(path), "a").quotes
    assert quote.text == "We are ready,"


@needs_html
def test_an_empty_page_is_an_article_without_quotes(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert read_article(str(path), "a").quotes == ()
    path.write_bytes(b"<html><body></body></html>")
    assert read_article(str(path), "a").quotes == ()


@needs_html
def test_a_page_piped_to_standard_input_is_read_as_html() -> None:
    read = read_input("-", stdin=io.BytesIO(b"\n  <!-- saved -->\n" + PAGE.encode()))
    assert "Share on Facebook" not in read.text and "another winter" in read.text


def test_text_that_merely_mentions_html_is_not_a_page() -> None:
    text = b"The <html> tag opens a page, he said."
    assert read_input("-", stdin=io.BytesIO(text)).text == text.decode()


def test_without_the_html_extra_a_page_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (
        f"Error: cannot read {str(path)!r}: it is a web page, and reading web pages needs "
        "the html extra: pip install 'quote-attribution[html]'"
    )


# --- URLs ---------------------------------------------------------------------------------


@needs_html
def test_a_url_is_fetched_and_read_like_a_saved_page(server: str) -> None:
    report = extract(server + "/article.html")
    assert [q.text for q in report.articles[0].quotes] == EXPECTED
    assert report.articles[0].source == server + "/article.html"


@needs_html
@pytest.mark.parametrize("path", ["/latin1.html", "/meta-charset.html"])
def test_a_page_s_declared_charset_is_used(server: str, path: str) -> None:
    read = read_input(server + path)
    assert "Ren\u00e9 Dupr\u00e9" in read.text and read.warnings == ()


@needs_html
def test_redirects_are_followed_and_untyped_html_is_sniffed(server: str) -> None:
    assert "another winter" in read_input(server + "/moved").text
    assert "another winter" in read_input(server + "/untyped").text


def test_a_plain_text_url_is_read_as_text(server: str) -> None:
    (quote,) = read_article(server + "/plain.txt", "a").quotes
    assert quote.text == "We are ready,"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/broken", "the server answered HTTP 500 Internal Server Error"),
        ("/photo.png", "the server sent image/png, not a web page or text"),
    ],
)
def test_url_failures_are_one_clear_line(server: str, path: str, message: str) -> None:
    url = server + path
    result = runner.invoke(app, ["extract", url])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot read {url!r}: {message}\n"


def test_a_page_over_the_size_limit_is_refused(server: str) -> None:
    with pytest.raises(InputTooLarge, match="larger than"):
        web.fetch(server + "/huge.html", max_bytes=1024 * 1024)
    with pytest.raises(InputTooLarge, match="larger than 1 MB"):
        web.fetch(server + "/endless", max_bytes=1024 * 1024)


def test_a_server_that_does_not_answer_times_out(server: str) -> None:
    with pytest.raises(UnreadableInput, match=r"no answer within 0\.3 seconds"):
        web.fetch(server + "/slow", max_bytes=1024, timeout=0.3)


def test_a_trickling_server_is_cut_at_the_deadline(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "FETCH_DEADLINE", 0.0)
    monkeypatch.setattr(web, "_CHUNK", 1024)
    with pytest.raises(UnreadableInput, match="took more than 0 seconds"):
        web.fetch(server + "/endless", max_bytes=10**8)


def test_a_refused_connection_is_one_line() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/article.html"
    result = runner.invoke(app, ["extract", url])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot read {url!r}: connection refused\n"


def test_an_unknown_host_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no DNS query leaves the machine
    result = runner.invoke(app, ["extract", "https://no-such-host.invalid/story"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot read 'https://no-such-host.invalid/story': host not found "
        "(check the address and the network)\n"
    )


@pytest.mark.parametrize("url", ["http://", "http://[::1", "https://127.0.0.1:99999/"])
def test_a_malformed_url_is_one_line(url: str) -> None:
    result = runner.invoke(app, ["extract", url])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot read {url!r}: ")


@needs_html
def test_compare_a_url_with_a_saved_page(server: str, tmp_path: Path) -> None:
    path = tmp_path / "reprint.html"
    path.write_text(PAGE.replace("$40 million", "$14 million"), encoding="utf-8")
    result = runner.invoke(
        app, ["compare", server + "/article.html", str(path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert '"category": "number"' in result.stdout


@needs_html
def test_a_page_that_is_one_paragraph_near_the_size_limit_is_read() -> None:
    """One text node over libxml2's 10,000,000-byte cap (a page of one long paragraph)."""
    words = "\u201cWe are ready,\u201d the coach said. " + "word " * 2_020_000
    page = f"<html><body><article><p>{words}</p></article></body></html>".encode()
    assert 10_000_000 < len(page) < 10 * 1024 * 1024
    read = web.page_text(page, "long.html")
    assert read.text.startswith("\u201cWe are ready,\u201d") and len(read.text) > 10_000_000
    assert read.warnings == ("no article found in the page; all its visible text was read",)


@needs_html
def test_without_an_article_the_visible_text_is_read_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)  # finds nothing
    page = (
        "<html><head><script>var s = '\u201cnot a quote\u201d';</script></head><body>"
        "<nav><a href='/'>\u201cHome\u201d</a></nav><table><tr><td>\u201cWe are ready,\u201d "
        "the coach said.</td></tr></table><footer>\u201cFooter\u201d</footer></body></html>"
    )
    read = web.page_text(page.encode(), "table.html")
    assert read.text == "\u201cWe are ready,\u201d the coach said.\n"
    assert read.warnings == ("no article found in the page; all its visible text was read",)

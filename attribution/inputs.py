"""Reading: turn a path, a URL or `-` into the decoded text every offset of the report refers to.

The only module that touches input files, so decoding rules (byte-order marks, encodings, the
size limit, what counts as binary) live in one place and stages stay pure. Web pages go
through `web.py`, which needs the optional `html` extra.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from attribution.errors import InputTooLarge, cannot_read

# Larger inputs are refused with a clear error rather than read. The costliest inputs
# measured (`benchmarks/stress.py`: bare quote marks, a web page of 20,000 quotes) grow
# linearly, and near this limit 9.9 MB of bare marks compared with a reprint in 150 s with a
# 1.5 GB peak (a 9.4 MB page: 127 s, 1.4 GB): minutes and memory any laptop has. 10 MB is
# also more than a year of one wire service's copy on one topic: a larger file is many
# articles.
MAX_INPUT_BYTES = 10 * 1024 * 1024
STDIN = "-"

# Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
# Windows-1252 leaves five bytes undefined; like web browsers, read them as the C1 controls
# of the same number, so any byte string decodes and every byte is one character.
_CP1252 = {
    i: bytes([i]).decode("cp1252") for i in range(0x80, 0xA0) if i not in b"\x81\x8d\x8f\x90\x9d"
}
# Files that are plainly not text, by their first bytes, named so the user knows what to do.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document is one)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
)
# Control characters that no text file holds (tab, line ends and form feed are text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More control characters than this share of a text's start means it is binary data.
_MAX_CONTROL_SHARE = 0.01
_SNIFF_CHARS = 65536
# A lone carriage return (old Mac line ends) becomes a line feed: one character for one,
# so offsets are unchanged while paragraphs split as they should.
_LONE_CR_RE = re.compile(r"\r(?!\n)")


@dataclass(frozen=True, slots=True)
class ReadText:
    """An input's decoded text, and what the reader should know about how it was read."""

    text: str
    warnings: tuple[str, ...] = ()


def read_text(source: str, *, stdin: BinaryIO | None = None) -> str:
    """The decoded text of an article given as a path, a URL, or `-` for standard input.

    Args:
        source: a file path, an http(s) URL, or `-`.
        stdin: the stream `-` reads (standard input by default).

    Returns:
        The text as `read_input` returns it, without its warnings.

    Raises:
        UnreadableInput: see `read_input`.
    """
    return read_input(source, stdin=stdin).text


def read_input(source: str, *, stdin: BinaryIO | None = None) -> ReadText:
    """Read an article given as a path, a URL, or `-`, and decode it.

    Text is decoded by `decode`; a web page (an `.html` file, a URL, or input that starts
    like HTML) is reduced to its article text by `web.page_text`, which needs the `html`
    extra.

    Args:
        source: a file path, an http(s) URL, or `-`.
        stdin: the stream `-` reads (standard input by default).

    Returns:
        The text every offset refers to, and warnings about its reading (an encoding that
        had to be guessed).

    Raises:
        UnreadableInput: the file is missing, a folder, unreadable, binary, a web page
            without the `html` extra installed, or a URL that cannot be fetched.
        InputTooLarge: the input is over `MAX_INPUT_BYTES`.
    """
    from attribution import web

    charset = None
    if web.is_url(source):
        page = web.fetch(source, max_bytes=MAX_INPUT_BYTES)
        data, charset, is_html = page.data, page.charset, page.is_html
    else:
        if source == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(MAX_INPUT_BYTES + 1)
        else:
            data = _read_file(source)
        if len(data) > MAX_INPUT_BYTES:
            raise _too_large(source)
        is_html = web.looks_like_html(source, data)
    if is_html:
        return web.page_text(data, source, charset=charset)
    return decode_input(data, source)


def decode(data: bytes, source: str) -> str:
    """Bytes of an article as text (see `decode_input`), without the warnings.

    Raises:
        UnreadableInput: the bytes are binary data, not text.
    """
    return decode_input(data, source).text


def decode_input(data: bytes, source: str, *, charset: str | None = None) -> ReadText:
    """Bytes of an article as text.

    A byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32) and is dropped; else a
    declared `charset` (a web page's) is used when Python knows it; else UTF-8, and bytes that
    are not UTF-8 are read as Windows-1252 with a warning. Line ends are kept (a lone carriage
    return becomes a line feed, one character for one), so offsets match the file.

    Args:
        data: the input's bytes.
        source: where they came from, for messages.
        charset: the encoding the input declares, if any.

    Returns:
        The text and any warning about how it was decoded.

    Raises:
        UnreadableInput: the bytes are binary data (a PDF, an image, ...), or invalid in the
            encoding their byte-order mark names.
    """
    warnings: list[str] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                unmarked = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise cannot_read(
                    source,
                    f"not valid {name} although it starts with a {name} byte-order mark "
                    f"(byte {err.start + len(bom)})",
                ) from None
            return ReadText(_checked_text(unmarked, source), ())
    _refuse_binary(data, source)
    text: str | None = None
    if charset is not None:
        text = _decode_declared(data, charset)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text = data.decode("latin-1").translate(_CP1252)
            warnings.append(
                f"not UTF-8 (byte {err.start} is not valid); read as Windows-1252. If the "
                "text looks wrong, convert the file to UTF-8 first"
            )
    return ReadText(_checked_text(text, source), tuple(warnings))


# --- helpers ------------------------------------------------------------------------------


def _decode_declared(data: bytes, charset: str) -> str | None:
    """The bytes in a declared encoding; None when Python does not know it or they do not fit.

    As browsers do, a declared Latin-1 or ASCII is read as Windows-1252, its superset.
    """
    name = charset.strip().strip("\"'").lower()
    if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}:
        return data.decode("latin-1").translate(_CP1252)
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _refuse_binary(data: bytes, source: str) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise cannot_read(source, f"it is {what}, not text; save it as plain text first")


def _checked_text(text: str, source: str) -> str:
    """The decoded text, unless it is binary data; lone carriage returns as line feeds."""
    if "\x00" in text:
        raise cannot_read(source, "binary data, not text")
    sample = text[:_SNIFF_CHARS]
    if sample and len(_CONTROL_RE.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise cannot_read(source, "binary data, not text (too many control characters)")
    if "\r" in text:
        text = _LONE_CR_RE.sub("\n", text)
    return text


def _too_large(source: str, size: int | None = None) -> InputTooLarge:
    limit = MAX_INPUT_BYTES // (1024 * 1024)
    what = f"{size / (1024 * 1024):.0f} MB is larger than" if size is not None else "larger than"
    return InputTooLarge(
        f"cannot read {source!r}: {what} {limit} MB, the most one article may be; "
        "split it into articles"
    )


def _read_file(source: str) -> bytes:
    path = Path(source)
    try:
        if path.is_dir():
            raise cannot_read(source, "it is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise _too_large(source, size)
        with path.open("rb") as stream:
            # Read one byte past the limit: a file that grows (a pipe, /dev/zero) is refused.
            return stream.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise cannot_read(source, "file not found") from None
    except PermissionError:
        raise cannot_read(source, "permission denied") from None
    except IsADirectoryError:
        raise cannot_read(source, "it is a folder, not a file") from None
    except OSError as err:
        raise cannot_read(source, err.strerror or str(err)) from None

"""Decoding: an input's bytes as the text every offset of the report refers to.

Kept apart from reading (files, standard input) and from web pages because both hand their
bytes here: one set of rules for byte-order marks, encodings and what counts as binary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attribution.errors import cannot_read

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

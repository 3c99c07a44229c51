"""Reading: turn a path, a URL or `-` into the decoded text every offset of the report refers to.

The only module that touches input files, so decoding rules (byte-order marks, encodings, the
size limit, what counts as binary) live in one place and stages stay pure. Web pages go
through `web.py`, which needs the optional `html` extra.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from attribution.decoding import ReadText, decode, decode_input
from attribution.errors import InputTooLarge, cannot_read

__all__ = [
    "MAX_INPUT_BYTES",
    "STDIN",
    "ReadText",
    "decode",
    "decode_input",
    "read_input",
    "read_text",
]

# Larger inputs are refused with a clear error rather than read. The costliest inputs
# measured (`benchmarks/stress.py`: bare quote marks, a web page of 20,000 quotes) grow
# linearly, and near this limit 9.9 MB of bare marks compared with a reprint in 150 s with a
# 1.5 GB peak (a 9.4 MB page: 127 s, 1.4 GB): minutes and memory any laptop has. 10 MB is
# also more than a year of one wire service's copy on one topic: a larger file is many
# articles.
MAX_INPUT_BYTES = 10 * 1024 * 1024
STDIN = "-"


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


# --- helpers ------------------------------------------------------------------------------


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

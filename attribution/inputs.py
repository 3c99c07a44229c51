"""Reading: turn a path or `-` into the decoded text every offset of the report refers to.

The only module that touches input files, so decoding rules (BOM, encodings) live in one
place and stages stay pure.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from attribution.errors import InputTooLarge, cannot_read

# Larger inputs are refused with a clear error rather than read: 50 MB of text is more than
# a year of a wire service's copy on one topic, and keeps memory use bounded.
MAX_INPUT_BYTES = 50 * 1024 * 1024
STDIN = "-"


def read_text(source: str, *, stdin: BinaryIO | None = None) -> str:
    """The decoded text of an article given as a path, or `-` for standard input.

    Args:
        source: a file path, or `-`.
        stdin: the stream `-` reads (standard input by default).

    Returns:
        The text, decoded from UTF-8 (a byte-order mark is dropped); line ends are kept as
        they are, so offsets match the file.

    Raises:
        UnreadableInput: the file is missing, a folder, unreadable, or not UTF-8 text.
        InputTooLarge: the input is over `MAX_INPUT_BYTES`.
    """
    if source == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
    else:
        data = _read_file(source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(
            f"cannot read {source!r}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; "
            "split it into articles"
        )
    return decode(data, source)


def decode(data: bytes, source: str) -> str:
    """Bytes of an article as text: UTF-8, with or without a byte-order mark.

    Raises:
        UnreadableInput: the bytes are not UTF-8 text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise cannot_read(source, f"not UTF-8 text (byte {err.start})") from None
    if "\x00" in text:
        raise cannot_read(source, "binary data, not text")
    return text


def _read_file(source: str) -> bytes:
    path = Path(source)
    try:
        if path.is_dir():
            raise cannot_read(source, "it is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputTooLarge(
                f"cannot read {source!r}: {size // (1024 * 1024)} MB is larger than "
                f"{MAX_INPUT_BYTES // (1024 * 1024)} MB; split it into articles"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise cannot_read(source, "file not found") from None
    except PermissionError:
        raise cannot_read(source, "permission denied") from None
    except IsADirectoryError:
        raise cannot_read(source, "it is a folder, not a file") from None
    except OSError as err:
        raise cannot_read(source, err.strerror or str(err)) from None

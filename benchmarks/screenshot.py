"""The README's picture of the HTML report: the seed pair's page at 1280x800, as the browser
shows it once an editor clicks the first finding with a word-by-word change.

It shoots the committed page (seeds/REPORT.html, which a golden test keeps equal to what the
tool writes) in the same headless Chromium the tests drive, and records that page's SHA-256
in the PNG (a tEXt chunk), so a test can tell when the picture is of an older page.

    .venv/bin/python benchmarks/screenshot.py            # rewrites seeds/REPORT.png
"""

from __future__ import annotations

import argparse
import hashlib
import struct
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.browser import HEIGHT, WIDTH, chromium, file_url, find_browser  # noqa: E402

PAGE = ROOT / "seeds" / "REPORT.html"
PICTURE = ROOT / "seeds" / "REPORT.png"
# The tEXt keyword naming the page a picture was taken of.
KEYWORD = b"attribution-page-sha256"
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def page_digest(page: Path = PAGE) -> str:
    """The SHA-256 of a page's bytes, as the picture records it."""
    return hashlib.sha256(page.read_bytes()).hexdigest()


def recorded_digest(picture: Path = PICTURE) -> str | None:
    """The page digest a picture records, or None."""
    for kind, data in _chunks(picture.read_bytes()):
        if kind == b"tEXt" and data.startswith(KEYWORD + b"\0"):
            return data[len(KEYWORD) + 1 :].decode("latin-1")
    return None


def picture_size(picture: Path = PICTURE) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    kind, data = next(_chunks(picture.read_bytes()))
    assert kind == b"IHDR"
    width, height = struct.unpack(">II", data[:8])
    return width, height


def shoot(page: Path = PAGE, picture: Path = PICTURE, *, driver: Any = None) -> None:
    """Open the page, click its first finding with a word-by-word change, save the picture.

    Args:
        page: the HTML report to show.
        picture: where to write the PNG.
        driver: a browser from `benchmarks.browser.chromium` to use; else one is started.

    Raises:
        SystemExit: Chromium or ChromeDriver is not installed.
    """
    if driver is None:
        paths = find_browser()
        if paths is None:
            raise SystemExit(
                "Chromium and ChromeDriver are needed: apt-get install chromium chromium-driver"
            )
        with chromium(paths) as started:
            shoot(page, picture, driver=started)
        return
    driver.get(file_url(page))
    changed = driver.find_elements("css selector", "#findings .finding:has(.diff del)")
    target = changed[0] if changed else driver.find_element("css selector", ".finding")
    target.find_element("css selector", ".sev").click()
    png = driver.get_screenshot_as_png()
    picture.write_bytes(_with_text(png, KEYWORD, page_digest(page).encode("latin-1")))
    assert picture_size(picture) == (WIDTH, HEIGHT), picture_size(picture)


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(type, data) of each chunk of a PNG."""
    assert png.startswith(_SIGNATURE), "not a PNG"
    at = len(_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        yield png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        at += 12 + length


def _with_text(png: bytes, keyword: bytes, text: bytes) -> bytes:
    """The PNG with a tEXt chunk after its header (IHDR, always the first chunk)."""
    body = keyword + b"\0" + text
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    (length,) = struct.unpack(">I", png[8:12])
    after_header = 8 + 12 + length
    return png[:after_header] + chunk + png[after_header:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--output", type=Path, default=PICTURE, help="where to write the PNG")
    args = parser.parse_args(argv)
    shoot(PAGE, args.output)
    print(f"{args.output}: {WIDTH}x{HEIGHT}, of {PAGE.name} {page_digest()[:12]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How fast the HTML report opens and answers in a browser, for the seed pair and for the
stress run's 20,000-quote article against its reprint.

The 20,000-quote pair is `benchmarks/stress.py`'s (every 37th word of the reprint changed),
compared once; its page is rendered, then opened in headless Chromium (the one the tests
drive) best of N times. Measured side by side in one run: the page as shipped, whose
article columns and findings are laid out lazily (CSS content-visibility), and the same
page with that turned off, so what the lazy layout buys is a ratio on one machine.

Open is from navigation start to the load event (the page is parsed, styled, laid out and
its script has run); first paint is when anything shows. A click is the script's work for
one finding plus the layout needed to know both quotes are in view, timed in the page,
for the first, middle and last finding.

    .venv/bin/python benchmarks/html_open.py                # best of 3
    .venv/bin/python benchmarks/html_open.py --scale 0.1    # 2,000 quotes, a quick look
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from attribution import Article, compare  # noqa: E402 - needs ROOT on the path first
from attribution.report import html  # noqa: E402
from benchmarks.browser import chromium, file_url, find_browser  # noqa: E402
from benchmarks.stress import many_quotes, reprint  # noqa: E402

# What "opens in seconds" is held to, and a click's answer.
OPEN_TARGET_S = 5.0
CLICK_TARGET_S = 0.5
# The lazy-layout declarations the comparison page is rendered without.
_LAZY_RE = re.compile(r"content-visibility: auto; contain-intrinsic-size: auto [\d.]+em;")

# Navigation timings once the load event has ended (WebDriver may answer a moment before).
TIMINGS = """
const done = arguments[arguments.length - 1];
function read() {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByType('paint')
    .find(p => p.name === 'first-contentful-paint');
  if (!nav || nav.loadEventEnd === 0) { setTimeout(read, 20); return; }
  done([nav.loadEventEnd, paint ? paint.startTime : null]);
}
read();
"""
CLICK = """
const finding = arguments[0];
const start = performance.now();
finding.click();
const shown = finding.getAttribute('data-go').split(' ').map(id => {
  const r = document.getElementById(id).getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
});
return [performance.now() - start, shown.every(Boolean)];
"""


def eager(document: str) -> str:
    """The same page with every part laid out at once (no content-visibility), its style's
    hash updated so the policy still admits it."""
    style = _LAZY_RE.sub("", html._STYLE)
    assert style != html._STYLE, "the lazy-layout declarations were not found"
    return document.replace(html._STYLE, style).replace(
        html._digest(html._STYLE), html._digest(style)
    )


def measure(driver: Any, path: Path, repeat: int) -> dict[str, float]:
    """Best-of-`repeat` open and first paint, then click times, for one page."""
    opens, paints = [], []
    for _ in range(repeat):
        driver.get("about:blank")
        driver.get(file_url(path))
        load, paint = driver.execute_async_script(TIMINGS)
        opens.append(load / 1000)
        paints.append((paint or load) / 1000)
    findings = driver.find_elements("css selector", "#findings .finding")
    clicks: dict[str, float] = {}
    for name, index in (("first", 0), ("middle", len(findings) // 2), ("last", -1)):
        if findings:
            seconds, shown = driver.execute_script(CLICK, findings[index])
            assert shown, f"the {name} finding's quotes are not in view"
            clicks[name] = seconds / 1000
    return {
        "open": min(opens),
        "paint": min(paints),
        "findings": len(findings),
        "mb": path.stat().st_size / 1024 / 1024,
        **{f"click {k}": v for k, v in clicks.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N opens (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="20,000 quotes times this")
    args = parser.parse_args(argv)
    paths = find_browser()
    if paths is None:
        print("Chromium and ChromeDriver are needed: apt-get install chromium chromium-driver")
        return 2
    text = many_quotes(args.scale)
    start = time.perf_counter()
    report = compare(Article("a", "a.txt", text=text), Article("b", "b.txt", text=reprint(text)))
    compared = time.perf_counter() - start
    start = time.perf_counter()
    document = html.render_html(report)
    rendered = time.perf_counter() - start
    quotes = len(report.articles[0].quotes)
    seed = (ROOT / "seeds" / "REPORT.html").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder, chromium(paths) as driver:
        driver.set_script_timeout(600)
        pages = {
            "seed pair (shipped)": seed,
            f"{quotes:,}-quote pair (shipped: lazy layout)": document,
            f"{quotes:,}-quote pair, everything laid out at once": eager(document),
        }
        rows = []
        results = []
        for n, (name, page) in enumerate(pages.items()):
            path = Path(folder) / f"page{n}.html"
            path.write_text(page, encoding="utf-8")
            result = measure(driver, path, args.repeat)
            results.append(result)
            rows.append(
                [
                    name,
                    f"{result['mb']:.1f}",
                    f"{int(result['findings']):,}",
                    f"{result['paint']:.2f}",
                    f"{result['open']:.2f}",
                    *(f"{result[f'click {k}']:.3f}" for k in ("first", "middle", "last")),
                ]
            )
        version = driver.capabilities.get("browserVersion", "?")
    lazy, at_once = results[1], results[2]
    print(
        f"HTML report in headless Chromium {version}; Python {platform.python_version()}, "
        f"{os.cpu_count()} cores; best of {args.repeat} opens. The {quotes:,}-quote pair "
        f"(benchmarks/stress.py, scale {args.scale:g}): compare {compared:.1f} s, "
        f"render_html {rendered:.2f} s."
    )
    print()
    print(
        tabulate(
            rows,
            headers=[
                "page",
                "MB",
                "findings",
                "first paint s",
                "open s",
                "click first s",
                "click middle s",
                "click last s",
            ],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    print()
    slowest_click = max(v for k, v in lazy.items() if k.startswith("click"))
    checks = [
        ["open, shipped page", f"{lazy['open']:.2f} s", f"< {OPEN_TARGET_S:g} s"],
        ["slowest click, shipped page", f"{slowest_click:.3f} s", f"< {CLICK_TARGET_S:g} s"],
        ["open, laid out at once / lazy", f"{at_once['open'] / lazy['open']:.1f}x", ""],
    ]
    met = lazy["open"] < OPEN_TARGET_S and slowest_click < CLICK_TARGET_S
    print(tabulate(checks, headers=["measure", "value", "target"], tablefmt="github"))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

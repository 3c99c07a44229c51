"""The HTML report in a real browser (headless Chromium): it opens under its own policy,
lists what the JSON lists, brings both quotes into view on a click, moves with j and k,
filters, prints its findings, reads without its script, and runs nothing an article holds.

The tests skip, saying why, where Chromium or ChromeDriver is missing on a contributor's
machine; in CI (`CI` or `ATTRIBUTION_BROWSER_TESTS=required`, which `.ci/run` sets after
installing them) a missing browser is a failure.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from attribution import Article, Report, compare
from attribution.report.html import render_html
from benchmarks.browser import chromium, file_url, find_browser

from .conftest import FIXTURES, SEEDS
from .test_html import HOSTILE

REQUIRED = bool(os.environ.get("CI")) or os.environ.get("ATTRIBUTION_BROWSER_TESTS") == "required"
# Every committed page: the seed pair's and each golden case's, beside its JSON.
PAGES = sorted(
    [
        SEEDS / "REPORT.html",
        *FIXTURES.glob("reports/*/report.html"),
        *FIXTURES.glob("check/*/report.html"),
    ]
)
RANK = ["none", "info", "minor", "major", "critical"]

# Whether an element shows on screen: some of it inside the column (or list) that scrolls
# it and inside the window, and the element itself (or one inside it) is what is drawn at
# the middle of that visible part, not a column laid over it.
IN_VIEW = """
const el = arguments[0];
const r = el.getBoundingClientRect();
const box = (el.closest('.text, #findings-panel') || document.documentElement).getBoundingClientRect();
const left = Math.max(r.left, box.left, 0), right = Math.min(r.right, box.right, innerWidth);
const top = Math.max(r.top, box.top, 0), bottom = Math.min(r.bottom, box.bottom, innerHeight);
if (right - left < 1 || bottom - top < 1) return false;
const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
return !!hit && (el === hit || el.contains(hit) || hit.contains(el));
"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    paths = find_browser()
    if paths is None:
        message = (
            "Chromium and ChromeDriver are not installed (Debian: apt-get install chromium "
            "chromium-driver; .ci/run installs them)"
        )
        if REQUIRED:
            pytest.fail(message + ", and CI requires the browser tests")
        pytest.skip(message)
    with chromium(paths) as driver:
        yield driver


def _open(browser: Any, path: Path) -> Any:
    browser.get_log("browser")  # drop what an earlier page logged
    browser.get(file_url(path))
    return browser


def _write(tmp_path: Path, document: str, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(document, encoding="utf-8")
    return path


def _findings(browser: Any) -> list[Any]:
    return list(browser.find_elements("css selector", "#findings .finding"))


def _in_view(browser: Any, element: Any) -> bool:
    return bool(browser.execute_script(IN_VIEW, element))


def _current(browser: Any) -> str | None:
    found = browser.find_elements("css selector", "#findings .finding.current")
    return str(found[0].get_attribute("id")) if found else None


# --- every committed page -----------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.parent.name)
def test_the_page_opens_under_its_policy_and_lists_what_the_json_lists(
    browser: Any, page: Path
) -> None:
    _open(browser, page)
    # The script ran and the style applied: both are allowed by their hashes.
    assert browser.execute_script("return document.documentElement.className") == "js"
    color = browser.execute_script(
        "return getComputedStyle(document.querySelector('mark')).backgroundColor"
    )
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    listed = [
        (
            f.get_attribute("data-severity"),
            f.find_element("css selector", ".verdict").text,
            f.find_element("css selector", ".fh a").text,
        )
        for f in _findings(browser)
    ]
    assert [RANK.index(s) for s, _, _ in listed] == sorted(
        (RANK.index(s) for s, _, _ in listed), reverse=True
    )
    if "check" in data:
        # Each quote the check did not simply verify is listed once, with its status.
        statuses = {q["quote"]: (q["severity"], q["status"]) for q in data["check"]["quotes"]}
        for severity, verdict, quote in listed:
            assert statuses[quote] == (severity, verdict.replace(" ", "_")), quote
        flagged = {
            q for q, (s, status) in statuses.items() if status not in ("verified", "not_checked")
        }
        statements = {q["id"]: q["statement"] for q in data["articles"][0]["quotes"]}
        shown = {statements[q] for _, _, q in listed}
        assert {statements[q] for q in flagged} <= shown
    else:
        expected = [
            (m["severity"], m["verdict"], m["a"])
            for m in data["matches"]
            if m["severity"] != "none"
        ] + [
            (u["severity"], _unmatched_words(u), u["quote"])
            for u in data["unmatched"]
            if u["severity"] != "none"
        ]
        assert sorted(listed) == sorted(expected)


def _unmatched_words(item: dict[str, Any]) -> str:
    if item["verdict"] == "only_in":
        return f"only in {item['article']}"
    return str(item["verdict"]).replace("_", " ")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.parent.name)
def test_clicking_each_finding_brings_both_quotes_into_view(browser: Any, page: Path) -> None:
    _open(browser, page)
    findings = _findings(browser)
    assert findings
    for finding in findings:
        finding.find_element("css selector", ".sev").click()
        assert _current(browser) == finding.get_attribute("id")
        targets = str(finding.get_attribute("data-go")).split()
        assert targets
        for target in targets:
            mark = browser.find_element("id", target)
            assert _in_view(browser, mark), (finding.get_attribute("id"), target)
            assert "on" in str(mark.get_attribute("class")).split()
        assert _in_view(browser, finding)


# --- keys, filter, print, no script -------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page() -> Path:
    return SEEDS / "REPORT.html"


def _press(browser: Any, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(keys).perform()


def test_j_and_k_move_from_finding_to_finding(browser: Any, seed_page: Path) -> None:
    _open(browser, seed_page)
    first, second, third = (f.get_attribute("id") for f in _findings(browser))
    assert _current(browser) is None
    visited = []
    for key in "jjjjkkkk":
        _press(browser, key)
        visited.append(_current(browser))
    assert visited == [first, second, third, third, second, first, first, first]
    for target in str(browser.find_element("id", first).get_attribute("data-go")).split():
        assert _in_view(browser, browser.find_element("id", target))


def test_the_severity_filter_hides_findings_and_j_skips_them(browser: Any, seed_page: Path) -> None:
    _open(browser, seed_page)
    findings = _findings(browser)
    majors = [f for f in findings if f.get_attribute("data-severity") == "major"]
    others = [f for f in findings if f.get_attribute("data-severity") != "major"]
    assert majors and others
    browser.find_element("id", "show-major").click()
    assert not any(f.is_displayed() for f in majors)
    assert all(f.is_displayed() for f in others)
    _press(browser, "j")
    assert _current(browser) == others[0].get_attribute("id")
    browser.find_element("id", "show-major").click()
    assert all(f.is_displayed() for f in majors)


def test_printing_shows_the_findings_with_their_differences(browser: Any, seed_page: Path) -> None:
    _open(browser, seed_page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element("css selector", "main.columns").is_displayed()
        assert all(f.is_displayed() for f in _findings(browser))
        struck = browser.find_elements("css selector", "#findings .diff del")
        assert struck and all(d.is_displayed() for d in struck)
        pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {})["data"])
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_without_its_script_the_page_reads_and_links_to_the_quotes(
    browser: Any, seed_page: Path, tmp_path: Path
) -> None:
    document = seed_page.read_text(encoding="utf-8")
    bare = re.sub(r"<script>.*?</script>", "", document, flags=re.S)
    assert bare != document
    _open(browser, _write(tmp_path, bare))
    assert browser.execute_script("return document.documentElement.className") == ""
    findings = _findings(browser)
    assert findings and all(f.is_displayed() for f in findings)
    assert all(d.is_displayed() for d in browser.find_elements("css selector", ".diff del"))
    # The filter needs the script: without it, it is not offered.
    assert not browser.find_element("css selector", ".filter").is_displayed()
    link = findings[0].find_element("css selector", ".fh a")
    link.click()
    target = browser.find_element("id", str(link.get_attribute("href")).rsplit("#", 1)[1])
    assert _in_view(browser, target)


# --- hostile articles and long ones --------------------------------------------------------


def _hostile_report() -> Report:
    return compare(
        Article("a", "<script>window.canary=6</script>.txt", text=HOSTILE),
        Article(
            "b",
            'b\u202e.txt"><img src=x onerror=window.canary=7>',
            text=HOSTILE.replace("not", "never"),
        ),
    )


@pytest.mark.parametrize("policy", [True, False], ids=["with-policy", "escaping-alone"])
def test_a_hostile_article_runs_nothing(browser: Any, tmp_path: Path, policy: bool) -> None:
    """The canary an article's script or handler would set stays unset, whether or not the
    policy is there to refuse it: escaping alone must already hold."""
    document = render_html(_hostile_report())
    if not policy:
        document, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", document)
        assert n == 1
    _open(browser, _write(tmp_path, document))
    for finding in _findings(browser):
        finding.find_element("css selector", ".sev").click()
    assert browser.execute_script("return typeof window.canary") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    assert browser.execute_script("return document.querySelectorAll('img, iframe, b').length") == 0
    assert browser.execute_script("return document.querySelectorAll('.column').length") == 2
    assert browser.execute_script("return document.documentElement.className") == "js"
    texts = browser.find_elements("css selector", ".column .text")
    assert "<script>window.canary = 1</script>" in texts[0].text
    assert "[RLO]" in texts[0].text


def test_in_a_long_report_every_part_of_the_list_brings_its_quotes_into_view(
    browser: Any, tmp_path: Path
) -> None:
    """1,000 quotes: the columns lay out lazily, and a finding far down still shows both."""
    words = ["the council", "will raise", "the budget", "for schools", "and roads"]
    lines = [
        f"\u201c{' '.join(words[i % 5 :] + words[: i % 5])} next year, number {i},\u201d Ann Lee "
        "said.\n\n"
        for i in range(1000)
    ]
    changed = [
        line.replace(" will ", " may ") if i % 3 == 0 else line for i, line in enumerate(lines)
    ]
    report = compare(
        Article("a", "a.txt", text="".join(lines)), Article("b", "b.txt", text="".join(changed))
    )
    _open(browser, _write(tmp_path, render_html(report)))
    findings = _findings(browser)
    assert len(findings) > 200
    for finding in (findings[-1], findings[len(findings) // 2], findings[0]):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", finding)
        finding.find_element("css selector", ".sev").click()
        for target in str(finding.get_attribute("data-go")).split():
            assert _in_view(browser, browser.find_element("id", target)), target


# --- the scripts that use the browser -----------------------------------------------------


def test_the_screenshot_script_takes_the_readme_s_picture(browser: Any, tmp_path: Path) -> None:
    from benchmarks import screenshot

    picture = tmp_path / "report.png"
    screenshot.shoot(screenshot.PAGE, picture, driver=browser)
    assert screenshot.picture_size(picture) == (1280, 800)
    assert screenshot.recorded_digest(picture) == screenshot.page_digest()


def test_the_page_opening_benchmark_runs_on_a_small_pair(
    browser: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The benchmark's own run, at 100 quotes, so it cannot rot; its times are not judged."""
    from benchmarks import html_open

    assert html_open.main(["--scale", "0.005", "--repeat", "1"]) in (0, 1)
    out = capsys.readouterr().out
    assert "| 100-quote pair (shipped: lazy layout)" in out
    assert "| open, shipped page" in out

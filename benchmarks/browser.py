"""Headless Chromium, started the one way the browser tests, the README screenshot and the
page-opening benchmark all use, so what is measured and shown is what is tested.

Chromium and ChromeDriver come from the system (Debian's `chromium` and `chromium-driver`;
`.ci/run` installs them where missing), never downloaded: Selenium is given both paths, so
its driver manager has nothing to fetch. The flags keep the browser off the network
(no background requests, updates or sync) and let it run as root in a container.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# The window the README screenshot shows and the tests click in.
WIDTH, HEIGHT = 1280, 800
FLAGS = (
    "--headless=new",
    "--no-sandbox",  # root in a container has no user namespace for the sandbox
    "--disable-gpu",
    "--disable-dev-shm-usage",  # containers give /dev/shm only 64 MB
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",  # screenshots the same whatever the scroll bars' theme
    "--force-color-profile=srgb",
    f"--window-size={WIDTH},{HEIGHT}",
)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> tuple[str, str] | None:
    """The paths of a Chromium and its ChromeDriver, or None when either is missing.

    `ATTRIBUTION_CHROMIUM` and `ATTRIBUTION_CHROMEDRIVER` name them where they are not on
    the PATH under their usual names (`chromium`, `chromium-browser` or `google-chrome`;
    `chromedriver`, or in `$CHROMEWEBDRIVER`).
    """
    browser = os.environ.get("ATTRIBUTION_CHROMIUM") or next(
        (found for name in _BROWSERS if (found := shutil.which(name))), None
    )
    driver = (
        os.environ.get("ATTRIBUTION_CHROMEDRIVER")
        or shutil.which("chromedriver")
        # GitHub's runners keep a ChromeDriver matching their Chrome here.
        or shutil.which("chromedriver", path=os.environ.get("CHROMEWEBDRIVER", ""))
    )
    if browser is None or driver is None:
        return None
    return browser, driver


@contextmanager
def chromium(paths: tuple[str, str]) -> Iterator[Any]:
    """A headless Chromium driven by Selenium, its viewport exactly WIDTH x HEIGHT.

    Args:
        paths: the browser's and the driver's paths, as `find_browser` returns them.

    Yields:
        The Selenium WebDriver; the browser quits and its profile is removed on exit.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="attribution-chromium-")
    options: Any = webdriver.ChromeOptions()  # untyped in the oldest selenium allowed
    options.binary_location = paths[0]
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
        )
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def file_url(path: Path) -> str:
    """The file: URL a browser opens a page at."""
    return path.resolve().as_uri()

"""Debian's Chromium, driven by its own chromedriver through Selenium: nothing is
downloaded. Used by the browser tests and by `make bench-classroom`."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

BROWSER = os.environ.get("QUIZ_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("QUIZ_CHROMEDRIVER", "/usr/bin/chromedriver")
"""Debian's paths; the variables point elsewhere (or nowhere, to try the skip)."""
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
    # Tabs in the background keep their timers and sockets running, as a class's tabs
    # would each be in front on its own device.
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows", "--disable-popup-blocking",
]


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    for path, package in ((BROWSER, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).exists():
            return (f"{path} is not installed (Debian package {package}); .ci/run installs "
                    "it, or run: apt-get install -y chromium chromium-driver")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed; run make install"
    return None


class Chromium:
    """One headless browser with a fresh profile, closed (and its profile removed) by
    `quit()`."""

    def __init__(self, width: int = 1280, height: int = 900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="quiz-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = BROWSER
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={width},{height}")
        self.driver = webdriver.Chrome(options=options, service=Service(DRIVER))
        self.driver.set_page_load_timeout(30)

    def phone(self, width: int = 360, height: int = 740) -> None:
        """Lay pages out as a phone of this width would (desktop windows have a minimum
        width of about 500 px)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

"""Fixtures every browser test shares: one headless Chromium per module, a fresh tab per
test."""

from __future__ import annotations

import pytest

from tests.browser.chromium import Chromium


@pytest.fixture(scope="module")
def browser():
    chromium = Chromium()
    yield chromium
    chromium.quit()


@pytest.fixture
def tab(browser):
    """A fresh tab (its own sessionStorage), closed afterwards."""
    driver = browser.driver
    driver.switch_to.new_window("tab")
    yield driver
    driver.close()
    driver.switch_to.window(driver.window_handles[0])

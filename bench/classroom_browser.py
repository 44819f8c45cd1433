"""The browser side of `make bench-classroom`, in Debian's headless Chromium: how long the
student page takes to load and join (the first load with an empty cache, then the median
of several), and 30 tabs of one browser joining at once (the time until the host sees
the last one in the lobby; the tabs share the browser's cache, as they would on one
Chromebook). Each figure is measured against the bare relay's minimal page (one request,
a page that only opens the socket and says hello) in the same run."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import Chromium, missing  # noqa: E402

LOADS = 7
TABS = 30
LIMIT = 30.0

JOINED = {
    "quiz": "const t = document.getElementById('wait-title');"
            " return !!t && t.textContent.startsWith('You are in');",
    "bare": "return document.title === 'joined';",
}


def _wait(driver, script: str) -> float:
    deadline = time.monotonic() + LIMIT
    while not driver.execute_script(script):
        if time.monotonic() > deadline:
            raise RuntimeError("the page never joined")
        time.sleep(0.005)
    return time.monotonic()


def page_join_times(browser: Chromium, base: str, code: str, kind: str) -> list[float]:
    driver, times = browser.driver, []
    for n in range(LOADS):
        driver.switch_to.new_window("tab")
        started = time.monotonic()
        driver.get(f"{base}/?code={code}&name=Load{kind}{n}")
        times.append(_wait(driver, JOINED[kind]) - started)
        driver.close()
        driver.switch_to.window(driver.window_handles[0])
    return times


def _count_joined(url: str, code: str, token: str, kind: str, want: int, found: dict):
    """A host connection that notes when `want` students are in: from the roster's
    players (quiz) or the bare relay's join count."""
    import asyncio
    import json

    from websockets.asyncio.client import connect

    async def watch() -> None:
        async with connect(url, max_size=None) as link:
            await link.send(json.dumps({"type": "hello", "version": 1, "role": "host",
                                        "code": code, "host_token": token}))
            found["ready"] = time.monotonic()
            while True:
                message = json.loads(await asyncio.wait_for(link.recv(), LIMIT))
                count = (len(message.get("players", [])) if message["type"] == "roster"
                         else message.get("count", 0) if message["type"] == "joined" else 0)
                if count >= want:
                    found["at"] = time.monotonic()
                    return

    try:
        asyncio.run(watch())
    except Exception as error:  # noqa: BLE001 - reported by the caller
        found["error"] = repr(error)


def tabs_join_time(browser: Chromium, details: dict, kind: str) -> float:
    """Open TABS tabs at once from one page (window.open with noopener: each tab its
    own renderer, as on its own device; no driver round trip between them), and time
    until the server has them all, as the host sees it."""
    import threading

    driver = browser.driver
    base, code = "http" + details["url"].removeprefix("ws"), details["code"]
    found: dict = {}
    already = 1 + LOADS  # the warm-up page and the timed loads joined before
    watcher = threading.Thread(target=_count_joined, args=(
        details["url"], code, details["host_token"], kind, already + TABS, found))
    watcher.start()
    while "ready" not in found and "error" not in found:
        time.sleep(0.01)
    driver.get(f"{base}/favicon.ico" if kind == "quiz" else f"{base}/?code=none&name=x")
    started = time.monotonic()
    driver.execute_script(
        "for (let n = 0; n < arguments[2]; n++) window.open("
        "`${arguments[0]}/?code=${arguments[1]}&name=Tab${n}`, '_blank', 'noopener');",
        base, code, TABS)
    watcher.join(LIMIT + 5)
    if "at" not in found:
        raise RuntimeError(f"not every one of {TABS} tabs joined: {found.get('error')}")
    for handle in driver.window_handles[1:]:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(driver.window_handles[0])
    return found["at"] - started


def measure(kind: str, details: dict) -> dict:
    base, code = "http" + details["url"].removeprefix("ws"), details["code"]
    browser = Chromium()
    try:
        started = time.monotonic()  # the first load, with nothing in the cache
        browser.driver.get(f"{base}/?code={code}&name=Cold{kind}")
        cold = _wait(browser.driver, JOINED[kind]) - started
        loads = page_join_times(browser, base, code, kind)
        tabs = tabs_join_time(browser, details, kind)
    finally:
        browser.quit()
    return {"cold": cold, "load_median": statistics.median(loads), "load_max": max(loads),
            "tabs": tabs}


def why_skipped() -> str | None:
    return missing()

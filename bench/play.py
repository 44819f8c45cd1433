"""Benchmark the player: cold start to the first screen, and keypress-to-repaint latency."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import print_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _to_first_paint(commands: list[list[str]], env: dict[str, str], repeats: int
                    ) -> list[float]:
    """Median seconds from spawning each process to the first paint it stamps in a file.

    The commands run round-robin, so a slow spell on the machine hits them all alike.
    """
    samples: list[list[float]] = [[] for _ in commands]
    with tempfile.TemporaryDirectory() as folder:
        stamp = Path(folder) / "painted"
        for _ in range(repeats):
            for argv, times in zip(commands, samples, strict=True):
                stamp.unlink(missing_ok=True)
                start = time.time()
                result = subprocess.run(argv, env={**env, "QUIZ_EXIT_WHEN_READY": str(stamp)},
                                        capture_output=True, check=False)
                if result.returncode != 0 or not stamp.exists():
                    sys.exit(f"benchmark command failed: {argv}\n{result.stderr.decode()}")
                times.append(float(stamp.read_text()) - start)
    return [statistics.median(times) for times in samples]


def cold_start() -> list[list[str]]:
    """Whole processes, each timed from spawn to the moment it stamps a file: after the
    import for the bare baseline, at the first paint for the apps."""
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QUIZ_DATA_DIR": data}
        quiz = [str(BIN / "quiz"), "play"]
        _to_first_paint([quiz], env, 1)  # a first launch builds the bank cache and menu
        bare, empty, ours = _to_first_paint(
            [[sys.executable, "-c", BARE_IMPORT], [sys.executable, "-c", EMPTY_APP], quiz],
            env, 15)
    return [["bare `import textual.app`", f"{bare * 1000:.0f} ms", "1.00×"],
            ["empty Textual app to first paint", f"{empty * 1000:.0f} ms",
             f"{empty / bare:.2f}×"],
            ["`quiz play` to first painted menu", f"{ours * 1000:.0f} ms",
             f"{ours / bare:.2f}×"]]


BARE_IMPORT = """
import os, time
import textual.app
open(os.environ["QUIZ_EXIT_WHEN_READY"], "w").write(repr(time.time()))
os._exit(0)
"""

EMPTY_APP = """
import os, time
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("ready")
    def on_mount(self):
        self.call_after_refresh(self.stamp)
    def stamp(self):
        open(os.environ["QUIZ_EXIT_WHEN_READY"], "w").write(repr(time.time()))
        os._exit(0)
Empty().run()
"""


async def _press_latencies(app, keys: list[str], setup=None) -> list[float]:
    """Send each key straight to the driver and time it to the next screen update handed to
    the display (headless runs skip only the terminal write itself).

    Pilot's own `press` waits for idle in 20 ms sleeps, so it cannot measure this.
    """
    from textual import events

    samples = []
    async with app.run_test(size=(80, 24)) as pilot:
        if setup:
            await setup(pilot)
        driver = app._driver
        frames: list[float] = []
        plain_display = app._display

        def timed_display(screen, renderable) -> None:
            plain_display(screen, renderable)
            if renderable is not None:
                frames.append(time.perf_counter())

        app._display = timed_display
        for key in keys:
            await pilot.pause()
            frames.clear()
            start = time.perf_counter()
            driver.send_message(events.Key(key, None))
            while not frames and time.perf_counter() - start < 1.0:
                await asyncio.sleep(0.0002)
            samples.append((frames[0] if frames else time.perf_counter()) - start)
    return samples


def keypress() -> list[list[str]]:
    """Pilot: time from a keypress to the repainted screen, ours against a bare OptionList."""
    from textual.app import App
    from textual.widgets import OptionList

    from tests.functional.test_tui import GENERATED, choose
    from tests.functional.tui_helpers import make_app

    class Bare(App):
        def compose(self):
            yield OptionList(*[f"Choice {n}" for n in range(4)])

    keys = ["down", "down", "up", "up"] * 30
    bare = asyncio.run(_press_latencies(Bare(), keys))

    async def to_question(pilot):
        await choose(pilot, pilot.app, GENERATED, "practice")

    with tempfile.TemporaryDirectory() as data:
        home = asyncio.run(_press_latencies(make_app(data), keys))
    with tempfile.TemporaryDirectory() as data:
        question = asyncio.run(_press_latencies(make_app(data), keys, to_question))
    rows = []
    for name, samples in [("bare OptionList", bare), ("home menu", home),
                          ("question choices", question)]:
        p50 = statistics.median(samples) * 1000
        p95 = statistics.quantiles(samples, n=20)[18] * 1000
        rows.append([name, f"{p50:.1f} ms", f"{p95:.1f} ms"])
    return rows


def main() -> None:
    print("Cold start, whole process (target ≤ 1.6× the bare import)\n")
    print_table(["process", "median", "ratio"], cold_start())
    print("\nKeypress to repaint (first frame written), 120 presses each, in Pilot "
          "(target p95 ≤ 33 ms)\n")
    print_table(["screen", "p50", "p95"], keypress())


if __name__ == "__main__":
    main()

"""quiz preview: it plays the file, reloads when it is saved, and shows problems in place."""

from __future__ import annotations

import os

from textual.widgets import Static

from quiz.tui.preview import PreviewApp, ProblemsScreen
from quiz.tui.screens.home import HomeScreen
from tests.functional.test_tui import choose
from tests.functional.tui_helpers import screen_text

GOOD = """\
id: draft
title: Draft bank
questions:
  - id: q1
    type: true_false
    prompt: The hotline opened in 2015.
    answer: true
"""


def save(path, text: str) -> None:
    """Write and move the modification time on, as an editor's save would."""
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


async def until(pilot, predicate, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError("the preview never reached the expected state")


async def test_preview_reloads_after_the_file_changes(tmp_path):
    path = tmp_path / "draft.yaml"
    save(path, GOOD)
    app = PreviewApp(path, poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.session)
        assert len(list(app.session.library.entries())) == 1

        save(path, GOOD.replace("answer: true", "answer: maybe"))
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen))
        shown = str(app.screen.query(Static).last().render())
        assert f"{path}:7:13: error:" in shown

        save(path, GOOD + GOOD[GOOD.index("  - id: q1"):].replace("q1", "q2"))
        await until(pilot, lambda: isinstance(app.screen, HomeScreen)
                    and len(list(app.session.library.entries())) == 2)


async def test_preview_plays_the_bank(tmp_path):
    path = tmp_path / "draft.yaml"
    save(path, GOOD)
    app = PreviewApp(path, poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.session)
        await choose(pilot, app, "Draft bank", "practice")
        await until(pilot, lambda: type(app.screen).__name__ == "QuestionScreen")
        await pilot.press("t")
        await until(pilot, lambda: "Correct" in screen_text(app))


async def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "draft.yaml"
    save(path, GOOD)
    app = PreviewApp(path, poll=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        path.unlink()
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen))

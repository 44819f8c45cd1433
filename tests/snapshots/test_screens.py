"""How the screens look at 80×24: home, question, feedback and summary."""

from __future__ import annotations

from tests.functional.test_tui import GENERATED, choose
from tests.functional.tui_helpers import answer, make_app, play_round


def test_home(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24))


def test_question(snap_compare, tmp_path):
    async def to_question(pilot):
        await choose(pilot, pilot.app, GENERATED, "practice")

    assert snap_compare(make_app(tmp_path), run_before=to_question, terminal_size=(80, 24))


def test_feedback(snap_compare, tmp_path):
    async def to_feedback(pilot):
        await choose(pilot, pilot.app, GENERATED, "practice")
        await answer(pilot, pilot.app, right=False)

    assert snap_compare(make_app(tmp_path), run_before=to_feedback, terminal_size=(80, 24))


def test_summary(snap_compare, tmp_path):
    async def to_summary(pilot):
        await choose(pilot, pilot.app, GENERATED, "practice")
        await play_round(pilot, pilot.app, right=False)

    assert snap_compare(make_app(tmp_path), run_before=to_summary, terminal_size=(80, 24))

"""How the decision, confidence, debrief and calibration screens look at 80×24, on a
fixture bank of their own."""

from __future__ import annotations

from pathlib import Path

from tests.functional.test_tui import choose
from tests.functional.tui_helpers import fixture_app

SIZE = (80, 24)
BANK = Path(__file__).resolve().parent / "data" / "decisions.yaml"
TITLE = "Harbour decisions: a fixture bank"


def app(tmp_path):
    return fixture_app(tmp_path, banks=[BANK])


async def to_decision(pilot) -> None:
    await choose(pilot, pilot.app, TITLE, "campaign")
    await pilot.press("enter")  # past the briefing
    await pilot.pause()


def test_decision(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), run_before=to_decision, terminal_size=SIZE)


def test_decision_consequence(snap_compare, tmp_path):
    async def chosen(pilot):
        await to_decision(pilot)
        order = pilot.app.session.round.current.order
        await pilot.press(str(order.index(1) + 1))  # refuse: not what the record shows
        await pilot.pause()

    assert snap_compare(app(tmp_path), run_before=chosen, terminal_size=SIZE)


def test_debrief(snap_compare, tmp_path):
    async def debrief(pilot):
        await to_decision(pilot)
        order = pilot.app.session.round.current.order
        await pilot.press(str(order.index(1) + 1), "enter")
        await pilot.press("t", "enter")
        await pilot.pause()

    assert snap_compare(app(tmp_path), run_before=debrief, terminal_size=SIZE)


async def _forecast(pilot, confidence_key: str | None = None) -> None:
    await choose(pilot, pilot.app, TITLE, "predict")
    order = pilot.app.session.round.current.order
    await pilot.press(str(order.index(0) + 1))
    if confidence_key:
        await pilot.press(confidence_key)
    await pilot.pause()


def test_confidence_picker(snap_compare, tmp_path):
    assert snap_compare(app(tmp_path), run_before=_forecast, terminal_size=SIZE)


def test_calibration_summary(snap_compare, tmp_path):
    async def summary(pilot):
        await _forecast(pilot, "4")  # 80%
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app(tmp_path), run_before=summary, terminal_size=SIZE)

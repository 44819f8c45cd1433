"""How short-answer and matching questions look at 80×24, asked and answered, on a fixture
bank of their own: the text box, the two columns of a matching, and the feedback."""

from __future__ import annotations

from tests.functional.test_typed_and_matching_tui import BANK, to_question
from tests.functional.tui_helpers import fixture_app

SIZE = (80, 24)


def app(tmp_path):
    return fixture_app(tmp_path, banks=[BANK])


def test_short_answer_typed(snap_compare, tmp_path):
    async def typing(pilot):
        await to_question(pilot, "type-town")
        await pilot.press(*"Port Hav")

    assert snap_compare(app(tmp_path), run_before=typing, terminal_size=SIZE)


def test_short_answer_feedback_for_an_accepted_variant(snap_compare, tmp_path):
    async def answered(pilot):
        await to_question(pilot, "type-town")
        await pilot.press(*"port haven", "enter")

    assert snap_compare(app(tmp_path), run_before=answered, terminal_size=SIZE)


def test_matching_half_done(snap_compare, tmp_path):
    async def picking(pilot):
        await to_question(pilot, "match-roles")
        order = pilot.app.session.round.current.order
        await pilot.press("abcd"[order.index(0)], "abcd"[order.index(2)])

    assert snap_compare(app(tmp_path), run_before=picking, terminal_size=SIZE)


def test_matching_feedback_marks_each_pair(snap_compare, tmp_path):
    async def answered(pilot):
        await to_question(pilot, "match-ships")
        order = pilot.app.session.round.current.order
        for item in (1, 0, 2, 3):  # the first two swapped
            await pilot.press("abcd"[order.index(item)])
        await pilot.press("enter")

    assert snap_compare(app(tmp_path), run_before=answered, terminal_size=SIZE)

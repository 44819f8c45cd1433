"""How the learner's screens look at 80×24, on a fixture bank so content changes elsewhere
never move a snapshot: menu, question, feedback with long sources, the source view, an
ordering's feedback, the summary, progress, help, the leave dialog and a too-small terminal."""

from __future__ import annotations

from tests.functional.test_tui import choose
from tests.functional.tui_helpers import FIXTURE_TITLE as TITLE
from tests.functional.tui_helpers import answer, fixture_app, play_round
from tests.unit.test_game_properties import right_response

SIZE = (80, 24)


async def campaign_question(pilot, skip: int = 0) -> None:
    """Open chapter 1 in the campaign and answer `skip` questions rightly."""
    await choose(pilot, pilot.app, TITLE, "campaign")
    await pilot.press("enter")  # past the briefing
    for _ in range(skip):
        await answer(pilot, pilot.app, right=True)
        await pilot.press("enter")
    await pilot.pause()


def test_home(snap_compare, tmp_path):
    assert snap_compare(fixture_app(tmp_path), terminal_size=SIZE)


def test_briefing_states_the_pass_mark(snap_compare, tmp_path):
    async def to_briefing(pilot):
        await choose(pilot, pilot.app, TITLE, "campaign")

    assert snap_compare(fixture_app(tmp_path), run_before=to_briefing, terminal_size=SIZE)


def test_long_prompt_keeps_the_choices_visible(snap_compare, tmp_path):
    async def to_question(pilot):
        await campaign_question(pilot, skip=2)

    assert snap_compare(fixture_app(tmp_path), run_before=to_question, terminal_size=SIZE)


def test_feedback_with_long_sources(snap_compare, tmp_path):
    async def to_feedback(pilot):
        await campaign_question(pilot)
        await answer(pilot, pilot.app, right=False)

    assert snap_compare(fixture_app(tmp_path), run_before=to_feedback, terminal_size=SIZE)


def test_feedback_scrolled_to_its_sources(snap_compare, tmp_path):
    async def to_sources(pilot):
        await campaign_question(pilot)
        await answer(pilot, pilot.app, right=False)
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(fixture_app(tmp_path), run_before=to_sources, terminal_size=SIZE)


def test_source_view(snap_compare, tmp_path):
    async def to_source(pilot):
        await campaign_question(pilot)
        await answer(pilot, pilot.app, right=False)
        await pilot.press("s")

    assert snap_compare(fixture_app(tmp_path), run_before=to_source, terminal_size=SIZE)


def test_ordering_feedback_marks_each_item(snap_compare, tmp_path):
    async def to_ordering(pilot):
        await campaign_question(pilot, skip=1)
        await answer(pilot, pilot.app, right=False)

    assert snap_compare(fixture_app(tmp_path), run_before=to_ordering, terminal_size=SIZE)


def test_exam_header_hides_score_and_streak(snap_compare, tmp_path):
    async def to_exam(pilot):
        await choose(pilot, pilot.app, TITLE, "exam")
        await answer(pilot, pilot.app, right=True)

    assert snap_compare(fixture_app(tmp_path), run_before=to_exam, terminal_size=SIZE)


def test_summary(snap_compare, tmp_path):
    async def to_summary(pilot):
        await campaign_question(pilot)
        await play_round(pilot, pilot.app, right=False)

    assert snap_compare(fixture_app(tmp_path), run_before=to_summary, terminal_size=SIZE)


def test_progress(snap_compare, tmp_path):
    async def to_progress(pilot):
        session = pilot.app.session  # history made through the core: the keys are tested
        session.start("fixture", "ch1", "campaign")  # elsewhere, and this is quicker
        while session.round.phase.value != "finished":
            dealt = session.round.current
            session.submit(None if dealt.question.id == "put-in-order"
                           else right_response(dealt))
            session.advance()
        session.start("fixture", "ch2", "campaign")
        for _ in range(2):
            session.submit(None)
            session.advance()
        session.interrupt()
        pilot.app.show_home()
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(fixture_app(tmp_path), run_before=to_progress, terminal_size=SIZE)


def test_help_fits(snap_compare, tmp_path):
    assert snap_compare(fixture_app(tmp_path), press=["question_mark"], terminal_size=SIZE)


def test_leave_dialog(snap_compare, tmp_path):
    async def to_leave(pilot):
        await campaign_question(pilot)
        await pilot.press("escape")

    assert snap_compare(fixture_app(tmp_path), run_before=to_leave, terminal_size=SIZE)


def test_too_small(snap_compare, tmp_path):
    assert snap_compare(fixture_app(tmp_path), terminal_size=(40, 12))

"""The question screen at 80×24, with Pilot: feedback never hides its source, long lists
and long prompts stay usable, number boxes leave `?` to help, and an exam shows no score."""

from __future__ import annotations

import io

from rich.console import Console

from quiz.game.library import Library, load_library
from quiz.game.round import Dealt, Entry, Outcome
from quiz.game.scoring import NO_POINTS
from quiz.model.bank import Bank
from quiz.model.questions import MultipleSelect, Numeric, Ordering, SingleChoice, TrueFalse
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.views.feedback import feedback_view
from tests.functional.test_tui import choose
from tests.functional.tui_helpers import (
    FIXTURE_CH2,
    FIXTURE_TITLE,
    answer,
    fixture_app,
    make_app,
    play_round,
    screen_lines,
    screen_text,
)

FEEDBACK_WIDTH = 75
"""The text width inside the feedback box at 80 columns (border, padding, scrollbar)."""


def wrong_response(question):
    match question:
        case SingleChoice():
            return (question.answer + 1) % len(question.choices)
        case MultipleSelect():
            return frozenset(i for i in range(len(question.choices)) if i not in question.answers)
        case TrueFalse():
            return not question.answer
        case Ordering():
            return tuple(reversed(range(len(question.items))))
        case Numeric():
            return question.answer + question.tolerance + 1


def feedback_height(entry: Entry) -> int:
    dealt = Dealt(entry, tuple(range(len(getattr(entry.question, "choices", None)
                                        or getattr(entry.question, "items", [])))))
    outcome = Outcome(entry.key, wrong_response(entry.question), False, NO_POINTS, 1.0)
    console = Console(width=FEEDBACK_WIDTH, file=io.StringIO(), record=True)
    console.print(feedback_view(dealt, outcome))
    return len(console.export_text().splitlines())


async def test_the_longest_shipped_feedback_shows_its_source_at_80x24(tmp_path):
    library = load_library()
    longest = max(library.entries(), key=feedback_height)  # found now, not hard-coded
    question = longest.question
    bank = Bank(id="longest", title="The longest feedback", questions=[question])
    app = make_app(tmp_path, library=Library([bank]))
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, "The longest feedback", "practice")
        await answer(pilot, app, right=False)
        assert "Not quite" in screen_text(app)
        await pilot.press("end")  # the feedback scrolls with the keys
        await pilot.pause()
        shown = screen_text(app)
        last = question.sources[-1]
        assert "Source:" in shown and last.outlet in shown
        assert last.date in shown or last.title.split()[-1] in shown
        await pilot.press("s")
        await pilot.pause()
        assert "Outlet" in screen_text(app) and question.sources[0].outlet in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert last.outlet in screen_text(app)


async def test_feedback_marks_the_choices_in_the_order_shown(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_TITLE, "campaign")
        await pilot.press("enter")
        dealt = app.session.round.current
        assert isinstance(dealt.question, MultipleSelect)
        await answer(pilot, app, right=False)
        lines = screen_lines(app)
        right_positions = [n + 1 for n, index in enumerate(dealt.order)
                           if index in dealt.question.answers]
        for position in right_positions:
            assert any(f"✔ {position}. [" in line for line in lines), position
        expected = ", ".join(map(str, right_positions[:-1])) + f" and {right_positions[-1]}"
        assert f"Right answer: {expected}" in screen_text(app)


async def test_a_long_list_takes_a_typed_number(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_CH2, "practice")
        while len(getattr(app.session.round.current.question, "choices", [])) <= 9:
            await answer(pilot, app)
            await pilot.press("enter")
        assert "Type a number 1–12" in screen_text(app)
        await pilot.press("4")
        assert app.session.round.phase.value == "asking", "4 alone does not answer"
        await pilot.press("1", "1")
        widget = app.screen.answer_widget
        assert widget.highlighted == 10
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.round.last.response == app.session.round.current.from_display(10)


async def test_question_mark_opens_help_from_a_number_box(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_TITLE, "practice")
        while not isinstance(app.session.round.current.question, Numeric):
            await answer(pilot, app)
            await pilot.press("enter")
        await pilot.press("1", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen.answer_widget.value == "1"


async def test_a_long_prompt_leaves_every_choice_on_screen(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_TITLE, "practice")
        while app.session.round.current.question.id != "long-prompt":
            await answer(pilot, app)
            await pilot.press("enter")
        shown = screen_text(app)
        assert all(choice in shown for choice in app.session.round.current.question.choices)


async def test_an_exam_shows_no_score_or_streak_until_the_review(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_CH2, "exam")
        await answer(pilot, app)
        status = screen_lines(app)[0]
        assert "Question 2/" in status and "Time left" in status
        assert "Score" not in status and "Streak" not in status
        await play_round(pilot, app, right=False)
        assert isinstance(app.screen, SummaryScreen)
        shown = screen_text(app)
        assert "Score" in shown and "Every question, reviewed" in shown


async def test_what_you_missed_cites_the_sources(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await choose(pilot, app, FIXTURE_CH2, "practice")
        await play_round(pilot, app, right=False)
        shown = screen_text(app)
        assert "What you missed (3 questions)" in shown
        assert shown.count("Source:") == 3 and "Rescue drill report" in shown
        assert "Harbour talks" in shown, "the readable tag name, not the id"


async def test_the_header_names_the_chapter(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await choose(pilot, app, FIXTURE_CH2, "practice")
        assert isinstance(app.screen, QuestionScreen)
        assert "Practice · Chapter 2 · The second meeting" in screen_lines(app)[0]

"""Whole rounds in every mode, played with Pilot and the keyboard alone."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import OptionList, Static

from quiz.game.library import Library
from quiz.game.modes import MODES
from quiz.game.round import Phase
from quiz.model.bank import Bank
from quiz.model.questions import SingleChoice
from quiz.store.history import History
from quiz.tui.screens.briefing import BriefingScreen
from quiz.tui.screens.dialogs import ConfirmQuit, HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.functional.tui_helpers import (
    FIXTURE_CH1,
    FIXTURE_CH2,
    FIXTURE_TITLE,
    FakeClock,
    answer,
    fixture_app,
    make_app,
    play_round,
    screen_text,
)


async def choose(pilot, app, target_title: str, mode: str) -> None:
    """On the home screen: move to a target by its title, Enter, then pick the mode."""
    home = app.screen
    assert isinstance(home, HomeScreen)
    targets = home.query_one("#targets", OptionList)
    index = next(n for n, item in enumerate(home.items)
                 if item.kind == "target"
                 and item.label.replace("\u00a0", " ").startswith(target_title + " ("))
    while targets.highlighted != index:
        await pilot.press("down" if (targets.highlighted or 0) < index else "up")
    await pilot.press("enter")
    modes = home.query_one("#modes", OptionList)
    wanted = list(MODES).index(mode)
    while modes.highlighted != wanted:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


CAMPAIGN = "Hotlines and THAAD: China and South Korea, 2013–2017"
GENERATED = "China–South Korea defence relations, 2013–2017: generated questions"


@pytest.mark.parametrize("mode", ["practice", "challenge", "exam", "timeline"])
async def test_a_whole_round_in_each_mode(tmp_path, mode):
    app = fixture_app(tmp_path)  # every question type, in a bank small enough to be quick
    async with app.run_test(size=(80, 24)) as pilot:
        # A chapter (four types) keeps it quick; the timeline takes both of the bank's orderings.
        await choose(pilot, app, FIXTURE_TITLE if mode == "timeline" else FIXTURE_CH1, mode)
        assert isinstance(app.screen, QuestionScreen)
        await play_round(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        summary = app.session.round.summary()
        assert summary.correct == summary.total > 0
        if mode == "timeline":
            assert {d.question.type for d in app.session.round.dealt} == {"ordering"}
            assert summary.total == 2
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    assert History.open(tmp_path).recent()[0].status == "finished"


async def test_campaign_chapter_with_briefing_unlocks_the_next(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, CAMPAIGN, "campaign")
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await play_round(pilot, app)
        assert "Debrief: your decisions and the record" in screen_text(app)
        await pilot.press("enter")  # from the debrief to the results
        await pilot.pause()
        assert "Chapter passed with 100% (the pass mark is 60%)" in screen_text(app)
        await pilot.press("enter")
        assert app.session.chapter_unlocked("campaign", "ch2-2015")
        await choose(pilot, app, CAMPAIGN, "campaign")
        assert app.session.chapter_id == "ch2-2015"


async def test_missed_questions_come_back_in_review(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, FIXTURE_CH2, "practice")
        await play_round(pilot, app, right=False)
        missed = {o.key for o in app.session.round.outcomes}
        app.session.now = lambda: dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)  # now due
        await pilot.press("enter")
        home = app.screen
        targets = home.query_one("#targets", OptionList)
        targets.highlighted = next(n for n, item in enumerate(home.items) if item.kind == "review")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.round.mode.name == "review"
        assert {d.entry.key for d in app.session.round.dealt} <= missed
        await play_round(pilot, app)
        assert isinstance(app.screen, SummaryScreen)


async def test_challenge_timer_runs_out(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, GENERATED, "challenge")
        assert "Time left 20.0s" in screen_text(app)
        clock.now += 25
        await pilot.pause(0.5)
        outcome = app.session.round.last
        assert outcome.timed_out and outcome.points.total == 0
        assert "Time's up" in screen_text(app)


async def test_quit_asks_first_and_the_round_resumes_after_restart(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, GENERATED, "practice")
        await answer(pilot, app)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+q", "y")
    record = History.open(tmp_path).resumable()
    assert record.status == "interrupted" and record.answered == 1
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.screen.items[0].kind == "resume"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen)
        assert len(again.session.round.outcomes) == 1
        assert again.session.round.phase is Phase.FEEDBACK


async def test_menu_paints_before_the_banks_load_and_a_choice_waits(tmp_path):
    import threading

    from quiz.game.menu import Menu
    from quiz.tui.app import QuizApp
    from tests.functional.tui_helpers import make_app as ready_app

    warm = ready_app(tmp_path)
    saved = warm.session  # a session to hand over once "loading" finishes
    gate = threading.Event()

    def slow_loader():
        gate.wait(5)
        return saved, []

    # A first run saves the menu; the next start paints it before loading.
    async with warm.run_test(size=(80, 24)):
        pass
    app = QuizApp(loader=slow_loader, sources=[], data_folder=tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "menu.json").write_text(
        Menu(warm.current_menu().items, []).to_json())
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen) and home.session is None
        assert any(item.kind == "target" for item in home.items), "painted from the save"
        await choose(pilot, app, GENERATED, "practice")
        assert home.pending is not None and isinstance(app.screen, HomeScreen)
        gate.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, QuestionScreen):
                break
        assert isinstance(app.screen, QuestionScreen), "the waiting choice ran once loaded"


async def test_help_opens_and_closes(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


HOSTILE = "[bold]x[/] [@click=app.quit]boom[/] [link=http://x]y[/link] [/]"


async def test_bank_text_is_never_markup(tmp_path):
    bank = Bank.model_validate({
        "id": "hostile", "title": HOSTILE,
        "questions": [{"id": "q", "type": "single_choice", "prompt": HOSTILE,
                       "context": {"date": HOSTILE, "place": "[red]", "role": "[/]"},
                       "choices": [HOSTILE, "[b]", "[/b]", "[@click=app.bell]"],
                       "answer": 0, "explanation": HOSTILE, "tags": ["[x]"],
                       "sources": [{"outlet": HOSTILE, "title": "[i]", "date": "2016"}]}]})
    app = make_app(tmp_path, library=Library([bank]))
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, HOSTILE, "practice")
        assert HOSTILE in str(app.screen.query_one("#prompt", Static).render())
        await answer(pilot, app, right=False)
        shown = screen_text(app)  # wrapped, but each markup-like piece stays literal
        assert all(piece in shown for piece in HOSTILE.split())
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert app.is_running


async def test_a_choice_can_be_answered_with_the_mouse(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, CAMPAIGN, "practice")
        screen = app.screen
        while not isinstance(app.session.round.current.question, SingleChoice):
            await answer(pilot, app)  # skip to a single-choice question
            await pilot.press("enter")
            await pilot.pause()
        widget = screen.answer_widget
        await pilot.click(widget, offset=(4, 2))  # the second line: choice 2
        await pilot.pause()
        assert app.session.round.phase is Phase.FEEDBACK
        assert app.session.round.last.response == app.session.round.current.from_display(1)

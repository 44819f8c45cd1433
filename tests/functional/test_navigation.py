"""Safe navigation, with Pilot: leave a round, quit on purpose, every unfinished round kept
and offered only for banks that are loaded, a hang-up, and a terminal too small."""

from __future__ import annotations

import pytest
from textual.widgets import Button, OptionList

from quiz.store.history import History
from quiz.tui.screens.dialogs import ConfirmLeave, ConfirmQuit, HelpScreen, TooSmall
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from tests.functional.test_tui import CAMPAIGN, choose
from tests.functional.tui_helpers import (
    FIXTURE_TITLE,
    answer,
    fixture_app,
    make_app,
    screen_text,
)


async def start_round(pilot, app, mode: str = "practice", answered: int = 1) -> None:
    await choose(pilot, app, FIXTURE_TITLE, mode)  # the whole bank: its title on the menu
    for _ in range(answered):
        await answer(pilot, app)
        await pilot.press("enter")
    await pilot.pause()


async def test_escape_leaves_a_round_after_asking_and_it_waits_on_the_menu(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot, app)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmLeave)
        assert "Leave this round?" in screen_text(app) and "It is saved" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape")
        await pilot.press("enter")  # Enter on the focused "Yes, leave"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        resume = [item for item in app.screen.items if item.kind == "resume"]
        assert len(resume) == 1 and "1/" in resume[0].label
        assert "Harbour talks" in resume[0].label, "named by title"
    assert History.open(tmp_path).unfinished()[0].status == "interrupted"


async def test_every_unfinished_round_is_listed_and_each_resumes(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for mode, answered in (("practice", 1), ("exam", 2)):
            await start_round(pilot, app, mode, answered=0)
            for _ in range(answered):
                await answer(pilot, app)
                if mode == "practice":
                    await pilot.press("enter")
            await pilot.press("escape", "y")
            await pilot.pause()
        items = [item for item in app.screen.items if item.kind == "resume"]
        assert [i.label.split(" · ")[0] for i in items] == ["Resume Exam", "Resume Practice"]
        assert all(FIXTURE_TITLE.split(":")[0] in i.label for i in items), "titles, not ids"
        targets = app.screen.query_one("#targets", OptionList)
        targets.highlighted = app.screen.items.index(items[1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.round.mode.name == "practice"
        assert len(app.session.round.outcomes) == 1


async def test_delete_drops_a_saved_round_after_asking(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot, app)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen.items[0].kind == "resume"
        await pilot.press("delete")
        assert "Discard this saved round?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert all(item.kind != "resume" for item in app.screen.items)
    assert History.open(tmp_path).unfinished() == []
    assert History.open(tmp_path).recent()[0].answered == 1, "kept in history"


async def test_resume_is_offered_only_for_banks_that_are_loaded(tmp_path, write):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, app, CAMPAIGN, "practice")
        await answer(pilot, app)
        await pilot.press("ctrl+q", "y")
    other = write("biology.yaml", {"id": "biology", "title": "Cells", "questions": [
        {"id": "q", "type": "true_false", "prompt": "Cells divide", "answer": True}]})
    only_biology = fixture_app(tmp_path, banks=[other])
    async with only_biology.run_test(size=(80, 24)):
        assert all(item.kind != "resume" for item in only_biology.screen.items)
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)):
        assert again.screen.items[0].kind == "resume", "still there with its bank loaded"


@pytest.mark.parametrize("keys", [["enter"], ["y"], ["Y"]])
async def test_quit_confirms_with_enter_on_yes_and_with_y(tmp_path, keys):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        assert app.focused is app.screen.query_one("#yes", Button)
        await pilot.press(*keys)
        await pilot.pause()
        assert not app.is_running


async def test_quit_dialog_buttons_work_with_the_mouse(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.click("#no")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.click("#yes")
        await pilot.pause()
        assert not app.is_running


async def test_a_hang_up_keeps_the_round_as_interrupted(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_round(pilot, app)
        app._hung_up()  # what SIGHUP (the terminal closing) calls
        await pilot.pause()
    record = History.open(tmp_path).recent()[0]
    assert record.status == "interrupted" and record.answered == 1


def test_rounds_left_playing_by_a_killed_run_are_settled_at_start(tmp_path):
    from tests.unit.test_history import session_at

    session = session_at(tmp_path)
    session.start("b", "ch1", "practice")
    session.submit(True)  # then killed: the row still says playing
    history = History.open(tmp_path)
    assert history.recent()[0].status == "playing"
    assert history.settle_unfinished() == 1
    assert history.recent()[0].status == "interrupted" and history.unfinished()


async def test_too_small_a_terminal_says_how_big_and_recovers(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        assert "at least 60×20" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_fits_80x24_and_says_when_it_scrolls(tmp_path):
    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen.query_one("#help")
        assert isinstance(app.screen, HelpScreen) and dialog.max_scroll_y == 0
        assert "your progress" in screen_text(app) and not dialog.border_subtitle
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert dialog.max_scroll_y > 0 and "scroll" in dialog.border_subtitle


async def test_progress_opens_from_the_menu_and_from_p(tmp_path):
    from quiz.tui.screens.progress import ProgressScreen

    app = fixture_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "pass mark 60%" in screen_text(app)
        await pilot.press("escape")
        home = app.screen
        home.query_one("#targets", OptionList).highlighted = next(
            n for n, item in enumerate(home.items) if item.kind == "progress")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)

"""The game, not the file: a full disk and a data folder that cannot be made, in Pilot."""

from __future__ import annotations

from textual.widgets import Static

from quiz.commands.play import session_loader
from quiz.game.library import Library
from quiz.game.round import Phase
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.functional.test_tui import GENERATED, choose
from tests.functional.tui_helpers import make_app, play_round
from tests.unit.test_history_faults import BANK, FullAfter


async def test_a_full_disk_is_said_once_and_the_round_goes_on(tmp_path):
    app = make_app(tmp_path, library=Library([BANK]))
    history = app.session.history
    history.db = FullAfter(history.db, allowed=2)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await choose(pilot, app, "Bank", "practice")
        await play_round(pilot, app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        said = [n.message for n in app._notifications if "could not be saved" in n.message]
        assert said == ["This answer could not be saved (database or disk is full). You can "
                        "keep playing; everything saved before is safe."]
    history.db = history.db.connection


async def test_a_data_folder_that_cannot_be_made_does_not_hang_the_menu(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    folder = tmp_path / "file" / "data"
    app = QuizApp(loader=session_loader([], folder, seed=7), sources=[], data_folder=folder)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(200):
            if app.session is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.screen.items
        info = str(app.screen.query_one("#home-info", Static).render())
        assert "Loading" not in info
        notes = [n.message for n in app._notifications]
        assert any(n.startswith("Your history cannot be kept: the folder") for n in notes)
        await choose(pilot, app, GENERATED, "practice")
        round_ = app.session.round
        assert round_ is not None and round_.phase is Phase.ASKING


async def test_a_loader_that_fails_says_so_where_loading_was(tmp_path):
    def broken():
        raise OSError("the banks folder vanished")

    app = QuizApp(loader=broken, sources=[], data_folder=tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(100):
            info = str(app.screen.query_one("#home-info", Static).render())
            if "could not be loaded" in info:
                break
            await pilot.pause(0.05)
        assert "The banks could not be loaded: the banks folder vanished" in info
        assert app.is_running

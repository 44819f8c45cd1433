"""Decisions, forecasts and the debrief in the terminal: a chapter played through a
decision and a branch to its debrief, and a predict round to its calibration."""

from __future__ import annotations

from quiz.model.questions import Decision, Prediction
from quiz.tui.screens.debrief import DebriefScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.functional.test_hostile_output import on_screen
from tests.functional.test_tui import CAMPAIGN, choose
from tests.functional.tui_helpers import answer, make_app


def _pass_chapter_one(session) -> None:
    session.history.db.execute(
        "INSERT INTO rounds (bank_id, chapter_id, mode, seed, started_at, updated_at,"
        " status, total, correct, answered, score, state) VALUES ('campaign', 'ch1-2013',"
        " 'campaign', 1, 'x', 'x', 'finished', 8, 7, 7, 700, '{}')")
    session.history.db.commit()


async def _play_chapter(pilot, app, pick) -> list[str]:
    """Answer every question right; decisions take `pick(question)` (an option index)."""
    seen = []
    while isinstance(app.screen, QuestionScreen):
        assert len(seen) < 20, seen  # a chapter has at most 12
        dealt = app.screen.round.current
        seen.append(dealt.question.id)
        if isinstance(dealt.question, Decision):
            await pilot.press(str(dealt.order.index(pick(dealt.question)) + 1))
            await pilot.pause()
            assert "What follows:" in on_screen(app)
            await pilot.press("enter")
        else:
            await answer(pilot, app, right=True)
            await pilot.press("enter")  # leave the feedback
        await pilot.pause()
    return seen


async def test_chapter_two_branches_and_ends_in_a_debrief(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.session
        _pass_chapter_one(session)  # so chapter 2 is open
        app.show_home()
        await pilot.pause()
        await choose(pilot, app, CAMPAIGN, "campaign")
        await pilot.pause()
        await pilot.press("enter")  # the briefing
        await pilot.pause()
        # The option that is not the record leads to the follow-up question.
        seen = await _play_chapter(pilot, app, lambda q: 1 if q.id == "ch2-advise-han" else 0)
        assert seen[seen.index("ch2-advise-han") + 1] == "ch2-chang-presses"
        assert isinstance(app.screen, DebriefScreen)
        shown = " ".join(on_screen(app).split())
        assert "You chose: That talks with Washington are under way" in shown
        assert "The actor: That Seoul has signed no agreement" in shown
        assert "(not what you chose)" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Press C to continue to Chapter 3" in " ".join(on_screen(app).split())
        assert "Next chapter" in on_screen(app)  # and the footer offers it
        await pilot.press("c")
        await pilot.pause()
        assert session.chapter_id == "ch3-2016"


async def test_the_record_option_skips_the_what_if(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _pass_chapter_one(app.session)
        app.show_home()
        await pilot.pause()
        await choose(pilot, app, CAMPAIGN, "campaign")
        await pilot.pause()
        await pilot.press("enter")  # the briefing
        await pilot.pause()
        seen = await _play_chapter(pilot, app, lambda q: q.actual or 0)
        assert "ch2-chang-presses" not in seen and "ch2-threats" in seen


async def test_a_predict_round_asks_confidence_and_shows_calibration(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(pilot, app, "China–South Korea defence relations, 2013–2017: what "
                     "happened next", "predict")
        while isinstance(app.screen, QuestionScreen):
            dealt = app.screen.round.current
            assert isinstance(dealt.question, Prediction)
            await pilot.press(str(dealt.order.index(dealt.question.answer) + 1))
            await pilot.pause()
            assert "How sure are you" in on_screen(app)
            await pilot.press("5")  # 90%
            await pilot.pause()
            assert "Brier score 0.01" in on_screen(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        forecasts = len(app.session.round.outcomes)
        assert forecasts >= 3
        assert (f"Brier score 0.01 over {forecasts} forecasts: better than always saying 50%"
                in " ".join(on_screen(app).split()))



async def test_decisions_count_as_answered_on_resume_but_never_in_topics(tmp_path):
    from quiz.game.menu import build_menu
    from quiz.game.progress import build_progress

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.session
        _pass_chapter_one(session)
        app.show_home()
        await pilot.pause()
        await choose(pilot, app, CAMPAIGN, "campaign")
        await pilot.pause()
        await pilot.press("enter")  # the briefing
        await pilot.pause()
        answered = 0
        while session.round.current.question.id != "ch2-threats":  # past the decision
            await answer(pilot, app, right=True)
            await pilot.press("enter")
            await pilot.pause()
            answered += 1
        session.interrupt()
        (line,) = [i.label for i in build_menu(session, []).items if i.kind == "resume"]
        assert line.endswith(f"{answered}/{session.round.total}"), line
        topics = {topic.name: topic for topic in build_progress(session).topics}
        assert "Decision" not in topics and topics["THAAD"].right == topics["THAAD"].asked


async def test_play_with_predict_preselected_highlights_the_forecasts(tmp_path):
    from textual.widgets import OptionList

    app = make_app(tmp_path)
    app.preselected_mode = "predict"  # as `quiz play --mode predict` sets it
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        targets = home.query_one("#targets", OptionList)
        item = home.items[targets.highlighted]
        assert "what happened next" in item.label
        await pilot.press("enter")  # the bank: on to the modes, Predict already chosen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen.round.current.question, Prediction)

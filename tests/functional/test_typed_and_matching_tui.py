"""Short-answer and matching questions played with the keyboard, as a person would, at 80×24:
typing, help from a text box, picking matches by letter, partial points and the review."""

from __future__ import annotations

from pathlib import Path

from quiz.game.round import Phase
from quiz.model.questions import Matching, ShortAnswer
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.functional.test_tui import choose
from tests.functional.tui_helpers import answer, fixture_app, play_round, screen_text

BANK = Path(__file__).resolve().parents[1] / "snapshots" / "data" / "typed.yaml"
TITLE = "Harbour words: a fixture bank"
SIZE = (80, 24)


def app(tmp_path, mode=None):
    return fixture_app(tmp_path, banks=[BANK], mode=mode)


async def to_question(pilot, question_id: str, mode: str = "campaign") -> None:
    """Open the chapter in a mode and answer rightly until the question with this id."""
    await choose(pilot, pilot.app, TITLE, mode)
    if mode == "campaign":
        await pilot.press("enter")  # past the briefing
    round_ = pilot.app.session.round
    while round_.current.question.id != question_id:
        await answer(pilot, pilot.app)
        if round_.phase is Phase.FEEDBACK:
            await pilot.press("enter")
    await pilot.pause()


async def test_a_typed_answer_is_folded_and_brings_its_feedback(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await to_question(pilot, "type-town")
        assert "Type your answer, then Enter" in screen_text(quiz)
        await pilot.press(*"  port   HAVEN ", "enter")
        await pilot.pause()
        last = quiz.session.round.last
        assert last.correct and last.response == "  port   HAVEN "
        text = screen_text(quiz)
        assert "✔ Correct" in text and "Right answer: Porthaven (also accepted: Port" in text
        assert "On your answer: The town writes its name as one word" in text


async def test_enter_on_an_empty_box_asks_for_an_answer_and_question_marks_are_text(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE, notifications=True) as pilot:
        await to_question(pilot, "type-town")
        await pilot.press("space", "enter")
        await pilot.pause()
        assert quiz.session.round.phase is Phase.ASKING, "a blank answer is not sent"
        assert any("Type your answer first" in n.message for n in quiz._notifications)
        await pilot.press("question_mark")
        assert not isinstance(quiz.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(quiz.screen, HelpScreen)
        await pilot.press("f1")
        assert quiz.screen.answer_widget.value == " ?"
        await pilot.press("enter")
        await pilot.pause()
        assert not quiz.session.round.last.correct
        assert "Your answer: ?" in screen_text(quiz)


async def test_case_counts_when_the_bank_says_so(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await to_question(pilot, "type-code")
        assert "(capitals count)" in screen_text(quiz)
        await pilot.press(*"phb-1", "enter")
        await pilot.pause()
        assert not quiz.session.round.last.correct
        assert "Right answer: PHB-1 (case matters)" in screen_text(quiz)


async def test_matching_by_letters_digits_arrows_and_backspace(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE, notifications=True) as pilot:
        await to_question(pilot, "match-roles")
        dealt = quiz.session.round.current
        question = dealt.question
        assert isinstance(question, Matching)
        text = screen_text(quiz)
        assert "A–D: its match" in text and "Chen [bold]Yu[/bold]" in text, "markup as text"
        letter = {n: "abcd"[dealt.order.index(n)] for n in range(4)}
        widget = quiz.screen.answer_widget
        await pilot.press(letter[1])  # item 1 gets item 2's match, and the cursor moves on
        assert widget.listing.highlighted == 1
        await pilot.press("1", "backspace")
        assert widget.picked[0] is None
        await pilot.press("right", "right")
        assert widget.picked[0] == 1
        await pilot.press("left")
        assert widget.picked[0] == 0
        await pilot.press(letter[0], letter[1])  # 1 right, then 2 right; 3 left open
        await pilot.press("enter")
        await pilot.pause()
        assert quiz.session.round.phase is Phase.ASKING, "a gap is warned about first"
        assert any("1 item has no match yet" in n.message for n in quiz._notifications)
        assert widget.listing.highlighted == 2
        await pilot.press("enter")  # sent as it is
        await pilot.pause()
        last = quiz.session.round.last
        assert last.response == (0, 1, None) and not last.correct
        assert last.points.total == round(200 * 2 / 3)
        text = screen_text(quiz)
        assert "2 of 3 pairs matched, +133 points" in text
        assert "Your match" in text and "Right match" in text and "(none)" in text


async def test_a_matching_right_in_full_scores_like_any_right_answer(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await to_question(pilot, "match-ships")
        await answer(pilot, quiz, right=True)
        last = quiz.session.round.last
        assert last.correct and last.points.base == 200
        assert "✔ Correct" in screen_text(quiz)


async def test_missed_pairs_are_reviewed_in_the_summary(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await choose(pilot, quiz, TITLE, "campaign")
        await pilot.press("enter")
        await play_round(pilot, quiz, right=False)
        assert isinstance(quiz.screen, SummaryScreen)
        await pilot.press("end")
        await pilot.pause()
        shown = " ".join(screen_text(quiz).split())
        assert "0 of 4 pairs right; the others:" in shown
        assert "Right: The Northern Star → Timber from the forests up the coast" in shown


async def test_an_exam_takes_both_types_without_feedback_and_reviews_them(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await choose(pilot, quiz, TITLE, "exam")
        round_ = quiz.session.round
        kinds = {d.question.type for d in round_.dealt}
        assert kinds == {"short_answer", "matching"}
        while round_.phase is not Phase.FINISHED:
            assert "Score" not in screen_text(quiz).splitlines()[0]
            await answer(pilot, quiz, right=True)
        assert isinstance(quiz.screen, SummaryScreen)
        assert round_.summary().correct == len(round_.dealt)
        assert "Every question, reviewed" in screen_text(quiz)


async def test_time_running_out_on_a_matching_counts_no_answer(tmp_path):
    quiz = app(tmp_path, mode="challenge")
    async with quiz.run_test(size=SIZE) as pilot:
        await choose(pilot, quiz, TITLE, "challenge")
        round_ = quiz.session.round
        while not isinstance(round_.current.question, Matching):
            await answer(pilot, quiz)
            await pilot.press("enter")
        limit = round_.time_limit()
        assert limit == 20.0 * max(1, len(round_.current.question.pairs) / 2)
        await pilot.press("a")  # half an answer, then the clock runs out
        round_.clock.now += limit + 1
        await pilot.pause(0.5)
        assert round_.last.timed_out and round_.last.response is None
        assert "Time's up" in screen_text(quiz)


async def test_typed_and_matching_answers_survive_a_resume(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await to_question(pilot, "match-roles")
        await answer(pilot, quiz, right=False)
        saved = [o.response for o in quiz.session.round.outcomes]
        await pilot.press("escape", "y")
    assert isinstance(saved[0], str) and isinstance(saved[1], tuple)
    again = app(tmp_path)
    async with again.run_test(size=SIZE):
        round_ = again.session.resume(again.session.unfinished()[0])
        assert [o.response for o in round_.outcomes] == saved
        assert isinstance(round_.dealt[0].question, ShortAnswer)


async def test_a_click_on_a_match_picks_it_for_the_highlighted_item(tmp_path):
    quiz = app(tmp_path)
    async with quiz.run_test(size=SIZE) as pilot:
        await to_question(pilot, "match-roles")
        widget = quiz.screen.answer_widget
        await pilot.click("#matching-choices", offset=(4, 2))  # the second match, B
        await pilot.pause()
        assert widget.picked[0] == 1 and widget.listing.highlighted == 1
        assert quiz.focused is widget.listing, "the keys stay on the items"

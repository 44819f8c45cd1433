"""The round engine with decisions and forecasts: branches followed, decisions never
marked, forecasts scored on calibration, and a branched round resumed exactly."""

from __future__ import annotations

from quiz.game.answers import Forecast
from quiz.game.modes import MODES
from quiz.game.resume import restore, snapshot
from quiz.game.round import Dealt, Entry, Phase, Round, deal
from quiz.model.bank import Bank
from quiz.model.scoring import ScoringRules
from tests.unit.test_decisions import decision, plain

CHAPTER = {"id": "b", "title": "B", "scenarios": [{"id": "s", "title": "S", "briefing": "B.",
           "questions": [decision("d1", ["end", None], actual=0), plain("side"),
                         plain("end")]}],
           "questions": [{"id": "p", "type": "predict", "prompt": "What next?",
                          "choices": ["A", "B", "C"], "answer": 2}]}


def entries() -> list[Entry]:
    bank = Bank.model_validate(CHAPTER)
    return [Entry("b", scenario.id if scenario else None, q)
            for scenario, q in bank.all_questions()]


def campaign_round() -> Round:
    chapter = [e for e in entries() if e.scenario_id == "s"]
    return Round([Dealt(e, tuple(range(len(e.question.options))) if e.question.type ==
                        "decision" else ()) for e in chapter], MODES["campaign"], ScoringRules())


def test_a_goto_skips_the_side_question_and_the_decision_is_not_marked():
    round_ = campaign_round()
    outcome = round_.submit(0)  # the option that goes straight to "end"
    assert not outcome.scored and outcome.points.total == 0
    round_.advance()
    assert round_.current.question.id == "end"
    round_.submit(True)
    round_.advance()
    assert round_.phase is Phase.FINISHED
    summary = round_.summary()
    assert (summary.correct, summary.total) == (1, 1)  # the decision is not counted
    assert [d.question.id for d, _ in round_.pairs()] == ["d1", "end"]


def test_the_other_option_plays_the_side_question():
    round_ = campaign_round()
    round_.submit(1)
    round_.advance()
    assert round_.current.question.id == "side"


def test_a_branched_round_resumes_exactly():
    round_ = campaign_round()
    round_.submit(0)
    round_.advance()
    saved = snapshot(round_)
    again = restore(saved, {e.key: e for e in entries()}, ScoringRules())
    assert again.current.question.id == "end"
    assert [o.scored for o in again.outcomes] == [False]
    again.submit(True)
    again.advance()
    assert again.phase is Phase.FINISHED


def test_a_forecast_scores_its_brier_points_without_speed_bonus():
    dealt = deal(entries(), MODES["predict"], seed=3)
    assert [d.question.id for d in dealt] == ["p"]
    round_ = Round(dealt, MODES["predict"], ScoringRules())
    shown = dealt[0].order.index(2)  # where the right choice is displayed
    outcome = round_.submit(dealt[0].from_display(shown, confidence=80))
    assert outcome.correct and outcome.response == Forecast(2, 80)
    assert outcome.points.total == 96  # 100 × (1 − 0.2²)


def test_shuffled_modes_leave_decisions_and_forecasts_out():
    dealt = deal(entries(), MODES["practice"], seed=1)
    assert {d.question.type for d in dealt} == {"true_false"}


def test_the_counter_shortens_the_round_when_a_branch_jumps_ahead():
    round_ = campaign_round()
    assert round_.counter == (1, 3)
    round_.submit(0)  # straight to "end", past "side"
    assert round_.counter == (1, 3)  # the feedback still counts the decision as question 1
    round_.advance()
    assert round_.counter == (2, 2)  # no jump from 1 to 3: the round is now two long


def test_the_counter_runs_straight_through_without_a_jump():
    round_ = campaign_round()
    round_.submit(1)
    round_.advance()
    assert round_.counter == (2, 3)


def test_the_round_knows_when_the_next_step_finishes_it():
    round_ = campaign_round()
    round_.submit(0)  # jumps to "end", the last question
    assert not round_.ends_after_this
    round_.advance()
    round_.submit(True)
    assert round_.ends_after_this

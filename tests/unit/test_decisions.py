"""Decisions and predictions in banks: located errors for every path rule, validation that
accepts exactly the scenario graphs where every path ends, and Brier scoring."""

from __future__ import annotations

import copy
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from quiz.game.answers import Forecast, from_json, is_correct, is_scored, to_json, valid_forecast
from quiz.game.calibration import BASELINE, brier, calibration, points
from quiz.model.bank import Bank
from quiz.model.questions import CONFIDENCE_LEVELS


def decision(qid: str, gotos: list[str | None], actual: int | None = None) -> dict:
    return {"id": qid, "type": "decision", "prompt": f"What do you do at {qid}?",
            "options": [{"text": f"Option {n}", "consequence": "Then this.", "goto": goto,
                         **({"actual": True} if n == actual else {})}
                        for n, goto in enumerate(gotos)]}


def plain(qid: str) -> dict:
    return {"id": qid, "type": "true_false", "prompt": "Is it so?", "answer": True}


def bank(questions: list[dict]) -> dict:
    return {"id": "b", "title": "B", "scenarios": [
        {"id": "s", "title": "S", "briefing": "B.", "questions": questions}]}


def error_of(data: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        Bank.model_validate(data)
    return caught.value.errors()[0]


def test_a_branching_scenario_that_always_ends_is_valid():
    data = bank([decision("d1", ["a", "b"], actual=1), plain("a"),
                 decision("d2", ["end", None]), plain("b"), plain("end")])
    model = Bank.model_validate(data)
    assert model.scenarios[0].questions[0].actual == 1


@pytest.mark.parametrize(("questions", "at", "fragment"), [
    ([decision("d1", ["nowhere", None]), plain("q")],
     ("scenarios", 0, "questions", 0, "options", 0, "goto"), "names no question"),
    ([decision("d1", ["c", "c"]), plain("b"), plain("c")],
     ("scenarios", 0, "questions", 1, "id"), "can never be reached"),
    ([plain("a"), decision("d1", ["a", "a"])],
     ("scenarios", 0, "questions", 0, "id"), "every path loops"),
])
def test_each_path_rule_is_a_located_error(questions, at, fragment):
    error = error_of(bank(questions))
    assert fragment in error["msg"] and error["ctx"]["at"] == at


def test_a_goto_outside_a_scenario_is_refused():
    error = error_of({"id": "b", "title": "B", "questions": [decision("d", ["x", None])]})
    assert "only works inside a scenario" in error["msg"]
    assert error["ctx"]["at"] == ("questions", 0, "options", 0, "goto")


def test_at_most_one_actual_and_two_to_four_options():
    two_actual = decision("d", [None, None])
    for option in two_actual["options"]:
        option["actual"] = True
    assert error_of(bank([two_actual]))["type"] == "several_actual"
    assert error_of(bank([decision("d", [None])]))["type"] == "too_short"
    assert error_of(bank([decision("d", [None] * 5)]))["type"] == "too_long"


@st.composite
def graphs(draw):
    """A scenario of 1–6 questions; each decision's options go to any question, or on."""
    size = draw(st.integers(1, 6))
    ids = [f"q{n}" for n in range(size)]
    questions = []
    for qid in ids:
        if draw(st.booleans()):
            targets = draw(st.lists(st.sampled_from([None, *ids]), min_size=2, max_size=4))
            questions.append(decision(qid, targets))
        else:
            questions.append(plain(qid))
    return questions


def _every_path_ends(questions: list[dict]) -> bool:
    """Brute force, independent of the validator: every question is reachable from the
    first, and from every question the end is reachable."""
    ids = {q["id"]: n for n, q in enumerate(questions)}
    end = len(questions)

    def nexts(n):
        if questions[n]["type"] != "decision":
            return [n + 1]
        return [ids[o["goto"]] if o["goto"] else n + 1 for o in questions[n]["options"]]

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            n = todo.pop()
            if n in seen or n == end:
                seen.add(n)
                continue
            seen.add(n)
            todo.extend(nexts(n))
        return seen

    from_start = reachable(0)
    return from_start >= set(range(end)) and all(end in reachable(n) for n in range(end))


@settings(max_examples=300, deadline=None)
@given(questions=graphs())
def test_validation_accepts_exactly_the_graphs_where_every_path_ends(questions):
    expected = _every_path_ends(questions)
    try:
        Bank.model_validate(bank(copy.deepcopy(questions)))
        accepted = True
    except ValidationError as error:
        assert error.errors()[0]["type"] in ("bad_flow", "duplicate_option"), error
        accepted = error.errors()[0]["type"] != "bad_flow"
        if not accepted:
            assert error.errors()[0]["ctx"]["at"][:3] == ("scenarios", 0, "questions")
    assert accepted == expected


@given(confidence=st.sampled_from(CONFIDENCE_LEVELS), right=st.booleans())
def test_brier_is_bounded_and_rewards_honest_confidence(confidence, right):
    score = brier(confidence, right)
    assert 0.0 <= score <= 1.0
    assert brier(50, right) == BASELINE
    assert 0 <= points(confidence, right) <= 100
    # being sure and right beats being unsure and right; sure and wrong is worst
    assert brier(100, True) <= brier(confidence, True) if right else True
    assert brier(confidence, False) <= brier(100, False)


@given(calls=st.lists(st.tuples(st.sampled_from(CONFIDENCE_LEVELS), st.booleans()),
                      max_size=40))
def test_calibration_table_adds_up(calls):
    summary = calibration(calls)
    assert summary.count == len(calls) == sum(level.asked for level in summary.levels)
    assert sum(level.right for level in summary.levels) == sum(r for _, r in calls)
    if calls:
        expected = sum(brier(c, r) for c, r in calls) / len(calls)
        assert abs(summary.mean_brier - expected) < 1e-12
    assert all(0.0 <= level.hit_rate <= 1.0 for level in summary.levels)


def test_predictions_are_checked_and_decisions_never_scored():
    data = {"id": "b", "title": "B", "questions": [
        {"id": "p", "type": "predict", "prompt": "What next?", "choices": ["A", "B", "C"],
         "answer": 1}, decision("d", [None, None], actual=0)]}
    prediction, choice = Bank.model_validate(data).questions
    assert is_correct(prediction, Forecast(1, 80)) and not is_correct(prediction, Forecast(0, 80))
    assert not is_scored(choice) and is_scored(prediction)
    assert from_json(prediction, to_json(Forecast(2, 60))) == Forecast(2, 60)
    for bad in [{"choice": 1}, {"choice": 3, "confidence": 60}, {"choice": "1", "confidence": 60},
                {"choice": 1, "confidence": 55}, {"choice": True, "confidence": 60}, [1, 60]]:
        assert valid_forecast(prediction, bad) is None
    assert list(itertools.islice(CONFIDENCE_LEVELS, 1)) == [50]

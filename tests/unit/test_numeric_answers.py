"""Numeric questions with several right values (Moodle's numerical questions can have
more than one fully right answer): the rules, the checking, and located errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quiz.content.key import answer_text
from quiz.content.load import load_bank
from quiz.game.answers import is_correct
from quiz.model.questions import Numeric

ROOTS = {"id": "roots", "type": "numeric", "prompt": "Solve x² + 3x = 28.", "answer": -7,
         "other_answers": [{"answer": 4}, {"answer": 10, "tolerance": 0.5}]}


def test_any_accepted_value_within_its_own_tolerance_is_right():
    question = Numeric.model_validate(ROOTS)
    assert [is_correct(question, v) for v in (-7, 4, 9.5, 10.5, 4.2, 0, float("nan"))] == [
        True, True, True, True, False, False, False]
    assert answer_text(question) == "-7 or 4 or 10 ± 0.5"


def test_an_other_answer_that_repeats_a_value_is_refused_where_it_is():
    with pytest.raises(ValidationError) as caught:
        Numeric.model_validate({**ROOTS, "other_answers": [{"answer": 4}, {"answer": -7}]})
    (error,) = caught.value.errors()
    assert error["type"] == "duplicate_answer"
    assert error["ctx"]["at"] == ("other_answers", 1, "answer")


@pytest.mark.parametrize(("bad", "expected"), [
    ("{answer: 4, tolerance: -1}", "greater than or equal to 0"),
    ("{answer: .inf}", "finite"),
    ("{answer: 4, tol: 1}", "unknown field 'tol'"),
    ("{answer: 3.0}", "other answer 0 repeats an earlier value (3)"),
])
def test_bad_other_answers_are_reported_at_their_line(tmp_path, bad, expected):
    path = tmp_path / "bank.yaml"
    path.write_text("id: b\ntitle: t\nquestions:\n  - id: n\n    type: numeric\n"
                    "    prompt: How many?\n    answer: 3\n    other_answers:\n"
                    f"      - {bad}\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_bank(path)
    (problem,) = caught.value.problems
    assert problem.line == 9 and expected in problem.message

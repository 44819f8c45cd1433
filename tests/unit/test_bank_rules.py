"""Each strict rule of the bank models, one test apiece."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quiz.model.bank import Bank


def errors_of(data: dict) -> list[dict]:
    with pytest.raises(ValidationError) as caught:
        Bank.model_validate(data)
    return caught.value.errors()


def test_valid_bank_passes(bank_data):
    bank = Bank.model_validate(bank_data)
    assert [q.id for _, q in bank.all_questions()] == ["q1", "q2"]


def test_unknown_key_is_rejected(bank_data):
    bank_data["questions"][0]["promt"] = "typo"
    assert any(e["type"] == "extra_forbidden" for e in errors_of(bank_data))


def test_unknown_top_level_key_is_rejected(bank_data):
    bank_data["titel"] = "typo"
    assert errors_of(bank_data)[0]["loc"] == ("titel",)


def test_duplicate_question_ids_are_rejected(bank_data):
    bank_data["questions"][1]["id"] = "q1"
    error = errors_of(bank_data)[0]
    assert error["type"] == "duplicate_id"
    assert error["ctx"]["at"] == ("questions", 1, "id")


def test_duplicate_ids_across_scenarios_are_rejected(bank_data):
    bank_data["scenarios"] = [{"id": "s", "title": "S", "briefing": "B",
                               "questions": [dict(bank_data["questions"][0])]}]
    assert errors_of(bank_data)[0]["type"] == "duplicate_id"


@pytest.mark.parametrize("answer", [2, 99])
def test_single_choice_answer_out_of_range(bank_data, answer):
    bank_data["questions"][0]["answer"] = answer
    assert errors_of(bank_data)[0]["type"] == "answer_out_of_range"


def test_negative_answer_rejected(bank_data):
    bank_data["questions"][0]["answer"] = -1
    assert errors_of(bank_data)[0]["type"] == "greater_than_equal"


def test_multiple_select_answers_out_of_range_and_repeated(bank_data):
    question = {"id": "m", "type": "multiple_select", "prompt": "p", "choices": ["a", "b"]}
    bank_data["questions"].append({**question, "answers": [0, 2]})
    assert errors_of(bank_data)[0]["ctx"]["at"] == ("answers", 1)
    bank_data["questions"][-1] = {**question, "answers": [1, 1]}
    assert errors_of(bank_data)[0]["type"] == "duplicate_answer"
    bank_data["questions"][-1] = {**question, "answers": []}
    assert errors_of(bank_data)[0]["type"] == "too_short"


def test_duplicate_choices_rejected_ignoring_case_and_spacing(bank_data):
    bank_data["questions"][0]["choices"] = ["Seoul", "  seoul "]
    error = errors_of(bank_data)[0]
    assert error["type"] == "duplicate_choice"
    assert error["ctx"]["at"] == ("choices", 1)


@pytest.mark.parametrize("choices", [["a\x00b", "a", "b"], ["a\tb", "A b"], ["x", " x"]])
def test_duplicate_detection_edge_cases(bank_data, choices):
    bank_data["questions"][0]["choices"] = choices
    bank_data["questions"][0]["answer"] = 0
    if choices[0] == "a\x00b":  # a control character is refused before duplicates count
        assert errors_of(bank_data)[0]["type"] == "string_pattern_mismatch"
    else:
        assert errors_of(bank_data)[0]["ctx"]["at"] == ("choices", 1)


def test_at_least_two_choices(bank_data):
    bank_data["questions"][0]["choices"] = ["only"]
    bank_data["questions"][0]["answer"] = 0
    assert errors_of(bank_data)[0]["type"] == "too_short"


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_empty_text_rejected(bank_data, blank):
    bank_data["questions"][0]["prompt"] = blank
    assert errors_of(bank_data)[0]["type"] == "string_pattern_mismatch"


def test_ordering_items_must_be_unique(bank_data):
    bank_data["questions"].append(
        {"id": "o", "type": "ordering", "prompt": "order", "items": ["a", "b", "A"]})
    assert errors_of(bank_data)[0]["type"] == "duplicate_item"


def test_numeric_tolerance_must_not_be_negative(bank_data):
    bank_data["questions"].append(
        {"id": "n", "type": "numeric", "prompt": "n", "answer": 1, "tolerance": -0.5})
    assert errors_of(bank_data)[0]["type"] == "greater_than_equal"


def test_unknown_question_type(bank_data):
    bank_data["questions"][0]["type"] = "essay"
    assert errors_of(bank_data)[0]["type"] == "union_tag_invalid"


def test_bank_needs_questions(bank_data):
    bank_data["questions"] = []
    assert errors_of(bank_data)[0]["type"] == "empty_bank"


def test_source_date_precision(bank_data):
    source = bank_data["questions"][0]["sources"][0]
    for good in ("2016", "2016-11", "2016-11-08"):
        source["date"] = good
        Bank.model_validate(bank_data)
    source["date"] = "2016-13"
    assert errors_of(bank_data)[0]["type"] == "string_pattern_mismatch"


def test_numbers_in_choices_become_text(bank_data):
    bank_data["questions"][0]["choices"] = [2013, 2014]
    bank = Bank.model_validate(bank_data)
    assert bank.questions[0].choices == ["2013", "2014"]


def test_schema_documents_every_field():
    schema = Bank.model_json_schema(by_alias=True)
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if field != "type":
                assert spec.get("description"), f"{name}.{field} has no description"

"""Hostile bank text: control characters, invisible text and look-alike choices are caught
by validation, with located, escaped and short messages."""

from __future__ import annotations

import json
from functools import cache
from typing import Annotated

import pytest
from pydantic import StringConstraints, TypeAdapter, ValidationError

from quiz.commands.schema import schema_for
from quiz.content.load import load_file
from quiz.content.problems import LoadError
from quiz.model.bank import Bank

CONTROLS = ["\x1b]0;PWNED\x07", "\x1b[2J", "\x1b]52;c;aGk=\x07", "\u009b2J", "\x7f", "\x00",
            "\r", "\x08", "\x85"]
INVISIBLE_ONLY = ["\u200b\u200b", "\u202e", "\u3164", "\ufeff", " \u2060 "]


def problems_of(path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    return [str(problem) for problem in caught.value.problems]


@cache
def _accepts(pattern: str):
    return TypeAdapter(Annotated[str, StringConstraints(pattern=pattern)])


def _string_fields(node, where=""):
    """(where, schema) for every string-typed field of a JSON Schema, followed through
    $defs, anyOf and arrays."""
    if isinstance(node, dict):
        if node.get("type") == "string":
            yield where, node
        for key, value in node.items():
            yield from _string_fields(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _string_fields(value, f"{where}/{index}")


@pytest.mark.parametrize("kind", ["bank", "timeline"])
def test_every_text_field_refuses_control_characters(kind):
    """Each string field of each file format either is a fixed choice or has a pattern
    that refuses every control character but tab and newline."""
    fields = list(_string_fields(schema_for(kind)))
    assert len(fields) > 15
    for where, field in fields:
        if "enum" in field or "const" in field:
            continue
        assert "pattern" in field, f"{where} takes any text"
        checker = _accepts(field["pattern"])
        for control in CONTROLS:
            with pytest.raises(ValidationError):
                checker.validate_python(f"ok{control}ok")


@pytest.mark.parametrize("control", CONTROLS)
def test_a_control_character_is_a_located_error(write, bank_data, control):
    bank_data["questions"][0]["choices"][1] = f"B{control}"
    path = write("b.json", json.dumps(bank_data, indent=2))
    (problem,) = problems_of(path)
    line = json.dumps(bank_data, indent=2).splitlines().index(
        "        " + json.dumps(f"B{control}")) + 1
    assert problem.startswith(f"{path}:{line}:9: error: questions[0].choices[1]: contains the "
                              f"control character U+{ord(control[0]):04X} at character 2")


def test_tab_and_newline_are_text(bank_data):
    bank_data["questions"][0]["explanation"] = "First line,\n\tthen an indented one."
    Bank.model_validate(bank_data)


@pytest.mark.parametrize("text", INVISIBLE_ONLY)
def test_text_of_invisible_characters_only_is_refused(write, bank_data, text):
    bank_data["questions"][1]["prompt"] = text
    (problem,) = problems_of(write("b.yaml", bank_data))
    assert "questions[1].prompt: holds only invisible characters (such as U+" in problem or (
        "must not be empty" in problem)


def test_tags_and_urls_refuse_controls_and_invisible_starts(bank_data):
    for bad in ("\u200bx", "x\x1by", "x\ny"):
        bank_data["questions"][0]["tags"] = [bad]
        with pytest.raises(ValidationError, match="string_pattern_mismatch|pattern"):
            Bank.model_validate(bank_data)
    bank_data["questions"][0]["tags"] = ["ok"]
    bank_data["questions"][0]["sources"][0]["url"] = "https://example.org/\x1b[2J"
    with pytest.raises(ValidationError):
        Bank.model_validate(bank_data)


def test_choices_that_differ_only_by_invisible_characters_are_warned(write, bank_data):
    bank_data["questions"][0]["choices"] = ["Seoul", "Se\u200boul", "Busan"]
    loaded = load_file(write("b.yaml", bank_data))
    (warning,) = loaded.warnings
    assert warning.message == (
        "questions[0].choices[1]: choice 1 ('Se\\u200boul') differs from choice 0 only by "
        "invisible characters; players would see the same text twice")
    bank_data["questions"][0] = {"id": "o", "type": "ordering", "prompt": "Order",
                                 "items": ["one", "two\u2060", "two"], "explanation": "e",
                                 "sources": bank_data["questions"][1]["sources"]}
    (warning,) = load_file(write("o.yaml", bank_data)).warnings
    assert "item 2 ('two') differs from item 1 only by invisible" in warning.message


def test_field_names_from_the_file_are_quoted_escaped_and_short(write, bank_data):
    bank_data["questions"][0]["\x1b]0;PWNED\x07items"] = 1
    bank_data["questions"][1]["x" * 5000] = 1
    problems = problems_of(write("b.yaml", bank_data))
    assert any(p.endswith(": error: questions[0]['\\x1b]0;PWNED\\x07items']: unknown "
                          "field '\\x1b]0;PWNED\\x07items'") for p in problems)
    assert all("\x1b" not in p and "\x07" not in p and len(p) < 300 for p in problems)


def test_did_you_mean_never_suggests_the_word_itself(write, bank_data):
    bank_data["questions"][0]["items"] = ["a", "b"]  # a field of ordering, not of choices
    (problem,) = problems_of(write("b.yaml", bank_data))
    assert "unknown field 'items'" in problem and "did you mean 'items'" not in problem


@pytest.mark.parametrize(("written", "shown"), [(".nan", "nan"), (".inf", "inf"),
                                                ("-.inf", "-inf"), ("1e999", "'1e999'")])
def test_non_finite_numbers_are_refused_in_yaml(write, written, shown):
    path = write("n.yaml", "id: n\ntitle: N\nquestions:\n  - id: q\n    type: numeric\n"
                 f"    prompt: How many?\n    answer: {written}\n")
    (problem,) = problems_of(path)
    assert problem.endswith(f":7:13: error: questions[0].answer: must be a finite number, "
                            f"not {shown}")


@pytest.mark.parametrize("written", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_refused_in_json(write, written):
    path = write("n.json", '{"id": "n", "title": "N", "questions": [{"id": "q", "type": '
                 f'"numeric", "prompt": "How many?", "answer": 1, "tolerance": {written}}}]}}')
    (problem,) = problems_of(path)
    assert "questions[0].tolerance: must be a finite number" in problem


def test_huge_numbers_get_a_plain_range_message(write, bank_data):
    bank_data["questions"][0]["answer"] = int("9" * 4000)
    bank_data["questions"][0]["points"] = 10**30
    problems = problems_of(write("b.yaml", bank_data))
    assert len(problems) == 2 and all(len(p) < 200 for p in problems)

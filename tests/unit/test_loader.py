"""The loader: located errors, warnings and every kind of bad input."""

from __future__ import annotations

import json

import pytest
import yaml

from quiz.content.load import load_bank, load_file
from quiz.content.problems import LoadError

BROKEN = """\
id: demo
title: Demo
questions:
  - id: q1
    type: single_choice
    prompt: Pick one
    choices: [A, B]
    answer: 5
  - id: q2
    type: true_false
    promt: typo here
    answer: true
"""


def problems_of(path, **kwargs) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_file(path, **kwargs)
    return [str(p) for p in caught.value.problems]


def test_every_error_reported_with_its_line(write):
    path = write("b.yaml", BROKEN)
    problems = problems_of(path)
    assert f"{path}:8:13: error: questions[0].answer: answer 5 is out of range" in problems[0]
    assert any(p.startswith(f"{path}:9:5:") and "missing required field 'prompt'" in p
               for p in problems)
    assert any(p.startswith(f"{path}:11:5:") and "did you mean 'prompt'" in p
               for p in problems)


def test_json_errors_are_located(write, bank_data):
    bank_data["questions"][0]["answer"] = 9
    path = write("b.json", json.dumps(bank_data, indent=2))
    (problem,) = problems_of(path)
    line = json.dumps(bank_data, indent=2).splitlines().index('      "answer": 9,') + 1
    assert problem.startswith(f"{path}:{line}:17:")


def test_yaml_syntax_error_is_located(write):
    path = write("b.yaml", "id: x\ntitle: [unclosed\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:3:1: error: invalid YAML")


def test_duplicate_ids_reported_even_with_other_errors(write, bank_data):
    bank_data["questions"][1]["id"] = "q1"
    bank_data["questions"][0]["answer"] = 7
    problems = problems_of(write("b.yaml", bank_data))
    assert any("already used" in p for p in problems)
    assert any("out of range" in p for p in problems)


def test_warnings_do_not_fail(write, bank_data):
    del bank_data["questions"][0]["explanation"]
    del bank_data["questions"][1]["sources"]
    loaded = load_file(write("b.yaml", bank_data))
    messages = [p.message for p in loaded.warnings]
    assert messages == ["questions[0].id: question 'q1' has no explanation",
                        "questions[1].id: question 'q2' cites no source"]


def test_dates_stay_text(write, bank_data):
    bank = load_bank(write("b.yaml", yaml.safe_dump(bank_data).replace("'2016-11-08'",
                                                                        "2016-11-08")))
    assert bank.questions[0].sources[0].date == "2016-11-08"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "1:1: error: the file is empty"),
        ("   \n\n", "1:1: error: the file is empty"),
        ("- a\n- b\n", "1:1: error: the top level must be a mapping"),
        ("just text\n", "the top level must be a mapping of fields (key: value), but this "
                        "file holds a piece of text"),
        (b"id: x\x00\x01\x02", "1:6: error: this is binary data"),
        (b"id: x\ntitle: caf\xe9\n", "2:11: error: the file is not UTF-8"),
        ("[" * 50_000, "nested more than 1000 levels"),
        ("- " * 30_000 + "x", "nested more than 1000 levels"),
        ("{a: " * 30_000, "nested more than 1000 levels"),
        ("a: !!int 0xZZ\n", "1:4: error: invalid YAML: '0xZZ' cannot be read as !!int"),
        ("a: !!python/object:os.system x\n", "invalid YAML"),
    ],
)
def test_bad_input_gets_one_located_message(write, content, expected):
    path = write("b.yaml", content)
    (problem,) = problems_of(path)
    assert expected in problem


def test_huge_file_is_refused_before_reading(write):
    path = write("b.yaml", "x: " + "a" * 2048)
    (problem,) = problems_of(path, max_bytes=1024)
    assert "over the 0 MiB limit" in problem or "limit for one bank" in problem


def test_fifty_megabytes_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 2**20)
    (problem,) = problems_of(path)
    assert "50.0 MiB, over the 40 MiB limit" in problem


def test_deep_json_is_refused(write):
    (problem,) = problems_of(write("b.json", "[" * 100_000 + "]" * 100_000))
    assert "nested too deeply" in problem


def test_folder_given_as_file(tmp_path):
    (problem,) = problems_of(tmp_path)
    assert "folder" in problem

"""Aiken in and out, from Moodle's description of the format."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.content.interchange.aiken import read_aiken, write_aiken
from quiz.content.interchange.shared import to_bank
from quiz.model.bank import Bank
from tests.strategies import text

DOC_EXAMPLE = """\
What is the correct answer to this question?
A. Is it this one?
B. Maybe this answer?
C. Possibly this one?
D. Must be this one!
ANSWER: D

Which LMS has the most quiz import formats?
A) Moodle
B) ATutor
C) Claroline
D) Blackboard
E) WebCT
F) Ilias
ANSWER: A
"""


def test_both_letter_styles():
    converted = read_aiken(DOC_EXAMPLE)
    first, second = converted.questions
    assert not converted.problems
    assert first["answer"] == 3 and first["choices"][3] == "Must be this one!"
    assert second["answer"] == 0 and len(second["choices"]) == 6
    assert converted.lines == [1, 8]


def test_problems_are_reported_by_line_and_the_rest_comes_in():
    converted = read_aiken("Q1?\nA. a\nB. b\nANSWER: C\n\nQ2?\nA. x\nC. y\nANSWER: A\n\n"
                           "Q3?\nA. p\nB. q\nANSWER: B\n\nQ4?\nA. only\nANSWER: A\n\nQ5?\nA. m\n")
    assert [q["prompt"] for q in converted.questions] == ["Q3?"]
    lines = {p.line: p.message for p in converted.problems}
    assert "names no option" in lines[4]
    assert "out of order" in lines[8]
    assert "fewer than two" in lines[18] and "line 16" in lines[18]
    assert "no ANSWER: line at all" in lines[20]


# Moodle's own fixture, question/format/aiken/tests/fixtures/aiken_errors.txt.
MOODLE_ERRORS = """\
A question with too few answers
A) Only answer
ANSWER: A

A) Question not started

ANSWER: Question not started

A good question
A) Correct
B) Incorrect
ANSWER: A

A question started but not finished
A) Correct-ish
B) Incorrect-ish

A second good question
A)Incorrect (No space)
B)Correct (No space)
ANSWER: B"""


def test_moodles_error_fixture_imports_its_good_questions_and_reports_moodles_lines():
    converted = read_aiken(MOODLE_ERRORS, "aiken_errors.txt")
    first, second = converted.questions
    assert (first["prompt"], first["choices"], first["answer"]) == (
        "A good question", ["Correct", "Incorrect"], 0)
    assert (second["prompt"], second["choices"], second["answer"]) == (
        "A second good question", ["Incorrect (No space)", "Correct (No space)"], 1)
    # aikenformat_test.php: errors on lines 3, 5, 7 and 18, and nothing else.
    assert [(p.line, p.severity) for p in converted.problems] == [
        (3, "error"), (5, "error"), (7, "error"), (18, "error")]
    by_line = {p.line: p.message for p in converted.problems}
    assert "fewer than two options" in by_line[3]
    assert "follows no question" in by_line[5] and "follows no question" in by_line[7]
    assert "the question on line 14 has no ANSWER: line" in by_line[18]


def test_a_broken_question_never_swallows_the_next_one():
    converted = read_aiken("Broken?\nA. a\nC. c\n\nGood?\nA. yes\nB. no\nANSWER: A\n\n"
                           "Unfinished?\nA. x\nB. y\nNext good?\nA. p\nB. q\nANSWER: B\n")
    assert [q["prompt"] for q in converted.questions] == ["Good?", "Next good?"]
    assert [(p.line, p.severity) for p in converted.problems] == [
        (3, "error"), (13, "error")]
    assert "line 1" in converted.problems[0].message


def test_options_without_a_space_and_a_wrapped_prompt():
    converted = read_aiken("Which city\nis the capital?\nA)Seoul\nB.Busan\nANSWER: A\n")
    (question,) = converted.questions
    assert question["prompt"] == "Which city\nis the capital?"
    assert question["choices"] == ["Seoul", "Busan"]
    (warning,) = converted.problems
    assert warning.severity == "warning" and warning.line == 2


def test_a_question_may_begin_like_an_abbreviation():
    converted = read_aiken("U.S. forces arrived in which year?\nA. 1950\nB. 1953\nANSWER: A")
    assert converted.questions[0]["prompt"].startswith("U.S. forces")


def test_export_keeps_what_aiken_holds_and_reports_the_rest():
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "a", "type": "single_choice", "prompt": "Two\nlines?", "choices": ["x", "y"],
         "answer": 1},
        {"id": "b", "type": "true_false", "prompt": "True?", "answer": False},
        {"id": "c", "type": "numeric", "prompt": "N?", "answer": 3}]})
    text_out, problems = write_aiken(bank)
    assert text_out.startswith("Two lines?\nA. x\nB. y\nANSWER: B\n\nTrue?\nA. True\nB. False"
                               "\nANSWER: B")
    assert len(problems) == 1 and "'c'" in problems[0].message


one_line = text().map(lambda t: " ".join(t.split())).filter(
    lambda t: not t.upper().startswith("ANSWER:") and not (len(t) > 1 and t[0].isupper()
                                                           and t[1] in ".)"))


@settings(max_examples=100, deadline=None)
@given(prompt=one_line, choices=st.lists(one_line, min_size=2, max_size=8,
                                         unique_by=str.casefold), data=st.data())
def test_single_choice_round_trips(prompt, choices, data):
    answer = data.draw(st.integers(0, len(choices) - 1))
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "q1", "type": "single_choice", "prompt": prompt, "choices": choices,
         "answer": answer}]})
    converted = read_aiken(write_aiken(bank)[0])
    assert not converted.problems
    assert to_bank(converted, "b", "t", "<aiken>") == bank

"""GIFT in and out: one case per construct of Moodle's format documentation, what cannot
be held reported by line, and exact round trips (hypothesis) for what GIFT can hold."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.content.interchange.gift_read import read_gift
from quiz.content.interchange.gift_write import write_gift
from quiz.content.interchange.shared import to_bank
from quiz.model.bank import Bank
from tests.strategies import ALL_KINDS, examples
from tests.strategies import bank as banks


def one(text: str) -> dict:
    converted = read_gift(text)
    assert len(converted.questions) == 1, converted.problems
    return converted.questions[0]


def test_multiple_choice_with_title_and_feedback():
    q = one("::Tomb::Who's buried in Grant's tomb?{~Grant#No. =no one#Right! ~Jefferson}")
    assert q["id"] == "Tomb" and q["type"] == "single_choice"
    assert q["choices"] == ["Grant", "no one", "Jefferson"] and q["answer"] == 1
    assert "Grant: No." in q["explanation"] and "no one: Right!" in q["explanation"]


def test_multiple_answers_with_percentage_weights():
    q = one("What two people are entombed in Grant's tomb? {\n ~%-100%No one\n"
            " ~%50%Grant\n ~%50%Grant's wife\n ~%-100%Grant's father\n}")
    assert q["type"] == "multiple_select" and q["answers"] == [1, 2]


def test_unequal_weights_are_reported():
    converted = read_gift("Pick {~%70%a ~%30%b ~%-100%c}")
    assert converted.questions[0]["answers"] == [0, 1]
    assert any("unequal answer weights" in p.message for p in converted.problems)


def test_true_false_in_every_spelling_with_feedback():
    for word, value in (("T", True), ("TRUE", True), ("F", False), ("FALSE", False)):
        assert one(f"Grant is buried in Grant's tomb.{{{word}}}")["answer"] is value
    q = one("The sun rises in the west.{FALSE#Wrong way round.#Yes, it sets there.}")
    assert "If you said True: Wrong way round." in q["explanation"]


def test_numerical_with_tolerance_range_and_several_answers():
    assert one("When was Grant born?{#1822:5}") | {} == {
        "id": "q1", "type": "numeric", "answer": 1822.0, "tolerance": 5.0,
        "prompt": "When was Grant born?"}
    ranged = one("::r::What is a number from 1 to 5? {#1..5}")
    assert (ranged["answer"], ranged["tolerance"]) == (3.0, 2.0)
    several = read_gift("When was Grant born? {#\n =1822:0\n =%50%1822:2}")
    assert several.questions[0]["answer"] == 1822.0
    assert any("partly right" in p.message and "1822 ± 2 (50%)" in p.message
               for p in several.problems)


def test_missing_word_puts_a_blank_where_the_answers_were():
    q = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q["prompt"] == "Grant is _____ in Grant's tomb." and q["answer"] == 1


def test_general_feedback_becomes_the_explanation():
    q = one("Capital of France?{=Paris ~Lyon####Paris has been the capital for centuries.}")
    assert q["explanation"] == "Paris has been the capital for centuries."


def test_categories_comments_ids_and_tags():
    converted = read_gift(
        "// a comment line\n$CATEGORY: $course$/top/History/1800s\n\n"
        "// [id:grant-1] [tag:grant] [tag:tombs]\n::T::Who? {=a ~b}\n\n"
        "$CATEGORY: $course$/top\n\n::U::Where? {=c ~d}\n")
    first, second = converted.questions
    assert first["id"] == "grant-1" and first["tags"] == ["History/1800s", "grant", "tombs"]
    assert "tags" not in second


def test_text_formats():
    assert one("[markdown]Is **this** bold?{T}")["prompt"] == "Is **this** bold?"
    assert one("[plain]Plain?{T}")["prompt"] == "Plain?"
    assert one("[moodle]Moodle?{T}")["prompt"] == "Moodle?"
    converted = read_gift("[html]<p>Is <b>this</b> &amp; that?</p>{=Yes &amp; no ~No}")
    assert converted.questions[0]["prompt"] == "Is this & that?"
    assert converted.questions[0]["choices"] == ["Yes & no", "No"]
    assert any("HTML" in p.message for p in converted.problems)


def test_escapes():
    q = one(r"::E\:1::Which is 1\:2 \{about\} \~ \= \# \\ ?{=a\=b ~c\~d####x\ny}")
    assert q["prompt"] == "Which is 1:2 {about} ~ = # \\ ?"
    assert q["choices"] == ["a=b", "c~d"] and q["explanation"] == "x\ny"


@pytest.mark.parametrize(("text", "kind"), [
    ("::E:: Write an essay. {}", "essay"),
    ("::D:: Just a description.", "description"),
])
def test_what_our_model_cannot_hold_is_reported_with_its_line(text, kind):
    converted = read_gift(f"::ok::Fine? {{T}}\n\n// note\n{text}\n")
    assert len(converted.questions) == 1
    (problem,) = [p for p in converted.problems if p.severity == "error"]
    assert problem.line == 4 and kind in problem.message


def test_broken_input_is_reported_not_raised():
    converted = read_gift("::A:: Unclosed {=a ~b\n\n::B:: Not a number {#abc}\n\n::C:: {=x ~y}")
    messages = [p.message for p in converted.problems]
    assert any("never closes" in m for m in messages)
    assert any("not a number" in m for m in messages)
    assert any("no question text" in m for m in messages)


def _comparable(bank: Bank) -> list[dict]:
    """Questions as data, in play order, with what GIFT cannot carry normalised away:
    chapters, tag order beyond the first, repeated tags, and the order of select-all keys."""
    out = []
    for _, question in bank.all_questions():
        data = question.model_dump(mode="json", exclude_defaults=True)
        if data["type"] == "multiple_select":
            data["answers"] = sorted(data["answers"])
        if "tags" in data:
            data["tags"] = list(dict.fromkeys(t.strip() for t in data["tags"]))
        out.append(data)
    return out


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=banks(ALL_KINDS))
def test_bank_to_gift_to_bank_is_exact_for_what_gift_holds(data):
    for container in [data, *data["scenarios"]]:
        container["questions"] = [q for q in container["questions"] if q["type"] != "ordering"]
    data["scenarios"] = [s for s in data["scenarios"] if s["questions"]]
    if not data["questions"] and not data["scenarios"]:
        return
    original = Bank.model_validate(data)
    text, problems = write_gift(original)
    assert all(p.severity == "warning" for p in problems)
    left_out = {re.match(r"question '([^']+)'", p.message).group(1) for p in problems
                if p.message.endswith("it was left out")}
    converted = read_gift(text)
    assert not converted.problems, converted.problems
    if len(left_out) == len(list(original.all_questions())):
        return
    back = to_bank(converted, original.id, original.title, "<gift>")
    assert (back.id, back.title) == (original.id, original.title)
    assert _comparable(back) == [q for q in _comparable(original) if q["id"] not in left_out]


MOODLE_FRACTIONS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25,
                    20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0}


def test_exported_weights_are_ones_moodle_offers():
    from quiz.content.load import load_bank

    for path in ("questions/examples.yaml", "questions/campaign.yaml"):
        text, _ = write_gift(load_bank(path))
        for weight in re.findall(r"[~=]%(-?[\d.]+)%", text):
            assert abs(float(weight)) in MOODLE_FRACTIONS, weight
        for block in text.split("\n\n"):
            body = "\n".join(line for line in block.splitlines() if not line.startswith("//"))
            if "{" in body:  # exactly one answer block per question, all else escaped
                assert body.count("{") - body.count("\\{") == 1


gift_like = st.lists(st.sampled_from(
    ["::t::", "{", "}", "~", "=", "#", "####", "%50%", "%-100%", "%100%", "->", "\\", "\\{",
     "\\]", "\n", "\n\n", "// [id:x]", "// [tag:", "]", "// quiz: {\"bank\": {}}",
     "$CATEGORY: a", "$CATEGORY: " + "x/" * 30, "TRUE", "True", "#1..", "..", ":", "1e9",
     "-7", "[html]", "[plain]", "<b>", "</p>", "&amp;", "<pre>", "x", " ", "\r"]),
    max_size=40).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(text_in=st.one_of(st.text(max_size=400), gift_like))
def test_any_text_reads_without_crashing(text_in):
    from quiz.content.interchange.aiken import read_aiken

    for reader in (read_gift, read_aiken):
        converted = reader(text_in, "f.txt")
        bank = to_bank(converted, "b", "t", "f.txt")
        assert bank is None or bank.questions
        assert all(p.line >= 1 and p.message for p in converted.problems)

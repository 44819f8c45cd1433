"""GIFT short-answer and matching questions, in and out, from Moodle's documented format
(`{=answer =other}`, `{=a -> b =c -> d}`) and its reader's tests."""

from __future__ import annotations

from quiz.content.interchange.aiken import write_aiken
from quiz.content.interchange.gift_read import read_gift
from quiz.content.interchange.gift_write import write_gift
from quiz.content.interchange.shared import to_bank
from quiz.game.answers import is_correct
from quiz.model.bank import Bank


def read(text: str):
    converted = read_gift(text, "t.gift")
    return (converted.questions, [p.message for p in converted.problems
                                  if p.severity == "warning"],
            [p.message for p in converted.problems if p.severity == "error"])


def one(text: str) -> tuple[dict, list[str]]:
    questions, warnings, errors = read(text)
    assert len(questions) == 1 and not errors, errors
    return questions[0], warnings


def test_short_answers_are_every_full_credit_answer_with_its_feedback():
    q, warnings = one("Who's buried in Grant's tomb?{=no one#Right. =nobody}")
    assert q["type"] == "short_answer" and not warnings
    assert q["answers"] == [{"text": "no one", "feedback": "Right."}, {"text": "nobody"}]
    bank = to_bank(read_gift("Who's buried in Grant's tomb?{=no one =nobody}"), "b", "t", "x")
    assert is_correct(bank.questions[0], "  NoBody ") and not is_correct(bank.questions[0], "x")


def test_a_missing_word_short_answer():
    q, _ = one("Two plus {=two =2} equals four.")
    assert q["prompt"] == "Two plus _____ equals four."


def test_moodles_short_answer_test_partial_and_any_other_answer():
    # giftformat_test.php test_import_shortanswer_with_general_feedback.
    q, warnings = one("::Shortanswer::Which is the best animal?{\n    =Frog#Good!\n"
                      "    =%50%Cat#What is it with Moodlers and cats?\n"
                      "    =%0%*#Completely wrong\n    ####[html]Here is some general feedback!\n}")
    assert q["answers"] == [{"text": "Frog", "feedback": "Good!"}]
    assert q["explanation"] == ("Here is some general feedback!\n"
                                "Any other answer: Completely wrong")
    assert any("partly right answer 'Cat' (50%) is not kept, nor its feedback" in w
               for w in warnings)
    assert any("per-answer feedback" in w for w in warnings)


def test_answers_that_differ_only_in_case_are_one_answer_as_in_moodle():
    q, warnings = one("Who visited? {=Wang Yi =wang yi}")
    assert q["answers"] == [{"text": "Wang Yi"}] and not warnings


def test_moodles_wildcard_is_refused_and_an_escaped_star_is_a_star():
    questions, _, errors = read("Spell it. {=Nazar*th}\n\nAny? {=*}\n\nStar? {=a\\*b}")
    assert [q["answers"] for q in questions] == [[{"text": "a*b"}]]
    assert len(errors) == 2 and "Moodle reads * as any characters" in errors[0]
    assert "accepts any answer" in errors[1]


def test_matching_pairs_and_moodles_extra_answer():
    # giftformat_test.php test_import_match: `= -> Chat` is an answer that matches nothing.
    q, warnings = one("::Moodle activities::[html]Match the <b>activity</b> to the description.{\n"
                      "    =[html]An activity supporting asynchronous discussions. -> Forum\n"
                      "    =[plain]A bank of record entries which participants can add to."
                      " -> Database\n    = -> Chat\n}")
    assert q["type"] == "matching" and q["prompt"] == "Match the activity to the description."
    assert q["pairs"] == [
        {"left": "An activity supporting asynchronous discussions.", "right": "Forum"},
        {"left": "A bank of record entries which participants can add to.",
         "right": "Database"}]
    assert q["distractors"] == ["Chat"]
    assert warnings == ["HTML markup in this question was reduced to plain text"]


def test_matching_that_our_model_cannot_hold_is_refused_with_its_line():
    questions, _, errors = read("ok {=a -> 1 =b -> 2}\n\nShared {=cat -> mammal =dog -> mammal"
                                " =eagle -> bird}\n\nNo arrow {=a -> 1 =b}\n\nOne {=a -> 1 = -> 2}")
    assert [q["prompt"] for q in questions] == ["ok", "Shared"]  # items may share a match
    assert [p["right"] for p in questions[1]["pairs"]] == ["mammal", "mammal", "bird"]
    assert "without ->" in errors[0] and "fewer than two pairs" in errors[1]


def test_short_answer_and_matching_round_trip_with_what_gift_cannot_say_reported():
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "s", "type": "short_answer", "prompt": "Alliance?", "case_sensitive": True,
         "answers": ["NATO", "Nato", {"text": "[x] %1% a*b", "feedback": "[f] # ~"}]},
        {"id": "m", "type": "matching", "prompt": "Match", "distractors": ["Tokyo"],
         "pairs": [{"left": "[Korea]", "right": "Seoul -> capital"},
                   {"left": "China = PRC", "right": "Beijing {}"}]},
        {"id": "arrow", "type": "short_answer", "prompt": "Arrow?", "answers": ["->"]}]})
    text, problems = write_gift(bank)
    assert [p.message.split("'")[1] for p in problems] == ["s", "arrow"]
    assert "Moodle will ignore case" in problems[0].message
    converted = read_gift(text)
    assert not converted.problems
    assert to_bank(converted, "b", "t", "x").questions == bank.questions[:2]


def test_aiken_has_no_short_answer_or_matching_and_says_so():
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "s", "type": "short_answer", "prompt": "Capital?", "answers": ["Seoul"]},
        {"id": "m", "type": "matching", "prompt": "Match",
         "pairs": [{"left": "a", "right": "1"}, {"left": "b", "right": "2"}]}]})
    _, problems = write_aiken(bank)
    assert [p.message for p in problems] == [
        "question 's' is short answer, which Aiken cannot express; it was left out",
        "question 'm' is matching, which Aiken cannot express; it was left out"]

"""GIFT import never changes an answer without saying so (issue 15 §2): one test per case,
each written from Moodle's documented format and its reader (question/format/gift)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.content.interchange.gift_read import read_gift
from quiz.content.interchange.gift_write import escape, write_gift
from quiz.content.interchange.shared import to_bank
from quiz.content.load import load_bank
from quiz.game.answers import is_correct
from quiz.model.bank import Bank
from tests.strategies import examples, text


def read(text: str):
    converted = read_gift(text, "t.gift")
    warnings = [p for p in converted.problems if p.severity == "warning"]
    errors = [p for p in converted.problems if p.severity == "error"]
    return converted.questions, warnings, errors


def one(text: str) -> tuple[dict, list[str]]:
    questions, warnings, errors = read(text)
    assert len(questions) == 1 and not errors, errors
    return questions[0], [w.message for w in warnings]


def test_format_markers_are_read_on_every_piece_of_text():
    # Moodle's test_import_multichoice: `~[plain]blue` is the choice "blue" in plain text.
    q, _ = one("::Q2:: What's between orange and green in the spectrum?\n{\n"
               "    =yellow # right; good!\n    ~red # [html]wrong, it's yellow\n"
               "    ~[plain]blue # wrong, it's yellow\n}")
    assert q["choices"] == ["yellow", "red", "blue"]
    assert q["explanation"] == ("yellow: right; good!\nred: wrong, it's yellow\n"
                                "blue: wrong, it's yellow")
    tf, _ = one("Is it?{TRUE#[markdown]*no*#[plain]yes####[moodle]Because.}")
    assert tf["explanation"] == "Because.\nIf you said False: *no*\nIf you said True: yes"


def test_a_bracket_that_is_no_format_stays_text():
    q, _ = one("[note] Which? {=[a] ~[b]}")
    assert q["prompt"] == "[note] Which?" and q["choices"] == ["[a]", "[b]"]


def test_html_is_reduced_in_feedback_and_the_choice_prefix_too():
    q, warnings = one("[html]<p>Which is <b>right</b>?</p>{\n=<b>Yes</b>#<p>Right&nbsp;on</p>\n"
                      "~No#<i>Sorry</i>\n####<p>General &amp; more</p>}")
    assert q["prompt"] == "Which is right?" and q["choices"] == ["Yes", "No"]
    assert q["explanation"] == "General & more\nYes: Right on\nNo: Sorry"
    assert sum("HTML" in w for w in warnings) == 1


def test_html_warning_is_given_once_and_never_for_a_refused_question():
    _, warnings = one("[html]<b>Q</b>{=<i>a</i> ~<i>b</i> ~<i>c</i>}")
    assert [w for w in warnings if "HTML" in w] == [
        "HTML markup in this question was reduced to plain text"]
    questions, warnings, errors = read("[html]<b>Write</b> an essay.{}")
    assert not questions and not warnings and "essay" in errors[0].message


def test_entities_alone_are_not_markup():
    q, warnings = one("[html]Tom &amp; Jerry?{T}")
    assert q["prompt"] == "Tom & Jerry?" and not warnings


def test_several_full_marks_choices_are_refused_with_their_line():
    # Moodle gives full marks for any one of them; a single choice cannot say that, and
    # a select-all question requiring all four would change the answer.
    questions, _, errors = read("::ok::Fine?{T}\n\n::Seasons::Name a season."
                                "{= spring = summer = winter = autumn ~ easter}")
    assert [q["id"] for q in questions] == ["ok"]
    (error,) = errors
    assert error.line == 3 and "any one of 'spring', 'summer', 'winter', 'autumn'" in (
        error.message)


def test_one_full_weight_with_penalties_stays_a_multiple_answer_question():
    # No `=`: Moodle shows check boxes (single = 0), so it is select-all, not single choice.
    q, warnings = one("What's between orange and green?{\n~%100%yellow # right; good!\n"
                      "~%-50%red # wrong\n~%-50%blue # wrong\n}")
    assert q["type"] == "multiple_select" and q["answers"] == [0]
    assert warnings == ["per-answer feedback has no place of its own here; it was added to "
                        "the explanation"]


def test_penalties_in_a_single_choice_question_are_reported_as_dropped():
    q, warnings = one("Pick {=yellow ~%-50%red ~blue}")
    assert q["type"] == "single_choice" and q["answer"] == 0
    assert any("penalties for 'red' are dropped" in w for w in warnings)


def test_wrong_choices_that_cost_nothing_in_moodle_are_reported():
    q, warnings = one("Who? {~No one ~%50%Grant ~%50%Grant's wife ~Grant's father}")
    assert q["answers"] == [1, 2]
    assert any("picking 'No one', \"Grant's father\" costs nothing in Moodle" in w
               for w in warnings)


def test_numeric_feedback_for_any_other_answer_is_kept_and_reported():
    # Moodle's test_import_numerical.
    q, warnings = one("::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}")
    assert (q["answer"], q["tolerance"]) == (3, 2)
    assert q["explanation"] == "Any other answer: Completely wrong"
    assert any("per-answer feedback" in w for w in warnings)


def test_dropped_partial_answers_say_their_feedback_is_dropped_too():
    q, warnings = one("When was Grant born? {#\n=1822:0 #Correct!\n=%50%1822:2 #Close.\n}")
    assert q["answer"] == 1822 and q["explanation"] == "1822: Correct!"
    assert any("partly right answer 1822 ± 2 (50%) is not kept, nor its feedback ('Close.')" in w
               for w in warnings)


def test_every_fully_right_numeric_value_is_kept_and_accepted():
    q, warnings = one("Solve x² + 3x = 28. {#=%100%-7:0 =%100%4:0}")
    assert q["answer"] == -7 and q["other_answers"] == [{"answer": 4}]
    assert not warnings
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [q]})
    question = bank.questions[0]
    assert is_correct(question, 4.0) and is_correct(question, -7.0)
    assert not is_correct(question, 0.0)


def test_a_numeric_range_keeps_the_precision_it_was_written_in():
    q, _ = one("What is the value of pi (to 3 decimal places)? {#3.141..3.142}.")
    assert (q["answer"], q["tolerance"]) == (3.1415, 0.0005)


def test_missing_word_blank_takes_moodles_spacing():
    q, _ = one("Moodle costs {~lots of money =nothing ~a small amount} to download.")
    assert q["prompt"] == "Moodle costs _____ to download."
    q, _ = one("What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.")
    assert q["prompt"] == "What is the value of pi (to 3 decimal places)? _____."
    q, _ = one("Two plus two equals {=four ~five}.")
    assert q["prompt"] == "Two plus two equals _____."


def test_each_line_of_a_multi_line_prompt_is_trimmed_as_moodle_does():
    q, _ = one("::Kanji::   Japanese characters originally   \n\tcame from what country? "
               " {\n  ~India\n  =China\n}")
    assert q["prompt"] == "Japanese characters originally\ncame from what country?"


def test_escaped_brackets_in_ids_and_tags():
    # Moodle's extract_idnumber_and_tags_from_comment cases 'escape ] idnumber' and 'tag'.
    q, warnings = one("// [id:i\\]d] [tag:t\\]ag] [tag:  basic ]\nQ?{T}")
    assert q["tags"] == ["t]ag", "basic"]
    assert q["id"] == "i-d" and any("the id 'i]d'" in w for w in warnings)
    q, _ = one("// Ceci n'est pas une [tag:\n// frog].\nQ?{T}")
    assert "tags" not in q


def test_a_comment_only_paragraph_passes_nothing_on():
    q, _ = one("// [id:stray] [tag:stray]\n\nQ?{T}")
    assert q["id"] == "q1" and "tags" not in q


def test_a_long_category_keeps_its_deepest_levels_and_says_so():
    questions, warnings, _ = read(
        "$CATEGORY: $course$/top/Default for Modern History of East Asia 2024/Unit 3/Week 2"
        "\n\nQ?{T}")
    assert questions[0]["tags"] == ["Unit 3/Week 2"]
    (warning,) = warnings
    assert warning.line == 1 and "tagged 'Unit 3/Week 2'" in warning.message


def test_long_and_comma_tags_are_changed_with_a_warning():
    q, warnings = one(f"// [tag:{'x' * 45}] [tag:a,b]\nQ?{{T}}")
    assert q["tags"] == ["x" * 40, "a;b"]
    assert len(warnings) == 2


def test_capitalised_true_and_false_are_true_false_with_a_note():
    # Moodle reads only T, TRUE, F, FALSE as true/false; {True} would be a short answer.
    q, warnings = one("The sun rises in the east.{True}")
    assert q["type"] == "true_false" and q["answer"] is True
    assert any("short answer 'True'" in w for w in warnings)
    q, warnings = one("The sun rises in the west.{FALSE}")
    assert q["answer"] is False and not warnings


def test_text_before_the_first_marker_is_a_wrong_choice_as_in_moodle():
    q, warnings = one("Pick {maybe ~no =yes}")
    assert q["choices"] == ["maybe", "no", "yes"] and q["answer"] == 2
    assert any("'maybe' before the first ~ or =" in w for w in warnings)


def test_a_weight_after_equals_is_text_in_multiple_choice():
    q, warnings = one("Pick {=%50%half ~none}")
    assert q["choices"] == ["%50%half", "none"] and q["answer"] == 0
    assert any("stays part of the choice's text" in w for w in warnings)


def test_the_bank_title_survives_export_and_import(tmp_path):
    bank = Bank.model_validate({
        "id": "cells", "title": "Cell biology basics", "description": "Cells, briefly.",
        "language": "fr", "questions": [
            {"id": "q1", "type": "true_false", "prompt": "Cells have walls.", "answer": False}]})
    text, _ = write_gift(bank)
    assert text.startswith("// Cell biology basics\n")
    source = tmp_path / "biology.gift"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "back.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    back = load_bank(target)
    assert (back.id, back.title, back.description, back.language) == (
        "cells", "Cell biology basics", "Cells, briefly.", "fr")


def test_a_broken_bank_header_is_reported_and_the_questions_still_come_in():
    converted = read_gift('// quiz: {"bank": {"language": "not a language!"}}\n\nQ?{T}')
    bank = to_bank(converted, "b", "t", "t.gift")
    assert bank.questions and bank.language == "en"
    assert any("header are not valid" in p.message for p in converted.problems)


def test_exported_texts_that_look_like_markup_go_out_as_plain(tmp_path):
    bank = Bank.model_validate({"id": "b", "title": "t", "questions": [
        {"id": "q1", "type": "single_choice", "prompt": "Is <b> a tag & more?",
         "choices": ["[plain]x", "%50%y"], "answer": 1}]})
    text, _ = write_gift(bank)
    assert "::q1::[plain]Is <b> a tag & more? {\n\t~[plain][plain]x\n\t=%50%y\n}" in text
    back = to_bank(read_gift(text), "b", "t", "<gift>")
    assert back.questions == bank.questions


# Moodle's own cases for extract_idnumber_and_tags_from_comment (giftformat_test.php).
@pytest.mark.parametrize(("idnumber", "tags", "comment"), [
    ("", [], ""),
    ("", [], "// A basic comment."),
    ("frog", [], "// A comment with [id:frog] <-- an idnumber."),
    ("", ["frog", "toad"], "// Look tags: [tag:frog] [tag:toad]."),
    ("four", ["add", "basic"], "// [tag:add] [tag:basic] [id:four]"),
    ("four", ["basic", "add"],
     "// [tag:  basic] Here is  \n// a [id:   four   ] que[tag:add   ]stion."),
    ("", [], "// Ceci n'est pas une [tag:\n\\ frog]."),
    ("i]d", [], "// [id:i\\]d]."),
    ("", ["t]ag"], "// [tag:t\\]ag]."),
])
def test_ids_and_tags_in_comments_as_moodle_reads_them(idnumber, tags, comment):
    q, warnings = one(f"{comment}\nQ?{{T}}")
    assert q.get("tags", []) == tags
    if idnumber == "i]d":  # our ids cannot hold `]`: changed, and said
        assert q["id"] == "i-d" and any("'i]d'" in w for w in warnings)
    else:
        assert q["id"] == (idnumber or "q1")


weights = st.sampled_from([None, "%0%", "%-100%", "%-50%", "%25%", "%50%", "%100%"])


@settings(max_examples=examples(200), deadline=None)
@given(options=st.lists(st.tuples(st.sampled_from("~="), weights), min_size=2, max_size=6),
       texts=st.lists(text().filter(lambda t: t[0] not in "[%"), min_size=6, max_size=6,
                      unique_by=lambda t: " ".join(t.split()).casefold()))
def test_a_multiple_choice_answer_never_changes_silently(options, texts):
    """Whatever the markers and weights, the import keeps Moodle's right answers or says
    why not: refused, or a warning naming what is not kept."""
    assume(any(marker == "~" for marker, _ in options))  # else Moodle reads a short answer
    body = " ".join(f"{marker}{weight or ''}{escape(texts[i])}" if marker == "~"
                    else f"={escape(texts[i])}" for i, (marker, weight) in enumerate(options))
    questions, warnings, errors = read(f"Pick. {{{body}}}")
    shown = [t.strip() for t in texts[:len(options)]]
    fraction = [100.0 if marker == "=" else float((weight or "%0%").strip("%"))
                for marker, weight in options]
    if not questions:
        assert errors
        return
    (q,) = questions
    assert q["choices"] == shown
    said = " ".join(w.message for w in warnings)
    if "=" in [marker for marker, _ in options]:
        assert [q["answer"]] == [i for i, f in enumerate(fraction) if f == 100]
        assert all(repr(shown[i]) in said for i, f in enumerate(fraction) if f != 100 and f)
    else:
        assert q["answers"] == [i for i, f in enumerate(fraction) if f > 0]
        free = [shown[i] for i, f in enumerate(fraction) if f == 0]
        if free and sum(f for f in fraction if f > 0) == 100:
            assert all(repr(t) in said for t in free)

"""Short-answer and matching questions: their rules, located errors, answers and scores."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from quiz.content.key import answer_text
from quiz.content.load import load_file
from quiz.content.problems import LoadError
from quiz.game.answers import accepted, from_json, is_correct, response_text, to_json
from quiz.game.modes import MODES
from quiz.game.round import Dealt, Entry, Round, deal
from quiz.game.scoring import parts_right, score_answer
from quiz.model.questions import Matching, Question, ShortAnswer
from quiz.model.scoring import ScoringRules

QUESTION = TypeAdapter(Question)

SHORT = {"id": "s", "type": "short_answer", "prompt": "Which city hosts the ministry?",
         "answers": ["Seoul", {"text": "Sŏul", "feedback": "The McCune-Reischauer form."}]}
MATCH = {"id": "m", "type": "matching", "prompt": "Match each minister to a country",
         "pairs": [{"left": "Han Min-koo", "right": "South Korea"},
                   {"left": "Chang Wanquan", "right": "China"},
                   {"left": "Ashton Carter", "right": "United States"}],
         "distractors": ["Japan"]}


def model(data: dict):
    return QUESTION.validate_python(data)


def error_of(data: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        model(data)
    return caught.value.errors()[0]


# ── Rules ────────────────────────────────────────────────────────────────────

def test_plain_text_answers_are_short_for_text_fields():
    question = model(SHORT)
    assert [a.text for a in question.answers] == ["Seoul", "Sŏul"]
    assert question.answers[1].feedback.startswith("The McCune")
    assert model({**SHORT, "answers": [1945]}).answers[0].text == "1945"


@pytest.mark.parametrize("answers, kind, at", [
    ([], "too_short", None),
    (["Seoul", " SEOUL "], "duplicate_answer", ("answers", 1)),
    (["Seoul", "ＳＥＯＵＬ"], "duplicate_answer", ("answers", 1)),
    (["New  York", "new york"], "duplicate_answer", ("answers", 1)),
    ([" "], "string_pattern_mismatch", None),
    (["x" * 1001], "string_too_long", None),
])
def test_short_answer_rules(answers, kind, at):
    error = error_of({**SHORT, "answers": answers})
    assert error["type"] == kind
    assert (error.get("ctx") or {}).get("at", None) == at


def test_case_sensitive_answers_may_differ_only_in_case():
    question = model({**SHORT, "answers": ["NATO", "Nato"], "case_sensitive": True})
    assert len(question.answers) == 2
    assert error_of({**SHORT, "answers": ["NATO", "ＮＡＴＯ"], "case_sensitive": True})[
        "type"] == "duplicate_answer"


@pytest.mark.parametrize("change, kind, at", [
    ({"pairs": MATCH["pairs"][:1]}, "too_short", None),
    ({"pairs": [*MATCH["pairs"], {"left": " han  min-koo", "right": "x"}]},
     "duplicate_left_item", ("pairs", 3, "left")),
    ({"pairs": [{"left": "a", "right": "x"}, {"left": "b", "right": "Ｘ"}], "distractors": []},
     "one_match", ("pairs",)),
    ({"pairs": [*MATCH["pairs"], {"left": "Li", "right": "china"}], "distractors": ["China"]},
     "duplicate_right_item", ("distractors", 0)),
    ({"distractors": ["Japan", "china"]}, "duplicate_right_item", ("distractors", 1)),
    ({"distractors": [f"d{n}" for n in range(24)]}, "too_many_matches", ("distractors",)),
])
def test_matching_rules(change, kind, at):
    error = error_of({**MATCH, **change})
    assert error["type"] == kind
    assert (error.get("ctx") or {}).get("at", None) == at


def test_items_may_share_a_match_which_is_offered_once():
    question = model({**MATCH, "pairs": [*MATCH["pairs"],
                                         {"left": "Fang Fenghui", "right": "ＣＨＩＮＡ"}]})
    assert question.matches == ["South Korea", "China", "United States", "Japan"]
    assert question.key == [0, 1, 2, 1]
    assert is_correct(question, (0, 1, 2, 1))
    assert not is_correct(question, (0, 1, 2, 3))
    assert parts_right(question, (0, 2, 2, 1)) == (3, 4)


BROKEN = """\
id: demo
title: Demo
questions:
  - id: s
    type: short_answer
    prompt: Capital?
    answers:
      - Seoul
      - text: "  seoul"
  - id: m
    type: matching
    prompt: Match them
    pairs:
      - {left: A, right: one}
      - {left: B, right: two}
    distractors: [three, One]
"""


def test_errors_name_the_file_line_and_column(write):
    path = write("b.yaml", BROKEN)
    with pytest.raises(LoadError) as caught:
        load_file(path)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{path}:9:9: error: questions[0].answers[1]: answer 1 repeats "
                            "answer 0") for p in problems), problems
    assert any(p.startswith(f"{path}:16:26: error: questions[1].distractors[1]: right item 3 "
                            "repeats right item 0") for p in problems), problems


# ── Answers ──────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("typed, right", [
    ("Seoul", True), ("  seoul ", True), ("SEOUL", True), ("ＳＥＯＵＬ", True),
    ("sŏul", True), ("Seoul city", False), ("", False), ("Soul", False),
])
def test_typed_answers_are_folded(typed, right):
    assert is_correct(model(SHORT), typed) is right


def test_case_sensitive_answers_keep_case():
    question = model({**SHORT, "answers": ["NATO"], "case_sensitive": True})
    assert is_correct(question, " NATO ") and not is_correct(question, "Nato")


def test_the_matched_answer_brings_its_feedback():
    question = model(SHORT)
    assert accepted(question, "SŎUL").feedback.startswith("The McCune")
    assert accepted(question, "seoul").feedback is None
    assert accepted(question, "Tokyo") is None
    assert accepted(question, 3) is None


def test_matching_is_right_only_when_every_pair_is():
    question = model(MATCH)
    assert is_correct(question, (0, 1, 2))
    assert not is_correct(question, (0, 2, 1))
    assert not is_correct(question, (0, 1, None))
    assert not is_correct(question, (0, 1))
    assert parts_right(question, (0, 3, None)) == (1, 3)
    assert response_text(question, (0, 3, None)) == (
        "Han Min-koo → South Korea; Chang Wanquan → Japan; Ashton Carter → (none)")


def test_responses_survive_json():
    for question, response in ((model(SHORT), " seoul"), (model(MATCH), (2, None, 0))):
        assert from_json(question, to_json(response)) == response


def test_keys_list_every_accepted_answer_and_pair():
    assert answer_text(model(SHORT)) == "Seoul (also accepted: Sŏul)"
    assert answer_text(model({**SHORT, "answers": ["NATO"], "case_sensitive": True})) == (
        "NATO (case matters)")
    assert answer_text(model(MATCH)).startswith("Han Min-koo → South Korea; Chang")


# ── Dealing and scoring ──────────────────────────────────────────────────────

def test_a_matching_deal_shuffles_the_right_column_and_reads_back():
    question = model(MATCH)
    dealt = deal([Entry("b", None, question)], MODES["practice"], seed=3)[0]
    assert sorted(dealt.order) == [0, 1, 2, 3]
    assert sorted(dealt.labels()) == sorted(question.matches)
    shown = [dealt.order.index(n) for n in range(3)]
    assert dealt.from_display(shown) == (0, 1, 2)
    assert dealt.from_display([None, shown[1], None]) == (None, 1, None)


def test_matching_earns_a_share_per_pair_without_bonuses():
    question = model({**MATCH, "difficulty": "hard"})
    rules = ScoringRules()
    partial = score_answer(rules, question, correct=False, elapsed=1, limit=20,
                           streak_before=3, response=(0, 1, 3))
    assert (partial.base, partial.time_bonus, partial.streak_bonus) == (200, 0, 0)
    assert score_answer(rules, question, correct=False, elapsed=1, limit=20,
                        streak_before=3, response=None).total == 0


def test_a_round_scores_short_answers_and_partial_matchings():
    entries = [Entry("b", None, model(SHORT)), Entry("b", None, model(MATCH))]
    dealt = [Dealt(entries[0]), Dealt(entries[1], (3, 2, 1, 0))]
    round_ = Round(dealt, MODES["practice"], ScoringRules())
    first = round_.submit("seoul ")
    assert first.correct and first.points.base == 200
    round_.advance()
    second = round_.submit(dealt[1].from_display([3, 2, 0]))  # two right, one distractor
    assert second.response == (0, 1, 3) and not second.correct
    assert second.points.total == round(200 * 2 / 3)
    assert round_.streak == 0
    assert isinstance(round_.current.question, Matching | ShortAnswer)


def test_aiken_export_reports_the_new_types_as_left_out():
    # GIFT carries both (tests/unit/test_gift_typed.py); Aiken has no such questions.
    from quiz.content.interchange.aiken import write_aiken
    from quiz.model.bank import Bank

    bank = Bank.model_validate({"id": "b", "title": "B", "questions": [SHORT, MATCH]})
    text, problems = write_aiken(bank)
    assert "Seoul" not in text and "Han Min-koo" not in text
    assert [p.message.split(" is ")[0] for p in problems] == ["question 's'", "question 'm'"]


def test_a_matching_gets_more_time_for_more_pairs_unless_it_sets_its_own():
    from quiz.game.modes import limit_for

    three = model(MATCH)
    assert limit_for(three, 20.0) == 30.0
    assert limit_for(model({**MATCH, "pairs": MATCH["pairs"][:2]}), 20.0) == 20.0
    assert limit_for(model({**MATCH, "time_limit": 12}), 20.0) == 12
    assert limit_for(model(SHORT), 20.0) == 20.0 and limit_for(model(SHORT), None) is None
    round_ = Round(deal([Entry("b", None, three)], MODES["challenge"], 1), MODES["challenge"],
                   ScoringRules())
    assert round_.time_limit() == 30.0


def test_invisible_characters_neither_count_nor_hide_a_duplicate():
    question = model({**SHORT, "answers": ["Seoul"]})
    assert is_correct(question, "Se\u200boul") and is_correct(question, "Seo\u00adul")
    assert error_of({**SHORT, "answers": ["Seoul", "Se\u200boul"]})["type"] == (
        "duplicate_answer")
    twins = {**MATCH, "pairs": [*MATCH["pairs"], {"left": "Han\u2060 Min-koo", "right": "x"}]}
    assert error_of(twins)["type"] == "duplicate_left_item"


def test_quiz_key_lists_both_types_in_every_format(write):
    import json

    from click.testing import CliRunner

    from quiz.cli import main

    path = write("b.yaml", {"id": "b", "title": "B", "questions": [SHORT, MATCH]})
    for fmt in ("text", "json", "csv", "markdown"):
        result = CliRunner().invoke(main, ["key", str(path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "Seoul (also accepted: Sŏul)" in result.output
        assert "Ashton Carter → United States" in result.output
    entries = json.loads(CliRunner().invoke(main, ["key", str(path), "--format", "json"]).output)
    assert [e["type"] for e in entries] == ["short_answer", "matching"]

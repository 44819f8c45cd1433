"""Issue 15 §4: every question of Moodle's published GIFT and Aiken examples and test data
(tests/corpus/moodle/) comes in as Moodle's reader has it, or says how it differs, or is
refused with its line; nothing changes silently. docs/authoring.md reports the figures."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.corpus.judge import Case, cases, judge, read, tally

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ("gift.yaml", "aiken.yaml")


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_question_gets_the_verdict_the_corpus_expects(corpus):
    _, _, surprises = tally(corpus)
    assert not surprises, "\n".join(map(str, surprises))


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_answer_or_feedback_changes_silently(corpus):
    counts, _, _ = tally(corpus)
    assert "silent" not in counts


def test_only_what_our_model_cannot_hold_is_refused():
    _, reasons, _ = tally("gift.yaml")
    refused = {reason for reason in reasons if not reason.startswith("warned: ")}
    assert refused <= {"essay", "description", "shortanswer", "match"}


def _row(name: str, counts: dict[str, int]) -> str:
    refused = counts.get("refused", 0) + counts.get("refused by Moodle too", 0)
    total = sum(counts.values())
    return (f"| {name} | {total} | {counts.get('exact', 0)} | {counts.get('warned', 0)} | "
            f"{refused} |")


def test_the_docs_report_the_measured_figures():
    docs = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for name, corpus in (("GIFT", "gift.yaml"), ("Aiken", "aiken.yaml")):
        counts, _, _ = tally(corpus)
        assert _row(name, counts) in docs, f"update the corpus table: {_row(name, counts)}"


# The judge itself must be able to fail: each mutation of a good import is caught.

def _good_case() -> tuple[Case, object]:
    case = next(c for c in cases("gift.yaml") if c.file == "examples.txt" and c.line == 184)
    return case, read(case)


def _mutated(change) -> str:
    case, converted = _good_case()
    converted = copy.deepcopy(converted)
    change(converted.questions[converted.lines.index(case.line)], converted)
    return judge(case, converted).kind


def test_the_judge_sees_a_changed_answer():
    assert _good_case()[1] and judge(*_good_case()).kind == "warned"
    assert _mutated(lambda q, _: q.update(answer=0)) == "silent"


def test_the_judge_sees_dropped_feedback():
    assert _mutated(lambda q, _: q.update(explanation="buried: No one is buried there.")) == (
        "silent")


def test_the_judge_sees_a_difference_no_warning_names():
    def unwarned(_, converted):
        converted.problems.clear()
    assert _mutated(unwarned) == "silent"


def test_the_judge_sees_a_lost_question():
    def lost(question, converted):
        index = converted.questions.index(question)
        del converted.questions[index], converted.lines[index]
        converted.problems.clear()
    assert _mutated(lost) == "silent"

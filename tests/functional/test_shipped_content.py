"""The shipped banks: the campaign's shape, and the generated bank's coverage of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.content.load import load_bank, load_timeline

ROOT = Path(__file__).resolve().parents[2]


def test_campaign_has_four_chapters_in_order():
    bank = load_bank(ROOT / "questions" / "campaign.yaml")
    assert [s.id for s in bank.scenarios] == ["ch1-2013", "ch2-2015", "ch3-2016", "ch4-2017"]
    for scenario in bank.scenarios:
        assert 6 <= len(scenario.questions) <= 12, scenario.id
        assert len({q.type for q in scenario.questions}) >= 3, f"{scenario.id} mixes types"
        assert any("source-criticism" in q.tags for q in scenario.questions), scenario.id
        assert scenario.briefing.strip()
        for question in scenario.questions:
            assert question.explanation and question.sources and question.context


CHAPTER_ROLES = {"ch1-2013": "liaison officer", "ch2-2015": "desk officer",
                 "ch3-2016": "analyst", "ch4-2017": "fact-checker"}


def test_each_chapter_keeps_one_role():
    bank = load_bank(ROOT / "questions" / "campaign.yaml")
    for scenario in bank.scenarios:
        for question in scenario.questions:
            assert CHAPTER_ROLES[scenario.id] in question.context.role, question.id


def test_generated_bank_covers_what_the_timeline_marks_worth_asking():
    timeline = load_timeline(ROOT / "seeds" / "china-rok-defence.yaml")
    bank = load_bank(ROOT / "questions" / "generated.yaml")
    covered = {q.id.split(".")[0] for q in bank.questions}
    worth_dating = {e.id for e in timeline.events if e.ask and e.status == "happened"}
    causes = {e.id for e in timeline.events if e.led_to and e.alternatives}
    assert worth_dating | causes <= covered
    assert {q.id.split(".")[0] for q in bank.questions if q.id.endswith(".effects")} == causes
    assert all(q.explanation and q.sources for q in bank.questions)


def test_shipped_banks_have_no_lint_findings():
    from quiz.content.lint import lint_file

    for path in sorted((ROOT / "questions").glob("*.yaml")):
        assert lint_file(path) == [], path.name


def test_key_covers_all_shipped_banks():
    result = CliRunner().invoke(main, ["key", str(ROOT / "questions"), "--format", "json"])
    assert result.exit_code == 0
    banks = {entry["bank"] for entry in json.loads(result.output)}
    assert banks == {"campaign", "examples", "china-rok-defence-generated",
                     "china-rok-defence-predictions"}

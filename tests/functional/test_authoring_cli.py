"""quiz new, import and export from the command line, as a teacher would use them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.content.lint import lint_file
from quiz.content.load import load_bank
from quiz.model.questions import QUESTION_TYPES

ROOT = Path(__file__).resolve().parents[2]
TEACHER_GIFT = """\
// Unit test: a teacher's file with a mix of question types
$CATEGORY: $course$/top/Unit 3

::capital::Which city is the capital of South Korea? {
  =Seoul#Yes.
  ~Busan#That is the second city.
  ~Incheon
}

::tf::The hotline opened in 2015. {TRUE}

::essay::Describe the thaw of 2017. {}

::match::Match the ministers. {=Han -> ROK =Chang -> PRC =Kishida -> Japan}

::who::Who signed for China? {=Chang Wanquan =Chang Wan-quan#Either spelling.}

::year::In which year did THAAD arrive? {#2017}

::both::Which two held talks? {~%50%Han ~%50%Chang ~%-100%Kishida}

::gap::The hotline links the two {~capitals =defence ministries ~navies}.

::intro::The next questions are about 2015.
"""


def test_new_writes_a_bank_that_validates_and_plays_and_overwrites_only_with_force(tmp_path):
    runner = CliRunner()
    target = tmp_path / "my-first-bank.yaml"
    made = runner.invoke(main, ["new", str(target), "--title", "Unit 3: the thaw"])
    assert made.exit_code == 0, made.output
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    bank = load_bank(target)
    assert bank.title == "Unit 3: the thaw" and bank.id == "my-first-bank"
    assert {q.type for _, q in bank.all_questions()} == set(QUESTION_TYPES)
    # The only lint findings are the sources the author still has to add.
    assert {p.message.split(" cites ")[1] for p in lint_file(target)} == {"no source"}
    again = runner.invoke(main, ["new", str(target)])
    assert again.exit_code == 2 and "already exists; pass --force to replace it" in again.output
    assert target.read_text() == text
    forced = runner.invoke(main, ["new", str(target), "--force", "--title", "Again"])
    assert forced.exit_code == 0 and load_bank(target).title == "Again"


def test_a_teachers_gift_file_comes_in_and_plays(tmp_path):
    source = tmp_path / "unit3.gift"
    source.write_text(TEACHER_GIFT, encoding="utf-8")
    target = tmp_path / "unit3.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    # Every Moodle question type comes in, but for the essay and the description.
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [
        f"{source}:12:1: error: question 'essay' is an essay question, which Scenario Quiz "
        "cannot hold; it was not imported",
        f"{source}:24:1: error: question 'intro' has no answer block {{…}}: it is a "
        "description, not a question; it was not imported"]
    assert "Imported 7 question(s)" in result.output
    bank = load_bank(target)
    assert [q.type for q in bank.questions] == [
        "single_choice", "true_false", "matching", "short_answer", "numeric",
        "multiple_select", "single_choice"]
    assert bank.questions[0].tags == ["Unit 3"]
    assert bank.questions[3].answers[1].feedback == "Either spelling."
    refused = runner.invoke(main, ["import", str(source), "-o", str(target)])
    assert refused.exit_code == 2 and "--force" in refused.output


def test_export_to_each_format(tmp_path):
    runner = CliRunner()
    for fmt in ("gift", "aiken", "json", "yaml"):
        out = tmp_path / f"examples.{fmt}"
        result = runner.invoke(main, ["export", "questions/examples.yaml", "--format", fmt,
                                      "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").strip()
    gift = runner.invoke(main, ["export", "questions/examples.yaml", "--format", "gift"])
    assert "ordering question, which GIFT cannot express" in gift.output
    back = tmp_path / "back.yaml"
    assert runner.invoke(main, ["import", str(tmp_path / "examples.gift"), "-o",
                                str(back)]).exit_code == 0
    assert len(load_bank(back).questions) == 4


def test_import_errors_are_one_sentence(tmp_path):
    runner = CliRunner()
    binary = tmp_path / "bad.gift"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    result = runner.invoke(main, ["import", str(binary), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "not UTF-8" in result.output
    empty = tmp_path / "empty.gift"
    empty.write_text("// nothing here\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(empty), "-o", str(tmp_path / "y.yaml")])
    assert result.exit_code == 1 and "nothing in" in result.output


def test_aiken_import_counts_questions_left_out_apart_from_stray_lines(tmp_path):
    source = tmp_path / "errors.aiken"
    source.write_text((ROOT / "tests/corpus/moodle/aiken_errors.txt").read_text(), "utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0, result.output
    assert ("Imported 2 question(s)" in result.output and "2 could not be imported; 2 stray "
            "line(s) were ignored (listed above)" in result.output)

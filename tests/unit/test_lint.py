"""Item-writing lint: banks with known flaws give exactly the expected findings."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner

from quiz.cli import main
from quiz.content.lint import lint_file

SOURCE = """
    sources:
      - {outlet: Herald, title: Report, date: "2016"}"""


def write(tmp_path, body: str):
    path = tmp_path / "bank.yaml"
    path.write_text("id: b\ntitle: T\nquestions:\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def question(qid: str, prompt: str, choices: list[str], answer: int, extra: str = "") -> str:
    listed = "".join(f"\n      - {c}" for c in choices)
    return (f"  - id: {qid}\n    type: single_choice\n    prompt: {prompt}\n"
            f"    choices:{listed}\n    answer: {answer}\n    explanation: Because.\n"
            + textwrap.indent(textwrap.dedent(SOURCE).strip("\n"), "    ") + "\n" + extra)


def messages(path) -> list[str]:
    return [f"{p.line}: {p.message}" for p in lint_file(path)]


PROMPTS = ["Which city hosted the talks?", "Where did the minister land?",
           "Which port saw the visit?", "In which capital was the hotline opened?",
           "Where was the summit held?", "Which city did the envoy leave from?"]


def test_a_clean_bank_has_no_findings(tmp_path):
    body = "".join(question(f"q{i}", prompt, ["Seoul", "Beijing", "Tokyo"], i % 3)
                   for i, prompt in enumerate(PROMPTS))
    assert messages(write(tmp_path, body)) == []


def test_the_key_in_the_same_position_too_often(tmp_path):
    body = "".join(question(f"q{i}", prompt, ["Seoul", "Beijing", "Tokyo"], 0)
                   for i, prompt in enumerate(PROMPTS))
    found = messages(write(tmp_path, body))
    assert len(found) == 1 and "choice 1 in 6 of 6" in found[0]


def test_the_longest_choice_all_of_the_above_and_near_duplicates(tmp_path):
    body = question("long", "Who signed it?", [
        "Han", "Chang", "The defence minister, after weeks of consultation with the cabinet"], 2)
    body += question("above", "Which were agreed?", ["Drills", "Visits", "All of the above"], 2)
    body += question("twins", "Which talks?", ["The 2014 talks", "The 2014 talk", "None"], 0)
    found = "\n".join(messages(write(tmp_path, body)))
    assert "much longer than every other" in found
    assert "'All of the above'" in found
    assert "choices 1 and 2 are nearly the same" in found


def test_negatives_need_emphasis(tmp_path):
    body = question("neg", "Which city did not host talks?", ["Seoul", "Beijing"], 0)
    body += question("ok1", "Which city did NOT host the visit?", ["Seoul", "Tokyo"], 0)
    body += question("ok2", "Which city did *not* host the summit?", ["Hanoi", "Tokyo"], 1)
    found = messages(write(tmp_path, body))
    assert len(found) == 1 and "'not'" in found[0] and "NOT" in found[0]
    assert found[0].startswith("6:")  # the prompt's line


def test_near_duplicate_prompts_and_missing_explanation_or_source(tmp_path):
    body = question("a", "Which city hosted the 2014 defence talks?", ["Seoul", "Busan"], 0)
    body += question("b", "Which city hosted the 2014 defence talks ?", ["Tokyo", "Seoul"], 1)
    body += question("c", "Which city hosted the 2014 defence talks?", ["Busan", "Hanoi"], 1)
    body += "  - id: bare\n    type: true_false\n    prompt: It happened.\n    answer: true\n"
    found = "\n".join(messages(write(tmp_path, body)))
    assert "'b' nearly repeats 'a'" in found and "'c'" not in found  # another answer
    assert "'bare' has no explanation" in found and "'bare' cites no source" in found


def test_lint_command_prints_locations_and_strict_fails(tmp_path):
    path = write(tmp_path, question("neg", "Which was not agreed?", ["Drills", "Visits"], 0))
    runner = CliRunner()
    relaxed = runner.invoke(main, ["lint", str(path)])
    assert relaxed.exit_code == 0 and f"{path}:6:11: warning:" in relaxed.output
    assert runner.invoke(main, ["lint", "--strict", str(path)]).exit_code == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: b\ntitle: T\nquestions: 3\n", encoding="utf-8")
    result = runner.invoke(main, ["lint", str(broken)])
    assert result.exit_code == 1 and "broken.yaml:3:" in result.output


def test_the_hand_written_banks_lint_cleanly():
    """Our own banks are held to the rules (lint findings here are real bugs)."""
    for path in ("questions/campaign.yaml", "questions/examples.yaml"):
        assert [str(p) for p in lint_file(path)] == []


def test_short_answer_findings(tmp_path):
    body = """\
  - id: copied
    type: short_answer
    prompt: Which town, Porthaven or another, hosted the talks?
    answers: [Porthaven, PHB-1]
    explanation: Because.""" + SOURCE + """
  - id: long
    type: short_answer
    prompt: What did the minutes say?
    answers: [the two sides agreed to meet again next spring]
    case_sensitive: true
    explanation: Because.""" + SOURCE + """
  - id: numbers
    type: short_answer
    prompt: How many ships came?
    answers: ["12"]
    case_sensitive: true
    explanation: Because.""" + SOURCE + "\n"
    found = messages(write(tmp_path, body))
    assert found == [
        "7: question 'copied': the prompt contains the accepted answer 'Porthaven'; a player "
        "can copy it",
        "7: question 'copied': players may type 'PHB-1' without its punctuation; accept "
        "'PHB1' or 'PHB 1' as well",
        "14: question 'long': the accepted answer 'the two sides agreed to meet again next "
        "spring' is 9 words long; players rarely type that exactly, so ask for a shorter "
        "answer or accept its key words",
        "23: question 'numbers': case_sensitive changes nothing, as no accepted answer has "
        "letters with a case; leave it out"]


def test_matching_findings(tmp_path):
    body = """\
  - id: roles
    type: matching
    prompt: Match each harbour master of the north side with a role.
    pairs:
      - {left: Ada, right: Harbour master of the north side}
      - {left: Customs officer Bo, right: Customs officer}
      - {left: Chen, right: Note-taker for both delegations}
    distractors: [Note-taker for both delegation]
    explanation: Because.""" + SOURCE + "\n"
    found = messages(write(tmp_path, body))
    assert found == [
        "8: question 'roles': the match 'Harbour master of the north side' appears in the "
        "prompt",
        "9: question 'roles': pair 2 gives itself away: 'Customs officer Bo' and 'Customs "
        "officer' share their words",
        "11: question 'roles': right items 3 and 4 are nearly the same; make them clearly "
        "different"]

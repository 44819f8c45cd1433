"""The `quiz` commands, driven through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.commands.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_validate_shipped_questions_is_clean():
    result = run("validate", "--strict", str(ROOT / "questions"))
    assert result.exit_code == 0, result.output


def test_validate_reports_each_error_with_its_line(write, bank_data):
    bank_data["questions"][0]["answer"] = 3
    bank_data["questions"][1]["answr"] = bank_data["questions"][1].pop("answer")
    path = write("bad.yaml", bank_data)
    result = run("validate", str(path))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert len(lines) == 3, result.output  # out of range, unknown field, missing answer
    assert all(":" in line.split(str(path))[1] for line in lines)
    assert "Traceback" not in result.output


def test_validate_warnings_fail_only_with_strict(write, bank_data):
    del bank_data["questions"][0]["explanation"]
    path = write("warn.yaml", bank_data)
    assert run("validate", str(path)).exit_code == 0
    strict = run("validate", "--strict", str(path))
    assert strict.exit_code == 1
    assert "warning: questions[0].id: question 'q1' has no explanation" in strict.output


def test_validate_folder_recurses(write, bank_data, tmp_path):
    write("a/b/c.yaml", bank_data)
    bank_data["questions"][0]["answer"] = 9
    write("a/d.json", json.dumps(bank_data))
    result = run("validate", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert "d.json:1:" in result.output
    assert "2 file(s): 1 valid" in result.output


def test_validate_empty_folder_and_missing_path(tmp_path):
    empty = run("validate", str(tmp_path))
    assert empty.exit_code == 1 and "no bank files" in empty.output
    missing = run("validate", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2
    assert missing.output == f"quiz: {tmp_path / 'nope.yaml'}: no such file or folder\n"


def test_schema_matches_shipped_copy():
    shipped = (ROOT / "docs" / "bank.schema.json").read_text(encoding="utf-8")
    assert schema_text("bank") == shipped, "run `make schema` to refresh docs/bank.schema.json"


def test_key_json_is_one_flat_list():
    result = run("key", str(ROOT / "questions"), "--format", "json")
    assert result.exit_code == 0
    entries = json.loads(result.output)
    by_id = {entry["id"]: entry for entry in entries}
    assert by_id["ex-jcs-hotline"]["answer"] == "A telephone line for top-level talks"
    assert by_id["ex-2013-agreements"]["answer"] == (
        "Anti-piracy operations; Peace-keeping missions; "
        "Consultation on joining each other's drills")
    assert by_id["ex-order-2013-2016"]["answer"].startswith("North Korea's third nuclear test →")
    assert by_id["ex-thaad-radar"]["answer"] == "2000 km"
    assert by_id["ex-first-talks-since-2007"]["answer"] == "True"
    for entry in entries:
        assert {"id", "prompt", "context", "answer", "explanation", "sources"} <= entry.keys()
        assert entry["sources"] and entry["explanation"]


def test_key_other_formats(write, bank_data):
    path = str(write("k.yaml", bank_data))
    text = run("key", path).output
    assert "Answer: B" in text and "Source: Paper, “Story”, 2016-11-08" in text
    rows = list(csv.DictReader(io.StringIO(run("key", path, "--format", "csv").output)))
    assert [row["answer"] for row in rows] == ["B", "True"]
    markdown = run("key", path, "--format", "markdown").output
    assert "- **Answer:** B" in markdown


def test_key_refuses_invalid_bank(write):
    result = run("key", str(write("x.yaml", "id: x\n")))
    assert result.exit_code == 1


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "quiz", "--help"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "validate" in result.stdout

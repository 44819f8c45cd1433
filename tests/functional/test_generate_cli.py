"""`quiz generate` end to end: output, determinism, the shipped copy, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = str(ROOT / "seeds")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_shipped_generated_bank_is_current():
    shipped = (ROOT / "questions" / "generated.yaml").read_text(encoding="utf-8")
    fresh = run("generate", "--seeds", SEEDS, "--seed", "2013")
    assert fresh.exit_code == 0
    body = shipped.split("\n", 1)[1]  # the shipped copy starts with the $schema line
    assert fresh.output == body, "run `make questions` to regenerate questions/generated.yaml"
    forecasts = (ROOT / "questions" / "predictions.yaml").read_text(encoding="utf-8")
    fresh = run("generate", "--seeds", SEEDS, "--seed", "2013", "--types", "predict")
    assert fresh.output == forecasts.split("\n", 1)[1], (
        "run `make questions` to regenerate questions/predictions.yaml")


def test_same_seed_same_bytes_and_different_seeds_differ():
    first = run("generate", "--seeds", SEEDS, "--seed", "5").output
    assert first == run("generate", "--seeds", SEEDS, "--seed", "5").output
    assert first != run("generate", "--seeds", SEEDS, "--seed", "6").output


def test_output_file_is_a_valid_lint_clean_bank_covering_events_worth_dating(tmp_path):
    out = tmp_path / "gen.json"
    result = run("generate", "--seeds", SEEDS, "--seed", "1", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert run("validate", "--strict", str(out)).exit_code == 0
    key = json.loads(run("key", str(out), "--format", "json").output)
    events = {entry["id"].split(".")[0] for entry in key}
    seed_text = (ROOT / "seeds" / "china-rok-defence.yaml").read_text(encoding="utf-8")
    import yaml

    wanted = {event["id"] for event in yaml.safe_load(seed_text)["events"] if "ask" in event
              and event.get("status", "happened") == "happened"}
    assert wanted and wanted <= events
    assert run("lint", str(out)).output.startswith("OK")
    assert all(entry["explanation"] and entry["sources"] for entry in key)


def test_types_option_filters_and_rejects_unknown_kinds():
    result = run("generate", "--seeds", SEEDS, "--types", "when,order")
    assert result.exit_code == 0
    assert "type: single_choice" in result.output and "type: ordering" in result.output
    assert "type: true_false" not in result.output
    bad = run("generate", "--seeds", SEEDS, "--types", "whom")
    assert bad.exit_code == 2 and "unknown kind 'whom'" in bad.output


def test_bad_seed_folder_reports_located_error(tmp_path):
    (tmp_path / "t.yaml").write_text("id: t\ntitle: T\nsources: []\nevents: []\n")
    result = run("generate", "--seeds", str(tmp_path))
    assert result.exit_code == 1
    assert "t.yaml:3:10: error: sources" in result.output


def test_empty_seed_folder(tmp_path):
    result = run("generate", "--seeds", str(tmp_path))
    assert result.exit_code == 1 and "no timeline files" in result.output


def test_output_is_not_half_written_when_generation_fails(tmp_path):
    out = tmp_path / "keep.yaml"
    out.write_text("previous contents\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "t.yaml").write_text("id: t\n")
    result = run("generate", "--seeds", str(tmp_path / "seeds"), "-o", str(out), "--force")
    assert result.exit_code == 1
    assert out.read_text() == "previous contents\n"

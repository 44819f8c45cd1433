"""Benchmark `quiz validate` against a bare libyaml parse of the same files, in one run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, print_table, time_call, time_process  # noqa: E402
from quiz.content.load import load_file  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
TYPES = ("single_choice", "multiple_select", "true_false", "ordering", "numeric")


def synthetic_question(n: int) -> dict:
    """A realistic question with context, explanation and a source, cycling the types."""
    kind = TYPES[n % len(TYPES)]
    question = {
        "id": f"q{n:06d}", "type": kind,
        "prompt": f"Which delegation raised concern {n} first?",
        "context": {"date": "November 2016", "place": "Seoul"},
        "explanation": f"Record {n} names the first delegation.",
        "sources": [{"outlet": "China Daily", "title": f"Report {n}", "date": "2016-11-08"}],
        "tags": ["thaad"],
    }
    choices = [f"Team {n}-{i}" for i in range(4)]
    if kind == "single_choice":
        question |= {"choices": choices, "answer": n % 4}
    elif kind == "multiple_select":
        question |= {"choices": choices, "answers": [0, 2]}
    elif kind == "true_false":
        question |= {"answer": n % 2 == 0}
    elif kind == "ordering":
        question |= {"items": [f"Step {n}-{i}" for i in range(4)]}
    else:
        question |= {"answer": 2000 + n, "tolerance": 5, "unit": "km"}
    return question


def write_banks() -> dict[tuple[int, str], Path]:
    """Write (or reuse) the synthetic banks; YAML at every size, JSON at 10k."""
    DATA.mkdir(exist_ok=True)
    paths = {}
    for size in SIZES:
        for suffix in (".yaml", ".json") if size == 10_000 else (".yaml",):
            path = DATA / f"bank-{size}{suffix}"
            if not path.exists():
                bank = {"id": f"bench-{size}", "title": f"{size} questions",
                        "questions": [synthetic_question(n) for n in range(size)]}
                text = (json.dumps(bank) if suffix == ".json"
                        else yaml.dump(bank, Dumper=yaml.CSafeDumper, sort_keys=False))
                path.write_text(text, encoding="utf-8")
            paths[size, suffix] = path
    return paths


def main() -> None:
    paths = write_banks()
    python = sys.executable
    rows = []
    per_question = {}
    for size in SIZES:
        path = paths[size, ".yaml"]
        repeats = 5 if size < 100_000 else 1  # one 100k parse takes tens of seconds
        bare = time_process([python, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], "
                             "'rb'), Loader=yaml.CSafeLoader)", str(path)], repeats)
        ours = time_process([python, "-m", "quiz", "validate", "-q", str(path)], repeats)
        per_question[size] = ours / size
        rows.append([f"{size:,}", f"{path.stat().st_size / 2**20:.1f} MiB",
                     f"{bare * 1000:.0f} ms", f"{ours * 1000:.0f} ms", f"{ours / bare:.2f}×",
                     f"{ours / size * 1e6:.1f} µs"])
    print("Whole process: `quiz validate` vs a bare `yaml.load(..., Loader=CSafeLoader)`\n")
    print_table(["questions", "YAML size", "bare parse", "quiz validate", "ratio",
                 "per question"], rows)
    json_path = paths[10_000, ".json"]
    bare_json = time_call(lambda: json.loads(json_path.read_bytes()), 7)
    in_process = time_call(lambda: load_file(json_path), 7)
    print("\nIn process, 10k-question JSON bank (target ≤ 150 ms):\n")
    print_table(["step", "time", "ratio"], [
        ["bare json.loads", f"{bare_json * 1000:.0f} ms", "1.00×"],
        ["load_file (parse + validate)", f"{in_process * 1000:.0f} ms",
         f"{in_process / bare_json:.2f}×"]])
    growth = per_question[100_000] / per_question[10_000]
    print(f"\nLinearity: per-question cost at 100k is {growth:.2f}× that at 10k "
          "(1.00× is perfectly linear).")


if __name__ == "__main__":
    main()

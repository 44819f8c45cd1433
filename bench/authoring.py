"""`make bench-authoring`: lint, GIFT export and GIFT import as whole processes, against
`quiz validate` of the same bank (the load every one of them starts with), in one run."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DATA, print_table, time_process  # noqa: E402
from bench.validate import synthetic_question  # noqa: E402

SIZES = (1_000, 10_000)


def bank_file(size: int) -> Path:
    path = DATA / f"authoring-{size}.json"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        questions = [synthetic_question(n) for n in range(size)]
        path.write_text(json.dumps({"id": f"a{size}", "title": f"{size} questions",
                                    "questions": questions}), encoding="utf-8")
    return path


def main() -> None:
    quiz = [sys.executable, "-m", "quiz"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            bank = bank_file(size)
            gift = Path(folder) / f"{size}.gift"
            repeats = 5 if size <= 1_000 else 3
            bare = time_process(quiz + ["validate", "-q", str(bank)], repeats)
            steps = {
                "quiz lint": quiz + ["lint", str(bank)],
                "quiz export --format gift": quiz + ["export", str(bank), "--format", "gift",
                                                     "-o", str(gift), "--force"],
            }
            timed = {name: time_process(argv, repeats) for name, argv in steps.items()}
            timed["quiz import (GIFT → YAML)"] = time_process(
                quiz + ["import", str(gift), "-o", str(Path(folder) / "back.yaml"), "--force"],
                repeats)
            rows.append([f"{size:,}", "quiz validate (baseline)", f"{bare * 1000:.0f} ms",
                         "1.00×"])
            for name, seconds in timed.items():
                rows.append([f"{size:,}", name, f"{seconds * 1000:.0f} ms",
                             f"{seconds / bare:.2f}×"])
    print("Whole processes, median of repeated runs; the import reads the GIFT the export "
          "wrote (ordering questions, a fifth of the bank, have no GIFT form)\n")
    print_table(["questions", "command", "time", "vs validate"], rows)


if __name__ == "__main__":
    main()

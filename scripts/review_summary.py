"""Join a blind review's verdicts with the hidden key: rates per criterion and per kind."""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

CRITERIA = ["key", "one_answer", "english", "not_guessable", "worth", "explanation", "keep"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("verdicts", type=Path, help="the reviewer's verdicts.tsv")
    parser.add_argument("key", type=Path, help="the key.json written with the sample")
    args = parser.parse_args()
    key = json.loads(args.key.read_text(encoding="utf-8"))
    with args.verdicts.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row.get("item")]
    totals = {c: sum(int(row[c]) for row in rows) for c in CRITERIA}
    print(f"{len(rows)} items")
    print("| criterion | pass |\n|---|---|")
    for criterion in CRITERIA:
        print(f"| {criterion} | {totals[criterion]}/{len(rows)} |")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_kind[key[row["item"].strip()]["kind"]].append(int(row["keep"]))
    print("\n| kind | kept |\n|---|---|")
    for kind, kept in sorted(by_kind.items()):
        print(f"| {kind} | {sum(kept)}/{len(kept)} |")
    print("\nRejected:")
    for row in rows:
        if row["keep"].strip() == "0":
            entry = key[row["item"].strip()]
            print(f"- item {row['item']} ({entry['kind']}, {entry['id']}): {row['reason']}")


if __name__ == "__main__":
    main()

"""Draw a blind, stratified review sample of generated questions (docs/content-review.md)."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quiz.content.generate import generate  # noqa: E402
from quiz.content.key import answer_text, context_text  # noqa: E402
from quiz.content.load import load_timeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default="seeds/china-rok-defence.yaml")
    parser.add_argument("--generator-seeds", default="1,2", help="generate with these seeds")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--kinds", default=None,
                        help="comma-separated kinds (default: what `quiz generate` makes); "
                             "add predict to review forecasts too")
    parser.add_argument("--out", type=Path, required=True, help="the blind sample (Markdown)")
    parser.add_argument("--key", type=Path, required=True, help="item → id and kind (JSON)")
    args = parser.parse_args()
    timeline = load_timeline(args.seeds)
    by_kind: dict[str, list] = defaultdict(list)
    for seed in (int(s) for s in args.generator_seeds.split(",")):
        generated = generate(timeline, seed, *([args.kinds.split(",")] if args.kinds else []))
        for question in generated.bank.questions:
            by_kind[generated.drafts[question.id].kind].append((seed, question))
    rng = random.Random(0)
    for items in by_kind.values():
        rng.shuffle(items)
    # Stratified: every kind gets its share of the sample, rounding up, then trimmed.
    total = sum(len(v) for v in by_kind.values())
    picked = []
    for kind, items in sorted(by_kind.items()):
        share = max(1, round(args.size * len(items) / total))
        picked += [(kind, seed, q) for seed, q in items[:share]]
    leftovers = [(kind, seed, q) for kind, items in sorted(by_kind.items())
                 for seed, q in items if (kind, seed, q) not in picked]
    rng.shuffle(leftovers)
    picked += leftovers[:max(0, args.size - len(picked))]  # rounding left it short
    rng.shuffle(picked)
    picked = picked[:args.size]
    lines, key = ["# Blind review sample", ""], {}
    for number, (kind, seed, question) in enumerate(picked, 1):
        lines.append(f"## Item {number}")
        lines.append(f"- Scene: {context_text(question.context)}")
        lines.append(f"- Question ({question.type.replace('_', ' ')}): {question.prompt}")
        for index, choice in enumerate(getattr(question, "choices", None)
                                       or getattr(question, "items", None) or []):
            lines.append(f"  {chr(65 + index)}. {choice}")
        lines.append(f"- Key: {answer_text(question)}")
        lines.append(f"- Explanation: {question.explanation}")
        lines.append(f"- Sources cited: {'; '.join(s.citation() for s in question.sources)}")
        lines.append("")
        key[number] = {"id": question.id, "kind": kind, "seed": seed}
    args.out.write_text("\n".join(lines), encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1), encoding="utf-8")
    kinds = {kind: len(items) for kind, items in by_kind.items()}
    print(f"{len(picked)} items from {total} generated {kinds}")


if __name__ == "__main__":
    main()

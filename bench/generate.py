"""Benchmark `generate` on the shipped seeds and on synthetic timelines of 1k and 10k events."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import print_table, time_call  # noqa: E402
from quiz.content.generate import generate  # noqa: E402
from quiz.content.load import load_timeline  # noqa: E402
from quiz.model.bank import Bank  # noqa: E402
from quiz.model.events import Timeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VERBS = [("raised", "raise"), ("agreed to", "agree to"), ("suspended", "suspend"),
         ("cancelled", "cancel"), ("signed", "sign"), ("visited", "visit"),
         ("met with", "meet with")]
OBJECTS = ["a hotline", "the dialogue", "joint drills", "a treaty", "the summit", "an exchange",
           "the radar plan", "a port call", "the talks", "a visit"]


def synthetic_timeline(size: int, seed: int = 1) -> Timeline:
    """A timeline shaped like the shipped one: 1 actor per 10 events, links to recent events."""
    rnd = random.Random(seed)
    kinds = [("person", "minister"), ("person", "researcher"), ("state", "state"),
             ("media", "outlet"), ("organisation", "ministry")]
    actors = []
    for i in range(max(20, size // 10)):
        kind, category = kinds[i % len(kinds)]
        year = 2000 + i % 20
        actors.append({"id": f"a{i}", "name": f"Actor {i}", "kind": kind, "category": category,
                       "roles": [{"title": "Office", "start": str(year), "end": str(year + 3)}]
                       if kind == "person" else []})
    events = []
    for i in range(size):
        date = f"{2000 + (i * 20) // size:04d}-{rnd.randint(1, 12):02d}"
        subject = rnd.choice(actors)
        verb, verb_base = rnd.choice(VERBS)
        event = {
            "id": f"e{i}", "title": f"Event {i}", "date": date, "summary": f"Summary {i}.",
            "sources": ["s0"], "place": f"City {rnd.randint(0, 30)}",
            "clause": f"something numbered {i} happened", "ask": f"did event {i} happen",
            "noun": f"the happening numbered {i}", "significance": f"Why {i} matters.",
            "alternatives": [f"outcome {i}a", f"outcome {i}b", f"outcome {i}c"],
            "fact": {"subject": subject["id"], "verb": verb, "verb_base": verb_base,
                     "object": f"{rnd.choice(OBJECTS)} number {i}", "object_kind": "thing",
                     "foils": [f"foil {i}x", f"foil {i}y"]},
            "actors": [{"actor": rnd.choice(actors)["id"], "part": "reported"}],
            "claims": [{"speaker": rnd.choice(actors)["id"], "said": f"claim {i} holds"}],
        }
        if i % 4 == 0:
            event["numbers"] = [{"value": rnd.randint(1, 900), "what": f"measure {i}"}]
        if i > 5 and i % 3 == 0:
            event["caused_by"] = [{"event": f"e{i - rnd.randint(1, 5)}", "source": "s0",
                                   "cue": "as a result of"}]
        events.append(event)
    return Timeline.model_validate({
        "id": f"synthetic-{size}", "title": "Synthetic",
        "sources": [{"id": "s0", "outlet": "Paper", "title": "Story", "date": "2020"}],
        "places": [{"name": f"City {n}", "kind": "city"} for n in range(31)],
        "actors": actors, "events": events})


def main() -> None:
    shipped = load_timeline(ROOT / "seeds" / "china-rok-defence.yaml")
    rows = []
    per_event = {}
    for name, timeline, repeats in [
        ("shipped seeds", shipped, 15),
        ("synthetic 1k", synthetic_timeline(1_000), 5),
        ("synthetic 10k", synthetic_timeline(10_000), 3),
    ]:
        count = len(timeline.events)
        start = time.perf_counter()
        bank = generate(timeline, 1).bank
        first = time.perf_counter() - start
        seconds = min(first, time_call(lambda t=timeline: generate(t, 1), repeats))
        # The bare baseline: building the very same bank from plain data, templates aside.
        data = bank.model_dump()
        bare = time_call(lambda d=data: Bank.model_validate(d), repeats)
        per_event[name] = seconds / count
        rows.append([name, f"{count:,}", f"{len(bank.questions):,}", f"{bare * 1000:.1f} ms",
                     f"{seconds * 1000:.1f} ms", f"{seconds / bare:.1f}×",
                     f"{seconds / count * 1e6:.0f} µs"])
    print("In process: `generate(timeline, seed)` against building the same bank from plain "
          "data\n(target ≤ 100 ms for the shipped seeds)\n")
    print_table(["timeline", "events", "questions", "bare bank build", "generate", "ratio",
                 "per event"], rows)
    growth = per_event["synthetic 10k"] / per_event["synthetic 1k"]
    print(f"Linearity: per-event cost at 10k is {growth:.2f}× that at 1k "
          "(1.00× is perfectly linear).")


if __name__ == "__main__":
    main()

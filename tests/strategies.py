"""Hypothesis strategies that build valid banks as plain data."""

from __future__ import annotations

import os

from hypothesis import strategies as st


def examples(thorough: int) -> int:
    """How many examples a costly property test runs: `thorough` under the thorough profile
    (CI), a quarter of it under the default quick profile (see tests/conftest.py)."""
    if os.environ.get("HYPOTHESIS_PROFILE", "quick") == "thorough":
        return thorough
    return max(10, round(thorough / 4))

WORDS = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                           exclude_characters="\x85\u2028\u2029"),
    min_size=0, max_size=30,
)


@st.composite
def text(draw) -> str:
    """Non-blank text: at least one letter, with arbitrary printable neighbours."""
    letter = draw(st.characters(categories=("L",), codec="utf-8"))
    return (draw(WORDS) + letter + draw(WORDS)).strip() or letter


ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
dates = st.builds(
    lambda y, m, d, precision: f"{y:04d}" + (f"-{m:02d}" if precision > 0 else "")
    + (f"-{d:02d}" if precision > 1 else ""),
    st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28), st.integers(0, 2),
)
sources = st.fixed_dictionaries(
    {"outlet": text(), "title": text(), "date": dates},
    optional={"author": text(), "url": st.just("https://example.org/a")},
)


def _distinct_texts(min_size: int, max_size: int):
    return st.lists(text(), min_size=min_size, max_size=max_size,
                    unique_by=lambda t: " ".join(t.split()).casefold())


def _common(qid: str, kind: str) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {"id": st.just(qid), "type": st.just(kind), "prompt": text()},
        optional={
            "explanation": text(),
            "sources": st.lists(sources, max_size=2),
            "difficulty": st.sampled_from(["easy", "medium", "hard"]),
            "tags": st.lists(st.from_regex(r"[a-z][a-z0-9 ]{0,10}", fullmatch=True),
                             max_size=3),
            "points": st.integers(1, 100),
            "time_limit": st.integers(1, 120),
            "context": st.fixed_dictionaries({}, optional={"date": text(), "place": text(),
                                                           "role": text()}),
        },
    )


RECALL_KINDS = ("single_choice", "multiple_select", "true_false", "ordering", "numeric")
KINDS = RECALL_KINDS
"""The types every part of the project has long handled, GIFT round trips included."""
ALL_KINDS = KINDS + ("short_answer", "matching")
"""KINDS and the typed-answer and matching types of issue 15."""
SCENARIO_KINDS = RECALL_KINDS + ("decision", "predict")
"""With decisions (never a `goto`, so any order is a valid scenario) and predictions."""


def _folded_texts(min_size: int, max_size: int):
    from quiz.model.folding import folded

    return st.lists(text(), min_size=min_size, max_size=max_size,
                    unique_by=folded).filter(lambda texts: all(map(folded, texts)))


@st.composite
def short_answer(draw, data: dict) -> dict:
    """A short answer's accepted answers, some with feedback, and maybe case-sensitive."""
    texts = draw(_folded_texts(1, 4))
    data["answers"] = [draw(st.sampled_from([t, {"text": t}, {"text": t, "feedback": "ok"}]))
                       for t in texts]
    if draw(st.booleans()):
        data["case_sensitive"] = draw(st.booleans())
    return data


@st.composite
def matching(draw, data: dict) -> dict:
    """Two to six pairs, maybe with distractors; left and right items distinct once folded."""
    lefts = draw(_folded_texts(2, 6))
    rights = draw(_folded_texts(len(lefts), len(lefts) + 2))
    data["pairs"] = [{"left": left, "right": right} for left, right in zip(lefts, rights,
                                                                            strict=False)]
    if rights[len(lefts):]:
        data["distractors"] = rights[len(lefts):]
    return data


@st.composite
def question(draw, qid: str, kinds: tuple[str, ...] = KINDS) -> dict:
    """One valid question of one of `kinds`."""
    kind = draw(st.sampled_from(kinds))
    data = draw(_common(qid, kind))
    if kind == "short_answer":
        return draw(short_answer(data))
    if kind == "matching":
        return draw(matching(data))
    if kind == "decision":
        texts = draw(_distinct_texts(2, 4))
        actual = draw(st.none() | st.integers(0, len(texts) - 1))
        data["options"] = [{"text": each, "consequence": draw(text()),
                            **({"actual": True, "sources": draw(st.lists(sources, max_size=2))}
                               if n == actual else {})} for n, each in enumerate(texts)]
    elif kind == "predict":
        data["choices"] = draw(_distinct_texts(2, 4))
        data["answer"] = draw(st.integers(0, len(data["choices"]) - 1))
    elif kind in ("single_choice", "multiple_select"):
        choices = draw(_distinct_texts(2, 6))
        data["choices"] = choices
        if kind == "single_choice":
            data["answer"] = draw(st.integers(0, len(choices) - 1))
        else:
            data["answers"] = draw(st.lists(st.integers(0, len(choices) - 1), min_size=1,
                                            unique=True))
    elif kind == "true_false":
        data["answer"] = draw(st.booleans())
    elif kind == "ordering":
        data["items"] = draw(_distinct_texts(2, 6))
    else:
        data["answer"] = draw(st.floats(-1e9, 1e9, allow_nan=False))
        data["tolerance"] = draw(st.floats(0, 1e3, allow_nan=False))
        others = draw(st.lists(st.floats(-1e9, 1e9, allow_nan=False), max_size=2,
                               unique=True).filter(lambda values: data["answer"] not in values))
        if others:
            data["other_answers"] = [{"answer": value} for value in others]
        if draw(st.booleans()):
            data["unit"] = draw(text())
    return data


@st.composite
def bank(draw, kinds: tuple[str, ...] = RECALL_KINDS) -> dict:
    """A valid bank with free-standing questions and up to two scenarios."""
    n_free = draw(st.integers(0, 4))
    n_scenarios = draw(st.integers(0 if n_free else 1, 2))
    counter = iter(range(10_000))
    data = {"id": draw(ids), "title": draw(text())}
    data["questions"] = [draw(question(f"q{next(counter)}", kinds)) for _ in range(n_free)]
    data["scenarios"] = [
        {"id": f"s{i}", "title": draw(text()), "briefing": draw(text()),
         "questions": [draw(question(f"q{next(counter)}", kinds))
                       for _ in range(draw(st.integers(1, 3)))]}
        for i in range(n_scenarios)
    ]
    return data


# ── Random timelines for the generator's properties ─────────────────────────

CATEGORIES = {"person": ["minister", "general", "researcher"], "state": ["state"],
              "organisation": ["ministry", "institute"], "media": ["outlet"]}
VERBS = [("raised", "raise"), ("agreed to", "agree to"), ("suspended", "suspend"),
         ("cancelled", "cancel"), ("signed", "sign"), ("visited", "visit")]
OBJECTS = ["a hotline", "the dialogue", "joint drills", "a treaty", "the summit",
           "an exchange", "the radar plan", "a port call"]
FOILS = ["a naval base", "a trade pact", "a space programme", "an arms embargo"]
PLACES = [("Seoul", "city"), ("Beijing", "city"), ("Tokyo", "city"), ("Hanoi", "city"),
          ("Busan", "city"), ("Vietnam", "country"), ("Peru", "country")]
CUES = ["as a result of", "in response to", "because of"]
SOURCE_KINDS = [None, *["news report"] * 4, "wire report", "opinion piece", "opinion piece",
                "editorial", "analysis", "interview", "official statement", "press release",
                "reference"]
OUTLETS = ["The Paper", "The Courier", "The Herald", "The Gazette", "The Ledger"]
BASES = ["own-reporting", "other-outlet", "unnamed-source", "unattributed-quotation",
         "named-speaker", "statement-to-outlet", "opinion"]


@st.composite
def source_record(draw, index: int) -> dict:
    """A timeline source with a kind, what it is about, and what its printed date marks."""
    date = draw(st.sampled_from(["2099", "2100", draw(dates)]))
    source = {"id": f"s{index}", "outlet": OUTLETS[index], "title": f"Story {index}",
              "date": date}
    if kind := draw(st.sampled_from(SOURCE_KINDS)):
        source["kind"] = kind
    if draw(st.integers(0, 4)):
        source["about"] = f"story {index} of the paper"
    if draw(st.booleans()):
        source["named"] = f"paper {index}'s story"
    if draw(st.booleans()):
        source["kind_note"] = f"Its kind shows in paragraph {index}."
    if draw(st.integers(0, 3)):
        marks = draw(st.sampled_from(["publication", "update", "page"]))
        source["printed"] = {"date": date, "marks": marks}
        if marks == "page" and draw(st.booleans()):
            year = int(date[:4])
            first = draw(st.integers(max(1900, year - 12), year))
            source["written"] = {"earliest": f"{first}-{draw(st.integers(1, 12)):02d}",
                                 "latest": f"{first}-12"}
            source["date_note"] = "Its content dates it."
            source["printed"]["date"] = f"{max(year, first + 1)}"
    return source


def _attribution(draw, i: int, actors: list[dict]) -> dict:
    """A claim path of any basis, with what that basis needs."""
    basis = draw(st.sampled_from(BASES))
    attribution = {"basis": basis}
    media = [a for a in actors if a["kind"] == "media"]
    if basis == "other-outlet" or (basis in ("unnamed-source", "named-speaker")
                                   and media and draw(st.booleans())):
        if not media:
            return {"basis": "own-reporting", "claim": f"{i} claims held"}
        attribution["outlet"] = draw(st.sampled_from(media))["id"]
    if basis in ("named-speaker", "statement-to-outlet") or (
            basis == "unnamed-source" and draw(st.booleans())):
        attribution["speaker"] = draw(st.sampled_from(actors))["id"]
    if draw(st.integers(0, 5)):
        attribution["claim"] = f"{i} claims held"
    if draw(st.booleans()):
        attribution["note"] = "A careful reader should know this."
    return attribution


@st.composite
def timeline(draw) -> dict:
    """A valid timeline with random actors, facts, phrase forms, claims, numbers, places,
    date spans, statuses and stated causal links."""
    n_actors = draw(st.integers(2, 9))
    actors = []
    for i in range(n_actors):
        kind = draw(st.sampled_from(list(CATEGORIES)))
        actor = {"id": f"a{i}", "name": f"Actor {i}", "kind": kind,
                 "category": draw(st.sampled_from(CATEGORIES[kind]))}
        if kind == "person" and draw(st.booleans()):
            year = draw(st.integers(2005, 2020))
            actor["roles"] = [{"title": "Official", "start": str(year),
                               "end": str(year + draw(st.integers(0, 4)))}]
        if draw(st.integers(0, 5)) == 0:
            actor["anonymous"] = True
        actors.append(actor)
    n_events = draw(st.integers(1, 12))
    events = []
    for i in range(n_events):
        event = {"id": f"e{i}", "title": f"Event number {i}", "summary": draw(text()),
                 "sources": draw(st.sampled_from([["s0"], ["s1"], ["s2"], ["s1", "s0"]]))}
        first = draw(dates)
        if draw(st.integers(0, 3)) == 0:
            event["date"] = {"earliest": first,
                             "latest": str(int(first[:4]) + draw(st.integers(0, 1)))
                             + first[4:]}
        else:
            event["date"] = first
        event["status"] = draw(st.sampled_from(["happened"] * 4 + ["planned", "in-doubt"]))
        if draw(st.booleans()):
            event["clause"] = f"something numbered {i} happened"
            event["ask"] = f"did something numbered {i} happen"
            event["noun"] = f"the happening numbered {i}"
        if draw(st.booleans()):
            verb, base = draw(st.sampled_from(VERBS))
            fact = {"subject": draw(st.sampled_from(actors))["id"], "verb": verb,
                    "object": draw(st.sampled_from(OBJECTS + [None]))}
            if fact["object"] and draw(st.booleans()):
                fact.update(verb_base=base, object_kind="thing",
                            foils=draw(st.lists(st.sampled_from(FOILS + OBJECTS),
                                                max_size=3, unique=True)))
            event["fact"] = fact
        if draw(st.booleans()):
            event["place"] = draw(st.sampled_from(PLACES))[0]
        if draw(st.booleans()):
            event["numbers"] = [{"value": draw(st.integers(0, 5000)), "what": f"measure {i}",
                                 "unit": draw(st.sampled_from([None, "km", "days"])),
                                 "question": f"How big was measure {i}?"}]
        if draw(st.booleans()):
            event["claims"] = [{"speaker": draw(st.sampled_from(actors))["id"],
                                "said": draw(st.sampled_from(OBJECTS)) + " mattered"}]
        if draw(st.booleans()):
            reporter = draw(st.sampled_from(actors))
            event["actors"] = [{"actor": reporter["id"], "part": "reported"}]
            if reporter["kind"] == "media" and draw(st.booleans()):
                event["attribution"] = {"basis": "other-outlet", "outlet": reporter["id"]}
        if "attribution" not in event and draw(st.integers(0, 2)):
            event["attribution"] = _attribution(draw, i, actors)
        if i and draw(st.booleans()):
            event["caused_by"] = [{"event": f"e{draw(st.integers(0, i - 1))}", "source": "s0",
                                   "cue": draw(st.sampled_from(CUES))}]
        if draw(st.booleans()):
            event["alternatives"] = draw(st.lists(st.sampled_from(FOILS), min_size=2,
                                                  max_size=4, unique=True))
        if draw(st.booleans()):
            event["date_basis"] = "inferred"
            event["date_note"] = "worked out from the article"
        events.append(event)
    sources = [draw(source_record(n)) for n in range(draw(st.integers(3, 5)))]
    _premature_reports(draw, events, sources)
    return {"id": "random", "title": "Random timeline", "sources": sources,
            "places": [{"name": name, "kind": kind} for name, kind in PLACES],
            "actors": actors, "events": events}


def _premature_reports(draw, events: list[dict], sources: list[dict]) -> None:
    """Some events become claims that ran ahead of a later event: reported in a source
    dated before that event."""
    targets: set[str] = set()
    for claimed in events:
        if claimed["id"] in targets or draw(st.integers(0, 2)):
            continue
        later = draw(st.sampled_from(events))
        first = later["date"]["earliest"] if isinstance(later["date"], dict) else later["date"]
        earlier = [s for s in sources if s["date"] < first[:len(s["date"])]]
        if later is claimed or later.get("status", "happened") != "happened" or not earlier:
            continue
        targets.add(later["id"])
        claimed.update(status="claimed", ahead_of=later["id"],
                       sources=[draw(st.sampled_from(earlier))["id"]])
        claimed.setdefault("attribution", {"basis": "unnamed-source"})
        claimed["attribution"].setdefault("claim", f"{claimed['id']} claims held")
        if draw(st.booleans()):
            later["noun"] = f"the happening named {later['id']}"

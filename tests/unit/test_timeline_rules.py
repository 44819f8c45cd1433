"""The timeline model's rules, and located errors for broken or fuzzed seed files."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from quiz.content.load import load_file
from quiz.content.problems import LoadError
from quiz.model.events import Timeline

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "china-rok-defence.yaml"

MINIMAL = {
    "id": "t", "title": "T",
    "sources": [{"id": "s", "outlet": "O", "title": "T", "date": "2016"}],
    "actors": [{"id": "a", "name": "A", "kind": "person", "category": "c"}],
    "events": [{"id": "e1", "title": "One", "date": "2016-07", "summary": "S",
                "sources": ["s"], "actors": [{"actor": "a", "part": "met"}]},
               {"id": "e2", "title": "Two", "date": "2016-08", "summary": "S",
                "sources": ["s"],
                "caused_by": [{"event": "e1", "source": "s", "cue": "as a result of"}]}],
}


def first_error(data: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        Timeline.model_validate(data)
    return caught.value.errors()[0]


@pytest.fixture
def data() -> dict:
    return copy.deepcopy(MINIMAL)


def test_minimal_timeline_is_valid(data):
    assert Timeline.model_validate(data).events[0].precision == "month"


@pytest.mark.parametrize(("path", "value", "fragment"), [
    (("events", 0, "actors", 0, "actor"), "nobody", "no actor with id 'nobody'"),
    (("events", 1, "caused_by", 0, "event"), "e9", "no event with id 'e9'"),
    (("events", 1, "caused_by", 0, "source"), "s9", "no source with id 's9'"),
    (("events", 0, "sources", 0), "s9", "no source with id 's9'"),
    (("events", 1, "title"), "one", "event title 'one' is already used"),
])
def test_references_and_duplicates(data, path, value, fragment):
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    error = first_error(data)
    assert fragment in error["msg"]
    assert error["ctx"]["at"] == path


def test_duplicate_event_ids(data):
    del data["events"][1]["caused_by"]
    data["events"][1]["id"] = "e1"
    error = first_error(data)
    assert "event id 'e1' is already used at events[0]" in error["msg"]
    assert error["ctx"]["at"] == ("events", 1, "id")


def test_inferred_date_needs_a_note(data):
    data["events"][0]["date_basis"] = "inferred"
    assert first_error(data)["type"] == "inferred_without_note"


def test_date_span_and_report_date(data):
    data["events"][0]["date"] = {"earliest": "2016-07", "latest": "2017-01-09"}
    data["events"][0]["reported"] = "2017-01-09"
    event = Timeline.model_validate(data).events[0]
    assert (event.earliest, event.latest, event.ranged, event.precision) == (
        "2016-07", "2017-01-09", True, "month")


def test_span_backwards_and_report_before_event_are_rejected(data):
    data["events"][0]["date"] = {"earliest": "2017-02", "latest": "2016-07"}
    assert first_error(data)["type"] == "span_backwards"
    data["events"][0]["date"] = "2016-07"
    data["events"][0]["reported"] = "2016-06"
    assert first_error(data)["type"] == "reported_before"


def test_part_of_and_place_must_resolve(data):
    data["events"][1]["part_of"] = "nothing"
    assert "no event with id 'nothing'" in first_error(data)["msg"]
    del data["events"][1]["part_of"]
    data["places"] = [{"name": "Seoul", "kind": "city"}]
    data["events"][1]["place"] = "Atlantis"
    assert "not in the timeline's places" in first_error(data)["msg"]


def test_a_causal_link_needs_its_source_and_wording(data):
    del data["events"][1]["caused_by"][0]["cue"]
    assert first_error(data)["type"] == "missing"


def test_shipped_causal_links_are_stated_by_a_source_the_event_cites():
    timeline = load_file(SEED).model
    events = timeline.event_index()
    for event in timeline.events:
        for link in event.led_to:
            cited = set(event.sources) | set(events[link.event].sources)
            assert link.source in cited, (event.id, link.event)


def test_an_event_after_all_its_sources_is_flagged_unless_planned(tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["events"][0]["date"] = "2018-03"
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert any("dated after every source" in w.message for w in load_file(path).warnings)
    data["events"][0]["status"] = "planned"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert not load_file(path).warnings


def test_a_premature_report_needs_a_claimed_status_and_a_later_event(data):
    data["events"][1]["ahead_of"] = "e1"
    assert first_error(data)["type"] == "ahead_of_unclaimed"
    data["events"][0].update(status="claimed", ahead_of="e9")
    del data["events"][1]["ahead_of"]
    assert "no event with id 'e9'" in first_error(data)["msg"]
    data["events"][0]["ahead_of"] = "e2"  # a report dated only 2016 may postdate August 2016
    error = first_error(data)
    assert "not dated after the report" in error["msg"]
    assert error["ctx"]["at"] == ("events", 0, "ahead_of")
    data["sources"][0]["date"] = "2016-07"
    assert Timeline.model_validate(data).events[0].ahead_of == "e2"


@pytest.mark.parametrize(("attribution", "kind"), [
    ({"basis": "other-outlet"}, "path_without_outlet"),
    ({"basis": "named-speaker"}, "path_without_speaker"),
    ({"basis": "statement-to-outlet", "outlet": "a"}, "path_without_speaker"),
])
def test_a_claim_path_names_what_it_needs(data, attribution, kind):
    data["events"][0]["attribution"] = attribution
    assert first_error(data)["type"] == kind


def test_a_date_from_the_content_is_explained_and_precedes_the_page(data):
    source = data["sources"][0]
    source["written"] = {"earliest": "2016-11", "latest": "2016-12"}
    assert first_error(data)["type"] == "written_without_note"
    source["date_note"] = "It treats a December meeting as still to come."
    source["printed"] = {"date": "2016-10-01", "marks": "page"}
    assert first_error(data)["type"] == "page_before_writing"
    source["printed"] = {"date": "2021-07-27", "marks": "page"}
    assert Timeline.model_validate(data).sources[0].printed.marks == "page"


def test_shipped_sources_record_their_kind_and_claim_paths_their_claims():
    timeline = load_file(SEED).model
    assert {s.id: s.kind for s in timeline.sources} == {
        "herald-2013": "news report", "opinion-2015": "opinion piece",
        "chinadaily-2016": "news report", "globaltimes-2017": "news report",
        "sputnik-2017": "analysis"}
    events = timeline.event_index()
    assert events["thaad-reportedly-deployed-2015"].ahead_of == "thaad-decision-2016"
    assert events["mnd-mutual-respect-2017"].attribution.basis == "statement-to-outlet"
    for event in timeline.events:
        if event.attribution and event.attribution.basis != "own-reporting":
            assert event.attribution.basis == "opinion" or (
                event.attribution.speaker or event.attribution.outlet
                or event.attribution.basis == "unattributed-quotation"), event.id


def test_unknown_part_is_rejected(data):
    data["events"][0]["actors"][0]["part"] = "danced"
    assert first_error(data)["type"] == "literal_error"


def test_shipped_seed_is_valid_without_warnings():
    loaded = load_file(SEED)
    assert loaded.kind == "timeline" and not loaded.warnings
    assert len(loaded.model.events) >= 40


def test_every_shipped_event_cites_a_source_with_a_date():
    timeline = load_file(SEED).model
    sources = timeline.source_index()
    for event in timeline.events:
        assert all(sources[s].date for s in event.sources)
        if event.date_basis == "inferred":
            assert event.date_note


def test_broken_seed_error_is_located(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("part: raised", "part: rased", 1)
    path = tmp_path / "seed.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    (problem,) = caught.value.problems
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "part: rased" in row)
    assert problem.line == line and "rased" in problem.message


SEED_TEXT = SEED.read_text(encoding="utf-8")


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32))
def test_fuzzed_seed_files_get_located_errors_only(tmp_path, seed):
    rnd = random.Random(seed)
    lines = SEED_TEXT.splitlines(keepends=True)
    for _ in range(rnd.randint(1, 5)):
        index = rnd.randrange(len(lines))
        action = rnd.choice(["drop", "dup", "indent", "garble", "swap"])
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "garble":
            line = lines[index]
            cut = rnd.randrange(len(line) + 1)
            lines[index] = line[:cut] + rnd.choice([":", "- ", "[", "'", "x", "{"]) + line[cut:]
        else:
            other = rnd.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
    path = tmp_path / "fuzzed.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    try:
        load_file(path)
    except LoadError as error:
        assert all(p.line >= 1 and p.col >= 1 for p in error.problems)


"""Source-criticism questions and claim paths on the shipped timeline: each key is what the
articles support, and feedback shows how each claim reached its article."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.generate import generate
from quiz.content.generate.core import DEFAULT_KINDS
from quiz.content.load import load_timeline
from quiz.model.questions import MultipleSelect, SingleChoice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def timeline():
    return load_timeline(ROOT / "seeds" / "china-rok-defence.yaml")


@pytest.fixture(scope="module", params=[1, 2013])
def generated(request, timeline):
    return generate(timeline, request.param)


def keys(question) -> set[str]:
    indices = [question.answer] if isinstance(question, SingleChoice) else question.answers
    return {question.choices[i] for i in indices}


def by_id(generated, qid: str):
    return next(q for q in generated.bank.questions if q.id == qid)


def test_source_questions_are_made_by_default():
    assert "source" in DEFAULT_KINDS


def test_unnamed_sources_in_the_global_times_are_joongangs_official(generated, timeline):
    question = by_id(generated, "globaltimes-2017.source-unnamed")
    assert isinstance(question, MultipleSelect)
    events = timeline.event_index()
    assert keys(question) == {
        events[e].attribution.claim[0].upper() + events[e].attribution.claim[1:]
        for e in ("official-interactions-halt-2016", "seven-events-cancelled-2016")}
    # the quotation with no speaker could be the same official talking on: never offered
    assert not any("hotline" in choice for choice in question.choices)
    assert "quoted by JoongAng Daily" in question.explanation


def test_reportedly_is_an_unnamed_source_in_the_opinion_piece(generated):
    question = by_id(generated, "opinion-2015.source-unnamed")
    assert keys(question) == {"The US THAAD missile-defence system had been deployed in "
                              "South Korea"}
    assert "'reportedly'" in question.explanation


def test_the_opinion_piece_is_the_one_opinion_among_news_reports(generated):
    question = by_id(generated, "source-opinion")
    assert keys(question) == {"The article on Chang Wanquan's visit to Seoul"}
    # Sputnik's interview-based analysis is not offered: it could be called opinion
    assert not any("Wang Yi" in choice for choice in question.choices)


def test_the_premature_report_is_thaad_reportedly_deployed(generated):
    question = by_id(generated, "thaad-reportedly-deployed-2015.source-premature")
    (key,) = keys(question)
    assert key.startswith("February 2015: the US THAAD")
    assert "came only in July 2016" in question.explanation
    # no wrong option is someone's view: only things reported as done, which had happened
    assert not any("Karneev" in c or "would" in c for c in question.choices)


def test_page_dates_against_article_dates(generated):
    printed = by_id(generated, "source-printed")
    assert keys(printed) == {"The article on the suspended vice-ministerial defence dialogue",
                             "The article on the meeting of Wang Yi and Kang Kyung-wha"}
    assert "'Updated' stamp" in printed.explanation and "27 July 2021" in printed.explanation
    written = by_id(generated, "sputnik-2017.source-written")
    assert keys(written) == {"2017"} and "2021" in written.choices
    assert "2019" not in written.choices  # after every source: the sources cannot rule it out


@pytest.mark.parametrize(("qid", "path"), [
    ("seven-events-cancelled-2016.how-many.0",
     "Source: the Global Times (news report), 9 January 2017 \u2190 JoongAng Daily \u2190 an "
     "unnamed South Korean government source."),
    ("vice-minister-dialogue-on-hold-2016.outlet",
     "Source: China Daily (news report), 8 November 2016 \u2190 Yonhap News Agency."),
    ("defence-hotline-agreement-2015.when",
     "Source: the Global Times (news report), 9 January 2017 \u2190 a quotation with no "
     "speaker named."),
    ("chang-raises-thaad-2015.what",
     "Source: an unnamed opinion page (opinion piece), February 2015."),
    ("karneev-on-normalisation-2017.said.0",
     "Source: Sputnik (analysis), late 2017 \u2190 Andrei Karneev."),
])
def test_feedback_ends_with_the_claims_path(generated, qid, path):
    assert by_id(generated, qid).explanation.endswith(path)


def test_a_ministry_statement_to_the_paper_reads_as_one(timeline):
    from quiz.content.generate.context import Workspace

    workspace = Workspace(timeline, 0)
    event = timeline.event_index()["mnd-mutual-respect-2017"]
    assert workspace.citation(event).endswith(
        "\u2190 China's Ministry of National Defence, in a statement to the Global Times.")

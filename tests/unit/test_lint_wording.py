"""The wording checks: each template fault from the content review is found, located at
the field that shows it, and a fixed item gives no finding."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.content.lint import lint_bank
from quiz.content.lint_wording import scene_span
from quiz.model.bank import Bank

SOURCE = {"outlet": "China Daily", "title": "Report", "date": "2016-11-08"}


def single(prompt: str, choices: list[str], answer: int = 0, **extra) -> dict:
    return {"id": "q", "type": "single_choice", "prompt": prompt, "choices": choices,
            "answer": answer, "explanation": "Because the report says so.",
            "sources": [SOURCE], **extra}


def findings(question: dict) -> list[tuple[tuple, str]]:
    bank = Bank.model_validate({"id": "b", "title": "T", "questions": [question]})
    return list(lint_bank(bank))


CASES = [
    ("lower-case month", single("What happened in november 2016?", ["A talk", "A visit", "A fall"]),
     single("What happened in November 2016?", ["A talk", "A visit", "A fall"]),
     "needs a capital letter", ("prompt",)),
    ("title seam",
     single("Which of these was a result of this: Seoul agrees to host THAAD?",
            ["Anger in Beijing", "A new treaty", "A summit"]),
     single("What did Seoul's decision to host THAAD lead to?",
            ["Anger in Beijing", "A new treaty", "A summit"]),
     "spliced", ("prompt",)),
    ("It was The", single("Who said it?", ["China", "Russia", "Japan"],
                          explanation="It was The United States. Source: China Daily."),
     single("Who said it?", ["China", "Russia", "Japan"],
            explanation="It was the United States. Source: China Daily."),
     "spliced", None),
    ("answer in the stem", single("Which country did South Korea's minister visit?",
                                  ["South Korea", "China", "Japan"]),
     single("Which country did the minister visit?", ["South Korea", "China", "Japan"]),
     "the answer 'South Korea' appears", ("choices", 0)),
    ("a choice in the stem", single("Who met Kang Kyung-wha in Beijing?",
                                    ["Wang Yi", "Kang Kyung-wha", "Chang Wanquan"]),
     single("Who met South Korea's foreign minister in Beijing?",
            ["Wang Yi", "Li Keqiang", "Chang Wanquan"]),
     "a wrong choice 'Kang Kyung-wha' appears", ("choices", 1)),
    ("co-participant", single("Who agreed with Fang to set up a hotline?",
                              ["Jung Seung-jo", "Fang Fenghui", "Han Min-koo"]),
     single("Who agreed with Fang to set up a hotline?",
            ["Jung Seung-jo", "Chang Wanquan", "Han Min-koo"]),
     "whom the question already names", ("choices", 1)),
    ("repeated phrase", single("What figure did China Daily give for the radius China Daily gave?",
                               ["2,000 km", "500 km", "50 km"]),
     single("What radius did China Daily give for the radar?", ["2,000 km", "500 km", "50 km"]),
     "is repeated", ("prompt",)),
    ("singular unit", single("How long was the visit?", ["1 days", "3 days", "5 days"]),
     single("How long was the visit?", ["1 day", "3 days", "5 days"]),
     "does not agree", ("choices", 0)),
    ("scene before source", single("Who spoke?", ["A", "Bee", "Cee"],
                                   context={"date": "7 November 2016", "role": "an analyst"}),
     single("Who spoke?", ["A", "Bee", "Cee"],
            context={"date": "8 November 2016", "role": "an analyst"}),
     "dated before its source", ("context", "date")),
    ("undated true/false", {"id": "q", "type": "true_false", "answer": True,
                            "prompt": "Seoul agreed to host THAAD.", "explanation": "Yes.",
                            "sources": [SOURCE], "context": {"date": "Years later"}},
     {"id": "q", "type": "true_false", "answer": True,
      "prompt": "In July 2016, Seoul agreed to host THAAD.", "explanation": "Yes.",
      "sources": [SOURCE], "context": {"date": "Years later"}},
     "needs its date", ("prompt",)),
]


@pytest.mark.parametrize(("name", "bad", "good", "fragment", "field"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_fault_is_found_and_its_fix_is_clean(name, bad, good, fragment, field):
    found = [(loc, msg) for loc, msg in findings(bad) if fragment in msg]
    assert found, findings(bad)
    if field is not None:
        assert found[0][0] == ("questions", 0, *field)
    assert not [msg for _, msg in findings(good) if fragment in msg]


def test_numeric_answer_in_the_prompt():
    question = {"id": "q", "type": "numeric", "answer": 2000, "unit": "km",
                "prompt": "Was the radar's 2000 km reach a worry?", "explanation": "Yes.",
                "sources": [SOURCE]}
    assert any("contains the answer '2000'" in m for _, m in findings(question))


@pytest.mark.parametrize(("text", "first", "last"), [
    ("4 June 2013", "2013-06-04", "2013-06-04"), ("Mid-December 2017", "2017-12-01", "2017-12-31"),
    ("2016", "2016-01-01", "2016-12-31"), ("Late 2017", "2017-01-01", "2017-12-31")])
def test_scene_dates_in_words(text, first, last):
    span = scene_span(text)
    assert (span[0].isoformat(), span[1].isoformat()) == (first, last)


def test_a_scene_without_a_year_is_not_judged():
    assert scene_span("Years later") is None


@given(st.text(alphabet="ab _-é1ß\u0301İ.", max_size=24),
       st.text(alphabet="ab _-é1ß\u0301İ.", max_size=8))
def test_whole_word_containment_agrees_with_the_regex_it_replaced(haystack, needle):
    from quiz.content.lint_wording import _contains

    folded = " ".join(needle.casefold().split())
    expected = len(folded) >= 4 and re.search(
        rf"(?<!\w){re.escape(folded)}(?!\w)", " ".join(haystack.casefold().split())) is not None
    assert _contains(haystack, needle) == expected

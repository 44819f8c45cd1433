"""Properties of the generator on random timelines, checked against the event data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.content.dump import to_yaml
from quiz.content.generate import NothingToAsk, generate
from quiz.content.generate.dates import asked_form, clearly_before
from quiz.content.key import answer_text
from quiz.model.bank import Bank
from quiz.model.common import normalized
from quiz.model.events import Timeline
from tests.strategies import examples, timeline

PROPERTIES = settings(max_examples=examples(120), deadline=None)


def _fact_key(event):
    return normalized(event.fact.action), normalized(event.fact.object or "")


@PROPERTIES
@given(data=timeline(), seed=st.integers(0, 10**6))
def test_every_question_has_one_answer_consistent_with_the_data(data, seed):
    model = Timeline.model_validate(data)
    generated = generate(model, seed)
    Bank.model_validate(generated.bank.model_dump())  # the bank itself is valid
    events = model.event_index()
    actors = model.actor_index()
    for question in generated.bank.questions:
        draft = generated.drafts[question.id]
        event = events[draft.events[0]]
        assert question.sources, question.id
        assert question.explanation and question.context, question.id
        if draft.kind in ("who", "said", "outlet", "what", "when", "where", "cause"):
            refs = draft.choice_refs
            assert len(refs) == len(question.choices) >= 3
            assert refs[question.answer] == draft.answer_ref
            assert len(set(refs)) == len(refs), "distractors are distinct"
            assert len({normalized(c) for c in question.choices}) == len(question.choices)
        if draft.kind == "who":
            assert draft.answer_ref == event.fact.subject
            kind = actors[event.fact.subject].kind
            assert {actors[r].kind for r in draft.choice_refs} == {kind}
            for ref in draft.choice_refs:
                if ref != draft.answer_ref:  # no distractor did the same thing
                    assert not any(e.fact and e.fact.subject == ref
                                   and _fact_key(e) == _fact_key(event)
                                   for e in model.events)
        elif draft.kind == "said":
            claim_index = int(question.id.rsplit(".", 1)[1])
            speaker = event.claims[claim_index].speaker
            assert draft.answer_ref == speaker
            said = normalized(event.claims[claim_index].said)
            for ref in draft.choice_refs:
                if ref != speaker:
                    assert not any(c.speaker == ref and normalized(c.said) == said
                                   for e in model.events for c in e.claims)
                    assert actors[ref].kind == actors[speaker].kind
        elif draft.kind == "outlet":
            assert actors[draft.answer_ref].kind == "media"
            assert {actors[r].kind for r in draft.choice_refs} == {"media"}
            reporters = {p.actor for p in event.actors if p.part == "reported"}
            assert reporters == {draft.answer_ref}
        elif draft.kind == "what":
            assert answer_text(question) == event.fact.object
            for ref in draft.choice_refs:
                other = events[ref]
                if ref != event.id:
                    assert not (other.fact.subject == event.fact.subject
                                and normalized(other.fact.action) == normalized(event.fact.action))
        elif draft.kind == "when":
            truth = asked_form(event.date)
            assert draft.answer_ref == truth
            assert all(len(ref) == len(truth) for ref in draft.choice_refs), "same precision"
            assert question.context.date == "Years later", "context must not reveal the date"
        elif draft.kind == "where":
            assert draft.answer_ref == event.place
        elif draft.kind == "how-many":
            assert question.answer == event.numbers[int(question.id.rsplit(".", 1)[1])].value
        elif draft.kind == "cause":
            effect = draft.events[1]
            assert effect in event.led_to or event.id in events[effect].caused_by
            for ref in draft.choice_refs:
                if ref != effect:  # no distractor is a consequence, even an indirect one
                    assert ref not in _reachable(model, event.id)
        elif draft.kind == "order":
            ordered = [events[e] for e in draft.events]
            assert question.items == [e.title for e in ordered]
            assert 3 <= len(ordered) <= 5
            for first, second in zip(ordered, ordered[1:], strict=False):
                assert clearly_before(first.date, second.date)
        elif draft.kind == "true-false":
            swapped, truth, is_true = draft.answer_ref
            assert question.answer is is_true
            assert (truth in question.prompt) is is_true or swapped == "number"


def _reachable(model: Timeline, start: str) -> set[str]:
    links = {e.id: set(e.led_to) for e in model.events}
    for e in model.events:
        for cause in e.caused_by:
            links[cause].add(e.id)
    seen, stack = set(), list(links[start])
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(links[current])
    return seen


@PROPERTIES
@given(data=timeline())
def test_every_event_yields_at_least_one_question(data):
    model = Timeline.model_validate(data)
    generated = generate(model, 7)
    covered = {e for draft in generated.drafts.values() for e in draft.events}
    assert covered == {event.id for event in model.events}


@PROPERTIES
@given(data=timeline(), seed=st.integers(0, 10**6))
def test_same_seed_gives_byte_identical_bank(data, seed):
    model = Timeline.model_validate(data)
    assert to_yaml(generate(model, seed).bank) == to_yaml(generate(model, seed).bank)


@PROPERTIES
@given(data=timeline(), kinds=st.sets(st.sampled_from(["who", "when", "order", "said"]),
                                      min_size=1))
def test_types_filter_limits_the_kinds(data, kinds):
    try:
        generated = generate(Timeline.model_validate(data), 1, kinds)
    except NothingToAsk as error:
        assert "no unambiguous" in str(error)
        return
    assert generated.bank.questions
    assert {draft.kind for draft in generated.drafts.values()} <= kinds

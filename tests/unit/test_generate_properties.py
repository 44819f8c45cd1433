"""Properties of the generator on random timelines, checked against the event data: keys
match the data, no distractor is true per the timeline, no stem holds its answer, scenes
never precede their sources, cause questions use only stated links, and source questions
match the sources' kinds, printed dates and the claims' paths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.content.dump import to_yaml
from quiz.content.generate import NothingToAsk, generate
from quiz.content.generate.about_sources import OPINION, REPORTING
from quiz.content.generate.dates import clearly_before, event_span, settled, span
from quiz.content.key import answer_text
from quiz.content.lint import lint_bank
from quiz.content.lint_wording import scene_span
from quiz.model.bank import Bank
from quiz.model.common import normalized
from quiz.model.events import Timeline
from quiz.model.questions import MultipleSelect, SingleChoice
from quiz.model.timeline_parts import NAMELESS_BASES, SPEECH_BASES
from tests.strategies import examples, timeline

PROPERTIES = settings(max_examples=examples(120), deadline=None)


def _generated(data, seed):
    model = Timeline.model_validate(data)
    try:
        return model, generate(model, seed)
    except NothingToAsk:
        return model, None


@PROPERTIES
@given(data=timeline(), seed=st.integers(0, 10**6))
def test_every_key_matches_the_data_and_no_distractor_is_true(data, seed):
    model, generated = _generated(data, seed)
    if generated is None:
        return
    Bank.model_validate(generated.bank.model_dump())  # the bank itself is valid
    events, actors = model.event_index(), model.actor_index()
    for question in generated.bank.questions:
        draft = generated.drafts[question.id]
        assert question.sources and question.explanation and question.context
        if draft.kind == "source":
            _check_source(model, question, draft)
            continue
        event = events[draft.events[0]]
        if isinstance(question, SingleChoice):
            refs = draft.choice_refs
            assert len(refs) == len(question.choices) >= 3
            assert refs[question.answer] == draft.answer_ref or draft.kind == "cause"
        if draft.kind in ("who", "said", "outlet"):
            wrong = [r for r in draft.choice_refs if r != draft.answer_ref]
            assert not any(actors[r].anonymous for r in draft.choice_refs)
        if draft.kind == "who":
            fact = event.fact
            assert draft.answer_ref == fact.subject and fact.subject_asked
            participants = {p.actor for p in event.actors}
            for ref in wrong:  # nobody else did it, took part, or is barred
                assert ref not in participants and ref not in fact.not_offered
                assert not any(e.fact and e.fact.subject == ref
                               and normalized(e.fact.verb) == normalized(fact.verb)
                               and normalized(e.fact.object or "")
                               == normalized(fact.object or "") for e in model.events)
        elif draft.kind == "said":
            claim = next(c for c in event.claims if c.speaker == draft.answer_ref)
            for ref in wrong:
                assert not any(c.speaker == ref and normalized(c.said) == normalized(claim.said)
                               for e in model.events for c in e.claims)
                assert ref != claim.medium
        elif draft.kind == "outlet":
            assert draft.answer_ref == event.attribution.outlet
        elif draft.kind == "what":
            assert answer_text(question) == event.fact.object
            true_objects = {normalized(e.fact.object) for e in model.events
                            if e.fact and e.fact.object and e.fact.subject == event.fact.subject
                            and normalized(e.fact.verb) == normalized(event.fact.verb)}
            for index, choice in enumerate(question.choices):
                if index != question.answer:
                    assert normalized(choice) not in true_objects
        elif draft.kind == "when":
            assert draft.answer_ref == settled(event) and event.status == "happened"
            first, last = event_span(event)
            for ref in draft.choice_refs:
                if ref != draft.answer_ref:  # every wrong date lies outside the event's span
                    assert ref[:4] != draft.answer_ref[:4] or len(ref) == 7
                    assert not (ref <= last.isoformat()[:len(ref)]
                                and ref >= first.isoformat()[:len(ref)])
                    newest = max(s.date for s in model.sources)
                    assert span(ref)[0] <= span(newest)[1], "never after the newest source"
        elif draft.kind == "cause":
            _check_cause(model, question, draft)
        elif draft.kind == "order":
            ordered = [events[e] for e in draft.events]
            assert question.items == [e.title for e in ordered]
            for first, second in zip(ordered, ordered[1:], strict=False):
                assert clearly_before(first, second)
        elif draft.kind == "true-false":
            swapped, true, is_true = draft.answer_ref
            assert question.answer is is_true and event.status == "happened"
            assert (normalized(true) in normalized(question.prompt)) is is_true


def _keys(question) -> set[int]:
    return {question.answer} if isinstance(question, SingleChoice) else set(question.answers)


def _check_source(model: Timeline, question, draft) -> None:
    """Each key is what the data says; no wrong option is true per the timeline."""
    events, records = model.event_index(), model.source_index()
    refs, keys = draft.choice_refs, _keys(question)
    assert len(refs) == len(question.choices) >= 3
    answer = draft.answer_ref if isinstance(draft.answer_ref, list) else [draft.answer_ref]
    assert sorted(refs[k] for k in keys) == sorted(answer)
    assert "source-criticism" in question.tags
    if question.id.endswith(".source-unnamed"):
        record = question.id.rsplit(".", 1)[0]
        for index, ref in enumerate(refs):
            event = events[ref]
            assert event.sources[0] == record  # every claim is from the one article
            assert question.choices[index].casefold() == event.attribution.claim.casefold()
            basis = event.attribution.basis
            # a key rests on an unnamed source; a wrong option names its origin or is the
            # article's own, and is never another nameless path
            assert (basis == "unnamed-source") is (index in keys)
            assert index in keys or basis not in NAMELESS_BASES
        assert (isinstance(question, MultipleSelect)
                is (sum(e.attribution.basis == "unnamed-source" for e in events.values()
                        if e.sources[0] == record and e.attribution
                        and e.attribution.claim) > 1))
    elif question.id == "source-opinion":
        for index, ref in enumerate(refs):
            assert records[ref].kind in (OPINION if index in keys else REPORTING)
    elif question.id == "source-printed":
        for index, ref in enumerate(refs):
            marks = records[ref].printed.marks
            assert (marks != "publication") is (index in keys)
    elif question.id.endswith(".source-premature"):
        (key,) = keys
        claimed = events[refs[key]]
        later = events[claimed.ahead_of]
        assert claimed.status == "claimed" and later.status == "happened"
        assert claimed.attribution.claim in question.choices[key]
        for index, ref in enumerate(refs):
            if index != key:  # reported as done, and it had happened
                event = events[ref]
                assert event.status == "happened" and ref != later.id
                assert event.attribution.basis not in SPEECH_BASES
                assert event.attribution.claim in question.choices[index]
    else:
        assert question.id.endswith(".source-written")
        record = records[question.id.rsplit(".", 1)[0]]
        year = record.written.earliest[:4]
        assert refs[question.answer] == year == record.written.latest[:4]
        newest = max(s.date for s in model.sources)[:4]
        for index, ref in enumerate(refs):
            if index != question.answer:  # the page's year, or a year the sources rule out
                assert ref == record.printed.date[:4] or (
                    abs(int(ref) - int(year)) >= 2 and ref <= newest)


def _check_cause(model: Timeline, question, draft) -> None:
    """Only links a source states; every key is a stated effect; no wrong option is one."""
    cause, *effects = draft.events
    stated = {link.event for link in model.event_index()[cause].led_to}
    stated |= {e.id for e in model.events for link in e.caused_by if link.event == cause}
    assert set(effects) <= stated and effects
    keys = ([question.answer] if isinstance(question, SingleChoice) else question.answers)
    for index, ref in enumerate(draft.choice_refs):
        assert (ref in stated) is (index in keys), (ref, stated)
    assert isinstance(question, MultipleSelect) is (len(effects) > 1)


@PROPERTIES
@given(data=timeline(), seed=st.integers(0, 10**6))
def test_no_stem_holds_its_answer_and_no_scene_precedes_its_source(data, seed):
    model, generated = _generated(data, seed)
    if generated is None:
        return
    for question in generated.bank.questions:
        if isinstance(question, SingleChoice):
            key = normalized(question.choices[question.answer])
            assert key not in normalized(question.prompt), question.id
        scene = scene_span(question.context.date or "")
        if scene is not None:
            assert all(scene[1].isoformat() >= s.date for s in question.sources), question.id
    # and nothing the wording checks can see
    findings = [message for _, message in lint_bank(generated.bank)
                if "choice" not in message or "appears" in message]
    assert not [f for f in findings if "the correct answer is choice" not in f
                and "much longer" not in f and "nearly" not in f], findings


@PROPERTIES
@given(data=timeline(), seed=st.integers(0, 10**6))
def test_same_seed_gives_byte_identical_bank(data, seed):
    model, generated = _generated(data, seed)
    if generated is not None:
        assert to_yaml(generated.bank) == to_yaml(generate(model, seed).bank)


@PROPERTIES
@given(data=timeline(), kinds=st.sets(st.sampled_from(["who", "when", "order", "said",
                                                      "source"]), min_size=1))
def test_types_filter_limits_the_kinds(data, kinds):
    try:
        generated = generate(Timeline.model_validate(data), 1, kinds)
    except NothingToAsk as error:
        assert "no unambiguous" in str(error)
        return
    assert generated.bank.questions
    assert {draft.kind for draft in generated.drafts.values()} <= kinds

"""The classroom protocol: valid messages round-trip; anything else is one clear error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.classroom.protocol import (
    MAX_MESSAGE_BYTES,
    PROTOCOL_VERSION,
    Answer,
    ClientMessage,
    Control,
    Hello,
    ProtocolError,
    Question,
    ServerMessage,
    encode,
    parse_client,
    parse_server,
)
from quiz.model.questions import CONFIDENCE_LEVELS

codes = st.from_regex(r"[A-Z0-9]{6}", fullmatch=True)
tokens = st.from_regex(r"[A-Za-z0-9_-]{24}", fullmatch=True)
names = st.text(min_size=1, max_size=24).filter(lambda s: s.strip())
client_messages = st.one_of(
    st.builds(Hello, type=st.just("hello"), version=st.just(PROTOCOL_VERSION),
              role=st.sampled_from(["student", "host"]), code=codes,
              name=st.none() | names, rejoin_token=st.none() | tokens,
              host_token=st.none() | tokens),
    st.builds(Answer, type=st.just("answer"), question=st.integers(0, 500),
              value=st.integers(0, 9) | st.booleans() | st.lists(st.integers(0, 9),
                                                                   max_size=5)
              | st.fixed_dictionaries({"choice": st.integers(0, 9),
                                       "confidence": st.sampled_from(CONFIDENCE_LEVELS)})),
    st.builds(Control, type=st.just("control"),
              action=st.sampled_from(["start", "next", "skip", "pause", "end", "kick"])),
)


@settings(max_examples=200, deadline=None)
@given(message=client_messages)
def test_client_messages_round_trip(message):
    assert parse_client(encode(message)) == message


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=600) | st.text(max_size=600))
def test_garbage_is_one_protocol_error(raw):
    try:
        parse_client(raw)
    except ProtocolError as error:
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None)
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=6), inner, max_size=3)))
def test_wrong_shapes_are_protocol_errors(value):
    with pytest.raises(ProtocolError):
        parse_client(json.dumps({"type": "answer", "question": value, "value": {"x": value}}))


@settings(max_examples=300, deadline=None)
@given(value=st.dictionaries(
    st.sampled_from(["choice", "confidence", "Choice", ""]) | st.text(max_size=4),
    st.integers(-10, 1100) | st.booleans() | st.none() | st.text(max_size=3)
    | st.floats(allow_nan=True) | st.sampled_from(list(CONFIDENCE_LEVELS))
    | st.lists(st.integers(0, 3), max_size=2) | st.dictionaries(st.text(max_size=2),
                                                               st.integers(), max_size=2),
    max_size=4))
def test_a_hostile_forecast_is_refused_in_one_sentence(value):
    """A forecast is exactly a whole-number position and a confidence on the game's scale;
    anything else (a confidence of 85, or true, or "80", a missing field, an extra one) is
    refused with one sentence that says what a forecast is."""
    raw = json.dumps({"type": "answer", "question": 0, "value": value})
    valid = (set(value) == {"choice", "confidence"}
             and type(value["choice"]) is int and 0 <= value["choice"] < 1000
             and type(value["confidence"]) is int and value["confidence"] in CONFIDENCE_LEVELS)
    if valid:
        assert parse_client(raw).value == value
        return
    with pytest.raises(ProtocolError) as error:
        parse_client(raw)
    sentence = str(error.value)
    assert "\n" not in sentence and "forecast" in sentence and len(sentence) < 300


@pytest.mark.parametrize(("raw", "fragment"), [
    ('{"type": "hello", "version": 1, "role": "student", "code": "abc"}', "code"),
    ('{"type": "shout"}', "tag 'shout'"),
    ('{"type": "answer", "question": -1, "value": 0}', "question"),
    ('{"type": "ping", "extra": 1}', "extra"),
    ('{"type": "hello", "version": 1, "role": "student", "code": "ABCD", "name": "'
     + "x" * 41 + '"}', "name"),
    ('{"type": "answer", "question": 0, "value": null}', "an answer is"),
    ('{"type": "answer", "question": 0, "value": "a\\u001b[2J"}', "control characters"),
    ('{"type": "answer", "question": 0, "value": "a\\nb"}', "control characters"),
    ('{"type": "answer", "question": 0, "value": "  "}', "blank"),
    ('{"type": "answer", "question": 0, "value": "' + "x" * 1001 + '"}', "1000 characters"),
    ('{"type": "answer", "question": 0, "value": [0, null, -1]}', "null for each item"),
    ('{"type": "answer", "question": 0, "value": [0, null, "1"]}', "null for each item"),
    ('{"type": "answer", "question": 0, "value": NaN}', "value"),
    ('{"type": "answer", "question": 0, "value": 1e999}', "value"),
    ('{"type": "answer", "question": 0, "value": ' + "9" * 4001 + "}", "value"),
    ('{"type": "answer", "question": 0, "value": [0, -1]}', "positions"),
    ('{"type": "answer", "question": 0, "value": {"choice": 1}}', "no confidence"),
    ('{"type": "answer", "question": 0, "value": {"choice": 1, "confidence": 85}}',
     "confidence is not one of"),
    ('{"type": "answer", "question": 0, "value": {"choice": 1, "confidence": "80"}}',
     "confidence is not one of"),
    ('{"type": "answer", "question": 0, "value": {"choice": -1, "confidence": 80}}',
     "choice is not a whole number"),
    ("[" * 5000, "limit"),
    ("not json", "JSON"),
])
def test_specific_refusals(raw, fragment):
    with pytest.raises(ProtocolError, match=fragment):
        parse_client(raw)


def test_oversized_message_is_refused_before_parsing():
    with pytest.raises(ProtocolError, match=str(MAX_MESSAGE_BYTES)):
        parse_client('{"type": "ping", "pad": "' + "x" * MAX_MESSAGE_BYTES + '"}')


def test_question_message_has_no_answer_field():
    assert not {"answer", "answers", "correct"} & set(Question.model_fields)
    message = parse_server(encode(Question(type="question", index=0, total=3, kind="single",
                                           prompt="p", choices=["a", "b"], time_limit=20)))
    assert "answer" not in encode(message)


def test_every_example_in_the_protocol_doc_is_valid():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text()
    blocks = re.findall(r"```json (client|server)\n(.*?)\n```", doc, flags=re.S)
    assert len(blocks) >= 14
    seen = set()
    for direction, body in blocks:
        message = (parse_client if direction == "client" else parse_server)(body)
        seen.add((direction, message.type))
    assert {t for d, t in seen if d == "client"} == _types(ClientMessage)
    assert {t for d, t in seen if d == "server"} == _types(ServerMessage)


def _types(union) -> set[str]:
    """Every message type in a direction's union, so a new one must be documented."""
    from typing import get_args

    members = get_args(get_args(union)[0])
    return {get_args(m.model_fields["type"].annotation)[0] for m in members}

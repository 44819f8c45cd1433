"""Malformed, oversized, out-of-order and hostile messages: each gets an error reply,
and the server carries on for everyone else."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.classroom import protocol as p
from quiz.classroom.guard import Limits
from tests.classroom.helpers import Party, answer, control, host, running, student
from tests.strategies import examples

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)
message_like = st.fixed_dictionaries(
    {"type": st.sampled_from(["hello", "answer", "control", "ping", "welcome", "x"])},
    optional={"question": json_values, "value": json_values, "action": json_values,
              "version": json_values, "code": json_values, "role": json_values,
              "name": json_values, "player": json_values})
hostile = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    json_values.map(json.dumps),
    message_like.map(json.dumps),
    st.integers(p.MAX_MESSAGE_BYTES + 1, 20_000).map(
        lambda n: '{"type":"ping","x":"' + "y" * n + '"}'),
)

NAMES = (f"H{n}" for n in itertools.count())
SETTINGS = settings(max_examples=examples(60), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # Every example joins a new student from loopback: lift the per-address limits here
    # (they have tests of their own).
    roomy = Limits(connections=10_000, joins_per_minute=100_000)
    with running(tmp_path_factory.mktemp("hostile"), limits=roomy) as live:
        teacher = host(live)
        bystander, _ = student(live, "Bystander")
        control(teacher, "start")
        bystander.expect("question", index=0)
        live.bystander = bystander
        yield live


def _still_serving(server) -> None:
    """A newcomer can still join and talk (a fresh connection: the bystander's own
    would soon hit the rate limit)."""
    newcomer = Party(server.url)
    newcomer.hello(server.code, name=next(NAMES))
    assert newcomer.expect("welcome").state in ("question", "reveal")
    newcomer.send(p.Ping(type="ping"))
    newcomer.expect("pong")
    newcomer.close()


def _parses_or_replies(party: Party, raw) -> None:
    """After a hostile frame, the reply is an error, an ack, or (for an answer that
    happens to be valid) an ack; the connection is still usable afterwards."""
    party.send(raw)
    party.send(p.Ping(type="ping"))
    party.expect("pong")


@SETTINGS
@given(raw=hostile)
def test_hostile_messages_after_joining_get_a_reply_and_the_room_carries_on(server, raw):
    party = Party(server.url)
    party.hello(server.code, name=next(NAMES))
    party.expect("welcome")
    _parses_or_replies(party, raw)
    party.close()
    _still_serving(server)


@SETTINGS
@given(raw=hostile)
def test_a_hostile_first_message_is_refused_in_one_sentence(server, raw):
    party = Party(server.url)
    party.send(raw)
    try:
        reply = party.expect("error")
    except Exception:  # noqa: BLE001 - some hostile hellos are valid but for another code
        reply = None
    if reply is not None:
        assert reply.fatal and reply.message.count(".") <= 3
    party.close()
    _still_serving(server)


def test_frames_beyond_the_wire_limit_close_only_that_connection(server):
    party = Party(server.url)
    party.hello(server.code, name="Big")
    party.expect("welcome")
    party.send("x" * 200_000)
    with pytest.raises(Exception):  # noqa: B017 - closed with 1009, message too big
        party.expect("pong", timeout=2)
    _still_serving(server)


def test_a_flood_is_rate_limited(server):
    party = Party(server.url)
    party.hello(server.code, name="Flood")
    party.expect("welcome")
    for _ in range(100):
        party.send(p.Ping(type="ping"))
    assert party.expect("error").code == "rate_limited"
    _still_serving(server)


def test_out_of_order_messages_are_refused(server):
    party = Party(server.url)
    party.send(p.Answer(type="answer", question=0, value=1))
    assert party.expect("error").code == "bad_state"
    party = Party(server.url)
    party.hello(server.code, name="Twice")
    party.expect("welcome")
    party.hello(server.code, name="Again")
    assert party.expect("error").code == "bad_state"
    assert not answer(party, 5, 1).accepted
    _still_serving(server)


forecast_like = st.one_of(
    st.fixed_dictionaries({"choice": st.integers(-3, 5) | json_values,
                           "confidence": st.sampled_from([50, 60, 70, 80, 90, 100])
                           | st.integers(-10, 200) | json_values}),
    st.dictionaries(st.sampled_from(["choice", "confidence", "Choice", "x"]), json_values,
                    max_size=3),
    json_values,
)


@pytest.fixture(scope="module")
def forecasting(tmp_path_factory):
    """A live server whose open question is a prediction (after a decision)."""
    from tests.classroom.helpers import SCENARIO, Running, write_bank

    folder = tmp_path_factory.mktemp("forecasts")
    roomy = Limits(connections=10_000, joins_per_minute=100_000)
    live = Running(folder / "class.db", write_bank(folder, SCENARIO), time_limit=600,
                   limits=roomy)
    try:
        teacher = host(live)
        bystander, _ = student(live, "Bystander")  # never answers: the forecast stays open
        control(teacher, "start")
        control(teacher, "skip")
        control(teacher, "next")
        bystander.expect("question", index=1)
        yield live
    finally:
        live.stop()


@SETTINGS
@given(value=forecast_like)
def test_hostile_forecasts_are_refused_in_one_sentence(forecasting, value):
    """Whatever a client sends as a forecast: a valid one is stored and scored on its
    Brier points; anything else is refused in one sentence; the room carries on."""
    from quiz.game.calibration import points

    party = Party(forecasting.url)
    name = next(NAMES)
    party.hello(forecasting.code, name=name)
    party.expect("welcome")
    question = party.expect("question", index=1)
    party.send(json.dumps({"type": "answer", "question": 1, "value": value}))
    while (reply := p.parse_server(party.socket.recv(timeout=5))).type not in ("ack", "error"):
        pass
    me = next(pl for pl in forecasting.room.players.values() if pl.name == name)
    if reply.type == "error":
        assert reply.code == "malformed" and "\n" not in reply.message
        assert 1 not in me.answers
    elif reply.accepted:
        stored = me.answers[1]
        happened = question.choices.index("Put the dialogue on hold")
        assert stored.value == value and set(value) == {"choice", "confidence"}
        assert stored.points == points(value["confidence"], value["choice"] == happened)
    else:
        assert "forecast" in reply.reason and "\n" not in reply.reason
        assert 1 not in me.answers
    party.close()
    _still_serving(forecasting)

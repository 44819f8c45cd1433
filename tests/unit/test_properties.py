"""Property tests: valid banks round-trip; mutated or random input fails only politely."""

from __future__ import annotations

import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.content.dump import to_json, to_yaml
from quiz.content.load import load_file
from quiz.content.problems import LoadError
from quiz.model.bank import Bank
from tests.strategies import ALL_KINDS, bank, examples

FUZZ = settings(max_examples=examples(150), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=bank(ALL_KINDS))
def test_any_valid_bank_round_trips_through_yaml(tmp_path, data):
    model = Bank.model_validate(data)
    path = tmp_path / "b.yaml"
    path.write_text(to_yaml(model, schema="../docs/bank.schema.json"), encoding="utf-8")
    assert load_file(path).model == model


@FUZZ
@given(data=bank(ALL_KINDS))
def test_any_valid_bank_round_trips_through_json(tmp_path, data):
    model = Bank.model_validate(data)
    path = tmp_path / "b.json"
    path.write_text(to_json(model), encoding="utf-8")
    assert load_file(path).model == model


def _mutate(text: bytes, rnd: random.Random) -> bytes:
    data = bytearray(text)
    for _ in range(rnd.randint(1, 8)):
        position = rnd.randrange(len(data) + 1)
        action = rnd.choice(["delete", "insert", "replace", "duplicate"])
        if action == "delete" and data:
            del data[position:position + rnd.randint(1, 20)]
        elif action == "insert":
            data[position:position] = rnd.choice(
                [b":", b"- ", b"[", b"{", b"\n  ", b"'", b'"', b"\t", b"&a ", b"*a",
                 b"!!binary ", b"\xff", b"\x00", b"---\n", b"? ", b"%YAML 1.1\n"])
        elif action == "replace" and data:
            data[min(position, len(data) - 1)] = rnd.randrange(256)
        elif data:
            start = rnd.randrange(len(data))
            data[position:position] = data[start:start + rnd.randint(1, 80)]
    return bytes(data)


@FUZZ
@given(data=bank(ALL_KINDS), seed=st.integers(0, 2**32), suffix=st.sampled_from([".yaml", ".json"]))
def test_mutated_banks_only_raise_load_errors(tmp_path, data, seed, suffix):
    model = Bank.model_validate(data)
    text = to_yaml(model) if suffix == ".yaml" else to_json(model)
    path = tmp_path / ("m" + suffix)
    path.write_bytes(_mutate(text.encode(), random.Random(seed)))
    _load_politely(path)


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".yaml", ".json"]))
def test_random_bytes_only_raise_load_errors(tmp_path, content, suffix):
    path = tmp_path / ("r" + suffix)
    path.write_bytes(content)
    _load_politely(path)


@FUZZ
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=30))
def test_random_yaml_structures_only_raise_load_errors(tmp_path, value):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump({"id": "x", "title": "t", "questions": value}),
                    encoding="utf-8")
    _load_politely(path)


def _load_politely(path) -> None:
    try:
        load_file(path)
    except LoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert "\n" not in problem.message.strip()

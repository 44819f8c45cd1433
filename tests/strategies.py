"""Hypothesis strategies that build valid banks as plain data."""

from __future__ import annotations

from hypothesis import strategies as st

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


@st.composite
def question(draw, qid: str) -> dict:
    """One valid question of any type."""
    kind = draw(st.sampled_from(
        ["single_choice", "multiple_select", "true_false", "ordering", "numeric"]))
    data = draw(_common(qid, kind))
    if kind in ("single_choice", "multiple_select"):
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
        if draw(st.booleans()):
            data["unit"] = draw(text())
    return data


@st.composite
def bank(draw) -> dict:
    """A valid bank with free-standing questions and up to two scenarios."""
    n_free = draw(st.integers(0, 4))
    n_scenarios = draw(st.integers(0 if n_free else 1, 2))
    counter = iter(range(10_000))
    data = {"id": draw(ids), "title": draw(text())}
    data["questions"] = [draw(question(f"q{next(counter)}")) for _ in range(n_free)]
    data["scenarios"] = [
        {"id": f"s{i}", "title": draw(text()), "briefing": draw(text()),
         "questions": [draw(question(f"q{next(counter)}"))
                       for _ in range(draw(st.integers(1, 3)))]}
        for i in range(n_scenarios)
    ]
    return data

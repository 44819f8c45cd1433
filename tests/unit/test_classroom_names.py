"""Students' names: the one check, and the key look-alikes are compared by."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz.classroom.names import MAX_NAME_LENGTH, NameError_, clean_name, name_key


@pytest.mark.parametrize("look_alike", ["min-ji", "MIN-JI", "ｍｉｎ－ｊｉ", "\u041cin-ji",
                                        "Min\u2011ji".replace("\u2011", "-"), " Min-ji  "])
def test_look_alikes_share_a_key(look_alike):
    assert name_key(look_alike) == name_key("Min-ji")


@pytest.mark.parametrize("other", ["Min-jin", "Tomás", "Mina", "李明", "Al"])
def test_different_names_keep_different_keys(other):
    assert name_key(other) != name_key("Min-ji")
    assert name_key("AI") != name_key("Al")  # ASCII typed as such is left alone


@given(st.text(max_size=80))
@example("\u00b4")  # NFKC makes it a space and an accent: CI found it
def test_any_text_is_cleaned_or_refused_in_one_sentence(text):
    try:
        cleaned = clean_name(text)
    except NameError_ as error:
        assert str(error) and "\n" not in str(error)
        return
    assert 1 <= len(cleaned) <= MAX_NAME_LENGTH and cleaned == cleaned.strip()
    assert all(unicodedata.category(c) not in ("Cc", "Cf") for c in cleaned)
    assert name_key(cleaned) == name_key(unicodedata.normalize("NFKC", cleaned))

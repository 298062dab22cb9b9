"""One tag rule for packs, importers and --tag."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.packs.tags import normalize_tag


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("СТАНДАРТ_1.1_Назначение", "стандарт-1-1-назначение"),
        ("Entertainment: Film", "entertainment-film"),
        ("ＦＩＬＭ history", "film-history"),  # full-width letters read as plain ones (NFKC)
        ("हिन्दी फ़िल्म", "हिन्दी-फ़िल्म"),  # vowel signs are part of their word
        ("Ελληνικός κινηματογράφος", "ελληνικός-κινηματογράφος"),
        ("rock & roll", "rock-roll"),
        ("people", "people"),
        ("  --  ", ""),
        ("word " * 20, "word-word-word-word-word-word-word-word"),  # cut at a word, 40 at most
    ],
)
def test_tags_keep_every_script(typed: str, tag: str) -> None:
    assert normalize_tag(typed) == tag


@given(st.text(max_size=80))
def test_normalizing_twice_changes_nothing_and_stays_short(text: str) -> None:
    once = normalize_tag(text)
    assert normalize_tag(once) == once
    assert len(once) <= 40
    assert not once.startswith("-")
    assert not once.endswith("-")

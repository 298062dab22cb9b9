"""Edit distance, the measure of a close misspelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.distance import levenshtein
from quiz.game.grade import misspelling_limit


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("", "abc", 3),
        ("kitten", "sitting", 3),
        ("itself", "itslef", 2),
        ("chazelle", "chazel", 2),
        ("flaw", "lawn", 2),
        ("same", "same", 0),
    ],
)
def test_levenshtein(a: str, b: str, distance: int) -> None:
    assert levenshtein(a, b) == distance
    assert levenshtein(b, a) == distance


def test_levenshtein_stops_at_the_limit() -> None:
    assert levenshtein("kitten", "sitting", 1) == 2
    assert levenshtein("kitten", "sitting", 3) == 3
    assert levenshtein("a" * 100_000, "abc", 2) == 3
    assert levenshtein("abc", "abd", 0) == 1
    assert levenshtein("abc", "abc", 0) == 0


@given(st.text(max_size=12), st.text(max_size=12), st.integers(0, 6))
def test_levenshtein_with_limit_agrees_without(a: str, b: str, limit: int) -> None:
    full = levenshtein(a, b)
    assert levenshtein(a, b, limit) == min(full, limit + 1)


def test_misspelling_limit() -> None:
    assert misspelling_limit("tom") == 0
    assert misspelling_limit("anne") == 1
    assert misspelling_limit("chazelle") == 1
    assert misspelling_limit("whiplash") == 1
    assert misspelling_limit("damien chazelle") == 3
    assert misspelling_limit("los angeles plays itself") == 4

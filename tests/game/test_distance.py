"""Edit distance, the measure of a close misspelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.distance import edit_distance, levenshtein
from quiz.game.grade import misspelling_limit


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("", "abc", 3),
        ("kitten", "sitting", 3),
        ("itself", "itslef", 1),
        ("spetember", "september", 1),
        ("ab", "ba", 1),
        ("abc", "ca", 3),
        ("abcdef", "badcfe", 3),
        ("a", "b", 1),
        ("ab", "a", 1),
        ("aaa", "a", 2),
        ("abaa", "a", 3),
        ("chazelle", "chazel", 2),
        ("flaw", "lawn", 2),
        ("same", "same", 0),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_the_old_name_is_the_same_function() -> None:
    assert levenshtein is edit_distance


def test_edit_distance_stops_at_the_limit() -> None:
    assert levenshtein("kitten", "sitting", 1) == 2
    assert levenshtein("kitten", "sitting", 3) == 3
    assert levenshtein("a" * 100_000, "abc", 2) == 3
    assert levenshtein("abc", "abd", 0) == 1
    assert levenshtein("abc", "abc", 0) == 0


@given(st.text(max_size=12), st.text(max_size=12), st.integers(0, 6))
def test_edit_distance_with_limit_agrees_without(a: str, b: str, limit: int) -> None:
    full = edit_distance(a, b)
    assert edit_distance(a, b, limit) == min(full, limit + 1)


def reference(a: str, b: str) -> int:
    """Optimal string alignment, written out as the textbook's full table."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = int(a[i - 1] != b[j - 1])
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


few_letters = st.text("abc", max_size=8)


@given(few_letters, few_letters, st.none() | st.integers(0, 5))
def test_edit_distance_agrees_with_the_textbook_table(a: str, b: str, limit: int | None) -> None:
    full = reference(a, b)
    expected = full if limit is None else min(full, limit + 1)
    assert edit_distance(a, b, limit) == expected
    assert edit_distance(b, a, limit) == expected


def test_misspelling_limit() -> None:
    assert misspelling_limit("tom") == 0
    assert misspelling_limit("anne") == 1
    assert misspelling_limit("chazelle") == 1
    assert misspelling_limit("whiplash") == 1
    assert misspelling_limit("damien chazelle") == 3
    assert misspelling_limit("los angeles plays itself") == 4

"""Choice labels: letters and numbers, fixed where they were first shown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.labels import LETTERS, label_index, labelled, letter_range, removed_label

OPTIONS = ("Tom Cross", "Damien Chazelle", "Thom Andersen", "J.K. Simmons")


@pytest.mark.parametrize(
    ("raw", "count", "index"),
    [
        ("a", 4, 0),
        ("B", 4, 1),
        (" d ", 4, 3),
        ("b)", 4, 1),
        ("(c)", 4, 2),
        ("[c]", 4, 2),
        ("c:", 4, 2),
        ("1", 4, 0),
        ("4", 4, 3),
        ("2.", 4, 1),
        ("e", 4, None),
        ("5", 4, None),
        ("0", 4, None),
        ("-1", 4, None),
        ("001", 4, 0),
        ("0001", 4, None),
        ("z", 26, 25),
        ("26", 26, 25),
        ("27", 30, None),
        ("ab", 4, None),
        ("", 4, None),
        ("²", 4, None),
        ("٣", 4, None),
        ("é", 4, None),
        ("ａ", 4, None),
        ("a", 0, None),
    ],
)
def test_label_index(raw: str, count: int, index: int | None) -> None:
    assert label_index(raw, count) == index


@given(st.text(max_size=5), st.integers(0, 30))
def test_label_index_never_raises_and_stays_in_range(raw: str, count: int) -> None:
    index = label_index(raw, count)
    assert index is None or 0 <= index < min(count, len(LETTERS))


def test_letters_stay_where_they_were() -> None:
    shown = ("Damien Chazelle", "J.K. Simmons")
    assert labelled(OPTIONS, shown) == [("B", "Damien Chazelle"), ("D", "J.K. Simmons")]
    assert letter_range(OPTIONS, shown) == "B/D"
    assert letter_range(OPTIONS, OPTIONS) == "A-D"
    assert letter_range(OPTIONS, OPTIONS[:1]) == "A"
    assert letter_range(OPTIONS, OPTIONS[:2]) == "A-B"
    assert letter_range(OPTIONS, OPTIONS[1:2]) == "B"
    assert letter_range(OPTIONS, ()) == "A"


@pytest.mark.parametrize(
    ("raw", "label"),
    [("a", "A"), ("(c)", "C"), ("1", "1"), ("b", None), ("x", None), ("Tom Cross", None)],
)
def test_removed_label(raw: str, label: str | None) -> None:
    shown = ("Damien Chazelle", "J.K. Simmons")
    assert removed_label(raw, OPTIONS, shown) == label

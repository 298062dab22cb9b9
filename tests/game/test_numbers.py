"""Reading numbers as players type them: "1,000", "1935.", "30 years", "thirty-five"."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.grade import parse_number
from quiz.packs.model import format_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("30", 30),
        (" 30 ", 30),
        ("-5", -5),
        ("+5", 5),
        ("\u22125", -5),
        ("2.5", 2.5),
        (".5", 0.5),
        ("1,000", 1000),
        ("1,234,567.5", 1234567.5),
        ("1935.", 1935),
        ("30 years", 30),
        ("30 years old", 30),
        ("1e3", 1000),
        ("1e-07", 1e-07),
        ("\uff13\uff10", 30),
        ("zero", 0),
        ("five", 5),
        ("nineteen", 19),
        ("thirty", 30),
        ("Thirty", 30),
        ("thirty-five", 35),
        ("thirty five", 35),
        ("ninety-nine", 99),
        ("hundred", 100),
        ("a hundred", 100),
        ("four hundred and five", 405),
        ("four hundred five", 405),
        ("nineteen hundred", 1900),
        ("thousand", 1000),
        ("two thousand and fifteen", 2015),
        ("five thousand four hundred and twenty-one", 5421),
        ("thirty years", 30),
        ("minus five", -5),
    ],
)
def test_parse_number(raw: str, expected: float) -> None:
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        ".",
        "-",
        "abc",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "infinity",
        "1e999",
        "9" * 400,
        "1,00",
        "1,0000",
        "30 40",
        "30 or 40",
        "thirty thirty",
        "thirty 5",
        "zero hundred",
        "0x1f",
        "30yrs",
        "3.14.15",
        "years 30",
    ],
)
def test_parse_number_refuses(raw: str) -> None:
    assert parse_number(raw) is None


@given(st.text())
def test_parse_number_never_raises_and_is_finite(raw: str) -> None:
    value = parse_number(raw)
    assert value is None or math.isfinite(value)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**15), 10**15))
def test_parse_number_reads_back_what_a_pack_shows(value: float) -> None:
    assert parse_number(format_number(value)) == value

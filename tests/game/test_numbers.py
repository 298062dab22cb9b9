"""Reading numbers as players type them: "1,000", "1935.", "30 years", "thirty-five"."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.numbers import parse_number, parse_numeral
from quiz.packs.model import format_number
from quiz.packs.spec import MAX_NUMBER_TEXT


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
        ("negative five", -5),
        ("one hundred and one", 101),
        # ordinals
        ("15th", 15),
        ("1st", 1),
        ("2ND", 2),
        ("fifteenth", 15),
        ("twenty-first", 21),
        ("thirtieth", 30),
        ("hundredth", 100),
        ("the 15th", 15),
        # years as they are said
        ("twenty fifteen", 2015),
        ("nineteen thirty-five", 1935),
        ("nineteen oh five", 1905),
        ("nineteen o one", 1901),
        ("nineteen oh nine", 1909),
        ("ten sixty-six", 1066),
        ("twenty-nine ninety-nine", 2999),
        ("twenty twenty", 2020),
        ("twenty ten", 2010),
        ("nineteen ten", 1910),
        ("nineteen oh five years", 1905),
        ("thirty-five!", 35),
        ("thirty five.", 35),
        ("405?", 405),
        ("30" + " " * 993 + "years", 30),
        # a leading "the" or "I-" before a number that names something
        ("the 405", 405),
        ("I-405", 405),
        ("i- 405", 405),
        ("the I-405", 405),
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
        "a",
        "the",
        "I-",
        "four hundred and zero",
        "nineteen oh ten",
        "nineteen oh zero",
        "nine oh five",
        "nineteen oh",
        "nineteen o",
        "nineteen oh five five",
        "30" + " " * 994 + "years",
        "five fifteen",
        "the the 405",
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", 30),
        (" -2 ", -2),
        ("1_000", 1000),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("7.", 7.0),
        ("1" * MAX_NUMBER_TEXT, int("1" * MAX_NUMBER_TEXT)),
        ("1" * (MAX_NUMBER_TEXT + 1), None),
        ("1e999", None),
        ("1,000", None),
        ("thirty", None),
        ("", None),
    ],
)
def test_parse_numeral_reads_what_a_pack_author_writes(text: str, expected: float | None) -> None:
    value = parse_numeral(text)
    assert value == expected
    assert type(value) is type(expected)

"""Reading what the player typed: a choice, true or false, or what to type instead."""

from __future__ import annotations

import pytest
from grading_support import (
    DIRECTOR,
    DIRECTOR_OPTIONS,
    MUSICIAN,
    TF_OPTIONS,
    number,
    text,
)
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.grade import check_input, chosen_option, parse_choice, parse_truefalse
from quiz.packs.model import Question


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a", "Tom Cross"),
        ("B", "Damien Chazelle"),
        (" d ", "J.K. Simmons"),
        ("b)", "Damien Chazelle"),
        ("(c)", "Thom Andersen"),
        ("1", "Tom Cross"),
        ("4", "J.K. Simmons"),
        ("2.", "Damien Chazelle"),
        ("damien chazelle", "Damien Chazelle"),
        ("DAMIEN CHAZELLE!", "Damien Chazelle"),
        ("jk simmons", "J.K. Simmons"),
        ("Damien Chazele", "Damien Chazelle"),
        ("Tom Cros", "Tom Cross"),
        ("e", None),
        ("5", None),
        ("0", None),
        ("-1", None),
        ("", None),
        ("   ", None),
        ("Tom", "Tom Cross"),
        ("Chazelle", "Damien Chazelle"),
        ("Tommy", None),
        ("Whiplash", None),
    ],
)
def test_parse_choice(raw: str, expected: str | None) -> None:
    assert parse_choice(raw, DIRECTOR_OPTIONS) == expected


def test_parse_choice_prefers_an_options_own_text_over_a_label() -> None:
    years = ("1940", "1935", "1936", "A")
    assert parse_choice("1935", years) == "1935"
    assert parse_choice("2", years) == "1935"
    assert parse_choice("a", years) == "A"
    assert parse_choice("b", years) == "1935"


def test_parse_choice_refuses_a_misspelling_between_two_options() -> None:
    options = ("Tom Cross", "Tom Crass", "Thom Andersen")
    assert parse_choice("Tom Criss", options) is None
    assert parse_choice("Tom Crosss", options) == "Tom Cross"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("t", True),
        ("T", True),
        ("true", True),
        (" True ", True),
        ("y", True),
        ("YES", True),
        ("1", True),
        ("true.", True),
        ("f", False),
        ("False", False),
        ("n", False),
        ("no", False),
        ("0", False),
        ("", None),
        ("maybe", None),
        ("tru", None),
        ("yes no", None),
        ("2", None),
    ],
)
def test_parse_truefalse(raw: str, expected: bool | None) -> None:
    assert parse_truefalse(raw) is expected


# -- checking input ----------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "raw", "options", "message"),
    [
        (DIRECTOR, "", DIRECTOR_OPTIONS, "Type an answer"),
        (DIRECTOR, "  ", DIRECTOR_OPTIONS, "Type an answer"),
        (DIRECTOR, "e", DIRECTOR_OPTIONS, "Type a letter A-D, or the option's text"),
        (DIRECTOR, "Whiplash", DIRECTOR_OPTIONS, "Type a letter A-D, or the option's text"),
        (DIRECTOR, "Tommy", DIRECTOR_OPTIONS, "Type a letter A-D, or the option's text"),
        (
            DIRECTOR,
            "c",
            ("Damien Chazelle", "Tom Cross"),
            "Type a letter A-B, or the option's text",
        ),
        (MUSICIAN, "maybe", TF_OPTIONS, "Type true or false (t/f, y/n)"),
        (MUSICIAN, "", TF_OPTIONS, "Type an answer"),
        (number(30), "about thirty-ish", (), "Type a number"),
        (number(30), "", (), "Type an answer"),
        (text("Whiplash"), "", (), "Type an answer"),
        (text("Whiplash"), "?!", (), "Type an answer"),
        (text("Whiplash"), "Whiplash " * 200, (), "Type a shorter answer"),
    ],
)
def test_check_input_says_what_to_type(
    q: Question, raw: str, options: tuple[str, ...], message: str
) -> None:
    assert check_input(q, raw, options) == message


@pytest.mark.parametrize(
    ("q", "raw", "options"),
    [
        (DIRECTOR, "a", DIRECTOR_OPTIONS),
        (DIRECTOR, "4", DIRECTOR_OPTIONS),
        (DIRECTOR, "tom cross", DIRECTOR_OPTIONS),
        (DIRECTOR, "Damien Chazele", DIRECTOR_OPTIONS),
        (MUSICIAN, "no", TF_OPTIONS),
        (MUSICIAN, "b", TF_OPTIONS),
        (number(30), "thirty", ()),
        (number(30), "31", ()),
        (text("Whiplash"), "anything at all", ()),
    ],
)
def test_check_input_accepts_gradable_answers(
    q: Question, raw: str, options: tuple[str, ...]
) -> None:
    assert check_input(q, raw, options) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("b", "Damien Chazelle"),
        ("Chazelle", "Damien Chazelle"),
        ("damien chazelle", "Damien Chazelle"),
        ("Damien Chazele", None),  # a misspelling is for grading to judge
        ("a", None),  # removed by 50:50
        ("d", "J.K. Simmons"),
        ("Whiplash", None),
    ],
)
def test_chosen_option_after_fifty_fifty(raw: str, expected: str | None) -> None:
    shown = ("Damien Chazelle", "J.K. Simmons")
    assert chosen_option(raw, shown, labels=DIRECTOR_OPTIONS) == expected


def test_chosen_option_letters_the_shown_options_by_default() -> None:
    assert chosen_option("a", ("Damien Chazelle", "J.K. Simmons")) == "Damien Chazelle"


TRUEFALSE_WORDS = {
    **dict.fromkeys(["t", "true", "y", "yes", "yep", "yeah", "1"], True),
    **dict.fromkeys(["f", "false", "n", "no", "nope", "nah", "0"], False),
}


@given(st.sampled_from(sorted(TRUEFALSE_WORDS)), st.text(alphabet=".!Xx?", max_size=3))
def test_only_full_stops_and_exclamation_marks_may_trail_a_truefalse_word(
    word: str, tail: str
) -> None:
    expected = TRUEFALSE_WORDS[word] if set(tail) <= set(".!") else None
    assert parse_truefalse(word.upper() + tail) is expected

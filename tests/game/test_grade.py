"""Grading: reading what the player typed, and deciding whether it is right."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.game.grade import (
    Grade,
    check_input,
    grade_answer,
    parse_choice,
    parse_truefalse,
)
from quiz.game.normalize import normalize
from quiz.packs.model import Answer, Question, QuestionType

DIRECTOR_OPTIONS = ("Tom Cross", "Damien Chazelle", "Thom Andersen", "J.K. Simmons")


def question(
    kind: QuestionType,
    answer: Answer,
    *,
    wrong: Sequence[str] = (),
    accept: Sequence[str] = (),
    tolerance: float = 0,
) -> Question:
    return Question(
        id="q",
        type=kind,
        prompt="?",
        answer=answer,
        wrong=tuple(wrong),
        accept=tuple(accept),
        tolerance=tolerance,
    )


def text(answer: str, *accept: str) -> Question:
    return question(QuestionType.TEXT, answer, accept=accept)


def number(answer: float, tolerance: float = 0) -> Question:
    return question(QuestionType.NUMBER, answer, tolerance=tolerance)


DIRECTOR = question(
    QuestionType.CHOICE, "Damien Chazelle", wrong=["Tom Cross", "Thom Andersen", "J.K. Simmons"]
)
MUSICIAN = question(QuestionType.TRUEFALSE, True)
TF_OPTIONS = ("True", "False")


# -- parsing -------------------------------------------------------------------


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
        ("Tom", None),
        ("Chazelle", None),
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
        (DIRECTOR, "Tom", DIRECTOR_OPTIONS, "Type a letter A-D, or the option's text"),
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


# -- grading -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "raw", "expected"),
    [
        # (correct, close) for text answers
        (text("Damien Chazelle", "Chazelle"), "Damien Chazelle", (True, False)),
        (text("Damien Chazelle", "Chazelle"), "chazelle", (True, False)),
        (text("Damien Chazelle", "Chazelle"), "chazele", (True, True)),
        (text("Damien Chazelle", "Chazelle"), "damien chazel", (True, True)),
        # "chazel" is two edits from "chazelle", which allows one
        (text("Damien Chazelle", "Chazelle"), "chazel", (False, False)),
        (text("Top Hat"), "the top hat", (True, False)),
        (text("Top Hat"), "TOP HAT!", (True, False)),
        (text("Top Hat"), "top hot", (True, True)),
        (text("Los Angeles Plays Itself"), "los angeles plays itslef", (True, True)),
        (text("Los Angeles Plays Itself"), "Los Angeles", (False, False)),
        (text("Emma Stone"), "Stone", (False, False)),
        (text("Emma Stone", "Stone"), "Stone", (True, False)),
        (text("Emma Stone", "Stone"), "Stine", (True, True)),
        (text("Tom"), "Tim", (False, False)),
        (text("Tom"), "tom", (True, False)),
        (text("Isn't This a Lovely Day?"), "isnt this a lovely day", (True, False)),
        (text("Isn't This a Lovely Day?"), "Isn’t this a lovely day", (True, False)),
        (text("Fred Astaire & Ginger Rogers"), "fred astaire and ginger rogers", (True, False)),
        (text("L.A."), "LA", (True, False)),
        (text("Whiplash"), "Whiplas", (True, True)),
        (text("Whiplash"), "Whipla", (False, False)),
        (text("Whiplash"), "", (False, False)),
    ],
)
def test_grade_text(q: Question, raw: str, expected: tuple[bool, bool]) -> None:
    grade = grade_answer(q, raw, ())
    assert (grade.correct, grade.close) == expected


def test_grade_refuses_a_pasted_page_quickly() -> None:
    page = "Whiplash " * 100_000
    assert grade_answer(text("Whiplash"), page, ()) == Grade(False, False, page[:1000])
    assert not grade_answer(DIRECTOR, page, DIRECTOR_OPTIONS).correct


def test_grade_text_gives_the_answer_as_typed() -> None:
    assert grade_answer(text("Top Hat"), "  top hot ", ()).given == "top hot"


@pytest.mark.parametrize(
    ("q", "raw", "correct", "given"),
    [
        (number(405), "405", True, "405"),
        (number(405), "404", False, "404"),
        (number(405), "four hundred and five", True, "405"),
        (number(30), "thirty", True, "30"),
        (number(30), "30 years", True, "30"),
        (number(1935), "1935.", True, "1935"),
        (number(1935), "1,935", True, "1935"),
        (number(405, 5), "400", True, "400"),
        (number(405, 5), "410", True, "410"),
        (number(405, 5), "411", False, "411"),
        (number(1.1, 0.1), "1.0", True, "1"),
        (number(1.1, 0.1), "1.2", True, "1.2"),
        (number(1.1, 0.1), "1.25", False, "1.25"),
        (number(2.5), "2.5", True, "2.5"),
        (number(30), "lots", False, "lots"),
    ],
)
def test_grade_number(q: Question, raw: str, correct: bool, given: str) -> None:
    assert grade_answer(q, raw, ()) == Grade(correct=correct, close=False, given=given)


@pytest.mark.parametrize(
    ("raw", "correct", "given"),
    [
        ("t", True, "True"),
        ("yes", True, "True"),
        ("a", True, "True"),
        ("f", False, "False"),
        ("b", False, "False"),
        ("nope", False, "nope"),
    ],
)
def test_grade_truefalse(raw: str, correct: bool, given: str) -> None:
    assert grade_answer(MUSICIAN, raw, TF_OPTIONS) == Grade(correct, False, given)


def test_grade_truefalse_false_answer() -> None:
    q = question(QuestionType.TRUEFALSE, False)
    assert grade_answer(q, "false", TF_OPTIONS).correct
    assert not grade_answer(q, "true", TF_OPTIONS).correct


@pytest.mark.parametrize(
    ("raw", "correct", "close", "given"),
    [
        ("b", True, False, "Damien Chazelle"),
        ("2", True, False, "Damien Chazelle"),
        ("damien chazelle", True, False, "Damien Chazelle"),
        ("Damien Chazele", True, True, "Damien Chazelle"),
        ("a", False, False, "Tom Cross"),
        ("Tom Cros", False, False, "Tom Cross"),
        ("e", False, False, "e"),
    ],
)
def test_grade_choice(raw: str, correct: bool, close: bool, given: str) -> None:
    assert grade_answer(DIRECTOR, raw, DIRECTOR_OPTIONS) == Grade(correct, close, given)


def test_grade_choice_uses_the_options_as_shown() -> None:
    shown = ("J.K. Simmons", "Damien Chazelle")  # after 50:50
    assert grade_answer(DIRECTOR, "b", shown).correct
    assert not grade_answer(DIRECTOR, "a", shown).correct
    assert not grade_answer(DIRECTOR, "c", shown).correct


def test_grade_choice_refuses_a_misspelling_as_close_to_a_removed_option() -> None:
    q = question(QuestionType.CHOICE, "Tom Cross", wrong=["Tom Crass", "Thom Andersen"])
    # 50:50 removed "Tom Crass"; "Tom Criss" is as near to it as to the answer.
    shown = ("Tom Cross", "Thom Andersen")
    assert parse_choice("Tom Criss", shown) == "Tom Cross"
    assert grade_answer(q, "Tom Criss", shown) == Grade(False, False, "Tom Criss")
    assert grade_answer(q, "Tom Crass", shown) == Grade(False, False, "Tom Crass")
    assert grade_answer(q, "Tom Crosss", shown) == Grade(True, True, "Tom Cross")


def test_grade_choice_without_options_uses_the_pack_order() -> None:
    assert grade_answer(DIRECTOR, "a", ()).correct
    assert grade_answer(DIRECTOR, "Damien Chazelle", ()).correct


# -- properties ----------------------------------------------------------------

answers = st.text(min_size=1, max_size=30)
distinct_options = st.lists(
    st.text(min_size=1, max_size=20), min_size=2, max_size=6, unique_by=normalize
).filter(lambda xs: all(normalize(x) for x in xs))


@given(
    st.sampled_from(list(QuestionType)),
    st.text(),
    st.lists(st.text(max_size=20), max_size=6),
    st.text(max_size=20),
)
def test_grade_answer_and_check_input_never_raise(
    kind: QuestionType, raw: str, options: list[str], answer: str
) -> None:
    value: Answer = {
        QuestionType.TRUEFALSE: True,
        QuestionType.NUMBER: 30,
    }.get(kind, answer)
    q = question(kind, value, wrong=options, accept=options)
    grade = grade_answer(q, raw, options)
    assert isinstance(grade.correct, bool)
    assert not grade.close or grade.correct
    message = check_input(q, raw, options)
    assert message is None or message.startswith("Type")


@given(answers, st.lists(st.text(max_size=20), max_size=3))
def test_the_exact_text_answer_is_correct(answer: str, accept: list[str]) -> None:
    assert grade_answer(text(answer, *accept), answer, ()) == Grade(True, False, answer.strip())


@given(answers, st.sampled_from([str.upper, str.lower, str.title, str.swapcase]), st.text(" !?.,"))
def test_normalised_equal_text_answers_are_correct(
    answer: str, change: Callable[[str], str], extra: str
) -> None:
    typed = f"  {change(answer)}{extra} "
    assume(normalize(typed) == normalize(answer))
    grade = grade_answer(text(answer), typed, ())
    assert grade.correct
    assert not grade.close


@given(distinct_options)
def test_the_exact_choice_answer_is_correct(options: list[str]) -> None:
    answer, *wrong = options
    q = question(QuestionType.CHOICE, answer, wrong=wrong)
    shown = sorted(options)
    assert grade_answer(q, answer, shown) == Grade(True, False, answer)


@given(distinct_options)
def test_the_answers_letter_and_number_are_correct(options: list[str]) -> None:
    answer, *wrong = options
    q = question(QuestionType.CHOICE, answer, wrong=wrong)
    shown = sorted(options)
    letter, position = "abcdef"[shown.index(answer)], str(shown.index(answer) + 1)
    # An option whose own text is a label takes that label (see parse_choice).
    assume(not {normalize(o) for o in options} & {letter, position})
    assert grade_answer(q, letter, shown) == Grade(True, False, answer)
    assert grade_answer(q, letter.upper(), shown) == Grade(True, False, answer)
    assert grade_answer(q, position, shown) == Grade(True, False, answer)


@given(st.booleans())
def test_the_exact_truefalse_answer_is_correct(answer: bool) -> None:
    q = question(QuestionType.TRUEFALSE, answer)
    assert grade_answer(q, q.answer_text, TF_OPTIONS).correct


@given(
    st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**12), 10**12),
    st.floats(min_value=0, max_value=1000),
)
def test_the_exact_number_answer_is_correct(answer: float, tolerance: float) -> None:
    q = number(answer, tolerance)
    assert grade_answer(q, q.answer_text, ()).correct

"""Grading: whether what the player typed is right, as a film fan would judge it."""

from __future__ import annotations

import pytest
from grading_support import (
    DIRECTOR,
    DIRECTOR_OPTIONS,
    MUSICIAN,
    TF_OPTIONS,
    choice,
    number,
    question,
    text,
    truefalse,
)

from quiz.game.grade import (
    MAX_ANSWER_LENGTH,
    Grade,
    check_input,
    grade_answer,
    is_close_misspelling,
    misspelling_distance,
    parse_choice,
)
from quiz.packs.model import Question, QuestionType

TOP_HAT = text("Top Hat")
BLOCKING = text("blocking")
MONTH = text("September")
WHIPLASH = text("Whiplash")
SIMMONS = text("J.K. Simmons")
CHAZELLE = text("Damien Chazelle", "Chazelle")
ESSAY = text("Los Angeles Plays Itself")
HERO = text("Spider-Man")
AMELIE = text("Amélie")
SONG = text("Isn't It Romantic?")
PAIR = text("Fred & Ginger")
FREEWAY = number(405)
RELEASE_YEAR = number(2015)
DAY = number(15)
TOP_HAT_YEAR = number(1935)
STARS = choice("Emma Stone", "Ryan Gosling", "John Legend", "Rosemarie DeWitt")
STARS_SHOWN = ("Ryan Gosling", "Emma Stone", "John Legend", "Rosemarie DeWitt")
SIGNS = choice("…", "?!", "—")
SIGNS_SHOWN = ("?!", "…", "—")
FAKE = truefalse(False)

# (question, options as shown, typed, right?): every rule of README "Answering".
TYPED = [
    # text: case, punctuation, a leading article
    (TOP_HAT, (), "Top Hat", True),
    (TOP_HAT, (), "the top hat", True),
    (TOP_HAT, (), "TOP HAT!", True),
    # no edit on a word of three letters or fewer, none on a first letter
    (TOP_HAT, (), "Top Cat", False),
    (TOP_HAT, (), "Top Hot", False),
    (TOP_HAT, (), "Tap Hat", False),
    (TOP_HAT, (), "Top Hats", False),
    (BLOCKING, (), "blocking", True),
    (BLOCKING, (), "locking", False),
    (BLOCKING, (), "clocking", False),
    (BLOCKING, (), "blokcing", True),
    (BLOCKING, (), "bocking", True),
    # a swap of two letters is one edit; about a fifth of the length
    (MONTH, (), "Spetember", True),
    (MONTH, (), "Setpember", True),
    (MONTH, (), "Spetembr", False),
    (MONTH, (), "eptember", False),
    (WHIPLASH, (), "Whiplahs", True),
    (WHIPLASH, (), "Whipla", False),
    (ESSAY, (), "los angeles plays itslef", True),
    (ESSAY, (), "Los Angeles", False),
    (CHAZELLE, (), "chazele", True),
    (CHAZELLE, (), "Damien Chazel", True),
    (CHAZELLE, (), "Damien Shazelle", False),
    (CHAZELLE, (), "Chazelle", True),
    # a trailing year in brackets
    (WHIPLASH, (), "Whiplash (2014)", True),
    (WHIPLASH, (), "whiplash [2014]", True),
    (WHIPLASH, (), "Whiplash 2014", False),
    # spacing, also inside initials
    (SIMMONS, (), "J. K. Simmons", True),
    (SIMMONS, (), "jk simmons", True),
    (SIMMONS, (), "J K Simmons", True),
    (SIMMONS, (), "Simmons", False),
    (HERO, (), "spiderman", True),
    (HERO, (), "Spider Man", True),
    # accents and typography
    (AMELIE, (), "Amelie", True),
    (AMELIE, (), "AMÉLIE", True),
    (SONG, (), "isn’t it romantic", True),
    (PAIR, (), "Fred and Ginger", True),
    # numbers: digits, words, ordinals, spoken years, "the 405"
    (FREEWAY, (), "405", True),
    (FREEWAY, (), "the 405", True),
    (FREEWAY, (), "I-405", True),
    (FREEWAY, (), "four hundred and five", True),
    (FREEWAY, (), "406", False),
    (RELEASE_YEAR, (), "twenty fifteen", True),
    (RELEASE_YEAR, (), "2015.", True),
    (RELEASE_YEAR, (), "two thousand and fifteen", True),
    (RELEASE_YEAR, (), "twenty sixteen", False),
    (TOP_HAT_YEAR, (), "nineteen thirty-five", True),
    (TOP_HAT_YEAR, (), "nineteen thirty five", True),
    (TOP_HAT_YEAR, (), "1,935", True),
    (DAY, (), "15th", True),
    (DAY, (), "fifteenth", True),
    (DAY, (), "the 15th", True),
    (DAY, (), "fifth", False),
    (DAY, (), "16th", False),
    # tolerance: exact when 0, inclusive at its edge
    (number(1), (), "1.0005", False),
    (number(1), (), "1", True),
    (number(1.1, 0.1), (), "1.0", True),
    (number(1.1, 0.1), (), "1.25", False),
    (number(30), (), "thirty years", True),
    # float rounding is forgiven, one part in a billion and no more
    (number(0), (), "0.000000001", True),
    (number(0), (), "0.0000000011", False),
    (number(0, 5000), (), "5000.000001", True),
    (number(0, 5000), (), "5000.00001", False),
    # choice: letter, number, text, a word in exactly one option
    (DIRECTOR, DIRECTOR_OPTIONS, "b", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "B)", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "2", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "damien chazelle", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "Damien Chazele", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "Chazelle", True),
    (DIRECTOR, DIRECTOR_OPTIONS, "a", False),
    (DIRECTOR, DIRECTOR_OPTIONS, "Cross", False),
    (DIRECTOR, DIRECTOR_OPTIONS, "Simmons", False),
    (STARS, STARS_SHOWN, "stone", True),
    (STARS, STARS_SHOWN, "Emma", True),
    (STARS, STARS_SHOWN, "Emma Ston", True),  # a misspelling, not a word pick
    (STARS, STARS_SHOWN, "Gosling", False),
    (choice("Singin' in the Rain", "Top Hat", "Gigi"), (), "in", True),
    # options made only of punctuation: by letter, number or text
    (SIGNS, SIGNS_SHOWN, "b", True),
    (SIGNS, SIGNS_SHOWN, "2", True),
    (SIGNS, SIGNS_SHOWN, "…", True),
    (SIGNS, SIGNS_SHOWN, "?!", False),
    # true/false
    (MUSICIAN, TF_OPTIONS, "yep", True),
    (MUSICIAN, TF_OPTIONS, "yeah", True),
    (MUSICIAN, TF_OPTIONS, "y", True),
    (MUSICIAN, TF_OPTIONS, "t", True),
    (MUSICIAN, TF_OPTIONS, "a", True),
    (MUSICIAN, TF_OPTIONS, "nope", False),
    (MUSICIAN, TF_OPTIONS, "nah", False),
    (MUSICIAN, TF_OPTIONS, "false", False),
    (FAKE, TF_OPTIONS, "nope", True),
    (FAKE, TF_OPTIONS, "nah", True),
    (FAKE, TF_OPTIONS, "yes", False),
]


@pytest.mark.parametrize(
    ("q", "shown", "typed", "right"),
    TYPED,
    ids=[f"{q.answer_text}<-{typed}" for q, _, typed, _ in TYPED],
)
def test_typed_answers(q: Question, shown: tuple[str, ...], typed: str, right: bool) -> None:
    assert check_input(q, typed, shown) is None
    assert grade_answer(q, typed, shown).correct is right


def test_the_table_covers_enough_answers() -> None:
    assert len(TYPED) >= 60


# (question, options shown, typed, message): asked again, never graded.
ASKED_AGAIN = [
    (
        choice("Emma Stone", "Sharon Stone", "Ryan Gosling"),
        (),
        "stone",
        "More than one option has that word; type a letter A-C",
    ),
    (
        choice("The Jazz Singer", "Top Hat", "Up"),
        (),
        "the",
        "Type a letter A-C, or the option's text",
    ),
    (choice("Malcolm X", "Selma", "Ali"), (), "x", "Type a letter A-C, or the option's text"),
    (DIRECTOR, DIRECTOR_OPTIONS, "é", "Type a letter A-D, or the option's text"),
    (DIRECTOR, DIRECTOR_OPTIONS, "²", "Type a letter A-D, or the option's text"),
    (DIRECTOR, DIRECTOR_OPTIONS, "٣", "Type a letter A-D, or the option's text"),
    (MUSICIAN, TF_OPTIONS, "²", "Type true or false (t/f, y/n)"),
    (FREEWAY, (), "٣", "Type a number"),
    (FREEWAY, (), "the", "Type a number"),
]


@pytest.mark.parametrize(("q", "shown", "typed", "message"), ASKED_AGAIN)
def test_answers_asked_again(q: Question, shown: tuple[str, ...], typed: str, message: str) -> None:
    assert check_input(q, typed, shown) == message
    assert not grade_answer(q, typed, shown).correct


def test_a_word_in_one_option_is_recorded_as_that_option() -> None:
    assert grade_answer(STARS, "stone", STARS_SHOWN) == Grade(True, False, "Emma Stone")
    assert grade_answer(DIRECTOR, "Chazelle", ()) == Grade(True, False, "Damien Chazelle")


def test_letters_stay_where_they_were_after_fifty_fifty() -> None:
    shown = ("Damien Chazelle", "J.K. Simmons")  # A and C were removed
    labels = DIRECTOR_OPTIONS
    assert grade_answer(DIRECTOR, "b", shown, labels=labels) == Grade(
        True, False, "Damien Chazelle"
    )
    assert not grade_answer(DIRECTOR, "d", shown, labels=labels).correct
    assert check_input(DIRECTOR, "d", shown, labels=labels) is None
    assert check_input(DIRECTOR, "a", shown, labels=labels) == "A was removed by 50:50; type B/D"
    assert check_input(DIRECTOR, "(c)", shown, labels=labels) == "C was removed by 50:50; type B/D"
    assert grade_answer(DIRECTOR, "a", shown, labels=labels) == Grade(False, False, "a")
    assert check_input(DIRECTOR, "x", shown, labels=labels) == (
        "Type a letter B/D, or the option's text"
    )


def test_the_length_cap_is_inclusive() -> None:
    at_cap = "Whiplash" + " " * (MAX_ANSWER_LENGTH - len("Whiplash"))
    assert len(at_cap) == MAX_ANSWER_LENGTH
    assert check_input(WHIPLASH, at_cap, ()) is None
    assert grade_answer(WHIPLASH, at_cap, ()).correct
    over = at_cap + " "
    assert check_input(WHIPLASH, over, ()) == "Type a shorter answer"
    assert grade_answer(WHIPLASH, over, ()) == Grade(False, False, "Whiplash")


@pytest.mark.parametrize(
    ("given", "answer", "distance"),
    [
        ("spetember", "september", 1),
        ("los angelse plays itslef", "los angeles plays itself", 2),
        ("los angelse plasy itslef", "los angeles plays itself", 3),
        ("damien chazel", "damien chazelle", 2),
        ("spiderman", "spider man", 1),
        ("spider man", "spiderman", 1),
        ("top cat", "top hat", None),
        ("locking", "blocking", None),
        ("tom", "tomb", None),
        ("tomb", "tom", None),
        ("chazel", "chazelle", None),
        ("whiplash 2014", "whiplash", None),
        ("a b c d e", "abcde", None),
        ("anne", "anne", 0),
    ],
)
def test_misspelling_distance(given: str, answer: str, distance: int | None) -> None:
    assert misspelling_distance(given, answer) == distance


def test_is_close_misspelling() -> None:
    assert is_close_misspelling("Whiplash", "whiplash")
    assert is_close_misspelling("Whiplahs", "Whiplash")
    assert not is_close_misspelling("Top Cat", "Top Hat")


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
        (text("Top Hat"), "top hot", (False, False)),
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
        ("nope", False, "False"),
        ("maybe", False, "maybe"),
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

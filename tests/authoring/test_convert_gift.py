"""Moodle GIFT -> pack format 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.authoring.convert.common import Conversion
from quiz.authoring.convert.gift import convert_gift
from quiz.errors import QuizError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack, Question, QuestionType

SAMPLES = Path(__file__).parent / "samples"


def _convert(name: str, **kwargs: Any) -> Conversion:
    return convert_gift((SAMPLES / name).read_bytes(), name, **kwargs)


def _load(conversion: Conversion) -> Pack:
    return parse_pack(dump_pack_yaml(conversion.document), "imported.yaml")


def _one(text: str) -> Question:
    conversion = convert_gift(text.encode(), "q.gift")
    assert conversion.notes == []
    (question,) = _load(conversion).questions
    return question


@pytest.fixture(scope="module")
def film() -> dict[str, Question]:
    conversion = _convert("film.gift")
    return {q.id: q for q in _load(conversion).questions}


def test_multiple_choice_with_feedback_and_category_tags(film: dict[str, Question]) -> None:
    q = film["jaws-director"]
    assert (q.type, q.prompt, q.answer) == (
        QuestionType.CHOICE,
        "Who directed Jaws (1975)?",
        "Steven Spielberg",
    )
    assert q.wrong == ("George Lucas", "Martin Scorsese")
    assert q.explanation == "Yes: he was 27 when filming began."  # the right answer's feedback
    assert q.tags == ("film", "directors")  # $course$/top/ left out
    assert film["ship"].tags == ("film", "trivia")  # a later $CATEGORY


def test_true_false(film: dict[str, Question]) -> None:
    assert (film["toy-story-first"].type, film["toy-story-first"].answer) == (
        QuestionType.TRUEFALSE,
        True,
    )
    war = film["casablanca-war"]
    assert war.answer is True
    assert war.prompt == "Casablanca is set during the Second World War."  # [markdown] gone
    assert war.explanation == "Right: it is set in December 1941."


def test_numeric_forms(film: dict[str, Question]) -> None:
    year = film["casablanca-year"]
    assert (year.type, year.answer, year.tolerance) == (QuestionType.NUMBER, 1942, 1)
    speed = film["speed-miles-per-hour-must"]
    assert (speed.answer, speed.tolerance) == (88, 0)
    vertigo = film["vertigo-length"]
    assert (vertigo.answer, vertigo.tolerance) == (128, 8)  # {#120..136}
    assert vertigo.explanation == "It runs about 128 minutes."  # general feedback ####


def test_short_answer_keeps_fully_right_answers(film: dict[str, Question]) -> None:
    ship = film["ship"]
    assert (ship.type, ship.answer, ship.accept) == (QuestionType.TEXT, "Orca", ("the Orca",))


def test_html_escapes_and_fill_in_the_blank(film: dict[str, Question]) -> None:
    assert film["amelie"].prompt == "Which city is Amélie (2001) set in?"
    card = film["title-card"]
    assert card.prompt == "What does the first title card of 2001: A Space Odyssey read?"
    assert card.wrong == ("Act 1 = Start", "Chapter #1 {prologue}")
    blank = film["stanley-kubrick-directed-1968"]
    assert blank.prompt == "Stanley Kubrick directed _____ in 1968."
    assert blank.answer == "2001: A Space Odyssey"


def test_partial_credit_notes(film: dict[str, Question]) -> None:
    assert film["ilsa"].answer == "Ingrid Bergman"  # ~%100%
    assert film["ilsa"].wrong == ("Lauren Bacall", "Greta Garbo")
    notes = [(n.where, n.skipped, n.message) for n in _convert("film.gift").notes]
    assert notes == [
        ("line 22", False, "partly-right answer left out: a boat"),
        ("line 36", False, "partly-right option counted as wrong: Lauren Bacall"),
    ]


def test_unsupported_kinds_are_skipped_naming_their_line() -> None:
    conversion = _convert("broken.gift")
    assert [(n.where, n.skipped, n.message) for n in conversion.notes] == [
        ("line 2", True, "matching questions (->) are not supported"),
        ("line 7", True, "an essay question (empty answer block) has no answer to check"),
        ("line 9", True, "no answer block in braces: a description, not a question"),
        ("line 11", True, "multiple-answer questions (weights like ~%50%) are not supported"),
        ("line 13", True, "the answer block '{' is never closed with '}'"),
        ("line 15", True, "no right answer (an option starting with =)"),
        ("line 17", True, "could not read the number 'eleven'"),
        ("line 21", False, "the id 'good' is already used; this question is 'good-2'"),
    ]
    pack = _load(conversion)
    assert [(q.id, q.answer) for q in pack.questions] == [
        ("good", "Michael Mann"),
        ("good-2", "Michael Mann"),
    ]


def test_more_than_one_right_option_is_skipped() -> None:
    conversion = convert_gift(b"Pick one {=A =B ~C}\n\nOK? {T}", "q.gift")
    assert conversion.notes[0].message.startswith("more than one right answer")
    assert conversion.count == 1


def test_crlf_lowercase_true_and_numeric_alternatives() -> None:
    text = "// c\r\n::a::Is it? {true}\r\n\r\n::b::How many? {#=11:0#Yes =%50%10:1}\r\n"
    conversion = convert_gift(text.encode(), "q.gift")
    a, b = _load(conversion).questions
    assert (a.type, a.answer) == (QuestionType.TRUEFALSE, True)
    assert (b.answer, b.tolerance, b.explanation) == (11, 0, "Yes")
    assert [(n.where, n.message) for n in conversion.notes] == [
        ("line 4", "several numeric answers; kept the first fully right one"),
    ]


def test_escaped_newline_and_backslash() -> None:
    q = _one("Line one\\nline two \\\\ done {=yes}")
    assert q.prompt == "Line one\nline two \\ done"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"// only a comment\n", "no usable questions found"),
        (b"", "no usable questions found"),
        (b"Who? {=A}\n\xff", "line 2: not UTF-8"),
    ],
)
def test_unreadable_input_says_what_was_expected(data: bytes, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        convert_gift(data, "q.gift")


_words = st.text(st.characters(codec="utf-8"), max_size=12)
_token = st.sampled_from(
    [
        "=",
        "~",
        "#",
        "%50%",
        "%100%",
        "->",
        "\\",
        "\\:",
        "\\=",
        "T",
        "FALSE",
        "\n",
        " ",
        "..",
        ":",
        "[html]",
        "<b>",
        "&amp;",
        "12",
        "x",
        "####",
    ]
)
_body = st.lists(_token | _words, max_size=8).map("".join)
_record = st.builds(
    "{}{}{{{}}}{}".format,
    st.sampled_from(["", "::t::", "::Title: x::", "$CATEGORY: a/b\n"]),
    _words,
    st.one_of(_body, st.sampled_from(["=a ~b", "T", "#3:1", "#1..2", "=a =b"])),
    st.sampled_from(["", " tail", "\n// note"]),
)


@settings(max_examples=50, deadline=None)
@given(st.lists(_record | _words, max_size=5).map("\n\n".join))
def test_any_text_gives_a_valid_pack_or_a_clear_error(text: str) -> None:
    try:
        conversion = convert_gift(text.encode(), "q.gift")
    except QuizError as exc:
        _expect_unusable(exc)
        return
    assert len(_load(conversion).questions) == conversion.count


def _expect_unusable(error: QuizError) -> None:
    """The only errors random input may give: nothing usable, or not text at all."""
    assert "no usable questions" in error.message or "NUL" in error.message

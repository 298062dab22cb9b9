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
from quiz.packs.spec import question_family

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
    # Every answer's feedback is kept, each saying which answer it belongs to.
    assert q.explanation == (
        "Steven Spielberg: Yes: he was 27 when filming began.\n"
        "George Lucas: No: he was busy with Star Wars."
    )
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
    # {TRUE#shown for a wrong answer#shown for the right one}, both kept
    assert war.explanation == (
        "True: Right: it is set in December 1941.\nFalse: Wrong: it is set in December 1941."
    )


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
        ("line 22", False, "partly right answers not accepted: 'a boat' (50%)"),
        ("line 36", False, "partly right options counted as wrong: 'Lauren Bacall' (50%)"),
    ]


def test_unsupported_kinds_are_skipped_naming_their_line() -> None:
    conversion = _convert("broken.gift")
    assert [(n.where, n.skipped, n.message) for n in conversion.notes] == [
        ("line 2", True, "matching questions (a -> b) are not supported"),
        ("line 7", True, "an essay question (empty answer block) has no answer to check"),
        ("line 9", True, "no answer block in braces: a description, not a question"),
        (
            "line 11",
            True,
            "a multiple-answer question (no option is worth 100%: "
            "'Up' (50%), 'Cars' (50%), 'Shrek' (-100%))",
        ),
        ("line 13", True, "an answer block '{' is never closed with '}'"),
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
    assert (b.answer, b.tolerance) == (11, 0)
    assert b.explanation == "Yes"  # only the right answer has feedback: no label
    assert [(n.where, n.message) for n in conversion.notes] == [
        ("line 4", "partly right numbers not accepted: '10:1' (50%)"),
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


# -- every answer block, feedback, cloze and HTML (samples/blanks.gift) -----------------


@pytest.fixture(scope="module")
def blanks() -> tuple[dict[str, Question], list[tuple[str, bool, str]]]:
    conversion = _convert("blanks.gift")
    notes = [(n.where, n.skipped, n.message) for n in conversion.notes]
    return {q.id: q for q in _load(conversion).questions}, notes


def test_each_blank_becomes_its_own_question_in_one_family(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, notes = blanks
    first, second = questions["naznachenie-1--1"], questions["naznachenie-1--2"]
    assert (first.type, first.prompt, first.answer, first.wrong) == (
        QuestionType.CHOICE,
        "I drink _____ coffee, if I drink too much.",  # the other blank holds its answer
        "hardly any",
        ("a few",),
    )
    assert (second.prompt, second.answer, second.wrong) == (
        "I drink hardly any coffee, if I drink too _____.",
        "much",
        ("many",),
    )
    # One family: a round asks at most one of them (packs.spec.question_family).
    assert question_family(first.id) == question_family(second.id) == "naznachenie-1"
    assert ("line 4", False, "2 answer blocks: one question for each blank, asked apart") in notes
    assert all("{" not in q.prompt for q in questions.values())  # never a raw block


def test_category_in_another_script_keeps_its_letters(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, _ = blanks
    assert questions["arrows"].tags == ("стандарт-1-1-назначение",)


def test_arrows_inside_choice_options_are_text(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    q = blanks[0]["arrows"]
    assert (q.type, q.answer, q.wrong) == (
        QuestionType.CHOICE,
        "Downtown -> Uptown",
        ("Uptown -> Downtown", "Neither"),
    )
    assert q.explanation == "Downtown -> Uptown: Yes.\nUptown -> Downtown: Only at night."


def test_numbers_with_catch_all_several_answers_and_general_feedback(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, notes = blanks
    sides = questions["catchall"]
    assert (sides.type, sides.answer, sides.tolerance) == (QuestionType.NUMBER, 3, 0)
    assert sides.explanation == "Any other answer: Completely wrong"
    year = questions["years"]
    assert (year.answer, year.tolerance) == (1942, 0)
    assert year.explanation == (
        "1942: Exactly.\n1942:1: Close.\nAny other answer: No.\nIt opened in New York in 1942."
    )
    assert ("line 14", False, "partly right numbers not accepted: '1942:1' (50%)") in notes
    assert (questions["range"].answer, questions["range"].tolerance) == (128, 8)


def test_several_right_short_answers_keep_each_feedback(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, notes = blanks
    q = questions["many"]
    assert (q.type, q.answer, q.accept) == (QuestionType.TEXT, "red", ("blue",))
    assert q.explanation == "red: Yes, red.\nblue: Yes, blue.\npurple: Half: it mixes two."
    assert ("line 18", False, "partly right answers not accepted: 'purple' (50%)") in notes


def test_cloze_blocks_map_to_question_types(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, _ = blanks
    france, germany = questions["cloze--1"], questions["cloze--2"]
    assert (france.type, france.prompt, france.answer, france.wrong, france.explanation) == (
        QuestionType.CHOICE,
        "The capital of France is _____. Germany's is Berlin.",
        "Paris",
        ("Lyon",),
        "Right",
    )
    assert (germany.type, germany.prompt, germany.answer, germany.explanation) == (
        QuestionType.TEXT,
        "The capital of France is Paris. Germany's is _____.",
        "Berlin",
        "Any other answer: No",
    )
    pi = questions["cloze-number"]
    assert (pi.type, pi.prompt, pi.answer, pi.tolerance) == (
        QuestionType.NUMBER,
        "Pi to two places is _____.",
        3.14,
        0.005,
    )


def test_html_is_the_default_and_plain_keeps_what_was_typed(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    questions, _ = blanks
    assert questions["html-default"].prompt == "What does go mean?"  # tags and comment gone
    assert questions["plain"].prompt == "Is <b> shown as typed?"
    assert questions["two-plus-two-equals"].prompt == "Two plus two equals _____."


def test_a_true_false_block_among_blanks_is_skipped_with_the_reason(
    blanks: tuple[dict[str, Question], list[tuple[str, bool, str]]],
) -> None:
    _, notes = blanks
    assert (
        "line 30",
        True,
        "a true/false block among other blanks cannot be asked alone",
    ) in notes


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("Q {=a ~b} and {}", "line 1", "answer block 2: an essay question"),
        ("Q {=a ~b} and {~x ~y}", "line 1", "answer block 2: no right answer"),
        ("Q {1:MR:~%50%a~%50%b}", "line 1", "a multiple-response embedded answer"),
    ],
)
def test_a_block_that_cannot_be_used_skips_its_question(
    text: str, where: str, message: str
) -> None:
    with pytest.raises(QuizError) as info:
        convert_gift(text.encode(), "q.gift")
    assert info.value.hint is not None
    assert f"q.gift:{where}: skipped: {message}" in info.value.hint


def test_a_long_run_of_spaces_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.authoring.convert import gift

    seen: list[int] = []
    tidy = gift.tidy_spacing

    def counting(text: str) -> str:
        seen.append(len(text))
        return tidy(text)

    monkeypatch.setattr(gift, "tidy_spacing", counting)
    text = "Who directed Jaws?" + " " * 200_000 + "{=Steven Spielberg ~George Lucas}\n"
    (q,) = _load(convert_gift(text.encode(), "q.gift")).questions
    assert q.prompt == "Who directed Jaws?"
    # Each piece of text is tidied once: the work is the input's length, not its square.
    assert sum(seen) <= 2 * len(text)

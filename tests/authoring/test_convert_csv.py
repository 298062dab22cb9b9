"""CSV -> pack format 1."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.authoring.convert.common import Conversion
from quiz.authoring.convert.csvpack import convert_csv
from quiz.errors import QuizError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack, QuestionType

SAMPLES = Path(__file__).parent / "samples"


def _convert(name: str, **kwargs: Any) -> Conversion:
    return convert_csv((SAMPLES / name).read_bytes(), name, **kwargs)


def _load(conversion: Conversion) -> Pack:
    return parse_pack(dump_pack_yaml(conversion.document), "imported.yaml")


def _notes(conversion: Conversion) -> list[tuple[str, bool, str]]:
    return [(n.where, n.skipped, n.message) for n in conversion.notes]


def test_excel_file_with_bom_crlf_and_every_column() -> None:
    conversion = _convert("film.csv")
    assert conversion.notes == []
    pack = _load(conversion)
    assert (pack.id, pack.title) == ("film", "Film")
    jaws, toy, casablanca, orca, gigawatts, amelie = pack.questions
    assert jaws.id == "jaws-director"  # the id column
    assert (jaws.type, jaws.answer) == (QuestionType.CHOICE, "Steven Spielberg")
    assert jaws.wrong == ("George Lucas", "Martin Scorsese", "Francis Ford Coppola")
    assert jaws.tags == ("people", "directors")
    assert jaws.difficulty == "easy"
    assert (toy.type, toy.answer) == (QuestionType.TRUEFALSE, True)  # "Yes"
    assert (casablanca.type, casablanca.answer, casablanca.tolerance) == (
        QuestionType.NUMBER,
        1942,
        1,
    )
    # A quoted field across lines keeps its line break, without the CR.
    assert casablanca.explanation == (
        "It premiered in New York in November 1942,\nbefore its wide release in January 1943."
    )
    assert (orca.type, orca.accept, orca.hint) == (
        QuestionType.TEXT,
        ("the Orca", "Orca boat"),
        "It is named after a whale.",
    )
    assert (
        gigawatts.prompt
        == 'In "Back to the Future", how many gigawatts does the time machine need?'
    )
    assert gigawatts.answer == 1.21
    assert (amelie.type, amelie.prompt) == (
        QuestionType.CHOICE,
        "Which city is Amélie (2001) set in?",
    )


def test_semicolon_file_with_a_decimal_comma() -> None:
    conversion = _convert("film_semicolon.csv")
    assert _notes(conversion) == [("line 3", False, "read the answer '1,85' as 1.85")]
    lang, ratio = _load(conversion).questions
    assert lang.answer == "Fritz Lang"
    assert lang.wrong == ("F. W. Murnau", "Billy Wilder")
    assert lang.tags == ("stummfilm",)
    assert (ratio.type, ratio.answer) == (QuestionType.NUMBER, 1.85)


def test_broken_rows_are_noted_with_the_line_they_start_on() -> None:
    conversion = _convert("broken.csv")
    assert _notes(conversion) == [
        (
            "line 1",
            False,
            "unknown column 'colour' ignored; known columns: prompt, answer, "
            "wrong, type, difficulty, tags, accept, tolerance, explanation, hint, source, id, "
            "wrong1..wrongN",
        ),
        ("line 3", True, "no answer"),
        # lines 4-5 are one record with a line break inside quotes
        ("line 6", True, "a truefalse answer must be true, false, yes or no, not 'perhaps'"),
        ("line 7", True, "a number question's answer must be a number, not 'two hours'"),
        ("line 8", False, "6 wrong options; kept the first 5"),
        (
            "line 9",
            False,
            "the answer 'Sigourney Weaver' was also a wrong option; "
            "removed it from the wrong options",
        ),
        ("line 10", True, "the same question as line 2"),
        (
            "line 11",
            True,
            "unknown type 'quiz-type'; expected one of: choice, truefalse, text, number",
        ),
        ("line 12", False, "1 cells beyond the header's columns ignored"),
        (
            "line 12",
            False,
            "'Bad ID!' is not a valid id (lowercase letters, digits and '-', "
            "at most 64 characters, e.g. 'la-la-land'); used 'bad-id'",
        ),
    ]
    pack = _load(conversion)
    assert [q.id for q in pack.questions] == [
        "alien-director",
        "films-came-out-first",
        "pixar-film",
        "played-ellen-ripley-alien",
        "bad-id",
    ]
    assert pack.questions[1].prompt == "Which of these films\ncame out first?"
    assert conversion.notes[1].render("broken.csv") == "broken.csv:line 3: skipped: no answer"


def test_tabs_aliases_and_a_single_wrong_column() -> None:
    data = (
        b"Question\tAnswer\tWrong\tType\tTolerance\tAccept\n"
        b"Who directed Heat?\tMichael Mann\tTony Scott | Ridley Scott\t\t\t\n"
        b"How many Oscars did Titanic win?\t11\t\tnumeric\t0\t\n"
        b"Is Heat a 1995 film?\tTRUE\t\ttf\t\t\n"
        b"Name Heat's director\tMichael Mann\t\ttext\t2\tMann\n"
    )
    conversion = convert_csv(data, "heat.tsv")
    heat, titanic, year, name = _load(conversion).questions
    assert heat.wrong == ("Tony Scott", "Ridley Scott")
    assert (titanic.type, titanic.answer) == (QuestionType.NUMBER, 11)
    assert (year.type, year.answer) == (QuestionType.TRUEFALSE, True)
    assert (name.type, name.accept) == (QuestionType.TEXT, ("Mann",))
    assert _notes(conversion) == [
        (
            "line 5",
            False,
            "'tolerance' is only for number questions; ignored on this text question",
        ),
    ]


def test_blank_lines_and_empty_rows_are_skipped_quietly() -> None:
    data = b"prompt,answer\n\n,\n  ,  \nWho directed Heat?,Michael Mann\n\n"
    conversion = convert_csv(data, "q.csv")
    assert conversion.notes == []
    assert conversion.count == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\n", "the file is empty"),
        (b"question;reply\nWho?;Me\n", "no header row with the columns prompt and answer"),
        (b"prompt,answer\n", "no usable questions found"),
        (b'prompt,answer\n"Who directed Heat?,Mann\n', r"line 2: not readable as CSV"),
        (b"prompt,answer\nWho?,\xff\n", "line 2: not UTF-8"),
        (b"prompt,answer\x00\n", "NUL"),
    ],
)
def test_unreadable_input_says_what_was_expected(data: bytes, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        convert_csv(data, "q.csv")


def test_no_usable_rows_hints_at_the_first_reasons() -> None:
    with pytest.raises(QuizError) as info:
        convert_csv(b"prompt,answer\nWho?,\n", "q.csv")
    assert info.value.hint == "q.csv:line 2: skipped: no answer"


_cell = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "true", "no", "3,5", "1e3", "choice", "number", "truefalse", "a|b|a"]),
)
_header = ["prompt", "answer", "wrong1", "wrong2", "type", "tags", "accept", "tolerance", "id"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_cell, min_size=0, max_size=10), max_size=6))
def test_any_rows_give_a_valid_pack_or_a_clear_error(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([_header, *rows])
    try:
        conversion = convert_csv(buffer.getvalue().encode(), "q.csv")
    except QuizError as exc:
        _expect_unusable(exc)
        return
    assert len(_load(conversion).questions) == conversion.count


def _expect_unusable(error: QuizError) -> None:
    """The only errors random input may give: nothing usable, or not text at all."""
    assert "no usable questions" in error.message or "NUL" in error.message

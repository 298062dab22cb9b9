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
        ("line 1", False, "columns not used: colour"),
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
        # the same question text with another answer is kept: only a full repeat is dropped
        (
            "line 10",
            False,
            "the same question text as line 2, with other answers or another type; kept both",
        ),
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
        "directed-alien-1979",
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
        (b"question;reply\nWho?;Me\n", "the header row \\(question, reply\\) names no question"),
        (b"prompt,answer\n", "no usable questions found"),
        (b'prompt,answer\n"Who directed Heat?,Mann\n', r"line 2: not readable as CSV"),
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


# -- files as people save them -------------------------------------------------------


def test_kahoot_template_saved_as_csv() -> None:
    conversion = _convert("kahoot.csv")
    jaws, amelie = _load(conversion).questions
    assert (jaws.type, jaws.prompt, jaws.answer, jaws.wrong) == (
        QuestionType.CHOICE,
        "Who directed Jaws?",
        "Steven Spielberg",  # "Correct answer(s)" 2 is the second of Answer 1..4
        ("George Lucas", "Ridley Scott"),
    )
    assert (amelie.answer, amelie.wrong) == ("Paris", ("Lyon",))
    assert _notes(conversion) == [
        ("line 7", False, "skipped 5 rows above the header"),
        ("line 9", True, "several correct answers ('Up', 'Cars'): choice questions have one"),
    ]
    # The kept questions' time limit (20 s) becomes the pack's, and is said.
    assert conversion.document["pack"]["defaults"] == {"time_limit": 20}
    assert "every question had a time limit of 20 s: the pack's time limit" in conversion.detected
    assert conversion.detected[1].startswith(
        "columns used: Question - max 120 characters as prompt, "
        "Answer 1 - max 75 characters as options"
    )


def test_differing_time_limits_are_noted() -> None:
    data = b"question,answer,time limit\nWho?,Me,20\nWhere?,Here,30\nWhen?,Now,20\n"
    conversion = convert_csv(data, "q.csv")
    assert conversion.document["pack"]["defaults"] == {"time_limit": 20}
    assert _notes(conversion) == [
        (
            "time limit",
            False,
            "questions had their own time limits (20 s (2), 30 s (1)); the pack uses 20 s",
        )
    ]


def test_no_header_windows_1252_and_cr_line_endings() -> None:
    conversion = _convert("headerless_cp1252.csv")
    assert conversion.notes == []
    assert conversion.detected == [
        "read as Windows-1252, fields separated by semicolons",
        "columns used: column 1 as prompt, column 2 as answer",
    ]
    amelie, titanic, cafe = _load(conversion).questions
    assert (amelie.type, amelie.prompt, amelie.answer) == (
        QuestionType.TEXT,
        "Who directed Amélie?",
        "Jean-Pierre Jeunet",
    )
    assert (titanic.type, titanic.answer) == (QuestionType.NUMBER, 11)  # a plain number
    assert cafe.answer == "Amélie"


def test_utf16_tabs_and_numbered_wrong_words() -> None:
    conversion = _convert("utf16.tsv")
    (heat,) = _load(conversion).questions
    assert (heat.type, heat.answer, heat.wrong, heat.tags) == (
        QuestionType.CHOICE,
        "Michael Mann",
        ("Tony Scott", "Ridley Scott"),
        ("entertainment-film",),
    )
    assert conversion.detected[0] == "read as UTF-16, fields separated by tabs"
    assert conversion.detected[1] == (
        "columns used: question as prompt, right_answer as answer, wrong_one as wrong, "
        "wrong_two as wrong, category as tags"
    )


def test_open_trivia_db_columns_with_a_list_cell() -> None:
    conversion = _convert("opentdb_style.csv")
    assert conversion.notes == []
    heat, year = _load(conversion).questions
    assert (heat.type, heat.answer, heat.wrong, heat.difficulty, heat.tags) == (
        QuestionType.CHOICE,
        "Michael Mann",
        ("Tony Scott", "Ridley Scott", "Brian De Palma"),
        "easy",
        ("entertainment-film",),
    )
    assert (year.type, year.answer) == (QuestionType.TRUEFALSE, True)


def test_options_with_the_number_letter_or_text_of_the_right_one() -> None:
    jaws, amelie, alien = _load(_convert("options_index.csv")).questions
    assert (jaws.answer, jaws.wrong, jaws.explanation) == (
        "Steven Spielberg",
        ("George Lucas", "Ridley Scott"),
        "He was 27.",
    )
    assert (amelie.answer, amelie.wrong) == ("Paris", ("Lyon", "Nice"))
    assert (alien.answer, alien.wrong) == ("Ridley Scott", ("Tony Scott",))


@pytest.mark.parametrize(
    ("header", "row", "answer", "wrong"),
    [
        (
            "question,right_answer,wrong_one,wrong_two,wrong_three",
            "Q?,a,b,c,d",
            "a",
            ("b", "c", "d"),
        ),
        ("Question,Correct,Incorrect 1,Incorrect 2", "Q?,a,b,c", "a", ("b", "c")),
        ("prompt,option_a,option_b,option_c,answer", "Q?,b,a,c,B", "a", ("b", "c")),
        ("Question,A,B,C,D,Correct Answer", "Q?,w,x,y,z,d", "z", ("w", "x", "y")),
        ("question,correct_answer,incorrect_answers", "Q?,a,b|c", "a", ("b", "c")),
    ],
)
def test_common_header_names(header: str, row: str, answer: str, wrong: tuple[str, ...]) -> None:
    (q,) = _load(convert_csv(f"{header}\n{row}\n".encode(), "q.csv")).questions
    assert (q.type, q.answer, q.wrong) == (QuestionType.CHOICE, answer, wrong)


def test_columns_option_overrides_the_guess() -> None:
    data = b"Who directed Heat?,ignored,Michael Mann,Tony Scott\n"
    conversion = convert_csv(data, "q.csv", columns=["prompt", "-", "answer", "wrong"])
    (q,) = _load(conversion).questions
    assert (q.answer, q.wrong) == ("Michael Mann", ("Tony Scott",))
    assert conversion.detected[1] == (
        "columns used: column 1 as prompt, column 3 as answer, column 4 as wrong"
    )
    with pytest.raises(QuizError, match="--columns: unknown column name 'colour'"):
        convert_csv(data, "q.csv", columns=["prompt", "colour"])


def test_a_five_thousand_digit_number_is_a_skipped_record() -> None:
    huge = "9" * 5000
    data = f"question,answer,type\nHow big?,{huge},number\nWho?,Me,\n".encode()
    conversion = convert_csv(data, "q.csv")
    assert conversion.count == 1
    ((where, skipped, message),) = _notes(conversion)
    assert (where, skipped) == ("line 2", True)
    assert message == (
        "a number question's answer must be a number, not '99999999999999999999... "
        "(5,000 characters)'"
    )


def test_rows_sharing_an_id_cost_one_step_each(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.authoring.convert import collect

    made: list[collect.Collector] = []
    real_init = collect.Collector.__init__

    def remember(self: collect.Collector, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(collect.Collector, "__init__", remember)
    rows = "".join(f"same,Who directed film {i}?,Director {i}\n" for i in range(20_000))
    conversion = convert_csv(f"id,question,answer\n{rows}".encode(), "q.csv")
    ids = [q["id"] for q in conversion.document["questions"]]
    assert ids[:3] == ["same", "same-2", "same-3"]
    assert ids[-1] == "same-20000"
    assert len(set(ids)) == 20_000
    # Work counted, not timed: at most two ids tried per row (it was 200 million).
    (collector,) = made
    assert collector.id_tries < 2 * 20_000


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(codec: str) -> None:
    conversion = convert_csv(
        "question,answer\nWho directed Heat?,Michael Mann\n".encode(codec), "q"
    )
    assert conversion.detected[0] == "read as UTF-16, fields separated by commas"
    assert _load(conversion).questions[0].answer == "Michael Mann"


def test_an_option_number_past_the_options_is_skipped() -> None:
    data = b"question,option 1,option 2,correct\nWho?,A,B,3\nWhere?,Here,There,2\n"
    conversion = convert_csv(data, "q.csv")
    assert _notes(conversion) == [
        ("line 2", True, "the answer '3' names an option that is not there")
    ]
    assert _load(conversion).questions[0].answer == "There"

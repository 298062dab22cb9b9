"""Open Trivia DB JSON -> pack format 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.authoring.convert.common import Conversion
from quiz.authoring.convert.opentdb import convert_opentdb
from quiz.errors import QuizError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack, QuestionType

SAMPLES = Path(__file__).parent / "samples"


def _convert(name: str, **kwargs: Any) -> Conversion:
    return convert_opentdb((SAMPLES / name).read_bytes(), name, **kwargs)


def _load(conversion: Conversion) -> Pack:
    """The document as a pack file, loaded the way every pack is."""
    return parse_pack(dump_pack_yaml(conversion.document), "imported.yaml")


def test_film_sample_decodes_html_and_maps_types() -> None:
    conversion = _convert("opentdb_film.json")
    pack = _load(conversion)
    assert conversion.notes == []
    assert (pack.id, pack.title) == ("opentdb-film", "Opentdb film")
    prompts = [q.prompt for q in pack.questions]
    assert prompts[0] == 'Who directed "Jaws" (1975)?'
    assert prompts[1] == 'In which city is "Amélie" (2001) set?'
    assert prompts[3] == 'Charlie Chaplin\'s "Modern Times" was released in 1956.'
    jaws, _, toy_story, chaplin, ghibli, _ = pack.questions
    assert jaws.type is QuestionType.CHOICE
    assert jaws.answer == "Steven Spielberg"
    assert jaws.wrong == ("George Lucas", "Martin Scorsese", "Francis Ford Coppola")
    assert jaws.difficulty == "easy"
    assert (toy_story.type, toy_story.answer) == (QuestionType.TRUEFALSE, True)
    assert chaplin.answer is False
    assert jaws.tags == ("entertainment-film",)
    assert ghibli.tags == ("entertainment-japanese-anime-manga",)
    assert pack.source is not None
    assert pack.source.publisher == "Open Trivia Database"


def test_question_ids_are_unique_readable_slugs() -> None:
    pack = _load(_convert("opentdb_film.json"))
    ids = [q.id for q in pack.questions]
    assert ids[0] == "directed-jaws-1975"
    assert ids[3] == "charlie-chaplins-modern-times-released"
    assert len(set(ids)) == len(ids)


def test_id_and_title_can_be_given() -> None:
    pack = _load(_convert("opentdb_film.json", pack_id="film-night", title="Film night: round 1"))
    assert (pack.id, pack.title) == ("film-night", "Film night: round 1")


def test_an_invalid_pack_id_is_refused() -> None:
    with pytest.raises(QuizError, match="not a valid pack id"):
        _convert("opentdb_film.json", pack_id="Film Night")


def test_broken_records_are_skipped_or_fixed_with_notes() -> None:
    conversion = _convert("opentdb_broken.json")
    notes = [(n.where, n.skipped, n.message) for n in conversion.notes]
    assert notes == [
        ("results[1]", True, "missing 'correct_answer'"),
        ("results[2]", True, "unknown type 'matching'; expected multiple or boolean"),
        ("results[3]", False, "6 wrong options; kept the first 5"),
        (
            "results[4]",
            False,
            "the answer 'Sigourney Weaver' was also a wrong option; "
            "removed it from the wrong options",
        ),
        # the same question text with other answers: kept, with a note
        (
            "results[5]",
            False,
            "the same question text as results[0], with other answers or another type; kept both",
        ),
        ("results[6]", True, "a boolean question's answer must be True or False, not 'Maybe'"),
        ("results[7]", True, "not a question object"),
        ("results[8]", True, "'incorrect_answers' must be a list"),
        ("results[9]", False, "unknown difficulty 'extreme'; used medium"),
        ("results[10]", False, "wrong option listed twice, kept once: john williams"),
        (
            "results[10]",
            False,
            "the answer 'John Williams' was also a wrong option; removed it from the wrong options",
        ),
        ("results[10]", True, "a choice question needs at least one wrong option"),
    ]
    assert conversion.skipped == 6
    pack = _load(conversion)
    assert [q.answer for q in pack.questions] == [
        "Jack Nicholson",
        "Up",
        "Sigourney Weaver",
        pack.questions[3].answer,
        "Michael Mann",
    ]
    assert pack.questions[0].id != pack.questions[3].id
    assert pack.questions[1].wrong == ("Shrek", "Antz", "Madagascar", "Happy Feet", "Ice Age")
    assert pack.questions[2].wrong == ("Jamie Lee Curtis", "Linda Hamilton")
    assert pack.questions[4].difficulty == "medium"


def test_a_note_renders_with_its_index() -> None:
    note = _convert("opentdb_broken.json").notes[0]
    assert note.render("dl.json") == "dl.json: results[1]: skipped: missing 'correct_answer'"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("opentdb_base64.json", "encode=base64"), ("opentdb_url3986.json", "encode=url3986")],
)
def test_encoded_responses_are_decoded_exactly(name: str, encoding: str) -> None:
    conversion = _convert(name)
    assert conversion.detected == [f"strings decoded as fetched with {encoding}"]
    (jaws,) = _load(conversion).questions
    assert (jaws.type, jaws.prompt, jaws.answer, jaws.wrong, jaws.difficulty, jaws.tags) == (
        QuestionType.CHOICE,
        "Who directed Jaws?",
        "Steven Spielberg",
        ("George Lucas",),
        "easy",
        ("entertainment-film",),
    )


def test_url_legacy_encoding_is_decoded() -> None:
    record = {
        "type": "boolean",
        "difficulty": "hard",
        "category": "Entertainment%3A+Film",
        "question": "%22Am%C3%A9lie%22+is+set+in+Paris.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }
    conversion = convert_opentdb(
        json.dumps({"response_code": 0, "results": [record]}).encode(), "x"
    )
    assert conversion.detected == ["strings decoded as fetched with encode=urlLegacy"]
    (q,) = _load(conversion).questions
    assert (q.type, q.prompt, q.answer, q.tags) == (
        QuestionType.TRUEFALSE,
        '"Amélie" is set in Paris.',
        True,
        ("entertainment-film",),
    )


@pytest.mark.parametrize(
    ("document", "message", "hint"),
    [
        (
            {"response_code": 1, "results": []},
            r"response_code 1 \(no results",
            "ask for fewer questions",
        ),
        (
            {"response_code": 4, "results": []},
            r"response_code 4 \(token empty",
            "reset the token",
        ),
        ({"response_code": 3, "results": []}, "token not found", "new session token"),
        ({"response_code": 5, "results": []}, "rate limit", "wait 5 seconds"),
        (
            {
                "response_code": 0,
                "response_message": "Token Generated Successfully!",
                "token": "ab",
            },
            "a session token from the API, not questions",
            "&token=",
        ),
        (
            {"trivia_categories": [{"id": 11, "name": "Entertainment: Film"}]},
            "list of categories, not questions",
            "&category=ID",
        ),
    ],
)
def test_api_answers_without_questions_say_what_they_are(
    document: dict[str, Any], message: str, hint: str
) -> None:
    with pytest.raises(QuizError, match=message) as info:
        convert_opentdb(json.dumps(document).encode(), "in.json")
    assert hint in (info.value.hint or "")


def test_the_no_results_sample_is_explained() -> None:
    with pytest.raises(QuizError, match=r"response_code 1 \(no results"):
        _convert("opentdb_no_results.json")


def test_a_five_thousand_digit_number_is_a_skipped_record() -> None:
    huge = "9" * 5000
    text = (
        '{"response_code": 0, "results": ['
        f'{{"type": "multiple", "question": "How big?", "correct_answer": {huge},'
        ' "incorrect_answers": [1, 2]},'
        '{"type": "multiple", "question": "Who?", "correct_answer": "Me",'
        ' "incorrect_answers": ["You"]}]}'
    )
    conversion = convert_opentdb(text.encode(), "in.json")
    assert conversion.count == 1
    assert [(n.where, n.skipped, n.message) for n in conversion.notes] == [
        ("results[0]", True, "the answer is longer than 2,000 characters"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"results": [', "line 1: not JSON"),
        (b'{"questions": []}', 'expected Open Trivia DB JSON: an object with a "results" list'),
        (b"[1, 2]", "no usable questions found"),
        (b'{"results": []}', "no usable questions found"),
        (b'{"results": "x"}', "expected Open Trivia DB JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000, "nested too deeply|not JSON"),
    ],
)
def test_unreadable_input_says_what_was_expected(data: bytes, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        convert_opentdb(data, "in.json")


def test_a_nonzero_response_code_with_results_is_a_note() -> None:
    document = json.loads((SAMPLES / "opentdb_film.json").read_text())
    document["response_code"] = 5
    conversion = convert_opentdb(json.dumps(document).encode(), "in.json")
    assert conversion.notes[0].where == "response_code"
    assert "rate limit" in conversion.notes[0].message
    assert conversion.count == 6


def test_a_bare_list_of_results_is_read() -> None:
    results = json.loads((SAMPLES / "opentdb_film.json").read_text())["results"]
    assert convert_opentdb(json.dumps(results).encode(), "in.json").count == 6


_value = st.one_of(
    st.text(max_size=30), st.integers(), st.none(), st.booleans(), st.lists(st.text(max_size=10))
)
_record = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["multiple", "boolean", "other"]) | _value,
        "question": st.text(max_size=60) | _value,
        "correct_answer": st.sampled_from(["True", "False", "x"]) | _value,
        "incorrect_answers": st.lists(st.text(max_size=20), max_size=7) | _value,
        "difficulty": st.sampled_from(["easy", "hard", "?"]),
        "category": st.text(max_size=50),
    }
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_record, max_size=6))
def test_any_records_give_a_valid_pack_or_a_clear_error(records: list[dict[str, Any]]) -> None:
    data = json.dumps({"response_code": 0, "results": records}).encode()
    try:
        conversion = convert_opentdb(data, "in.json")
    except QuizError as exc:
        _expect_unusable(exc)
        return
    assert len(_load(conversion).questions) == conversion.count


def test_a_lone_surrogate_escape_becomes_a_replacement_character() -> None:
    data = b'[{"type": "multiple", "question": "Who \\ud800?", "correct_answer": "A",'
    data += b' "incorrect_answers": ["B"]}]'
    assert _load(convert_opentdb(data, "in.json")).questions[0].prompt == "Who \ufffd?"


def _expect_unusable(error: QuizError) -> None:
    """The only errors random input may give: nothing usable, or not text at all."""
    assert "no usable questions" in error.message or "NUL" in error.message

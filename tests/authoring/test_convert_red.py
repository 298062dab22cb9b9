"""Red-DiscordBot trivia lists -> pack format 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.authoring.convert.common import Conversion
from quiz.authoring.convert.red import convert_red
from quiz.errors import QuizError
from quiz.packs.dump import dump_pack_yaml
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack, QuestionType

SAMPLES = Path(__file__).parent / "samples"


def _convert(name: str) -> Conversion:
    return convert_red((SAMPLES / name).read_bytes(), name)


def _load(conversion: Conversion) -> Pack:
    return parse_pack(dump_pack_yaml(conversion.document), "imported.yaml")


@pytest.fixture(scope="module")
def film() -> Conversion:
    return _convert("film_red.yaml")


def test_every_listed_answer_is_accepted(film: Conversion) -> None:
    jaws, casablanca, dalmatians, noon, lights, marx = _load(film).questions
    assert (jaws.type, jaws.prompt, jaws.answer, jaws.accept) == (
        QuestionType.TEXT,
        "Who directed Jaws?",
        "Steven Spielberg",
        ("Spielberg",),
    )
    # YAML 1.1 would have read these as True, 101 (an int), 720 and True: kept as typed.
    assert (casablanca.answer, casablanca.accept) == ("yes", ("Yes it is",))
    assert (dalmatians.type, dalmatians.answer) == (QuestionType.TEXT, "101")
    assert noon.answer == "12:00"
    assert lights.answer == "on"
    assert marx.accept == ("1,000 Clowns",)  # the comment after the first answer is gone
    assert marx.answer == "A Night at the Opera"


def test_author_description_and_config(film: Conversion) -> None:
    pack = _load(film)
    assert pack.source is not None
    assert pack.source.author == "Jane Doe"
    assert pack.description == "A few film questions, written for these tests."
    assert pack.defaults.time_limit == 25  # CONFIG delay: seconds per question
    assert "CONFIG delay 25: the pack's time limit, in seconds" in film.detected


def test_skips_and_settings_that_do_not_map_are_noted(film: Conversion) -> None:
    assert [(n.where, n.skipped, n.message) for n in film.notes] == [
        ("line 26", True, "the same question as line 10"),
        (
            "line 7",
            False,
            "CONFIG timeout: 120 not used (seconds the bot waits for anyone to answer before "
            "it stops; quiz has no such wait)",
        ),
        (
            "line 8",
            False,
            "CONFIG max_score: 10 not used (points that win a session; a quiz round has a "
            "set number of questions)",
        ),
        (
            "line 9",
            False,
            "CONFIG reveal_answer: true not used (whether the bot shows the answer; quiz "
            "always does)",
        ),
        (
            "line 22",
            True,
            "the question shows or plays https://i.imgur.com/abc123.png, which a terminal cannot",
        ),
        (
            "line 24",
            True,
            "the question shows or plays https://www.youtube.com/watch?v=abcdef, "
            "which a terminal cannot",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just\n- a list\n", "expected a Red-DiscordBot trivia list"),
        ("AUTHOR: x\n", "no usable questions found"),
        ("Q?: [unclosed\n", "line 2"),
        ("Q?:\n  nested: map\n", "no usable questions found"),
    ],
)
def test_unreadable_lists_say_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        convert_red(text.encode(), "list.yaml")


def test_answers_that_are_not_texts_are_skipped() -> None:
    conversion = convert_red(b"Q1?:\n  a: b\nQ2?: []\nQ3?: only one\n", "list.yaml")
    assert [(n.where, n.message) for n in conversion.notes] == [
        ("line 1", "the answers must be a list of texts"),
        ("line 3", "no answers listed"),
    ]
    (q,) = _load(conversion).questions
    assert (q.prompt, q.answer) == ("Q3?", "only one")


def test_odd_meta_is_noted() -> None:
    text = b"AUDIO: '[Audio] Name the film'\nCONFIG: fast\nQ?:\n- a\nR?:\n- b\n"
    conversion = convert_red(text, "list.yaml")
    assert [(n.where, n.message) for n in conversion.notes] == [
        ("line 1", "an audio list: its questions play sound from URLs"),
        ("line 2", "CONFIG is not a mapping; left out"),
    ]
    bad_delay = convert_red(b"CONFIG:\n  delay: soon\n  colour: red\nQ?:\n- a\n", "l.yaml")
    assert [(n.where, n.message) for n in bad_delay.notes] == [
        ("line 2", "CONFIG delay 'soon' is not a number of seconds; left out"),
        ("line 3", "CONFIG colour: red not used (a setting quiz does not know)"),
    ]
    assert "defaults" not in bad_delay.document["pack"]

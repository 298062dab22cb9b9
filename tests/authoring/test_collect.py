"""The collector: one place for format 1's rules on imported drafts."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import Draft
from quiz.authoring.convert.names import slugify
from quiz.packs.spec import question_family


def _draft(where: str, **fields: Any) -> Draft:
    base: dict[str, Any] = {"type": "text", "prompt": "Who directed Jaws?", "answer": "Spielberg"}
    return Draft(where=where, **(base | fields))


def _notes(c: Collector) -> list[tuple[str, bool, str]]:
    return [(n.where, n.skipped, n.message) for n in c.notes]


def test_only_the_same_prompt_type_and_answers_is_a_duplicate() -> None:
    c = Collector()
    c.add(_draft("line 1"))
    c.add(_draft("line 2", answer="spielberg"))  # the same, but for case
    c.add(_draft("line 3", type="choice", answer="Spielberg", wrong=["Lucas"]))
    c.add(_draft("line 4", answer="Steven Spielberg"))
    c.add(_draft("line 5", type="truefalse", prompt="Jaws is from 1975.", answer=True))
    c.add(_draft("line 6", type="truefalse", prompt="Jaws is from 1975.", answer=False))
    assert [q["id"] for q in c.questions] == [
        "directed-jaws",
        "directed-jaws-2",
        "directed-jaws-3",
        "jaws-1975",
        "jaws-1975-2",
    ]
    alike = "with other answers or another type; kept both"
    assert _notes(c) == [
        ("line 2", True, "the same question as line 1 (prompt, type and answers)"),
        ("line 3", False, f"the same question text as line 1, {alike}"),
        ("line 4", False, f"the same question text as line 1, {alike}"),
        ("line 6", False, f"the same question text as line 5, {alike}"),
    ]


def test_a_family_shares_an_id_base() -> None:
    c = Collector()
    for n in (1, 2):
        c.add(_draft("line 1", prompt=f"Blank {n} _____", id_hint="Two blanks", family="line 1"))
    c.add(_draft("line 9", prompt="Other", id_hint="two-blanks--1"))  # '--' is kept for families
    ids = [q["id"] for q in c.questions]
    assert ids == ["two-blanks--1", "two-blanks--2", "two-blanks-1"]
    assert [question_family(i) for i in ids] == ["two-blanks", "two-blanks", None]


def test_tags_are_normalised_and_ids_transliterated() -> None:
    c = Collector()
    c.add(_draft("line 1", prompt="Что такое кино?", tags=["СТАНДАРТ_1.1_Назначение", "Film"]))
    c.add(_draft("line 2", prompt="映画とは何ですか?"))
    first, second = c.questions
    assert first["tags"] == ["стандарт-1-1-назначение", "film"]
    assert first["id"] == "chto-takoe-kino"
    assert second["id"] == "q2"  # no simple transliteration: numbered


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Назначение 1.1", "naznachenie-1-1"),
        ("Ελληνικά", "ellinika"),
        ("Café Müller straße", "cafe-muller-strasse"),
        ("Chaplin's film", "chaplins-film"),
        ("日本語", ""),
    ],
)
def test_slugify_transliterates_where_simple(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_answer_kinds_come_from_the_spec() -> None:
    c = Collector()
    c.add(_draft("line 1", type="number", answer="12"))
    c.add(_draft("line 2", type="essay"))
    c.add(_draft("line 3", type="number", answer=float("inf")))
    assert _notes(c) == [
        ("line 1", True, "the answer '12' does not suit a number question"),
        ("line 2", True, "unknown question type 'essay'"),
        ("line 3", True, "the answer inf is not a number a pack can hold"),
    ]

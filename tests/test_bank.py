"""Invariants of the built-in question bank (questions.yaml)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quiz.authoring.verify import verify_pack
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.load import load_pack
from quiz.packs.model import Difficulty, Pack, QuestionType

REPO = Path(__file__).resolve().parent.parent
BUILTIN_PACK = REPO / "questions.yaml"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(BUILTIN_PACK, origin="built-in", use_cache=False)


def test_the_builtin_pack_loads(pack: Pack) -> None:
    assert pack.id == BUILTIN_ID
    assert pack.title == "La La Land: a first look"
    assert pack.source is not None
    assert pack.source.publisher == "Entertainment Weekly"
    assert pack.source.date == "2015-12-30"


def test_at_least_40_questions(pack: Pack) -> None:
    assert len(pack.questions) >= 40


def test_every_type_at_least_5_times(pack: Pack) -> None:
    counts = Counter(q.type for q in pack.questions)
    assert {t: counts[t] >= 5 for t in QuestionType} == dict.fromkeys(QuestionType, True)


def test_all_three_difficulties(pack: Pack) -> None:
    mix = pack.difficulty_mix()
    assert all(mix[d] > 0 for d in Difficulty), mix


def test_ids_are_unique(pack: Pack) -> None:
    ids = [q.id for q in pack.questions]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_question_has_a_source_found_in_the_article(
    pack: Pack, la_la_land_article: Path
) -> None:
    article = la_la_land_article.read_text(encoding="utf-8")
    report = verify_pack(pack, article, str(la_la_land_article))
    assert report.unsourced == []
    assert report.missing == []
    assert len(report.found) == len(pack.questions)


def test_at_least_30_distinct_sources(pack: Pack) -> None:
    assert len({q.source for q in pack.questions}) >= 30


def test_choice_questions_have_3_wrong_options_without_the_answer(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.CHOICE:
            assert len(q.wrong) >= 3, q.id
            assert isinstance(q.answer, str)
            assert q.answer.casefold() not in {w.casefold() for w in q.wrong}, q.id
            assert len({w.casefold() for w in q.wrong}) == len(q.wrong), q.id


def test_text_answers_are_clean_strings(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.TEXT:
            assert isinstance(q.answer, str), q.id
            assert q.answer, q.id
            assert q.answer == q.answer.strip(), q.id
            assert q.answer.casefold() not in {a.casefold() for a in q.accept}, q.id


def test_answers_have_the_type_of_their_question(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.TRUEFALSE:
            assert isinstance(q.answer, bool), q.id
        elif q.type is QuestionType.NUMBER:
            assert isinstance(q.answer, int | float), q.id
            assert not isinstance(q.answer, bool), q.id


def test_every_question_explains_its_answer(pack: Pack) -> None:
    assert [q.id for q in pack.questions if not q.explanation] == []


def test_default_time_limit_is_20(pack: Pack) -> None:
    assert pack.defaults.time_limit == 20


def test_the_default_scores_board_matches_the_pack() -> None:
    from quiz.cli.scores import DEFAULT_BOARD
    from quiz.game.board import board_key

    assert board_key([BUILTIN_ID], 10, 20) == DEFAULT_BOARD

"""Choosing a round's questions: filters, seeds, and what is said when nothing matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.game.select import (
    AskedQuestion,
    NoQuestionsError,
    new_seed,
    select_questions,
)
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD
CHOICE, TRUEFALSE, TEXT, NUMBER = (
    QuestionType.CHOICE,
    QuestionType.TRUEFALSE,
    QuestionType.TEXT,
    QuestionType.NUMBER,
)


def q(
    qid: str,
    kind: QuestionType = CHOICE,
    difficulty: Difficulty = MEDIUM,
    tags: tuple[str, ...] = (),
) -> Question:
    answer: str | bool | int = {TRUEFALSE: True, NUMBER: 30}.get(kind, f"answer {qid}")
    wrong = (f"wrong {qid} 1", f"wrong {qid} 2", f"wrong {qid} 3") if kind is CHOICE else ()
    return Question(
        id=qid,
        type=kind,
        prompt=f"{qid}?",
        answer=answer,
        wrong=wrong,
        difficulty=difficulty,
        tags=tags,
    )


FILM = Pack(
    id="film",
    title="Film",
    questions=(
        q("director", CHOICE, EASY, ("people",)),
        q("musician", TRUEFALSE, EASY, ("People", "music")),
        q("age", NUMBER, HARD, ("people", "dates")),
        q("title", TEXT, MEDIUM, ("films",)),
        q("year", NUMBER, MEDIUM, ("dates",)),
        q("waltz", CHOICE, HARD, ("dance", "films")),
    ),
)
OTHER = Pack(
    id="other",
    title="Other",
    questions=(
        q("one", CHOICE, EASY, ("films",)),
        q("two", TEXT, MEDIUM),
        q("three", TRUEFALSE, MEDIUM, ("people",)),
    ),
)
PACKS = (FILM, OTHER)


def ids(asked: list[AskedQuestion]) -> list[str]:
    return [f"{a.pack_id}/{a.question.id}" for a in asked]


def test_all_questions_when_count_is_large() -> None:
    asked = select_questions(PACKS, count=100, seed=1)
    assert sorted(ids(asked)) == sorted(
        [f"film/{x.id}" for x in FILM.questions] + [f"other/{x.id}" for x in OTHER.questions]
    )


@pytest.mark.parametrize("count", [1, 3, 9])
def test_count_is_respected(count: int) -> None:
    asked = select_questions(PACKS, count=count, seed=7)
    assert len(asked) == count
    assert len(set(ids(asked))) == count


@pytest.mark.parametrize("count", [0, -1])
def test_count_below_one_is_an_error(count: int) -> None:
    with pytest.raises(QuizError, match="at least 1"):
        select_questions(PACKS, count=count, seed=1)


def test_same_seed_same_questions_order_and_options() -> None:
    first = select_questions(PACKS, count=5, seed=1234)
    again = select_questions(PACKS, count=5, seed=1234)
    assert first == again
    assert [a.options for a in first] == [a.options for a in again]


def test_pack_order_and_repeats_do_not_change_the_round() -> None:
    first = select_questions((FILM, OTHER), count=6, seed=99)
    assert select_questions((OTHER, FILM), count=6, seed=99) == first
    assert select_questions((OTHER, FILM, OTHER), count=6, seed=99) == first


def test_different_seeds_give_different_rounds() -> None:
    rounds = {tuple(ids(select_questions(PACKS, count=9, seed=s))) for s in range(20)}
    assert len(rounds) > 10


def test_a_recorded_seed_keeps_replaying_the_same_round() -> None:
    # Pinned: if this changes, seeds recorded with earlier scores no longer
    # replay their rounds, which the README promises they do.
    asked = select_questions(PACKS, count=3, seed=2015)
    assert ids(asked) == ["film/age", "other/one", "film/year"]
    assert asked[1].options == ("wrong one 1", "wrong one 3", "answer one", "wrong one 2")


@given(st.integers(0, 2**32 - 1))
def test_options_are_the_answer_and_wrong_options(seed: int) -> None:
    for asked in select_questions(PACKS, count=9, seed=seed):
        question = asked.question
        if question.type is CHOICE:
            assert sorted(asked.options) == sorted([question.answer_text, *question.wrong])
        elif question.type is TRUEFALSE:
            assert asked.options == ("True", "False")
        else:
            assert asked.options == ()


def test_options_are_shuffled() -> None:
    positions = {
        a.options.index(a.question.answer_text)
        for seed in range(30)
        for a in select_questions(PACKS, count=9, seed=seed)
        if a.question.type is CHOICE
    }
    assert positions == {0, 1, 2, 3}


def test_filter_by_difficulty() -> None:
    asked = select_questions(PACKS, count=100, seed=1, difficulties=[HARD])
    assert sorted(ids(asked)) == ["film/age", "film/waltz"]
    asked = select_questions(PACKS, count=100, seed=1, difficulties=[EASY, HARD])
    assert {a.question.difficulty for a in asked} == {EASY, HARD}
    assert len(asked) == 5


def test_filter_by_tag_matches_any_and_ignores_case() -> None:
    asked = select_questions(PACKS, count=100, seed=1, tags=["PEOPLE"])
    assert sorted(ids(asked)) == ["film/age", "film/director", "film/musician", "other/three"]
    asked = select_questions(PACKS, count=100, seed=1, tags=["music", "dance"])
    assert sorted(ids(asked)) == ["film/musician", "film/waltz"]


def test_filter_by_type() -> None:
    asked = select_questions(PACKS, count=100, seed=1, types=[NUMBER, TEXT])
    assert sorted(ids(asked)) == ["film/age", "film/title", "film/year", "other/two"]


def test_filters_combine() -> None:
    asked = select_questions(
        PACKS, count=100, seed=1, difficulties=[EASY], tags=["people"], types=[CHOICE]
    )
    assert ids(asked) == ["film/director"]


def test_filters_accept_plain_strings() -> None:
    asked = select_questions(PACKS, count=100, seed=1, difficulties=["hard"], types=["number"])  # type: ignore[list-item]
    assert ids(asked) == ["film/age"]


def test_a_lone_string_is_one_filter_value() -> None:
    asked = select_questions(PACKS, count=100, seed=1, tags="dance", difficulties=HARD)  # type: ignore[arg-type]
    assert ids(asked) == ["film/waltz"]


def test_no_match_names_the_filter_and_what_the_packs_have() -> None:
    with pytest.raises(NoQuestionsError) as caught:
        select_questions(PACKS, count=5, seed=1, difficulties=[HARD], tags=["Musicals"])
    message = caught.value.message
    assert message.startswith("no questions match --difficulty hard --tag musicals; ")
    assert "the packs have tags: people, music, dates, films, dance" in message
    assert "difficulties" not in message  # hard alone matches


def test_no_match_lists_difficulties_and_types() -> None:
    easy_only = Pack(id="easy", title="Easy", questions=(q("a", CHOICE, EASY),))
    with pytest.raises(NoQuestionsError) as caught:
        select_questions([easy_only], count=5, seed=1, difficulties=[HARD], types=[TEXT])
    assert caught.value.message == (
        "no questions match --difficulty hard --type text; "
        "the packs have difficulties: easy; the packs have types: choice"
    )


def test_no_match_quotes_tags_as_they_would_be_typed() -> None:
    with pytest.raises(NoQuestionsError, match=r"^no questions match --tag 'rock & roll';"):
        select_questions(PACKS, count=5, seed=1, tags=["Rock & Roll"])


def test_no_match_when_filters_conflict() -> None:
    with pytest.raises(NoQuestionsError, match="none matches them all; use fewer filters"):
        select_questions(PACKS, count=5, seed=1, tags=["music"], types=[TEXT])


def test_no_questions_at_all() -> None:
    empty = Pack(id="empty", title="Empty", questions=())
    with pytest.raises(NoQuestionsError, match="have no questions"):
        select_questions([empty], count=5, seed=1)
    with pytest.raises(NoQuestionsError):
        select_questions([], count=5, seed=1)


def test_long_tag_lists_are_cut_short() -> None:
    many = Pack(
        id="many", title="Many", questions=(q("a", tags=tuple(f"t{i}" for i in range(20))),)
    )
    with pytest.raises(NoQuestionsError) as caught:
        select_questions([many], count=1, seed=1, tags=["nope"])
    assert re.search(r"t0, t1, .*, t11 and 8 more$", caught.value.message)


def test_no_questions_error_is_a_quiz_error() -> None:
    assert issubclass(NoQuestionsError, QuizError)


def test_new_seed_is_a_32_bit_int() -> None:
    seeds = {new_seed() for _ in range(20)}
    assert all(0 <= s < 2**32 for s in seeds)
    assert len(seeds) > 1


def test_blanks_of_one_sentence_never_share_a_round() -> None:
    # Imported from one GIFT question with three numeric blanks (numbers never "leak"),
    # so only the family in their ids keeps them apart.
    family = tuple(q(f"years--{n}", NUMBER) for n in (1, 2, 3))
    others = tuple(q(f"other-{n}", NUMBER) for n in range(3))
    pack = Pack(id="gift", title="Gift", questions=family + others)
    for seed in range(30):
        ids = [a.question.id for a in select_questions([pack], count=4, seed=seed)]
        assert sum(i.startswith("years--") for i in ids) == 1, ids
    # When nothing else is left, the round is still filled.
    assert len(select_questions([pack], count=6, seed=1)) == 6


def test_a_tag_in_another_script_matches_as_typed() -> None:
    pack = Pack(id="ru", title="Ru", questions=(q("a", tags=("стандарт-1-1-назначение",)), q("b")))
    (asked,) = select_questions([pack], count=5, seed=1, tags=["СТАНДАРТ_1.1_Назначение"])
    assert asked.question.id == "a"

"""Party play: fair hands, capped counts, standings."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.game.party import (
    capacity,
    check_players,
    party_board,
    party_mix,
    plan_party,
    standings,
    winners,
)
from quiz.game.round import RoundSummary
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


def pack(easy: int, medium: int, hard: int, pack_id: str = "film") -> Pack:
    questions = []
    for difficulty, n in ((EASY, easy), (MEDIUM, medium), (HARD, hard)):
        questions += [
            Question(
                id=f"{difficulty}{i}",
                type=QuestionType.TEXT,
                prompt="?",
                answer="a",
                difficulty=difficulty,
            )
            for i in range(n)
        ]
    return Pack(id=pack_id, title="Film", questions=tuple(questions))


def summary(score: int) -> RoundSummary:
    return RoundSummary(score, 5, 5, 3, 0, 0, 2, 0.6)


@pytest.mark.parametrize("names", [["a"], [], [f"p{i}" for i in range(9)], ["Ann", "ann"]])
def test_bad_player_lists(names: list[str]) -> None:
    with pytest.raises(QuizError):
        check_players(names)


def test_two_to_eight_players() -> None:
    assert check_players(["A", "B"]) == ("A", "B")
    assert len(check_players([f"p{i}" for i in range(8)])) == 8


@pytest.mark.parametrize(
    ("counts", "players", "wanted", "mix"),
    [
        ((10, 10, 10), 2, 6, {EASY: 2, MEDIUM: 2, HARD: 2}),
        ((10, 10, 10), 2, 5, {EASY: 2, MEDIUM: 2, HARD: 1}),
        ((20, 10, 0), 2, 6, {EASY: 4, MEDIUM: 2, HARD: 0}),
        ((3, 3, 3), 2, 5, {EASY: 1, MEDIUM: 1, HARD: 1}),  # capped at 3 each
        ((1, 1, 9), 3, 2, {EASY: 0, MEDIUM: 0, HARD: 2}),
    ],
)
def test_mix(
    counts: tuple[int, int, int], players: int, wanted: int, mix: dict[Difficulty, int]
) -> None:
    assert party_mix([pack(*counts)], players, wanted) == mix


def test_capacity() -> None:
    assert capacity([pack(5, 4, 1)], 2) == {EASY: 2, MEDIUM: 2, HARD: 0}


def test_every_player_gets_the_same_count_and_mix_and_nobody_a_repeat() -> None:
    plan = plan_party([pack(10, 10, 10)], ["A", "B", "C"], 5, seed=3)
    assert plan.per_player == 5
    assert not plan.capped
    mixes = [Counter(a.question.difficulty for a in hand) for hand in plan.questions]
    assert all(m == mixes[0] for m in mixes)
    dealt = [a.question.id for hand in plan.questions for a in hand]
    assert len(dealt) == len(set(dealt)) == 15


def test_too_few_questions_caps_the_count() -> None:
    plan = plan_party([pack(3, 0, 0)], ["A", "B"], 5, seed=1)
    assert plan.capped
    assert plan.per_player == 1
    assert plan.requested == 5


def test_no_question_for_everyone_is_an_error() -> None:
    with pytest.raises(QuizError, match="too few questions"):
        plan_party([pack(1, 1, 1)], ["A", "B"], 5, seed=1)


def test_the_seed_fixes_the_deal() -> None:
    one = plan_party([pack(10, 10, 10)], ["A", "B"], 5, seed=7)
    assert one == plan_party([pack(10, 10, 10)], ["A", "B"], 5, seed=7)


@given(
    st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 12)),
    st.integers(2, 8),
    st.integers(1, 12),
)
def test_any_deal_is_fair(counts: tuple[int, int, int], players: int, wanted: int) -> None:
    names = [f"p{i}" for i in range(players)]
    try:
        plan = plan_party([pack(*counts)], names, wanted, seed=0)
    except QuizError:
        assert sum(c // players for c in counts) == 0
        return
    assert plan.per_player == min(wanted, sum(c // players for c in counts))
    mixes = [Counter(a.question.difficulty for a in hand) for hand in plan.questions]
    assert all(m == mixes[0] for m in mixes)
    dealt = [a.question.id for hand in plan.questions for a in hand]
    assert len(dealt) == len(set(dealt))


def test_standings_share_a_place_on_equal_scores() -> None:
    table = standings({"A": summary(300), "B": summary(500), "C": summary(300), "D": summary(0)})
    assert [(s.place, s.player) for s in table] == [(1, "B"), (2, "A"), (2, "C"), (4, "D")]
    assert winners(table) == ["B"]
    tie = standings({"A": summary(200), "B": summary(200)})
    assert winners(tie) == ["A", "B"]


def test_party_board() -> None:
    assert party_board("film/5/timed-20s") == "party/film/5/timed-20s"

"""Scoring: base points, speed, streak bonus, 50:50 and late answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game import scoring
from quiz.game.scoring import (
    DIFFICULTY_POINTS,
    STREAK_CAP,
    STREAK_STEP_PERCENT,
    Points,
    is_late,
    score_answer,
    speed_factor,
)
from quiz.packs.model import Difficulty

EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


def test_constants() -> None:
    assert dict(DIFFICULTY_POINTS) == {EASY: 100, MEDIUM: 200, HARD: 300}
    assert STREAK_CAP == 5
    assert STREAK_STEP_PERCENT == 10


def test_worked_example_in_the_docstring() -> None:
    # Hard, 5 s of 20 s, three right before it: factor 0.875, 300 * 0.875 =
    # 262.5 -> 263 (halves round up), so speed -37; streak 30% of 263 = 78.9
    # -> 79; total 342.
    points = score_answer(HARD, True, 5.0, 20.0, 3, False)
    assert points == Points(base=300, speed=-37, streak=79)
    assert points.total == 342
    assert scoring.__doc__ is not None
    assert "**342**" in scoring.__doc__


@pytest.mark.parametrize(
    ("difficulty", "expected"), [(EASY, 100), (MEDIUM, 200), (HARD, 300), ("hard", 300)]
)
def test_base_points_untimed(difficulty: Difficulty, expected: int) -> None:
    assert score_answer(difficulty, True, 42.0, None, 0, False) == Points(expected, 0, 0)


@pytest.mark.parametrize(("difficulty", "expected"), [(EASY, 50), (MEDIUM, 100), (HARD, 150)])
def test_fifty_fifty_halves_the_base(difficulty: Difficulty, expected: int) -> None:
    assert score_answer(difficulty, True, 0.0, None, 0, True) == Points(expected, 0, 0)


def test_wrong_answers_score_nothing() -> None:
    assert score_answer(HARD, False, 1.0, 20.0, 5, False) == Points(0, 0, 0)
    assert score_answer(HARD, False, 1.0, None, 5, True).total == 0


@pytest.mark.parametrize(
    ("elapsed", "speed"),
    [(0.0, 0), (-3.0, 0), (4.0, -20), (10.0, -50), (19.0, -95), (20.0, -100)],
)
def test_speed_points_on_a_medium_question(elapsed: float, speed: int) -> None:
    assert score_answer(MEDIUM, True, elapsed, 20.0, 0, False) == Points(200, speed, 0)


def test_late_answers_score_nothing() -> None:
    assert is_late(20.01, 20.0)
    assert not is_late(20.0, 20.0)
    assert score_answer(EASY, True, 20.01, 20.0, 4, False) == Points(0, 0, 0)
    assert score_answer(EASY, True, float("inf"), 20.0, 0, False).total == 0
    assert score_answer(EASY, True, float("nan"), 20.0, 0, False).total == 0


@pytest.mark.parametrize("limit", [None, 0, 0.0, -5.0])
def test_no_limit_means_untimed(limit: float | None) -> None:
    assert not is_late(10_000.0, limit)
    assert speed_factor(10_000.0, limit) == 1.0
    assert score_answer(EASY, True, 10_000.0, limit, 0, False) == Points(100, 0, 0)


def test_speed_factor_bounds() -> None:
    assert speed_factor(0, 20) == 1.0
    assert speed_factor(5, 20) == 0.875
    assert speed_factor(20, 20) == 0.5
    assert speed_factor(25, 20) == 0.5


@pytest.mark.parametrize(
    ("streak_before", "bonus"), [(0, 0), (1, 20), (2, 40), (3, 60), (5, 100), (6, 100), (50, 100)]
)
def test_streak_bonus_is_capped_at_half(streak_before: int, bonus: int) -> None:
    assert score_answer(MEDIUM, True, 0.0, None, streak_before, False) == Points(200, 0, bonus)


@pytest.mark.parametrize(("streak_before", "bonus"), [(-1, 0), (0, 0), (3, 30), (5, 50), (9, 50)])
def test_the_streak_bonus_grows_ten_percent_a_step_up_to_the_cap(
    streak_before: int, bonus: int
) -> None:
    # Medium, untimed, not halved: 200 points, so the bonus is bonus% of 200.
    points = score_answer(MEDIUM, True, 1.0, None, streak_before, False)
    assert points.streak == bonus * 2


def test_streak_bonus_is_on_the_speed_adjusted_halved_points() -> None:
    # easy, halved: 50; 10 s of 20: factor 0.75 -> 37.5 -> 38 (speed -12);
    # streak 2: 20% of 38 = 7.6 -> 8.
    assert score_answer(EASY, True, 10.0, 20.0, 2, True) == Points(50, -12, 8)


def test_points_round_halves_up() -> None:
    # medium halved: 100; 10 s of 20 -> 75 (speed -25); 10% of 75 = 7.5 -> 8
    assert score_answer(MEDIUM, True, 10.0, 20.0, 1, True) == Points(100, -25, 8)
    # hard halved: 150; 10 s of 20 -> 112.5 -> 113 (speed -37); 10% of 113 -> 11
    assert score_answer(HARD, True, 10.0, 20.0, 1, True) == Points(150, -37, 11)
    # easy halved: 50; 15 s of 20 -> 31.25 -> 31 (speed -19); 10% of 31 -> 3
    assert score_answer(EASY, True, 15.0, 20.0, 1, True) == Points(50, -19, 3)


@given(
    st.sampled_from(list(Difficulty)),
    st.booleans(),
    st.floats(allow_nan=True),
    st.one_of(st.none(), st.floats(min_value=-10, max_value=600)),
    st.integers(-5, 100),
    st.booleans(),
)
def test_points_stay_in_range(
    difficulty: Difficulty,
    correct: bool,
    elapsed: float,
    limit: float | None,
    streak: int,
    fifty: bool,
) -> None:
    points = score_answer(difficulty, correct, elapsed, limit, streak, fifty)
    top = DIFFICULTY_POINTS[difficulty] // (2 if fifty else 1)
    if not correct:
        assert points == Points(0, 0, 0)
    assert 0 <= points.base <= top
    assert -(top // 2) - 1 <= points.speed <= 0
    assert 0 <= points.streak <= (points.base + points.speed) // 2 + 1
    assert 0 <= points.total <= top * 3 // 2

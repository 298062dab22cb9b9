"""Scoring: how many points an answer is worth.

A wrong answer scores nothing. A right one scores three parts, each a whole
number of points:

- **Base points** by difficulty: easy 100, medium 200, hard 300. Using the
  50:50 lifeline on a question halves them (rounding down): 50, 100, 150.
- **Speed** (timed rounds only): the base is multiplied by the speed factor
  ``1 - (elapsed / limit) / 2``, from 1.0 for an instant answer down to 0.5
  at the limit, and rounded to the nearest point (halves up). The speed part
  is the difference, so it is zero or negative. An answer after the limit
  is *late*: it scores nothing and counts as wrong. In an untimed round the
  factor is 1. A *piped* answer (read from a pipe or a file, not typed at a
  terminal) scores as if given at the limit, factor 0.5: instant scripted
  answers must not top a timed board.
- **Streak bonus**: 10% of (base + speed) for each correct answer in a row
  just before this one, at most 50% (five in a row), rounded to the nearest
  point (halves up). A wrong or late answer ends the streak; a skipped
  question leaves it as it was.

Worked example: a hard question (300) answered correctly in 5 s of a 20 s
limit, after three correct answers in a row. The speed factor is
``1 - (5 / 20) / 2 = 0.875``; 300 × 0.875 = 262.5, which rounds to 263, so the
speed part is -37. The streak bonus is 3 × 10% of 263 = 78.9, so 79. Total:
300 - 37 + 79 = **342**.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

from quiz.packs.model import Difficulty

DIFFICULTY_POINTS = MappingProxyType(
    {Difficulty.EASY: 100, Difficulty.MEDIUM: 200, Difficulty.HARD: 300}
)
STREAK_CAP = 5  # correct answers in a row that still raise the bonus
# The bonus per correct answer in the streak, in whole percent so that the
# bonus is computed exactly (3 × 0.1 is 0.30000000000000004 in floating point).
STREAK_STEP_PERCENT = 10
STREAK_STEP = STREAK_STEP_PERCENT / 100


@dataclass(frozen=True, slots=True)
class Points:
    base: int
    speed: int  # zero or negative: what slowness cost
    streak: int

    @property
    def total(self) -> int:
        return self.base + self.speed + self.streak


NO_POINTS = Points(base=0, speed=0, streak=0)


def is_timed(time_limit: float | None) -> bool:
    """Whether a round with this limit is timed (None and 0 mean untimed)."""
    return time_limit is not None and time_limit > 0


def is_late(elapsed: float, time_limit: float | None) -> bool:
    """Whether an answer came after the limit (exactly at the limit is in time)."""
    # Written as "not within" so that a NaN time counts as late, not as instant.
    return time_limit is not None and is_timed(time_limit) and not elapsed <= time_limit


def scored_elapsed(elapsed: float, time_limit: float | None, *, piped: bool) -> float:
    """The time an answer is scored at: piped answers as if given at the limit."""
    if piped and time_limit is not None and is_timed(time_limit):
        return time_limit
    return elapsed


def speed_factor(elapsed: float, time_limit: float | None) -> float:
    """1.0 for an instant answer down to 0.5 at the limit; 1.0 when untimed."""
    if time_limit is None or not is_timed(time_limit):
        return 1.0
    if math.isnan(elapsed):
        return 0.5
    fraction = min(max(elapsed, 0.0), time_limit) / time_limit
    return 1.0 - fraction / 2


def streak_multiplier(streak_before: int) -> float:
    """The streak bonus as a fraction of (base + speed): 0.0 to 0.5."""
    return min(max(streak_before, 0), STREAK_CAP) * STREAK_STEP


def score_answer(
    difficulty: Difficulty,
    correct: bool,
    elapsed: float,
    time_limit: float | None,
    streak_before: int,
    fifty_fifty: bool,
) -> Points:
    """The points for one answer; see the module docstring for the rules."""
    if not correct or is_late(elapsed, time_limit):
        return NO_POINTS
    base = DIFFICULTY_POINTS[Difficulty(difficulty)]
    if fifty_fifty:
        base //= 2
    speed = _round_half_up(base * speed_factor(elapsed, time_limit)) - base
    percent = min(max(streak_before, 0), STREAK_CAP) * STREAK_STEP_PERCENT
    streak = ((base + speed) * percent + 50) // 100  # exact half-up rounding of x * percent / 100
    return Points(base=base, speed=speed, streak=streak)


def _round_half_up(value: float) -> int:
    # Not round(): banker's rounding would make 262.5 and 263.5 both even,
    # which is harder to explain in the README than "halves round up".
    return math.floor(value + 0.5)

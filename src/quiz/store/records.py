"""What goes into the score file and what comes back out of it.

A finished round hands the store a :class:`RoundRecord` (with one
:class:`AnswerRecord` a question); queries return :class:`RoundRow` and
:class:`PlayerStats`. All are frozen plain data, free of SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

TERMINAL = "terminal"  # answers typed at a terminal
PIPED = "piped"  # answers read from a pipe or a file, one a line
INPUTS = (TERMINAL, PIPED)
SOLO = "solo"  # quiz play
SURVIVAL = "survival"  # quiz play --lives N


def accuracy(correct: int, answered: int) -> float | None:
    """Right ÷ answered, 0..1, everywhere quiz shows accuracy; None when nothing was answered."""
    return correct / answered if answered else None


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One question of a finished round, as the player answered it."""

    pack_id: str
    question_id: str
    given: str  # what the player typed or chose; "" when skipped
    correct: bool
    skipped: bool
    late: bool  # answered after the time limit
    elapsed: float  # seconds
    points: int
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """A finished round, ready to be saved. A naive ``finished_at`` is taken as UTC."""

    player: str
    board: str
    pack_ids: tuple[str, ...]
    score: int
    correct: int
    total: int
    best_streak: int
    duration: float  # seconds
    seed: int
    time_limit: float | None  # seconds a question; None when untimed
    finished_at: datetime
    answers: tuple[AnswerRecord, ...]
    input: str = TERMINAL  # how it was played: TERMINAL or PIPED
    mode: str = SOLO  # the way of playing: SOLO, SURVIVAL, or a mode's own name
    # Questions answered (a time-out included) and skipped; None: count them from ``answers``.
    answered: int | None = None
    skipped: int | None = None


@dataclass(frozen=True, slots=True)
class RoundRow:
    """A saved round as queries return it; ``rank`` is its place on its board, when asked for."""

    id: int
    player: str
    board: str
    packs: tuple[str, ...]
    score: int
    correct: int
    total: int
    best_streak: int
    duration: float
    finished_at: datetime  # timezone-aware, UTC
    rank: int | None = None
    answered: int | None = None  # None for an old round whose answers were not kept
    skipped: int | None = None
    input: str = TERMINAL
    mode: str = SOLO

    @property
    def accuracy(self) -> float | None:
        """Right ÷ answered, 0..1 (``None`` when nothing was answered).

        A skip counts neither way; a time-out is answered and wrong. For an old
        round whose answer counts are unknown, right ÷ asked.
        """
        return accuracy(self.correct, self.answered_or_asked)

    @property
    def answered_or_asked(self) -> int:
        """Questions answered; for an old round whose answers were not all kept, asked."""
        return self.total if self.answered is None else self.answered


@dataclass(frozen=True, slots=True)
class BoardStanding:
    """Where a saved round stands on its board."""

    round_id: int
    rank: int
    previous_best: RoundRow | None  # the player's best other round on the board
    top: tuple[RoundRow, ...]  # the board's best rounds, best first

    @property
    def in_top(self) -> bool:
        return any(row.id == self.round_id for row in self.top)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How often the questions of one pack (or with one tag) were answered correctly."""

    name: str  # a pack id or a tag
    correct: int
    asked: int
    skipped: int = 0

    @property
    def answered(self) -> int:
        return self.asked - self.skipped

    @property
    def accuracy(self) -> float | None:
        """Right ÷ answered (skips count neither way)."""
        return accuracy(self.correct, self.answered)


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question a player got wrong or answered too late (a skip is not a miss)."""

    pack_id: str
    question_id: str
    missed: int
    asked: int


@dataclass(frozen=True, slots=True)
class PlayerStats:
    """How one player is doing, over every recorded round."""

    player: str
    rounds: int
    correct: int  # questions answered correctly, over all rounds
    asked: int  # questions asked, over all rounds
    best_score: int | None
    per_pack: tuple[Accuracy, ...]  # most asked first
    per_tag: tuple[Accuracy, ...]  # most asked first
    most_missed: tuple[MissedQuestion, ...]  # at most five, most missed first
    recent_scores: tuple[int, ...]  # the last 20 rounds, oldest first
    skipped: int = 0  # questions skipped, over all rounds

    @property
    def answered(self) -> int:
        return self.asked - self.skipped

    @property
    def accuracy(self) -> float | None:
        """Right ÷ answered (skips count neither way; a time-out is answered and wrong)."""
        return accuracy(self.correct, self.answered)

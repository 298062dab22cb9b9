"""What goes into the score file and what comes back out of it.

A finished round hands the store a :class:`RoundRecord` (with one
:class:`AnswerRecord` a question); queries return :class:`RoundRow` and
:class:`PlayerStats`. All are frozen plain data, free of SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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

    @property
    def accuracy(self) -> float | None:
        """Share of questions answered correctly, 0..1 (``None`` for an empty round)."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How often the questions of one pack (or with one tag) were answered correctly."""

    name: str  # a pack id or a tag
    correct: int
    asked: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.asked if self.asked else None


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question a player got wrong (or skipped, or answered too late) more than once."""

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

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.asked if self.asked else None

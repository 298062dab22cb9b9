"""A finished round turned into the :class:`RoundRecord` the store saves.

The store sits below the game (it must not import it), so it says here what it
needs of a finished round as protocols; :class:`quiz.game.round.Round` and its
answers fit them. Every mode records its rounds through :func:`record_round`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from quiz.errors import StoreError
from quiz.store.records import (
    PIPED,
    SOLO,
    SURVIVAL,
    TERMINAL,
    AnswerRecord,
    BoardStanding,
    RoundRecord,
)


class _Points(Protocol):
    @property
    def total(self) -> int: ...


class FinishedAnswer(Protocol):
    """One answer of a finished round, as the store needs it."""

    @property
    def pack_id(self) -> str: ...
    @property
    def question_id(self) -> str: ...
    @property
    def given(self) -> str: ...
    @property
    def correct(self) -> bool: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def late(self) -> bool: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def points(self) -> _Points: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


class RoundTotals(Protocol):
    @property
    def score(self) -> int: ...
    @property
    def correct(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def answered(self) -> int: ...
    @property
    def skipped(self) -> int: ...
    @property
    def best_streak(self) -> int: ...


class FinishedRound(Protocol):
    """A finished round, as the store needs it."""

    @property
    def results(self) -> Sequence[FinishedAnswer]: ...
    @property
    def time_limit(self) -> float | None: ...
    @property
    def seed(self) -> int: ...
    @property
    def lives(self) -> int | None: ...
    @property
    def piped(self) -> bool: ...
    def summary(self) -> RoundTotals: ...


def record_round(
    game: FinishedRound,
    *,
    player: str,
    board: str,
    duration: float,
    mode: str | None = None,
    finished_at: datetime | None = None,
) -> RoundRecord:
    """The record of a finished round; ``mode`` defaults to survival or solo from the round."""
    answers = tuple(
        AnswerRecord(
            pack_id=r.pack_id,
            question_id=r.question_id,
            given=r.given,
            correct=r.correct,
            skipped=r.skipped,
            late=r.late,
            elapsed=round(r.elapsed, 3),
            points=r.points.total,
            tags=r.tags,
        )
        for r in game.results
    )
    summary = game.summary()
    if mode is None:
        mode = SOLO if game.lives is None else SURVIVAL
    return RoundRecord(
        player=player,
        board=board,
        pack_ids=tuple(sorted({a.pack_id for a in answers})),
        score=summary.score,
        correct=summary.correct,
        total=summary.total,
        best_streak=summary.best_streak,
        duration=round(duration, 3),
        seed=game.seed,
        time_limit=game.time_limit,
        finished_at=finished_at or datetime.now(UTC),
        answers=answers,
        input=PIPED if game.piped else TERMINAL,
        mode=mode,
        answered=summary.answered,
        skipped=summary.skipped,
    )


@dataclass(frozen=True, slots=True)
class Saved:
    """What became of saving a round: its standing if saved, and what the user should hear."""

    round_id: int | None
    standing: BoardStanding | None
    warnings: tuple[str, ...]


def save_and_rank(record: RoundRecord, home: Path | None = None) -> Saved:
    """Save a finished round and read back where it stands; failures become warnings.

    The round is over and its summary shown, so a failing disk costs the score
    (said in a warning), never the round's proper ending.
    """
    from quiz.store.db import ScoreStore

    try:
        store = ScoreStore.open(home)
    except StoreError as exc:
        return Saved(None, None, (f"your score was not saved: {exc.message}",))
    with store:
        warnings: list[str] = []
        try:
            round_id: int | None = store.save_round(record)
        except StoreError as exc:
            round_id = None
            warnings.append(f"your score was not saved: {exc.message}")
        warnings[:0] = store.notices
        standing = None
        if round_id is not None:
            try:
                standing = store.standing(round_id)
            except StoreError as exc:
                warnings.append(
                    f"your score was saved, but the table cannot be shown: {exc.message}"
                )
        return Saved(round_id, standing, tuple(warnings))

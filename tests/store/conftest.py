"""Helpers for the score-file tests: records made to order, and an open store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

BOARD = "la-la-land-first-look/10/timed-20s"
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

MakeRound = Callable[..., RoundRecord]


def answer(
    question_id: str = "director",
    *,
    pack_id: str = "la-la-land-first-look",
    correct: bool = True,
    tags: tuple[str, ...] = ("people",),
    **changes: Any,
) -> AnswerRecord:
    fields: dict[str, Any] = {
        "pack_id": pack_id,
        "question_id": question_id,
        "given": "Damien Chazelle" if correct else "Tom Cross",
        "correct": correct,
        "skipped": False,
        "late": False,
        "elapsed": 3.25,
        "points": 200 if correct else 0,
        "tags": tags,
    }
    fields.update(changes)
    return AnswerRecord(**fields)


def make_round(
    player: str = "Mia",
    score: int = 1000,
    *,
    minute: int = 0,
    answers: tuple[AnswerRecord, ...] | None = None,
    **changes: Any,
) -> RoundRecord:
    """A round on the default board finishing ``minute`` minutes after T0."""
    if answers is None:
        answers = (answer("director"), answer("age", correct=False, tags=("numbers",)))
    fields: dict[str, Any] = {
        "player": player,
        "board": BOARD,
        "pack_ids": ("la-la-land-first-look",),
        "score": score,
        "correct": sum(a.correct for a in answers),
        "total": len(answers),
        "best_streak": 1,
        "duration": 60.0,
        "seed": 7,
        "time_limit": 20.0,
        "finished_at": T0 + timedelta(minutes=minute),
        "answers": answers,
    }
    fields.update(changes)
    return RoundRecord(**fields)


@pytest.fixture
def store(quiz_home: Path) -> Iterator[ScoreStore]:
    with ScoreStore.open() as opened:
        yield opened


@pytest.fixture(name="make_round")
def make_round_fixture() -> MakeRound:
    """``make_round(player, score, minute=..., **fields)``: a :class:`RoundRecord` to order."""
    return make_round


@pytest.fixture(name="answer")
def answer_fixture() -> Callable[..., AnswerRecord]:
    """``answer(question_id, correct=..., tags=..., **fields)``: an :class:`AnswerRecord`."""
    return answer

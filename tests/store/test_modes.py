"""What daily and review keep in the score file: review answers, history, daily rounds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store.db import ScoreStore
from quiz.store.modes import ReviewRecord
from quiz.store.records import AnswerRecord, RoundRecord

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

MakeRound = Callable[..., RoundRecord]
MakeAnswer = Callable[..., AnswerRecord]


def review(
    player: str = "Mia", question: str = "age", right: bool = True, minutes: int = 30
) -> ReviewRecord:
    return ReviewRecord(
        player, "la-la-land-first-look", question, right, T0 + timedelta(minutes=minutes)
    )


def test_history_merges_rounds_and_reviews_in_time_order(
    store: ScoreStore, make_round: MakeRound, answer: MakeAnswer
) -> None:
    store.save_round(make_round(minute=0))  # director right, age wrong
    store.save_reviews([review(minutes=30)])
    store.save_round(make_round(minute=60, answers=(answer("age"),)))
    store.save_round(make_round("Other", minute=10))
    history = store.answer_history("Mia")
    assert [(a.question_id, a.correct, a.at) for a in history] == [
        ("director", True, T0),
        ("age", False, T0),
        ("age", True, T0 + timedelta(minutes=30)),
        ("age", True, T0 + timedelta(minutes=60)),
    ]
    assert store.answer_history("Nobody") == []


def test_reset_forgets_review_answers_too(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round())
    store.save_reviews([review(), review("Bo")])
    store.reset("Mia")
    assert store.answer_history("Mia") == []
    assert [a.question_id for a in store.answer_history("Bo")] == ["age"]
    store.reset()
    assert store.answer_history("Bo") == []


def test_daily_rounds_are_those_on_daily_boards(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round(board="daily/2025-03-01/la-la-land-first-look"))
    store.save_round(make_round(minute=5))
    store.save_round(make_round("Bo", board="daily/2025-03-01/la-la-land-first-look"))
    assert [r.board for r in store.daily_rounds("Mia")] == [
        "daily/2025-03-01/la-la-land-first-look"
    ]


def test_a_version_1_file_gains_the_review_table(quiz_home: Path) -> None:
    from quiz.store import schema

    quiz_home.mkdir(parents=True)
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.executescript(schema.MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with ScoreStore.open() as store:
        store.save_reviews([review()])
        assert [a.question_id for a in store.answer_history("Mia")] == ["age"]


def test_a_missing_file_has_no_history(quiz_home: Path) -> None:
    with ScoreStore.open(create=False) as store:
        assert store.answer_history("Mia") == []
        assert store.daily_rounds("Mia") == []
    assert not (quiz_home / "scores.db").exists()

"""What daily and review keep in the score file: review answers, history, daily rounds."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

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


def test_export_and_import_carry_review_answers(
    store: ScoreStore, make_round: MakeRound, tmp_path: Path
) -> None:
    import json

    store.save_round(make_round())
    store.save_reviews([review(), review("Bo", right=False)])
    exported = tmp_path / "export.json"
    store.export_json(exported)
    data = json.loads(exported.read_text())
    assert data["reviews"][1] == {
        "player": "Bo",
        "pack_id": "la-la-land-first-look",
        "question_id": "age",
        "correct": False,
        "answered_at": "2025-03-01T12:30:00.000000+00:00",
    }
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, exported) == (1, 0)
        assert import_file(other, exported) == (0, 1)  # nothing twice, reviews neither
        assert other.answer_history("Mia") == store.answer_history("Mia")
        assert other.answer_history("Bo") == store.answer_history("Bo")
        assert len(other.answer_history("Bo")) == 1


def test_an_export_without_reviews_still_imports(
    store: ScoreStore, make_round: MakeRound, tmp_path: Path
) -> None:
    import json

    store.save_round(make_round())
    exported = tmp_path / "export.json"
    store.export_json(exported)
    data = json.loads(exported.read_text())
    del data["reviews"]
    exported.write_text(json.dumps(data))
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, exported) == (1, 0)


@pytest.mark.parametrize(
    ("reviews", "message"),
    [
        ({}, "reviews: expected a list"),
        ([{"player": "Mia"}], "reviews[0].pack_id: missing"),
        (
            [
                {
                    "player": "Mia",
                    "pack_id": "p",
                    "question_id": "q",
                    "correct": 1,
                    "answered_at": "2025-01-01T00:00:00",
                }
            ],
            "reviews[0].correct: expected true or false",
        ),
        (
            [
                {
                    "player": " ",
                    "pack_id": "p",
                    "question_id": "q",
                    "correct": True,
                    "answered_at": "2025-01-01T00:00:00",
                }
            ],
            "reviews[0].player: a player name needs",
        ),
        (
            [
                {
                    "player": "Mia",
                    "pack_id": "p",
                    "question_id": "q",
                    "correct": True,
                    "answered_at": "yesterday",
                }
            ],
            "reviews[0].answered_at: expected a date and time",
        ),
    ],
)
def test_bad_reviews_in_an_import_are_refused(
    reviews: object, message: str, tmp_path: Path
) -> None:
    import json

    from quiz.errors import QuizError

    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"format": "quiz-scores", "version": 1, "rounds": [], "reviews": reviews})
    )
    with (
        ScoreStore.open(tmp_path / "other") as other,
        pytest.raises(QuizError, match=re.escape(message)),
    ):
        import_file(other, bad)


def import_file(store: ScoreStore, path: Path) -> tuple[int, int]:
    from quiz.store.importfile import read_export

    found = read_export(path)
    return store.import_records(found.rounds, found.reviews)

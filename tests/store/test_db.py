"""The score store: saving rounds, ranking them, and what it tells about players."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.errors import StoreError
from quiz.store import db
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

MakeRound = Callable[..., RoundRecord]
MakeAnswer = Callable[..., AnswerRecord]
BOARD = "la-la-land-first-look/10/timed-20s"
OTHER = "la-la-land-first-look/5/untimed"


def raw(home: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "scores.db")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# -- saving ------------------------------------------------------------------


def test_a_saved_round_keeps_every_field(
    store: ScoreStore, quiz_home: Path, make_round: MakeRound, answer: MakeAnswer
) -> None:
    record = make_round(
        "Mia",
        1840,
        answers=(
            answer("director", tags=("people", "music")),
            answer("age", correct=False, skipped=True, given="", tags=()),
            answer("city", late=True, elapsed=21.5, points=0),
        ),
        best_streak=2,
        duration=95.25,
        seed=42,
        time_limit=20.0,
    )
    round_id = store.save_round(record)
    assert round_id == 1
    assert raw(
        quiz_home,
        "SELECT player, board, packs, score, correct, total, best_streak,"
        " duration_s, seed, time_limit, finished_at FROM rounds",
    ) == [
        (
            "Mia",
            BOARD,
            '["la-la-land-first-look"]',
            1840,
            2,
            3,
            2,
            95.25,
            42,
            20.0,
            "2025-03-01T12:00:00.000000+00:00",
        )
    ]
    assert raw(
        quiz_home,
        "SELECT position, question_id, given, correct, skipped, late,"
        " elapsed_s, points, tags FROM answers ORDER BY position",
    ) == [
        (0, "director", "Damien Chazelle", 1, 0, 0, 3.25, 200, '["people","music"]'),
        (1, "age", "", 0, 1, 0, 3.25, 0, "[]"),
        (2, "city", "Damien Chazelle", 1, 0, 1, 21.5, 0, '["people"]'),
    ]


def test_round_ids_grow(store: ScoreStore, make_round: MakeRound) -> None:
    ids = [store.save_round(make_round(score=s)) for s in (10, 20, 30)]
    assert ids == [1, 2, 3]


def test_times_are_stored_in_utc(store: ScoreStore, quiz_home: Path, make_round: MakeRound) -> None:
    paris = timezone(timedelta(hours=1))
    store.save_round(make_round(finished_at=datetime(2025, 3, 1, 13, 30, tzinfo=paris)))
    store.save_round(make_round(finished_at=datetime(2025, 3, 1, 9, 15)))  # naive: UTC
    assert raw(quiz_home, "SELECT finished_at FROM rounds ORDER BY id") == [
        ("2025-03-01T12:30:00.000000+00:00",),
        ("2025-03-01T09:15:00.000000+00:00",),
    ]
    rows = store.player_rounds("Mia")
    assert rows[0].finished_at == datetime(2025, 3, 1, 12, 30, tzinfo=UTC)


def test_odd_values_are_stored_safely(
    store: ScoreStore, quiz_home: Path, make_round: MakeRound, answer: MakeAnswer
) -> None:
    huge_seed = 2**80
    record = make_round(
        "Mia\udcff", seed=huge_seed, time_limit=None, answers=(answer(given="\ud800x"),)
    )
    store.save_round(record)
    assert raw(quiz_home, "SELECT seed, time_limit FROM rounds") == [(str(huge_seed), None)]
    assert store.players() == ["Mia?"]
    assert raw(quiz_home, "SELECT given FROM answers") == [("?x",)]


def test_the_connection_is_set_up_for_safe_sharing(store: ScoreStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# -- ranking -------------------------------------------------------------------


def test_top_is_best_score_then_fastest_then_earliest(
    store: ScoreStore, make_round: MakeRound
) -> None:
    store.save_round(make_round("slow", 900, duration=80.0))  # 1
    store.save_round(make_round("best", 1200, duration=90.0))  # 2
    store.save_round(make_round("fast", 900, duration=50.0))  # 3
    store.save_round(make_round("tie-late", 900, duration=50.0))  # 4
    store.save_round(make_round("low", 100))  # 5
    store.save_round(make_round("elsewhere", 5000, board=OTHER))  # 6
    rows = store.top(BOARD)
    assert [(r.player, r.rank) for r in rows] == [
        ("best", 1),
        ("fast", 2),
        ("tie-late", 3),
        ("slow", 4),
        ("low", 5),
    ]
    assert [r.player for r in store.top(BOARD, limit=2)] == ["best", "fast"]
    assert [store.rank_of(i) for i in range(1, 7)] == [4, 1, 2, 3, 5, 1]


def test_top_for_one_player_keeps_board_ranks(store: ScoreStore, make_round: MakeRound) -> None:
    for player, score in [("Mia", 500), ("Seb", 900), ("Mia", 700), ("Seb", 100)]:
        store.save_round(make_round(player, score))
    rows = store.top(BOARD, player="Mia")
    assert [(r.score, r.rank) for r in rows] == [(700, 2), (500, 3)]
    assert store.top(BOARD, player="Nobody") == []


def test_rank_of_an_unknown_round_is_an_error(store: ScoreStore) -> None:
    with pytest.raises(StoreError, match="no round 99"):
        store.rank_of(99)


def test_personal_best(store: ScoreStore, make_round: MakeRound) -> None:
    assert store.personal_best("Mia", BOARD) is None
    first = store.save_round(make_round("Mia", 500))
    store.save_round(make_round("Seb", 900))
    latest = store.save_round(make_round("Mia", 800))
    best = store.personal_best("Mia", BOARD)
    assert best is not None
    assert best.id == latest
    assert best.rank == 2
    before = store.personal_best("Mia", BOARD, exclude_round_id=latest)
    assert before is not None
    assert before.id == first
    assert store.personal_best("Mia", OTHER) is None


def test_boards_most_played_first_and_by_pack(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round())
    for _ in range(2):
        store.save_round(make_round(board=OTHER))
    mixed = "la-la-land-first-look+la-la/10/untimed"
    store.save_round(make_round(board=mixed, pack_ids=("la-la", "la-la-land-first-look")))
    store.save_round(make_round(board="la/10/untimed", pack_ids=("la",)))
    assert store.boards() == [(OTHER, 2), (mixed, 1), (BOARD, 1), ("la/10/untimed", 1)]
    assert store.boards("la-la") == [(mixed, 1)]  # whole ids only: not "la-la-land-..."
    assert store.boards("la") == [("la/10/untimed", 1)]
    assert store.boards('la"') == []
    assert store.boards("first-look") == []


def test_player_rounds_newest_first_with_ranks(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round("Mia", 300, minute=1))
    store.save_round(make_round("Seb", 900, minute=2))
    store.save_round(make_round("Mia", 100, minute=3, board=OTHER))
    store.save_round(make_round("Mia", 200, minute=3))  # same moment: the later id first
    rows = store.player_rounds("Mia")
    assert [(r.score, r.board, r.rank) for r in rows] == [
        (200, BOARD, 3),
        (100, OTHER, 1),
        (300, BOARD, 2),
    ]
    assert len(store.player_rounds("Mia", limit=1)) == 1


def test_accuracy_of_a_row(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round(answers=()))
    store.save_round(make_round())
    rows = {r.total: r for r in store.top(BOARD)}
    assert rows[0].accuracy is None
    assert rows[2].accuracy == 0.5


# -- stats ---------------------------------------------------------------------


def test_player_stats(store: ScoreStore, make_round: MakeRound, answer: MakeAnswer) -> None:
    other_pack = "whiplash"
    for minute in range(25):
        answers = (
            answer("director", tags=("people",)),
            answer("age", correct=minute % 5 == 0, tags=("numbers", "people")),
            answer("tempo", pack_id=other_pack, correct=False, tags=()),
        )
        store.save_round(make_round("Mia", 100 * minute, minute=minute, answers=answers))
    store.save_round(make_round("Seb", 99999))
    stats = store.player_stats("Mia")
    assert stats.rounds == 25
    assert (stats.correct, stats.asked) == (25 + 5, 75)
    assert stats.accuracy == pytest.approx(30 / 75)
    assert stats.best_score == 2400
    assert [(a.name, a.correct, a.asked) for a in stats.per_pack] == [
        ("la-la-land-first-look", 30, 50),
        (other_pack, 0, 25),
    ]
    assert [(a.name, a.correct, a.asked) for a in stats.per_tag] == [
        ("people", 30, 50),
        ("numbers", 5, 25),
    ]
    assert [(m.pack_id, m.question_id, m.missed, m.asked) for m in stats.most_missed] == [
        (other_pack, "tempo", 25, 25),
        ("la-la-land-first-look", "age", 20, 25),
    ]
    assert stats.recent_scores == tuple(100 * m for m in range(5, 25))


def test_most_missed_is_at_most_five(
    store: ScoreStore, make_round: MakeRound, answer: MakeAnswer
) -> None:
    answers = tuple(answer(f"q{i}", correct=False) for i in range(8))
    store.save_round(make_round(answers=answers))
    store.save_round(make_round(answers=answers[:2]))
    missed = store.player_stats("Mia").most_missed
    assert [(m.question_id, m.missed) for m in missed] == [
        ("q0", 2),
        ("q1", 2),
        ("q2", 1),
        ("q3", 1),
        ("q4", 1),
    ]


def test_stats_of_a_stranger_are_empty(store: ScoreStore) -> None:
    stats = store.player_stats("Nobody")
    assert (stats.rounds, stats.asked, stats.accuracy, stats.best_score) == (0, 0, None, None)
    assert stats.per_pack == ()
    assert stats.per_tag == ()
    assert stats.most_missed == ()
    assert stats.recent_scores == ()


# -- forgetting ------------------------------------------------------------------


def test_reset_everything_forgets_answers_too(
    store: ScoreStore, quiz_home: Path, make_round: MakeRound
) -> None:
    for score in (1, 2, 3):
        store.save_round(make_round(score=score))
    assert store.count_rounds() == 3
    assert store.reset() == 3
    assert raw(quiz_home, "SELECT count(*) FROM rounds") == [(0,)]
    assert raw(quiz_home, "SELECT count(*) FROM answers") == [(0,)]


def test_reset_part(store: ScoreStore, quiz_home: Path, make_round: MakeRound) -> None:
    store.save_round(make_round("Mia"))
    store.save_round(make_round("Seb"))
    store.save_round(make_round("Mia", board="whiplash/10/untimed", pack_ids=("whiplash",)))
    assert store.count_rounds(player="Mia") == 2
    assert store.count_rounds(pack="whiplash") == 1
    assert store.count_rounds(player="Seb", pack="whiplash") == 0
    assert store.reset(pack="whiplash") == 1
    assert store.reset(player="Mia") == 1
    assert [r.player for r in store.top(BOARD)] == ["Seb"]
    assert raw(quiz_home, "SELECT DISTINCT round_id FROM answers") == [(2,)]


def test_reset_up_to_a_round_spares_later_ones(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round(score=1))
    seen = store.last_round_id()
    store.save_round(make_round(score=2))  # finished while the user was asked
    assert store.reset(up_to_id=seen) == 1
    assert [r.score for r in store.top(BOARD)] == [2]


# -- opening without creating ------------------------------------------------------


def test_reading_without_a_file_creates_nothing(quiz_home: Path, make_round: MakeRound) -> None:
    with ScoreStore.open(create=False) as store:
        assert not store.exists
        assert store.boards() == []
        assert store.top(BOARD) == []
        assert store.player_stats("Mia").rounds == 0
        assert store.reset() == 0
        with pytest.raises(StoreError, match="without a score file"):
            store.save_round(make_round())
    assert not quiz_home.exists()


def test_reading_an_existing_file(quiz_home: Path, make_round: MakeRound) -> None:
    with ScoreStore.open() as store:
        store.save_round(make_round())
    with ScoreStore.open(create=False) as store:
        assert store.exists
        assert len(store.top(BOARD)) == 1


def test_home_can_be_given(tmp_path: Path, quiz_home: Path, make_round: MakeRound) -> None:
    with ScoreStore.open(tmp_path / "elsewhere") as store:
        store.save_round(make_round())
    assert (tmp_path / "elsewhere" / "scores.db").exists()
    assert not quiz_home.exists()


# -- the queries use the indexes -----------------------------------------------------


def plan(store: ScoreStore, sql: str, *params: object) -> str:
    rows = store._conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(str(row[3]) for row in rows)


def test_the_top_query_walks_the_index(store: ScoreStore) -> None:
    found = plan(store, db.TOP_SQL, BOARD, 10)
    assert "USING INDEX rounds_by_rank (board=?)" in found
    assert "TEMP B-TREE" not in found
    found = plan(store, db.TOP_FOR_PLAYER_SQL, BOARD, "Mia", 10)
    assert "USING INDEX rounds_by_player_rank (player=? AND board=?)" in found
    assert "TEMP B-TREE" not in found

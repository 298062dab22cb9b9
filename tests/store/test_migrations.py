"""The schema version, and bringing an older score file up to date without losing rounds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.errors import StoreError
from quiz.store import schema
from quiz.store.db import ScoreStore
from quiz.store.records import RoundRecord

MakeRound = Callable[..., RoundRecord]
BOARD = "la-la-land-first-look/10/timed-20s"


def version_1_file(home: Path) -> Path:
    """A score file at schema version 1 written by hand, as quiz 0.1 leaves it, with one round."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / "scores.db"
    conn = sqlite3.connect(path)
    conn.executescript(schema.MIGRATIONS[0])
    conn.execute(
        "INSERT INTO rounds (id, player, board, packs, score, correct, total, best_streak,"
        " duration_s, seed, time_limit, finished_at) VALUES (7, 'Mia', ?,"
        " '[\"la-la-land-first-look\"]', 1500, 8, 10, 4, 88.5, 3, 20.0,"
        " '2024-12-31T23:00:00.000000+00:00')",
        (BOARD,),
    )
    conn.execute(
        "INSERT INTO answers VALUES (7, 0, 'la-la-land-first-look', 'director', 'Damien',"
        " 1, 0, 0, 2.5, 190, '[\"people\"]')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return path


def file_version(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("PRAGMA user_version").fetchone()[0],
            conn.execute("PRAGMA application_id").fetchone()[0],
        )
    finally:
        conn.close()


def test_a_new_file_is_at_the_latest_version(quiz_home: Path) -> None:
    ScoreStore.open().close()
    assert file_version(quiz_home / "scores.db") == (schema.SCHEMA_VERSION, schema.APP_ID)


def test_a_version_1_file_opens_and_keeps_its_rounds(
    quiz_home: Path, make_round: MakeRound
) -> None:
    path = version_1_file(quiz_home)
    with ScoreStore.open() as store:
        assert store.notices == []
        [row] = store.top(BOARD)
        assert (row.id, row.player, row.score, row.duration) == (7, "Mia", 1500, 88.5)
        assert store.player_stats("Mia").per_tag[0].name == "people"
        assert store.save_round(make_round()) == 8
    assert file_version(path) == (schema.SCHEMA_VERSION, schema.APP_ID)


def test_pending_migrations() -> None:
    assert schema.pending(0) == list(enumerate(schema.MIGRATIONS, 1))
    assert schema.pending(1) == [(2, schema.MIGRATIONS[1]), (3, schema.MIGRATIONS[2])]
    assert schema.pending(schema.SCHEMA_VERSION) == []


def test_migration_2_adds_how_a_round_was_played_and_keeps_old_rounds(
    quiz_home: Path, make_round: MakeRound
) -> None:
    path = version_1_file(quiz_home)
    conn = sqlite3.connect(path)
    # Round 7 kept 1 answer of 10; 8: right, skipped, timed out; 9: no answers kept.
    conn.execute(
        "INSERT INTO rounds (id, player, board, packs, score, correct, total, best_streak,"
        " duration_s, seed, time_limit, finished_at) VALUES (8, 'Mia', ?, '[]', 200, 1, 3, 1,"
        " 30.0, 1, 20.0, '2025-01-01T00:00:00.000000+00:00'), (9, 'Ann', ?, '[]', 300, 3, 4,"
        " 3, 40.0, 2, 20.0, '2025-01-02T00:00:00.000000+00:00')",
        (BOARD, BOARD),
    )
    conn.executemany(
        "INSERT INTO answers VALUES (8, ?, 'p', ?, ?, ?, ?, ?, 1.0, 0, '[]')",
        [(0, "a", "x", 1, 0, 0), (1, "b", "", 0, 1, 0), (2, "c", "y", 0, 0, 1)],
    )
    conn.commit()
    conn.close()
    with ScoreStore.open() as store:
        rows = {row.id: row for row in store.top(BOARD)}
        store.save_round(make_round())
    assert sorted(rows) == [7, 8, 9]
    assert (rows[7].answered, rows[7].skipped, rows[7].accuracy) == (None, None, 0.8)
    assert (rows[8].answered, rows[8].skipped, rows[8].accuracy) == (2, 1, 0.5)
    assert (rows[9].answered, rows[9].skipped, rows[9].accuracy) == (None, None, 0.75)
    assert {(row.input, row.mode) for row in rows.values()} == {("terminal", "solo")}
    assert file_version(path)[0] == schema.SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 6
    assert conn.execute("SELECT answered, skipped FROM rounds WHERE id = 10").fetchone() == (2, 0)
    conn.close()


def test_a_failing_migration_changes_nothing(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = version_1_file(quiz_home)
    broken = "CREATE TABLE extra (x INTEGER); ALTER TABLE no_such_table ADD COLUMN y TEXT"
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with pytest.raises(StoreError, match="no_such_table"):
        ScoreStore.open()
    monkeypatch.undo()
    assert file_version(path)[0] == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall() == []
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    conn.close()


def test_a_fresh_file_is_migrated_from_zero(quiz_home: Path) -> None:
    quiz_home.mkdir()
    (quiz_home / "scores.db").write_bytes(b"")  # an empty file is an empty database
    with ScoreStore.open() as store:
        assert store.notices == []
        assert store.boards() == []
    assert file_version(quiz_home / "scores.db") == (schema.SCHEMA_VERSION, schema.APP_ID)

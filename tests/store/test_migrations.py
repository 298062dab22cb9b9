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
ADD_MODE = "ALTER TABLE rounds ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo'"


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
    assert file_version(path) == (1, schema.APP_ID)  # application id added on the way


def test_pending_migrations() -> None:
    assert schema.pending(0) == [(1, schema.MIGRATIONS[0])]
    assert schema.pending(schema.SCHEMA_VERSION) == []


def test_a_second_migration_adds_a_column_and_keeps_rows(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch, make_round: MakeRound
) -> None:
    path = version_1_file(quiz_home)
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], ADD_MODE))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with ScoreStore.open() as store:
        assert [r.id for r in store.top(BOARD)] == [7]
        store.save_round(make_round())
    assert file_version(path)[0] == 2
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id, mode FROM rounds ORDER BY id").fetchall() == [
        (7, "solo"),
        (8, "solo"),
    ]
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 3
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

"""When things go wrong: damaged, foreign or newer files, unusable folders, crashes, full disks.

The rule throughout: a score that was saved is never lost, and a file quiz
cannot use is never written over.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import quiz
from quiz.errors import StoreError
from quiz.store import connect, schema
from quiz.store.connect import StoreUnavailable
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

MakeRound = Callable[..., RoundRecord]
MakeAnswer = Callable[..., AnswerRecord]
BOARD = "la-la-land-first-look/10/timed-20s"
ASIDE = re.compile(r"scores\.db\.corrupt-\d{8}-\d{6}(-\d+)?")
GARBAGE = bytes(range(256)) * 40


def asides(home: Path) -> list[Path]:
    """The moved-aside score files (not their companions)."""
    found = home.glob("scores.db.corrupt-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", "-journal")))


def count_rounds(home: Path) -> int:
    conn = sqlite3.connect(home / "scores.db")
    try:
        return int(conn.execute("SELECT count(*) FROM rounds").fetchone()[0])
    finally:
        conn.close()


def filled_store(home: Path, make_round: MakeRound, rounds: int) -> None:
    with ScoreStore.open(home) as store:  # one transaction: quicker than a save a round
        store.import_records([make_round(score=score, minute=score) for score in range(rounds)])


def assert_moved_aside(home: Path, store: ScoreStore, old_bytes: bytes) -> Path:
    [aside] = asides(home)
    assert ASIDE.fullmatch(aside.name)
    assert aside.read_bytes() == old_bytes  # untouched
    [notice] = store.notices
    assert str(aside) in notice
    assert "new one was started" in notice
    return aside


# -- files that are not score files ---------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [GARBAGE, b"SQLite format 3\x00" + GARBAGE, b"hello\n", b"SQLite format 3\x00"],
    ids=["garbage", "sqlite-header-then-garbage", "text", "bare-header"],
)
def test_a_file_that_is_not_a_database_is_moved_aside(
    quiz_home: Path, make_round: MakeRound, content: bytes
) -> None:
    quiz_home.mkdir()
    (quiz_home / "scores.db").write_bytes(content)
    with ScoreStore.open() as store:
        assert_moved_aside(quiz_home, store, content)
        assert store.save_round(make_round()) == 1
    assert count_rounds(quiz_home) == 1


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_a_truncated_score_file_is_moved_aside(
    quiz_home: Path, make_round: MakeRound, keep: float
) -> None:
    filled_store(quiz_home, make_round, 300)
    path = quiz_home / "scores.db"
    cut = path.read_bytes()[: int(path.stat().st_size * keep)]
    path.write_bytes(cut)
    with ScoreStore.open() as store:
        assert_moved_aside(quiz_home, store, cut)
        assert store.boards() == []


def test_companion_files_move_along(quiz_home: Path) -> None:
    quiz_home.mkdir()
    for suffix, data in [("", GARBAGE), ("-wal", b"wal bytes"), ("-shm", b"shm bytes")]:
        (quiz_home / f"scores.db{suffix}").write_bytes(data)
    with ScoreStore.open() as store:
        aside = assert_moved_aside(quiz_home, store, GARBAGE)
    assert Path(f"{aside}-wal").read_bytes() == b"wal bytes"
    # The -shm file is only SQLite's shared-memory index, rebuilt at will: it
    # moves along, but SQLite may have rewritten it while reading.
    assert Path(f"{aside}-shm").exists()
    assert sorted(p.name for p in quiz_home.iterdir() if "corrupt" in p.name) == [
        aside.name,
        f"{aside.name}-shm",
        f"{aside.name}-wal",
    ]


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');", "tables"),
        ("PRAGMA application_id = 42; PRAGMA user_version = 1;", "another program"),
        ("CREATE TABLE rounds (x); PRAGMA user_version = 1;", "lacks the tables"),
    ],
)
def test_another_programs_database_is_moved_aside(quiz_home: Path, setup: str, reason: str) -> None:
    quiz_home.mkdir()
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.executescript(setup)
    conn.close()
    before = (quiz_home / "scores.db").read_bytes()
    with ScoreStore.open() as store:
        assert_moved_aside(quiz_home, store, before)
        assert reason in store.notices[0]


def test_an_existing_aside_name_is_never_reused(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:
            return cls(2025, 3, 1, 12, 0, 0)

    monkeypatch.setattr(connect, "datetime", Frozen)
    quiz_home.mkdir()
    taken = quiz_home / "scores.db.corrupt-20250301-120000"
    taken.write_bytes(b"first")
    Path(f"{quiz_home / 'scores.db.corrupt-20250301-120000-2'}-wal").write_bytes(b"second")
    (quiz_home / "scores.db").write_bytes(GARBAGE)
    with ScoreStore.open():
        pass
    assert taken.read_bytes() == b"first"
    assert (quiz_home / "scores.db.corrupt-20250301-120000-3").read_bytes() == GARBAGE


def test_a_folder_where_the_file_belongs_is_refused_and_left_alone(quiz_home: Path) -> None:
    (quiz_home / "scores.db").mkdir(parents=True)
    (quiz_home / "scores.db" / "keep.txt").write_text("mine")
    for create in (True, False):
        with pytest.raises(StoreUnavailable, match="is a folder, not a score file"):
            ScoreStore.open(create=create)
    assert (quiz_home / "scores.db" / "keep.txt").read_text() == "mine"
    assert asides(quiz_home) == []


def test_a_pipe_where_the_file_belongs_is_refused_without_waiting(quiz_home: Path) -> None:
    quiz_home.mkdir()
    os.mkfifo(quiz_home / "scores.db")
    with pytest.raises(StoreUnavailable, match="not a regular file"):
        ScoreStore.open()


# -- a file from a newer quiz ---------------------------------------------------------


def newer_file(home: Path, version: int = 7) -> bytes:
    home.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(home / "scores.db")
    conn.executescript(schema.MIGRATIONS[0])
    conn.execute(
        "INSERT INTO rounds (player, board, packs, score, correct, total, best_streak,"
        " duration_s, seed, finished_at) VALUES ('Mia', 'b', '[]', 1, 1, 1, 1, 1, 1, 'x')"
    )
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {schema.APP_ID}")
    conn.commit()
    conn.close()
    return (home / "scores.db").read_bytes()


@pytest.mark.parametrize("create", [True, False])
def test_a_newer_file_is_refused_and_left_alone(quiz_home: Path, create: bool) -> None:
    before = newer_file(quiz_home)
    with pytest.raises(StoreUnavailable) as caught:
        ScoreStore.open(create=create)
    assert caught.value.message == (
        "scores.db was written by a newer version of quiz (schema 7; "
        f"this one knows {schema.SCHEMA_VERSION}): upgrade quiz to save scores"
    )
    assert (quiz_home / "scores.db").read_bytes() == before
    assert asides(quiz_home) == []
    assert sorted(p.name for p in quiz_home.iterdir()) == ["scores.db"]


# -- folders that cannot hold the file ------------------------------------------------


def test_a_data_folder_under_a_file_is_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, for whom permissions stop nothing: a regular file in
    # the path makes the folder impossible to create instead.
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "quiz"))
    with pytest.raises(StoreUnavailable) as caught:
        ScoreStore.open()
    assert caught.value.message == (
        f"cannot write the score file in {blocker / 'quiz'}: {blocker} is a file, not a folder"
    )
    with pytest.raises(StoreUnavailable, match="is a file, not a folder"):
        ScoreStore.open(create=False)
    assert blocker.read_text() == "not a folder"


def test_a_data_folder_that_is_a_file_is_unavailable(quiz_home: Path) -> None:
    quiz_home.write_text("oops")
    with pytest.raises(StoreUnavailable, match="is a file, not a folder"):
        ScoreStore.open()
    assert quiz_home.read_text() == "oops"


def test_a_read_only_data_folder_is_unavailable(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, a read-only folder is still writable, so the permission check is patched.
    quiz_home.mkdir()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(StoreUnavailable) as caught:
        ScoreStore.open()
    assert caught.value.message == f"cannot write the score file in {quiz_home}: Permission denied"


# -- crashes and failing disks ------------------------------------------------------------

SAVER = """
import sys
from datetime import datetime, UTC
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

answers = tuple(
    AnswerRecord("pack", f"q{i}", "x" * 300, i % 2 == 0, False, False, 1.5, 100, ("tag",))
    for i in range(40)
)
with ScoreStore.open() as store:
    while True:
        record = RoundRecord("kid", "pack/40/untimed", ("pack",), 5, 20, 40, 3, 9.5, 1, None,
                             datetime.now(UTC), answers)
        print(store.save_round(record), flush=True)
"""


def test_a_process_killed_while_saving_loses_nothing_saved_before(quiz_home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(quiz.__file__).parent.parent)}
    with subprocess.Popen(
        [sys.executable, "-c", SAVER], stdout=subprocess.PIPE, env=env, text=True
    ) as child:
        assert child.stdout is not None
        saved = [int(child.stdout.readline()) for _ in range(40)]
        child.send_signal(signal.SIGKILL)  # most likely in the middle of the next save
        child.wait()
        saved += [int(line) for line in child.stdout.read().split()]
    assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(quiz_home / "scores.db")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with ScoreStore.open() as store:
        assert store.notices == []
        ids = {row.id for row in store.top("pack/40/untimed", limit=10_000)}
        assert set(saved) <= ids
        assert store.player_stats("kid").asked == 40 * len(ids)  # no half-saved round


class FailingConnection:
    """A connection whose ``executemany`` (the answers of a round) fails like a broken disk."""

    def __init__(self, real: sqlite3.Connection, error: sqlite3.Error) -> None:
        self._real = real
        self._error = error

    def executemany(self, *args: Any) -> Any:
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def sqlite_failure(kind: type[sqlite3.Error], message: str, code: int) -> sqlite3.Error:
    error = kind(message)
    error.sqlite_errorcode = code
    return error


def test_a_full_disk_during_a_save_is_a_clear_error(
    quiz_home: Path, make_round: MakeRound, answer: MakeAnswer
) -> None:
    with ScoreStore.open() as store:
        for score in (1, 2, 3):
            store.save_round(make_round(score=score))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # a real SQLITE_FULL
        big = make_round(answers=tuple(answer(f"q{i}", given="x" * 4000) for i in range(40)))
        with pytest.raises(StoreError) as caught:
            store.save_round(big)
    assert caught.value.message.startswith(f"could not save the round to {quiz_home}")
    assert "the disk is full" in caught.value.message
    with ScoreStore.open() as store:
        assert [r.score for r in store.top(BOARD)] == [3, 2, 1]
        assert store.player_stats("Mia").asked == 6


def test_an_io_error_during_a_save_leaves_no_half_round(
    quiz_home: Path, make_round: MakeRound
) -> None:
    with ScoreStore.open() as store:
        store.save_round(make_round(score=1))
        error = sqlite_failure(sqlite3.OperationalError, "disk I/O error", sqlite3.SQLITE_IOERR)
        store._conn = FailingConnection(store._conn, error)  # type: ignore[assignment]
        with pytest.raises(StoreError, match=r"could not be read or written \(disk I/O error\)"):
            store.save_round(make_round(score=2))
    with ScoreStore.open() as store:
        assert [r.score for r in store.top(BOARD)] == [1]
        assert store.player_stats("Mia").asked == 2


def test_a_file_found_damaged_while_saving_is_set_aside_and_the_round_kept(
    quiz_home: Path, make_round: MakeRound
) -> None:
    with ScoreStore.open() as store:
        store.save_round(make_round(score=1))
        error = sqlite_failure(sqlite3.DatabaseError, "database disk image is malformed", 11)
        store._conn = FailingConnection(store._conn, error)  # type: ignore[assignment]
        assert store.save_round(make_round(score=2)) == 1  # in a new file
        [notice] = store.notices
    [aside] = asides(quiz_home)
    assert str(aside) in notice
    assert count_rounds(quiz_home) == 1
    conn = sqlite3.connect(aside)
    assert conn.execute("SELECT score FROM rounds").fetchall() == [(1,)]
    conn.close()


def test_damage_met_while_reading_is_an_error_with_a_way_out(
    quiz_home: Path, make_round: MakeRound
) -> None:
    class DamagedReads(FailingConnection):
        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("SELECT"):
                raise self._error
            return self._real.execute(sql, *args)

    with ScoreStore.open() as store:
        store.save_round(make_round())
        error = sqlite_failure(sqlite3.DatabaseError, "database disk image is malformed", 11)
        store._conn = DamagedReads(store._conn, error)  # type: ignore[assignment]
        with pytest.raises(StoreError) as caught:
            store.top(BOARD)
    assert "the file is damaged" in caught.value.message
    assert caught.value.hint == f"rename {quiz_home / 'scores.db'} to start a new score file"

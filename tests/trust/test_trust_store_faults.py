"""Faults around the score file, end to end through ``quiz play``.

Whatever happens to the score file (a crash mid-save, a full disk, a folder
that cannot be written, garbage where the file should be, a file from a newer
quiz) the round ends properly: exit 0 and the summary shown. Earlier scores
are never lost or written over, and the player is told what happened in a
``warning:`` line on stderr. The store's own unit tests (tests/store/) cover
the mechanisms; these drive the whole program.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from trust_support import quiz_env
from typer.testing import CliRunner, Result

from quiz.cli.app import app

runner = CliRunner()
# Answers any two questions of the built-in pack: each question takes the
# first line it can grade (a letter, t, a number or any text).
ANSWERS = "A\nt\n1\n" * 2
PLAY = ["play", "-n", "2", "--seed", "1", "--name", "kid"]
GARBAGE = bytes(range(256)) * 40


def play() -> Result:
    """One round, answers piped in; it must end properly whatever the score file does."""
    result = runner.invoke(app, PLAY, input=ANSWERS)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0, result.output
    assert "Your round" in result.stdout
    assert "Score " in result.stdout
    return result


def warnings(result: Result) -> list[str]:
    """The warnings about the score file (a folder that cannot hold it cannot hold the
    remembered name either, which has its own warning, tested in tests/store/test_player.py)."""
    return [
        line
        for line in result.stderr.splitlines()
        if line.startswith("warning: ") and "your name was not remembered" not in line
    ]


def recorded(home: Path) -> list[tuple[object, ...]]:
    """Every round in the score file (read directly), oldest first."""
    conn = sqlite3.connect(home / "scores.db")
    try:
        return conn.execute("SELECT * FROM rounds ORDER BY id").fetchall()
    finally:
        conn.close()


def listed() -> list[dict[str, object]]:
    """Every round as ``quiz scores --all --json`` lists it."""
    result = runner.invoke(app, ["scores", "--all", "--json", "--limit", "100000"])
    assert result.exit_code == 0, result.output
    rounds: list[dict[str, object]] = json.loads(result.stdout)
    return rounds


def healthy(home: Path) -> bool:
    conn = sqlite3.connect(home / "scores.db")
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        half_saved = conn.execute(
            "SELECT count(*) FROM rounds"
            " WHERE total != (SELECT count(*) FROM answers WHERE round_id = rounds.id)"
        ).fetchone()[0]
        return integrity and half_saved == 0
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- a crash in the middle of saving ----------------------------------------------------

SAVER = f"""
import os, sys, time
from typer.testing import CliRunner
import quiz.store.db as db
from quiz.cli.app import app

saves, stop_in_last = int(sys.argv[1]), sys.argv[2] == "stop"
real_insert = db.insert_round

def insert_round(conn, record):
    round_id = real_insert(conn, record)  # inside the transaction, before COMMIT
    if stop_in_last and insert_round.calls == saves:
        os.write(1, b"in-transaction\\n")
        time.sleep(60)
    insert_round.calls += 1
    return round_id

insert_round.calls = 0
db.insert_round = insert_round
runner = CliRunner()
for n in range(saves + 1 if stop_in_last else 10_000):
    result = runner.invoke(app, {PLAY!r}, input={ANSWERS!r})
    os.write(1, b"saved %d\\n" % result.exit_code)
"""


def saver(home: Path, saves: int, stop: bool) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, str(saves), "stop" if stop else "loop"],
        stdout=subprocess.PIPE,
        env=quiz_env(home),
    )


def test_a_kill_in_the_middle_of_saving_loses_nothing_saved_before(quiz_home: Path) -> None:
    with saver(quiz_home, 3, stop=True) as child:
        assert child.stdout is not None
        lines = [child.stdout.readline() for _ in range(4)]
        assert lines == [b"saved 0\n"] * 3 + [b"in-transaction\n"]
        child.send_signal(signal.SIGKILL)  # the fourth round is inserted, not committed
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert healthy(quiz_home)
    assert len(listed()) == 3
    after = play()
    assert warnings(after) == []  # nothing needed repairing
    assert len(listed()) == 4
    assert healthy(quiz_home)


@pytest.mark.slow
def test_kills_at_random_moments_of_a_saving_loop_lose_nothing(quiz_home: Path) -> None:
    rng = random.Random(7)
    reported = 0
    for _ in range(5):
        with saver(quiz_home, 0, stop=False) as child:
            assert child.stdout is not None
            for _ in range(3):  # past start-up, into the rhythm of saving
                assert child.stdout.readline() == b"saved 0\n"
            time.sleep(rng.uniform(0, 0.3))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            reported += child.stdout.read().count(b"saved 0\n") + 3
        assert child.returncode == -signal.SIGKILL
        assert healthy(quiz_home)
        # Every round reported saved is there; at most one more (killed after COMMIT).
        assert reported <= len(listed()) <= reported + 5


# -- a full disk ---------------------------------------------------------------------------


def test_a_full_disk_while_saving_costs_the_score_not_the_round(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    play()
    play()
    before = recorded(quiz_home)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]

    def insert_round(*args: object) -> int:
        raise full

    monkeypatch.setattr("quiz.store.db.insert_round", insert_round)
    result = play()
    [warning] = warnings(result)
    assert "your score was not saved" in warning
    assert "the disk is full" in warning
    assert recorded(quiz_home) == before
    assert healthy(quiz_home)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs the right to mount; skipped without it)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill ``folder``'s file system to the last block."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as fh:
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 4096)
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0")
    return filler


def test_a_really_full_disk(
    small_disk: Path, quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = small_disk / "quiz"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    play()
    play()
    before = recorded(home)
    filler = fill(small_disk)
    result = play()
    [warning] = warnings(result)
    assert "your score was not saved" in warning
    assert "full" in warning
    filler.unlink()
    assert recorded(home) == before
    assert healthy(home)
    play()
    assert len(recorded(home)) == 3


def test_a_read_only_disk(small_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = small_disk / "quiz"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    play()
    before = recorded(home)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = play()
    [warning] = warnings(result)
    assert "your score was not saved" in warning
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert recorded(home) == before


# -- a data folder that cannot hold the file ----------------------------------------------


def test_a_data_folder_under_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "quiz"))
    [warning] = warnings(play())
    assert warning.startswith("warning: your score was not saved:")
    assert f"{blocker} is a file, not a folder" in warning
    assert blocker.read_text() == "not a folder\n"


def test_a_data_folder_that_is_a_file(quiz_home: Path) -> None:
    quiz_home.write_text("mine\n")
    [warning] = warnings(play())
    assert warning.startswith("warning: your score was not saved:")
    assert f"{quiz_home} is a file, not a folder" in warning
    assert quiz_home.read_text() == "mine\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_a_read_only_data_folder(quiz_home: Path) -> None:
    play()
    before = recorded(quiz_home)
    quiz_home.chmod(0o500)
    try:
        [warning] = warnings(play())
    finally:
        quiz_home.chmod(0o700)
    assert "your score was not saved" in warning
    assert recorded(quiz_home) == before


def test_a_folder_where_the_score_file_belongs(quiz_home: Path) -> None:
    (quiz_home / "scores.db").mkdir(parents=True)
    [warning] = warnings(play())
    assert "is a folder, not a score file" in warning
    assert (quiz_home / "scores.db").is_dir()


# -- a file that is not a usable score file -------------------------------------------------


def test_garbage_is_moved_aside_and_the_round_saved_afresh(quiz_home: Path) -> None:
    quiz_home.mkdir()
    (quiz_home / "scores.db").write_bytes(GARBAGE)
    [warning] = warnings(play())
    [aside] = quiz_home.glob("scores.db.corrupt-*")
    assert str(aside) in warning  # the player is told where the old file went
    assert "was not a usable score file" in warning
    assert aside.read_bytes() == GARBAGE
    assert len(listed()) == 1
    assert healthy(quiz_home)
    assert warnings(play()) == []  # once only
    assert len(listed()) == 2


def test_a_score_file_from_a_newer_quiz_is_left_alone(quiz_home: Path) -> None:
    play()
    play()
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = digest(quiz_home / "scores.db")
    [warning] = warnings(play())
    assert "your score was not saved" in warning
    assert "newer version of quiz" in warning
    assert "upgrade quiz" in warning
    assert digest(quiz_home / "scores.db") == before
    assert len(recorded(quiz_home)) == 2
    assert list(quiz_home.glob("scores.db.corrupt-*")) == []

"""Many terminals finishing a round at the same moment all keep their score."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quiz

PROCESSES = 20

# Each child waits for the "go" file, then opens the store and saves one round,
# so that all twenty open (and the first creates) the file at the same moment.
SAVER = """
import os, sys, time
from datetime import datetime, UTC
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

go, number = sys.argv[1], int(sys.argv[2])
while not os.path.exists(go):
    time.sleep(0.001)
answers = tuple(
    AnswerRecord("pack", f"q{i}", "given", True, False, False, 1.0, 100, ("tag",))
    for i in range(10)
)
record = RoundRecord(f"player-{number}", "pack/10/untimed", ("pack",), 100 * number, 10, 10,
                     10, 30.0, number, None, datetime.now(UTC), answers)
with ScoreStore.open() as store:
    print(store.save_round(record))
"""


def run_savers(home: Path, go: Path, first: int) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "QUIZ_HOME": str(home)}
    env["PYTHONPATH"] = str(Path(quiz.__file__).parent.parent)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(go), str(first + n)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    time.sleep(0.5)  # let them all start and wait at the gate
    go.touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return results


@pytest.mark.slow
def test_twenty_rounds_saved_at_once_are_all_kept(quiz_home: Path, tmp_path: Path) -> None:
    # First into a file that does not exist yet (all race to create it), then again.
    for batch, go in enumerate([tmp_path / "go-1", tmp_path / "go-2"]):
        results = run_savers(quiz_home, go, first=batch * PROCESSES)
        for result in results:
            assert result.returncode == 0, result.stderr
            assert result.stderr == ""
        ids = sorted(int(result.stdout) for result in results)
        assert len(set(ids)) == PROCESSES
    conn = sqlite3.connect(quiz_home / "scores.db")
    try:
        assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == 2 * PROCESSES
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 20 * PROCESSES
        players = {row[0] for row in conn.execute("SELECT player FROM rounds")}
        assert players == {f"player-{n}" for n in range(2 * PROCESSES)}
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert not list(quiz_home.glob("scores.db.corrupt-*"))


@pytest.mark.slow
def test_twenty_processes_finding_a_damaged_file_move_it_aside_once(
    quiz_home: Path, tmp_path: Path
) -> None:
    quiz_home.mkdir()
    garbage = b"not a database " * 1000
    (quiz_home / "scores.db").write_bytes(garbage)
    results = run_savers(quiz_home, tmp_path / "go", first=0)
    for result in results:
        assert result.returncode == 0, result.stderr
    found = quiz_home.glob("scores.db.corrupt-*")
    [aside] = [p for p in found if not p.name.endswith(("-wal", "-shm", "-journal"))]
    assert aside.read_bytes() == garbage
    conn = sqlite3.connect(quiz_home / "scores.db")
    try:
        assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == PROCESSES
    finally:
        conn.close()


@pytest.mark.slow
def test_twenty_real_rounds_at_once_are_all_listed(quiz_home: Path) -> None:
    """The issue's own check: 20 `quiz play` processes, then `quiz scores --all --json`."""
    env = {**os.environ, "QUIZ_HOME": str(quiz_home)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "quiz",
                "play",
                "-n",
                "2",
                "--type",
                "text",
                "--seed",
                str(n),
                "--time-limit",
                "0",
                "--name",
                f"p{n}",
            ],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    for child in children:  # every answer line at once, so all rounds end together
        assert child.stdin is not None
        child.stdin.write("skip\nzz\nzz\nzz\n")
        child.stdin.close()
    for child in children:
        assert child.stderr is not None
        with child.stderr:
            errors = child.stderr.read()
        assert child.wait(timeout=120) == 0, errors
    listed = subprocess.run(
        [sys.executable, "-m", "quiz", "scores", "--all", "--json", "--limit", "100"],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    import json

    players = sorted(row["player"] for row in json.loads(listed.stdout))
    assert players == sorted(f"p{n}" for n in range(PROCESSES))

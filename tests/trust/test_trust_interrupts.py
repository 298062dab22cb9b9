"""Interrupts, for real: Ctrl-C, Ctrl-D, hang-ups, kill, and a reader that goes away.

Every way a run can be cut short ends in a documented exit code, quietly: 130
for Ctrl-C (wherever it lands: a question, the name prompt, while loading a
big pack), 1 for the end of input, 129 for a hang-up, 143 for SIGTERM, 141
when the reader of standard output goes away (``quiz ... | head -1``). Never a
traceback, never a death by signal, nothing recorded, and the terminal left in
the mode it was in.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect
import pytest
from trust_support import assert_no_crash, finish, local_modes, quiz_env, spawn

from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

QUESTION = r"Your answer"
NAME_PROMPT = r"Your name for the high-score table( \[[^\]]*\])?: "
F_SETPIPE_SZ = 1031  # Linux: shrink a pipe, so a little output fills it


def rounds_in(home: Path) -> int:
    if not (home / "scores.db").exists():
        return 0
    conn = sqlite3.connect(home / "scores.db")
    try:
        return int(conn.execute("SELECT count(*) FROM rounds").fetchone()[0])
    finally:
        conn.close()


def wait_for_exit(child: pexpect.spawn, timeout: float = 20) -> tuple[int | None, int | None]:
    deadline = time.monotonic() + timeout
    while child.isalive():
        assert time.monotonic() < deadline, "the child did not exit"
        time.sleep(0.02)
    return child.exitstatus, child.signalstatus


# -- Ctrl-C and Ctrl-D at the prompts -------------------------------------------------------


def test_ctrl_c_at_a_question_records_nothing_and_restores_the_terminal(
    quiz_home: Path,
) -> None:
    child = spawn(["play", "-n", "3", "--seed", "2", "--name", "ann"], quiz_home)
    modes = local_modes(child.child_fd)
    child.expect(QUESTION)
    child.sendline("skip")  # one question answered: still nothing may be recorded
    child.expect(r"Question 2 of 3")
    child.expect(QUESTION)
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before.decode()
    assert local_modes(child.child_fd) == modes
    child.close()
    assert (child.exitstatus, child.signalstatus) == (130, None)
    assert "Interrupted at question 2 of 3" in output
    assert "Traceback" not in output
    assert rounds_in(quiz_home) == 0


def test_ctrl_c_at_the_name_prompt(quiz_home: Path) -> None:
    child = spawn(["play", "-n", "2"], quiz_home)  # no --name, none remembered
    modes = local_modes(child.child_fd)
    child.expect(NAME_PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before.decode()
    assert local_modes(child.child_fd) == modes
    child.close()
    assert (child.exitstatus, child.signalstatus) == (130, None)
    assert "interrupted; nothing was recorded." in output
    assert "Traceback" not in output
    assert not (quiz_home / "player").exists()
    assert rounds_in(quiz_home) == 0


def test_ctrl_d_at_the_name_prompt(quiz_home: Path) -> None:
    child = spawn(["play", "-n", "2"], quiz_home)
    child.expect(NAME_PROMPT)
    child.sendeof()
    code, output = finish(child)
    assert code == 1
    assert "input ended; nothing was recorded." in output.decode()
    assert "Traceback" not in output.decode()
    assert not (quiz_home / "player").exists()


# -- Ctrl-C while a big pack loads -------------------------------------------------------------


def big_pack(path: Path, questions: int = 10_000) -> Path:
    lines = [
        f"  - {{id: q{i}, type: truefalse, prompt: Is {i} even?, answer: {i % 2 == 0}}}".lower()
        for i in range(questions)
    ]
    path.write_text("format: 1\npack: {id: big, title: Big}\nquestions:\n" + "\n".join(lines))
    return path


def yaml_is_loaded(pid: int) -> bool:
    """The YAML reader is imported only to read a pack: its library in the map means loading."""
    try:
        return "_yaml" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def test_ctrl_c_while_a_big_pack_loads(tmp_path: Path, quiz_home: Path) -> None:
    pack = big_pack(tmp_path / "big.yaml")
    with subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", "--pack", str(pack), "--name", "ann"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=quiz_env(quiz_home),
    ) as child:
        deadline = time.monotonic() + 30
        while not yaml_is_loaded(child.pid):
            assert child.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.005)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    assert_no_crash(child.returncode, err.decode())
    assert child.returncode == 130, err
    assert b"interrupted; nothing was recorded." in err
    assert b"Question 1" not in out  # it was still loading
    assert rounds_in(quiz_home) == 0


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6])
def test_ctrl_c_at_any_moment_of_start_up(delay: float, tmp_path: Path, quiz_home: Path) -> None:
    pack = big_pack(tmp_path / "big.yaml", 3_000)
    with subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", "--pack", str(pack), "--name", "ann"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=quiz_env(quiz_home),
    ) as child:
        # Ctrl-C while the interpreter itself starts (before site is imported) is
        # fatal to any Python program; the moments that count are quiz's own.
        wait_until_running_quiz(child.pid)
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    assert_no_crash(child.returncode, err.decode())
    assert child.returncode == 130, err
    assert rounds_in(quiz_home) == 0


def wait_until_running_quiz(pid: int) -> None:
    """Wait until Python has started and is importing quiz's own code.

    The first extension module from lib-dynload is loaded while quiz's imports
    run (``site`` loads none): from then on Ctrl-C is quiz's to handle.
    """
    deadline = time.monotonic() + 30
    maps = Path(f"/proc/{pid}/maps")
    while "lib-dynload/" not in maps.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, "the child never started importing quiz"
        time.sleep(0.002)


# -- hang-ups and kill -----------------------------------------------------------------------


def test_closing_the_terminal_ends_the_round_with_129(quiz_home: Path) -> None:
    child = spawn(["play", "-n", "3", "--name", "ann"], quiz_home)
    child.expect(QUESTION)
    child.ptyproc.fileobj.close()  # the terminal window is closed: the kernel sends SIGHUP
    assert wait_for_exit(child) == (129, None)
    child.close()
    assert rounds_in(quiz_home) == 0


@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)], ids=["SIGHUP", "SIGTERM"]
)
def test_a_signal_at_a_question_ends_quietly(
    sig: signal.Signals, code: int, quiz_home: Path
) -> None:
    child = spawn(["play", "-n", "3", "--name", "ann"], quiz_home)
    modes = local_modes(child.child_fd)
    child.expect(QUESTION)
    os.kill(child.pid, sig)
    child.expect(pexpect.EOF)
    output = child.before.decode()
    assert local_modes(child.child_fd) == modes
    child.close()
    assert (child.exitstatus, child.signalstatus) == (code, None)
    assert "stopped by a signal; nothing was recorded." in output
    assert "Traceback" not in output
    assert rounds_in(quiz_home) == 0


# -- a reader that goes away (quiz ... | head -1) ------------------------------------------------


def many_rounds(count: int) -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    pack = "la-la-land-first-look"
    answer = AnswerRecord(pack, "director", "x", True, False, False, 1.0, 100, ())
    records = [
        RoundRecord(
            player=f"player-{n}",
            board=f"{pack}/{n % 10 + 1}/untimed",
            pack_ids=(pack,),
            score=n,
            correct=1,
            total=1,
            best_streak=1,
            duration=1.0,
            seed=n,
            time_limit=None,
            finished_at=start + timedelta(minutes=n),
            answers=(answer,),
        )
        for n in range(count)
    ]
    with ScoreStore.open() as store:
        store.import_records(records)


def head_1(args: list[str], home: Path) -> tuple[int, bytes, str]:
    """``quiz ARGS | head -1``: read one line, then close the pipe while quiz still writes."""
    with subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=quiz_env(home),
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        fcntl.fcntl(child.stdout.fileno(), F_SETPIPE_SZ, 4096)
        first = child.stdout.readline()
        child.stdout.close()
        err = child.stderr.read().decode()
        child.wait(timeout=30)
    return child.returncode, first, err


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["packs", "show", "la-la-land-first-look", "--answers"], id="packs-show"),
        pytest.param(["scores", "--all", "--limit", "1000"], id="scores-table"),
    ],
)
def test_a_closed_pipe_ends_quietly_with_141(args: list[str], quiz_home: Path) -> None:
    many_rounds(300)
    code, first, err = head_1(args, quiz_home)
    assert_no_crash(code, err)
    assert first.strip()
    assert code == 141, err
    assert err == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["scores", "--all", "--json", "--limit", "1000"],
        ["scores", "--all", "--csv", "--limit", "1000"],
        ["scores", "export", "-"],
        ["packs", "list", "--json"],
        ["packs", "schema"],
        ["stats", "--player", "player-1"],
        ["--help"],
    ],
    ids=lambda args: " ".join(args[:3]),
)
def test_every_long_output_ends_quietly_when_the_pipe_closes(
    args: list[str], quiz_home: Path
) -> None:
    many_rounds(300)
    code, _, err = head_1(args, quiz_home)
    assert_no_crash(code, err)
    assert code in (0, 141), err  # 0: it all fitted in the pipe before it closed
    assert err == ""

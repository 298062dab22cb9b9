"""Unbounded input refused, and the right exit code for what the user can fix.

- every file quiz reads is bounded and never a device or a FIFO (a FIFO would
  hang, a device never end): each reading command, with ``/dev/zero`` and a
  FIFO, ends at once with exit 1 (a hang fails the test through its timeout);
- exit 1 and a clear ``error:``, not 70, for a name too long for the system, a
  date Python cannot hold, closed standard input, ``~nosuchuser`` in QUIZ_HOME,
  file names that are not UTF-8, a 5,000-digit number in imported questions;
- a closed pipe is a quiet 141 and a full disk a clear exit 1, even for
  ``--version`` and ``--help``;
- Ctrl-C at the ``scores reset`` question is 130; a closed terminal is 129.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from trust_support import assert_no_crash, finish, quiz_env, run_quiz, spawn

REPO = Path(__file__).resolve().parents[2]
BUILTIN = str(REPO / "questions.yaml")
LONG = "/tmp/" + "x" * 300 + ".yaml"

READERS: dict[str, Callable[[str, Path], list[str]]] = {
    "scores import": lambda src, out: ["scores", "import", src],
    "packs verify --against": lambda src, out: ["packs", "verify", BUILTIN, "--against", src],
    "packs validate": lambda src, out: ["packs", "validate", src],
    "play --pack": lambda src, out: ["play", "--pack", src, "--practice"],
    "packs add": lambda src, out: ["packs", "add", src],
    "packs show": lambda src, out: ["packs", "show", src],
    "packs import": lambda src, out: ["packs", "import", "csv", src, "-o", str(out)],
    "packs new --from-article": lambda src, out: ["packs", "new", str(out), "--from-article", src],
}


@pytest.fixture
def fifo(tmp_path: Path) -> str:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("command", list(READERS))
@pytest.mark.parametrize("kind", ["device", "fifo", "too-long-name"])
def test_every_reader_refuses_devices_fifos_and_impossible_names(
    tmp_path: Path, fifo: str, command: str, kind: str
) -> None:
    source = {"device": "/dev/zero", "fifo": fifo, "too-long-name": LONG}[kind]
    result = run_quiz(READERS[command](source, tmp_path / "out.yaml"), tmp_path, timeout=30)
    stderr = result.stderr.decode()
    assert_no_crash(result.returncode, stderr)
    assert result.returncode == 1, stderr
    assert "error: " in stderr or "error: " in result.stdout.decode()


def test_a_fifo_as_the_remembered_name_file_does_not_hang(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    os.mkfifo(home / "player")
    result = run_quiz(["stats"], home, timeout=30)
    assert result.returncode == 1
    assert b"whose stats?" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["scores", "import", "-"], ["packs", "import", "csv", "-", "-o", "OUT"]],
    ids=["scores import -", "packs import -"],
)
def test_standard_input_is_read_with_the_same_limit(
    tmp_path: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from quiz.authoring.convert import common
    from quiz.cli.app import app
    from quiz.store import importfile

    monkeypatch.setattr(importfile, "MAX_EXPORT_BYTES", 1000)  # what a file there may hold ...
    monkeypatch.setattr(common, "MAX_SOURCE_BYTES", 1000)
    args = [str(tmp_path / "o.yaml") if a == "OUT" else a for a in args]
    result = CliRunner().invoke(app, args, input="x" * 1001)  # ... and standard input too
    assert result.exit_code == 1
    assert "error: standard input: too long; " in result.stderr


# -- exit 1, not 70 ------------------------------------------------------------------------------


def test_closed_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "play", "-n", "1"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=quiz_env(tmp_path),
        close_fds=True,
        preexec_fn=lambda: os.close(0),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert b"error: standard input is closed" in result.stderr


def test_a_home_of_a_user_who_does_not_exist(tmp_path: Path) -> None:
    env = {**quiz_env(tmp_path), "QUIZ_HOME": "~nosuchuser-quiz/q"}
    result = run_quiz(["scores"], tmp_path, env=env)
    assert result.returncode == 1
    assert b"error: QUIZ_HOME is ~nosuchuser-quiz/q" in result.stderr


@pytest.mark.parametrize("command", ["validate", "add", "play", "import-scores"])
def test_file_names_that_are_not_utf8(tmp_path: Path, command: str) -> None:
    name = tmp_path / os.fsdecode(b"caf\xe9.yaml")
    text = (REPO / "questions.yaml").read_text().replace("la-la-land-first-look", "cafe", 1)
    name.write_text(text)
    args = {
        "validate": ["packs", "validate", str(name)],
        "add": ["packs", "add", str(name)],
        "play": ["play", "--pack", str(name), "-n", "1", "--practice"],
        "import-scores": ["scores", "import", str(name)],
    }[command]
    result = run_quiz(args, tmp_path / "home", stdin=b"a\n1\n")
    stderr = result.stderr.decode("utf-8", "replace")
    assert_no_crash(result.returncode, stderr)
    assert result.returncode in (0, 1), stderr
    assert "unexpected" not in stderr


def test_a_finish_time_before_year_1_in_utc(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "format": "quiz-scores",
                "version": 1,
                "rounds": [{"player": "x", "finished_at": "0001-01-01T00:00:00+14:00"}],
            }
        )
    )
    result = run_quiz(["scores", "import", str(source)], tmp_path)
    assert result.returncode == 1
    assert b"error: no round of" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "opentdb"])
def test_a_5000_digit_number_in_imported_questions_is_a_bad_record(
    tmp_path: Path, fmt: str
) -> None:
    digits = "9" * 5000
    source = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        source.write_text(f"prompt,answer,type\nHow many?,{digits},number\nWho?,Mia,text\n")
    else:
        source.write_text(
            '{"response_code": 0, "results": [{"type": "multiple", "difficulty": "easy",'
            f' "category": "Film", "question": "Q", "correct_answer": "a", "n": {digits},'
            ' "incorrect_answers": ["b"]}]}'
        )
    result = run_quiz(
        ["packs", "import", fmt, str(source), "-o", str(tmp_path / "o.yaml")], tmp_path
    )
    assert_no_crash(result.returncode, result.stderr.decode())
    assert result.returncode == 0, result.stderr.decode()


# -- closed pipes and full disks -----------------------------------------------------------------

OUTPUTS = [["--version"], ["--help"], ["packs", "--help"], ["packs", "schema"], ["packs", "list"]]


@pytest.mark.parametrize("args", OUTPUTS, ids=[" ".join(a) for a in OUTPUTS])
def test_a_closed_pipe_is_a_quiet_141(tmp_path: Path, args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=quiz_env(tmp_path),
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", OUTPUTS, ids=[" ".join(a) for a in OUTPUTS])
def test_a_full_disk_is_a_clear_exit_1(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        result = subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            env=quiz_env(tmp_path),
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == b"error: cannot write the output: No space left on device\n"


# -- Ctrl-C and a closed terminal ---------------------------------------------------------------


def test_ctrl_c_at_the_reset_question_exits_130(tmp_path: Path) -> None:
    home = tmp_path / "home"
    played = run_quiz(["play", "-n", "1", "--name", "Ann", "--seed", "1"], home, stdin=b"a\n1\n")
    assert played.returncode == 0
    child = spawn(["scores", "reset"], home)
    child.expect("This cannot be undone")
    child.sendintr()
    code, output = finish(child)
    assert code == 130
    assert b"Aborted" not in output


def test_closing_the_terminal_during_a_question_exits_129(tmp_path: Path) -> None:
    child = spawn(["play", "-n", "3", "--name", "Ann", "--time-limit", "0"], tmp_path / "home")
    child.expect(r"[Aa]nswer \(")
    time.sleep(0.2)
    pid = child.pid
    os.close(child.child_fd)  # the window closes: the terminal hangs up
    child.child_fd = -1
    os.kill(pid, signal.SIGHUP)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status), f"killed by signal {os.WTERMSIG(status)}"
    assert os.WEXITSTATUS(status) == 129

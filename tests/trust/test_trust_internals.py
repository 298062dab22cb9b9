"""An error nobody planned for shows no internals: one line, a hint, exit 70.

When something unexpected breaks (a bug), the player sees
``error: unexpected TYPE: message`` and a hint on where to report it and how
to see more (``QUIZ_DEBUG=1``), never a traceback; with ``QUIZ_DEBUG=1`` the
exception propagates with its traceback, for whoever is fixing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from trust_support import quiz_env, run_quiz, terminal_problems
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.store.db import ScoreStore

runner = CliRunner()


def boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("boom")


def assert_internal_error(stderr: str, shown: str = "RuntimeError: boom") -> None:
    lines = stderr.splitlines()
    assert lines[0] == f"error: unexpected {shown}", stderr
    assert len(lines) == 2, stderr
    hint = lines[1]
    assert hint.startswith("hint: ")
    assert "report" in hint
    assert "QUIZ_DEBUG=1" in hint
    assert "Traceback" not in stderr


def test_an_unexpected_exception_is_one_line_a_hint_and_exit_70(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("quiz.packs.discovery.builtin_pack", boom)
    result = runner.invoke(app, ["play", "--practice", "-n", "1"])
    assert result.exit_code == 70
    assert isinstance(result.exception, SystemExit)
    assert_internal_error(result.stderr)
    assert "Traceback" not in result.stdout


def test_quiz_debug_lets_the_exception_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quiz.packs.discovery.builtin_pack", boom)
    result = runner.invoke(app, ["play", "--practice", "-n", "1"], env={"QUIZ_DEBUG": "1"})
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "boom"


@pytest.mark.parametrize(
    ("target", "args"),
    [
        ("quiz.packs.discovery.survey", ["packs", "list"]),
        ("quiz.packs.discovery.resolve", ["packs", "show", "la-la-land-first-look"]),
        ("quiz.term.packs.pack_view", ["packs", "show", "la-la-land-first-look"]),
        ("quiz.packs.load.load_pack", ["packs", "validate", "questions.yaml"]),
        ("quiz.game.select.select_questions", ["play", "-n", "1", "--name", "x"]),
        ("quiz.term.results.summary_table", ["play", "-n", "1", "--seed", "1", "--name", "x"]),
        ("quiz.store.player.remember_name", ["play", "-n", "1", "--name", "x"]),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value[:2]),
)
def test_every_command_has_the_same_boundary(
    target: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(target, boom)
    result = runner.invoke(app, args, input="A\nt\n1\n")
    assert result.exit_code == 70, result.output
    assert_internal_error(result.stderr)


@pytest.mark.parametrize("args", [["scores"], ["scores", "--all", "--json"], ["stats", "-p", "x"]])
def test_the_score_commands_have_the_same_boundary(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ScoreStore, "open", classmethod(boom))
    result = runner.invoke(app, args)
    assert result.exit_code == 70, result.output
    assert_internal_error(result.stderr)


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (KeyError("pack"), "KeyError: 'pack'"),
        (ValueError("bad value"), "ValueError: bad value"),
        (RecursionError("maximum recursion depth exceeded"), "RecursionError: maximum recursion"),
        (MemoryError(), "MemoryError\n"),
        (OSError(5, "Input/output error"), "OSError: [Errno 5] Input/output error"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UnicodeDecodeError"),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else None,
)
def test_any_kind_of_exception(
    error: BaseException, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("quiz.packs.discovery.builtin_pack", fail)
    result = runner.invoke(app, ["play", "--practice"])
    assert result.exit_code == 70
    first = result.stderr.splitlines()[0] + "\n"
    assert first.startswith(f"error: unexpected {shown}")
    assert "Traceback" not in result.output


def test_an_exception_message_is_shown_harmlessly(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise RuntimeError("\x1b]0;pwned\x07\x1b[2J[bold red]x\u202e")

    monkeypatch.setattr("quiz.packs.discovery.builtin_pack", fail)
    result = runner.invoke(app, ["play", "--practice"])
    assert result.exit_code == 70
    assert terminal_problems(result.stderr) == []
    assert "\x1b" not in result.stderr
    assert "error: unexpected RuntimeError: ]0;pwned[2J[bold red]x" in result.stderr


# -- in a real process ----------------------------------------------------------------------

BROKEN_CHILD = """
import sys
import quiz.packs.discovery

def builtin_pack():
    raise RuntimeError("boom")

quiz.packs.discovery.builtin_pack = builtin_pack
sys.argv[0] = "quiz"
from quiz.__main__ import main
main()
"""


@pytest.mark.parametrize("debug", [False, True], ids=["default", "QUIZ_DEBUG=1"])
def test_in_a_real_process(debug: bool, quiz_home: Path) -> None:
    env = quiz_env(quiz_home, **({"QUIZ_DEBUG": "1"} if debug else {}))
    proc = run_quiz(["play", "--practice"], quiz_home, env=env, python_args=("-c", BROKEN_CHILD))
    stderr = proc.stderr.decode()
    if debug:
        assert proc.returncode == 1  # Python's own exit for an uncaught exception
        assert "Traceback (most recent call last)" in stderr
        assert stderr.rstrip().endswith("RuntimeError: boom")
    else:
        assert proc.returncode == 70
        assert_internal_error(stderr)
        assert proc.stdout == b""

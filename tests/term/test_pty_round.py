"""Rounds in a real pseudo-terminal: what only a terminal shows."""

from __future__ import annotations

import os
import re
import sys
import termios
from pathlib import Path

import pexpect
import pytest

from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType

LETTERS = "ABCDEFGH"


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "QUIZ_HOME": str(home),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "40",
    }
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "quiz", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def colour_codes(text: str) -> list[str]:
    """Foreground or background colour parameters in the SGR sequences of ``text``."""
    found = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for p in params.split(";"):
            if p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107):
                found.append(p)
    return found


def right(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type is QuestionType.CHOICE:
        return LETTERS[asked.options.index(q.answer_text)]
    return q.answer_text


def test_a_round_in_a_terminal_shows_colour_panels_and_the_board(quiz_home: Path) -> None:
    asked = select_questions([builtin_pack()], count=2, seed=11)
    child = spawn(["play", "--seed", "11", "-n", "2", "--name", "pty"], quiz_home)
    seen = ""
    for a in asked:
        child.expect(r"Answer \(")
        seen += child.before
        child.sendline(right(a))
    child.expect(pexpect.EOF)
    seen += child.before
    child.close()
    assert child.exitstatus == 0, seen
    assert "\x1b[" in seen  # colour reaches a terminal
    assert "╭" in seen  # rounded panels in a terminal
    assert "Question 1 of 2" in seen
    assert "2/2 right" in seen
    assert "New high score" in seen
    assert "pty" in seen


def test_ctrl_c_exits_130_records_nothing_and_restores_the_terminal(quiz_home: Path) -> None:
    child = spawn(["play", "-n", "3", "--name", "pty"], quiz_home)
    before = termios.tcgetattr(child.child_fd)
    child.expect(r"Answer \(")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before
    after = termios.tcgetattr(child.child_fd)
    child.close()
    assert child.exitstatus == 130
    assert child.signalstatus is None
    assert "interrupted at question 1 of 3" in output
    assert "Traceback" not in output
    assert not (quiz_home / "scores.db").exists()
    lflag = 3
    assert after[lflag] & (termios.ECHO | termios.ICANON) == before[lflag] & (
        termios.ECHO | termios.ICANON
    )


def test_ctrl_d_ends_the_round_cleanly(quiz_home: Path) -> None:
    child = spawn(["play", "-n", "3", "--name", "pty"], quiz_home)
    child.expect(r"Answer \(")
    child.sendeof()
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 1
    assert "input ended at question 1 of 3" in output
    assert "Traceback" not in output
    assert not (quiz_home / "scores.db").exists()


def test_no_color_is_honoured(quiz_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    env_child = pexpect.spawn(
        sys.executable,
        ["-m", "quiz", "play", "-n", "1", "--practice"],
        env={**os.environ, "QUIZ_HOME": str(quiz_home), "TERM": "xterm-256color"},
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    env_child.expect(r"Answer \(")
    shown = env_child.before
    env_child.sendintr()
    env_child.expect(pexpect.EOF)
    env_child.close()
    assert not colour_codes(shown)
    assert "Question 1 of 1" in shown

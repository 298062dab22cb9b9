"""The player's name at a real terminal: asked with no default, never the login name."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

from quiz.game.select import select_questions
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType

LOGIN = "loginuser"


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {
        **os.environ,
        "QUIZ_HOME": str(home),
        "TERM": "xterm-256color",
        "LOGNAME": LOGIN,
        "USER": LOGIN,
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "quiz", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def first_answer() -> str:
    asked = select_questions([builtin_pack()], count=1, seed=5)[0]
    if asked.question.type is QuestionType.CHOICE:
        return "ABCDEFGH"[asked.options.index(asked.question.answer_text)]
    return asked.question.answer_text


def players(home: Path) -> list[str]:
    with sqlite3.connect(home / "scores.db") as conn:
        return [str(row[0]) for row in conn.execute("SELECT player FROM rounds ORDER BY id")]


PROMPT = r"Your name for the high-score table( \[[^\]]*\])?: "


def play_once(home: Path, name_lines: list[str]) -> tuple[str, list[str]]:
    """One interactive round of one question, the name prompt answered with ``name_lines``.

    The output, and each name prompt as shown.
    """
    child = spawn(["play", "-n", "1", "--seed", "5"], home)
    seen = ""
    prompts: list[str] = []
    for line in name_lines:
        child.expect(PROMPT)
        seen += child.before + child.after
        prompts.append(child.after)
        child.sendline(line)
    child.expect(r"Your answer")
    seen += child.before
    child.sendline(first_answer())
    child.expect(pexpect.EOF)
    seen += child.before
    child.close()
    assert child.exitstatus == 0, seen
    return seen, prompts


def test_with_no_remembered_name_the_player_is_asked_with_no_default(quiz_home: Path) -> None:
    # An empty answer is no name: asked again, never recorded as the login name.
    seen, prompts = play_once(quiz_home, ["", "Kim"])
    assert LOGIN not in seen
    assert prompts == ["Your name for the high-score table: "] * 2
    assert players(quiz_home) == ["Kim"]
    assert (quiz_home / "player").read_text(encoding="utf-8").strip() == "Kim"


def test_a_remembered_name_is_offered_as_the_default(quiz_home: Path) -> None:
    play_once(quiz_home, ["Kim"])
    _, prompts = play_once(quiz_home, [""])  # Enter takes the default
    assert prompts == ["Your name for the high-score table [Kim]: "]
    assert players(quiz_home) == ["Kim", "Kim"]
    assert LOGIN not in players(quiz_home)

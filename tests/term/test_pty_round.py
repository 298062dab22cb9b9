"""Rounds in a real pseudo-terminal: what only a terminal shows.

The margins are generous (a pexpect timeout of 20 s where a second would do):
these tests say what happens, never how fast.
"""

from __future__ import annotations

import re
import termios
from pathlib import Path

import pexpect
import pytest
from pty_support import Terminal, squeeze

from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType

LETTERS = "ABCDEFGH"
PROMPT = r"Your answer"


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
    term = Terminal(["play", "--seed", "11", "-n", "2", "--name", "pty"], quiz_home)
    for n, a in enumerate(asked, 1):
        term.expect(f"Question {n} of 2")
        term.expect(PROMPT)
        term.send(right(a) + "\r")
    assert term.finish() == 0, term.text()
    seen = term.text()
    assert "\x1b[" in seen  # colour reaches a terminal
    assert "╭" in seen  # rounded panels in a terminal
    shown = squeeze(term.display())
    assert "2/2 right" in shown
    assert "New high score" in shown
    assert "pty" in shown


def test_the_countdown_goes_down_and_a_question_ends_by_itself(quiz_home: Path) -> None:
    """No key pressed: the seconds go down, and at 0 each question moves on."""
    term = Terminal(
        ["play", "-n", "2", "--seed", "5", "--time-limit", "2", "--practice"], quiz_home
    )
    term.expect("Question 1 of 2")
    term.expect(r"2 s left")
    term.expect_screen(r"⏱ 1 s left · Your answer")
    term.expect_screen(r"Time's up")
    term.expect_screen("Question 2 of 2")
    term.expect_screen(r"(?s)Question 2 of 2.*Time's up")
    assert term.finish() == 0, term.text()
    shown = squeeze(term.display())
    assert shown.count("Time's up: no points.") == 2
    assert "0/2 right" in shown
    assert "time's up" in shown  # the reason in the round table


def test_ctrl_u_clears_the_answer_and_leaves_the_prompt(quiz_home: Path) -> None:
    asked = select_questions([builtin_pack()], count=1, seed=11, types=[QuestionType.CHOICE])
    args = ["play", "--seed", "11", "-n", "1", "--type", "choice", "--practice"]
    term = Terminal(args, quiz_home)
    term.wait_for_prompt()
    term.send("no idea at all")
    term.expect_screen("no idea at all")
    term.send("\x15")  # Ctrl-U
    term.send(right(asked[0]))
    term.expect_screen(rf"\): {right(asked[0])}$")
    screen = term.display()
    line = next(s for s in reversed(screen) if "Your answer" in s)
    assert re.search(rf"· Your answer \(A-D, or 50, skip(, \?)?\): {right(asked[0])}$", line)
    assert "no idea" not in "\n".join(screen)
    term.send("\r")
    term.expect(r"Right")
    assert term.finish() == 0


def test_at_40_columns_every_option_and_the_status_line_are_whole(quiz_home: Path) -> None:
    asked = select_questions([builtin_pack()], count=3, seed=42)
    term = Terminal(["play", "--seed", "42", "-n", "3", "--practice"], quiz_home, columns=40)
    for n, a in enumerate(asked, 1):
        term.expect(f"Question {n} of 3")
        term.expect(PROMPT)
        term.send(right(a) + "\r")
    assert term.finish() == 0
    screen = term.display()
    assert max(len(line) for line in screen) <= 40
    shown = squeeze(screen)
    for a in asked:
        for option in a.options if a.question.type is QuestionType.CHOICE else ():
            words = option.split()
            assert re.search(r"\s+".join(map(re.escape, words)), shown), option
    for n in (1, 2, 3):  # each part of each status line whole on one line
        assert re.search(rf"Question {n} of 3 · score \d+( · streak {n - 1})?\s*│", shown)
        assert re.search(rf"(score \d+ · |│ )streak {n - 1}\s*│", shown)
    assert "…" not in shown


def test_ctrl_c_exits_130_records_nothing_and_restores_the_terminal(quiz_home: Path) -> None:
    term = Terminal(["play", "-n", "3", "--name", "pty"], quiz_home)
    before = termios.tcgetattr(term.child.child_fd)
    term.wait_for_prompt()
    term.send("abc")
    term.expect_screen("abc$")
    term.send("\x03")
    term.expect(pexpect.EOF)
    after = termios.tcgetattr(term.child.child_fd)
    code = term.finish()
    output = term.text()
    assert code == 130
    assert term.child.signalstatus is None
    assert "Interrupted at question 1 of 3" in output
    assert any(line.startswith("Interrupted at") for line in term.display())  # its own line
    assert "Traceback" not in output
    assert not (quiz_home / "scores.db").exists()
    lflag = 3
    assert after[lflag] & (termios.ECHO | termios.ICANON) == before[lflag] & (
        termios.ECHO | termios.ICANON
    )


def test_ctrl_d_ends_the_round_cleanly(quiz_home: Path) -> None:
    term = Terminal(["play", "-n", "3", "--name", "pty"], quiz_home)
    term.wait_for_prompt()
    term.send("\x04")
    assert term.finish() == 1
    output = term.text()
    assert "Input ended at question 1 of 3" in output
    assert any(line.startswith("error: Input ended at") for line in term.display())
    assert "Traceback" not in output
    assert not (quiz_home / "scores.db").exists()


def test_no_color_is_honoured(quiz_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    term = Terminal(["play", "-n", "1", "--practice"], quiz_home, env={"NO_COLOR": "1"})
    term.wait_for_prompt()
    shown = term.text()
    term.send("\x03")
    term.finish()
    assert not colour_codes(shown)
    assert "Question 1 of 1" in shown


def test_plain_announces_the_countdown_on_its_own_lines(quiz_home: Path) -> None:
    args = ["play", "-n", "1", "--seed", "5", "--time-limit", "11", "--practice", "--plain"]
    args += ["--type", "choice"]
    term = Terminal(args, quiz_home)
    term.wait_for_prompt()
    term.send("half an ans")
    term.expect("10 seconds left")
    term.expect("5 seconds left")
    term.send("wer")
    term.expect_screen("half an answer$")
    screen = [line for line in term.display() if line]
    # Each announcement on a line of its own, the prompt and what was typed below it.
    assert screen[-2:] == ["5 seconds left", "Your answer (A-D, or 50, skip): half an answer"], (
        screen
    )
    assert "10 seconds left" in screen
    assert not colour_codes(term.text())
    assert "╭" not in term.text()
    term.send("\x03")
    assert term.finish() == 130

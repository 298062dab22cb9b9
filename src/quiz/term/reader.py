"""Reading one answer: what the prompt says, and the plain line reader.

A reader's ``read(ask)`` returns the line typed, raises :class:`TimeUp` when
the question's countdown reaches 0 first, ``KeyboardInterrupt`` on Ctrl-C and
``EOFError`` on Ctrl-D or the end of piped input. Two readers share this
shape: :class:`LineReader` (piped input, or a terminal on one side only) and
:class:`~quiz.term.prompt.PromptReader` (both sides terminals).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from quiz.game.grade import MAX_ANSWER_LENGTH
from quiz.term.sanitize import clean_line

MAX_ANSWER = MAX_ANSWER_LENGTH  # characters of one answer kept: the game's one cap

if TYPE_CHECKING:
    from rich.console import Console

    from quiz.term.countdown import Countdown

ANSWER_LABEL = "Your answer"


class TimeUp(Exception):
    """The question's time ran out before an answer was typed."""


@dataclass(frozen=True, slots=True)
class Ask:
    """One request for an answer: the valid answers, and the time left if timed."""

    hint: str = ""  # e.g. "A-D, or 50, skip"; "" when any text will do
    countdown: Countdown | None = None

    @property
    def label(self) -> str:
        return f"{ANSWER_LABEL} ({self.hint}): " if self.hint else f"{ANSWER_LABEL}: "


class Reader(Protocol):
    def read(self, ask: Ask) -> str: ...


class LineReader:
    """Reads one answer a line, from a pipe or a terminal, with no countdown.

    Piped answers are echoed after the prompt, so a transcript reads like a
    round played by hand.
    """

    def __init__(self, console: Console, interactive: bool) -> None:
        self.console = console
        self.interactive = interactive
        reconfigure = getattr(sys.stdin, "reconfigure", None)
        if reconfigure is not None:
            # A stray invalid byte must be a wrong answer, not a crash.
            reconfigure(errors="replace")

    def read(self, ask: Ask) -> str:
        self.console.print(ask.label, style="quiz.accent", end="", markup=False)
        if self.interactive:
            line = input()
        else:
            try:
                line = self._read_piped()
            except EOFError:
                self.console.print()  # end the prompt's line before the message
                raise
            self.console.print(clean_line(line), markup=False, highlight=False)
        return line[:MAX_ANSWER]

    @staticmethod
    def _read_piped() -> str:
        line = sys.stdin.readline(MAX_ANSWER + 1)
        if not line:
            raise EOFError
        if not line.endswith("\n") and len(line) > MAX_ANSWER:
            while True:  # drop the rest of an overlong line, a chunk at a time
                rest = sys.stdin.readline(64 * 1024)
                if not rest or rest.endswith("\n"):
                    break
        return line.rstrip("\r\n")


def make_reader(console: Console, *, stdin_tty: bool, stdout_tty: bool, plain: bool) -> Reader:
    """The prompt_toolkit prompt when both sides are terminals, else plain lines."""
    if stdin_tty and stdout_tty:
        from quiz.term.prompt import PromptReader

        return PromptReader(plain=plain)
    return LineReader(console, interactive=stdin_tty)

"""The one family of exceptions the user can do something about.

Everything raised as a :class:`QuizError` is shown as ``error: ...`` on stderr
with no traceback and turned into an exit code at the CLI boundary, and nowhere
else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from quiz.words import plural


class ExitCode(IntEnum):
    """Exit codes, as documented in the README."""

    OK = 0
    USER_ERROR = 1
    USAGE = 2
    INTERNAL = 70
    HANGUP = 129
    INTERRUPTED = 130
    BROKEN_PIPE = 141
    TERMINATED = 143


class QuizError(Exception):
    """An error the user can fix; its message says how."""

    exit_code: int = ExitCode.USER_ERROR
    prefix = "error: "

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack file, with where it is."""

    path: str
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # e.g. "questions[3].answer"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PackError(QuizError):
    """A pack file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid pack"
        more = len(problems) - 1
        suffix = f" (and {plural(more, 'more problem', 'more problems')})" if more > 0 else ""
        super().__init__(first + suffix)


class PackNotFoundError(QuizError):
    """A pack id or path that names no pack."""


class Interrupted(QuizError):
    """The player stopped (Ctrl-C): not an error, so no "error:" prefix."""

    exit_code = ExitCode.INTERRUPTED
    prefix = ""


class StoreError(QuizError):
    """The score file cannot be read or written."""

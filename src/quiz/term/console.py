"""The one place that owns the consoles: standard output and the error console.

Rich is imported on first use, so commands that print nothing (``--version``)
never pay for it.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

_consoles: dict[str, Console] = {}
_plain = False
_accessible = False

SCREEN_WIDTH = 88  # the widest a panel or table grows: wide enough, still easy to read

THEME = {
    "quiz.title": "bold magenta",
    "quiz.good": "bold green",
    "quiz.bad": "bold red",
    "quiz.warn": "yellow",
    "quiz.dim": "dim",
    "quiz.accent": "cyan",
    "quiz.points": "bold yellow",
    "quiz.highlight": "bold reverse",
}


def set_plain(plain: bool) -> None:
    """Plain mode: no colour, no cursor movement (input or output is not a terminal)."""
    global _plain
    _plain = plain
    _consoles.clear()


def set_accessible(accessible: bool) -> None:
    """``--plain`` (or ``TERM=dumb``): lines a screen reader can follow.

    No colour, no boxes, no redrawing, and words ("right", "wrong") where a
    terminal would show symbols. Implies plain output.
    """
    global _accessible
    _accessible = accessible
    if accessible:
        set_plain(True)


def accessible() -> bool:
    return _accessible


def wants_accessible(option: bool) -> bool:
    """Whether a command that plays should be accessible: ``--plain`` or ``TERM=dumb``."""
    return option or os.environ.get("TERM") == "dumb"


def screen_width(console: Console) -> int:
    """The width to draw panels and tables at on ``console``."""
    return min(console.width, SCREEN_WIDTH)


def _make(stderr: bool) -> Console:
    from rich.console import Console
    from rich.theme import Theme

    class QuizConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here; the error boundary turns this into exit 141.
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    kwargs: dict[str, object] = {}
    if _plain:
        kwargs.update(color_system=None, force_terminal=False, force_interactive=False)
    width = os.environ.get("COLUMNS")
    return QuizConsole(
        stderr=stderr,
        theme=Theme(THEME),
        highlight=False,
        emoji=False,
        width=int(width) if width and width.isdigit() and not _plain else None,
        file=sys.stderr if stderr else sys.stdout,
        **kwargs,  # type: ignore[arg-type]
    )


def out() -> Console:
    """The console for standard output."""
    console = _consoles.get("out")
    if console is None or console.file is not sys.stdout:
        console = _consoles["out"] = _make(stderr=False)
    return console


def err() -> Console:
    """The console for messages on standard error."""
    console = _consoles.get("err")
    if console is None or console.file is not sys.stderr:
        console = _consoles["err"] = _make(stderr=True)
    return console


def print_error(message: str, hint: str | None = None, prefix: str = "error: ") -> None:
    """``error: ...`` on stderr; the message may hold untrusted text, so no markup."""
    from quiz.term.sanitize import clean

    console = err()
    style = "quiz.bad" if prefix else "quiz.dim"
    console.print(f"{prefix}{clean(message)}", style=style, markup=False, soft_wrap=True)
    if hint:
        console.print(f"hint: {clean(hint)}", style="quiz.dim", markup=False, soft_wrap=True)


def print_warning(message: str) -> None:
    from quiz.term.sanitize import clean

    err().print(f"warning: {clean(message)}", style="quiz.warn", markup=False, soft_wrap=True)

"""Asking a player at the terminal for the name their rounds are recorded under."""

from __future__ import annotations

from quiz.errors import QuizError
from quiz.store.player import normalize_player_name
from quiz.term.console import out

ASK = "Your name for the high-score table"


def ask_name(default: str | None) -> str:
    """Ask until a usable name is typed; Enter takes ``default`` (a name typed before).

    An empty answer with no default, or a name with nothing visible, asks again.

    With no default there is none to fall back on: the login name is never
    used, so nothing is recorded under a name nobody typed.
    """
    from quiz.term.sanitize import clean_line

    console = out()
    # The default comes from a file anyone could have written: shown cleaned, like pack text.
    prompt = f"{ASK} [{clean_line(default)}]: " if default is not None else f"{ASK}: "
    while True:
        console.print(prompt, end="", markup=False, highlight=False)
        typed = input().strip()  # Ctrl-D or Ctrl-C: the boundary says nothing was recorded
        if not typed and default is not None:
            return default
        try:
            return normalize_player_name(typed)
        except QuizError as exc:
            console.print(f"  {exc.message}.", style="quiz.warn", markup=False)

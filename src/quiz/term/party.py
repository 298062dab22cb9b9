"""Party play on one terminal: the players' rounds, one question a turn.

Each player has a :class:`~quiz.game.round.Round` of their own (their own
score, streak and lifelines), asked through the ordinary session. In a
terminal, a "pass to NAME" screen between turns hides the last player's
feedback; piped, there is no such screen and no input line is spent on it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.game.party import PartyPlan
from quiz.game.round import Round
from quiz.packs.model import format_number
from quiz.term.modes import pass_screen, scoreboard, turn_heading
from quiz.term.sanitize import clean_line, safe_text
from quiz.term.session import Session
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console

MAX_LINE = 500  # characters of a typed name or line that are kept


@dataclass
class PartyPlay:
    """The players' rounds and how long each spent on their turns."""

    rounds: dict[str, Round]
    durations: dict[str, float] = field(default_factory=dict)


class Lines:
    """Lines typed between questions (names, Enter): at a terminal, or piped and echoed."""

    def __init__(self, console: Console, interactive: bool) -> None:
        self.console = console
        self.interactive = interactive

    def read(self, prompt: str) -> str:
        """One line, without its end; EOFError at the end of input."""
        self.console.print(prompt, end="", markup=False, highlight=False)
        if self.interactive:
            return input()[:MAX_LINE]
        line = sys.stdin.readline(MAX_LINE + 1)
        if not line:
            self.console.print()
            raise EOFError
        line = line.rstrip("\r\n")
        self.console.print(clean_line(line), markup=False, highlight=False)
        return line


def play_party(
    plan: PartyPlan,
    rounds: dict[str, Round],
    sessions: Mapping[str, Session],
    title: str,
    lines: Lines,
    clock: Callable[[], float] = time.monotonic,
) -> PartyPlay:
    """Play every turn of the players' ``rounds`` through their ``sessions``."""
    console = lines.console
    played = PartyPlay(rounds, dict.fromkeys(rounds, 0.0))
    _intro(console, plan, next(iter(rounds.values())).time_limit, title)
    first = True
    for turn in range(1, plan.per_player + 1):
        for name in plan.players:
            if lines.interactive and not first:
                lines.read("Press Enter to end your turn. ")
                pass_screen(console, name)
                lines.read("")
            first = False
            console.print(turn_heading(name, turn, plan.per_player))
            started = clock()
            sessions[name].ask()
            played.durations[name] += clock() - started
        console.print()
        console.print(scoreboard(f"After turn {turn} of {plan.per_player}", rounds))
    return played


def _intro(console: Console, plan: PartyPlan, time_limit: float | None, title: str) -> None:
    from rich.rule import Rule

    from quiz.term.console import accessible

    timing = f"{format_number(time_limit)} seconds per question" if time_limit else "untimed"
    heading = safe_text(f"Party · {title}", "quiz.title", one_line=True)
    console.print(heading if accessible() else Rule(heading))
    players = safe_text(", ".join(plan.players), one_line=True)
    players.append(f" · {plural(plan.per_player, 'question')} each · {timing}")
    console.print(players)
    console.print(
        "One question a turn. Lifelines, once each per player: 50 for 50:50, skip to pass.",
        style="quiz.dim",
        markup=False,
    )

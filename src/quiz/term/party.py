"""Party play on one terminal: the players' rounds, one question a turn.

Each player has a :class:`~quiz.game.round.Round` of their own (their own
score, streak and lifelines), asked through the ordinary session. In a
terminal, a "pass to NAME" screen between turns hides the last player's
feedback; piped, there is no such screen and no input line is spent on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.game.party import PartyPlan
from quiz.game.round import Round
from quiz.packs.model import format_number
from quiz.term.modes import pass_screen, scoreboard, turn_heading
from quiz.term.sanitize import safe_text
from quiz.term.session import LineReader, Session
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class PartyPlay:
    """The players' rounds and how long each spent on their turns."""

    rounds: dict[str, Round]
    durations: dict[str, float] = field(default_factory=dict)


def play_party(
    plan: PartyPlan,
    time_limit: float | None,
    title: str,
    console: Console,
    reader: LineReader,
    seed: int,
    clock: Callable[[], float] = time.monotonic,
) -> PartyPlay:
    """Play every turn; the rounds as they ended."""
    rounds = {
        name: Round(hand, time_limit, seed=seed + index, piped=not reader.interactive)
        for index, (name, hand) in enumerate(zip(plan.players, plan.questions, strict=True))
    }
    sessions = {name: Session(game, console, reader, title, clock) for name, game in rounds.items()}
    played = PartyPlay(rounds, dict.fromkeys(rounds, 0.0))
    _intro(console, plan, time_limit, title)
    first = True
    for turn in range(1, plan.per_player + 1):
        for name in plan.players:
            if reader.interactive and not first:
                reader.read("Press Enter to end your turn. ")
                pass_screen(console, name)
                reader.read("")
            first = False
            console.print(turn_heading(name, turn, plan.per_player))
            started = clock()
            sessions[name].ask_next()
            played.durations[name] += clock() - started
        console.print()
        console.print(scoreboard(f"After turn {turn} of {plan.per_player}", rounds))
    return played


def _intro(console: Console, plan: PartyPlan, time_limit: float | None, title: str) -> None:
    from rich.rule import Rule

    timing = f"{format_number(time_limit)} seconds per question" if time_limit else "untimed"
    console.print(Rule(safe_text(f"Party · {title}", "quiz.title", one_line=True)))
    players = safe_text(", ".join(plan.players), one_line=True)
    players.append(f" · {plural(plan.per_player, 'question')} each · {timing}")
    console.print(players)
    console.print(
        "One question a turn. Lifelines, once each per player: 50 for 50:50, skip to pass.",
        style="quiz.dim",
        markup=False,
    )

"""``quiz party``: 2 to 8 players take turns on one terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from quiz.cli.modes import (
    PACK_OPTION,
    PLAIN_OPTION,
    PRACTICE_OPTION,
    SEED_OPTION,
    pack_title,
    packs_limit,
    say,
    start_mode,
)

if TYPE_CHECKING:
    from quiz.term.party import Lines, PartyPlay


def party(
    player: list[str] | None = typer.Option(
        None, "--player", metavar="NAME", help="A player, in turn order; repeat for 2-8 players."
    ),
    pack: list[str] | None = PACK_OPTION,
    count: int | None = typer.Option(
        None, "--count", "-n", min=1, metavar="N", help="Questions for each player (default 5)."
    ),
    seed: int | None = SEED_OPTION,
    plain: bool = PLAIN_OPTION,
    practice: bool = PRACTICE_OPTION,
) -> None:
    """2 to 8 players take turns on one terminal, the same number of questions
    each with the same mix of difficulties; a scoreboard after every turn, a
    podium at the end, and each player's result on a party board.

    \b
    Examples:
      quiz party --player Mia --player Seb
      quiz party --player A --player B --player C -n 3 --pack my-pack
    """
    from quiz.cli.play import _packs
    from quiz.game.party import DEFAULT_PER_PLAYER, plan_party, standings
    from quiz.game.round import Round
    from quiz.game.select import new_seed
    from quiz.term.console import accessible, out
    from quiz.term.modes import podium
    from quiz.term.party import Lines, play_party
    from quiz.term.reader import make_reader
    from quiz.term.session import Session
    from quiz.words import plural

    interactive = start_mode(plain)
    packs = _packs(pack or [])
    lines = Lines(out(), interactive)
    plain = accessible()
    # Made before any line is read: reading piped lines sets standard input up.
    reader = make_reader(
        lines.console, stdin_tty=interactive, stdout_tty=sys.stdout.isatty(), plain=plain
    )
    names = _party_names(player) if player else _ask_players(lines)
    seed = new_seed() if seed is None else seed
    plan = plan_party(packs, names, count or DEFAULT_PER_PLAYER, seed)
    if plan.capped:
        say(
            f"The packs can give each of {len(names)} players at most "
            f"{plural(plan.per_player, 'question')} with the same mix of "
            f"difficulties: playing {plan.per_player} each."
        )
    limit = packs_limit(packs)
    rounds = {
        name: Round(hand, limit, seed=seed + index, piped=not interactive)
        for index, (name, hand) in enumerate(zip(plan.players, plan.questions, strict=True))
    }
    title = pack_title(packs)
    sessions = {
        name: Session(game, lines.console, reader, title, plain=plain)
        for name, game in rounds.items()
    }
    played = play_party(plan, rounds, sessions, title, lines)
    lines.console.print(podium(standings({n: r.summary() for n, r in played.rounds.items()})))
    if practice:
        say("Practice party: nothing was recorded.")
        return
    _record_party(played, [p.id for p in packs], plan.per_player, limit)


def _party_names(given: list[str]) -> list[str]:
    from quiz.store.player import normalize_player_name

    return [normalize_player_name(name) for name in given]


def _ask_players(lines: Lines) -> list[str]:
    from quiz.game.party import MAX_PLAYERS, MIN_PLAYERS
    from quiz.store.player import normalize_player_name

    names: list[str] = []
    while len(names) < MAX_PLAYERS:
        done = " (Enter to start)" if len(names) >= MIN_PLAYERS else ""
        typed = lines.read(f"Player {len(names) + 1}'s name{done}: ").strip()
        if not typed:
            if len(names) >= MIN_PLAYERS:
                break
            continue
        names.append(normalize_player_name(typed))
    return names


def _record_party(played: PartyPlay, pack_ids: list[str], each: int, limit: float | None) -> None:
    from quiz.game.board import board_key
    from quiz.game.party import party_board
    from quiz.store.modes import PARTY_MODE
    from quiz.store.recording import record_round, save_and_rank
    from quiz.term.console import print_warning

    board = party_board(board_key(pack_ids, each, limit))
    saved = True
    for name, game in played.rounds.items():
        duration = played.durations[name]
        record = record_round(game, player=name, board=board, duration=duration, mode=PARTY_MODE)
        result = save_and_rank(record)
        for warning in result.warnings:
            print_warning(warning)
        saved = saved and result.round_id is not None
    if saved:
        say(f"Recorded on the party board: quiz scores --board {board}")

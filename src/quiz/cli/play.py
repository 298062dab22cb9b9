"""``quiz play`` (and ``quiz`` alone): play a round."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from quiz.packs.model import Difficulty, QuestionType

if TYPE_CHECKING:
    from quiz.game.round import Round
    from quiz.packs.model import Pack
    from quiz.store.db import ScoreStore
    from quiz.store.records import RoundRecord

DEFAULT_COUNT = 10


def play(
    pack: list[str] | None = typer.Option(
        None,
        "--pack",
        "-p",
        metavar="ID|PATH",
        help="A pack id or pack file; repeat for several. Default: the built-in pack.",
    ),
    count: int = typer.Option(
        DEFAULT_COUNT,
        "--count",
        "-n",
        min=1,
        metavar="N",
        help="How many questions (capped at what there is).",
    ),
    difficulty: list[Difficulty] | None = typer.Option(
        None,
        "--difficulty",
        "-d",
        metavar="easy|medium|hard",
        help="Only this difficulty; repeatable.",
    ),
    tag: list[str] | None = typer.Option(
        None, "--tag", "-t", metavar="TAG", help="Only questions with this tag; repeatable."
    ),
    qtype: list[QuestionType] | None = typer.Option(
        None,
        "--type",
        metavar="choice|truefalse|text|number",
        help="Only this question type; repeatable.",
    ),
    seed: int | None = typer.Option(
        None,
        "--seed",
        min=0,
        metavar="N",
        help="Replay: the same seed and packs give the same round.",
    ),
    time_limit: float | None = typer.Option(
        None,
        "--time-limit",
        min=0,
        metavar="SECONDS",
        help="Seconds per question; 0 for untimed. Default: the pack's own, else untimed.",
    ),
    name: str | None = typer.Option(
        None,
        "--name",
        metavar="NAME",
        help="Your name on the high-score table (remembered for next time).",
    ),
    practice: bool = typer.Option(False, "--practice", help="Play without recording a score."),
) -> None:
    """Play a round.

    Type the letter of an option (or its text), t/f, a number or a word;
    50 for the 50:50 lifeline, skip to pass, ? for a hint; Ctrl-C to stop.

    Examples:

    \b
      quiz play -n 5 --seed 7
      quiz play --difficulty hard --tag people --time-limit 15
      quiz play --pack my-pack --pack la-la-land-first-look
      printf 'A\\nB\\nC\\n' | quiz play -n 3 --name ann
    """
    from quiz.game.board import board_key
    from quiz.game.round import Round
    from quiz.game.select import new_seed, select_questions
    from quiz.term import console

    interactive = sys.stdin.isatty()
    console.set_plain(not interactive)
    packs = _packs(pack or [])
    seed = new_seed() if seed is None else seed
    limit = _time_limit(time_limit, packs)
    difficulties = list(difficulty or [])
    types = list(qtype or [])
    asked = select_questions(
        packs, count=count, difficulties=difficulties, tags=tag or [], types=types, seed=seed
    )
    board = board_key([p.id for p in packs], len(asked), limit, difficulties, tag or [], types)
    player = None if practice else _player(name, interactive)
    game = Round(asked, limit, seed=seed, piped=not interactive)
    duration = _run(game, packs, interactive)
    _finish(game, board, player, duration)


def _packs(specs: list[str]) -> list[Pack]:
    from quiz.packs.discovery import builtin_pack, resolve_many

    return resolve_many(specs) if specs else [builtin_pack()]


def _time_limit(option: float | None, packs: list[Pack]) -> float | None:
    """The option if given; else the pack's default when every pack agrees on one."""
    if option is not None:
        return option or None
    defaults = {p.defaults.time_limit for p in packs}
    return defaults.pop() if len(defaults) == 1 else None


def _player(name: str | None, interactive: bool) -> str:
    from quiz.store.player import normalize_player_name, remember_name, remembered_name

    if name is not None:
        chosen = normalize_player_name(name)
        if chosen != remembered_name():
            remember_name(chosen)
        return chosen
    known = remembered_name()
    if known is not None:
        return known
    fallback = _login_name()
    if not interactive:
        return fallback
    from quiz.term.console import out

    out().print(f"Your name for the high-score table [{fallback}]: ", end="", markup=False)
    typed = input().strip()
    chosen = normalize_player_name(typed or fallback)
    remember_name(chosen)
    return chosen


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser() or "player"
    except (OSError, KeyError, ImportError):
        return "player"


def _run(game: Round, packs: list[Pack], interactive: bool) -> float:
    from quiz.term.console import out
    from quiz.term.session import LineReader, Session

    title = packs[0].title if len(packs) == 1 else " + ".join(p.title for p in packs)
    console = out()
    session = Session(game, console, LineReader(console, interactive), title)
    return session.play()


def _finish(game: Round, board: str, player: str | None, duration: float) -> None:
    from quiz.errors import StoreError
    from quiz.term.console import out, print_warning
    from quiz.term.results import summary_table, totals_text

    console = out()
    console.print()
    console.print(summary_table(game))
    console.print(totals_text(game, duration))
    if player is None:
        console.print("Practice round: nothing was recorded.", style="quiz.dim", markup=False)
        return
    from quiz.store.recording import record_round

    record = record_round(game, player=player, board=board, duration=duration)
    store = _open_store()
    if store is None:
        return
    try:
        round_id = _save(store, record)
        if round_id is not None:
            _show_standing(store, record, round_id)
    except StoreError as exc:  # saved, but reading the table back failed
        print_warning(f"your score was saved, but the table cannot be shown: {exc.message}")
    finally:
        store.close()


def _save(store: ScoreStore, record: RoundRecord) -> int | None:
    """Save the round; the round's id, or None after saying why it was not saved.

    The round is over and its summary shown, so a failing disk costs the score
    (said in a warning), never the round's proper ending.
    """
    from quiz.errors import StoreError
    from quiz.term.console import print_warning

    try:
        round_id: int | None = store.save_round(record)
        failure = None
    except StoreError as exc:
        round_id, failure = None, exc.message
    for notice in store.notices:
        print_warning(notice)
    if failure is not None:
        print_warning(f"your score was not saved: {failure}")
    return round_id


def _open_store() -> ScoreStore | None:
    from quiz.errors import StoreError
    from quiz.store.db import ScoreStore
    from quiz.term.console import print_warning

    try:
        return ScoreStore.open()
    except StoreError as exc:
        print_warning(f"your score was not saved: {exc.message}")
        return None


def _show_standing(store: ScoreStore, record: RoundRecord, round_id: int) -> None:
    from quiz.game.board import describe_board
    from quiz.term.console import out
    from quiz.term.scores import board_table

    console = out()
    best = store.personal_best(record.player, record.board, exclude_round_id=round_id)
    rank = store.rank_of(round_id)
    if rank == 1:
        console.print("★ New high score on this board!", style="quiz.good", markup=False)
    if best is None:
        console.print("Your first round on this board.", style="quiz.dim", markup=False)
    else:
        diff = record.score - best.score
        verdict = "a new personal best" if diff > 0 else "your best stands"
        console.print(
            f"Your previous best here: {best.score} ({diff:+d}; {verdict}).", markup=False
        )
    rows = store.top(record.board, limit=5)
    if all(r.id != round_id for r in rows):
        console.print(f"This round ranks #{rank} on this board.", style="quiz.dim", markup=False)
    console.print(
        board_table(
            rows, title=describe_board(record.board), key=record.board, highlight_round_id=round_id
        )
    )

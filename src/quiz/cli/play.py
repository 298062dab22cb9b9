"""``quiz play`` (and ``quiz`` alone): play a round."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from quiz.errors import QuizError
from quiz.packs.model import Difficulty, QuestionType
from quiz.packs.spec import MAX_TIME_LIMIT

if TYPE_CHECKING:
    from quiz.game.round import Round
    from quiz.packs.model import Pack


def play(
    pack: list[str] | None = typer.Option(
        None,
        "--pack",
        "-p",
        metavar="ID|PATH",
        help="A pack id or pack file; repeat for several. Default: the built-in pack.",
    ),
    count: int | None = typer.Option(
        None,
        "--count",
        "-n",
        min=1,
        metavar="N",
        help="How many questions (capped at what there is). Default: 10; with --lives, all.",
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
        max=MAX_TIME_LIMIT,
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
    lives: int | None = typer.Option(
        None,
        "--lives",
        min=1,
        metavar="N",
        help="Survival: the round ends after N wrong answers (a skip costs no life).",
    ),
    plain: bool = typer.Option(
        False,
        "--plain",
        help="Plain lines for screen readers: no boxes, colour or redrawing (also TERM=dumb).",
    ),
) -> None:
    """Play a round.

    Type the letter of an option (or its text), t/f, a number or a word;
    50 for the 50:50 lifeline, skip to pass, ? for a hint; Ctrl-C to stop.
    A piped round (answers from a pipe or a file) is recorded only with --name.

    Examples:

    \b
      quiz play -n 5 --seed 7
      quiz play --difficulty hard --tag people --time-limit 15
      quiz play --pack my-pack --pack la-la-land-first-look
      quiz play --lives 3
      printf 'A\\nB\\nC\\n' | quiz play -n 3 --name ann
    """
    from quiz.game.board import board_key, round_size, round_time_limit
    from quiz.game.round import Round
    from quiz.game.select import new_seed, select_questions
    from quiz.game.standing import practice_reason
    from quiz.term import console

    if sys.stdin is None:  # started with standard input closed (quiz play <&-)
        raise QuizError(
            "standard input is closed: quiz play reads the answers from it",
            hint="run it in a terminal, or pipe the answers in",
        )
    interactive = sys.stdin.isatty()
    accessible = console.wants_accessible(plain)
    console.set_plain(not interactive)
    console.set_accessible(accessible)
    packs = _packs(pack or [])
    seed = new_seed() if seed is None else seed
    limit = round_time_limit(time_limit, [p.defaults.time_limit for p in packs])
    difficulties, types, tags = list(difficulty or []), list(qtype or []), tag or []
    size = round_size(count, lives=lives, available=sum(len(p.questions) for p in packs))
    asked = select_questions(
        packs, count=size, difficulties=difficulties, tags=tags, types=types, seed=seed
    )
    board = board_key(
        [p.id for p in packs], len(asked), limit, difficulties, tags, types, lives=lives
    )
    reason = practice_reason(practice=practice, piped=not interactive, name_given=name is not None)
    player = None if reason is not None else _player(name, interactive)
    game = Round(asked, limit, seed=seed, lives=lives, piped=not interactive)
    duration = _run(game, packs, accessible)
    _finish(game, board, player, duration, reason, accessible)


def _packs(specs: list[str]) -> list[Pack]:
    from quiz.packs.discovery import builtin_pack, resolve_many

    return resolve_many(specs) if specs else [builtin_pack()]


def _player(name: str | None, interactive: bool) -> str:
    """The name typed with --name, or asked for at the terminal (the remembered one offered)."""
    from quiz.store.player import normalize_player_name, remembered_name

    known = remembered_name()
    if name is not None:
        chosen = normalize_player_name(name)
    else:
        from quiz.term.naming import ask_name

        chosen = ask_name(known)
    if chosen != known:
        _remember(chosen)
    return chosen


def _remember(name: str) -> None:
    """Remember the name for next time; if that fails, say so and play on."""
    from quiz.errors import StoreError
    from quiz.store.player import remember_name

    try:
        remember_name(name)
    except StoreError as exc:
        from quiz.term.console import print_warning

        print_warning(exc.message)


def _run(game: Round, packs: list[Pack], plain: bool) -> float:
    from quiz.term.session import Session

    title = packs[0].title if len(packs) == 1 else " + ".join(p.title for p in packs)
    return Session.for_terminal(game, title, plain=plain).play()


def _finish(
    game: Round,
    board: str,
    player: str | None,
    duration: float,
    reason: str | None,
    plain: bool,
    mode: str | None = None,
) -> None:
    from quiz.term.console import out, print_warning, screen_width
    from quiz.term.results import summary_table, totals_text

    console = out()
    console.print()
    console.print(summary_table(game, screen_width(console), plain=plain), soft_wrap=plain)
    console.print(totals_text(game, duration), soft_wrap=plain)
    if player is None:
        console.print(reason, style="quiz.dim", markup=False)
        return
    from quiz.game.standing import standing_lines
    from quiz.store.recording import record_round, save_and_rank
    from quiz.term.scores import standing_view

    record = record_round(game, player=player, board=board, duration=duration, mode=mode)
    saved = save_and_rank(record)
    for warning in saved.warnings:
        print_warning(warning)
    standing = saved.standing
    if standing is not None:
        best = None if standing.previous_best is None else standing.previous_best.score
        lines = standing_lines(record.score, standing.rank, best, in_top=standing.in_top)
        console.print(standing_view(lines, standing, board, width=console.width))

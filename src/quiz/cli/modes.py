"""``quiz daily`` and ``quiz review`` (and what ``quiz party`` shares): ways to play beyond a round.

The rules live in ``game/`` (daily, review, party), the screens in ``term/``;
these commands read the options, fetch what the rules need and hand over.
``QUIZ_TODAY`` (``YYYY-MM-DD``) stands in for today's UTC date, so that tests
and anyone checking a past day's challenge can fix the date.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import typer

from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.game.daily import DailyChallenge
    from quiz.game.review import Card
    from quiz.game.round import Round
    from quiz.packs.model import Pack
    from quiz.store.db import ScoreStore

TODAY_VARIABLE = "QUIZ_TODAY"
ALREADY_PLAYED = "Practice round: nothing was recorded (today's try is already on the board)."

PACK_OPTION = typer.Option(
    None,
    "--pack",
    "-p",
    metavar="ID|PATH",
    help="A pack id or pack file; repeat for several. Default: the built-in pack.",
)
NAME_OPTION = typer.Option(
    None, "--name", metavar="NAME", help="Your name (remembered for next time)."
)
PLAIN_OPTION = typer.Option(
    False, "--plain", help="Plain lines for screen readers: no colour, no emoji."
)
PRACTICE_OPTION = typer.Option(False, "--practice", help="Play without recording anything.")
SEED_OPTION = typer.Option(
    None, "--seed", min=0, metavar="N", help="Replay: the same seed gives the same round."
)


def today() -> date:
    """Today's UTC date, or the date ``QUIZ_TODAY`` names."""
    from quiz.game.daily import parse_day

    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        try:
            return parse_day(fixed)
        except QuizError as exc:
            raise QuizError(f"{TODAY_VARIABLE}: {exc.message}") from None
    return datetime.now(UTC).date()


def now() -> datetime:
    """This moment in UTC; on the day ``QUIZ_TODAY`` names when it is set."""
    moment = datetime.now(UTC)
    return datetime.combine(today(), moment.timetz()) if os.environ.get(TODAY_VARIABLE) else moment


def plain_wanted(plain: bool) -> bool:
    """Marks as ``+ - .`` rather than coloured squares: --plain, TERM=dumb or NO_COLOR."""
    from quiz.term.console import wants_accessible

    return wants_accessible(plain) or bool(os.environ.get("NO_COLOR"))


def start_mode(plain: bool) -> bool:
    """Set the console up as ``quiz play`` does; whether input is a terminal."""
    from quiz.term import console

    interactive = sys.stdin.isatty()
    console.set_plain(not interactive)
    console.set_accessible(console.wants_accessible(plain))
    return interactive


# -- daily ---------------------------------------------------------------------


def daily(
    pack: list[str] | None = PACK_OPTION,
    name: str | None = NAME_OPTION,
    plain: bool = PLAIN_OPTION,
    practice: bool = PRACTICE_OPTION,
    status: bool = typer.Option(
        False, "--status", help="Today's result, the day streak and the last 14 days."
    ),
) -> None:
    """The day's challenge: the same 10 questions for everyone with the same packs
    on a UTC date. One recorded try a day; then a share line that spoils nothing.

    \b
    Examples:
      quiz daily
      quiz daily --status
      quiz daily --pack my-pack --plain
    """
    from quiz.cli.play import _packs, _player
    from quiz.game.daily import daily_challenge
    from quiz.game.round import Round
    from quiz.game.standing import practice_reason

    interactive = start_mode(plain)
    packs = _packs(pack or [])
    day = today()
    if status:
        _daily_status(packs, day, name, plain_wanted(plain))
        return
    challenge = daily_challenge(day, packs)
    reason = practice_reason(practice=practice, piped=not interactive, name_given=name is not None)
    player = None if reason is not None else _player(name, interactive)
    if player is not None and _played(player, challenge.board):
        say(f"You have played {day.isoformat()}'s challenge: this round is practice.")
        player, reason = None, ALREADY_PLAYED
    limit = packs_limit(packs)
    game = Round(challenge.questions, limit, seed=challenge.seed, piped=not interactive)
    duration = _run(game, pack_title(packs))
    _daily_end(game, challenge, packs, (player, reason), duration, plain_wanted(plain))


def _played(player: str, board: str) -> bool:
    from quiz.store.db import ScoreStore

    with ScoreStore.open(create=False) as store:
        return bool(store.top(board, limit=1, player=player))


def _daily_end(
    game: Round,
    challenge: DailyChallenge,
    packs: list[Pack],
    recording: tuple[str | None, str | None],
    duration: float,
    plain: bool,
) -> None:
    """Record (player, or None and the reason not to), then the share block."""
    from quiz.cli.play import _finish
    from quiz.game.daily import board_day, day_streak
    from quiz.store.db import ScoreStore
    from quiz.store.modes import DAILY_MODE
    from quiz.store.player import remembered_name
    from quiz.term.console import accessible, out
    from quiz.term.modes import daily_share

    player, reason = recording
    _finish(game, challenge.board, player, duration, reason, accessible(), mode=DAILY_MODE)
    who = player or remembered_name()
    days: list[date] = []
    if who is not None:
        with ScoreStore.open(create=False) as store:
            days = [d for r in store.daily_rounds(who) if (d := board_day(r.board)) is not None]
    streak = day_streak(days, challenge.day)
    out().print(daily_share(challenge.day, pack_title(packs), game, streak, plain=plain))


def _daily_status(packs: list[Pack], day: date, name: str | None, plain: bool) -> None:
    from quiz.game.daily import board_day, daily_board, day_streak, recent_days
    from quiz.store.db import ScoreStore
    from quiz.term.console import out
    from quiz.term.modes import daily_status

    who = _known_player(name)
    with ScoreStore.open(create=False) as store:
        rows = store.daily_rounds(who)
    days = recent_days(day)
    boards = {daily_board(d, [p.id for p in packs]): d for d in days}
    results = {boards[r.board]: r for r in rows if r.board in boards}
    played = [d for r in rows if (d := board_day(r.board)) is not None]
    out().print(daily_status(day, days, results, day_streak(played, day), plain=plain))


# -- review --------------------------------------------------------------------


def review(
    pack: list[str] | None = typer.Option(
        None, "--pack", "-p", metavar="ID", help="Only this pack's questions; repeatable."
    ),
    count: int | None = typer.Option(
        None, "--count", "-n", min=1, metavar="N", help="At most N questions (default: all due)."
    ),
    name: str | None = NAME_OPTION,
    seed: int | None = SEED_OPTION,
    plain: bool = PLAIN_OPTION,
    practice: bool = typer.Option(
        False, "--practice", help="Ask the due questions without moving them between boxes."
    ),
    status: bool = typer.Option(
        False, "--status", help="How many questions are in each box and due today, per pack."
    ),
) -> None:
    """The questions you missed come back: a miss is due at once (box 1); each
    right answer moves it up a box, due 1, 2, 4 and 8 days later (boxes 2-5);
    right in box 5 retires it. Nothing goes on a high-score board.

    \b
    Examples:
      quiz review
      quiz review --status
      quiz review -n 5 --pack la-la-land-first-look
    """
    from quiz.game.review import due_cards
    from quiz.game.select import new_seed

    interactive = start_mode(plain)
    who = _known_player(name)
    day = today()
    cards = _cards(who)
    if status:
        _review_status(cards, day)
        return
    due = due_cards(cards.values(), day, pack or [])
    if not due:
        say(_nothing_due(cards.values(), day))
        return
    _review_round(who, due, count, new_seed() if seed is None else seed, interactive, practice)


def _cards(player: str) -> dict[tuple[str, str], Card]:
    from quiz.game.review import replay
    from quiz.store.db import ScoreStore

    with ScoreStore.open(create=False) as store:
        return replay(store.answer_history(player))


def _nothing_due(cards: Iterable[Card], day: date) -> str:
    upcoming = [c.due for c in cards if c.due is not None]
    if not upcoming:
        return "Nothing to review: no missed question is waiting."
    return f"Nothing to review today; the next question is due on {min(upcoming).isoformat()}."


def _review_status(cards: dict[tuple[str, str], Card], day: date) -> None:
    from quiz.game.review import box_counts, total_counts
    from quiz.term.console import out
    from quiz.term.modes import box_table

    counts = box_counts(cards.values(), day)
    if not counts:
        say("No questions to review yet: missed questions come back here.")
        return
    out().print(box_table(counts, total_counts(counts)))


def _review_round(
    player: str, due: list[Card], count: int | None, seed: int, interactive: bool, practice: bool
) -> None:
    from quiz.game.review import plan_review
    from quiz.game.round import Round
    from quiz.term.console import accessible, out, print_warning, screen_width
    from quiz.term.results import summary_table, totals_text

    packs = _packs_by_id({c.pack_id for c in due})
    plan = plan_review(due, packs, count, seed)
    for note in plan.notes:
        print_warning(note)
    if not plan.asked:
        say("Nothing left to review: the due questions' packs have changed.")
        return
    limit = packs_limit([p for p in packs.values() if p is not None])
    game = Round(plan.asked, limit, seed=seed, piped=not interactive)
    duration = _run(game, "Review")
    console = out()
    console.print()
    plain = accessible()
    console.print(summary_table(game, screen_width(console), plain=plain), soft_wrap=plain)
    console.print(totals_text(game, duration), soft_wrap=plain)
    if practice:
        say("Practice: the questions stay in their boxes.")
        return
    _save_review(player, game)


def _save_review(player: str, game: Round) -> None:
    from quiz.store.db import ScoreStore
    from quiz.store.modes import ReviewRecord
    from quiz.term.console import out
    from quiz.term.modes import box_moves

    moment = now()
    records = [
        ReviewRecord(player, r.asked.pack_id, r.asked.question.id, r.correct, moment)
        for r in game.results
    ]
    with ScoreStore.open() as store:
        store.save_reviews(records)
    for line in box_moves(game.results, _cards(player)):
        out().print(line, markup=False, highlight=False)


def _packs_by_id(pack_ids: set[str]) -> dict[str, Pack | None]:
    from quiz.errors import PackError, PackNotFoundError
    from quiz.packs.discovery import resolve

    found: dict[str, Pack | None] = {}
    for pack_id in sorted(pack_ids):
        try:
            found[pack_id] = resolve(pack_id)
        except (PackNotFoundError, PackError):
            found[pack_id] = None
    return found


# -- stats ---------------------------------------------------------------------


def mode_figures(store: ScoreStore, player: str) -> dict[str, Any]:
    """The daily streak and today's daily, and the review boxes: for ``quiz stats``."""
    from quiz.game.daily import board_day, day_streak
    from quiz.game.review import box_counts, replay, total_counts

    day = today()
    dailies = store.daily_rounds(player)
    played = [d for r in dailies if (d := board_day(r.board)) is not None]
    done = [r for r in dailies if board_day(r.board) == day]
    cards = replay(store.answer_history(player))
    total = total_counts(box_counts(cards.values(), day))
    return {
        "daily": {
            "today": day.isoformat(),
            "streak": day_streak(played, day),
            "played_today": [
                {"board": r.board, "correct": r.correct, "total": r.total, "score": r.score}
                for r in done
            ],
        },
        "review": {"boxes": list(total.boxes), "retired": total.retired, "due_today": total.due},
    }


# -- shared --------------------------------------------------------------------


def _known_player(name: str | None) -> str:
    """The player named, else the remembered one; a clear error if there is none."""
    from quiz.store.player import normalize_player_name, remembered_name

    if name is not None:
        return normalize_player_name(name)
    known = remembered_name()
    if known is None:
        raise QuizError(
            "whose questions? No name was given and none is remembered yet", hint="pass --name NAME"
        )
    return known


def packs_limit(packs: list[Pack]) -> float | None:
    """The packs' own time limit, when they agree on one (modes take no --time-limit)."""
    from quiz.game.board import round_time_limit

    return round_time_limit(None, [p.defaults.time_limit for p in packs]) if packs else None


def pack_title(packs: list[Pack]) -> str:
    return packs[0].title if len(packs) == 1 else " + ".join(p.title for p in packs)


def _run(game: Round, title: str) -> float:
    from quiz.term.console import accessible
    from quiz.term.session import Session

    return Session.for_terminal(game, title, plain=accessible()).play()


def say(text: str) -> None:
    from quiz.term.console import out

    out().print(text, markup=False, highlight=False, soft_wrap=True)

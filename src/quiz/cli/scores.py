"""``quiz scores`` (high-score tables, reset, export, import) and ``quiz stats``.

``quiz scores --json`` prints a JSON list and ``quiz scores --csv`` a CSV table
(header row first) of the rounds shown, one entry a round, with these fields
in this order:

- ``rank``: place on its board, 1 for the best
- ``player``: the player's name
- ``score``: points
- ``correct``: questions answered correctly
- ``total``: questions asked
- ``accuracy``: correct / answered, from 0 to 1, three decimals (empty or
  null when nothing was answered); a skip counts neither way, a time-out is
  answered and wrong. (It used to be correct / total.)
- ``best_streak``: the longest run of correct answers
- ``duration_s``: how long the round took, in seconds
- ``board``: the board's key (what ``--board`` takes)
- ``packs``: the pack ids (a JSON list; in CSV, separated by spaces)
- ``finished_at``: when the round ended, ISO 8601 in UTC
- ``round_id``: the round's number in the score file
- ``answered``: questions answered, a time-out included (empty or null for an
  old round whose answers were not all kept)
- ``skipped``: questions skipped (the same)
- ``input``: ``terminal`` (typed) or ``piped`` (read from a pipe or a file)
- ``mode``: ``solo`` (``quiz play``), ``survival`` (``--lives``), ...

Rows come board by board, best first; with ``--player`` alone, newest first.
Text fields are stripped of control characters (JSON also escapes anything
outside ASCII), so the output is safe to print on a terminal.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quiz.cli.base import QuizCommand, QuizSubGroup
from quiz.errors import QuizError
from quiz.words import plural

if TYPE_CHECKING:
    from quiz.store.db import ScoreStore
    from quiz.store.records import RoundRow

MAX_NOTES = 20  # notes about an import's rounds shown one by one; the rest are counted

scores_app = typer.Typer(
    cls=QuizSubGroup,
    help=(
        "The high-score tables: the best rounds of each board, best first. A board is "
        "a kind of round (packs, question count, time limit, filters); only rounds "
        "on the same board are compared.\n\n"
        "\b\nExamples:\n"
        "  quiz scores --all\n"
        "  quiz scores --player Mia\n"
        "  quiz scores --pack la-la-land-first-look --csv"
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)

Sections = list[tuple[str, list["RoundRow"]]]


@scores_app.callback(invoke_without_command=True)
def scores(
    ctx: typer.Context,
    pack: str | None = typer.Option(
        None, "--pack", metavar="ID", help="Show every board that includes this pack."
    ),
    board: str | None = typer.Option(
        None, "--board", metavar="KEY", help="Show this board (its key is under each table)."
    ),
    all_boards: bool = typer.Option(False, "--all", help="Show every board, one table each."),
    player: str | None = typer.Option(
        None,
        "--player",
        metavar="NAME",
        help="Only this player's rounds; alone, their latest rounds across boards.",
    ),
    limit: int = typer.Option(10, "--limit", "-n", min=1, metavar="N", help="Rounds per table."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV instead of tables."),
) -> None:
    """Show the high-score table (the default board unless told otherwise)."""
    if ctx.invoked_subcommand is not None:
        return
    if as_json and as_csv:
        raise QuizError("choose one of --json and --csv")
    if board is not None and (pack is not None or all_boards):
        raise QuizError("--board shows one board: leave out --pack and --all")
    name = _player_name(player)
    by_player = name is not None and board is None and pack is None and not all_boards
    with _reading_store() as store:
        if by_player and name is not None:
            sections: Sections = [(name, store.player_rounds(name, limit))]
            empty = _no_rounds_for(store, name)
        else:
            sections, empty = _board_sections(store, pack, board, all_boards, name, limit)
    _show(sections, empty, by_player=by_player, as_json=as_json, as_csv=as_csv)


def _board_sections(
    store: ScoreStore,
    pack: str | None,
    board: str | None,
    all_boards: bool,
    player: str | None,
    limit: int,
) -> tuple[Sections, str]:
    """The tables to show, and what to say when there is none."""
    from quiz.game.board import choose_boards, default_board_key

    default = default_board_key()
    if board is None and pack is None and not all_boards and store.top(default, 1):
        # The usual case, answered from the index: store.boards() reads every round.
        played = [default]
    else:
        played = [key for key, _ in store.boards(pack)]
    choice = choose_boards(played, board=board, pack=pack, all_boards=all_boards, default=default)
    if choice.note is not None:
        _note(choice.note)
    return _sections(store, list(choice.keys), choice.empty, player, limit)


def _sections(
    store: ScoreStore, keys: list[str], empty: str, player: str | None, limit: int
) -> tuple[Sections, str]:
    """Each board's best rounds (boards with none left out), and what to say if none is left."""
    sections = [(key, store.top(key, limit, player=player)) for key in keys]
    sections = [(key, rows) for key, rows in sections if rows]
    if player is not None and not sections:
        empty = f"No rounds by {player} on {' or '.join(keys) or 'any board'} yet."
    return sections, empty


def _show(sections: Sections, empty: str, *, by_player: bool, as_json: bool, as_csv: bool) -> None:
    """Print the tables (or JSON, or CSV); with ``by_player``, one section keyed by the name."""
    from quiz.term.scores import round_fields, rows_csv

    rows = [row for _, section in sections for row in section]
    if as_json:
        typer.echo(json.dumps([round_fields(row) for row in rows], indent=2))
    elif as_csv:
        typer.echo(rows_csv(rows), nl=False)
    if not rows:
        if as_json or as_csv:
            _note(empty)
        else:
            _say(empty)
        return
    if as_json or as_csv:
        return
    from quiz.game.board import describe_board
    from quiz.term.console import out
    from quiz.term.scores import board_table, player_table

    console = out()
    if by_player:
        title = f"Latest rounds of {sections[0][0]}"
        console.print(player_table(rows, title=title, width=console.width))
        return
    for index, (key, section) in enumerate(sections):
        if index:
            console.print()
        console.print(board_table(section, title=describe_board(key), key=key, width=console.width))


@scores_app.command(
    "reset",
    cls=QuizCommand,
    short_help="Forget recorded rounds (asks first).",
    help=(
        "Forget recorded rounds: all of them, or one player's, or those with a pack. "
        "Asks first unless --yes is given.\n\n"
        "\b\nExamples:\n  quiz scores reset\n  quiz scores reset --player Mia --yes"
    ),
)
def reset(
    player: str | None = typer.Option(None, "--player", metavar="NAME", help="Only this player's."),
    pack: str | None = typer.Option(
        None, "--pack", metavar="ID", help="Only rounds with this pack."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Do not ask; needed when not at a terminal."
    ),
) -> None:
    from quiz.game.board import NO_ROUNDS
    from quiz.term.sanitize import clean_line

    name = _player_name(player)
    with _reading_store() as store:
        last = store.last_round_id()
        count = store.count_rounds(name, pack, up_to_id=last)
        if count == 0:
            _say(
                NO_ROUNDS
                if name is None and pack is None
                else "No rounds match: nothing to forget."
            )
            return
        what = plural(count, "round")
        what += f" of {name}" if name is not None else ""
        what += f" with pack {pack}" if pack is not None else ""
        if not yes:
            if not _stdin_is_terminal():
                raise QuizError(
                    f"not forgetting {what} without a yes: standard input is not a terminal",
                    hint="pass --yes to forget them",
                )
            if not _confirm(f"Forget {clean_line(what)}? This cannot be undone. [y/N]: "):
                _say("Nothing was forgotten.")
                return
        removed = store.reset(name, pack, up_to_id=last)
    _say(f"Forgot {plural(removed, 'round')}.")


@scores_app.command(
    "export",
    cls=QuizCommand,
    short_help="Write every round, with its answers, to a JSON file.",
    help=(
        "Write every recorded round, with its answers, to a JSON file (- for standard "
        "output), for a backup or another computer.\n\n"
        "\b\nExamples:\n  quiz scores export scores.json\n  quiz scores export - > backup.json"
    ),
)
def export(
    file: str = typer.Argument(..., metavar="FILE", help="Where to write; - for standard output."),
    force: bool = typer.Option(False, "--force", "-f", help="Replace FILE if it exists."),
) -> None:
    with _reading_store() as store:
        if file == "-":
            store.write_json(sys.stdout)
            return
        from quiz.atomic import refuse_existing, shown

        refuse_existing(Path(file), force)  # before reading anything
        count = store.export_json(Path(file), force=force)
    _say(f"Exported {plural(count, 'round')} to {shown(file)}.")


@scores_app.command(
    "import",
    cls=QuizCommand,
    short_help="Add the rounds of an export file.",
    help=(
        "Add the rounds of a file written by `quiz scores export`. Rounds already "
        "recorded (same player, board, time and score) are skipped.\n\n"
        "\b\nExample:\n  quiz scores import backup.json"
    ),
)
def import_scores(
    file: str = typer.Argument(
        ..., metavar="FILE", help="A file from quiz scores export; - for standard input."
    ),
) -> None:
    from quiz.atomic import shown
    from quiz.store.db import ScoreStore
    from quiz.store.importfile import LEFT_OUT, read_export
    from quiz.term.console import print_warning
    from quiz.term.progress import LazyProgress

    found = read_export(file)  # check the whole file before touching the score file
    for note in found.notes[:MAX_NOTES]:
        print_warning(note)
    if len(found.notes) > MAX_NOTES:
        print_warning(f"... and {plural(len(found.notes) - MAX_NOTES, 'more note')}")
    if not found.rounds and found.notes:
        raise QuizError(
            f"no round of {shown(file)} can be imported: nothing was changed",
            hint="export files are written by `quiz scores export FILE`",
        )
    with _notices(ScoreStore.open()) as store, LazyProgress("importing scores") as progress:
        imported, skipped = store.import_records(found.rounds, found.reviews, progress=progress)
    left_out = len([n for n in found.notes if n.endswith(LEFT_OUT)])
    _say(
        f"Imported {plural(imported, 'round')} ({skipped} already recorded"
        + (f", {left_out} left out" if left_out else "")
        + ")."
    )


def stats(
    player: str | None = typer.Option(
        None, "--player", "-p", metavar="NAME", help="Whose stats (default: the remembered name)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """How a player is doing: accuracy overall, by pack and by tag, the questions missed
    most often, and a trend of recent scores.

    \b
    Examples:
      quiz stats
      quiz stats --player Mia --json
    """
    from quiz.store.player import remembered_name

    name = _player_name(player) if player is not None else remembered_name()
    if name is None:
        raise QuizError(
            "whose stats? No name was given and none is remembered yet", hint="pass --player NAME"
        )
    from quiz.cli.modes import mode_figures

    with _reading_store() as store:
        result = store.player_stats(name)
        empty = _no_rounds_for(store, name)
        modes = mode_figures(store, name)
    from quiz.term.scores import stats_fields, stats_view

    if as_json:
        typer.echo(json.dumps(stats_fields(result) | modes, indent=2))
    elif result.rounds == 0:
        _say(empty)
    else:
        from quiz.term.console import out
        from quiz.term.modes import mode_figures_view

        out().print(stats_view(result))
        out().print(mode_figures_view(modes))


# -- helpers -------------------------------------------------------------------


@contextlib.contextmanager
def _reading_store() -> Iterator[ScoreStore]:
    """The score file if there is one (never creating it), else an empty store."""
    from quiz.store.db import ScoreStore

    with _notices(ScoreStore.open(create=False)) as store:
        yield store


@contextlib.contextmanager
def _notices(store: ScoreStore) -> Iterator[ScoreStore]:
    from quiz.term.console import print_warning

    try:
        for notice in store.notices:
            print_warning(notice)
        yield store
    finally:
        store.close()


def _player_name(raw: str | None) -> str | None:
    from quiz.store.player import normalize_player_name

    return None if raw is None else normalize_player_name(raw)


def _no_rounds_for(store: ScoreStore, name: str) -> str:
    from quiz.store.player import similar_names

    close = similar_names(name, store.players())
    message = f"No rounds recorded for {name} yet."
    return message + (f" Did you mean {' or '.join(close)}?" if close else "")


def _confirm(question: str) -> bool:
    """Ask a yes/no question (no by default). Ctrl-C goes to the error boundary (exit 130),
    as everywhere else; Click's own confirm would turn it into "Aborted!" and exit 1."""
    from quiz.term.console import out

    out().print(question, end="", markup=False)
    return input().strip().casefold() in ("y", "yes")


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _say(message: str) -> None:
    from quiz.term.console import out
    from quiz.term.sanitize import clean

    out().print(clean(message), markup=False, soft_wrap=True)


def _note(message: str) -> None:
    from quiz.term.console import err
    from quiz.term.sanitize import clean

    err().print(clean(message), style="quiz.dim", markup=False, soft_wrap=True)

"""High-score tables, a player's rounds, and the ``quiz stats`` view.

Player names, board keys, pack and question ids come from the score file (or
an imported one), so every one of them goes through :func:`safe_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quiz.game.standing import Line, Tone
from quiz.store.records import Accuracy, BoardStanding, PlayerStats, RoundRow
from quiz.term.sanitize import clean_line, safe_text, spreadsheet_cell
from quiz.term.timefmt import format_seconds
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

FIELDS = (
    "rank",
    "player",
    "score",
    "correct",
    "total",
    "accuracy",
    "best_streak",
    "duration_s",
    "board",
    "packs",
    "finished_at",
    "round_id",
    "answered",
    "skipped",
    "input",
    "mode",
)
WIDE = 80  # columns from which the score tables show every column in a full frame
SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.-=+*#@"


def board_table(
    rows: Sequence[RoundRow],
    *,
    title: str,
    key: str,
    highlight_round_id: int | None = None,
    width: int = 100,
) -> Table:
    """One board's table, best first; the row of ``highlight_round_id`` stands out.

    Below :data:`WIDE` columns the best streak and the date are left out and the
    frame is lighter, so that names and scores stay whole down to 40 columns.
    """
    wide = width >= WIDE
    table = _score_table(title, wide)
    table.caption = safe_text(key, "quiz.dim", one_line=True)
    table.caption_justify = "left"
    table.add_column("#", justify="right")
    table.add_column("player", min_width=6)
    table.add_column("score", justify="right", style="quiz.points")
    table.add_column("right", justify="right")
    if wide:
        table.add_column("best streak", justify="right")
    table.add_column("time", justify="right", no_wrap=True)
    if wide:
        table.add_column("date", no_wrap=True)
    for row in rows:
        cells: list[RenderableType] = [
            "" if row.rank is None else str(row.rank),
            safe_text(row.player, one_line=True),
            str(row.score),
            f"{row.correct}/{row.answered_or_asked}",  # right of answered: a skip is no miss
            str(row.best_streak),
            format_seconds(row.duration),
            format_date(row.finished_at),
        ]
        if not wide:
            del cells[6], cells[4]
        table.add_row(*cells, style="quiz.highlight" if row.id == highlight_round_id else None)
    return table


def standing_view(
    lines: Sequence[Line], standing: BoardStanding, key: str, width: int = 100
) -> RenderableType:
    """After a saved round: what the player hears about it, then the top of its board."""
    from rich.console import Group
    from rich.text import Text

    from quiz.game.board import describe_board

    said: list[RenderableType] = [
        Text(line.text, style="" if line.tone is Tone.PLAIN else f"quiz.{line.tone}")
        for line in lines
    ]
    table = board_table(
        standing.top,
        title=describe_board(key),
        key=key,
        highlight_round_id=standing.round_id,
        width=width,
    )
    return Group(*said, table)


def player_table(rows: Sequence[RoundRow], *, title: str | None = None, width: int = 100) -> Table:
    """A player's rounds (newest first), each with its board and its rank there.

    Below :data:`WIDE` columns the streak and the time are left out, the date is
    shortened to month and day, the board key (whole, to be copied into
    ``--board``) comes last, and the frame is lighter.
    """
    wide = width >= WIDE
    table = _score_table(title, wide)
    board = ("board", {"overflow": "fold"})  # whole, to be copied into --board
    columns: list[tuple[str, dict[str, Any]]] = [
        ("date", {"no_wrap": True}),
        *([board] if wide else []),
        ("rank", {"justify": "right"}),
        ("score", {"justify": "right", "style": "quiz.points"}),
        ("right", {"justify": "right"}),
        *([("streak", {"justify": "right"}), ("time", {"justify": "right"})] if wide else [board]),
    ]
    for name, options in columns:
        table.add_column(name, **options)
    for row in rows:
        date = format_date(row.finished_at)
        rank = "" if row.rank is None else f"#{row.rank}"
        # right of answered: a skip is no miss
        scores = [rank, str(row.score), f"{row.correct}/{row.answered_or_asked}"]
        key = safe_text(row.board, one_line=True)
        if wide:
            table.add_row(date, key, *scores, str(row.best_streak), format_seconds(row.duration))
        else:
            table.add_row(date[5:10], *scores, key)
    return table


def _score_table(title: str | None, wide: bool) -> Table:
    """An empty score table: a full frame when wide; else no walls and one space between."""
    from rich import box
    from rich.table import Table

    from quiz.term.console import accessible

    return Table(
        title=None if title is None else safe_text(title, one_line=True),
        title_style="quiz.title",
        pad_edge=False,
        box=None if accessible() else box.HEAVY_HEAD if wide else box.SIMPLE_HEAD,
        padding=(0, 1) if wide else (0, 0),
    )


def stats_view(stats: PlayerStats) -> RenderableType:
    """Everything ``quiz stats`` shows for one player."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [_stats_header(stats)]
    if stats.per_pack:
        parts += [Text(), _accuracy_table("Accuracy by pack", "pack", stats.per_pack)]
    if stats.per_tag:
        parts += [Text(), _accuracy_table("Accuracy by tag", "tag", stats.per_tag)]
    if stats.most_missed:
        parts += [Text(), _missed_table(stats)]
    if stats.recent_scores:
        parts += [Text(), Trend(stats.recent_scores)]
    return Group(*parts)


def _stats_header(stats: PlayerStats) -> Text:

    text = safe_text(stats.player, "quiz.title", one_line=True)
    text.append(f": {plural(stats.rounds, 'round')} played")
    if stats.accuracy is not None:
        text.append(f", {format_percent(stats.accuracy)} right ")
        skipped = f", {stats.skipped} skipped" if stats.skipped else ""
        text.append(f"({stats.correct} of {stats.answered} answered{skipped})", style="quiz.dim")
    if stats.best_score is not None:
        text.append(", best score ")
        text.append(str(stats.best_score), style="quiz.points")
    return text


def _accuracy_table(title: str, label: str, rows: Iterable[Accuracy]) -> Table:
    from rich.table import Table

    table = Table(title=title, title_style="quiz.title", title_justify="left")
    table.add_column(label)
    table.add_column("right", justify="right")
    table.add_column("accuracy", justify="right")
    table.add_column("")
    for row in rows:
        share = row.accuracy or 0.0
        table.add_row(
            safe_text(row.name, one_line=True),
            f"{row.correct}/{row.answered}",
            format_percent(share),
            Bar(share),
        )
    return table


def _missed_table(stats: PlayerStats) -> Table:
    from rich.table import Table

    table = Table(title="Missed most often", title_style="quiz.title", title_justify="left")
    table.add_column("pack")
    table.add_column("question")
    table.add_column("missed", justify="right", style="quiz.bad")
    for miss in stats.most_missed:
        table.add_row(
            safe_text(miss.pack_id, one_line=True),
            safe_text(miss.question_id, one_line=True),
            f"{miss.missed} of {miss.asked}",
        )
    return table


class Trend:
    """Recent scores as a sparkline with min, max and last (ASCII on a terminal that needs it)."""

    def __init__(self, scores: Sequence[int]) -> None:
        self.scores = tuple(scores)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        chars = SPARK_ASCII if options.ascii_only else SPARK
        count = len(self.scores)
        text = Text(f"Recent scores (last {count}, oldest first): ", style="quiz.title")
        text.append(sparkline(self.scores, chars), style="quiz.accent")
        low, high, last = min(self.scores), max(self.scores), self.scores[-1]
        text.append(f"  min {low}, max {high}, last {last}", style="quiz.dim")
        yield text


def sparkline(values: Sequence[float], chars: str = SPARK) -> str:
    """One character a value, from the lowest (``▁``) to the highest (``█``)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return chars[len(chars) // 2 - 1] * len(values)
    top = len(chars) - 1
    return "".join(chars[round((value - low) / (high - low) * top)] for value in values)


class Bar:
    """A share (0..1) as a bar of ``width`` cells (ASCII on a terminal that needs it)."""

    def __init__(self, share: float, width: int = 10) -> None:
        self.share = share
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        yield Text(bar(self.share, self.width, ascii_only=options.ascii_only), style="quiz.accent")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement(self.width, self.width)


def bar(share: float, width: int = 10, *, ascii_only: bool = False) -> str:
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    filled = max(0, min(width, round(share * width)))
    return full * filled + empty * (width - filled)


def format_percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def format_date(moment: datetime) -> str:
    """Local date and time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# -- machine-readable output (fields documented in quiz.cli.scores) --------------


def round_fields(row: RoundRow) -> dict[str, Any]:
    """One round as a JSON object or CSV row: the :data:`FIELDS`, text cleaned."""
    accuracy = row.accuracy
    return {
        "rank": row.rank,
        "player": clean_line(row.player),
        "score": row.score,
        "correct": row.correct,
        "total": row.total,
        "accuracy": None if accuracy is None else round(accuracy, 3),
        "best_streak": row.best_streak,
        "duration_s": round(row.duration, 3),
        "board": clean_line(row.board),
        "packs": [clean_line(pack) for pack in row.packs],
        "finished_at": row.finished_at.isoformat(),
        "round_id": row.id,
        "answered": row.answered,
        "skipped": row.skipped,
        "input": clean_line(row.input),
        "mode": clean_line(row.mode),
    }


def rows_csv(rows: Sequence[RoundRow]) -> str:
    """Rounds as CSV, header row first; packs separated by spaces."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        fields = round_fields(row)
        fields["packs"] = " ".join(fields["packs"])
        writer.writerow([_csv_cell(fields[name]) for name in FIELDS])
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    """Empty for nothing; text made safe for spreadsheets; numbers as they are."""
    if value is None:
        return ""
    return spreadsheet_cell(value) if isinstance(value, str) else value


def stats_fields(result: PlayerStats) -> dict[str, Any]:
    """What ``quiz stats --json`` prints."""

    def share(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {
        "player": clean_line(result.player),
        "rounds": result.rounds,
        "correct": result.correct,
        "asked": result.asked,
        "answered": result.answered,
        "skipped": result.skipped,
        "accuracy": share(result.accuracy),
        "best_score": result.best_score,
        "packs": [
            {
                "pack_id": clean_line(a.name),
                "correct": a.correct,
                "asked": a.asked,
                "answered": a.answered,
                "skipped": a.skipped,
                "accuracy": share(a.accuracy),
            }
            for a in result.per_pack
        ],
        "tags": [
            {
                "tag": clean_line(a.name),
                "correct": a.correct,
                "asked": a.asked,
                "answered": a.answered,
                "skipped": a.skipped,
                "accuracy": share(a.accuracy),
            }
            for a in result.per_tag
        ],
        "most_missed": [
            {
                "pack_id": clean_line(m.pack_id),
                "question_id": clean_line(m.question_id),
                "missed": m.missed,
                "asked": m.asked,
            }
            for m in result.most_missed
        ],
        "recent_scores": list(result.recent_scores),
    }

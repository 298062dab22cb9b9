"""What the daily challenge, review and party play show beyond a round's own screens."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from quiz.game.daily import Mark, mark_of, marks_row, share_line, streak_text
from quiz.game.party import Standing
from quiz.game.review import LAST_BOX, BoxCounts, Card
from quiz.game.round import AnswerResult, Round
from quiz.term.sanitize import clean_line, safe_text

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from quiz.store.records import RoundRow


def marks_of(results: Sequence[AnswerResult]) -> list[Mark]:
    return [mark_of(r.correct, r.skipped) for r in results]


def daily_share(day: date, title: str, game: Round, streak: int, *, plain: bool) -> RenderableType:
    """The share block: one line that spoils nothing, the marks, the day streak."""
    from rich.console import Group
    from rich.text import Text

    summary = game.summary()
    line = share_line(day, clean_line(title), summary.correct, summary.total, summary.score)
    return Group(
        Text(""),
        Text(line),
        Text(marks_row(marks_of(game.results), plain=plain)),
        Text(streak_text(streak)),
    )


def daily_status(
    today: date,
    days: Sequence[date],
    results: Mapping[date, RoundRow],
    streak: int,
    *,
    plain: bool,
) -> RenderableType:
    """Today's result, the streak, and one line a day for the last days."""
    from rich.console import Group
    from rich.text import Text

    done = results.get(today)
    head = (
        f"Today ({today.isoformat()}): {done.correct}/{done.total}, {done.score:,} pts"
        if done is not None
        else f"Today ({today.isoformat()}): not played yet (quiz daily)"
    )
    table = _table()
    for name, justify in (("day", "left"), ("right", "right"), ("score", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for day in reversed(days):
        row = results.get(day)
        if row is None:
            table.add_row(day.isoformat(), "·" if plain else "—", "")
        else:
            table.add_row(day.isoformat(), f"{row.correct}/{row.total}", f"{row.score:,}")
    return Group(Text(head), Text(streak_text(streak).capitalize() + "."), Text(""), table)


def box_table(counts: Sequence[BoxCounts], total: BoxCounts) -> RenderableType:
    """How many questions sit in each box, retired and due today, a row per pack."""

    table = _table(title="Review boxes")
    table.add_column("pack", overflow="fold")
    for number in range(1, LAST_BOX + 1):
        table.add_column(f"box {number}" if number == 1 else str(number), justify="right")
    table.add_column("retired", justify="right")
    table.add_column("due today", justify="right")
    table.caption = "boxes 2-5 come back 1, 2, 4 and 8 days after a right answer"
    for row in [*counts, total] if len(counts) > 1 else counts:
        name = safe_text(row.pack_id or "all packs", one_line=True)
        table.add_row(name, *map(str, row.boxes), str(row.retired), str(row.due))
    return table


def box_moves(results: Sequence[AnswerResult], after: Mapping[tuple[str, str], Card]) -> list[str]:
    """One line a reviewed question: where it went."""
    lines = ["", "Where they go next:"]
    for result in results:
        key = (result.asked.pack_id, result.asked.question.id)
        card = after.get(key)
        where = "retired" if card is None or card.retired else f"box {card.box}"
        due = "" if card is None or card.due is None else f", due {card.due.isoformat()}"
        lines.append(f"  {clean_line(key[1])}: {where}{due}")
    return lines


def scoreboard(title: str, rounds: Mapping[str, Round]) -> RenderableType:
    """Scores so far, a row per player in the order they play."""

    table = _table(title=title)
    table.add_column("player")
    table.add_column("score", justify="right")
    table.add_column("right", justify="right")
    table.add_column("streak", justify="right")
    for name, game in rounds.items():
        table.add_row(
            safe_text(name, one_line=True),
            str(game.score),
            f"{game.correct_count}/{game.index}",
            str(game.streak),
        )
    return table


def podium(table: Sequence[Standing]) -> RenderableType:
    """Places, scores, accuracy and best streak; the winner (or a tie) named above."""
    from rich.console import Group
    from rich.text import Text

    firsts = [s.player for s in table if s.place == 1]
    if len(firsts) == 1:
        head = safe_text(f"{firsts[0]} wins!", "quiz.good", one_line=True)
    else:
        head = safe_text(f"A tie: {' and '.join(firsts)}!", "quiz.good", one_line=True)
    grid = _table(title="Podium")
    for name, justify in (
        ("place", "right"),
        ("player", "left"),
        ("score", "right"),
        ("accuracy", "right"),
        ("best streak", "right"),
    ):
        grid.add_column(name, justify=justify)  # type: ignore[arg-type]
    for standing in table:
        s = standing.summary
        accuracy = f"{s.accuracy:.0%}" if s.answered else "-"
        grid.add_row(
            f"#{standing.place}",
            safe_text(standing.player, one_line=True),
            str(s.score),
            f"{accuracy} ({s.correct}/{s.answered})",
            str(s.best_streak),
        )
    return Group(Text(""), head, grid)


def pass_screen(console: Console, name: str) -> None:
    """Clear the screen (the last player's feedback) and say whose turn it is."""
    console.clear()
    line = safe_text(f"Pass to {name}, press Enter", "quiz.title", one_line=True)
    console.print(line)


def turn_heading(name: str, turn: int, turns: int) -> Text:
    from rich.text import Text

    heading = Text("\n")
    heading.append_text(safe_text(f"{name}'s turn", "quiz.accent", one_line=True))
    heading.append(f" ({turn} of {turns})", style="quiz.dim")
    return heading


def mode_figures_view(figures: Mapping[str, Any]) -> RenderableType:
    """The daily streak and the review boxes, under ``quiz stats``."""
    from rich.console import Group
    from rich.text import Text

    daily, review = figures["daily"], figures["review"]
    today = ", ".join(
        f"{d['correct']}/{d['total']}, {d['score']:,} pts" for d in daily["played_today"]
    )
    boxes = " · ".join(f"box {n}: {count}" for n, count in enumerate(review["boxes"], 1))
    return Group(
        Text(""),
        Text(f"Today ({daily['today']})", style="bold"),
        Text(f"  Daily: {streak_text(daily['streak'])}; today {today or 'not played yet'}"),
        Text(f"  Review: {boxes} · retired: {review['retired']}"),
        Text(f"  Due today: {review['due_today']} (quiz review)"),
    )


def _table(title: str | None = None) -> Table:
    """A table with a rule under its header; no lines at all for screen readers (--plain)."""
    from rich import box
    from rich.table import Table

    from quiz.term.console import accessible

    style = None if accessible() else box.SIMPLE
    return Table(box=style, show_edge=False, pad_edge=False, title=title)

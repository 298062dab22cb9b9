"""What the player sees after each answer and at the end of a round.

Every row of the end screen carries an outcome mark (:mod:`quiz.term.marks`)
and, when it scored nothing, the reason, so colour is never the only signal.
With ``--plain`` the marks are words and the table is a list of sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.game.round import AnswerResult, Round
from quiz.term.marks import FIFTY_FIFTY, Outcome, legend, no_points_reason, outcome, timed_out
from quiz.term.sanitize import clean_line, safe_text
from quiz.term.timefmt import format_limit, format_seconds

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

NARROW = 60  # below this many columns the round table folds its answers under the question
SHORT_REASONS = {"wrong answer": "wrong", "time's up": "time's up", "skipped": "skipped"}


def points_text(result: AnswerResult) -> Text:
    from rich.text import Text

    p = result.points
    text = Text(f"+{p.total} points", style="quiz.points")
    parts = [f"base {p.base}"]
    if p.speed:
        parts.append(f"speed {p.speed:+d}")
    if p.streak:
        parts.append(f"streak {p.streak:+d}")
    if result.fifty_fifty:
        parts.append("halved by 50:50")
    text.append(f"  ({', '.join(parts)})", style="quiz.dim")
    return text


def _verdict(result: AnswerResult, time_limit: float | None, plain: bool) -> Text:
    from rich.text import Text

    mark = outcome(result)
    if result.skipped:
        words = "Skipped."
    elif timed_out(result):
        words = "Time's up: no points."
    elif result.late:
        limit = f" of {format_limit(time_limit)}" if time_limit else ""
        words = f"Too late: {format_seconds(result.elapsed)}{limit}, so no points."
    elif result.correct:
        words = "Right" + (f", {result.streak} in a row" if result.streak > 1 else "") + "!"
    else:
        words = "Not this time."
    return Text(words if plain else f"{mark.symbol} {words}", style=mark.style)


def answer_feedback(
    result: AnswerResult, time_limit: float | None, *, plain: bool = False
) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    q = result.asked.question
    lines: list[RenderableType] = [_verdict(result, time_limit, plain)]
    official = Text("The answer: ", style="quiz.dim")
    official.append_text(safe_text(q.answer_text, "bold"))
    if result.close:
        official.append(" (your spelling was close enough: ", style="quiz.dim")
        official.append_text(safe_text(result.given, one_line=True))
        official.append(")", style="quiz.dim")
    if not result.correct or result.close or result.skipped:
        lines.append(official)
    if q.explanation:
        lines.append(safe_text(q.explanation, "italic"))
    if result.correct:
        lines.append(points_text(result))
    if time_limit and not result.skipped and not result.late:
        lines.append(Text(f"Answered in {format_seconds(result.elapsed)}", style="quiz.dim"))
    if plain:
        return Group(*lines)
    return Padding(Group(*lines), (0, 0, 0, 2), expand=False)


def _given(result: AnswerResult) -> Text:
    from rich.text import Text

    if result.skipped:
        return Text("(skipped)", style="quiz.dim")
    if timed_out(result):
        return Text("(nothing)", style="quiz.dim")
    shown = result.grade.given if result.grade is not None else result.given
    return safe_text(shown, "quiz.good" if result.correct else "quiz.bad", one_line=True)


def _points_cell(result: AnswerResult, time_limit: float | None) -> Text:
    from rich.text import Text

    reason = no_points_reason(result, time_limit)
    if reason is None:
        return Text(str(result.points.total), style="quiz.points")
    return Text.assemble("0\n", (SHORT_REASONS.get(reason, "late"), "quiz.dim"))


def summary_table(game: Round, width: int = 88, *, plain: bool = False) -> RenderableType:
    """Every answer of the round, a row each; fits ``width`` columns from 40 up.

    What was typed and the right answer go under the question, so the
    question keeps most of the width; below :data:`NARROW` columns the time
    and the 50:50 column give way (the 50:50 flag joins the line under).
    """
    from rich.text import Text

    if plain:
        return _summary_lines(game)
    narrow = width < NARROW
    flags = not narrow and any(r.fifty_fifty for r in game.results)
    table = _round_table(narrow, width, flags=flags)
    for n, result in enumerate(game.results, 1):
        mark = outcome(result)
        about = safe_text(result.asked.question.prompt, one_line=True)
        about.append("\n")
        about.append_text(_detail(result, flag=narrow))
        row: list[RenderableType] = [str(n), Text(mark.symbol, style=mark.style), about]
        row.append(_points_cell(result, game.time_limit))
        if flags:
            row.append(FIFTY_FIFTY if result.fifty_fifty else "")
        if not narrow:
            row.append(format_seconds(result.elapsed))
        table.add_row(*row)
    return table


def _round_table(narrow: bool, width: int, *, flags: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        title="Your round",
        title_style="quiz.title",
        caption=legend(width),
        caption_style="quiz.dim",
        caption_justify="left",
        width=width,
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=narrow,
        pad_edge=False,
    )
    table.add_column("#", justify="right", style="quiz.dim", no_wrap=True)
    table.add_column("", no_wrap=True, width=1)
    table.add_column("Question", ratio=1, min_width=12)
    table.add_column("Points", justify="right")
    if flags:
        table.add_column(FIFTY_FIFTY, no_wrap=True)
    if not narrow:
        table.add_column("Time", justify="right", no_wrap=True)
    return table


def _detail(result: AnswerResult, *, flag: bool) -> Text:
    """Under the question: what was typed, the answer, and (``flag``) the 50:50 flag."""
    from rich.text import Text

    text = Text("Yours: ", style="quiz.dim")
    text.append_text(_given(result))
    text.append(" · right: ", style="quiz.dim")
    text.append_text(safe_text(result.asked.question.answer_text, one_line=True))
    if flag and result.fifty_fifty:
        text.append(f" · {FIFTY_FIFTY}", style="quiz.dim")
    return text


def _summary_lines(game: Round) -> RenderableType:
    """The round as sentences, one an answer, for ``--plain``."""
    from rich.console import Group
    from rich.text import Text

    lines: list[RenderableType] = [Text("Your round:")]
    for n, result in enumerate(game.results, 1):
        q = result.asked.question
        mark: Outcome = outcome(result)
        reason = no_points_reason(result, game.time_limit)
        points = f"{result.points.total} points" + (f" ({reason})" if reason else "")
        flag = f", {FIFTY_FIFTY} used" if result.fifty_fifty else ""
        given = (
            "nothing" if result.skipped or timed_out(result) else clean_line(_given(result).plain)
        )
        lines.append(
            Text(
                f"{n}. {mark.word.capitalize()}, {points}{flag}, {format_seconds(result.elapsed)}. "
                f"{clean_line(q.prompt)} Your answer: {given}. "
                f"The answer: {clean_line(q.answer_text)}."
            )
        )
    return Group(*lines)


def totals_text(game: Round, duration: float) -> Text:
    from rich.text import Text

    s = game.summary()
    text = Text("Score ", style="bold")
    text.append(str(s.score), style="quiz.points")
    # Accuracy is right ÷ answered: a skip counts neither way, a time-out is a wrong answer.
    text.append(f" · {s.correct}/{s.answered} right ({s.accuracy:.0%} of answered)")
    if s.skipped:
        text.append(f" · {s.skipped} skipped")
    text.append(f" · best streak {s.best_streak} · {format_seconds(duration)}")
    return text

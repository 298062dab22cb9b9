"""What the player sees after each answer and at the end of a round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.game.round import AnswerResult, Round
from quiz.term.sanitize import safe_text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


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


def _verdict(result: AnswerResult, time_limit: float | None) -> Text:
    from rich.text import Text

    if result.skipped:
        return Text("Skipped.", style="quiz.warn")
    if result.late:
        return Text(
            f"Too late: {result.elapsed:.1f} s of {time_limit:g} s, so no points.",
            style="quiz.bad",
        )
    if result.correct:
        word = "Right" + (f", {result.streak} in a row" if result.streak > 1 else "") + "!"
        return Text(f"✔ {word}", style="quiz.good")
    return Text("✘ Not this time.", style="quiz.bad")


def answer_feedback(result: AnswerResult, time_limit: float | None) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    q = result.asked.question
    lines: list[RenderableType] = [_verdict(result, time_limit)]
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
        lines.append(Text(f"answered in {result.elapsed:.1f} s", style="quiz.dim"))
    return Padding(Group(*lines), (0, 0, 0, 2), expand=False)


def _given(result: AnswerResult) -> Text:
    from rich.text import Text

    if result.skipped:
        return Text("(skipped)", style="quiz.dim")
    shown = result.grade.given if result.grade is not None else result.given
    return safe_text(shown, "quiz.good" if result.correct else "quiz.bad", one_line=True)


def summary_table(game: Round) -> RenderableType:
    from rich.table import Table

    table = Table(title="Your round", title_style="quiz.title", expand=True)
    table.add_column("#", justify="right", style="quiz.dim", no_wrap=True)
    table.add_column("question", overflow="ellipsis", no_wrap=True, ratio=3, min_width=20)
    table.add_column("your answer", overflow="ellipsis", no_wrap=True, ratio=1, min_width=8)
    table.add_column("answer", overflow="ellipsis", no_wrap=True, ratio=1, min_width=8)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    for n, result in enumerate(game.results, 1):
        q = result.asked.question
        table.add_row(
            str(n),
            safe_text(q.prompt, one_line=True),
            _given(result),
            safe_text(q.answer_text, one_line=True),
            str(result.points.total),
            f"{result.elapsed:.1f} s",
        )
    return table


def totals_text(game: Round, duration: float) -> Text:
    from rich.text import Text

    s = game.summary()
    text = Text("Score ", style="bold")
    text.append(str(s.score), style="quiz.points")
    # Accuracy is right ÷ answered: a skip counts neither way, a time-out is a wrong answer.
    text.append(f" · {s.correct}/{s.answered} right ({s.accuracy:.0%} of answered)")
    if s.skipped:
        text.append(f" · {s.skipped} skipped")
    text.append(f" · best streak {s.best_streak} · {duration:.1f} s")
    return text

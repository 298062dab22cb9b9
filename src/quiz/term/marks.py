"""How one answer went, as a mark that needs no colour to read.

Each outcome has a symbol for a terminal (one cell wide, as Rich and the
terminal both measure it) and a word for ``--plain``, where a screen reader
says "right" rather than "heavy check mark".
"""

from __future__ import annotations

from enum import Enum

from quiz.game.round import AnswerResult


class Outcome(Enum):
    # value: (symbol, word, style, meaning in the legend)
    RIGHT = ("✔", "right", "quiz.good", "right")
    WRONG = ("✘", "wrong", "quiz.bad", "wrong")
    LATE = ("⏱", "late", "quiz.warn", "late or time's up")
    SKIPPED = ("↷", "skipped", "quiz.dim", "skipped")

    @property
    def symbol(self) -> str:
        return self.value[0]

    @property
    def word(self) -> str:
        return self.value[1]

    @property
    def style(self) -> str:
        return self.value[2]

    @property
    def meaning(self) -> str:
        return self.value[3]

    def mark(self, plain: bool) -> str:
        return self.word if plain else self.symbol


FIFTY_FIFTY = "50:50"


def outcome(result: AnswerResult) -> Outcome:
    if result.skipped:
        return Outcome.SKIPPED
    if result.late:
        return Outcome.LATE
    return Outcome.RIGHT if result.correct else Outcome.WRONG


def timed_out(result: AnswerResult) -> bool:
    """The question ended by itself at 0, with nothing typed."""
    return result.late and not result.given


def no_points_reason(result: AnswerResult, time_limit: float | None) -> str | None:
    """Why an answer scored 0, in a few words; None when it scored."""
    from quiz.term.timefmt import format_limit, format_seconds

    if result.points.total:
        return None
    if result.skipped:
        return "skipped"
    if timed_out(result):
        return "time's up"
    if result.late:
        limit = f" of {format_limit(time_limit)}" if time_limit else ""
        return f"too late ({format_seconds(result.elapsed)}{limit})"
    return "wrong answer"


def legend(width: int) -> str:
    """What the marks mean, in as few lines of ``width`` as fit, no item split."""
    from quiz.term.screens import pack_lines

    items = [f"{o.symbol} {o.meaning}" for o in Outcome] + [f"{FIFTY_FIFTY} lifeline used"]
    return "\n".join(pack_lines(items, width, "  "))

"""Where a finished round stands, in words: the rules of the end-of-round messages.

Whether a round was recorded at all (practice), whether it is a new high score
(only a score above 0 that tops its board) and how it compares with the
player's previous best. Pure: the store supplies the rank and the best.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tone(StrEnum):
    """How a line is shown: the theme's style of the same name."""

    GOOD = "good"
    DIM = "dim"
    PLAIN = "plain"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    tone: Tone = Tone.PLAIN


PRACTICE = "Practice round: nothing was recorded."
PIPED_PRACTICE = "Practice round: piped rounds are recorded only with --name."


def practice_reason(*, practice: bool, piped: bool, name_given: bool) -> str | None:
    """Why a round is not recorded, or None when it is.

    A piped round (answers from a pipe or a file) is recorded only under a name
    someone typed with ``--name``: nothing goes on a board under a name nobody
    typed.
    """
    if practice:
        return PRACTICE
    if piped and not name_given:
        return PIPED_PRACTICE
    return None


def is_new_high_score(score: int, rank: int) -> bool:
    """A score above 0 that tops its board (0 points never make a record)."""
    return score > 0 and rank == 1


def standing_lines(score: int, rank: int, previous_best: int | None, *, in_top: bool) -> list[Line]:
    """What the player hears about a saved round; ``in_top``: the board shown includes it."""
    lines: list[Line] = []
    if is_new_high_score(score, rank):
        lines.append(Line("★ New high score on this board!", Tone.GOOD))
    if previous_best is None:
        lines.append(Line("Your first round on this board.", Tone.DIM))
    else:
        diff = score - previous_best
        verdict = "a new personal best" if diff > 0 else "your best stands"
        lines.append(Line(f"Your previous best here: {previous_best} ({diff:+d}; {verdict})."))
    if not in_top:
        lines.append(Line(f"This round ranks #{rank} on this board.", Tone.DIM))
    return lines

"""The time left on one question, read from a clock that tests can drive.

Nothing here draws or sleeps: the interactive prompt asks a
:class:`Countdown` what to show, whether to announce anything and whether
time is up, each time it wakes. A test passes a clock of its own and moves
it forward by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum

ANNOUNCE_AT = (10, 5)  # seconds left that --plain says out loud, once each
LOW_AT = 10  # seconds left from which the countdown is drawn as running low
URGENT_AT = 5  # ... and as nearly over


class Level(StrEnum):
    CALM = "calm"
    LOW = "low"
    URGENT = "urgent"


class Countdown:
    """``limit`` seconds from the moment it is made, as told by ``clock``."""

    def __init__(self, limit: float, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.clock = clock
        self.started = clock()
        # Only the marks below the limit: a 10-second question does not
        # start by announcing "10 seconds left".
        self._unsaid = [n for n in ANNOUNCE_AT if n < limit]

    def elapsed(self) -> float:
        return self.clock() - self.started

    def left(self) -> float:
        """Seconds left, never below 0."""
        return max(0.0, self.limit - self.elapsed())

    def seconds_left(self) -> int:
        """Whole seconds as shown: 4.2 s left shows as 5, so 0 means time is up."""
        return math.ceil(self.left())

    def expired(self) -> bool:
        return not self.elapsed() < self.limit

    def level(self) -> Level:
        shown = self.seconds_left()
        if shown <= URGENT_AT:
            return Level.URGENT
        if shown <= LOW_AT:
            return Level.LOW
        return Level.CALM

    def text(self) -> str:
        shown = self.seconds_left()
        return f"{shown} second{'' if shown == 1 else 's'} left"

    def short_text(self) -> str:
        """``12 s left``, padded to the limit's width so the prompt never shifts."""
        digits = len(str(math.ceil(self.limit)))
        return f"{self.seconds_left():>{digits}} s left"

    def due_announcements(self) -> list[int]:
        """The marks (10, 5) reached since the last call, each said once."""
        shown = self.seconds_left()
        due = [n for n in self._unsaid if shown <= n and shown > 0]
        self._unsaid = [n for n in self._unsaid if shown > n]
        return due[-1:]  # after a long pause, only the latest mark is worth saying

    def until_next_change(self) -> float:
        """Seconds until the shown number changes (and, at the end, until time is up)."""
        left = self.left()
        return max(0.01, left - math.ceil(left) + 1) if left > 0 else 0.01

"""A progress bar for long work, shown only where a person is watching.

:class:`LazyProgress` is called with (done, total) as work goes on. It draws
nothing for work that ends within about a second, and nothing at all unless
standard error is a terminal: never in pipes, files or ``--json`` output.
Rich is imported only once the bar is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds of work before a bar is worth showing


class LazyProgress:
    """A (done, total) callback that shows a bar on stderr after ``DELAY`` seconds."""

    def __init__(
        self,
        description: str,
        *,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        console: Any = None,
    ) -> None:
        from quiz.term.console import err

        self.description = description
        self.console = console if console is not None else err()
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self.clock = clock
        self.started = clock()
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if self.clock() - self.started < DELAY:
                return
            self._start(total)
        assert self.bar is not None
        assert self.task is not None
        self.bar.update(self.task, completed=done, total=total)

    def _start(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        from quiz.term.sanitize import clean

        self.bar = Progress(
            TextColumn(clean(self.description).replace("{", "{{").replace("}", "}}"), markup=False),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task(self.description, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

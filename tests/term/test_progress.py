"""The progress bar for long work: only on a terminal, only after about a second."""

from __future__ import annotations

import io

from rich.console import Console

from quiz.term.progress import DELAY, LazyProgress


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=80), buffer


def test_quick_work_draws_nothing() -> None:
    console, buffer = _terminal()
    clock = _Clock()
    with LazyProgress("importing a.csv", console=console, clock=clock) as progress:
        for done in range(1, 101):
            clock.now = done * (DELAY / 200)  # all of it within the delay
            progress(done, 100)
    assert progress.bar is None
    assert buffer.getvalue() == ""


def test_long_work_on_a_terminal_shows_a_bar() -> None:
    console, buffer = _terminal()
    clock = _Clock()
    with LazyProgress("importing [b]a.csv[/b]", console=console, clock=clock) as progress:
        progress(1, 100)
        assert progress.bar is None
        clock.now = DELAY + 0.1
        progress(50, 100)
        assert progress.bar is not None
        progress(100, 100)
    assert progress.bar is None  # stopped when the work ends
    shown = buffer.getvalue()
    assert "importing [b]a.csv[/b]" in shown  # the file name shown as written, not as markup
    assert "100%" in shown


def test_never_when_standard_error_is_not_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False)
    clock = _Clock()
    progress = LazyProgress("importing a.csv", console=console, clock=clock)
    assert progress.enabled is False
    clock.now = 10 * DELAY
    progress(50, 100)
    progress.close()
    assert progress.bar is None
    assert buffer.getvalue() == ""

"""A quiz process in a pseudo-terminal, with a terminal emulator reading its screen.

pexpect runs the process and waits for text; pyte replays every byte it wrote,
so a test can look at the screen as a player would see it (what is left after
cursor movement and erasing), not only at the stream of bytes.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pyte


class Terminal:
    """``quiz ARGS`` in a ``columns`` x ``lines`` pseudo-terminal."""

    def __init__(
        self,
        args: list[str],
        home: Path,
        *,
        columns: int = 100,
        lines: int = 40,
        env: dict[str, str] | None = None,
        timeout: float = 20,
    ) -> None:
        full_env = {
            **os.environ,
            "QUIZ_HOME": str(home),
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(lines),
            **(env or {}),
        }
        if env is None or "NO_COLOR" not in env:
            full_env.pop("NO_COLOR", None)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "quiz", *args],
            env=full_env,
            timeout=timeout,
            dimensions=(lines, columns),
        )
        self.screen = pyte.HistoryScreen(columns, lines, history=2000)
        self.stream = pyte.ByteStream(self.screen)
        self.seen = b""

    def expect(self, pattern: str | bytes | list[str | bytes], timeout: float = -1) -> int:
        """Wait for ``pattern`` (a regular expression, or pexpect.EOF); the index matched."""
        index: int = self.child.expect(pattern, timeout=timeout)
        self._feed(self.child.before)
        if isinstance(self.child.after, bytes):
            self._feed(self.child.after)
        return index

    def expect_screen(self, pattern: str, timeout: float = 20) -> None:
        """Wait until the screen (not the byte stream) shows ``pattern``.

        A redrawn countdown writes only the digits that change, so "1 s left"
        is on the screen without ever being in the output in one piece.
        """
        deadline = time.monotonic() + timeout
        pending, self.child.buffer = self.child.buffer, b""  # read past the last match
        self._feed(pending)
        while not re.search(pattern, squeeze(self.display()), re.MULTILINE):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{pattern!r} not on screen:\n" + "\n".join(self.display()))
            try:
                self._feed(self.child.read_nonblocking(4096, timeout=min(left, 1)))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                deadline = 0  # nothing more will come: one last look

    def wait_for_prompt(self) -> None:
        """Wait until an empty answer prompt is on screen, ready for keys."""
        self.expect_screen(r"Your answer[^\n]*:$")

    def send(self, text: str) -> None:
        self.child.send(text)

    def finish(self) -> int | None:
        """Wait for the process to end; its exit status."""
        if not self.child.flag_eof:
            self.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    def text(self) -> str:
        """Everything written, as text (escape sequences and all)."""
        return self.seen.decode("utf-8", "replace")

    def display(self) -> list[str]:
        """The screen's lines now, scrolled-off lines first, trailing spaces dropped."""
        history = [
            "".join(line[x].data for x in range(self.screen.columns)).rstrip()
            for line in self.screen.history.top
        ]
        return history + [line.rstrip() for line in self.screen.display]

    def _feed(self, data: bytes) -> None:
        self.seen += data
        self.stream.feed(data)


def squeeze(lines: list[str]) -> str:
    """The screen as one string with each run of spaces made one, for finding text."""
    return re.sub(r" +", " ", "\n".join(lines))

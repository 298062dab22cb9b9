"""Run a command in a pseudo-terminal until its output shows a pattern, then stop it.

    python benchmarks/pty_until.py PATTERN COMMAND [ARG...]

Used by run.py to time how long a program takes to show something in a
terminal (quiz's first question and its prompt). The command is killed as soon
as the pattern is seen, so only the time to get there counts. Exit status 0
when the pattern was seen, 1 when the command ended (or 30 s passed) first.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time


def main() -> int:
    pattern, argv = sys.argv[1].encode(), sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its standard input and output
        os.environ.update(TERM="xterm-256color", COLUMNS="100", LINES="40")
        os.execvp(argv[0], argv)
    seen = b""
    deadline = time.monotonic() + 30
    found = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child is gone (EIO)
            break
        if not chunk:
            break
        seen += chunk
        if pattern in seen:
            found = True
            break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if not found:
        sys.stderr.write(seen[-2000:].decode("utf-8", "replace"))
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())

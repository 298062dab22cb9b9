"""Entry point for ``quiz`` and ``python -m quiz``.

``quiz --version`` is answered here before Typer (and everything it pulls in)
is imported, so it starts as fast as Python itself.
"""

from __future__ import annotations

import os
import sys


def _interrupted_while_starting(_signum: int, _frame: object) -> None:
    # While quiz imports and builds its commands there is nothing to save or
    # tidy, and a KeyboardInterrupt raised inside the import machinery can end
    # up unhandled; so leave at once. Commands put the usual handler back.
    os.write(2, b"\ninterrupted\n")
    os._exit(130)


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from quiz import __version__

        print(f"quiz {__version__}")
        return
    import signal  # here, not above: it imports enum, a third of --version's own time

    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from quiz.cli.app import run

    run()


if __name__ == "__main__":
    main()

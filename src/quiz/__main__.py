"""Entry point for ``quiz`` and ``python -m quiz``.

``quiz --version`` is answered here before Typer (and everything it pulls in)
is imported, so it starts as fast as Python itself.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from quiz import __version__

        print(f"quiz {__version__}")
        return
    try:
        from quiz.cli.app import run
    except KeyboardInterrupt:  # Ctrl-C while Python is still importing
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()

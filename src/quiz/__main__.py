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
    code: str | int | None = 0
    try:
        try:
            _main()
        except SystemExit as exc:
            code = exc.code
        # Flushed here, so that a closed pipe or a full disk is reported by quiz,
        # not by Python on its way out (with a traceback and exit 120).
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(141)
    except OSError as exc:
        _silence_stdout()
        with _suppressed():
            os.write(2, f"error: cannot write the output: {exc.strerror or exc}\n".encode())
        sys.exit(1)
    sys.exit(code)


def _main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from quiz import __version__

        print(f"quiz {__version__}")
        return
    import signal  # here, not above: it imports enum, a third of --version's own time

    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from quiz.cli.app import run

    run()


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so what is left in its buffer cannot fail at exit."""
    with _suppressed():
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


class _suppressed:
    """``contextlib.suppress(OSError)`` without importing contextlib on the fast path."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: object, tb: object) -> bool:
        return isinstance(exc, OSError)


if __name__ == "__main__":
    main()

"""The root ``quiz`` command and the single error boundary.

Every :class:`~quiz.errors.QuizError` raised anywhere below becomes
``error: ...`` on stderr and its exit code here, and only here. Signals that
end the program (Ctrl-C, a closed terminal, ``kill``) become quiet exits with
documented codes, never a traceback or a death by signal.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from typing import Any, NoReturn, TextIO

import typer

from quiz import __version__
from quiz.cli.lazy import Lazy, LazyGroup
from quiz.errors import ExitCode, QuizError

# Every command of ``quiz``, in the order ``quiz --help`` lists them: where it
# lives (a Typer app for a group of commands, else the command's function) and
# its line in that list. A command is imported and built only when it runs.
COMMANDS: dict[str, Lazy] = {
    "play": Lazy("quiz.cli.play:play", "Play a round."),
    "stats": Lazy("quiz.cli.scores:stats", "How a player is doing: accuracy, misses, trend."),
    "daily": Lazy("quiz.cli.modes:daily", "The day's challenge: 10 questions, one try."),
    "review": Lazy("quiz.cli.modes:review", "The questions you missed come back."),
    "party": Lazy("quiz.cli.party:party", "2-8 players take turns on one terminal."),
    "packs": Lazy("quiz.cli.packs:packs_app", "List, check, install and write question packs."),
    "scores": Lazy(
        "quiz.cli.scores:scores_app",
        "The high-score tables: the best rounds of each board, best first.",
    ),
}

BUG_HINT = (
    "this is a bug in quiz; please report it with the command you ran. "
    "Run again with QUIZ_DEBUG=1 to see the full traceback."
)


class Terminated(SystemExit):
    """A signal asked the program to stop (hang-up, termination).

    A SystemExit, because asyncio (under the interactive prompt) passes only
    SystemExit and KeyboardInterrupt out of its callbacks and swallows any other
    exception a signal handler raises there, which would leave the round waiting.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code: int = code


class QuizGroup(LazyGroup):
    """The root group: its ``invoke`` wraps every command, so it is the boundary."""

    lazy_commands = COMMANDS

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        # --help and --version are answered while the command line is read, before
        # invoke: a closed pipe there is as quiet as anywhere (Click would exit 1).
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            _quiet(sys.stdout)
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None

    def invoke(self, ctx: Any) -> Any:
        _usual_interrupts()
        try:
            return super().invoke(ctx)
        except QuizError as exc:
            from quiz.term.console import print_error

            print_error(exc.message, exc.hint, exc.prefix)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _stopped("interrupted", ExitCode.INTERRUPTED)
        except EOFError:
            _stopped("input ended", ExitCode.USER_ERROR)
        except Terminated as exc:
            _stopped("stopped by a signal", exc.code)
        except BrokenPipeError:
            _quiet(sys.stdout)  # so the final flush cannot fail
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except (typer.Exit, typer.Abort, typer.TyperException, SystemExit):
            raise  # Typer's own: usage errors (exit 2) and deliberate exits
        except OSError as exc:
            if exc.errno not in _OUTPUT_FAILURES:
                _internal(exc)
            from quiz.term.console import print_error

            _quiet(sys.stdout)
            print_error(f"cannot write the output: {exc.strerror or exc}")
            raise typer.Exit(ExitCode.USER_ERROR) from None
        except Exception as exc:
            _internal(exc)


# A full disk (or quota) under the output: the user's to fix, not a bug.
_OUTPUT_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _internal(exc: Exception) -> NoReturn:
    """A bug: a short message (or the traceback with QUIZ_DEBUG=1) and exit 70."""
    if os.environ.get("QUIZ_DEBUG"):
        raise exc
    from quiz.term.console import print_error

    detail = f": {exc}" if str(exc) else ""
    print_error(f"unexpected {type(exc).__name__}{detail}", BUG_HINT)
    raise typer.Exit(ExitCode.INTERNAL) from None


def _usual_interrupts() -> None:
    """From here on Ctrl-C raises KeyboardInterrupt, which commands report."""
    with contextlib.suppress(ValueError):  # not the main thread: leave it be
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _stopped(why: str, code: int) -> NoReturn:
    from quiz.term.console import err

    try:
        err().print(f"\n{why}; nothing was recorded.", style="quiz.dim", markup=False)
    except OSError:  # the terminal is gone (its window closed): nobody is left to tell
        _quiet(sys.stdout, sys.stderr)
    raise typer.Exit(code) from None


def _quiet(*streams: TextIO) -> None:
    """Point streams at /dev/null, so that what is left in their buffers cannot fail at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for stream in streams:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


app = typer.Typer(
    cls=QuizGroup,
    name="quiz",
    help=(
        "A film trivia quiz for the terminal.\n\n"
        "Run with no command to play a round of the built-in La La Land pack.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  quiz                          play 10 questions\n"
        "  quiz play -n 5 --difficulty hard --time-limit 15\n"
        "  quiz scores                   the high-score table\n"
        "  quiz packs new my-pack.yaml   start writing a pack"
    ),
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quiz {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        help="Show the version and exit.",
        callback=_version,
        is_eager=True,
    ),
) -> None:
    """A film trivia quiz for the terminal."""
    if ctx.invoked_subcommand is None:
        # Run the play command with no arguments, so its own defaults apply.
        command = ctx.command.get_command(ctx, "play")  # type: ignore[attr-defined]
        with command.make_context("play", [], parent=ctx) as play_ctx:
            command.invoke(play_ctx)


def _on_signal(signum: int, _frame: object) -> None:
    raise Terminated(128 + signum)


def run() -> None:
    """Console-script entry: install signal handlers, then run the app."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode a character gets a '?', not a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    for name in ("SIGHUP", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, _on_signal)
    try:
        app(prog_name="quiz")
    except Terminated as exc:  # a signal outside any command
        sys.exit(exc.code)
    except BrokenPipeError:
        _quiet(sys.stdout)  # so the final flush cannot fail
        sys.exit(ExitCode.BROKEN_PIPE)

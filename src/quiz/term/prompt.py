"""The interactive prompt: prompt_toolkit, with a live countdown.

Imported only when both standard input and output are terminals, so no
other command pays for prompt_toolkit. Each question gets a fresh prompt with
an empty history, so Up never brings back the last question's answer. The
prompt's own line editing (Ctrl-U, Ctrl-W, arrows, Home/End) works on the
answer only, never on the prompt text.

The countdown is drawn beside the input, at the start of the prompt line,
and redrawn as the seconds change, coloured as time runs low. With
``--plain`` nothing is redrawn: "10 seconds left" and "5 seconds left" are
printed on their own lines above the input,
which keeps what the player has typed. At 0 the prompt ends by itself and
:class:`~quiz.term.reader.TimeUp` is raised.

The watching loop reads time only from the question's
:class:`~quiz.term.countdown.Countdown`, so a test that drives that clock
drives the time-out too.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from quiz.term.countdown import Countdown, Level
from quiz.term.reader import MAX_ANSWER, Ask, TimeUp

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output

ROOM_TO_TYPE = 12  # columns left for the answer before the countdown moves above it
TICK = 0.25  # seconds between looks at the clock; the display changes once a second
LEVEL_STYLES = {
    Level.CALM: "fg:ansicyan",
    Level.LOW: "fg:ansiyellow bold",
    Level.URGENT: "fg:ansired bold",
}
STYLE = {
    "answer-label": "fg:ansicyan",
}


class PromptReader:
    """Reads answers with prompt_toolkit; see the module docstring."""

    def __init__(
        self,
        *,
        plain: bool,
        input: Input | None = None,
        output: Output | None = None,
        tick: float = TICK,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.plain = plain
        self.input = input
        self.output = output
        self.tick = tick
        self._say = say  # tests collect announcements here instead of the terminal

    def read(self, ask: Ask) -> str:
        session = self._session()
        stopped_by: list[int] = []
        try:
            with _modes_restored_on_error(), asyncio.Runner() as runner:
                runner.get_loop().set_exception_handler(_quiet_about_exits)
                return runner.run(self._guarded(session, ask, stopped_by))[:MAX_ANSWER]
        except asyncio.CancelledError:
            if stopped_by:  # now outside asyncio, let the program's own handler act
                signal.raise_signal(stopped_by[0])
            raise
        except Exception as exc:
            if _terminal_gone(exc):
                # The window was closed under the prompt: end as the hang-up the
                # kernel sends then, whichever of the two arrived first.
                signal.raise_signal(signal.SIGHUP)
            raise

    def _session(self) -> PromptSession[str]:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory
        from prompt_toolkit.output import ColorDepth
        from prompt_toolkit.styles import Style

        return PromptSession(
            history=InMemoryHistory(),  # fresh each question: Up recalls nothing
            input=self.input,
            output=self.output or _terminal_output(),
            style=Style.from_dict(STYLE),
            color_depth=ColorDepth.DEPTH_1_BIT if self.plain else None,
            reserve_space_for_menu=0,
            enable_history_search=False,
        )

    async def _guarded(self, session: PromptSession[str], ask: Ask, stopped_by: list[int]) -> str:
        """:meth:`_read`, with hang-up and termination held until the prompt is closed.

        A Python signal handler that raises lands wherever the interpreter is,
        which inside asyncio's own machinery can leave the loop unable to
        finish. Here the signal only cancels the prompt; :meth:`read` then
        raises it again, outside asyncio, for the program's handler.
        """
        loop = asyncio.get_running_loop()
        reading = asyncio.current_task()
        assert reading is not None
        held: dict[int, Any] = {}

        def stop(signum: int) -> None:
            stopped_by.append(signum)
            reading.cancel()

        for name in ("SIGHUP", "SIGTERM"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            previous = signal.getsignal(signum)
            try:
                loop.add_signal_handler(signum, stop, signum)
            except (ValueError, RuntimeError, NotImplementedError):  # not the main thread
                continue
            held[signum] = previous
        try:
            return await self._read(session, ask)
        finally:
            for signum, previous in held.items():
                loop.remove_signal_handler(signum)
                signal.signal(signum, previous)

    async def _read(self, session: PromptSession[str], ask: Ask) -> str:
        countdown = ask.countdown
        message: Any = ask.label if self.plain else _message(ask.label, countdown)
        if countdown is None:
            return await session.prompt_async(message)
        reading = asyncio.current_task()
        assert reading is not None
        watcher = asyncio.ensure_future(self._watch(session, countdown, reading))
        try:
            return await session.prompt_async(message)
        except asyncio.CancelledError:
            if watcher.done() and watcher.result():
                raise TimeUp from None  # the dumb terminal's prompt, stopped at 0
            raise
        finally:
            watcher.cancel()

    async def _watch(
        self, session: PromptSession[str], countdown: Countdown, reading: asyncio.Task[str]
    ) -> bool:
        """Redraw, announce and, at 0, end the prompt; True once it was ended."""
        shown = countdown.seconds_left()
        while True:
            await asyncio.sleep(min(self.tick, countdown.until_next_change()))
            for seconds in countdown.due_announcements():
                if self.plain:
                    await self._announce(session, f"{seconds} seconds left")
            app = session.app
            if countdown.expired():
                if app.is_running:
                    if not app.is_done:
                        app.exit(exception=TimeUp())
                else:  # a dumb terminal's prompt is an application of its own
                    reading.cancel()
                return True
            if app.is_running and countdown.seconds_left() != shown:
                shown = countdown.seconds_left()
                app.invalidate()

    async def _announce(self, session: PromptSession[str], line: str) -> None:
        """Print ``line`` above the input; what was typed stays as it was."""
        if self._say is not None:
            self._say(line)
            return
        app = session.app
        if app.is_running:
            from prompt_toolkit.application import run_in_terminal
            from prompt_toolkit.application.current import set_app

            with set_app(app):
                await run_in_terminal(lambda: print(line, flush=True))
            return
        # A dumb terminal (TERM=dumb): prompt_toolkit only echoes what is
        # typed, so end the line, say it, and write the prompt and the text again.
        out = session.output
        out.write(f"\r\n{line}\r\n{session.message}{session.default_buffer.text}")
        out.flush()


@contextlib.contextmanager
def _modes_restored_on_error() -> Iterator[None]:
    """Put the terminal back as it was if the prompt ends by an exception.

    prompt_toolkit restores its own raw mode, except when a signal lands in
    the few instructions between switching modes and entering its cleanup.
    """
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):  # no terminal modes to keep
        yield
        return
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, saved)
        raise


def _terminal_gone(exc: Exception) -> bool:
    """Whether ``exc`` says the terminal itself went away (EIO), on read or on restore."""
    import errno

    try:
        import termios
    except ImportError:
        return False
    if isinstance(exc, OSError):
        return exc.errno == errno.EIO
    return isinstance(exc, termios.error) and bool(exc.args) and exc.args[0] == errno.EIO


def _quiet_about_exits(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Say nothing of a Ctrl-C or a signal's exit that ended the prompt.

    asyncio keeps such an exception on the task it was running as well as
    raising it, and would print that task's traceback when it is collected;
    the exception itself is reported where it is caught, once.
    """
    if isinstance(context.get("exception"), SystemExit | KeyboardInterrupt):
        return
    loop.default_exception_handler(context)


def _terminal_output() -> Output | None:
    """Standard output without cursor position requests; None for a dumb terminal.

    The prompt reserves no space below itself, so it needs no answer to "where
    is the cursor", and a terminal that never answers would otherwise get a
    warning printed after a pause. A dumb terminal is left to prompt_toolkit,
    which then only echoes what is typed.
    """
    from prompt_toolkit.output import create_output
    from prompt_toolkit.output.vt100 import Vt100_Output
    from prompt_toolkit.utils import is_dumb_terminal

    if is_dumb_terminal():
        return None
    output = create_output()
    if isinstance(output, Vt100_Output):
        output.enable_cpr = False
    return output


def _message(label: str, countdown: Countdown | None) -> Callable[[], StyleAndTextTuples]:
    """The prompt: the time left (redrawn as it changes), then the label.

    Beside the label when both fit with room to type; on a narrow terminal the
    countdown gets a line of its own, so no word of the label is split.
    """
    from prompt_toolkit.application.current import get_app_or_none

    def draw() -> StyleAndTextTuples:
        shown: StyleAndTextTuples = []
        if countdown is not None:
            clock = f"⏱ {countdown.short_text()}"
            app = get_app_or_none()
            columns = app.output.get_size().columns if app is not None else 80
            beside = len(clock) + len(" · ") + len(label) + ROOM_TO_TYPE <= columns
            shown.append((LEVEL_STYLES[countdown.level()], clock))
            shown.append(("", " · " if beside else "\n"))
        shown.append(("class:answer-label", label))
        return shown

    return draw

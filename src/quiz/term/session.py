"""The interactive round: asks each question, reads the answer, shows the result.

A :class:`Session` plays a :class:`~quiz.game.round.Round` on a console
with a reader (:mod:`quiz.term.reader`): the prompt_toolkit prompt with a live
countdown when both sides are terminals, plain lines otherwise. Other play
modes drive it a question at a time with :meth:`Session.ask` and put their
own screens between turns with :meth:`Session.show`.

Ctrl-C becomes :class:`RoundInterrupted` and the end of input
:class:`InputEnded`; both mean the round is abandoned and nothing recorded.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from quiz.errors import Interrupted, QuizError
from quiz.game.grade import check_input, chosen_option
from quiz.game.round import AnswerResult, LifelineError, Round
from quiz.packs.model import QuestionType
from quiz.term.countdown import Countdown
from quiz.term.reader import Ask, Reader, TimeUp
from quiz.term.screens import (
    answer_hint,
    intro,
    letters_on_screen,
    question_screen,
    sentence,
)
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

FIFTY_FIFTY_WORDS = frozenset({"50", "50:50", "5050", "50/50"})
SKIP_WORDS = frozenset({"skip", "/skip"})
HINT_WORDS = frozenset({"?", "hint", "/hint"})


class RoundInterrupted(Interrupted):
    """Ctrl-C during a round."""


class InputEnded(QuizError):
    """The input ended (Ctrl-D, or a script ran out of lines) before the round did."""


class Session:
    """Plays one :class:`Round` on a console; ``clock`` is injectable for tests."""

    def __init__(
        self,
        game: Round,
        console: Console,
        reader: Reader,
        title: str,
        *,
        plain: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.round = game
        self.console = console
        self.reader = reader
        self.title = title
        self.plain = plain
        self.clock = clock
        self.started = clock()

    @classmethod
    def for_terminal(cls, game: Round, title: str, *, plain: bool) -> Session:
        """A session on standard output, reading as the terminals allow."""
        import sys

        from quiz.term.console import out
        from quiz.term.reader import make_reader

        console = out()
        reader = make_reader(
            console, stdin_tty=sys.stdin.isatty(), stdout_tty=sys.stdout.isatty(), plain=plain
        )
        return cls(game, console, reader, title, plain=plain)

    def play(self) -> float:
        """Show the opening, ask every question; the round's length in seconds."""
        self.intro()
        while not self.round.finished:
            self.ask()
        return self.clock() - self.started

    def intro(self) -> None:
        from quiz.term.console import screen_width

        with self._abandon_on_interrupt():
            for part in intro(self.round, self.title, screen_width(self.console), plain=self.plain):
                self._print(part)

    def show(self, screen: RenderableType) -> None:
        """Put a screen of the caller's own between turns."""
        with self._abandon_on_interrupt():
            self._print(screen)

    def ask(self) -> AnswerResult:
        """Ask the round's current question until it is answered, skipped or timed out."""
        with self._abandon_on_interrupt():
            return self._ask_one()

    @contextmanager
    def _abandon_on_interrupt(self) -> Iterator[None]:
        try:
            yield
        except KeyboardInterrupt:
            raise RoundInterrupted(self._abandoned("Interrupted")) from None
        except EOFError:
            raise InputEnded(self._abandoned("Input ended")) from None

    def _abandoned(self, why: str) -> str:
        where = f"question {self.round.index + 1} of {self.round.total}"
        return f"{why} at {where}; the round was abandoned and nothing was recorded"

    def _print(self, screen: RenderableType) -> None:
        # With --plain the terminal wraps long lines, so a screen reader never
        # meets a line broken in the middle of a sentence.
        self.console.print(screen, soft_wrap=self.plain)

    def _say(self, message: str, style: str) -> None:
        from rich.padding import Padding
        from rich.text import Text

        line = Text(f"{sentence(message)}.", style=style)
        self._print(line if self.plain else Padding(line, (0, 0, 0, 2), expand=False))

    # -- one question ---------------------------------------------------------

    def _ask_one(self) -> AnswerResult:
        self.console.print()
        self._show_question()
        limit = self.round.time_limit
        countdown = Countdown(limit, self.clock) if limit else None
        asked_at = self.clock()
        while True:
            try:
                raw = self.reader.read(Ask(answer_hint(self.round), countdown)).strip()
            except TimeUp:
                assert limit is not None
                # After the limit by definition, however the clock rounds.
                elapsed = max(self.clock() - asked_at, math.nextafter(limit, math.inf))
                return self._show(self.round.answer("", elapsed))
            result = self._handle(raw, lambda: self.clock() - asked_at)
            if result is not None:
                return result

    def _handle(self, raw: str, elapsed: Callable[[], float]) -> AnswerResult | None:
        """The result of what was typed, or None to ask again."""
        word = raw.casefold()
        if word in HINT_WORDS:
            self._hint()
            return None
        if word in SKIP_WORDS:
            try:
                return self._show(self.round.skip(elapsed()))
            except LifelineError as exc:
                self._say(exc.message, "quiz.warn")
                return None
        if word in FIFTY_FIFTY_WORDS and self._is_choice():
            self._fifty_fifty()
            return None
        asked = self.round.current
        assert asked is not None
        if self._is_choice():
            # Recorded as the option chosen, not as the letter typed.
            raw = chosen_option(raw, self.round.options, labels=asked.options) or raw
        problem = check_input(asked.question, raw, self.round.options, labels=asked.options)
        if problem is not None and problem.startswith(("Type a letter", "Type the letter")):
            # The letters as this screen words them, which 50:50 may have thinned.
            problem = f"Type {letters_on_screen(self.round)}, or the option's text"
        if problem is not None:
            self._say(problem, "quiz.warn")
            return None
        return self._show(self.round.answer(raw, elapsed()))

    def _show_question(self) -> None:
        from quiz.term.console import screen_width

        width = screen_width(self.console)
        self._print(question_screen(self.round, width, plain=self.plain))

    def _is_choice(self) -> bool:
        asked = self.round.current
        return asked is not None and asked.question.type is QuestionType.CHOICE

    def _fifty_fifty(self) -> None:
        try:
            self.round.use_fifty_fifty()
        except LifelineError as exc:
            self._say(exc.message, "quiz.warn")
            return
        self._say("50:50: two wrong options are gone; this question now scores half", "quiz.accent")
        self._show_question()

    def _hint(self) -> None:
        asked = self.round.current
        assert asked is not None
        hint = asked.question.hint
        if not hint:
            self._say("No hint for this one", "quiz.dim")
            return
        from quiz.term.sanitize import safe_text

        line = safe_text("  Hint: ", "quiz.accent")
        line.append_text(safe_text(hint))
        self._print(line)

    def _show(self, result: AnswerResult) -> AnswerResult:
        from quiz.term.results import answer_feedback

        self._print(answer_feedback(result, self.round.time_limit, plain=self.plain))
        left = self.round.lives_left
        if left is not None and result.wrong:
            said = (
                "Out of lives: the round is over"
                if left == 0
                else f"{plural(left, 'life', 'lives')} left"
            )
            self._say(said, "quiz.warn")
        return result

"""The interactive round: asks each question, reads the answer, shows the result.

Two kinds of input, one loop. In a terminal the player types at a prompt with
line editing; otherwise (a pipe, a script) one answer is read per line and
echoed, so a transcript reads like a session. Output is plain text whenever
input is not a terminal (the console module is switched to plain mode first).

Ctrl-C becomes :class:`RoundInterrupted` and the end of input
:class:`InputEnded`; both mean the round is abandoned and nothing recorded.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.errors import Interrupted, QuizError
from quiz.game.grade import check_input
from quiz.game.round import AnswerResult, LifelineError, Round
from quiz.packs.model import QuestionType, format_number
from quiz.term.sanitize import clean_line, safe_text
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

MAX_ANSWER = 500  # characters of one answer that are kept; the rest of the line is dropped
LETTERS = "ABCDEFGH"
PROMPT_KINDS = {
    QuestionType.TRUEFALSE: "t/f",
    QuestionType.NUMBER: "a number",
    QuestionType.TEXT: "your answer",
}
PANEL_WIDTH = 88  # wide enough for any prompt line, narrow enough to read
FIFTY_FIFTY_WORDS = frozenset({"50", "50:50", "5050", "50/50"})
SKIP_WORDS = frozenset({"skip", "/skip"})
HINT_WORDS = frozenset({"?", "hint", "/hint"})


class RoundInterrupted(Interrupted):
    """Ctrl-C during a round."""


class InputEnded(QuizError):
    """The input ended (Ctrl-D, or a script ran out of lines) before the round did."""


class LineReader:
    """Reads one answer at a time from a terminal or from piped lines."""

    def __init__(self, console: Console, interactive: bool) -> None:
        self.console = console
        self.interactive = interactive
        reconfigure = getattr(sys.stdin, "reconfigure", None)
        if reconfigure is not None:
            # A stray invalid byte must be a wrong answer, not a crash.
            reconfigure(errors="replace")
        if interactive:
            with contextlib.suppress(ImportError):  # not on every platform
                import readline  # noqa: F401  (line editing for input())

    def read(self, prompt: str) -> str:
        if self.interactive:
            self.console.print(prompt, style="quiz.accent", end="", markup=False)
            line = input()
        else:
            self.console.print(prompt, end="", markup=False)
            try:
                line = self._read_piped()
            except EOFError:
                self.console.print()  # end the prompt's line before the message
                raise
            self.console.print(clean_line(line), markup=False, highlight=False)
        return line[:MAX_ANSWER]

    @staticmethod
    def _read_piped() -> str:
        line = sys.stdin.readline(MAX_ANSWER + 1)
        if not line:
            raise EOFError
        if not line.endswith("\n") and len(line) > MAX_ANSWER:
            while True:  # drop the rest of an overlong line, a chunk at a time
                rest = sys.stdin.readline(64 * 1024)
                if not rest or rest.endswith("\n"):
                    break
        return line.rstrip("\r\n")


class Session:
    """Plays one :class:`Round` on a console."""

    def __init__(
        self,
        game: Round,
        console: Console,
        reader: LineReader,
        title: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.round = game
        self.console = console
        self.reader = reader
        self.title = title
        self.clock = clock
        self.started = clock()

    def play(self) -> float:
        """Ask every question; the round's length in seconds."""
        try:
            self._intro()
            while not self.round.finished:
                self._ask_one()
        except KeyboardInterrupt:
            self.console.print()  # leave the prompt's line before the message
            raise RoundInterrupted(self._abandoned("interrupted")) from None
        except EOFError:
            raise InputEnded(self._abandoned("input ended")) from None
        return self.clock() - self.started

    def _abandoned(self, why: str) -> str:
        where = f"question {self.round.index + 1} of {self.round.total}"
        return f"{why} at {where}; the round was abandoned and nothing was recorded"

    # -- screens ------------------------------------------------------------

    def _intro(self) -> None:
        from rich.rule import Rule

        limit = self.round.time_limit
        timing = f"{format_number(limit)} seconds per question" if limit else "untimed"
        self.console.print(Rule(safe_text(self.title, "quiz.title", one_line=True)))
        self.console.print(
            f"{plural(self.round.total, 'question')} · {timing}\n"
            "Lifelines, once each: type 50 for 50:50, skip to pass. ? shows a hint.",
            style="quiz.dim",
            markup=False,
        )
        if self.round.lives is not None:
            self.console.print(
                f"Survival: {plural(self.round.lives, 'life', 'lives')}; a wrong or late"
                " answer costs one, a skip none.",
                style="quiz.accent",
                markup=False,
            )

    def _status(self) -> str:
        r = self.round
        status = f"Question {r.index + 1} of {r.total} · score {r.score} · streak {r.streak}"
        return status + ("" if r.lives is None else f" · lives {r.lives_left} of {r.lives}")

    def _question_panel(self) -> RenderableType:
        from rich import box
        from rich.console import Group
        from rich.panel import Panel
        from rich.text import Text

        asked = self.round.current
        assert asked is not None
        q = asked.question
        body: list[RenderableType] = [safe_text(q.prompt, "bold")]
        if q.type is QuestionType.CHOICE:
            for letter, option in self._labelled():
                line = Text(f"  {letter}  ", style="quiz.accent")
                line.append_text(safe_text(option, one_line=True))
                body.append(line)
        elif q.type is QuestionType.TRUEFALSE:
            body.append(Text("  True or false?", style="quiz.accent"))
        title = Text(f"{q.type} · {q.difficulty}", style="quiz.dim")
        subtitle = Text(self._status(), style="quiz.dim")
        return Panel(
            Group(*body),
            title=title,
            title_align="left",
            subtitle=subtitle,
            subtitle_align="right",
            box=box.ROUNDED,
            padding=(0, 1),
            width=min(self.console.width, PANEL_WIDTH),
        )

    def _prompt_text(self, asked_at: float) -> str:
        q = self.round.current
        assert q is not None
        if q.question.type is QuestionType.CHOICE:
            kind = self._letters()
        else:
            kind = PROMPT_KINDS[q.question.type]
        limit = self.round.time_limit
        clock = ""
        if limit:
            left = max(0.0, limit - (self.clock() - asked_at))
            clock = f" [{left:.0f} s left]"
        return f"Answer ({kind}){clock}> "

    # -- one question ---------------------------------------------------------

    def _ask_one(self) -> None:
        self.console.print()
        self.console.print(self._question_panel())
        asked_at = self.clock()
        while True:
            raw = self.reader.read(self._prompt_text(asked_at)).strip()
            word = raw.casefold()
            if word in HINT_WORDS:
                self._hint()
                continue
            if word in SKIP_WORDS:
                if self._lifeline(lambda: self._show(self.round.skip(self.clock() - asked_at))):
                    return
                continue
            if word in FIFTY_FIFTY_WORDS and self._is_choice():
                self._lifeline(self._fifty_fifty)
                continue
            asked = self.round.current
            assert asked is not None
            raw, problem = self._by_label(raw)
            problem = problem or check_input(asked.question, raw, self.round.options)
            if problem is not None:
                self.console.print(f"  {problem}.", style="quiz.warn", markup=False)
                continue
            self._show(self.round.answer(raw, self.clock() - asked_at))
            return

    def _labelled(self) -> list[tuple[str, str]]:
        """The options still shown, each with the letter it had at first.

        Letters stay put after 50:50, so a player who had picked "B" in their
        head is not tricked by the options moving up.
        """
        asked = self.round.current
        assert asked is not None
        shown = set(self.round.options)
        return [(LETTERS[i], o) for i, o in enumerate(asked.options[: len(LETTERS)]) if o in shown]

    def _letters(self) -> str:
        letters = [letter for letter, _ in self._labelled()]
        if len(letters) == len(LETTERS[: len(letters)]) and letters == list(
            LETTERS[: len(letters)]
        ):
            return f"A-{letters[-1]}"
        return "/".join(letters)

    def _by_label(self, raw: str) -> tuple[str, str | None]:
        """A choice answered by its letter or number, as the option's text."""
        if not self._is_choice() or raw in self.round.options:
            return raw, None
        asked = self.round.current
        assert asked is not None
        label = raw.rstrip(".)").strip().upper()
        if len(label) == 1 and label in LETTERS[: len(asked.options)]:
            index = LETTERS.index(label)
        elif label.isdigit() and 1 <= int(label) <= len(asked.options):
            index = int(label) - 1
        else:
            return raw, None
        option = asked.options[index]
        if option not in self.round.options:
            return raw, f"{label} was removed by 50:50; choose {self._letters()}"
        return option, None

    def _is_choice(self) -> bool:
        asked = self.round.current
        return asked is not None and asked.question.type is QuestionType.CHOICE

    def _lifeline(self, use: Callable[[], object]) -> bool:
        try:
            use()
        except LifelineError as exc:
            self.console.print(f"  {exc.message}.", style="quiz.warn", markup=False)
            return False
        return True

    def _fifty_fifty(self) -> None:
        self.round.use_fifty_fifty()
        self.console.print(
            "  50:50: two wrong options are gone; this question now scores half.",
            style="quiz.accent",
            markup=False,
        )
        self.console.print(self._question_panel())

    def _hint(self) -> None:
        asked = self.round.current
        assert asked is not None
        hint = asked.question.hint
        if hint:
            line = safe_text("  Hint: ", "quiz.accent")
            line.append_text(safe_text(hint))
            self.console.print(line)
        else:
            self.console.print("  No hint for this one.", style="quiz.dim", markup=False)

    def _show(self, result: AnswerResult) -> None:
        from quiz.term.results import answer_feedback

        self.console.print(answer_feedback(result, self.round.time_limit))
        left = self.round.lives_left
        if left is not None and result.wrong:
            said = (
                "Out of lives: the round is over."
                if left == 0
                else f"{plural(left, 'life', 'lives')} left."
            )
            self.console.print(f"  {said}", style="quiz.warn", markup=False)

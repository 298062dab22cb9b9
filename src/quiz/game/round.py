"""A round in progress: the questions, the answers so far, the score, the lifelines.

The terminal session drives a :class:`Round` one question at a time: show
``current`` with ``options``, perhaps call :meth:`Round.use_fifty_fifty`,
then :meth:`Round.answer` (after :func:`~quiz.game.grade.check_input` has
accepted the text) or :meth:`Round.skip`. Each lifeline can be used once per
round. The round never reads the clock: the session measures how long the
player took and passes it in.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.errors import QuizError
from quiz.game.grade import Grade, grade_answer
from quiz.game.scoring import (
    NO_POINTS,
    Points,
    is_late,
    is_timed,
    score_answer,
    scored_elapsed,
)
from quiz.game.select import AskedQuestion
from quiz.packs.model import QuestionType


class RoundError(QuizError):
    """A round used out of turn, such as answering after the last question."""


class LifelineError(RoundError):
    """A lifeline that cannot be used now; the message says why."""


@dataclass(frozen=True, slots=True)
class AnswerResult:
    asked: AskedQuestion
    given: str  # as the player typed it, stripped; "" when skipped
    grade: Grade | None  # None when skipped
    points: Points
    elapsed: float
    late: bool  # answered after the time limit: no points, counts as wrong
    skipped: bool
    fifty_fifty: bool  # 50:50 was used on this question
    streak: int  # correct answers in a row after this one

    @property
    def correct(self) -> bool:
        return self.grade is not None and self.grade.correct and not self.late

    @property
    def wrong(self) -> bool:
        """Answered and not right: a wrong or late answer, or a time-out (never a skip)."""
        return not self.skipped and not self.correct

    @property
    def pack_id(self) -> str:
        return self.asked.pack_id

    @property
    def question_id(self) -> str:
        return self.asked.question.id

    @property
    def tags(self) -> tuple[str, ...]:
        return self.asked.question.tags

    @property
    def close(self) -> bool:
        """Accepted as a close misspelling: the session shows the official spelling."""
        return self.correct and self.grade is not None and self.grade.close


@dataclass(frozen=True, slots=True)
class RoundSummary:
    score: int
    total: int  # questions in the round
    answered: int  # not skipped
    correct: int
    skipped: int
    late: int
    best_streak: int
    accuracy: float  # correct / answered; 0.0 when nothing was answered


class Round:
    """One round's state; see the module docstring for how it is driven."""

    def __init__(
        self,
        asked: Sequence[AskedQuestion],
        time_limit: float | None,
        *,
        seed: int = 0,
        lives: int | None = None,
        piped: bool = False,
    ) -> None:
        """``lives``: survival, the round ends after that many wrong answers.

        ``piped``: the answers come from a pipe, not a person at a terminal, so
        every one scores as if given at the time limit (no speed advantage).
        """
        if lives is not None and lives < 1:
            raise RoundError(f"a survival round needs at least one life, not {lives}")
        self._asked = tuple(asked)
        self._time_limit = time_limit if is_timed(time_limit) else None
        self._seed = seed
        self._lives = lives
        self._piped = piped
        self._results: list[AnswerResult] = []
        self._streak = 0
        self._best_streak = 0
        self._fifty_fifty_used = False
        self._skip_used = False
        self._halved = False  # 50:50 used on the current question
        self._shown: tuple[str, ...] = self._asked[0].options if self._asked else ()

    # -- where the round is ------------------------------------------------

    @property
    def current(self) -> AskedQuestion | None:
        """The question being asked; None once the round is over."""
        return None if self.finished else self._asked[self.index]

    @property
    def asked(self) -> tuple[AskedQuestion, ...]:
        """Every question of the round, in the order they are asked."""
        return self._asked

    @property
    def options(self) -> tuple[str, ...]:
        """The current question's options as shown now (after 50:50, the ones left)."""
        return self._shown

    @property
    def index(self) -> int:
        """0-based position of the current question (``total`` once over)."""
        return len(self._results)

    @property
    def total(self) -> int:
        return len(self._asked)

    @property
    def finished(self) -> bool:
        return self.index >= self.total or self.lives_left == 0

    @property
    def lives(self) -> int | None:
        """The lives a survival round started with; None for any other round."""
        return self._lives

    @property
    def lives_left(self) -> int | None:
        """Wrong answers still allowed before a survival round ends; None if not survival."""
        if self._lives is None:
            return None
        return max(0, self._lives - sum(r.wrong for r in self._results))

    @property
    def piped(self) -> bool:
        """Whether the answers came from a pipe (see :meth:`__init__`)."""
        return self._piped

    @property
    def time_limit(self) -> float | None:
        """Seconds per question; None when untimed (a limit of 0 means untimed)."""
        return self._time_limit

    @property
    def seed(self) -> int:
        return self._seed

    # -- how it is going ---------------------------------------------------

    @property
    def score(self) -> int:
        return sum(r.points.total for r in self._results)

    @property
    def streak(self) -> int:
        return self._streak

    @property
    def best_streak(self) -> int:
        return self._best_streak

    @property
    def correct_count(self) -> int:
        return sum(r.correct for r in self._results)

    @property
    def answered_count(self) -> int:
        """Questions answered so far, not counting skips."""
        return sum(not r.skipped for r in self._results)

    @property
    def accuracy(self) -> float:
        """Correct answers out of those answered; skips count neither way.

        A skip is a lifeline the player spent, not a wrong answer, so it
        neither raises nor lowers accuracy. 0.0 when nothing was answered.
        """
        answered = self.answered_count
        return self.correct_count / answered if answered else 0.0

    @property
    def results(self) -> list[AnswerResult]:
        return list(self._results)

    def summary(self) -> RoundSummary:
        # A survival round counts the questions it reached, not the ones drawn.
        return RoundSummary(
            score=self.score,
            total=self.total if self._lives is None else self.index,
            answered=self.answered_count,
            correct=self.correct_count,
            skipped=sum(r.skipped for r in self._results),
            late=sum(r.late for r in self._results),
            best_streak=self._best_streak,
            accuracy=self.accuracy,
        )

    # -- lifelines ---------------------------------------------------------

    @property
    def fifty_fifty_available(self) -> bool:
        """Whether 50:50 can be used on the current question now."""
        return self._fifty_fifty_problem() is None

    @property
    def fifty_fifty_used(self) -> bool:
        return self._fifty_fifty_used

    @property
    def skip_available(self) -> bool:
        return not self._skip_used and not self.finished

    @property
    def skip_used(self) -> bool:
        return self._skip_used

    def use_fifty_fifty(self) -> tuple[str, ...]:
        """Remove two wrong options (one if only two are shown); the options left.

        Which ones go is fixed by the round's seed and the question's
        position, so a replayed round removes the same ones. The question's
        points are halved. Raises :class:`LifelineError` when not available.
        """
        problem = self._fifty_fifty_problem()
        if problem is not None:
            raise LifelineError(problem)
        asked = self._asked[self.index]
        wrong = [i for i, o in enumerate(self._shown) if o != asked.question.answer_text]
        # Always leave at least one wrong option, or the answer is given away.
        removed = set(self._rng().sample(wrong, min(2, len(wrong) - 1)))
        self._shown = tuple(o for i, o in enumerate(self._shown) if i not in removed)
        self._fifty_fifty_used = True
        self._halved = True
        return self._shown

    def skip(self, elapsed: float = 0.0) -> AnswerResult:
        """Pass on the current question: no points, the streak kept. Once per round."""
        asked = self._require_current(LifelineError)
        if self._skip_used:
            raise LifelineError("you already used your skip this round")
        self._skip_used = True
        result = AnswerResult(
            asked=asked,
            given="",
            grade=None,
            points=NO_POINTS,
            elapsed=elapsed,
            late=False,
            skipped=True,
            fifty_fifty=self._halved,
            streak=self._streak,
        )
        return self._record(result)

    # -- answering ---------------------------------------------------------

    def answer(self, raw: str, elapsed: float) -> AnswerResult:
        """Grade ``raw`` against the options shown, score it and move on.

        ``elapsed`` is the seconds the player took. Text that
        :func:`~quiz.game.grade.check_input` would refuse grades as wrong, so
        the session should check it first and ask again.
        """
        asked = self._require_current(RoundError)
        grade = grade_answer(asked.question, raw, self._shown, labels=asked.options)
        late = is_late(elapsed, self._time_limit)
        points = score_answer(
            asked.question.difficulty,
            grade.correct,
            scored_elapsed(elapsed, self._time_limit, piped=self._piped),
            self._time_limit,
            self._streak,
            self._halved,
        )
        if grade.correct and not late:
            self._streak += 1
            self._best_streak = max(self._best_streak, self._streak)
        else:
            self._streak = 0
        result = AnswerResult(
            asked=asked,
            given=raw.strip(),
            grade=grade,
            points=points,
            elapsed=elapsed,
            late=late,
            skipped=False,
            fifty_fifty=self._halved,
            streak=self._streak,
        )
        return self._record(result)

    # -- inside ------------------------------------------------------------

    def _fifty_fifty_problem(self) -> str | None:
        """Why 50:50 cannot be used now, or None if it can."""
        if self.finished:
            return "the round is over"
        if self._fifty_fifty_used:
            return "you already used 50:50 this round"
        if self._asked[self.index].question.type is not QuestionType.CHOICE:
            return "50:50 is only for choice questions"
        if len(self._shown) < 3:
            return "50:50 needs a question with at least three options"
        return None

    def _require_current(self, error: type[RoundError]) -> AskedQuestion:
        asked = self.current
        if asked is None:
            raise error("the round is over")
        return asked

    def _rng(self) -> random.Random:
        # Seeded per question (a string seed is hashed the same way on every
        # run), so what 50:50 removes does not depend on earlier questions.
        return random.Random(f"{self._seed}:{self.index}")

    def _record(self, result: AnswerResult) -> AnswerResult:
        self._results.append(result)
        nxt = self.current
        self._shown = nxt.options if nxt is not None else ()
        self._halved = False
        return result

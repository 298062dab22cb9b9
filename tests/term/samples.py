"""Small rounds of questions written for the terminal tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.game.round import Round
from quiz.game.select import AskedQuestion
from quiz.packs.model import Difficulty, Question, QuestionType

if TYPE_CHECKING:
    from rich.console import Console

DANCE = Question(
    id="dance",
    type=QuestionType.CHOICE,
    prompt="Which dance do the two lovers share in the park?",
    answer="A waltz",
    wrong=("A foxtrot", "A tap routine", "A tango"),
    difficulty=Difficulty.EASY,
    explanation="They waltz as the sun goes down.",
)
PARK = Question(
    id="park",
    type=QuestionType.TEXT,
    prompt="In which Los Angeles park was the waltz filmed?",
    answer="Griffith Park",
    hint="It has an observatory.",
)
AGE = Question(id="age", type=QuestionType.NUMBER, prompt="How old was the director?", answer=30)
MUSICIAN = Question(
    id="musician",
    type=QuestionType.TRUEFALSE,
    prompt="The hero plays jazz piano.",
    answer=True,
    difficulty=Difficulty.HARD,
)
LONG = Question(
    id="long",
    type=QuestionType.CHOICE,
    prompt="Which of these long descriptions matches what the article says about the film?",
    answer="An original musical set in present-day Los Angeles with old-fashioned song and dance",
    wrong=(
        "A remake of a 1950s studio musical shot entirely on soundstages in Burbank",
        "A documentary about jazz clubs closing across the city over one long summer",
        "A crime thriller about a pianist who owes money to the wrong people",
    ),
)


def asked(question: Question) -> AskedQuestion:
    if question.type is QuestionType.CHOICE:
        # The answer third, as a shuffle might have put it.
        wrong = question.wrong
        options = (*wrong[:2], question.answer_text, *wrong[2:])
    elif question.type is QuestionType.TRUEFALSE:
        options = ("True", "False")
    else:
        options = ()
    return AskedQuestion(pack_id="sample", question=question, options=options)


def sample_round(*questions: Question, time_limit: float | None = 20) -> Round:
    return Round([asked(q) for q in questions], time_limit, seed=1)


def recording_console(width: int = 80, **options: object) -> Console:
    """A console that keeps what it prints, with quiz's theme, writing nowhere else."""
    import io

    from rich.console import Console
    from rich.theme import Theme

    from quiz.term.console import THEME

    return Console(
        width=width,
        record=True,
        theme=Theme(THEME),
        file=io.StringIO(),
        **options,  # type: ignore[arg-type]
    )

"""Questions for the grading tests, built the way a pack would build them."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.packs.model import Answer, Question, QuestionType

DIRECTOR_OPTIONS = ("Tom Cross", "Damien Chazelle", "Thom Andersen", "J.K. Simmons")
TF_OPTIONS = ("True", "False")


def question(
    kind: QuestionType,
    answer: Answer,
    *,
    wrong: Sequence[str] = (),
    accept: Sequence[str] = (),
    tolerance: float = 0,
) -> Question:
    return Question(
        id="q",
        type=kind,
        prompt="?",
        answer=answer,
        wrong=tuple(wrong),
        accept=tuple(accept),
        tolerance=tolerance,
    )


def text(answer: str, *accept: str) -> Question:
    return question(QuestionType.TEXT, answer, accept=accept)


def number(answer: float, tolerance: float = 0) -> Question:
    return question(QuestionType.NUMBER, answer, tolerance=tolerance)


def choice(answer: str, *wrong: str) -> Question:
    return question(QuestionType.CHOICE, answer, wrong=wrong)


def truefalse(answer: bool) -> Question:
    return question(QuestionType.TRUEFALSE, answer)


DIRECTOR = choice("Damien Chazelle", "Tom Cross", "Thom Andersen", "J.K. Simmons")
MUSICIAN = truefalse(True)

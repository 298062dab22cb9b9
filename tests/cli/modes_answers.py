"""Answers for piped rounds in the CLI tests: right, wrong or skip, given the question."""

from __future__ import annotations

import re

from quiz.game.select import AskedQuestion
from quiz.packs.model import QuestionType

LETTERS = "ABCDEFGH"


def right_answer(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type is QuestionType.CHOICE:
        return LETTERS[asked.options.index(q.answer_text)]
    return q.answer_text


def wrong_answer(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type is QuestionType.CHOICE:
        return next(LETTERS[i] for i, o in enumerate(asked.options) if o != q.answer_text)
    if q.type is QuestionType.TRUEFALSE:
        return "false" if q.answer is True else "true"
    if q.type is QuestionType.NUMBER:
        return str(float(q.answer) + 1000)  # type: ignore[arg-type]
    return "zzzz qqqq"


def answers(asked: list[AskedQuestion], pattern: str) -> list[str]:
    """``pattern`` has one letter a question: r right, w wrong, s skip."""
    pick = {"r": right_answer, "w": wrong_answer, "s": lambda _: "skip"}
    return [pick[p](a) for a, p in zip(asked, pattern, strict=True)]


def asked_prompts(output: str) -> list[str]:
    """The first line of each question's prompt, in the order the output shows them."""
    lines = output.splitlines()
    return [
        re.sub(r"^│\s*|\s*│$", "", lines[i + 1])
        for i, line in enumerate(lines[:-1])
        if line.startswith("╭─")
    ]


def feed(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def wrong_text(asked: AskedQuestion) -> str:
    """A wrong answer that does not depend on the order of the options."""
    q = asked.question
    return q.wrong[0] if q.type is QuestionType.CHOICE else wrong_answer(asked)

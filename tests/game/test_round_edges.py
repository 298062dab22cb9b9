"""The edges of the round's rules: exact messages, defaults, and whole results."""

from __future__ import annotations

import math
import re

import pytest

from quiz.game.board import board_key, describe_board
from quiz.game.round import AnswerResult, LifelineError, Round, RoundError
from quiz.game.scoring import NO_POINTS, is_timed, score_answer, speed_factor
from quiz.game.select import AskedQuestion, NoQuestionsError, select_questions
from quiz.packs.model import Difficulty, Pack, Question, QuestionType


def asked(qid: str, kind: QuestionType = QuestionType.CHOICE, wrong: int = 3) -> AskedQuestion:
    wrongs = tuple(f"Wrong {i}" for i in range(wrong)) if kind is QuestionType.CHOICE else ()
    answer: str | bool = True if kind is QuestionType.TRUEFALSE else "Right"
    question = Question(id=qid, type=kind, prompt="?", answer=answer, wrong=wrongs)
    options = ("Right", *wrongs) if kind is QuestionType.CHOICE else ()
    return AskedQuestion("pack", question, options)


def test_a_round_is_seeded_with_0_unless_told() -> None:
    assert Round([asked("a")], None).seed == 0


def test_lifelines_start_unused() -> None:
    r = Round([asked("a")], None)
    assert r.fifty_fifty_used is False
    assert r.skip_used is False


def test_a_skip_is_recorded_whole() -> None:
    first = asked("a")
    r = Round([first, asked("b")], None)
    assert r.skip() == AnswerResult(
        asked=first,
        given="",
        grade=None,
        points=NO_POINTS,
        elapsed=0.0,
        late=False,
        skipped=True,
        fifty_fifty=False,
        streak=0,
    )
    assert r.skip_used is True


def test_an_answer_is_recorded_whole() -> None:
    first = asked("a")
    r = Round([first, asked("b"), asked("c")], None)
    result = r.answer("Right", 2.5)
    assert result.asked is first
    assert result.elapsed == 2.5
    assert result.fifty_fifty is False
    r.use_fifty_fifty()
    assert r.answer("Right", 1.0).fifty_fifty is True
    assert r.skip().fifty_fifty is False  # halving ends with its question


@pytest.mark.parametrize(
    ("questions", "before", "message"),
    [
        ([asked("a", QuestionType.TEXT)], 0, "50:50 is only for choice questions"),
        ([asked("a", wrong=1)], 0, "50:50 needs a question with at least three options"),
        ([asked("a")], 1, "the round is over"),
    ],
)
def test_why_fifty_fifty_cannot_be_used(
    questions: list[AskedQuestion], before: int, message: str
) -> None:
    r = Round(questions, None)
    for _ in range(before):
        r.answer("x", 1.0)
    with pytest.raises(LifelineError, match=f"^{re.escape(message)}$"):
        r.use_fifty_fifty()


def test_each_lifeline_once_says_so() -> None:
    r = Round([asked("a"), asked("b")], None)
    r.use_fifty_fifty()
    r.skip()
    with pytest.raises(LifelineError, match=r"^you already used 50:50 this round$"):
        r.use_fifty_fifty()
    with pytest.raises(LifelineError, match=r"^you already used your skip this round$"):
        r.skip()
    r.answer("x", 1.0)
    with pytest.raises(RoundError, match=r"^the round is over$"):
        r.answer("x", 1.0)


def test_timing_edges() -> None:
    assert is_timed(0.5)
    assert not is_timed(0)
    assert speed_factor(math.nan, 10) == 0.5


def test_halved_points_stay_whole_numbers() -> None:
    for difficulty in Difficulty:
        points = score_answer(difficulty, True, 1.0, None, 0, fifty_fifty=True)
        assert type(points.base) is int


def pack(*questions: Question) -> Pack:
    return Pack(id="p", title="P", questions=questions)


def test_what_is_said_when_nothing_can_be_chosen() -> None:
    with pytest.raises(NoQuestionsError, match=r"^the selected packs have no questions$"):
        select_questions([pack()], count=1, seed=1)
    untagged = Question(id="a", type=QuestionType.TEXT, prompt="?", answer="A")
    with pytest.raises(NoQuestionsError, match=r"the packs have tags: none$"):
        select_questions([pack(untagged)], count=1, tags=["dance"], seed=1)


@pytest.mark.parametrize(("count", "more"), [(12, ""), (13, " and 1 more"), (14, " and 2 more")])
def test_a_long_list_of_tags_is_cut_short(count: int, more: str) -> None:
    tags = tuple(f"t{i:02}" for i in range(count))
    tagged = Question(id="a", type=QuestionType.TEXT, prompt="?", answer="A", tags=tags)
    listed = ", ".join(tags[:12])
    with pytest.raises(NoQuestionsError, match=f"tags: {re.escape(listed + more)}$"):
        select_questions([pack(tagged)], count=1, tags=["dance"], seed=1)


def test_one_tag_is_described_as_a_tag() -> None:
    one = describe_board(board_key(["p"], 5, None, tags=["dance"]))
    two = describe_board(board_key(["p"], 5, None, tags=["dance", "jazz"]))
    assert one == "p · 5 questions · untimed · tag dance"
    assert two == "p · 5 questions · untimed · tags dance, jazz"

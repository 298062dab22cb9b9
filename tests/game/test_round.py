"""The round's state machine, driven the way the terminal session drives it."""

from __future__ import annotations

import pytest

from quiz.errors import QuizError
from quiz.game.grade import Grade
from quiz.game.round import AnswerResult, LifelineError, Round, RoundError, RoundSummary
from quiz.game.scoring import Points
from quiz.game.select import AskedQuestion
from quiz.packs.model import Difficulty, Question, QuestionType

EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


def choice(qid: str, difficulty: Difficulty = MEDIUM, wrong: int = 3) -> AskedQuestion:
    wrongs = tuple(f"Wrong {qid} {i}" for i in range(1, wrong + 1))
    question = Question(
        id=qid,
        type=QuestionType.CHOICE,
        prompt=f"{qid}?",
        answer=f"Right {qid}",
        wrong=wrongs,
        difficulty=difficulty,
    )
    return AskedQuestion("pack", question, (wrongs[0], f"Right {qid}", *wrongs[1:]))


def text(qid: str, answer: str, difficulty: Difficulty = MEDIUM) -> AskedQuestion:
    question = Question(
        id=qid, type=QuestionType.TEXT, prompt=f"{qid}?", answer=answer, difficulty=difficulty
    )
    return AskedQuestion("pack", question, ())


def truefalse(qid: str, answer: bool = True) -> AskedQuestion:
    question = Question(
        id=qid, type=QuestionType.TRUEFALSE, prompt=f"{qid}?", answer=answer, difficulty=EASY
    )
    return AskedQuestion("pack", question, ("True", "False"))


def untimed(*asked: AskedQuestion, seed: int = 0) -> Round:
    return Round(asked, None, seed=seed)


def test_a_fresh_round() -> None:
    asked = [choice("a"), text("b", "Whiplash")]
    r = Round(asked, None)
    assert r.current is asked[0]
    assert r.options == asked[0].options
    assert (r.index, r.total, r.score, r.streak, r.best_streak) == (0, 2, 0, 0, 0)
    assert not r.finished
    assert r.correct_count == 0
    assert r.fifty_fifty_available
    assert r.skip_available
    assert r.results == []
    assert r.accuracy == 0.0


def test_answering_advances_and_scores() -> None:
    r = untimed(choice("a", EASY), text("b", "Whiplash", HARD))
    first = r.answer("b", 3.0)
    assert first.correct
    assert first.grade is not None
    assert first.grade.given == "Right a"
    assert first.points == Points(100, 0, 0)
    assert first.streak == 1
    assert r.index == 1
    assert r.current is not None
    assert r.current.question.id == "b"
    assert r.options == ()
    second = r.answer("whiplash", 3.0)
    assert second.points == Points(300, 0, 30)
    assert r.finished
    assert r.current is None
    assert r.score == 430
    assert r.correct_count == 2
    assert r.results == [first, second]


def test_an_empty_round_is_over_at_once() -> None:
    r = untimed()
    assert r.finished
    assert r.current is None
    assert not r.skip_available
    assert not r.fifty_fifty_available


def test_answering_after_the_end_is_an_error() -> None:
    r = untimed(text("a", "x"))
    r.answer("x", 1.0)
    with pytest.raises(RoundError, match="the round is over"):
        r.answer("x", 1.0)
    with pytest.raises(LifelineError, match="the round is over"):
        r.skip()
    with pytest.raises(LifelineError, match="the round is over"):
        r.use_fifty_fifty()


def test_streak_grows_resets_and_is_remembered() -> None:
    r = untimed(*(text(str(i), "Whiplash") for i in range(6)))
    for raw in ("whiplash", "whiplash", "whiplash", "nope", "whiplash", "whiplash"):
        r.answer(raw, 1.0)
    assert [res.streak for res in r.results] == [1, 2, 3, 0, 1, 2]
    assert [res.points.streak for res in r.results] == [0, 20, 40, 0, 0, 20]
    assert r.streak == 2
    assert r.best_streak == 3
    assert r.correct_count == 5


def test_wrong_answers_score_nothing() -> None:
    r = untimed(choice("a"))
    result = r.answer("a", 1.0)
    assert not result.correct
    assert result.points.total == 0
    assert result.grade is not None
    assert result.grade.given == "Wrong a 1"


def test_timed_round_speed_and_late_answers() -> None:
    r = Round([text(str(i), "Whiplash", HARD) for i in range(4)], 20.0)
    assert r.time_limit == 20.0
    quick = r.answer("whiplash", 5.0)
    assert quick.points == Points(300, -37, 0)
    assert not quick.late
    at_limit = r.answer("whiplash", 20.0)
    assert at_limit.points == Points(300, -150, 15)
    late = r.answer("whiplash", 20.5)
    assert late.late
    assert not late.correct
    assert late.grade is not None
    assert late.grade.correct  # right, but too late
    assert late.points.total == 0
    assert late.streak == 0
    assert r.streak == 0
    after = r.answer("whiplash", 0.0)
    assert after.points == Points(300, 0, 0)
    assert r.best_streak == 2


@pytest.mark.parametrize("limit", [None, 0, 0.0])
def test_no_limit_is_untimed(limit: float | None) -> None:
    r = Round([text("a", "x")], limit)
    assert r.time_limit is None
    result = r.answer("x", 1_000_000.0)
    assert not result.late
    assert result.points.total == 200


def test_skip_once_per_round_keeps_the_streak() -> None:
    r = untimed(text("a", "x"), text("b", "y"), text("c", "z"), text("d", "w"))
    r.answer("x", 1.0)
    skipped = r.skip()
    assert skipped.skipped
    assert skipped.grade is None
    assert not skipped.correct
    assert skipped.points.total == 0
    assert skipped.streak == 1
    assert r.streak == 1
    assert not r.skip_available
    assert r.skip_used
    assert r.index == 2
    with pytest.raises(LifelineError, match="you already used your skip this round"):
        r.skip()
    assert r.index == 2
    third = r.answer("z", 1.0)
    assert third.streak == 2
    assert third.points.streak == 20


def test_fifty_fifty_removes_two_wrong_options_and_halves_points() -> None:
    r = untimed(choice("a", HARD), seed=5)
    before = r.options
    left = r.use_fifty_fifty()
    assert len(left) == 2
    assert "Right a" in left
    assert r.options == left
    assert [o for o in before if o in left] == list(left)  # shown order kept
    assert not r.fifty_fifty_available
    assert r.fifty_fifty_used
    # Letters stay where they were: the answer keeps its letter, and the
    # letter of a removed option names nothing.
    letter = "abcdef"[before.index("Right a")]
    result = r.answer(letter, 1.0)
    assert result.correct
    assert result.fifty_fifty
    assert result.points == Points(150, 0, 0)


def test_after_fifty_fifty_the_letter_of_a_removed_option_is_wrong() -> None:
    r = untimed(choice("a", HARD), seed=5)
    before = r.options
    left = r.use_fifty_fifty()
    gone = "abcdef"[next(i for i, o in enumerate(before) if o not in left)]
    result = r.answer(gone, 1.0)
    assert not result.correct
    assert result.grade is not None
    assert result.grade.given == gone


@pytest.mark.parametrize(("wrong", "left"), [(2, 2), (3, 2), (4, 3), (5, 4)])
def test_fifty_fifty_always_leaves_a_wrong_option(wrong: int, left: int) -> None:
    r = untimed(choice("a", wrong=wrong))
    options = r.use_fifty_fifty()
    assert len(options) == left
    assert "Right a" in options
    assert len(set(options)) == left


def test_fifty_fifty_is_reproducible_from_the_seed() -> None:
    def removed(seed: int) -> tuple[str, ...]:
        r = untimed(text("x", "x"), choice("a", wrong=5), seed=seed)
        r.answer("x", 1.0)
        return r.use_fifty_fifty()

    assert removed(42) == removed(42)
    assert len({removed(s) for s in range(30)}) > 1


def test_fifty_fifty_once_per_round() -> None:
    r = untimed(choice("a"), choice("b"))
    r.use_fifty_fifty()
    with pytest.raises(LifelineError, match="you already used 50:50 this round"):
        r.use_fifty_fifty()
    r.answer("x y z", 1.0)
    assert not r.fifty_fifty_available
    assert len(r.options) == 4
    with pytest.raises(LifelineError, match="you already used 50:50 this round"):
        r.use_fifty_fifty()


@pytest.mark.parametrize("asked", [text("a", "x"), truefalse("a")])
def test_fifty_fifty_only_for_choice_questions(asked: AskedQuestion) -> None:
    r = untimed(asked)
    assert not r.fifty_fifty_available
    with pytest.raises(LifelineError, match="50:50 is only for choice questions"):
        r.use_fifty_fifty()
    assert not r.fifty_fifty_used


def test_fifty_fifty_needs_three_options() -> None:
    r = untimed(choice("a", wrong=1))
    assert not r.fifty_fifty_available
    with pytest.raises(LifelineError, match="at least three options"):
        r.use_fifty_fifty()


def test_halving_applies_only_to_the_question_it_was_used_on() -> None:
    r = untimed(choice("a", EASY), choice("b", EASY))
    r.use_fifty_fifty()
    first = r.answer("Right a", 1.0)
    second = r.answer("Right b", 1.0)
    assert first.points == Points(50, 0, 0)
    assert second.points == Points(100, 0, 10)
    assert not second.fifty_fifty


def test_fifty_fifty_then_skip() -> None:
    r = untimed(choice("a"), choice("b"))
    r.use_fifty_fifty()
    skipped = r.skip()
    assert skipped.fifty_fifty
    assert len(r.options) == 4  # the next question shows all its options


def test_the_answer_is_graded_against_the_options_left() -> None:
    r = untimed(choice("a"), choice("b"), seed=3)
    left = r.use_fifty_fifty()
    assert len(left) == 2
    # A letter beyond the options left does not pick a removed one.
    assert r.answer("d", 1.0).grade == Grade(correct=False, close=False, given="d")
    # Without 50:50, "b" is the answer's letter (see choice()).
    assert r.answer("b", 1.0).correct


def test_truefalse_by_letter() -> None:
    r = untimed(truefalse("a", True), truefalse("b", False))
    assert r.answer("A", 1.0).correct
    assert r.answer("b", 1.0).correct


def test_accuracy_counts_answered_questions_not_skips() -> None:
    r = untimed(text("a", "x"), text("b", "y"), text("c", "z"), text("d", "w"))
    r.answer("x", 1.0)
    r.skip()
    r.answer("nope", 1.0)
    assert r.accuracy == 0.5
    r.answer("w", 1.0)
    assert r.accuracy == pytest.approx(2 / 3)


def test_summary() -> None:
    r = Round([text(str(i), "Whiplash", EASY) for i in range(5)], 10.0)
    r.answer("whiplash", 0.0)
    r.answer("whiplash", 0.0)
    r.skip()
    r.answer("whiplash", 11.0)
    r.answer("whiplsh", 0.0)
    assert r.finished
    summary = r.summary()
    assert summary == RoundSummary(
        score=100 + 110 + 0 + 100,
        total=5,
        answered=4,
        correct=3,
        skipped=1,
        late=1,
        best_streak=2,
        accuracy=0.75,
    )
    assert r.results[-1].close
    assert r.results[-1].given == "whiplsh"


def test_results_are_a_copy() -> None:
    r = untimed(text("a", "x"))
    r.results.append(r.skip())
    assert len(r.results) == 1


def test_errors_are_quiz_errors() -> None:
    assert issubclass(LifelineError, QuizError)
    assert issubclass(RoundError, QuizError)


def test_answer_result_correct_property() -> None:
    asked = text("a", "x")
    result = AnswerResult(
        asked=asked,
        given="x",
        grade=None,
        points=Points(0, 0, 0),
        elapsed=0.0,
        late=False,
        skipped=True,
        fifty_fifty=False,
        streak=0,
    )
    assert not result.correct
    assert not result.close


# -- piped answers and survival ----------------------------------------------------


def test_a_piped_answer_scores_as_if_given_at_the_limit() -> None:
    typed = Round([choice("a", HARD)], 20)
    scripted = Round([choice("a", HARD)], 20, piped=True)
    fast = typed.answer("Right a", 0.0)
    instant = scripted.answer("Right a", 0.0)
    assert fast.points == Points(base=300, speed=0, streak=0)
    assert instant.points == Points(base=300, speed=-150, streak=0)
    assert instant.elapsed == 0.0  # the real time is still what is recorded
    assert scripted.piped


def test_piped_makes_no_difference_when_untimed() -> None:
    scripted = Round([choice("a")], None, piped=True)
    assert scripted.answer("Right a", 0.0).points == Points(base=200, speed=0, streak=0)


def test_survival_ends_after_the_last_life_and_a_skip_costs_none() -> None:
    asked = [choice(q) for q in "abcdef"]
    r = Round(asked, 20, lives=2)
    assert (r.lives, r.lives_left) == (2, 2)
    r.skip()
    assert r.lives_left == 2
    r.answer("Wrong b 1", 1.0)
    assert r.lives_left == 1
    r.answer("Right c", 1.0)
    r.answer("Right d", 25.0)  # late: wrong
    assert r.lives_left == 0
    assert r.finished
    assert r.current is None
    summary = r.summary()
    assert (summary.total, summary.answered, summary.skipped, summary.correct) == (4, 3, 1, 1)
    with pytest.raises(RoundError):
        r.answer("Right e", 1.0)


def test_survival_stops_when_the_questions_run_out() -> None:
    r = Round([choice("a"), choice("b")], None, lives=3)
    r.answer("Right a", 1.0)
    r.answer("Right b", 1.0)
    assert r.finished
    assert r.lives_left == 3
    assert r.summary().total == 2


def test_a_round_that_is_not_survival_has_no_lives() -> None:
    r = Round([choice("a")], None)
    assert (r.lives, r.lives_left) == (None, None)
    r.answer("Wrong a 1", 1.0)
    assert r.lives_left is None


def test_survival_needs_a_life() -> None:
    with pytest.raises(RoundError, match="at least one life"):
        Round([choice("a")], None, lives=0)

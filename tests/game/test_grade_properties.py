"""Grading properties that hold for any text: never raises, the answer is right."""

from __future__ import annotations

from collections.abc import Callable

from grading_support import TF_OPTIONS, number, question, text
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.game.grade import Grade, check_input, grade_answer
from quiz.game.normalize import normalize
from quiz.packs.model import Answer, QuestionType

answers = st.text(min_size=1, max_size=30)
distinct_options = st.lists(
    st.text(min_size=1, max_size=20), min_size=2, max_size=6, unique_by=normalize
).filter(lambda xs: all(normalize(x) for x in xs))


@given(
    st.sampled_from(list(QuestionType)),
    st.text(),
    st.lists(st.text(max_size=20), max_size=6),
    st.text(max_size=20),
)
def test_grade_answer_and_check_input_never_raise(
    kind: QuestionType, raw: str, options: list[str], answer: str
) -> None:
    value: Answer = {
        QuestionType.TRUEFALSE: True,
        QuestionType.NUMBER: 30,
    }.get(kind, answer)
    q = question(kind, value, wrong=options, accept=options)
    grade = grade_answer(q, raw, options)
    assert isinstance(grade.correct, bool)
    assert not grade.close or grade.correct
    message = check_input(q, raw, options)
    assert message is None or message.startswith("Type")


@given(answers, st.lists(st.text(max_size=20), max_size=3))
def test_the_exact_text_answer_is_correct(answer: str, accept: list[str]) -> None:
    assert grade_answer(text(answer, *accept), answer, ()) == Grade(True, False, answer.strip())


@given(answers, st.sampled_from([str.upper, str.lower, str.title, str.swapcase]), st.text(" !?.,"))
def test_normalised_equal_text_answers_are_correct(
    answer: str, change: Callable[[str], str], extra: str
) -> None:
    typed = f"  {change(answer)}{extra} "
    assume(normalize(typed) == normalize(answer))
    grade = grade_answer(text(answer), typed, ())
    assert grade.correct
    assert not grade.close


@given(distinct_options)
def test_the_exact_choice_answer_is_correct(options: list[str]) -> None:
    answer, *wrong = options
    q = question(QuestionType.CHOICE, answer, wrong=wrong)
    shown = sorted(options)
    assert grade_answer(q, answer, shown) == Grade(True, False, answer)


@given(distinct_options)
def test_the_answers_letter_and_number_are_correct(options: list[str]) -> None:
    answer, *wrong = options
    q = question(QuestionType.CHOICE, answer, wrong=wrong)
    shown = sorted(options)
    letter, position = "abcdef"[shown.index(answer)], str(shown.index(answer) + 1)
    # An option whose own text is a label takes that label (see parse_choice).
    assume(not {normalize(o) for o in options} & {letter, position})
    assert grade_answer(q, letter, shown) == Grade(True, False, answer)
    assert grade_answer(q, letter.upper(), shown) == Grade(True, False, answer)
    assert grade_answer(q, position, shown) == Grade(True, False, answer)


@given(st.booleans())
def test_the_exact_truefalse_answer_is_correct(answer: bool) -> None:
    q = question(QuestionType.TRUEFALSE, answer)
    assert grade_answer(q, q.answer_text, TF_OPTIONS).correct


@given(
    st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**12), 10**12),
    st.floats(min_value=0, max_value=1000),
)
def test_the_exact_number_answer_is_correct(answer: float, tolerance: float) -> None:
    q = number(answer, tolerance)
    assert grade_answer(q, q.answer_text, ()).correct

"""The daily challenge: which questions a date and the packs give, and the share line."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.game.daily import (
    DAILY_COUNT,
    Mark,
    board_day,
    content_hash,
    daily_board,
    daily_challenge,
    daily_key,
    day_streak,
    mark_of,
    marks_row,
    parse_day,
    recent_days,
    share_line,
    streak_text,
)
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

DAY = date(2026, 12, 1)


def question(qid: str, kind: QuestionType = QuestionType.CHOICE) -> Question:
    answer: str | bool = True if kind is QuestionType.TRUEFALSE else f"answer {qid}"
    wrong = (f"w1 {qid}", f"w2 {qid}", f"w3 {qid}") if kind is QuestionType.CHOICE else ()
    return Question(id=qid, type=kind, prompt=f"{qid}?", answer=answer, wrong=wrong)


def pack(pack_id: str = "film", n: int = 30) -> Pack:
    return Pack(
        id=pack_id, title=pack_id.title(), questions=tuple(question(f"q{i}") for i in range(n))
    )


def ids(packs: list[Pack], day: date = DAY) -> list[tuple[str, str]]:
    return [(a.pack_id, a.question.id) for a in daily_challenge(day, packs).questions]


def test_ten_questions_fixed_by_date_and_packs() -> None:
    first = daily_challenge(DAY, [pack()])
    again = daily_challenge(DAY, [pack()])
    assert len(first.questions) == DAILY_COUNT
    assert first == again
    assert len(set(ids([pack()]))) == DAILY_COUNT


def test_the_derivation_is_the_documented_one() -> None:
    packs = [pack()]
    key = daily_key(DAY, packs)
    assert key == f"quiz-daily/1|2026-12-01|film|{content_hash(packs)}"

    def rank(qid: str) -> str:
        return hashlib.sha256(f"{key}|film|{qid}".encode()).hexdigest()

    expected = sorted((q.id for q in packs[0].questions), key=rank)[:DAILY_COUNT]
    assert [qid for _, qid in ids(packs)] == expected
    challenge = daily_challenge(DAY, packs)
    assert challenge.seed == int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    first = challenge.questions[0]
    base = f"{key}|film|{first.question.id}|option|"
    assert list(first.options) == sorted(
        first.options, key=lambda o: hashlib.sha256((base + o).encode()).hexdigest()
    )


def test_another_day_gives_another_challenge() -> None:
    assert ids([pack()], DAY) != ids([pack()], date(2026, 12, 2))


def test_pack_order_and_repeats_do_not_matter() -> None:
    a, b = pack("alpha", 8), pack("beta", 8)
    assert ids([a, b]) == ids([b, a, b])


@pytest.mark.parametrize(
    "edit",
    [
        lambda q: replace(q, prompt=q.prompt + " "),
        lambda q: replace(q, answer="another answer"),
        lambda q: replace(q, difficulty=Difficulty.HARD),
        lambda q: replace(q, tags=("people",)),
    ],
)
def test_an_edited_question_makes_a_different_challenge(edit: object) -> None:
    original = pack()
    edited = replace(original, questions=(edit(original.questions[0]), *original.questions[1:]))  # type: ignore[operator]
    assert content_hash([original]) != content_hash([edited])
    assert daily_key(DAY, [original]) != daily_key(DAY, [edited])


def test_a_moved_question_line_is_the_same_challenge() -> None:
    original = pack()
    moved = replace(original, questions=tuple(replace(q, line=99) for q in original.questions))
    assert content_hash([original]) == content_hash([moved])


def test_a_small_pack_gives_all_it_has() -> None:
    assert len(daily_challenge(DAY, [pack(n=4)]).questions) == 4


def test_an_empty_pack_is_an_error() -> None:
    with pytest.raises(QuizError, match="no questions"):
        daily_challenge(DAY, [pack(n=0)])


def test_true_false_keeps_its_options() -> None:
    tf = Pack(id="tf", title="TF", questions=(question("t", QuestionType.TRUEFALSE),))
    assert daily_challenge(DAY, [tf]).questions[0].options == ("True", "False")


def test_boards_per_day() -> None:
    assert daily_board(DAY, ["film", "alpha", "film"]) == "daily/2026-12-01/alpha+film"
    assert board_day("daily/2026-12-01/alpha+film") == DAY
    for other in ("film/10/untimed", "daily/someday/film", "daily/2026-12-01"):
        assert board_day(other) is None


@pytest.mark.parametrize(
    ("text", "expected"), [("2026-12-01", DAY), (" 2026-01-31 ", date(2026, 1, 31))]
)
def test_parse_day(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-13-01", "01/12/2026"])
def test_parse_day_refuses(text: str) -> None:
    with pytest.raises(QuizError, match="YYYY-MM-DD"):
        parse_day(text)


@pytest.mark.parametrize(
    ("correct", "skipped", "mark"),
    [(True, False, Mark.RIGHT), (False, False, Mark.WRONG), (False, True, Mark.SKIPPED)],
)
def test_marks(correct: bool, skipped: bool, mark: Mark) -> None:
    assert mark_of(correct, skipped) is mark


def test_share_line_and_marks() -> None:
    line = share_line(DAY, "La La Land: a first look", 7, 10, 1840)
    assert line == "quiz daily 2026-12-01 · La La Land: a first look · 7/10 · 1,840 pts"
    marks = [Mark.RIGHT, Mark.WRONG, Mark.SKIPPED, Mark.RIGHT]
    assert marks_row(marks, plain=False) == "🟩🟥⬜🟩"
    assert marks_row(marks, plain=True) == "+-.+"


@pytest.mark.parametrize(
    ("played", "streak"),
    [
        ([], 0),
        ([0], 1),
        ([0, 1, 2], 3),
        ([1, 2], 2),  # today not played yet: yesterday's streak still stands
        ([0, 2, 3], 1),
        ([2, 3], 0),
    ],
)
def test_day_streak(played: list[int], streak: int) -> None:
    days = [date.fromordinal(DAY.toordinal() - n) for n in played]
    assert day_streak(days, DAY) == streak


@pytest.mark.parametrize(
    ("streak", "text"), [(0, "no daily streak yet"), (1, "1 day in a row"), (3, "3 days in a row")]
)
def test_streak_text(streak: int, text: str) -> None:
    assert streak_text(streak) == text


def test_recent_days_end_today() -> None:
    days = recent_days(DAY)
    assert len(days) == 14
    assert days[-1] == DAY
    assert days[0] == date(2026, 11, 18)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_day_gives_ten_distinct_questions(day: date) -> None:
    asked = ids([pack()], day)
    assert len(asked) == len(set(asked)) == DAILY_COUNT


def test_a_question_that_gives_away_another_answer_is_passed_over() -> None:
    leak = Question(
        id="leak",
        type=QuestionType.TEXT,
        prompt="Which film did the director of Whiplash make next?",
        answer="La La Land",
    )
    answer = Question(
        id="answer",
        type=QuestionType.TEXT,
        prompt="Which drumming film came first?",
        answer="Whiplash",
    )
    base = pack(n=10)
    both = replace(base, questions=(*base.questions, leak, answer))
    eleven = [a.question.id for a in daily_challenge(DAY, [both], count=11).questions]
    assert len(eleven) == 11
    assert not {"leak", "answer"} <= set(eleven)
    everything = [a.question.id for a in daily_challenge(DAY, [both], count=12).questions]
    assert everything[-1] in {"leak", "answer"}  # only when the others run out

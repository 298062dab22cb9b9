"""Leitner boxes: a miss goes to box 1, each right answer moves up, box 5 retires."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quiz.game.review import (
    BOX_DELAYS,
    FIRST_BOX,
    LAST_BOX,
    RETIRED,
    Card,
    ReviewAnswer,
    after_answer,
    box_counts,
    due_cards,
    replay,
    total_counts,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def answer(right: bool, when: datetime = T0, qid: str = "q", pack_id: str = "film") -> ReviewAnswer:
    return ReviewAnswer(pack_id, qid, right, when)


def test_a_right_answer_to_an_unmissed_question_gives_no_box() -> None:
    assert after_answer(None, answer(True)) is None


def test_a_miss_enters_box_one_due_at_once() -> None:
    card = after_answer(None, answer(False))
    assert card == Card("film", "q", 1, T0.date(), T0)
    assert card is not None
    assert card.is_due(T0.date())


@pytest.mark.parametrize(
    ("box", "new_box", "due_in_days"),
    [(1, 2, 1), (2, 3, 2), (3, 4, 4), (4, 5, 8)],
)
def test_a_right_answer_moves_up_a_box(box: int, new_box: int, due_in_days: int) -> None:
    card = Card("film", "q", box, T0.date(), T0)
    moved = after_answer(card, answer(True, at(3)))
    assert moved is not None
    assert (moved.box, moved.due) == (new_box, at(3).date() + timedelta(days=due_in_days))
    assert not moved.is_due(at(3).date() + timedelta(days=due_in_days - 1))
    assert moved.is_due(at(3).date() + timedelta(days=due_in_days))


def test_a_right_answer_in_box_five_retires() -> None:
    retired = after_answer(Card("film", "q", 5, T0.date(), T0), answer(True))
    assert retired is not None
    assert retired.retired
    assert retired.due is None
    assert not retired.is_due(date.max)
    assert after_answer(retired, answer(True)) == retired


@pytest.mark.parametrize("box", [1, 2, 3, 4, 5, RETIRED])
def test_a_miss_in_any_box_goes_back_to_box_one(box: int) -> None:
    card = Card("film", "q", box, None, T0)
    back = after_answer(card, answer(False, at(20)))
    assert back is not None
    assert (back.box, back.due) == (1, at(20).date())


def test_replay_folds_answers_in_order() -> None:
    history = [
        answer(True, at(0), "a"),  # never missed: no box
        answer(False, at(0), "b"),
        answer(True, at(1), "b"),  # box 2
        answer(False, at(0), "c"),
        answer(True, at(1), "c"),
        answer(False, at(2), "c"),  # back to 1
    ]
    cards = replay(history)
    assert sorted(cards) == [("film", "b"), ("film", "c")]
    assert cards["film", "b"].box == 2
    assert cards["film", "c"].box == 1


def test_six_right_answers_after_a_miss_retire_it() -> None:
    history = [answer(False, at(0))] + [answer(True, at(n)) for n in range(1, 6)]
    assert replay(history)["film", "q"].retired


def test_due_cards_most_overdue_first_and_by_pack() -> None:
    cards = [
        Card("film", "late", 1, date(2026, 12, 3), at(2)),
        Card("film", "old", 2, date(2026, 11, 20), at(-12)),
        Card("other", "x", 1, date(2026, 11, 25), at(-6)),
        Card("film", "future", 3, date(2026, 12, 9), at(1)),
        Card("film", "done", RETIRED, None, at(1)),
    ]
    today = date(2026, 12, 3)
    assert [c.question_id for c in due_cards(cards, today)] == ["old", "x", "late"]
    assert [c.question_id for c in due_cards(cards, today, ["film"])] == ["old", "late"]


def test_box_counts_per_pack_and_total() -> None:
    cards = [
        Card("film", "a", 1, date(2026, 12, 1), T0),
        Card("film", "b", 2, date(2026, 12, 5), T0),
        Card("film", "c", RETIRED, None, T0),
        Card("other", "d", 5, date(2026, 12, 1), T0),
    ]
    counts = box_counts(cards, date(2026, 12, 1))
    assert [(c.pack_id, c.boxes, c.retired, c.due) for c in counts] == [
        ("film", (1, 1, 0, 0, 0), 1, 1),
        ("other", (0, 0, 0, 0, 1), 0, 1),
    ]
    total = total_counts(counts)
    assert (total.boxes, total.retired, total.due, total.active) == ((1, 1, 0, 0, 1), 1, 2, 3)


def test_plan_review_leaves_out_what_is_gone_with_notes() -> None:
    from quiz.game.review import plan_review
    from quiz.packs.model import Pack, Question, QuestionType

    film = Pack(
        id="film",
        title="Film",
        questions=tuple(
            Question(id=q, type=QuestionType.CHOICE, prompt="?", answer="a", wrong=("b", "c"))
            for q in ("a", "b", "c")
        ),
    )
    due = [
        Card("film", "a", 1, T0.date(), T0),
        Card("film", "removed", 1, T0.date(), T0),
        Card("old", "x", 1, T0.date(), T0),
        Card("old", "y", 1, T0.date(), T0),
        Card("film", "c", 1, T0.date(), T0),
    ]
    plan = plan_review(due, {"film": film, "old": None}, None, seed=1)
    assert [a.question.id for a in plan.asked] == ["a", "c"]
    assert sorted(plan.asked[0].options) == ["a", "b", "c"]
    assert plan.notes == (
        "2 questions of the pack 'old' skipped: the pack is not installed",
        "1 question of the pack 'film' skipped: no longer in the pack",
    )
    assert [a.question.id for a in plan_review(due, {"film": film}, 1, 1).asked] == ["a"]


@given(st.lists(st.booleans(), max_size=30))
@example([False] + [True] * 7)
def test_the_box_counts_right_answers_since_the_last_miss(rights: list[bool]) -> None:
    history = [answer(right, at(n)) for n, right in enumerate(rights)]
    card = replay(history).get(("film", "q"))
    if all(rights):
        assert card is None  # never missed: no box
        return
    assert card is not None
    last_miss = max(i for i, right in enumerate(rights) if not right)
    since = len(rights) - 1 - last_miss
    assert card.box == min(RETIRED, FIRST_BOX + since)
    # A retired question stays as the answer that retired it left it.
    assert card.last_at == at(min(len(rights) - 1, last_miss + LAST_BOX))
    if card.retired:
        assert card.due is None
    else:
        assert card.due == card.last_at.date() + timedelta(days=BOX_DELAYS[card.box])

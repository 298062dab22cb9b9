"""Review: the questions a player missed come back, in Leitner boxes.

A question the player misses (wrong, late or skipped) in any round enters box
1 and is due at once. Each right answer after that (in a review or in any
later round) moves it up a box: boxes 2, 3, 4 and 5 are due 1, 2, 4 and 8 days
after that right answer, and a right answer in box 5 retires it. A miss in any
box sends it back to box 1. A right answer to a question never missed changes
nothing: it has no box.

Dates are whole UTC days: a question due on a day is due from its start, and
"most overdue" means the earliest due date (then the earliest miss).

The state is a fold over the player's answers in the order they were given
(:func:`replay`), so rounds recorded before review existed seed the boxes and
forgetting a round forgets its part in them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from quiz.game.select import AskedQuestion, ask_question
from quiz.packs.model import Pack, Question
from quiz.words import plural

FIRST_BOX = 1
LAST_BOX = 5
RETIRED = LAST_BOX + 1
# Days from the right answer that put a question in a box until it is due again.
BOX_DELAYS: Mapping[int, int] = {1: 0, 2: 1, 3: 2, 4: 4, 5: 8}

CardKey = tuple[str, str]  # (pack id, question id)


@dataclass(frozen=True, slots=True)
class Card:
    """One missed question's place in the boxes."""

    pack_id: str
    question_id: str
    box: int  # 1..5, or RETIRED
    due: date | None  # None once retired
    last_at: datetime  # the answer that put it here

    @property
    def key(self) -> CardKey:
        return (self.pack_id, self.question_id)

    @property
    def retired(self) -> bool:
        return self.box == RETIRED

    def is_due(self, today: date) -> bool:
        return self.due is not None and self.due <= today


class Answered(Protocol):
    """One answer to a question, from any round or review, as the boxes see it."""

    @property
    def pack_id(self) -> str: ...
    @property
    def question_id(self) -> str: ...
    @property
    def correct(self) -> bool: ...  # False for wrong, late or skipped
    @property
    def at(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class ReviewAnswer:
    """An :class:`Answered` of its own (the store's answers fit the protocol too)."""

    pack_id: str
    question_id: str
    correct: bool
    at: datetime


def after_answer(card: Card | None, answer: Answered) -> Card | None:
    """The question's card after ``answer``; None when it has no box (never missed)."""
    if not answer.correct:
        return Card(answer.pack_id, answer.question_id, FIRST_BOX, answer.at.date(), answer.at)
    if card is None or card.retired:
        return card
    box = card.box + 1
    if box > LAST_BOX:
        return Card(card.pack_id, card.question_id, RETIRED, None, answer.at)
    due = answer.at.date() + timedelta(days=BOX_DELAYS[box])
    return Card(card.pack_id, card.question_id, box, due, answer.at)


def replay(answers: Iterable[Answered]) -> dict[CardKey, Card]:
    """Every card after these answers, taken in the order given (oldest first)."""
    cards: dict[CardKey, Card] = {}
    for answer in answers:
        key = (answer.pack_id, answer.question_id)
        card = after_answer(cards.get(key), answer)
        if card is not None:
            cards[key] = card
    return cards


def due_cards(cards: Iterable[Card], today: date, pack_ids: Iterable[str] = ()) -> list[Card]:
    """The cards due today, most overdue first; only those of ``pack_ids`` if any are given."""
    wanted = set(pack_ids)
    due = [c for c in cards if c.is_due(today) and (not wanted or c.pack_id in wanted)]
    return sorted(due, key=lambda c: (c.due, c.last_at, c.pack_id, c.question_id))


@dataclass(frozen=True, slots=True)
class BoxCounts:
    """One pack's cards: how many in each box (1..5), retired, and due today."""

    pack_id: str
    boxes: tuple[int, int, int, int, int]
    retired: int
    due: int

    @property
    def active(self) -> int:
        return sum(self.boxes)


def box_counts(cards: Iterable[Card], today: date) -> list[BoxCounts]:
    """Counts per pack, in pack id order."""
    boxes: dict[str, Counter[int]] = {}
    due: Counter[str] = Counter()
    for card in cards:
        boxes.setdefault(card.pack_id, Counter())[card.box] += 1
        due[card.pack_id] += card.is_due(today)
    return [
        BoxCounts(
            pack_id,
            (counts[1], counts[2], counts[3], counts[4], counts[5]),
            counts[RETIRED],
            due[pack_id],
        )
        for pack_id, counts in sorted(boxes.items())
    ]


def total_counts(per_pack: Iterable[BoxCounts]) -> BoxCounts:
    """All packs together (pack id ``""``)."""
    boxes = [0] * LAST_BOX
    retired = due = 0
    for counts in per_pack:
        boxes = [a + b for a, b in zip(boxes, counts.boxes, strict=True)]
        retired += counts.retired
        due += counts.due
    return BoxCounts("", (boxes[0], boxes[1], boxes[2], boxes[3], boxes[4]), retired, due)


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    """The questions a review asks, and what it had to leave out (and why)."""

    asked: tuple[AskedQuestion, ...]
    notes: tuple[str, ...]


def plan_review(
    due: Sequence[Card], packs: Mapping[str, Pack | None], count: int | None, seed: int
) -> ReviewPlan:
    """The due questions still in their packs, in order, at most ``count``.

    ``packs`` maps each due card's pack id to the pack as it is now, or None
    when it is no longer installed; a card whose question is gone from its pack
    is left out. Every left-out question is counted in a note, never an error.
    """
    rng = random.Random(f"review:{seed}")
    asked: list[AskedQuestion] = []
    gone: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    for card in due:
        pack = packs.get(card.pack_id)
        question = None if pack is None else _find(pack, card.question_id)
        if pack is None:
            gone[card.pack_id] += 1
        elif question is None:
            changed[card.pack_id] += 1
        elif count is None or len(asked) < count:
            asked.append(ask_question(card.pack_id, question, rng))
    notes = [
        f"{plural(n, 'question')} of the pack '{p}' skipped: the pack is not installed"
        for p, n in sorted(gone.items())
    ]
    notes += [
        f"{plural(n, 'question')} of the pack '{p}' skipped: no longer in the pack"
        for p, n in sorted(changed.items())
    ]
    return ReviewPlan(tuple(asked), tuple(notes))


def _find(pack: Pack, question_id: str) -> Question | None:
    return next((q for q in pack.questions if q.id == question_id), None)

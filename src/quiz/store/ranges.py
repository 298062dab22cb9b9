"""What a recorded round can hold: the range of every field, checked on import.

A round read from an export file passed the type checks (``transfer.py``); here
each value is held to what quiz itself can record, so that nothing imported can
break later output (a sum that overflows SQLite's integers, an accuracy of 5.0,
a date Python cannot show). A value that is merely long is clamped with a note;
an impossible one refuses the round with a note saying why.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from quiz.store.player import MAX_NAME_LENGTH
from quiz.store.records import AnswerRecord, RoundRecord

MAX_QUESTIONS = 100_000  # questions in one round (several packs of up to 20,000)
MAX_POINTS = 1_000_000  # points for one question (450 is the most quiz gives)
MAX_SCORE = MAX_QUESTIONS * MAX_POINTS  # so a million rounds still sum within 64 bits
MAX_SECONDS = 10_000_000.0  # a round's or an answer's time, a time limit: some 115 days
MAX_KEY = 2_000  # characters in a board key
MAX_ID = 200  # characters in a pack id, question id or tag
MAX_GIVEN = 500  # characters of an answer kept (as when playing)
MAX_ITEMS = 100  # pack ids of a round, tags of an answer
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


class Refused(Exception):
    """A round that quiz could never have recorded."""


def check_round(record: RoundRecord, notes: list[str]) -> RoundRecord:
    """``record`` within range (long text clamped, with a note in ``notes``).

    Raises :class:`Refused` for a value no round can have.
    """
    _whole(record.total, "total", 0, MAX_QUESTIONS)
    _whole(record.correct, "correct", 0, record.total, "more than total")
    _whole(record.best_streak, "best_streak", 0, record.correct, "more than correct")
    _whole(record.score, "score", 0, MAX_SCORE)
    for name in ("answered", "skipped"):
        count = getattr(record, name)
        if count is not None:
            _whole(count, name, 0, record.total, "more than total")
    _seconds(record.duration, "duration_s")
    if record.time_limit is not None:
        _seconds(record.time_limit, "time_limit")
    if not EARLIEST <= record.finished_at < LATEST:
        raise Refused(f"finished_at is outside {EARLIEST.year} to {LATEST.year - 1}")
    if len(record.answers) > MAX_QUESTIONS:
        raise Refused(f"more than {MAX_QUESTIONS:,} answers")
    answers = tuple(_answer(a, f"answers[{i}]", notes) for i, a in enumerate(record.answers))
    return dataclasses.replace(
        record,
        player=_clamp(record.player, "player", MAX_NAME_LENGTH, notes),
        board=_clamp(record.board, "board", MAX_KEY, notes),
        mode=_clamp(record.mode, "mode", MAX_ID, notes),
        pack_ids=_clamp_all(record.pack_ids, "packs", notes),
        answers=answers,
    )


def _answer(answer: AnswerRecord, where: str, notes: list[str]) -> AnswerRecord:
    _whole(answer.points, f"{where}.points", 0, MAX_POINTS)
    _seconds(answer.elapsed, f"{where}.elapsed_s")
    if answer.skipped and answer.correct:
        raise Refused(f"{where} is both skipped and correct")
    return dataclasses.replace(
        answer,
        pack_id=_clamp(answer.pack_id, f"{where}.pack_id", MAX_ID, notes),
        question_id=_clamp(answer.question_id, f"{where}.question_id", MAX_ID, notes),
        given=_clamp(answer.given, f"{where}.given", MAX_GIVEN, notes),
        tags=_clamp_all(answer.tags, f"{where}.tags", notes),
    )


def _whole(value: int, name: str, low: int, high: int, beyond: str = "") -> None:
    if not low <= value <= high:
        raise Refused(f"{name} is {_short(value)}: {beyond or f'expected {low:,} to {high:,}'}")


def _seconds(value: float, name: str) -> None:
    if not 0 <= value <= MAX_SECONDS:
        raise Refused(f"{name} is {value:g}: expected 0 to {MAX_SECONDS:,.0f} seconds")


def _clamp(text: str, name: str, limit: int, notes: list[str]) -> str:
    if len(text) <= limit:
        return text
    notes.append(f"{name} cut to its first {limit:,} characters")
    return text[:limit]


def _clamp_all(items: tuple[str, ...], name: str, notes: list[str]) -> tuple[str, ...]:
    if len(items) > MAX_ITEMS:
        notes.append(f"{name}: kept the first {MAX_ITEMS} of {len(items):,}")
        items = items[:MAX_ITEMS]
    return tuple(_clamp(item, f"{name}[{i}]", MAX_ID, notes) for i, item in enumerate(items))


def _short(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:10]}...({len(text)} digits)"

"""The daily challenge: the same ten questions for everyone with the same packs on a UTC date.

How the day's questions are chosen (also in the README), so that anyone can
check it and every machine and Python version agrees:

1. The packs are taken once each, sorted by id.
2. The packs' *content hash* is the SHA-256 of, for each pack in that order,
   the line ``pack <id>`` followed by one line per question in file order:
   the question as a pack file holds it (:meth:`Question.to_dict`) written as
   JSON with sorted keys and no spaces. Editing any question (its text, answer,
   options, difficulty, tags...) therefore makes a different challenge.
3. The day's *key* is the text ``quiz-daily/1|<YYYY-MM-DD>|<id>+<id>...|<content hash>``.
4. Every question's *rank* is the SHA-256 of ``<key>|<pack id>|<question id>``;
   the ten with the lowest ranks (compared as hex text) are asked, lowest first,
   passing over one whose text gives away the answer of one already taken, or
   that is a blank of the same imported sentence (the rules ``quiz play``
   follows too: :func:`~quiz.game.select.without_leaks`), unless the packs run
   out of others.
5. A choice question's options are ordered the same way, by the SHA-256 of
   ``<key>|<pack id>|<question id>|option|<option text>``.

Only :mod:`hashlib` is used, never :mod:`random`, whose sequences may change
between Python versions. The round's seed (used for what 50:50 removes) is the
first eight bytes of the key's SHA-256 as a big-endian number.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from quiz.errors import QuizError
from quiz.game.select import TRUEFALSE_OPTIONS, AskedQuestion, without_leaks
from quiz.packs.model import Pack, Question, QuestionType
from quiz.words import plural

DAILY_COUNT = 10
HISTORY_DAYS = 14
BOARD_PREFIX = "daily"
_KEY_VERSION = "quiz-daily/1"


class Mark(StrEnum):
    """How one question of a round went, as the share line shows it."""

    RIGHT = "right"
    WRONG = "wrong"  # wrong, late or timed out
    SKIPPED = "skipped"


_EMOJI = {Mark.RIGHT: "🟩", Mark.WRONG: "🟥", Mark.SKIPPED: "⬜"}
_PLAIN = {Mark.RIGHT: "+", Mark.WRONG: "-", Mark.SKIPPED: "."}


@dataclass(frozen=True, slots=True)
class DailyChallenge:
    """The day's questions and what identifies them."""

    day: date
    key: str
    seed: int
    board: str
    questions: tuple[AskedQuestion, ...]


def parse_day(text: str) -> date:
    """A ``YYYY-MM-DD`` date; :class:`QuizError` for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise QuizError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def content_hash(packs: Iterable[Pack]) -> str:
    """SHA-256 (hex) of the packs' questions; see the module docstring, step 2."""
    digest = hashlib.sha256()
    for pack in _unique_sorted(packs):
        digest.update(f"pack {pack.id}\n".encode())
        for question in pack.questions:
            digest.update(_canonical(question).encode() + b"\n")
    return digest.hexdigest()


def daily_key(day: date, packs: Iterable[Pack]) -> str:
    unique = _unique_sorted(packs)
    ids = "+".join(p.id for p in unique)
    return f"{_KEY_VERSION}|{day.isoformat()}|{ids}|{content_hash(unique)}"


def daily_board(day: date, pack_ids: Collection[str]) -> str:
    """The day's own board: ``daily/2026-12-01/la-la-land-first-look``."""
    return f"{BOARD_PREFIX}/{day.isoformat()}/{'+'.join(sorted(set(pack_ids)))}"


def board_day(board: str) -> date | None:
    """The date of a daily board key; None for any other board."""
    parts = board.split("/")
    if len(parts) != 3 or parts[0] != BOARD_PREFIX:
        return None
    try:
        return date.fromisoformat(parts[1])
    except ValueError:
        return None


def daily_challenge(day: date, packs: Sequence[Pack], count: int = DAILY_COUNT) -> DailyChallenge:
    """The day's questions (at most ``count``); see the module docstring for how."""
    unique = _unique_sorted(packs)
    pool = [(p.id, q) for p in unique for q in p.questions]
    if not pool:
        raise QuizError("the selected packs have no questions")
    key = daily_key(day, unique)
    ranked = sorted(pool, key=lambda item: _sha(f"{key}|{item[0]}|{item[1].id}"))
    asked = tuple(_ask(key, pack_id, q) for pack_id, q in without_leaks(ranked, count))
    seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    return DailyChallenge(day, key, seed, daily_board(day, [p.id for p in unique]), asked)


def mark_of(correct: bool, skipped: bool) -> Mark:
    if skipped:
        return Mark.SKIPPED
    return Mark.RIGHT if correct else Mark.WRONG


def marks_row(marks: Sequence[Mark], *, plain: bool) -> str:
    """🟩🟥⬜ (or ``+-.`` when plain), one a question."""
    table = _PLAIN if plain else _EMOJI
    return "".join(table[m] for m in marks)


def share_line(day: date, title: str, correct: int, total: int, score: int) -> str:
    """``quiz daily 2026-12-01 · La La Land: a first look · 7/10 · 1,840 pts``."""
    return f"quiz daily {day.isoformat()} · {title} · {correct}/{total} · {score:,} pts"


def day_streak(days: Collection[date], today: date) -> int:
    """Days in a row with a recorded daily, up to today (or yesterday, until today is played)."""
    played = set(days)
    day = today if today in played else today - timedelta(days=1)
    streak = 0
    while day in played:
        streak += 1
        day -= timedelta(days=1)
    return streak


def streak_text(streak: int) -> str:
    if streak == 0:
        return "no daily streak yet"
    return f"{plural(streak, 'day')} in a row"


def recent_days(today: date, count: int = HISTORY_DAYS) -> list[date]:
    """The last ``count`` days, oldest first, ending today."""
    return [today - timedelta(days=n) for n in range(count - 1, -1, -1)]


def _unique_sorted(packs: Iterable[Pack]) -> list[Pack]:
    by_id: dict[str, Pack] = {}
    for pack in packs:
        by_id.setdefault(pack.id, pack)
    return [by_id[pack_id] for pack_id in sorted(by_id)]


def _canonical(question: Question) -> str:
    return json.dumps(question.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _ask(key: str, pack_id: str, question: Question) -> AskedQuestion:
    options: tuple[str, ...] = ()
    if question.type is QuestionType.CHOICE:
        base = f"{key}|{pack_id}|{question.id}|option|"
        options = tuple(
            sorted([question.answer_text, *question.wrong], key=lambda o: _sha(base + o))
        )
    elif question.type is QuestionType.TRUEFALSE:
        options = TRUEFALSE_OPTIONS
    return AskedQuestion(pack_id=pack_id, question=question, options=options)

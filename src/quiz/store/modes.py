"""What the daily challenge and review read and write in the score file.

Review's boxes are not stored: they are replayed (by ``game.review``) from the
player's answers in every recorded round plus the answers given in reviews,
which are not rounds (a review goes on no board) and so have a table of their
own, ``review_answers``. Forgetting or importing rounds therefore forgets or
brings their part of the boxes with them, and rounds recorded before review
existed seed the boxes.

The daily challenge needs no table: its rounds are ordinary rounds on the
day's board (``daily/<date>/<packs>``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from quiz.store.records import RoundRow
from quiz.store.rows import ROUND_COLUMNS, iso_utc, parse_utc, select_rounds, storable

DAILY_MODE = "daily"  # rounds.mode of a recorded daily challenge
PARTY_MODE = "party"  # rounds.mode of a player's round in a party
DAILY_BOARDS = "substr(board, 1, 6) = 'daily/'"

# Every answer a player gave, oldest first: rounds' answers in their order,
# and reviews' answers; at the same moment, a round's answers come first.
_HISTORY_SQL = """
SELECT a.pack_id, a.question_id, a.correct, r.finished_at AS at, 0 AS source, r.id, a.position
FROM answers AS a JOIN rounds AS r ON r.id = a.round_id WHERE r.player = :player
UNION ALL
SELECT pack_id, question_id, correct, answered_at, 1, id, 0
FROM review_answers WHERE player = :player
ORDER BY at, source, 6, 7
"""
_INSERT_SQL = (
    "INSERT INTO review_answers (player, pack_id, question_id, correct, answered_at)"
    " VALUES (?, ?, ?, ?, ?)"
)
_DAILY_SQL = (
    f"SELECT {ROUND_COLUMNS} FROM rounds WHERE player = ? AND {DAILY_BOARDS}"
    " ORDER BY finished_at, id"
)
_EXPORT_SQL = (
    "SELECT player, pack_id, question_id, correct, answered_at FROM review_answers ORDER BY id"
)
_DUPLICATE_SQL = (
    "SELECT 1 FROM review_answers WHERE player = ? AND pack_id = ? AND question_id = ?"
    " AND answered_at = ? LIMIT 1"
)


@dataclass(frozen=True, slots=True)
class PastAnswer:
    """One answer a player gave, in a round or a review: what the boxes are replayed from."""

    pack_id: str
    question_id: str
    correct: bool  # False for wrong, late or skipped
    at: datetime  # timezone-aware, UTC


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer given in a review, for saving, export and import."""

    player: str
    pack_id: str
    question_id: str
    correct: bool
    at: datetime


def answer_history(conn: sqlite3.Connection, player: str) -> list[PastAnswer]:
    moments: dict[str, datetime] = {}  # a round's answers share one finishing time
    history = []
    for pack, question, right, at, *_ in conn.execute(_HISTORY_SQL, {"player": player}):
        moment = moments.get(at)
        if moment is None:
            moment = moments[at] = parse_utc(str(at))
        history.append(PastAnswer(str(pack), str(question), bool(right), moment))
    return history


def insert_reviews(conn: sqlite3.Connection, records: Iterable[ReviewRecord]) -> int:
    """Add review answers (inside the caller's transaction); how many."""
    count = 0
    for r in records:
        conn.execute(
            _INSERT_SQL,
            (
                storable(r.player),
                storable(r.pack_id),
                storable(r.question_id),
                int(r.correct),
                iso_utc(r.at),
            ),
        )
        count += 1
    return count


def insert_new_reviews(conn: sqlite3.Connection, records: Iterable[ReviewRecord]) -> int:
    """Add the review answers not already on record (an import); how many were added."""
    added = 0
    for r in records:
        key = (r.player, r.pack_id, r.question_id, iso_utc(r.at))
        if conn.execute(_DUPLICATE_SQL, key).fetchone() is None:
            added += insert_reviews(conn, [r])
    return added


def all_reviews(conn: sqlite3.Connection) -> list[ReviewRecord]:
    return [
        ReviewRecord(str(player), str(pack), str(question), bool(right), parse_utc(str(at)))
        for player, pack, question, right, at in conn.execute(_EXPORT_SQL)
    ]


def forget_reviews(conn: sqlite3.Connection, player: str | None, pack: str | None) -> int:
    """Delete review answers (all, a player's, a pack's); how many."""
    clauses, params = ["1"], []
    if player is not None:
        clauses.append("player = ?")
        params.append(player)
    if pack is not None:
        clauses.append("pack_id = ?")
        params.append(pack)
    sql = f"DELETE FROM review_answers WHERE {' AND '.join(clauses)}"
    return conn.execute(sql, params).rowcount


def daily_rounds(conn: sqlite3.Connection, player: str) -> list[RoundRow]:
    """The player's recorded daily rounds, oldest first."""
    return select_rounds(conn, _DAILY_SQL, (player,))

"""Export and import of scores as JSON (``quiz scores export`` / ``import``).

The file is one JSON object, one round a line::

    {"format": "quiz-scores", "version": 1, "exported_at": "2025-01-31T12:00:00.000000+00:00",
     "rounds": [
      {"player": "Mia", "board": "la-la-land-first-look/10/timed-20s",
       "packs": ["la-la-land-first-look"], "score": 1840, "correct": 8, "total": 10,
       "best_streak": 5, "duration_s": 95.25, "seed": 42, "time_limit": 20.0,
       "finished_at": "2025-01-31T11:58:00.000000+00:00",
       "answers": [{"pack_id": "la-la-land-first-look", "question_id": "director",
                    "given": "Damien Chazelle", "correct": true, "skipped": false,
                    "late": false, "elapsed_s": 4.5, "points": 180, "tags": ["people"]}]}
     ]}

``input`` (``terminal`` or ``piped``), ``mode`` (``solo``, ``survival``, ...),
``answered`` and ``skipped`` came with the score file's schema version 2; a
file without them imports as terminal solo rounds, counts taken from the answers.

After the rounds, ``"reviews"`` lists the answers given in ``quiz review``
(which are not rounds), one an entry: ``{"player": "Mia", "pack_id": ...,
"question_id": ..., "correct": false, "answered_at": ...}``; a file without
it (from an older quiz) has none. With the rounds' answers they carry the
review boxes.

``time_limit`` is ``null`` for an untimed round; times are ISO 8601 (UTC when
no offset is given); answers are in the order they were asked. Unknown keys
are ignored. On import, a round already on record (same player, board,
``finished_at`` and score) is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from quiz.atomic import output_file
from quiz.store.records import RoundRecord
from quiz.store.rows import insert_round, iso_utc, read_list, storable

FORMAT = "quiz-scores"
VERSION = 1
_ROUND_SQL = (
    "SELECT id, player, board, packs, score, correct, total, best_streak, duration_s, seed,"
    " time_limit, finished_at, answered, skipped, input, mode FROM rounds ORDER BY id"
)
_ANSWERS_SQL = (
    "SELECT pack_id, question_id, given, correct, skipped, late, elapsed_s, points, tags"
    " FROM answers WHERE round_id = ? ORDER BY position"
)
_DUPLICATE_SQL = (
    "SELECT 1 FROM rounds WHERE player = ? AND finished_at = ? AND +board = ? AND +score = ?"
    " LIMIT 1"
)


# -- export ------------------------------------------------------------------


def export_file(conn: sqlite3.Connection, path: Path, *, force: bool = False) -> int:
    """Write the export next to ``path``, then move it into place; how many rounds."""
    with output_file(path, force=force) as stream:
        return write_export(conn, stream)


def write_export(conn: sqlite3.Connection, stream: IO[str]) -> int:
    """Stream every round, one a line, so a large file never sits whole in memory."""
    stamp = iso_utc(datetime.now(UTC))
    stream.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "exported_at": "{stamp}",\n')
    stream.write(' "rounds": [')
    count = 0
    for row in conn.execute(_ROUND_SQL).fetchall():
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(_round_json(conn, row)))
        count += 1
    stream.write("\n ],\n")
    _write_reviews(conn, stream)
    stream.write("}\n")
    return count


def _write_reviews(conn: sqlite3.Connection, stream: IO[str]) -> None:
    from quiz.store.modes import all_reviews

    stream.write(' "reviews": [')
    for index, review in enumerate(all_reviews(conn)):
        stream.write(",\n  " if index else "\n  ")
        item = {
            "player": review.player,
            "pack_id": review.pack_id,
            "question_id": review.question_id,
            "correct": review.correct,
            "answered_at": iso_utc(review.at),
        }
        stream.write(json.dumps(item))
    stream.write("\n ]")


def _round_json(conn: sqlite3.Connection, row: Any) -> dict[str, Any]:
    ident, player, board, packs, score, correct, total, streak, duration, seed, limit, done = row[
        :12
    ]
    answered, skipped, input_kind, mode = row[12:]
    answers = [
        {
            "pack_id": pack_id,
            "question_id": question_id,
            "given": given,
            "correct": bool(right),
            "skipped": bool(skipped),
            "late": bool(late),
            "elapsed_s": elapsed,
            "points": points,
            "tags": list(read_list(tags)),
        }
        for pack_id, question_id, given, right, skipped, late, elapsed, points, tags in (
            conn.execute(_ANSWERS_SQL, (ident,))
        )
    ]
    return {
        "player": player,
        "board": board,
        "packs": list(read_list(packs)),
        "score": score,
        "correct": correct,
        "total": total,
        "best_streak": streak,
        "duration_s": duration,
        "seed": int(seed) if seed is not None else 0,
        "time_limit": limit,
        "finished_at": done,
        "answered": answered,
        "skipped": skipped,
        "input": input_kind,
        "mode": mode,
        "answers": answers,
    }


def record_json(record: RoundRecord) -> dict[str, Any]:
    """A round not saved yet, as one round of an export file."""
    return {
        "player": record.player,
        "board": record.board,
        "packs": list(record.pack_ids),
        "score": record.score,
        "correct": record.correct,
        "total": record.total,
        "best_streak": record.best_streak,
        "duration_s": record.duration,
        "seed": record.seed,
        "time_limit": record.time_limit,
        "finished_at": iso_utc(record.finished_at),
        "answered": record.answered,
        "skipped": record.skipped,
        "input": record.input,
        "mode": record.mode,
        "answers": [
            {
                "pack_id": a.pack_id,
                "question_id": a.question_id,
                "given": a.given,
                "correct": a.correct,
                "skipped": a.skipped,
                "late": a.late,
                "elapsed_s": a.elapsed,
                "points": a.points,
                "tags": list(a.tags),
            }
            for a in record.answers
        ],
    }


def export_text(rounds: list[dict[str, Any]]) -> str:
    """A whole export file holding ``rounds`` (as :func:`record_json` makes them)."""
    stamp = iso_utc(datetime.now(UTC))
    top = {"format": FORMAT, "version": VERSION, "exported_at": stamp, "rounds": rounds}
    return json.dumps(top) + "\n"


# -- import ------------------------------------------------------------------


def insert_new(
    conn: sqlite3.Connection, records: Sequence[RoundRecord], start: int, until: float
) -> tuple[int, int, int]:
    """Insert rounds from ``start`` not already on record, inside the caller's transaction,
    until the clock passes ``until``; (where to go on, rounds imported, duplicates skipped).

    The duplicate check finds the player's rounds at that moment through the
    ``(player, finished_at)`` index, so it costs the same however many rounds
    the player has (the unary ``+`` keeps SQLite off the index by score, which
    would scan every round of one score).
    """
    imported = skipped = 0
    index = start
    while index < len(records) and (index == start or time.monotonic() < until):
        record = records[index]
        index += 1
        key = (storable(record.player), iso_utc(record.finished_at), record.board, record.score)
        if conn.execute(_DUPLICATE_SQL, key).fetchone() is not None:
            skipped += 1
            continue
        insert_round(conn, record)
        imported += 1
    return index, imported, skipped

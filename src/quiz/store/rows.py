"""Converting between records and SQLite rows (shared by the store, stats and transfer)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from quiz.store.records import AnswerRecord, RoundRecord, RoundRow

ROUND_COLUMNS = (
    "id, player, board, packs, score, correct, total, best_streak, duration_s, finished_at,"
    " answered, skipped, input, mode"
)
INSERT_ROUND = (
    "INSERT INTO rounds (player, board, packs, score, correct, total, best_streak, duration_s,"
    " seed, time_limit, finished_at, answered, skipped, input, mode)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_ANSWER = (
    "INSERT INTO answers (round_id, position, pack_id, question_id, given, correct, skipped,"
    " late, elapsed_s, points, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# True when the JSON list in ``rounds.packs`` holds the pack id bound to the
# parameter, element by element (a damaged list holds none, as ``read_list`` reads it).
HAS_PACK = (
    "EXISTS (SELECT 1 FROM json_each("
    "CASE WHEN json_valid(rounds.packs) THEN rounds.packs ELSE '[]' END) WHERE value = ?)"
)
INT64 = 2**63  # SQLite's integers are 64-bit: -INT64 <= n < INT64


def iso_utc(moment: datetime) -> str:
    """A moment as fixed-width ISO 8601 in UTC, so text order is time order. Naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def storable(text: str) -> str:
    """Text SQLite can hold as UTF-8 (lone surrogates become ``?``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def json_list(items: tuple[str, ...]) -> str:
    return json.dumps([storable(item) for item in items], separators=(",", ":"))


def read_list(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def seed_value(seed: int) -> int | str:
    """SQLite integers are 64-bit; a bigger seed is kept as its digits."""
    return seed if -INT64 <= seed < INT64 else str(seed)


def answer_counts(record: RoundRecord) -> tuple[int | None, int | None]:
    """(answered, skipped): as recorded, else counted from the answers, else unknown."""
    if record.answered is not None and record.skipped is not None:
        return record.answered, record.skipped
    return count_answers(record.answers, record.total)


def count_answers(answers: Sequence[AnswerRecord], total: int) -> tuple[int | None, int | None]:
    """(answered, skipped) counted from a round's answers; unknown unless all were kept.

    The same rule as schema migration 2's backfill of older rounds.
    """
    if not answers or len(answers) != total:
        return None, None
    skipped = sum(bool(a.skipped) for a in answers)
    return len(answers) - skipped, skipped


def insert_round(conn: sqlite3.Connection, record: RoundRecord) -> int:
    """Insert one round and its answers (inside the caller's transaction); its new id."""
    answered, skipped = answer_counts(record)
    cursor = conn.execute(
        INSERT_ROUND,
        (
            storable(record.player),
            storable(record.board),
            json_list(record.pack_ids),
            record.score,
            record.correct,
            record.total,
            record.best_streak,
            float(record.duration),
            seed_value(record.seed),
            None if record.time_limit is None else float(record.time_limit),
            iso_utc(record.finished_at),
            answered,
            skipped,
            storable(record.input),
            storable(record.mode),
        ),
    )
    round_id = cursor.lastrowid
    assert round_id is not None
    conn.executemany(
        INSERT_ANSWER,
        [
            (
                round_id,
                position,
                storable(answer.pack_id),
                storable(answer.question_id),
                storable(answer.given),
                bool(answer.correct),
                bool(answer.skipped),
                bool(answer.late),
                float(answer.elapsed),
                answer.points,
                json_list(answer.tags),
            )
            for position, answer in enumerate(record.answers)
        ],
    )
    return round_id


def select_rounds(
    conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()
) -> list[RoundRow]:
    """The rounds a query selects as :data:`ROUND_COLUMNS` (and, if it has one, ``rank``)."""
    cursor = conn.execute(sql, params)
    cursor.row_factory = sqlite3.Row  # rows are made as they are fetched
    return [to_round_row(row) for row in cursor]


def to_round_row(row: sqlite3.Row) -> RoundRow:
    """A row selected as :data:`ROUND_COLUMNS` (and maybe ``rank``) as a :class:`RoundRow`."""
    has_rank = "rank" in row.keys()  # noqa: SIM118 - ``in`` on a Row looks at its values
    rank = int(row["rank"]) if has_rank else None
    answered, skipped = row["answered"], row["skipped"]
    return RoundRow(
        id=int(row["id"]),
        player=str(row["player"]),
        board=str(row["board"]),
        packs=read_list(str(row["packs"])),
        score=int(row["score"]),
        correct=int(row["correct"]),
        total=int(row["total"]),
        best_streak=int(row["best_streak"]),
        duration=float(row["duration_s"]),
        finished_at=parse_utc(str(row["finished_at"])),
        rank=rank,
        answered=None if answered is None else int(answered),
        skipped=None if skipped is None else int(skipped),
        input=str(row["input"]),
        mode=str(row["mode"]),
    )


# -- the high-score queries --------------------------------------------------------

TOP_SQL = (
    f"SELECT {ROUND_COLUMNS} FROM rounds WHERE board = ?"
    " ORDER BY score DESC, duration_s, id LIMIT ?"
)
# A round's place on its board, in the same query as the round (``r``): one more
# than the rounds ranked before it, each count a range of the rounds_by_rank index.
# (A window function would be one expression, but it numbers every round of the
# board before any is returned: hundreds of times slower on a large board.)
RANK = """1
    + (SELECT count(*) FROM rounds AS o WHERE o.board = r.board AND o.score > r.score)
    + (SELECT count(*) FROM rounds AS o WHERE o.board = r.board AND o.score = r.score
           AND o.duration_s < r.duration_s)
    + (SELECT count(*) FROM rounds AS o WHERE o.board = r.board AND o.score = r.score
           AND o.duration_s = r.duration_s AND o.id < r.id)"""
RANKED = f"SELECT {ROUND_COLUMNS}, {RANK} AS rank FROM rounds AS r"
TOP_FOR_PLAYER_SQL = (
    f"{RANKED} WHERE board = ? AND player = ? ORDER BY score DESC, duration_s, id LIMIT ?"
)
PERSONAL_BEST_SQL = (
    f"{RANKED} WHERE player = ? AND board = ? AND id IS NOT ?"
    " ORDER BY score DESC, duration_s, id LIMIT 1"
)
ROUND_SQL = f"{RANKED} WHERE id = ?"
PLAYER_ROUNDS_SQL = f"{RANKED} WHERE player = ? ORDER BY finished_at DESC, id DESC LIMIT ?"

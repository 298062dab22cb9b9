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
import math
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from quiz.atomic import output_file
from quiz.errors import QuizError
from quiz.store.modes import ReviewRecord
from quiz.store.player import MAX_NAME_LENGTH, normalize_player_name
from quiz.store.ranges import Refused, check_round
from quiz.store.records import INPUTS, SOLO, TERMINAL, AnswerRecord, RoundRecord
from quiz.store.rows import INT64, insert_round, iso_utc, parse_utc, read_list, storable

MAX_EXPORT_BYTES = 512 * 2**20  # some 300,000 rounds with their answers
FORMAT = "quiz-scores"
LEFT_OUT = "the round was left out"
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


class _Invalid(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True, slots=True)
class ExportFile:
    """The rounds of an export file that can be imported, and a note for each one that cannot
    (or that was clamped to fit)."""

    rounds: list[RoundRecord]
    notes: list[str]
    reviews: list[ReviewRecord] = field(default_factory=list)  # answers given in reviews


def read_export(source: Path | str) -> ExportFile:
    """The rounds of an export file (``-``: standard input), every field checked.

    Raises :class:`QuizError` if it is not an export file at all; a round that
    cannot be imported is left out with a note.
    """
    from quiz.reading import STDIN, display_path, json_int, read_bounded, utf8_text

    hint = "export files are written by `quiz scores export FILE`"
    path = "standard input" if source == STDIN else display_path(source)
    raw = read_bounded(source, MAX_EXPORT_BYTES, path, what="score files")
    try:
        text = utf8_text(raw, path, what="JSON")
        data = json.loads(text, parse_constant=_no_constant, parse_int=json_int)
    except json.JSONDecodeError as exc:
        message = f"{path} is not a quiz scores file: invalid JSON at line {exc.lineno}"
        raise QuizError(f"{message}, column {exc.colno}: {exc.msg}", hint=hint) from None
    except (ValueError, RecursionError) as exc:
        raise QuizError(f"{path} is not a quiz scores file: {exc}", hint=hint) from None
    try:
        found = _rounds(data)
        found.reviews.extend(_reviews(data))
    except _Invalid as exc:
        raise QuizError(f"{path}: {exc}", hint=hint) from None
    return found


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


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


def _rounds(data: object) -> ExportFile:
    top = _object(data, "")
    if top.get("format") != FORMAT:
        raise _Invalid("", f'"format" is not "{FORMAT}": this is not a quiz scores file')
    version = top.get("version")
    if type(version) is not int or version < 1:
        raise _Invalid("version", "expected a whole number")
    if version > VERSION:
        raise _Invalid("", f"written by a newer quiz (version {version}); upgrade quiz to read it")
    rounds = top.get("rounds")
    if not isinstance(rounds, list):
        raise _Invalid("rounds", "expected a list")
    found = ExportFile([], [])
    for index, item in enumerate(rounds):
        where = f"rounds[{index}]"
        clamped: list[str] = []
        name = item.get("player") if isinstance(item, dict) else None
        if isinstance(name, str) and len(" ".join(name.split())) > MAX_NAME_LENGTH:
            clamped.append(f"player cut to its first {MAX_NAME_LENGTH} characters")
        try:
            found.rounds.append(check_round(_round(item, where), clamped))
        except _Invalid as exc:
            found.notes.append(f"{exc}; {LEFT_OUT}")
            continue
        except Refused as exc:
            found.notes.append(f"{where}: {exc}; {LEFT_OUT}")
            continue
        found.notes.extend(f"{where}: {note}" for note in clamped)
    return found


def _reviews(data: object) -> list[ReviewRecord]:
    reviews = _object(data, "").get("reviews", [])
    if not isinstance(reviews, list):
        raise _Invalid("reviews", "expected a list")
    return [_review(item, f"reviews[{index}]") for index, item in enumerate(reviews)]


def _review(data: object, where: str) -> ReviewRecord:
    item = _object(data, where)
    try:
        player = normalize_player_name(_get(item, "player", where, str))
    except QuizError as exc:
        raise _Invalid(f"{where}.player", exc.message) from None
    return ReviewRecord(
        player=player,
        pack_id=_text(item, "pack_id", where),
        question_id=_text(item, "question_id", where),
        correct=_get(item, "correct", where, bool),
        at=_moment(item, "answered_at", where),
    )


def _round(data: object, where: str) -> RoundRecord:
    item = _object(data, where)
    answers = _get(item, "answers", where, list)
    try:
        player = normalize_player_name(_get(item, "player", where, str))
    except QuizError as exc:
        raise _Invalid(f"{where}.player", exc.message) from None
    return RoundRecord(
        player=player,
        board=_text(item, "board", where),
        pack_ids=_texts(item, "packs", where),
        score=_int(item, "score", where, low=-INT64),
        correct=_int(item, "correct", where),
        total=_int(item, "total", where),
        best_streak=_int(item, "best_streak", where),
        duration=_number(item, "duration_s", where),
        seed=_int(item, "seed", where, high=None),
        time_limit=None if item.get("time_limit") is None else _number(item, "time_limit", where),
        finished_at=_moment(item, "finished_at", where),
        answers=tuple(_answer(a, f"{where}.answers[{i}]") for i, a in enumerate(answers)),
        input=_choice(item, "input", where, INPUTS, TERMINAL),
        mode=_text(item, "mode", where) if "mode" in item else SOLO,
        answered=_int(item, "answered", where) if item.get("answered") is not None else None,
        skipped=_int(item, "skipped", where) if item.get("skipped") is not None else None,
    )


def _choice(
    item: dict[str, Any], key: str, where: str, allowed: Sequence[str], default: str
) -> str:
    """An optional field (older exports lack it) that is one of ``allowed``."""
    if key not in item:
        return default
    value: str = _get(item, key, where, str)
    if value not in allowed:
        raise _Invalid(f"{where}.{key}", f"expected one of {', '.join(allowed)}")
    return value


def _answer(data: object, where: str) -> AnswerRecord:
    item = _object(data, where)
    return AnswerRecord(
        pack_id=_text(item, "pack_id", where),
        question_id=_text(item, "question_id", where),
        given=_get(item, "given", where, str),
        correct=_get(item, "correct", where, bool),
        skipped=_get(item, "skipped", where, bool),
        late=_get(item, "late", where, bool),
        elapsed=_number(item, "elapsed_s", where),
        points=_int(item, "points", where, low=-INT64),
        tags=_texts(item, "tags", where),
    )


def _object(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _Invalid(where, "expected an object")
    return data


_KIND_NAMES = {str: "text", bool: "true or false", list: "a list"}


def _get(item: dict[str, Any], key: str, where: str, kind: type[Any]) -> Any:
    if key not in item:
        raise _Invalid(f"{where}.{key}".lstrip("."), "missing")
    value = item[key]
    if type(value) is not kind:
        raise _Invalid(f"{where}.{key}", f"expected {_KIND_NAMES.get(kind, kind.__name__)}")
    return value


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value: str = _get(item, key, where, str)
    if not value.strip():
        raise _Invalid(f"{where}.{key}", "must not be empty")
    return value


def _texts(item: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values: list[Any] = _get(item, key, where, list)
    for index, value in enumerate(values):
        if type(value) is not str:
            raise _Invalid(f"{where}.{key}[{index}]", "expected text")
    return tuple(values)


def _int(
    item: dict[str, Any], key: str, where: str, *, low: int = 0, high: int | None = INT64
) -> int:
    """A whole number of at least ``low`` (below ``high``; SQLite's integers are 64-bit)."""
    if key not in item:
        raise _Invalid(f"{where}.{key}", "missing")
    value = item[key]
    if type(value) is not int or value < low or (high is not None and value >= high):
        bound = "" if low < 0 else " of 0 or more"
        raise _Invalid(f"{where}.{key}", f"expected a whole number{bound}")
    return value


def _number(item: dict[str, Any], key: str, where: str) -> float:
    if key not in item:
        raise _Invalid(f"{where}.{key}", "missing")
    value = item[key]
    try:
        number = float(value) if type(value) in (int, float) else math.nan
    except OverflowError:  # an integer too big for a float
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise _Invalid(f"{where}.{key}", "expected a number of 0 or more")
    return number


def _moment(item: dict[str, Any], key: str, where: str) -> datetime:
    text: str = _get(item, key, where, str)
    try:
        return parse_utc(text)
    except (ValueError, OverflowError):  # OverflowError: year 1 at +14:00 is before year 1 in UTC
        raise _Invalid(f"{where}.{key}", "expected a date and time (ISO 8601)") from None

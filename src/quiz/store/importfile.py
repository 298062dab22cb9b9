"""Reading a score export file (``quiz scores import``): every field checked.

The format is described in :mod:`quiz.store.transfer`, which writes it. A
round whose fields are out of range is left out (or its text cut) with a note,
never imported as it stands.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from quiz.errors import QuizError
from quiz.store.modes import ReviewRecord
from quiz.store.player import MAX_NAME_LENGTH, normalize_player_name
from quiz.store.ranges import Refused, check_round
from quiz.store.records import INPUTS, SOLO, TERMINAL, AnswerRecord, RoundRecord
from quiz.store.rows import INT64, parse_utc
from quiz.store.transfer import FORMAT, VERSION

MAX_EXPORT_BYTES = 512 * 2**20  # some 300,000 rounds with their answers
LEFT_OUT = "the round was left out"


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

"""Import questions from a spreadsheet saved as CSV.

The first row names the columns; only ``prompt`` and ``answer`` are required.
Column names are read without regard to case, spaces, ``_`` or ``-``.

==============  ================================================================
column          meaning
==============  ================================================================
prompt          the question (``question`` is read as ``prompt`` too)
answer          the right answer
wrong1..wrongN  wrong options of a choice question (the first 5 are kept); a
                single ``wrong`` column may hold them instead, separated by ``|``
type            ``choice``, ``truefalse``, ``text`` or ``number``; when empty,
                ``choice`` if a wrong option is filled in, otherwise ``text``
difficulty      ``easy``, ``medium`` or ``hard`` (default ``medium``)
tags            topics, separated by ``|``: ``people|dates``
accept          text questions: other accepted spellings, separated by ``|``
tolerance       number questions: how far from the answer still counts
explanation     shown after the player answers
hint            an optional nudge
source          a short verbatim excerpt of the source text
id              the question id; made from the prompt when empty
==============  ================================================================

A truefalse answer is ``true``/``false`` or ``yes``/``no`` (any case). A number
answer is written as ``30``, ``-2.5``, ``1e3`` or ``1_000``; a decimal comma
(``2,5``) is read as a decimal point, with a note.

The file is UTF-8 (a byte-order mark, as Excel writes, is fine). Fields are
separated by commas, semicolons or tabs, whichever splits the header row into
``prompt`` and ``answer``. Quoted fields may hold separators, quotes (doubled)
and line breaks; blank lines are skipped. Every note names the line the record
starts on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import (
    VALID_ID,
    Conversion,
    Draft,
    decode_text,
    pack_names,
    parse_number,
    slugify,
)
from quiz.errors import QuizError
from quiz.packs import spec

EXPECTED = "CSV with a header row naming at least the columns prompt and answer"
LIST_SEPARATOR = "|"
COLUMNS = (
    "prompt",
    "answer",
    "wrong",
    "type",
    "difficulty",
    "tags",
    "accept",
    "tolerance",
    "explanation",
    "hint",
    "source",
    "id",
)
_ALIASES = {"question": "prompt", "tag": "tags"}
_WRONG_N = re.compile(r"wrong(\d+)\Z")
_TYPES = {
    "choice": "choice",
    "multiple": "choice",
    "multiplechoice": "choice",
    "mc": "choice",
    "truefalse": "truefalse",
    "boolean": "truefalse",
    "bool": "truefalse",
    "tf": "truefalse",
    "text": "text",
    "short": "text",
    "shortanswer": "text",
    "number": "number",
    "numeric": "number",
    "num": "number",
}
_BOOLS = {"true": True, "false": False, "yes": True, "no": False}
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")

Row = tuple[int, list[str]]  # the line the record starts on, and its cells


def convert_csv(
    data: bytes, label: str, *, pack_id: str | None = None, title: str | None = None
) -> Conversion:
    """Convert a CSV file with a header row to a format-1 document."""
    names = pack_names(label, pack_id, title)
    text = decode_text(data, label, EXPECTED)
    delimiter, header_line, header = _find_header(text, label)
    collector = Collector()
    columns = _columns(header, f"line {header_line}", collector)
    for line, cells in _rows(text, delimiter, label):
        if line <= header_line or not any(c.strip() for c in cells):
            continue
        values, wrong = _values(cells, columns, len(header), f"line {line}", collector)
        draft = _draft(values, wrong, f"line {line}", collector)
        if draft is not None:
            collector.add(draft)
    return collector.finish(label, names, EXPECTED)


def _rows(text: str, delimiter: str, label: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise QuizError(f"{label}:line {start}: not readable as CSV: {exc}") from None


def _find_header(text: str, label: str) -> tuple[str, int, list[str]]:
    """The delimiter that splits the first row into known columns, and that row."""
    for delimiter in (",", ";", "\t"):
        try:
            first = next(((n, c) for n, c in _rows(text, delimiter, label) if any(c)), None)
        except QuizError:
            continue
        if first is None:
            raise QuizError(f"{label}: the file is empty; expected {EXPECTED}")
        names = {_column_name(c) for c in first[1]}
        if {"prompt", "answer"} <= names:
            return delimiter, first[0], first[1]
    raise QuizError(
        f"{label}: no header row with the columns prompt and answer; expected {EXPECTED}"
    )


def _column_name(cell: str) -> str:
    name = re.sub(r"[\s_-]+", "", cell.strip().lower())
    return _ALIASES.get(name, name)


def _columns(header: list[str], where: str, collector: Collector) -> dict[int, str]:
    """Which known column each cell position holds."""
    columns: dict[int, str] = {}
    for i, cell in enumerate(header):
        name = _column_name(cell)
        if name in columns.values():
            collector.note(where, f"column '{cell.strip()}' appears twice; the first is used")
        elif name in COLUMNS or _WRONG_N.match(name):
            columns[i] = name
        elif name:
            collector.note(
                where,
                f"unknown column '{cell.strip()}' ignored; known columns: "
                f"{', '.join(COLUMNS)}, wrong1..wrongN",
            )
    return columns


def _values(
    cells: list[str], columns: dict[int, str], width: int, where: str, collector: Collector
) -> tuple[dict[str, str], list[str]]:
    """The row's cells by column name, and its wrong options in column order."""
    if any(c.strip() for c in cells[width:]):
        collector.note(where, f"{len(cells) - width} cells beyond the header's columns ignored")
    values = {
        name: cells[i].replace("\r\n", "\n").replace("\r", "\n").strip()
        for i, name in columns.items()
        if i < len(cells)
    }
    numbered = sorted((k for k in values if _WRONG_N.match(k)), key=_wrong_no)
    wrong = [values[k] for k in numbered if values[k]] + _split(values.get("wrong", ""))
    return values, wrong


def _wrong_no(name: str) -> int:
    match = _WRONG_N.match(name)
    return int(match.group(1)) if match else 0


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def _draft(
    values: dict[str, str], wrong: list[str], where: str, collector: Collector
) -> Draft | None:
    raw_type = values.get("type", "")
    qtype = _TYPES.get(_column_name(raw_type)) if raw_type else ("choice" if wrong else "text")
    if qtype is None:
        collector.skip(
            where, f"unknown type '{raw_type}'; expected one of: {', '.join(spec.QUESTION_TYPES)}"
        )
        return None
    raw_answer = values.get("answer", "")
    if not raw_answer:
        collector.skip(where, "no answer")
        return None
    answer = _answer(raw_answer, qtype, where, collector)
    if answer is None:
        return None
    _ignored_columns(values, bool(wrong), qtype, where, collector)
    return Draft(
        where=where,
        type=qtype,
        prompt=values.get("prompt", ""),
        answer=answer,
        wrong=wrong if qtype == "choice" else [],
        accept=_split(values.get("accept", "")) if qtype == "text" else [],
        tolerance=_tolerance(values, qtype, where, collector),
        difficulty=values.get("difficulty") or None,
        tags=_split(values.get("tags", "")),
        explanation=values.get("explanation"),
        hint=values.get("hint"),
        source=values.get("source"),
        id_hint=_id_hint(values.get("id", ""), where, collector),
    )


def _answer(raw: str, qtype: str, where: str, collector: Collector) -> Any:
    if qtype == "truefalse":
        value = _BOOLS.get(raw.lower())
        if value is None:
            collector.skip(where, f"a truefalse answer must be true, false, yes or no, not '{raw}'")
        return value
    if qtype != "number":
        return raw
    number = parse_number(raw)
    if number is None and _DECIMAL_COMMA.match(raw):
        number = parse_number(raw.replace(",", "."))
        collector.note(where, f"read the answer '{raw}' as {number}")
    if number is None:
        collector.skip(where, f"a number question's answer must be a number, not '{raw}'")
    return number


def _tolerance(
    values: dict[str, str], qtype: str, where: str, collector: Collector
) -> float | None:
    raw = values.get("tolerance", "")
    if not raw or qtype != "number":
        return None
    value = parse_number(raw)
    if value is None:
        collector.note(where, f"tolerance '{raw}' is not a number; left out")
        return None
    return float(value)


def _ignored_columns(
    values: dict[str, str], has_wrong: bool, qtype: str, where: str, collector: Collector
) -> None:
    filled = {
        "wrong": has_wrong,
        "accept": bool(values.get("accept")),
        "tolerance": bool(values.get("tolerance")),
    }
    for name, only_for in (("wrong", "choice"), ("accept", "text"), ("tolerance", "number")):
        if filled[name] and qtype != only_for:
            collector.note(
                where,
                f"'{name}' is only for {only_for} questions; ignored on this {qtype} question",
            )


def _id_hint(raw: str, where: str, collector: Collector) -> str | None:
    if not raw:
        return None
    if not VALID_ID.match(raw):
        collector.note(
            where,
            f"'{raw}' is not a valid id ({spec.ID_RULE}); "
            f"used '{slugify(raw) or 'one made from the prompt'}'",
        )
    return raw

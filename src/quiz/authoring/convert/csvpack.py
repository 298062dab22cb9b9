"""Import questions from a spreadsheet saved as CSV.

Columns are found from a header row with common names (``csvcolumns``):
``question``/``prompt``; ``answer``/``right_answer``/``correct_answer``/
``correct``; wrong options as ``wrong1..N``, ``wrong_one..``,
``incorrect_answers`` (one cell, ``a;b;c`` or ``a|b|c``); options with the
number or letter of the right one (``option_a..``, ``A..D``, ``Answer 1..4``
beside ``Correct answer(s)`` as in Kahoot's template); ``type``,
``difficulty``, ``category``/``tags``, ``explanation``, ``hint``, ``source``,
``accept``, ``tolerance``, ``id`` and a time limit. Rows above the header
(Kahoot's instructions) are skipped. A file with no header row is read as
question, answer, then wrong options. ``--columns`` names the columns instead.

Without a type column: options or wrong options make a choice question, an
answer of true/false (with at most the other as a wrong option) a truefalse
one, a plain number a number one, anything else a text one. A truefalse
answer is ``true``/``false``/``yes``/``no``; a number is ``30``, ``-2.5``,
``1e3``, ``1_000``, or ``2,5`` with a decimal comma (noted).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from quiz.authoring.convert import csvcolumns as cols
from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import (
    VALID_ID,
    Conversion,
    Draft,
    Progress,
    pack_names,
    slugify,
)
from quiz.authoring.convert.csvread import Row, decode_csv, encoding_name, rows, sniff_delimiter
from quiz.errors import QuizError
from quiz.game.numbers import parse_numeral
from quiz.packs import spec

EXPECTED = "CSV with a question and an answer column (a header row naming them, or two columns)"
_HEADER_SEARCH = 30  # rows looked at for a header (Kahoot puts instructions above it)
_TYPES = {
    "choice": "choice", "multiple": "choice", "multiplechoice": "choice", "mc": "choice",
    "quiz": "choice", "truefalse": "truefalse", "boolean": "truefalse", "bool": "truefalse",
    "tf": "truefalse", "text": "text", "short": "text", "shortanswer": "text",
    "typeanswer": "text", "number": "number", "numeric": "number", "num": "number",
}  # fmt: skip
_BOOLS = {"true": True, "false": False, "yes": True, "no": False}
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")
_PLAIN_NUMBER = re.compile(r"-?(?:[1-9]\d{0,14}|0)(?:\.\d{1,10})?\Z")
_PICKS = re.compile(r"\s*(?:\d{1,2}|[A-Fa-f])(?:\s*[,;|/&]\s*(?:\d{1,2}|[A-Fa-f]))*\s*\Z")


def convert_csv(
    data: bytes,
    label: str,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
    columns: list[str] | None = None,
) -> Conversion:
    """Convert a CSV file to a format-1 document."""
    names = pack_names(label, pack_id, title)
    text, codec = decode_csv(data, label)
    delimiter = sniff_delimiter(text, label, cols.looks_like_header)
    collector = Collector(progress)
    records = rows(text, delimiter, label)
    head = list(itertools.islice(records, _HEADER_SEARCH))
    layout, first = _layout(head, columns, label, collector)
    collector.detected += [
        f"read as {encoding_name(codec)}, fields separated by {_delimiter_name(delimiter)}",
        f"columns used: {layout.describe()}",
    ]
    times: Counter[float] = Counter()
    total = max(1, text.count("\n") + text.count("\r") - text.count("\r\n"))
    for line, cells in itertools.chain(head[first:], records):
        if any(c.strip() for c in cells):
            draft = _draft(cells, layout, f"line {line}", collector, times)
            if draft is not None:
                collector.add(draft)
        collector.tick(line, total)
    return collector.finish(label, names, EXPECTED, meta=_time_meta(times, collector))


def _delimiter_name(delimiter: str) -> str:
    return {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}[delimiter]


def _layout(
    head: list[Row], columns: list[str] | None, label: str, collector: Collector
) -> tuple[cols.Layout, int]:
    """The columns' roles, and the index in ``head`` of the first data row."""
    filled = [i for i, (_, cells) in enumerate(head) if any(c.strip() for c in cells)]
    if not filled:
        raise QuizError(f"{label}: the file is empty; expected {EXPECTED}")
    if columns is not None:
        try:
            layout = cols.layout_from_names(columns)
        except ValueError as exc:
            raise QuizError(f"--columns: {exc}") from None
        first = filled[0]
        return layout, first + 1 if cols.looks_like_header(head[first][1]) else first
    for i in filled:
        header_layout, unknown = cols.layout_from_header(head[i][1])
        if header_layout.usable():
            where = f"line {head[i][0]}"
            if i != filled[0]:
                collector.note(
                    where, f"skipped {len(filled[: filled.index(i)])} rows above the header"
                )
            if unknown:
                collector.note(where, f"columns not used: {', '.join(unknown)}")
            return header_layout, i + 1
        if i == filled[0] and header_layout.names:
            found = ", ".join(c.strip() for c in head[i][1] if c.strip())
            raise QuizError(
                f"{label}:line {head[i][0]}: the header row ({found}) names no question and "
                "answer columns",
                hint="name them question and answer, or give --columns prompt,answer,...",
            )
    widths = Counter(len(head[i][1]) for i in filled)
    width = widths.most_common(1)[0][0]
    if width < 2:
        raise QuizError(f"{label}: no usable questions found: one column only; expected {EXPECTED}")
    return cols.headerless_layout(width), filled[0]


def _cell(cells: list[str], position: int) -> str:
    if position >= len(cells):
        return ""
    return cells[position].replace("\r\n", "\n").replace("\r", "\n").strip()


def _split(cell: str) -> list[str]:
    separator = "|" if "|" in cell else ";"
    return [part.strip() for part in cell.split(separator) if part.strip()]


def _draft(
    cells: list[str], layout: cols.Layout, where: str, collector: Collector, times: Counter[float]
) -> Draft | None:
    if layout.width and any(c.strip() for c in cells[layout.width :]):
        extra = len(cells) - layout.width
        collector.note(where, f"{extra} cells beyond the header's columns ignored")
    values = {role: _cell(cells, p) for role, p in layout.single.items()}
    lists = {
        role: [part for p in positions for part in _split(_cell(cells, p))]
        for role, positions in layout.lists.items()
    }
    answer_text, wrong = values.get("answer", ""), lists.get("wrong", [])
    options = lists.get("options", [])
    if options:
        picked = _pick(answer_text, options, where, collector)
        if picked is None:
            return None
        answer_text, wrong = picked[0], picked[1] + wrong
    if not answer_text:
        collector.skip(where, "no answer")
        return None
    qtype = _type(values.get("type", ""), answer_text, wrong, where, collector)
    if qtype is None:
        return None
    answer = _answer(answer_text, qtype, where, collector)
    if answer is None:
        return None
    _ignored_columns(values, lists, bool(wrong), qtype, where, collector)
    _time(values.get("time", ""), times)
    return Draft(
        where=where,
        type=qtype,
        prompt=values.get("prompt", ""),
        answer=answer,
        wrong=wrong if qtype == "choice" else [],
        accept=lists.get("accept", []) if qtype == "text" else [],
        tolerance=_tolerance(values, qtype, where, collector),
        difficulty=values.get("difficulty") or None,
        tags=lists.get("tags", []),
        explanation=values.get("explanation"),
        hint=values.get("hint"),
        source=values.get("source"),
        id_hint=_id_hint(values.get("id", ""), where, collector),
    )


def _pick(
    answer: str, options: list[str], where: str, collector: Collector
) -> tuple[str, list[str]] | None:
    """The right option (by its text, number or letter) and the others."""
    if answer in options:
        at = options.index(answer)
        return options[at], options[:at] + options[at + 1 :]
    if not _PICKS.match(answer):
        folded = [o.casefold() for o in options]
        if answer.casefold() in folded:
            at = folded.index(answer.casefold())
            return options[at], options[:at] + options[at + 1 :]
        return answer, options  # an answer beside its wrong options
    picks = sorted({_index(p) for p in re.split(r"\s*[,;|/&]\s*", answer.strip())})
    if any(p >= len(options) for p in picks):
        collector.skip(where, f"the answer '{answer}' names an option that is not there")
        return None
    if len(picks) > 1:
        named = ", ".join(f"'{options[p]}'" for p in picks)
        collector.skip(where, f"several correct answers ({named}): choice questions have one")
        return None
    at = picks[0]
    return options[at], options[:at] + options[at + 1 :]


def _index(pick: str) -> int:
    return int(pick) - 1 if pick.isdigit() else ord(pick.lower()) - ord("a")


def _type(raw: str, answer: str, wrong: list[str], where: str, collector: Collector) -> str | None:
    if raw:
        qtype = _TYPES.get(cols.header_key(raw))
        if qtype is None:
            collector.skip(
                where, f"unknown type '{raw}'; expected one of: {', '.join(spec.QUESTION_TYPES)}"
            )
        return qtype
    folded = {answer.casefold(), *(w.casefold() for w in wrong)}
    if answer.casefold() in ("true", "false") and folded <= {"true", "false"}:
        return "truefalse"
    if wrong:
        return "choice"
    return "number" if _PLAIN_NUMBER.match(answer) else "text"


def _answer(raw: str, qtype: str, where: str, collector: Collector) -> Any:
    if qtype == "truefalse":
        value = _BOOLS.get(raw.lower())
        if value is None:
            collector.skip(where, f"a truefalse answer must be true, false, yes or no, not '{raw}'")
        return value
    if qtype != "number":
        return raw
    number = parse_numeral(raw)
    if number is None and _DECIMAL_COMMA.match(raw):
        number = parse_numeral(raw.replace(",", "."))
        collector.note(where, f"read the answer '{raw}' as {number}")
    if number is None:
        shown = raw if len(raw) <= 40 else f"{raw[:20]}... ({len(raw):,} characters)"
        collector.skip(where, f"a number question's answer must be a number, not '{shown}'")
    return number


def _tolerance(
    values: dict[str, str], qtype: str, where: str, collector: Collector
) -> float | None:
    raw = values.get("tolerance", "")
    if not raw or qtype != "number":
        return None
    value = parse_numeral(raw)
    if value is None:
        collector.note(where, f"tolerance '{raw[:40]}' is not a number; left out")
        return None
    return float(value)


def _time(raw: str, times: Counter[float]) -> None:
    value = parse_numeral(raw) if raw else None
    if value is not None and 0 < value <= 3600:
        times[float(value)] += 1


def _time_meta(times: Counter[float], collector: Collector) -> dict[str, Any]:
    """The pack's time limit: the one most questions had (packs have one for all)."""
    if not times:
        return {}
    limit, _ = times.most_common(1)[0]
    if len(times) == 1:
        collector.detected.append(
            f"every question had a time limit of {limit:g} s: the pack's time limit"
        )
    else:
        listed = ", ".join(f"{t:g} s ({n})" for t, n in sorted(times.items()))
        collector.note(
            "time limit",
            f"questions had their own time limits ({listed}); the pack uses {limit:g} s",
        )
    return {"defaults": {"time_limit": int(limit) if limit.is_integer() else limit}}


def _ignored_columns(
    values: dict[str, str],
    lists: dict[str, list[str]],
    has_wrong: bool,
    qtype: str,
    where: str,
    collector: Collector,
) -> None:
    filled = {
        "wrong": has_wrong,
        "accept": bool(lists.get("accept")),
        "tolerance": bool(values.get("tolerance")),
    }
    for name, only_for in (("wrong", "choice"), ("accept", "text"), ("tolerance", "number")):
        if filled[name] and qtype != only_for and not (name == "wrong" and qtype == "truefalse"):
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
            f"'{raw[:64]}' is not a valid id ({spec.ID_RULE}); "
            f"used '{slugify(raw) or 'one made from the prompt'}'",
        )
    return raw

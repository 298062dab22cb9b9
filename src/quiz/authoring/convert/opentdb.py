"""Import questions saved from the Open Trivia Database (opentdb.com) API.

The input is the API's JSON answer, ``{"response_code": 0, "results": [...]}``
(a bare list of results is read too). Strings are decoded the way they were
fetched, which is seen from the data itself: the default HTML entities
(``&quot;``, ``&#039;``, ``&eacute;``), ``encode=base64``, ``encode=url3986``
(``%20``) or ``encode=urlLegacy`` (``+`` for spaces). A ``multiple`` record
becomes a choice question, a ``boolean`` one a truefalse question; the
category becomes a tag (``Entertainment: Film`` -> ``entertainment-film``).
The API's error answers (no results, a spent session token, the rate limit)
and its other answers (a session token, the category list) are explained.
Numbers in the JSON are read as the text they are, so a 5,000-digit number
is a record skipped with a note, never a crash.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, unquote_plus

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import (
    Conversion,
    Draft,
    Progress,
    decode_text,
    pack_names,
)
from quiz.errors import QuizError

EXPECTED = 'Open Trivia DB JSON: an object with a "results" list of questions'
RESPONSE_CODES = {
    1: (
        "no results: the database has too few questions for that query",
        "ask for fewer questions (amount=) or another category or difficulty",
    ),
    2: ("invalid parameter: the request's arguments were not valid", "check the request's URL"),
    3: ("token not found: the session token does not exist", "ask for a new session token"),
    4: (
        "token empty: the session token has given every question for this query",
        "reset the token (command=reset) or ask without it",
    ),
    5: ("rate limit: too many requests", "wait 5 seconds between requests"),
}
_BASE64_TYPES = frozenset({"bXVsdGlwbGU=", "Ym9vbGVhbg=="})  # "multiple", "boolean"
_SURROGATE = re.compile("[\ud800-\udfff]")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def convert_opentdb(
    data: bytes,
    label: str,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Conversion:
    """Convert Open Trivia DB JSON to a format-1 document."""
    names = pack_names(label, pack_id, title)
    collector = Collector(progress)
    results = _results(_load(data, label), label, collector)
    decode, encoding = _decoder(results)
    if encoding is not None:
        collector.detected.append(f"strings decoded as fetched with {encoding}")
    reader = _Reader(decode)
    for i, record in enumerate(results):
        draft = _draft(record, f"results[{i}]", collector, reader)
        if draft is not None:
            collector.add(draft)
        collector.tick(i + 1, len(results))
    meta = {
        "description": "Imported from the Open Trivia Database (CC BY-SA 4.0).",
        "source": {"publisher": "Open Trivia Database", "url": "https://opentdb.com"},
    }
    return collector.finish(label, names, EXPECTED, meta=meta)


def _load(data: bytes, label: str) -> Any:
    text = decode_text(data, label, EXPECTED)
    try:
        # Numbers stay the text they are: no 5,000-digit int is ever built.
        return json.loads(text, parse_int=str, parse_float=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        raise QuizError(
            f"{label}:line {exc.lineno}: not JSON ({exc.msg}); expected {EXPECTED}"
        ) from None
    except RecursionError:
        raise QuizError(f"{label}: the JSON is nested too deeply; expected {EXPECTED}") from None


def _results(document: Any, label: str, collector: Collector) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise QuizError(f"{label}: expected {EXPECTED}")
    _not_questions(document, label)
    results = document.get("results")
    code = document.get("response_code", "0")
    meaning, hint = RESPONSE_CODES.get(int(code) if str(code).isdigit() else -1, ("unknown", ""))
    if not isinstance(results, list) or (not results and str(code) != "0"):
        if str(code) != "0":
            raise QuizError(
                f"{label}: the API answered response_code {code} ({meaning}) and sent no questions",
                hint=hint or None,
            )
        raise QuizError(f"{label}: expected {EXPECTED}")
    if str(code) != "0":
        collector.note(
            "response_code",
            f"the API answered {code} ({meaning}); the questions it sent were imported",
        )
    return results


def _not_questions(document: dict[str, Any], label: str) -> None:
    """The API's answers that hold no questions, said for what they are."""
    if "token" in document and "results" not in document:
        raise QuizError(
            f"{label}: this is a session token from the API, not questions",
            hint="fetch questions with &token=... added to the request, and import that answer",
        )
    if "trivia_categories" in document:
        raise QuizError(
            f"{label}: this is the API's list of categories, not questions",
            hint="fetch questions with &category=ID and import that answer",
        )
    if "category_question_count" in document or "overall" in document:
        raise QuizError(f"{label}: this is the API's count of questions, not questions")


def _decoder(results: list[Any]) -> tuple[Callable[[str], str], str | None]:
    """How the strings were encoded when fetched, seen from the records themselves."""
    records = [r for r in results if isinstance(r, dict)]
    if records and all(str(r.get("type")) in _BASE64_TYPES for r in records):
        return _from_base64, "encode=base64"
    questions = [q for r in records if isinstance(q := r.get("question"), str)]
    if not questions or any(" " in q.strip() for q in questions):
        return html.unescape, None
    if any("+" in q for q in questions):
        return unquote_plus, "encode=urlLegacy"
    if any(_PERCENT.search(q) for q in questions):
        return unquote, "encode=url3986"
    return html.unescape, None


def _from_base64(value: str) -> str:
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return value


class _Reader:
    """Record fields as text, decoded the way the file was fetched."""

    def __init__(self, decode: Callable[[str], str]) -> None:
        self.decode = decode

    def text(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        # JSON can escape a lone surrogate ("\ud800"), which no UTF-8 file can hold.
        return _SURROGATE.sub("\ufffd", self.decode(value)).strip()


def _draft(record: Any, where: str, collector: Collector, reader: _Reader) -> Draft | None:
    if not isinstance(record, dict):
        collector.skip(where, "not a question object")
        return None
    missing = [k for k in ("type", "question", "correct_answer") if record.get(k) is None]
    kind = reader.text(record.get("type"))
    if kind == "multiple" and record.get("incorrect_answers") is None:
        missing.append("incorrect_answers")
    if missing:
        collector.skip(where, "missing " + ", ".join(f"'{k}'" for k in missing))
        return None
    prompt, answer = reader.text(record["question"]), reader.text(record["correct_answer"])
    if prompt is None or answer is None:
        collector.skip(where, "'question' and 'correct_answer' must be text")
        return None
    category = reader.text(record.get("category"))
    difficulty = reader.text(record.get("difficulty"))
    common: dict[str, Any] = {
        "where": where,
        "prompt": prompt,
        "tags": [category] if category else [],
        "difficulty": difficulty,
    }
    if kind == "boolean":
        if answer.lower() not in ("true", "false"):
            collector.skip(
                where, f"a boolean question's answer must be True or False, not '{answer}'"
            )
            return None
        return Draft(type="truefalse", answer=answer.lower() == "true", **common)
    if kind == "multiple":
        wrong = _wrong_options(record["incorrect_answers"], where, collector, reader)
        return None if wrong is None else Draft(type="choice", answer=answer, wrong=wrong, **common)
    collector.skip(where, f"unknown type '{str(kind)[:40]}'; expected multiple or boolean")
    return None


def _wrong_options(
    value: Any, where: str, collector: Collector, reader: _Reader
) -> list[str] | None:
    if not isinstance(value, list):
        collector.skip(where, "'incorrect_answers' must be a list")
        return None
    wrong = [t for t in (reader.text(v) for v in value) if t is not None]
    if len(wrong) < len(value):
        collector.note(where, "left out incorrect answers that are not text")
    return wrong

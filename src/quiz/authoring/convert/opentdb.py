"""Import questions saved from the Open Trivia Database (opentdb.com) API.

The input is the API's JSON answer, ``{"response_code": 0, "results": [...]}``
(a bare list of results is read too), in the API's default encoding, where
strings are HTML-encoded (``&quot;``, ``&#039;``, ``&eacute;``). A ``multiple``
record becomes a choice question, a ``boolean`` one a truefalse question; the
category becomes a tag (``Entertainment: Film`` -> ``entertainment-film``).
Files fetched with ``encode=url3986`` or ``encode=base64`` are refused with a
hint to fetch them again without it.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import (
    Conversion,
    Draft,
    decode_text,
    pack_names,
)
from quiz.errors import QuizError

EXPECTED = 'Open Trivia DB JSON: an object with a "results" list of questions'
RESPONSE_CODES = {
    1: "no results: the database has too few questions for that query",
    2: "invalid parameter in the request",
    3: "session token not found",
    4: "session token exhausted: every question for the query was already given",
    5: "rate limit: too many requests",
}
_BASE64_TYPES = frozenset({"bXVsdGlwbGU=", "Ym9vbGVhbg=="})  # "multiple", "boolean"
_SURROGATE = re.compile("[\ud800-\udfff]")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_REFETCH = "fetch the questions again without the encode= parameter"


def convert_opentdb(
    data: bytes, label: str, *, pack_id: str | None = None, title: str | None = None
) -> Conversion:
    """Convert Open Trivia DB JSON to a format-1 document."""
    names = pack_names(label, pack_id, title)
    collector = Collector()
    results = _results(_load(data, label), label, collector)
    _refuse_other_encodings(results, label)
    for i, record in enumerate(results):
        draft = _draft(record, f"results[{i}]", collector)
        if draft is not None:
            collector.add(draft)
    return collector.finish(
        label,
        names,
        EXPECTED,
        description="Imported from the Open Trivia Database (CC BY-SA 4.0).",
        source={"publisher": "Open Trivia Database", "url": "https://opentdb.com"},
    )


def _load(data: bytes, label: str) -> Any:
    text = decode_text(data, label, EXPECTED)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise QuizError(
            f"{label}:line {exc.lineno}: not JSON ({exc.msg}); expected {EXPECTED}"
        ) from None
    except RecursionError:
        raise QuizError(f"{label}: the JSON is nested too deeply; expected {EXPECTED}") from None


def _results(document: Any, label: str, collector: Collector) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        raise QuizError(f"{label}: expected {EXPECTED}")
    results: list[Any] = document["results"]
    code = document.get("response_code", 0)
    if code != 0:
        meaning = RESPONSE_CODES.get(code, "unknown code") if isinstance(code, int) else "unknown"
        if not results:
            raise QuizError(
                f"{label}: the API answered response_code {code} ({meaning}) and sent no questions"
            )
        collector.note(
            "response_code",
            f"the API answered {code} ({meaning}); the questions it sent were imported",
        )
    return results


def _refuse_other_encodings(results: list[Any], label: str) -> None:
    records = [r for r in results if isinstance(r, dict)]
    if any(str(r.get("type")) in _BASE64_TYPES for r in records):
        raise QuizError(
            f"{label}: the strings are base64-encoded, which is not supported", hint=_REFETCH
        )
    questions = [q for r in records if isinstance(q := r.get("question"), str)]
    encoded = [q for q in questions if _PERCENT.search(q) and " " not in q.strip()]
    if questions and len(encoded) * 2 >= len(questions):
        raise QuizError(
            f"{label}: the strings are URL-encoded (url3986), which is not supported", hint=_REFETCH
        )


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        # JSON can escape a lone surrogate ("\ud800"), which no UTF-8 file can hold.
        return _SURROGATE.sub("\ufffd", html.unescape(value)).strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _draft(record: Any, where: str, collector: Collector) -> Draft | None:
    if not isinstance(record, dict):
        collector.skip(where, "not a question object")
        return None
    missing = [k for k in ("type", "question", "correct_answer") if record.get(k) is None]
    if record.get("type") == "multiple" and record.get("incorrect_answers") is None:
        missing.append("incorrect_answers")
    if missing:
        collector.skip(where, "missing " + ", ".join(f"'{k}'" for k in missing))
        return None
    prompt, answer = _text(record["question"]), _text(record["correct_answer"])
    if prompt is None or answer is None:
        collector.skip(where, "'question' and 'correct_answer' must be text")
        return None
    category = _text(record.get("category"))
    difficulty = _text(record.get("difficulty"))
    common: dict[str, Any] = {
        "where": where,
        "prompt": prompt,
        "tags": [category] if category else [],
        "difficulty": difficulty,
    }
    kind = record["type"]
    if kind == "boolean":
        if answer.lower() not in ("true", "false"):
            collector.skip(
                where, f"a boolean question's answer must be True or False, not '{answer}'"
            )
            return None
        return Draft(type="truefalse", answer=answer.lower() == "true", **common)
    if kind == "multiple":
        wrong = _wrong_options(record["incorrect_answers"], where, collector)
        return None if wrong is None else Draft(type="choice", answer=answer, wrong=wrong, **common)
    collector.skip(where, f"unknown type '{kind}'; expected multiple or boolean")
    return None


def _wrong_options(value: Any, where: str, collector: Collector) -> list[str] | None:
    if not isinstance(value, list):
        collector.skip(where, "'incorrect_answers' must be a list")
        return None
    wrong = [t for t in (_text(v) for v in value) if t is not None]
    if len(wrong) < len(value):
        collector.note(where, "left out incorrect answers that are not text")
    return wrong

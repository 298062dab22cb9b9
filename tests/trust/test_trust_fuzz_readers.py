"""Fuzzing the other readers: the question importers and the score import.

Whatever bytes arrive, an importer returns a document that passes the pack
loader (with a note for what it fixed or skipped) or raises :class:`QuizError`
saying what it expected; nothing else. The score import returns rounds within
every range quiz records (and notes), or refuses the file with
:class:`QuizError`. Quick variants run in the normal suite; the ``slow`` ones run
``QUIZ_FUZZ_EXAMPLES`` examples (see ``test_trust_fuzz.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hypothesis import strategies as st
from trust_support import twice

from quiz.authoring.convert import ImportFormat, converter
from quiz.errors import QuizError
from quiz.packs.load import parse_pack
from quiz.store import ranges
from quiz.store.importfile import read_export

T = TypeVar("T")

# -- importers -------------------------------------------------------------------------------

CSV_TOKENS = [
    *("prompt", "question", "answer", "wrong", "wrong1", "wrong2", "type", "difficulty"),
    *("tags", "accept", "tolerance", "id", "hint", "source", "explanation"),
    *(",", ";", "\t", '"', '""', "\n", "\r\n", "|", "choice", "number", "truefalse", "text"),
    *("easy", "hard", "9" * 5000, "1e999", "-0", "nan", "true", "T", "\ufeff", "\x00", "\u202e"),
]
GIFT_TOKENS = [
    *("::", "::id::", "{", "}", "=", "~", "#", "..", ":", "\\", "//", "$CATEGORY: ", "\n\n"),
    *("{T}", "{F}", "{TRUE}", "{#30}", "{#30:2}", "{#25..35}", "{=a =b}", "{=a ~b ~c}", "%50%"),
    *("[html]", "<b>", "&amp;", "9" * 5000, "é", "\x1b[2J", "\u202e", "\x00", "\ud800"),
]
OPENTDB_TOKENS = [
    *('{"response_code": 0, "results": [', "]}", "{", "}", "[", "]", ",", ":", '"type"'),
    *('"multiple"', '"boolean"', '"question"', '"correct_answer"', '"incorrect_answers"'),
    *('"difficulty"', '"easy"', '"category"', '"True"', '"False"', "&quot;", "&#039;", "null"),
    *("9" * 5000, "1e999", "-1", "true", '"\\u202e"', '"\\ud800"', "NaN", "Infinity"),
]


def tokens(words: list[str]) -> st.SearchStrategy[bytes]:
    parts = st.one_of(st.sampled_from(words), st.text(max_size=6))
    return st.lists(parts, max_size=60).map(lambda p: "".join(p).encode("utf-8", "surrogatepass"))


def opentdb_documents() -> st.SearchStrategy[bytes]:
    value = st.one_of(
        st.text(max_size=20),
        st.sampled_from(["multiple", "boolean", "easy", "hard", "True", "False", "Film"]),
        st.integers(),
        st.none(),
        st.lists(st.text(max_size=10), max_size=4),
    )
    keys = st.sampled_from(
        ["type", "difficulty", "category", "question", "correct_answer", "incorrect_answers"]
    )
    result = st.dictionaries(keys, value, max_size=6)
    doc = st.fixed_dictionaries({"response_code": st.just(0), "results": st.lists(result)})
    return doc.map(lambda d: json.dumps(d).encode())


def accepted(read: Callable[[], T]) -> T | None:
    """What ``read`` returns, or None when it refuses the input with a clear message."""
    try:
        return read()
    except QuizError as exc:
        refused = exc.message
    assert refused.strip()
    return None


def check_conversion(fmt: ImportFormat, data: bytes) -> None:
    conversion = accepted(lambda: converter(fmt)(data, f"fuzz.{fmt}"))
    if conversion is None:
        return
    for note in conversion.notes:
        assert note.message.strip()
    if conversion.count:
        text = yaml.safe_dump(conversion.document, allow_unicode=True, sort_keys=False)
        pack = parse_pack(text, "converted.yaml")
        assert len(pack.questions) == conversion.count


def _csv(data: bytes) -> None:
    check_conversion(ImportFormat.CSV, data)


def _gift(data: bytes) -> None:
    check_conversion(ImportFormat.GIFT, data)


def _opentdb(data: bytes) -> None:
    check_conversion(ImportFormat.OPENTDB, data)


test_csv_text, test_csv_text_long = twice(tokens(CSV_TOKENS), _csv, 150, share=2)
test_csv_bytes, test_csv_bytes_long = twice(st.binary(max_size=300), _csv, 100, share=2)
test_gift_text, test_gift_text_long = twice(tokens(GIFT_TOKENS), _gift, 150, share=2)
test_gift_bytes, test_gift_bytes_long = twice(st.binary(max_size=300), _gift, 100, share=2)
test_opentdb_text, test_opentdb_text_long = twice(tokens(OPENTDB_TOKENS), _opentdb, 150, share=2)
test_opentdb_docs, test_opentdb_docs_long = twice(opentdb_documents(), _opentdb, 100, share=2)

# -- the score import ------------------------------------------------------------------------

numbers = st.one_of(
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.sampled_from([0, 1, -1, 2**63, 10**400, 1e308, "3", True, None]),
)
texts = st.one_of(st.text(max_size=50), st.sampled_from(["", " ", "x" * 3000, "\u202e\x1b"]))
moments = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "yesterday"]),
    texts,
)
answer = st.fixed_dictionaries(
    {
        "pack_id": texts,
        "question_id": texts,
        "given": texts,
        "correct": st.booleans(),
        "skipped": st.booleans(),
        "late": st.booleans(),
        "elapsed_s": numbers,
        "points": numbers,
        "tags": st.lists(texts, max_size=3),
    }
)
rounds = st.fixed_dictionaries(
    {
        "player": texts,
        "board": texts,
        "packs": st.lists(texts, max_size=3),
        "score": numbers,
        "correct": numbers,
        "total": numbers,
        "best_streak": numbers,
        "duration_s": numbers,
        "seed": numbers,
        "time_limit": numbers,
        "finished_at": moments,
        "answers": st.lists(answer, max_size=3),
    }
)
exports = st.fixed_dictionaries(
    {
        "format": st.just("quiz-scores"),
        "version": st.just(1),
        "rounds": st.lists(rounds, max_size=3),
    }
)


def check_export(tmp: Path, data: bytes) -> None:
    path = tmp / "in.json"
    path.write_bytes(data)
    found = accepted(lambda: read_export(path))
    if found is None:
        return
    for record in found.rounds:
        assert 0 <= record.correct <= record.total <= ranges.MAX_QUESTIONS
        assert 0 <= record.best_streak <= record.correct
        assert 0 <= record.score <= ranges.MAX_SCORE
        assert ranges.EARLIEST <= record.finished_at < ranges.LATEST
        assert 0 <= record.duration <= ranges.MAX_SECONDS
        assert len(record.player) <= 40
        assert all(0 <= a.points <= ranges.MAX_POINTS for a in record.answers)
    for note in found.notes:
        assert note.startswith("rounds[")


_TMP: list[Path] = []


def _tmp() -> Path:
    """One scratch folder for every example (hypothesis runs many in one test)."""
    if not _TMP:
        import tempfile

        _TMP.append(Path(tempfile.mkdtemp(prefix="quiz-fuzz-")))
    return _TMP[0]


def _export(doc: dict[str, Any]) -> None:
    check_export(_tmp(), json.dumps(doc).encode())


def _export_raw(data: bytes) -> None:
    check_export(_tmp(), data)


test_export_docs, test_export_docs_long = twice(exports, _export, 150, share=2)
test_export_bytes, test_export_bytes_long = twice(
    st.binary(max_size=300), _export_raw, 100, share=2
)


# -- what the long runs found ------------------------------------------------------------------


def test_a_csv_header_with_a_5000_digit_number_names_no_column() -> None:
    check_conversion(ImportFormat.CSV, b"prompt" + b"9" * 5000 + b",answer\nQ,A\n")


def test_an_export_with_an_integer_too_big_for_a_float_leaves_the_round_out() -> None:
    doc = {"player": "p", "board": "b", "packs": [], "score": 0, "correct": 0, "total": 0}
    doc.update(best_streak=0, duration_s=0, seed=0, time_limit=10**400, answers=[])
    doc.update(finished_at="2025-01-01T00:00:00+00:00")
    path = _tmp() / "huge.json"
    path.write_text(json.dumps({"format": "quiz-scores", "version": 1, "rounds": [doc]}))
    assert read_export(path).notes == [
        "rounds[0].time_limit: expected a number of 0 or more; the round was left out"
    ]

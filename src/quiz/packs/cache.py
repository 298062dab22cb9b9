"""The parsed-pack cache: validated packs stored as JSON in the data folder.

An entry is keyed by the pack file's absolute path, size, modification time,
the pack format version and this cache's own version. An entry whose key does
not match, or whose digest shows it damaged, is ignored and rebuilt,
never trusted; writing one is best effort; and deleting the folder is
always safe. JSON, never pickle: a cache file is data, not code.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from quiz.atomic import atomic_write
from quiz.packs import spec
from quiz.packs.model import (
    FORMAT_VERSION,
    Answer,
    Difficulty,
    Pack,
    PackDefaults,
    PackSummary,
    Question,
    QuestionType,
    SourceInfo,
)

CACHE_VERSION = 2
MAX_ENTRY_BYTES = 128 * 2**20  # a 32 MiB pack, as JSON, with room to spare


def _key(path: Path, st: os.stat_result) -> dict[str, Any]:
    return {
        "path": str(path),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "format": FORMAT_VERSION,
        "cache": CACHE_VERSION,
    }


def entry_path(cache_dir: Path, path: Path) -> Path:
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir / f"{digest}.json"


def read(cache_dir: Path, path: Path, st: os.stat_result) -> Pack | None:
    """The cached pack for this exact file, or None (missing, stale, or damaged)."""
    body = _verified(entry_path(cache_dir, path), _key(path, st))
    if body is None:
        return None
    # The digest matched: this is what write() stored, so a failure here is a bug, not damage.
    return _pack_from(body["pack"], body["lines"], body["origin"])


def summary_path(cache_dir: Path, path: Path) -> Path:
    return entry_path(cache_dir, path).with_suffix(".summary.json")


def read_summary(cache_dir: Path, path: Path, st: os.stat_result) -> PackSummary | None:
    """The cached summary of this exact file (a small file beside the entry), or None."""
    body = _verified(summary_path(cache_dir, path), _key(path, st))
    if body is None:
        return None
    d = body["summary"]
    return PackSummary(
        id=str(_text(d["id"], optional=False)),
        title=str(_text(d["title"], optional=False)),
        questions=int(d["questions"]),
        difficulty={str(k): int(v) for k, v in d["difficulty"].items()},
        tags=list(_texts(d["tags"])),
        source=_source_from(d.get("source")),
        origin=str(_text(body["origin"], optional=False)),
    )


def write(cache_dir: Path, path: Path, st: os.stat_result, pack: Pack) -> None:
    """Store a pack and its summary; any failure (read-only folder, full disk) is ignored."""
    body = {
        "origin": pack.origin,
        "lines": [q.line for q in pack.questions],
        "pack": pack.to_dict(),
    }
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    if _store(entry_path(cache_dir, path), _key(path, st), body):
        write_summary(cache_dir, path, st, pack)


def write_summary(cache_dir: Path, path: Path, st: os.stat_result, pack: Pack) -> None:
    """Store a pack's summary for quick listing; failures are ignored."""
    body = {"origin": pack.origin, "summary": pack.summary().to_dict()}
    _store(summary_path(cache_dir, path), _key(path, st), body)


# An entry is one JSON object, {"key": ..., "digest": ..., "body": ...}, with the
# digest taken over the body's exact bytes: an entry that is not byte for byte
# what was written (damaged, truncated, edited) is never used.
_BODY = b',"body":'


def _store(target: Path, key: dict[str, Any], body: dict[str, Any]) -> bool:
    try:
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        head = json.dumps({"key": key, "digest": _digest(text)}, separators=(",", ":"))
        with atomic_write(target, "wb", durable=False) as fh:
            fh.write(head[:-1].encode("utf-8") + _BODY + text + b"}")
    except (OSError, ValueError):  # a read-only or full disk; text that cannot be encoded
        return False
    return True


def _verified(entry: Path, key: dict[str, Any]) -> dict[str, Any] | None:
    """The body of the entry at ``entry`` if its key is ``key`` and its digest holds."""
    from quiz.reading import FileRefused, read_bounded

    try:
        raw = read_bounded(entry, MAX_ENTRY_BYTES)
        start = raw.index(_BODY) + len(_BODY)
        head = json.loads(raw[: start - len(_BODY)] + b"}")
    except (FileRefused, ValueError, RecursionError):
        return None
    if type(head) is not dict or head.get("key") != key:
        return None
    text = raw[start:-1]
    if not raw.endswith(b"}") or head.get("digest") != _digest(text):
        return None
    try:
        body = json.loads(text)
    except (ValueError, RecursionError):  # pragma: no cover - the digest matched
        return None
    return body if type(body) is dict else None


def _digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def _text(value: Any, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("expected a list of text")
    for item in value:  # a loop, not all(...): this runs for every question of every pack
        if not isinstance(item, str):
            raise TypeError("expected a list of text")
    return tuple(value)


# Lookups by value, as QuestionType(value) and Difficulty(value) but without the
# enum call's overhead (a missing value raises KeyError, which read() also treats
# as a broken entry).
_QUESTION_TYPES = {str(t): t for t in QuestionType}
_DIFFICULTIES = {str(d): d for d in Difficulty}
_NUMBER = (int, float)
_ANSWER_TYPES = spec.ANSWER_PYTHON_TYPES


def _optional_text(d: dict[str, Any], name: str) -> str | None:
    value = d.get(name)
    if value is not None and type(value) is not str:
        raise TypeError(name)
    return value


def _question_from(d: dict[str, Any], line: Any) -> Question:
    # This runs once for every question of every cached pack, so the checks
    # are written out plainly (exact type tests, no helper per field).
    qtype = _QUESTION_TYPES[d["type"]]
    answer: Answer = d["answer"]
    if not isinstance(answer, _ANSWER_TYPES[qtype]) or (
        qtype is QuestionType.NUMBER and isinstance(answer, bool)
    ):
        raise TypeError("answer of the wrong type")
    tolerance = d.get("tolerance", 0)
    if not isinstance(tolerance, _NUMBER) or isinstance(tolerance, bool):
        raise TypeError("tolerance")
    qid, prompt = d["id"], d["prompt"]
    if type(qid) is not str or type(prompt) is not str:
        raise TypeError("id and prompt are text")
    wrong, accept, tags = d.get("wrong"), d.get("accept"), d.get("tags")
    return Question(
        qid,
        qtype,
        prompt,
        answer,
        () if wrong is None else _texts(wrong),
        () if accept is None else _texts(accept),
        float(tolerance),
        _DIFFICULTIES[d["difficulty"]],
        () if tags is None else _texts(tags),
        _optional_text(d, "explanation"),
        _optional_text(d, "hint"),
        _optional_text(d, "source"),
        line if type(line) is int else None,
    )


def _pack_from(d: dict[str, Any], lines: list[Any], origin: Any) -> Pack:
    meta = d["pack"]
    questions = d["questions"]
    if len(lines) != len(questions):
        raise ValueError("lines do not match questions")
    source = meta.get("source")
    time_limit = meta.get("defaults", {}).get("time_limit")
    if time_limit is not None and not isinstance(time_limit, int | float):
        raise TypeError("time_limit")
    version = meta["version"]
    if not isinstance(version, int):
        raise TypeError("version")
    return Pack(
        id=str(_text(meta["id"], optional=False)),
        title=str(_text(meta["title"], optional=False)),
        questions=tuple(_question_from(q, ln) for q, ln in zip(questions, lines, strict=True)),
        description=_text(meta.get("description")),
        version=version,
        language=str(_text(meta.get("language", "en"), optional=False)),
        source=_source_from(source),
        defaults=PackDefaults(time_limit=None if time_limit is None else float(time_limit)),
        origin=str(_text(origin, optional=False)),
    )


def _source_from(source: Any) -> SourceInfo | None:
    return None if source is None else SourceInfo(**{k: _text(v) for k, v in source.items()})

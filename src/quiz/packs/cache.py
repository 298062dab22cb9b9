"""The parsed-pack cache: validated packs stored as JSON in the data folder.

An entry is keyed by the pack file's absolute path, size, modification time,
the pack format version and this cache's own version. An entry whose key does
not match, or that cannot be read back into a valid model, is ignored and
rebuilt, never trusted; writing one is best effort; and deleting the folder is
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

CACHE_VERSION = 1


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
    """The cached pack for this exact file, or None (missing, stale, or broken)."""
    try:
        with entry_path(cache_dir, path).open("rb") as fh:
            entry = json.load(fh)
        if entry["key"] != _key(path, st):
            return None
        return _pack_from(entry["pack"], entry["lines"], entry["origin"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def summary_path(cache_dir: Path, path: Path) -> Path:
    return entry_path(cache_dir, path).with_suffix(".summary.json")


def read_summary(cache_dir: Path, path: Path, st: os.stat_result) -> PackSummary | None:
    """The cached summary of this exact file (a small file beside the entry), or None."""
    try:
        with summary_path(cache_dir, path).open("rb") as fh:
            entry = json.load(fh)
        if entry["key"] != _key(path, st):
            return None
        d = entry["summary"]
        difficulty = {str(k): int(v) for k, v in d["difficulty"].items()}
        source = d.get("source")
        return PackSummary(
            id=str(_text(d["id"], optional=False)),
            title=str(_text(d["title"], optional=False)),
            questions=int(d["questions"]),
            difficulty=difficulty,
            tags=list(_texts(d["tags"])),
            source=_source_from(source),
            origin=str(_text(entry["origin"], optional=False)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def write(cache_dir: Path, path: Path, st: os.stat_result, pack: Pack) -> None:
    """Store a pack and its summary; any failure (read-only folder, full disk) is ignored."""
    entry = {
        "key": _key(path, st),
        "origin": pack.origin,
        "lines": [q.line for q in pack.questions],
        "pack": pack.to_dict(),
    }
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with atomic_write(entry_path(cache_dir, path), "w", durable=False) as fh:
            json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
    except (OSError, ValueError):
        return
    write_summary(cache_dir, path, st, pack)


def write_summary(cache_dir: Path, path: Path, st: os.stat_result, pack: Pack) -> None:
    """Store a pack's summary for quick listing; failures are ignored."""
    entry = {"key": _key(path, st), "origin": pack.origin, "summary": pack.summary().to_dict()}
    try:
        with atomic_write(summary_path(cache_dir, path), "w", durable=False) as fh:
            json.dump(entry, fh, ensure_ascii=False)
    except (OSError, ValueError):
        pass


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

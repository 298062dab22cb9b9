"""Rounds that could not be saved because the score file stayed busy, kept for next time.

When another quiz holds the score file longer than the busy timeout (a huge
import on an old version, a stuck process), the finished round is written to
``pending/`` in the data folder as a one-round export file, and the next save
adds it to the score file (importing the same round twice adds nothing, so a
file left behind by a crash is harmless).
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from quiz.errors import QuizError
from quiz.store.records import RoundRecord

PENDING_DIR = "pending"


def keep(home: Path, record: RoundRecord) -> Path:
    """Write ``record`` to a new file in ``home/pending``; ``OSError`` if that fails too."""
    from quiz.atomic import atomic_write  # tempfile: only when a round must wait
    from quiz.store.transfer import export_text, record_json

    folder = home / PENDING_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"round-{stamp}-{os.getpid()}.json"
    with atomic_write(target, "w", replace=False) as stream:
        stream.write(export_text([record_json(record)]))
    return target


def waiting(home: Path) -> list[tuple[Path, RoundRecord]]:
    """The kept rounds, oldest first (a file that cannot be read is left where it is)."""
    from quiz.store.importfile import read_export

    try:
        files = sorted((home / PENDING_DIR).glob("round-*.json"))
    except OSError:
        return []
    kept: list[tuple[Path, RoundRecord]] = []
    for path in files:
        with contextlib.suppress(QuizError):
            kept.extend((path, record) for record in read_export(path).rounds)
    return kept


def forget(paths: list[Path]) -> None:
    """Remove kept files once their rounds are in the score file (saving again adds nothing)."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

"""What every converter shares: the result type, notes, drafts and reading input.

A converter reads its format into :class:`Draft` questions and hands them to a
:class:`~quiz.authoring.convert.collect.Collector`, which applies the rules of
format 1 (read from ``packs.spec``) so the document it builds passes ``parse_pack``.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.authoring.convert.names import VALID_ID, pack_names, slugify
from quiz.errors import QuizError
from quiz.packs.model import Answer

MAX_SOURCE_BYTES = 32 * 1024 * 1024

Progress = Callable[[int, int], None]  # (records done, records in all)

__all__ = [
    "VALID_ID",
    "Conversion",
    "Draft",
    "ImportNote",
    "Progress",
    "decode_text",
    "pack_names",
    "read_source",
    "slugify",
]


@dataclass(frozen=True)
class ImportNote:
    """Something about one record of the input: a fix made, or why it was skipped."""

    where: str  # "line 12" or "results[3]"
    message: str
    skipped: bool

    def render(self, source: str) -> str:
        """The note as one line: ``SRC:line 12: skipped: message``."""
        sep = ":" if self.where.startswith("line ") else ": "
        prefix = "skipped: " if self.skipped else ""
        return f"{source}{sep}{self.where}: {prefix}{self.message}"


@dataclass
class Conversion:
    document: dict[str, Any]  # a format-1 document
    notes: list[ImportNote]
    detected: list[str] = field(default_factory=list)  # what was guessed: columns, encoding ...

    @property
    def skipped(self) -> int:
        return sum(1 for n in self.notes if n.skipped)

    @property
    def count(self) -> int:
        return len(self.document["questions"])


@dataclass
class Draft:
    """One question as read from the input, before the format's rules are applied."""

    where: str
    type: str  # a QuestionType value
    prompt: str
    answer: Answer
    wrong: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    tolerance: float | None = None
    difficulty: str | None = None
    tags: list[str] = field(default_factory=list)
    explanation: str | None = None
    hint: str | None = None
    source: str | None = None
    id_hint: str | None = None  # a title or id from the input, preferred to the prompt
    # Drafts made from one source question share this key; their ids become
    # ``<base>--1``, ``<base>--2`` ... (see packs.spec.FAMILY_SEPARATOR).
    family: str | None = None


# -- reading input ---------------------------------------------------------------


def read_source(src: str) -> bytes:
    """The bytes of an input file, or of standard input for '-', bounded in size."""
    if src == "-":
        data = sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1)
    else:
        path = Path(src)
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                raise QuizError(f"{src} is not a regular file")
            with path.open("rb") as fh:
                data = fh.read(MAX_SOURCE_BYTES + 1)
        except FileNotFoundError:
            raise QuizError(f"{src}: no such file") from None
        except OSError as exc:
            raise QuizError(f"cannot read {src}: {exc.strerror or exc}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise QuizError(f"{src} is larger than {MAX_SOURCE_BYTES // 2**20} MiB; split it up")
    return data


def decode_text(data: bytes, label: str, what: str) -> str:
    """UTF-8 text without a byte-order mark, or a QuizError saying what was expected."""
    if b"\x00" in data:
        raise QuizError(f"{label}: contains NUL bytes; expected {what} as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QuizError(
            f"{label}:line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x})",
            hint=f"save it as UTF-8 ({what})",
        ) from None

"""What every converter shares: the result type, notes, drafts and reading input.

A converter reads its format into :class:`Draft` questions and hands them to a
:class:`~quiz.authoring.convert.collect.Collector`, which applies the rules of
format 1 (read from ``packs.spec``) so the document it builds passes ``parse_pack``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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


def read_source(src: str, limit: int | None = None) -> bytes:
    """The bytes of an input file, or of standard input for '-', bounded in size."""
    from quiz.reading import read_bounded

    return read_bounded(src, MAX_SOURCE_BYTES if limit is None else limit)


def decode_text(data: bytes, label: str, what: str) -> str:
    """UTF-8 text without a byte-order mark, or a QuizError saying what was expected."""
    from quiz.reading import TextRefused, utf8_text

    try:
        return utf8_text(data, label)
    except TextRefused as exc:
        if "NUL" in exc.reason:
            raise QuizError(f"{label}: contains NUL bytes; expected {what} as UTF-8 text") from None
        raise QuizError(
            f"{label}:line {exc.line}: {exc.reason.split(';')[0]}",
            hint=f"save it as UTF-8 ({what})",
        ) from None

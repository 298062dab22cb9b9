"""The pack model: what a validated pack file becomes.

Instances are only built by the loader (``packs.load``) after validation, or
from a cache entry written from one, so code that receives a :class:`Pack` can
rely on every rule of the format holding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from quiz.words import format_number as format_number  # where grading and the session find it

FORMAT_VERSION = 1

Answer = str | bool | int | float


class QuestionType(StrEnum):
    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    TEXT = "text"
    NUMBER = "number"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    prompt: str
    # choice and text: str; truefalse: bool; number: int or float.
    answer: Answer
    wrong: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0
    difficulty: Difficulty = Difficulty.MEDIUM
    tags: tuple[str, ...] = ()
    explanation: str | None = None
    hint: str | None = None
    source: str | None = None
    line: int | None = None  # where the question starts in its file, for messages

    @property
    def answer_text(self) -> str:
        """The official answer as a player would read it."""
        if isinstance(self.answer, bool):
            return "True" if self.answer else "False"
        if isinstance(self.answer, int | float):
            return format_number(self.answer)
        return self.answer

    def to_dict(self) -> dict[str, Any]:
        """The question as it is written in a pack file (defaults left out)."""
        out: dict[str, Any] = {"id": self.id, "type": str(self.type), "prompt": self.prompt}
        out["answer"] = self.answer
        if self.type is QuestionType.CHOICE:
            out["wrong"] = list(self.wrong)
        if self.type is QuestionType.TEXT and self.accept:
            out["accept"] = list(self.accept)
        if self.type is QuestionType.NUMBER and self.tolerance:
            out["tolerance"] = self.tolerance
        out["difficulty"] = str(self.difficulty)
        if self.tags:
            out["tags"] = list(self.tags)
        for name in ("explanation", "hint", "source"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a pack's questions come from."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, str]:
        names = ("title", "publisher", "author", "date", "url")
        return {n: v for n in names if (v := getattr(self, n)) is not None}


@dataclass(frozen=True, slots=True)
class PackDefaults:
    time_limit: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {} if self.time_limit is None else {"time_limit": self.time_limit}


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What a list of packs shows, without the questions themselves."""

    id: str
    title: str
    questions: int
    difficulty: dict[str, int]
    tags: list[str]
    source: SourceInfo | None
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "questions": self.questions,
            "difficulty": dict(self.difficulty),
            "tags": list(self.tags),
            "source": self.source.to_dict() if self.source else None,
        }


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    title: str
    questions: tuple[Question, ...]
    description: str | None = None
    version: int = 1
    language: str = "en"
    source: SourceInfo | None = None
    defaults: PackDefaults = field(default_factory=PackDefaults)
    origin: str = ""  # the file it was loaded from, or "built-in"

    @property
    def tags(self) -> list[str]:
        """Every tag used, in order of first use."""
        return list(dict.fromkeys(t for q in self.questions for t in q.tags))

    def difficulty_mix(self) -> dict[Difficulty, int]:
        mix = dict.fromkeys(Difficulty, 0)
        for q in self.questions:
            mix[q.difficulty] += 1
        return mix

    def summary(self) -> PackSummary:
        return PackSummary(
            id=self.id,
            title=self.title,
            questions=len(self.questions),
            difficulty={str(d): n for d, n in self.difficulty_mix().items()},
            tags=self.tags,
            source=self.source,
            origin=self.origin,
        )

    def to_dict(self) -> dict[str, Any]:
        """The pack as a format-1 document (what a pack file holds)."""
        meta: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.description is not None:
            meta["description"] = self.description
        meta["version"] = self.version
        meta["language"] = self.language
        if self.source is not None and self.source.to_dict():
            meta["source"] = self.source.to_dict()
        if self.defaults.to_dict():
            meta["defaults"] = self.defaults.to_dict()
        return {
            "format": FORMAT_VERSION,
            "pack": meta,
            "questions": [q.to_dict() for q in self.questions],
        }

"""What every converter shares: the result type, notes, ids, and the rules of format 1.

A converter reads its format into :class:`Draft` questions and hands them to a
:class:`Collector`, which holds the format's limits in one place: it trims,
fixes what it safely can (with a note) and skips what it cannot (with a note),
so the document it builds always passes ``parse_pack``.
"""

from __future__ import annotations

import math
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.errors import QuizError
from quiz.packs import spec
from quiz.packs.model import FORMAT_VERSION, Answer, QuestionType

MAX_SOURCE_BYTES = 32 * 1024 * 1024
VALID_ID = re.compile(spec.ID_PATTERN)
_SLUG_WORDS = 5  # of a prompt, for a question id that is short but recognisable
_SLUG_CHARS = 40
# Words that say little about a question, left out of ids made from prompts.
_STOP_WORDS = frozenset(
    "a an and are as at by did do does for from how in is it its of on or the these this "  # noqa: SIM905
    "to was were what when where which who whom whose why with".split()
)


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


# -- names ----------------------------------------------------------------------


def slugify(text: str, max_length: int = 64) -> str:
    """``text`` as lowercase ASCII words joined by '-', cut at a word boundary."""
    text = re.sub("['\u2018\u2019`]", "", text)  # "Chaplin's" -> chaplins, not chaplin-s
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def pack_names(label: str, pack_id: str | None, title: str | None) -> tuple[str, str]:
    """The pack id and title: as given, or from the input file's name."""
    stem = Path(label).stem if label not in ("-", "<stdin>") else ""
    if pack_id is None:
        pack_id = slugify(stem) or "imported-pack"
    elif not VALID_ID.match(pack_id):
        raise QuizError(f"'{pack_id}' is not a valid pack id: use {spec.ID_RULE}")
    if title is None:
        words = re.sub(r"[-_\s]+", " ", stem).strip()
        title = (words[:1].upper() + words[1:])[:200] if words else "Imported pack"
    elif not title.strip() or len(title.strip()) > 200:
        raise QuizError("a pack title must be 1 to 200 characters long")
    return pack_id, title.strip()


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


def parse_number(text: str) -> int | float | None:
    """A number as a person writes it (30, -2.5, 1e3, 1_000), or None."""
    raw = text.strip().replace("_", "")
    if not re.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", raw):
        return None
    if re.fullmatch(r"[-+]?\d+", raw):
        return int(raw) if len(raw) <= 30 else None
    value = float(raw)
    return value if math.isfinite(value) and len(raw) <= 30 else None


# -- building the document -----------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _unique(items: list[str]) -> tuple[list[str], list[str]]:
    """Items without blanks and case-insensitive repeats, and the repeats."""
    kept: list[str] = []
    repeats: list[str] = []
    seen: set[str] = set()
    for item in (i.strip() for i in items):
        if not item:
            continue
        if _norm(item) in seen:
            repeats.append(item)
        else:
            seen.add(_norm(item))
            kept.append(item)
    return kept, repeats


def _prompt_slug(prompt: str) -> str:
    words = slugify(prompt, 200).split("-")
    keep = [w for w in words if w and w not in _STOP_WORDS] or words
    return slugify(" ".join(keep[:_SLUG_WORDS]), _SLUG_CHARS)


class Collector:
    """Applies the rules of format 1 to drafts, noting every fix and skip."""

    def __init__(self) -> None:
        self.notes: list[ImportNote] = []
        self.questions: list[dict[str, Any]] = []
        self._ids: set[str] = set()
        self._prompts: dict[str, str] = {}

    def note(self, where: str, message: str) -> None:
        self.notes.append(ImportNote(where, message, skipped=False))

    def skip(self, where: str, message: str) -> None:
        self.notes.append(ImportNote(where, message, skipped=True))

    def add(self, d: Draft) -> None:
        """Add one question, fixed where it safely can be; otherwise skip it with a note."""
        if len(self.questions) >= spec.MAX_QUESTIONS:
            self.skip(d.where, f"a pack holds at most {spec.MAX_QUESTIONS:,} questions")
            return
        problem = self._core_problem(d)
        if problem is not None:
            self.skip(d.where, problem)
            return
        first = self._prompts.get(_norm(d.prompt))
        if first is not None:
            self.skip(d.where, f"the same question as {first}")
            return
        q: dict[str, Any] = {"id": "", "type": d.type, "prompt": d.prompt.strip()}
        q["answer"] = d.answer.strip() if isinstance(d.answer, str) else d.answer
        if d.type == "choice":
            wrong = self._wrong(d)
            if not wrong:
                self.skip(d.where, "a choice question needs at least one wrong option")
                return
            q["wrong"] = wrong
        self._type_extras(d, q)
        q["difficulty"] = self._difficulty(d)
        self._optional(d, q)
        q["id"] = self._new_id(d, len(self.questions) + 1)
        self._prompts[_norm(d.prompt)] = d.where
        self.questions.append(q)

    def _core_problem(self, d: Draft) -> str | None:
        if not d.prompt.strip():
            return "no question text"
        if len(d.prompt.strip()) > spec.MAX_TEXT:
            return f"the question is longer than {spec.MAX_TEXT:,} characters"
        if d.type not in spec.QUESTION_TYPES or not spec.answer_suits(
            QuestionType(d.type), d.answer
        ):
            return f"the answer '{d.answer}' does not suit a {d.type} question"
        if isinstance(d.answer, str):
            if not d.answer.strip():
                return "no answer"
            if len(d.answer.strip()) > spec.MAX_TEXT:
                return f"the answer is longer than {spec.MAX_TEXT:,} characters"
        elif not isinstance(d.answer, bool) and (
            not math.isfinite(d.answer) or len(str(d.answer)) > spec.MAX_NUMBER_TEXT
        ):
            return f"the answer {d.answer} does not suit a {d.type} question"
        return None

    def _wrong(self, d: Draft) -> list[str]:
        wrong, repeats = _unique(d.wrong)
        if repeats:
            self.note(d.where, f"wrong option listed twice, kept once: {repeats[0]}")
        answer = _norm(str(d.answer))
        if any(_norm(w) == answer for w in wrong):
            self.note(
                d.where,
                f"the answer '{str(d.answer).strip()}' was also a wrong option; "
                "removed it from the wrong options",
            )
            wrong = [w for w in wrong if _norm(w) != answer]
        too_long = [w for w in wrong if len(w) > spec.MAX_TEXT]
        if too_long:
            self.note(d.where, f"left out a wrong option longer than {spec.MAX_TEXT:,} characters")
            wrong = [w for w in wrong if len(w) <= spec.MAX_TEXT]
        if len(wrong) > spec.MAX_OPTIONS:
            self.note(d.where, f"{len(wrong)} wrong options; kept the first {spec.MAX_OPTIONS}")
            wrong = wrong[: spec.MAX_OPTIONS]
        return wrong

    def _type_extras(self, d: Draft, q: dict[str, Any]) -> None:
        if d.type == "text":
            answer = _norm(str(d.answer))
            accept, _ = _unique([a for a in d.accept if _norm(a) != answer])
            accept = [a for a in accept if len(a) <= spec.MAX_TEXT]
            if len(accept) > spec.MAX_LIST:
                self.note(
                    d.where, f"{len(accept)} accepted spellings; kept the first {spec.MAX_LIST}"
                )
            if accept:
                q["accept"] = accept[: spec.MAX_LIST]
        if d.type == "number" and d.tolerance is not None:
            if not math.isfinite(d.tolerance) or d.tolerance < 0:
                self.note(d.where, f"tolerance {d.tolerance} left out: it must be 0 or more")
            elif d.tolerance:
                whole = d.tolerance.is_integer()
                q["tolerance"] = int(d.tolerance) if whole else d.tolerance

    def _difficulty(self, d: Draft) -> str:
        level = (d.difficulty or "").strip().lower()
        if level and level not in spec.DIFFICULTIES:
            self.note(d.where, f"unknown difficulty '{d.difficulty}'; used medium")
            return "medium"
        return level or "medium"

    def _optional(self, d: Draft, q: dict[str, Any]) -> None:
        tags, _ = _unique([slugify(t, 40) for t in d.tags])
        if len(tags) > spec.MAX_LIST:
            self.note(d.where, f"{len(tags)} tags; kept the first {spec.MAX_LIST}")
        if tags:
            q["tags"] = tags[: spec.MAX_LIST]
        for name in ("explanation", "hint"):
            value = (getattr(d, name) or "").strip()
            if len(value) > spec.MAX_TEXT:
                self.note(d.where, f"{name} left out: longer than {spec.MAX_TEXT:,} characters")
            elif value:
                q[name] = value
        source = (d.source or "").strip()
        if len(source) > spec.MAX_SOURCE:
            source = source[: spec.MAX_SOURCE + 1].rsplit(" ", 1)[0].strip()[: spec.MAX_SOURCE]
            self.note(d.where, f"source excerpt cut to its first {len(source)} characters")
        if source:
            q["source"] = source

    def _new_id(self, d: Draft, number: int) -> str:
        hint = (d.id_hint or "").strip()
        base = hint if VALID_ID.match(hint) else slugify(hint)
        from_hint = bool(base)
        if not base:
            base = _prompt_slug(d.prompt)
        base = base or f"q{number}"
        qid, n = base, 1
        while qid in self._ids:
            n += 1
            qid = f"{base[:58].rstrip('-')}-{n}"
        if from_hint and qid != base:
            self.note(d.where, f"the id '{base}' is already used; this question is '{qid}'")
        self._ids.add(qid)
        return qid

    def finish(
        self,
        label: str,
        names: tuple[str, str],
        expected: str,
        *,
        description: str | None = None,
        source: dict[str, str] | None = None,
    ) -> Conversion:
        """The format-1 document, or a QuizError when nothing could be used."""
        if not self.questions:
            reasons = [n.render(label) for n in self.notes if n.skipped][:3]
            hint = "; ".join(reasons) if reasons else None
            raise QuizError(f"{label}: no usable questions found; expected {expected}", hint=hint)
        meta: dict[str, Any] = {"id": names[0], "title": names[1]}
        if description:
            meta["description"] = description
        meta["version"] = 1
        meta["language"] = "en"
        if source:
            meta["source"] = source
        document = {"format": FORMAT_VERSION, "pack": meta, "questions": self.questions}
        return Conversion(document=document, notes=self.notes)

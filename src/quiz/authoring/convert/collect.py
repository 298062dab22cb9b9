"""The rules of pack format 1, applied to imported drafts in one place.

:class:`Collector` takes :class:`Draft` questions from any converter, trims
them, fixes what it safely can (with a note) and skips what it cannot (with a
note), so the document it builds always passes ``parse_pack``. Every limit,
question type and answer kind comes from ``packs.spec``.

Two records are the same question only when prompt, type and answers all
match; then the second is skipped. Records that only look alike (the same
text with other answers or another type) are both kept, with a note.
"""

from __future__ import annotations

import math
import re
from typing import Any

from quiz.authoring.convert.common import Conversion, Draft, ImportNote, Progress
from quiz.authoring.convert.names import VALID_ID, slugify
from quiz.errors import QuizError
from quiz.packs import spec
from quiz.packs.model import FORMAT_VERSION, QuestionType
from quiz.packs.tags import normalize_tag

_SLUG_WORDS = 5  # of a prompt, for a question id that is short but recognisable
_SLUG_CHARS = 40
# Words that say little about a question, left out of ids made from prompts.
_STOP_WORDS = frozenset(
    "a an and are as at by did do does for from how in is it its of on or the these this "  # noqa: SIM905
    "to was were what when where which who whom whose why with".split()
)
_DASHES = re.compile(r"-{2,}")


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


def _content_key(q: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two questions the same: prompt, type and every answer."""
    return (
        q["type"],
        _norm(q["prompt"]),
        _norm(str(q["answer"])),
        tuple(sorted(_norm(w) for w in q.get("wrong", ()))),
        tuple(sorted(_norm(a) for a in q.get("accept", ()))),
        q.get("tolerance", 0),
    )


class Collector:
    """Applies the rules of format 1 to drafts, noting every fix and skip."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.notes: list[ImportNote] = []
        self.questions: list[dict[str, Any]] = []
        self.detected: list[str] = []
        self.progress = progress
        self.id_tries = 0  # ids tried, counted so tests can see the work is linear
        self._ids: set[str] = set()
        self._next_suffix: dict[str, int] = {}
        self._families: dict[str, list[Any]] = {}  # key -> [base id, members so far]
        self._same: dict[tuple[Any, ...], str] = {}
        self._prompts: dict[str, str] = {}

    def note(self, where: str, message: str) -> None:
        self.notes.append(ImportNote(where, message, skipped=False))

    def skip(self, where: str, message: str) -> None:
        self.notes.append(ImportNote(where, message, skipped=True))

    def tick(self, done: int, total: int) -> None:
        """Report progress through the input to whoever is watching."""
        if self.progress is not None:
            self.progress(done, total)

    def add(self, d: Draft) -> None:
        """Add one question, fixed where it safely can be; otherwise skip it with a note."""
        if len(self.questions) >= spec.MAX_QUESTIONS:
            self.skip(d.where, f"a pack holds at most {spec.MAX_QUESTIONS:,} questions")
            return
        problem = self._core_problem(d)
        if problem is not None:
            self.skip(d.where, problem)
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
        if not self._first_of_its_kind(d, q):
            return
        q["difficulty"] = self._difficulty(d)
        self._optional(d, q)
        q["id"] = self._new_id(d, len(self.questions) + 1)
        self.questions.append(q)

    def _first_of_its_kind(self, d: Draft, q: dict[str, Any]) -> bool:
        key = _content_key(q)
        same = self._same.get(key)
        if same is not None:
            self.skip(d.where, f"the same question as {same} (prompt, type and answers)")
            return False
        self._same[key] = d.where
        alike = self._prompts.setdefault(_norm(q["prompt"]), d.where)
        if alike != d.where:
            self.note(
                d.where,
                f"the same question text as {alike}, with other answers or another type; kept both",
            )
        return True

    def _core_problem(self, d: Draft) -> str | None:
        if d.type not in spec.QUESTION_TYPES:
            return f"unknown question type '{d.type}'"
        if not d.prompt.strip():
            return "no question text"
        if len(d.prompt.strip()) > spec.MAX_TEXT:
            return f"the question is longer than {spec.MAX_TEXT:,} characters"
        qtype = QuestionType(d.type)
        if not spec.answer_suits(qtype, d.answer):
            return f"the answer '{d.answer}' does not suit a {d.type} question"
        if isinstance(d.answer, str):
            if not d.answer.strip():
                return "no answer"
            if len(d.answer.strip()) > spec.MAX_TEXT:
                return f"the answer is longer than {spec.MAX_TEXT:,} characters"
        elif spec.ANSWER_KIND[qtype] == "number" and (
            not math.isfinite(d.answer) or len(str(d.answer)) > spec.MAX_NUMBER_TEXT
        ):
            return f"the answer {d.answer} is not a number a pack can hold"
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
            default = str(spec.DEFAULT_DIFFICULTY)
            self.note(d.where, f"unknown difficulty '{d.difficulty}'; used {default}")
            return default
        return level or str(spec.DEFAULT_DIFFICULTY)

    def _optional(self, d: Draft, q: dict[str, Any]) -> None:
        tags, _ = _unique([normalize_tag(t) for t in d.tags])
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

    # -- ids ----------------------------------------------------------------

    def _base(self, d: Draft, number: int) -> tuple[str, bool]:
        hint = (d.id_hint or "").strip()
        base = hint if VALID_ID.match(hint) else slugify(hint)
        # '--' is kept for families of questions (spec.FAMILY_SEPARATOR).
        base = _DASHES.sub("-", base)
        if base:
            return base, True
        return (_prompt_slug(d.prompt) or f"q{number}"), False

    def _claim(self, base: str) -> str:
        """``base`` if no question has it yet, else ``base-2``, ``base-3`` ...

        The next number to try is remembered per base, so 20,000 records that
        share an id cost 20,000 steps, not 200 million.
        """
        self.id_tries += 1
        if base not in self._ids:
            self._ids.add(base)
            return base
        n = self._next_suffix.get(base, 2)
        while True:
            self.id_tries += 1
            qid = f"{base[: spec.MAX_ID - 1 - len(str(n))].rstrip('-')}-{n}"
            n += 1
            if qid not in self._ids:
                break
        self._next_suffix[base] = n
        self._ids.add(qid)
        return qid

    def _new_id(self, d: Draft, number: int) -> str:
        if d.family is not None:
            return self._family_id(d, number)
        base, from_hint = self._base(d, number)
        qid = self._claim(base)
        if from_hint and qid != base:
            self.note(d.where, f"the id '{base}' is already used; this question is '{qid}'")
        return qid

    def _family_id(self, d: Draft, number: int) -> str:
        assert d.family is not None
        family = self._families.get(d.family)
        if family is None:
            base, _ = self._base(d, number)
            family = [self._claim(base[: spec.MAX_ID - 4].rstrip("-")), 0]
            self._families[d.family] = family
        family[1] += 1
        qid = f"{family[0]}{spec.FAMILY_SEPARATOR}{family[1]}"
        if qid in self._ids:  # only if the input itself used such an id
            return self._claim(qid)
        self._ids.add(qid)
        return qid

    def finish(
        self,
        label: str,
        names: tuple[str, str],
        expected: str,
        *,
        meta: dict[str, Any] | None = None,
    ) -> Conversion:
        """The format-1 document, or a QuizError when nothing could be used.

        ``meta`` holds the pack fields the input gave: description, source, defaults.
        """
        if not self.questions:
            reasons = [n.render(label) for n in self.notes if n.skipped][:3]
            hint = "; ".join(reasons) if reasons else None
            raise QuizError(f"{label}: no usable questions found; expected {expected}", hint=hint)
        given = meta or {}
        pack: dict[str, Any] = {"id": names[0], "title": names[1]}
        if given.get("description"):
            pack["description"] = given["description"]
        pack["version"] = 1
        pack["language"] = given.get("language") or "en"
        for key in ("source", "defaults"):
            if given.get(key):
                pack[key] = given[key]
        document = {"format": FORMAT_VERSION, "pack": pack, "questions": self.questions}
        return Conversion(document=document, notes=self.notes, detected=self.detected)

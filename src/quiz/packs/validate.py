"""Check a node tree against pack format 1 and build the model from it.

Every problem is collected (not only the first) and names the file, line,
column and field path, with a word on how to fix it. How one field is read
lives in :mod:`quiz.packs.checker`; the rules themselves in :mod:`quiz.packs.spec`.
"""

from __future__ import annotations

from typing import TypedDict

from quiz.errors import PackError, Problem
from quiz.packs import spec
from quiz.packs.checker import KIND_NAMES, Checker, is_null
from quiz.packs.model import (
    Difficulty,
    Pack,
    PackDefaults,
    Question,
    QuestionType,
    SourceInfo,
)
from quiz.packs.spec import FieldSpec
from quiz.packs.yamlread import Mapping, Node, Scalar, Sequence

_QUESTION_FIELD = {s.name: s for s in spec.QUESTION_FIELDS}
_PACK_FIELD = {s.name: s for s in spec.PACK_FIELDS}
_DEFAULTS_FIELD = {s.name: s for s in spec.DEFAULTS_FIELDS}


def _at_least(
    c: Checker, node: Node, path: str, value: float | None, field_spec: FieldSpec, unit: str = ""
) -> float | None:
    """``value`` when it is within the field's bounds, else None with a problem reported."""
    low, high = field_spec.minimum, field_spec.maximum
    if value is not None and low is not None and not value >= low:
        c.report(node, path, f"must be {low:g} or more{unit}")
        return None
    if value is not None and high is not None and not value <= high:
        c.report(node, path, f"must be at most {high:g}{unit}")
        return None
    return value


def _source_info(c: Checker, node: Node | None) -> SourceInfo | None:
    if node is None:
        return None
    found = c.fields(node, "pack.source", spec.SOURCE_FIELDS)
    if found is None:
        return None
    values = {
        s.name: c.text(found.get(s.name), f"pack.source.{s.name}", s) for s in spec.SOURCE_FIELDS
    }
    return SourceInfo(**values) if any(values.values()) else None


def _defaults(c: Checker, node: Node | None) -> PackDefaults:
    if node is None:
        return PackDefaults()
    found = c.fields(node, "pack.defaults", spec.DEFAULTS_FIELDS)
    if found is None:
        return PackDefaults()
    path = "pack.defaults.time_limit"
    limit = c.number(found.get("time_limit"), path)
    if limit is not None:
        limit = _at_least(
            c, found["time_limit"], path, limit, _DEFAULTS_FIELD["time_limit"], " seconds"
        )
    return PackDefaults(time_limit=None if limit is None else float(limit))


class _Meta(TypedDict):
    id: str | None
    title: str | None
    description: str | None
    language: str | None
    version: int
    source: SourceInfo | None
    defaults: PackDefaults


def _pack_meta(c: Checker, node: Node) -> _Meta | None:
    found = c.fields(node, "pack", spec.PACK_FIELDS)
    if found is None:
        return None
    version = c.number(found.get("version"), "pack.version", integer=True)
    if version is not None:
        version = _at_least(c, found["version"], "pack.version", version, _PACK_FIELD["version"])
    return _Meta(
        id=c.text(found.get("id"), "pack.id", _PACK_FIELD["id"]),
        title=c.text(found.get("title"), "pack.title", _PACK_FIELD["title"]),
        description=c.text(
            found.get("description"), "pack.description", _PACK_FIELD["description"]
        ),
        language=c.text(found.get("language"), "pack.language", _PACK_FIELD["language"]),
        version=1 if version is None else int(version),
        source=_source_info(c, found.get("source")),
        defaults=_defaults(c, found.get("defaults")),
    )


def _answer(
    c: Checker, node: Node, path: str, qtype: QuestionType
) -> str | bool | int | float | None:
    kind = spec.ANSWER_KIND[qtype]
    if kind == "text":
        return c.text(node, path, _QUESTION_FIELD["answer"])
    if kind == "bool":
        return c.boolean(node, path)
    return c.number(node, path)


def _question(c: Checker, node: Node, path: str) -> Question | None:
    qtype_node = node.get("type") if isinstance(node, Mapping) else None
    qtype = None
    if isinstance(qtype_node, Scalar) and qtype_node.value.strip() in spec.QUESTION_TYPES:
        qtype = QuestionType(qtype_node.value.strip())
    found = c.fields(node, path, spec.QUESTION_FIELDS, qtype)
    if found is None:
        return None
    before = len(c.problems)
    qid = c.text(found.get("id"), f"{path}.id", _QUESTION_FIELD["id"])
    c.text(found.get("type"), f"{path}.type", _QUESTION_FIELD["type"])
    prompt = c.text(found.get("prompt"), f"{path}.prompt", _QUESTION_FIELD["prompt"])
    answer = None
    if qtype is not None and "answer" in found:
        answer = _answer(c, found["answer"], f"{path}.answer", qtype)
    wrong = c.text_list(found.get("wrong"), f"{path}.wrong", _QUESTION_FIELD["wrong"])
    if qtype is QuestionType.CHOICE:
        _check_choice(c, found, path, answer, wrong)
    tolerance = c.number(found.get("tolerance"), f"{path}.tolerance")
    if tolerance is not None:
        tolerance = _at_least(
            c, found["tolerance"], f"{path}.tolerance", tolerance, _QUESTION_FIELD["tolerance"]
        )
    difficulty = c.text(
        found.get("difficulty"), f"{path}.difficulty", _QUESTION_FIELD["difficulty"]
    )
    optional: dict[str, str | None] = {
        name: c.text(found.get(name), f"{path}.{name}", _QUESTION_FIELD[name])
        for name in ("explanation", "hint", "source")
    }
    accept = c.text_list(found.get("accept"), f"{path}.accept", _QUESTION_FIELD["accept"])
    tags = c.text_list(found.get("tags"), f"{path}.tags", _QUESTION_FIELD["tags"])
    if len(c.problems) > before or qid is None or qtype is None or prompt is None:
        return None
    if answer is None:
        return None
    return Question(
        id=qid,
        type=qtype,
        prompt=prompt,
        answer=answer,
        wrong=wrong,
        accept=accept,
        tolerance=float(tolerance or 0),
        difficulty=Difficulty(difficulty) if difficulty else spec.DEFAULT_DIFFICULTY,
        tags=tuple(t.lower() for t in tags),
        line=node.line,
        **optional,
    )


def _check_choice(
    c: Checker,
    found: dict[str, Node],
    path: str,
    answer: object,
    wrong: tuple[str, ...],
) -> None:
    if "wrong" not in found:
        c.report(
            found.get("answer") or found.get("type"),
            f"{path}.wrong",
            f"a choice question needs 'wrong': a list of {spec.MIN_OPTIONS} to "
            f"{spec.MAX_OPTIONS} wrong options",
        )
        return
    if not wrong and isinstance(found["wrong"], Sequence) and not found["wrong"].items:
        c.report(found["wrong"], f"{path}.wrong", "needs at least one wrong option")
    if isinstance(answer, str) and answer.casefold() in (w.casefold() for w in wrong):
        c.report(
            found["wrong"],
            f"{path}.wrong",
            f"the answer '{answer}' is also listed as wrong; remove it from 'wrong'",
        )


def _questions(c: Checker, node: Node) -> list[Question]:
    if not isinstance(node, Sequence):
        c.report(node, "questions", f"must be a list of questions, not {KIND_NAMES[node.kind]}")
        return []
    if not node.items:
        c.report(node, "questions", "the pack has no questions; add at least one")
        return []
    if len(node.items) > spec.MAX_QUESTIONS:
        c.report(
            node,
            "questions",
            f"has {len(node.items):,} questions; a pack holds at most {spec.MAX_QUESTIONS:,}",
        )
        return []
    out: list[Question] = []
    first_line: dict[str, int] = {}
    for i, item in enumerate(node.items):
        q = _question(c, item, f"questions[{i}]")
        id_node = item.get("id") if isinstance(item, Mapping) else None
        if isinstance(id_node, Scalar) and id_node.value.strip():
            qid = id_node.value.strip()
            if qid in first_line:
                c.report(
                    id_node,
                    f"questions[{i}].id",
                    f"duplicate question id '{qid}' (first on line {first_line[qid]}); "
                    "ids must be unique in a pack",
                )
                continue
            first_line[qid] = id_node.line
        if q is not None:
            out.append(q)
    return out


def build_pack(root: Node | None, label: str, problems: list[Problem], origin: str) -> Pack:
    """Validate a composed document and build its :class:`Pack`, or raise PackError."""
    c = Checker(label)
    c.problems.extend(problems)
    if root is None or is_null(root):
        c.report(
            None,
            "",
            "the file is empty; a pack needs format, pack and questions "
            "(run 'quiz packs new' for a starter)",
        )
        raise PackError(c.problems)
    found = c.fields(root, "", spec.TOP_FIELDS)
    if found is None:
        raise PackError(c.problems)
    fmt = c.number(found.get("format"), "format", integer=True)
    if fmt is not None and fmt != 1:
        c.report(
            found["format"], "format", f"format {fmt} is not supported; this quiz reads format 1"
        )
    meta = _pack_meta(c, found["pack"]) if "pack" in found else None
    questions = _questions(c, found["questions"]) if "questions" in found else []
    if c.problems or meta is None:
        raise PackError(sorted(c.problems, key=lambda p: (p.line or 0, p.column or 0)))
    return Pack(
        id=str(meta["id"]),
        title=str(meta["title"]),
        questions=tuple(questions),
        description=meta["description"],
        version=meta["version"],
        language=meta["language"] or "en",
        source=meta["source"],
        defaults=meta["defaults"],
        origin=origin,
    )

"""Check a node tree against pack format 1 and build the model from it.

Every problem is collected (not only the first) and names the file, line,
column and field path, with a word on how to fix it. A scalar's meaning comes
from the field it is in, with YAML 1.2 core rules: in a text field ``no``,
``12:30`` and ``007`` stay the text they look like; in a true/false field only
``true`` and ``false`` are booleans.
"""

from __future__ import annotations

import math
import re
from typing import TypedDict

from quiz.errors import PackError, Problem
from quiz.packs import spec
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

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_ID = re.compile(spec.ID_PATTERN)
_MAX_NUMBER_TEXT = 40
_KIND_NAMES = {"scalar": "a single value", "mapping": "a mapping", "sequence": "a list"}


def _suggest(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(choices)}"


class _Checker:
    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []

    def report(self, node: Node | None, path: str, message: str) -> None:
        line, col = (node.line, node.col) if node is not None else (None, None)
        self.problems.append(Problem(self.label, line, col, path, message))

    # -- containers -------------------------------------------------------

    def fields(
        self,
        node: Node,
        path: str,
        specs: tuple[FieldSpec, ...],
        qtype: str | None = None,
    ) -> dict[str, Node] | None:
        """The known fields of a mapping; unknown, misplaced and missing ones reported."""
        if not isinstance(node, Mapping):
            self.report(node, path, f"must be a mapping of fields, not {_KIND_NAMES[node.kind]}")
            return None
        by_name = {s.name: s for s in specs}
        found: dict[str, Node] = {}
        for key, value in node.items:
            field_spec = by_name.get(key.value)
            where = f"{path}.{key.value}" if path else key.value
            if field_spec is None:
                self.report(
                    key, where, f"unknown field '{key.value}'" + _suggest(key.value, list(by_name))
                )
            elif field_spec.only_for and qtype and field_spec.only_for != qtype:
                self.report(
                    key,
                    where,
                    f"'{key.value}' is only for {field_spec.only_for} questions; "
                    f"remove it or change the type to {field_spec.only_for}",
                )
            elif not _is_null(value):
                found[key.value] = value
        for field_spec in specs:
            if field_spec.required and field_spec.name not in found:
                where = f"{path}.{field_spec.name}" if path else field_spec.name
                self.report(node, where, f"missing required field '{field_spec.name}'")
        return found

    # -- scalars ----------------------------------------------------------

    def scalar(self, node: Node, path: str, what: str) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        self.report(node, path, f"must be {what}, not {_KIND_NAMES[node.kind]}")
        return None

    def text(self, node: Node | None, path: str, field_spec: FieldSpec) -> str | None:
        if node is None:
            return None
        s = self.scalar(node, path, "text")
        if s is None:
            return None
        if s.tag not in (None, "str"):
            self.report(s, path, f"must be text, but is tagged !!{s.tag}; remove the tag")
            return None
        value = s.value.strip()
        if not value:
            self.report(s, path, "must not be empty")
            return None
        if len(value) > field_spec.max_length:
            self.report(
                s,
                path,
                f"is {len(value):,} characters long; keep it to {field_spec.max_length:,} at most",
            )
            return None
        if field_spec.enum and value not in field_spec.enum:
            self.report(
                s, path, f"'{value}' is not allowed" + _suggest(value, list(field_spec.enum))
            )
            return None
        if field_spec.name == "id" and not _ID.match(value):
            self.report(s, path, f"'{value}' is not a valid id: use {spec.ID_RULE}")
            return None
        return value

    def number(self, node: Node | None, path: str, integer: bool = False) -> int | float | None:
        if node is None:
            return None
        what = "a whole number" if integer else "a number"
        s = self.scalar(node, path, what)
        if s is None:
            return None
        raw = s.value.strip()
        if s.tag not in (None, "int", "float") or not (s.plain or s.tag):
            self.report(s, path, f'must be {what}, not the text "{raw}"; remove the quotes')
            return None
        if len(raw) > _MAX_NUMBER_TEXT:
            self.report(s, path, f"the number is {len(raw):,} characters long; that is too big")
            return None
        if _INT.match(raw):
            return int(raw)
        if not integer and s.tag != "int" and _FLOAT.match(raw):
            value = float(raw)
            if math.isfinite(value):
                return value
        self.report(s, path, f"must be {what} (got '{raw}')")
        return None

    def boolean(self, node: Node, path: str) -> bool | None:
        s = self.scalar(node, path, "true or false")
        if s is None:
            return None
        raw = s.value.strip()
        bare = s.tag in (None, "bool") and (s.plain or s.tag == "bool")
        if bare and raw in _TRUE:
            return True
        if bare and raw in _FALSE:
            return False
        if raw in _TRUE or raw in _FALSE:
            fix = "remove the tag" if s.tag else "remove the quotes"
            self.report(s, path, f'must be true or false, not the text "{raw}"; {fix}')
        elif raw.lower() in _YAML11_BOOLS:
            self.report(s, path, f"must be true or false; '{raw}' is read as text (YAML 1.2)")
        else:
            self.report(s, path, f"must be true or false (got '{raw}')")
        return None

    def text_list(self, node: Node | None, path: str, field_spec: FieldSpec) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, Sequence):
            self.report(
                node,
                path,
                f"must be a list, e.g. [{node.value if isinstance(node, Scalar) else '...'}]",
            )
            return ()
        if field_spec.max_items is not None and len(node.items) > field_spec.max_items:
            self.report(node, path, f"has {len(node.items)} items; at most {field_spec.max_items}")
        out: list[str] = []
        for i, item in enumerate(node.items):
            value = self.text(item, f"{path}[{i}]", field_spec)
            if value is None:
                continue
            if value.casefold() in (v.casefold() for v in out):
                self.report(item, f"{path}[{i}]", f"'{value}' is listed twice; remove one")
                continue
            out.append(value)
        return tuple(out)


def _is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and (
        node.tag == "null" or (node.plain and node.value.strip() in _NULLS)
    )


Q = {s.name: s for s in spec.QUESTION_FIELDS}
P = {s.name: s for s in spec.PACK_FIELDS}


def _source_info(c: _Checker, node: Node | None) -> SourceInfo | None:
    if node is None:
        return None
    found = c.fields(node, "pack.source", spec.SOURCE_FIELDS)
    if found is None:
        return None
    values = {
        s.name: c.text(found.get(s.name), f"pack.source.{s.name}", s) for s in spec.SOURCE_FIELDS
    }
    return SourceInfo(**values) if any(values.values()) else None


def _defaults(c: _Checker, node: Node | None) -> PackDefaults:
    if node is None:
        return PackDefaults()
    found = c.fields(node, "pack.defaults", spec.DEFAULTS_FIELDS)
    if found is None:
        return PackDefaults()
    limit = c.number(found.get("time_limit"), "pack.defaults.time_limit")
    if limit is not None and limit < 0:
        c.report(found["time_limit"], "pack.defaults.time_limit", "must be 0 or more seconds")
        limit = None
    return PackDefaults(time_limit=None if limit is None else float(limit))


class _Meta(TypedDict):
    id: str | None
    title: str | None
    description: str | None
    language: str | None
    version: int
    source: SourceInfo | None
    defaults: PackDefaults


def _pack_meta(c: _Checker, node: Node) -> _Meta | None:
    found = c.fields(node, "pack", spec.PACK_FIELDS)
    if found is None:
        return None
    version = c.number(found.get("version"), "pack.version", integer=True)
    if version is not None and version < 1:
        c.report(found["version"], "pack.version", "must be 1 or more")
    return _Meta(
        id=c.text(found.get("id"), "pack.id", P["id"]),
        title=c.text(found.get("title"), "pack.title", P["title"]),
        description=c.text(found.get("description"), "pack.description", P["description"]),
        language=c.text(found.get("language"), "pack.language", P["language"]),
        version=int(version) if version is not None and version >= 1 else 1,
        source=_source_info(c, found.get("source")),
        defaults=_defaults(c, found.get("defaults")),
    )


def _answer(c: _Checker, node: Node, path: str, qtype: str) -> str | bool | int | float | None:
    if qtype in ("choice", "text"):
        return c.text(node, path, Q["answer"])
    if qtype == "truefalse":
        return c.boolean(node, path)
    return c.number(node, path)


def _question(c: _Checker, node: Node, path: str) -> Question | None:
    qtype_node = node.get("type") if isinstance(node, Mapping) else None
    qtype = None
    if qtype_node is not None and isinstance(qtype_node, Scalar):
        qtype = (
            qtype_node.value.strip() if qtype_node.value.strip() in spec.QUESTION_TYPES else None
        )
    found = c.fields(node, path, spec.QUESTION_FIELDS, qtype)
    if found is None:
        return None
    before = len(c.problems)
    qid = c.text(found.get("id"), f"{path}.id", Q["id"])
    c.text(found.get("type"), f"{path}.type", Q["type"])
    prompt = c.text(found.get("prompt"), f"{path}.prompt", Q["prompt"])
    answer = None
    if qtype is not None and "answer" in found:
        answer = _answer(c, found["answer"], f"{path}.answer", qtype)
    wrong = c.text_list(found.get("wrong"), f"{path}.wrong", Q["wrong"])
    if qtype == "choice":
        _check_choice(c, found, path, answer, wrong)
    tolerance = c.number(found.get("tolerance"), f"{path}.tolerance")
    if tolerance is not None and tolerance < 0:
        c.report(found["tolerance"], f"{path}.tolerance", "must be 0 or more")
    difficulty = c.text(found.get("difficulty"), f"{path}.difficulty", Q["difficulty"])
    optional: dict[str, str | None] = {
        name: c.text(found.get(name), f"{path}.{name}", Q[name])
        for name in ("explanation", "hint", "source")
    }
    accept = c.text_list(found.get("accept"), f"{path}.accept", Q["accept"])
    tags = c.text_list(found.get("tags"), f"{path}.tags", Q["tags"])
    if len(c.problems) > before or qid is None or qtype is None or prompt is None:
        return None
    if answer is None:
        return None
    return Question(
        id=qid,
        type=QuestionType(qtype),
        prompt=prompt,
        answer=answer,
        wrong=wrong,
        accept=accept,
        tolerance=float(tolerance or 0),
        difficulty=Difficulty(difficulty or "medium"),
        tags=tuple(t.lower() for t in tags),
        line=node.line,
        **optional,
    )


def _check_choice(
    c: _Checker,
    found: dict[str, Node],
    path: str,
    answer: object,
    wrong: tuple[str, ...],
) -> None:
    if "wrong" not in found:
        c.report(
            found.get("answer") or found.get("type"),
            f"{path}.wrong",
            "a choice question needs 'wrong': a list of 1 to 5 wrong options",
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


def _questions(c: _Checker, node: Node) -> list[Question]:
    if not isinstance(node, Sequence):
        c.report(node, "questions", f"must be a list of questions, not {_KIND_NAMES[node.kind]}")
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
    c = _Checker(label)
    c.problems.extend(problems)
    if root is None or _is_null(root):
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

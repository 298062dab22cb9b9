"""Reading one field of a pack: containers and scalars, every problem collected.

A scalar's meaning comes from the field it is in, with YAML 1.2 core rules: in
a text field ``no``, ``12:30`` and ``007`` stay the text they look like; in a
true/false field only ``true`` and ``false`` are booleans. Limits come from the
field's :class:`~quiz.packs.spec.FieldSpec`.
"""

from __future__ import annotations

import math
import re

from quiz.errors import Problem
from quiz.packs import spec
from quiz.packs.spec import FieldSpec
from quiz.packs.yamlread import Mapping, Node, Scalar, Sequence

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_ID = re.compile(spec.ID_PATTERN)
KIND_NAMES = {"scalar": "a single value", "mapping": "a mapping", "sequence": "a list"}


def _suggest(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(choices)}"


class Checker:
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
            self.report(node, path, f"must be a mapping of fields, not {KIND_NAMES[node.kind]}")
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
            elif not is_null(value):
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
        self.report(node, path, f"must be {what}, not {KIND_NAMES[node.kind]}")
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
        if len(raw) > spec.MAX_NUMBER_TEXT:
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


def is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and (
        node.tag == "null" or (node.plain and node.value.strip() in _NULLS)
    )

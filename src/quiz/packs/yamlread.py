"""Read a YAML document into a tree of nodes that remember their line and column.

PyYAML's composer is recursive (the pure-Python one dies of a RecursionError a
few hundred levels deep) and resolves plain scalars with YAML 1.1 rules (``no``
becomes False, ``12:30`` becomes 750). So this module builds the tree itself
from PyYAML's event stream, iteratively, and leaves every scalar as the text it
was written as: the validator decides what a scalar means from the field it is
in, with YAML 1.2 core rules. Along the way it enforces the limits that keep a
small hostile file from costing much: nesting depth, alias count, and the size
of the tree once aliases are expanded. Duplicate keys are reported, not
silently overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quiz.errors import PackError, Problem

MAX_DEPTH = 64
MAX_ALIASES = 100
MAX_NODES = 2_000_000  # after alias expansion; a 20,000-question pack needs about 400,000

YAML_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {f"{YAML_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}


@dataclass(slots=True, eq=False)
class Scalar:
    value: str
    line: int  # 1-based
    col: int  # 1-based
    plain: bool  # written without quotes or block style, so its type is implied
    tag: str | None = None  # "str", "int", "float", "bool" or "null" when given explicitly

    kind = "scalar"


@dataclass(slots=True, eq=False)
class Mapping:
    line: int
    col: int
    items: list[tuple[Scalar, Node]] = field(default_factory=list)
    size: int = 1

    kind = "mapping"

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass(slots=True, eq=False)
class Sequence:
    line: int
    col: int
    items: list[Node] = field(default_factory=list)
    size: int = 1

    kind = "sequence"


Node = Scalar | Mapping | Sequence


class _Builder:
    """Turns events into nodes, checking limits as it goes."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.stack: list[tuple[Mapping | Sequence, str | None]] = []
        self.pending_key: list[Scalar | None] = []
        self.root: Node | None = None
        self.documents = 0
        self.aliases = 0
        self.nodes = 0

    def path(self, depth: int | None = None) -> str:
        """The field path of the value being read (``questions[3].answer``)."""
        parts: list[str] = []
        levels = zip(self.stack[:depth], self.pending_key[:depth], strict=True)
        for (container, _), key in levels:
            if isinstance(container, Sequence):
                parts.append(f"[{len(container.items)}]")
            elif key is not None:
                parts.append(("." if parts else "") + key.value)
        return "".join(parts)

    def fatal(self, line: int, col: int, message: str) -> PackError:
        return PackError([*self.problems, Problem(self.label, line, col, "", message)])

    def count(self, n: int, line: int, col: int) -> None:
        """Count values as if every alias were written out in full."""
        self.nodes += n
        if self.nodes > MAX_NODES:
            if not self.aliases:  # the values are all written out: aliases are not to blame
                raise self.fatal(
                    line, col, f"more than {MAX_NODES:,} values; a pack needs far fewer"
                )
            raise self.fatal(
                line,
                col,
                f"the document is too large once aliases are expanded "
                f"(more than {MAX_NODES:,} values); use fewer aliases",
            )

    def attach(self, node: Node, size: int, line: int, col: int) -> None:
        """Hang a finished node (of ``size`` values, aliases expanded) on its parent."""
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1][0]
        parent.size += size
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            if not isinstance(node, Scalar):
                raise self.fatal(line, col, "a key must be a plain word, not a list or mapping")
            self.pending_key[-1] = node
            return
        self.pending_key[-1] = None
        parent.items.append((key, node))

    def open(self, node: Mapping | Sequence, anchor: str | None) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self.fatal(
                node.line,
                node.col,
                f"nesting is deeper than {MAX_DEPTH} levels; a pack needs only a few",
            )
        self.count(1, node.line, node.col)
        self.stack.append((node, anchor))
        self.pending_key.append(None)

    def close(self) -> None:
        node, anchor = self.stack.pop()
        self.pending_key.pop()
        if isinstance(node, Mapping):
            self._drop_duplicates(node, self.path())
        if anchor is not None:
            self.anchors[anchor] = node
        self.attach(node, node.size, node.line, node.col)

    def alias(self, name: str, line: int, col: int) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self.fatal(
                line, col, f"more than {MAX_ALIASES} aliases (*name); write the values out"
            )
        target = self.anchors.get(name)
        if target is None:  # PyYAML reports unknown anchors itself; be safe anyway
            raise self.fatal(line, col, f"unknown alias *{name}")
        size = 1 if isinstance(target, Scalar) else target.size
        self.count(size, line, col)
        self.attach(target, size, line, col)

    def _drop_duplicates(self, node: Mapping, where: str) -> None:
        if len(node.items) < 2:
            return
        seen: dict[str, Scalar] = {}
        kept: list[tuple[Scalar, Node]] = []
        for key, value in node.items:
            first = seen.get(key.value)
            if first is not None:
                self.problems.append(
                    Problem(
                        self.label,
                        key.line,
                        key.col,
                        f"{where}.{key.value}" if where else key.value,
                        f"duplicate key '{key.value}' (first on line {first.line}); "
                        "remove one of them",
                    )
                )
                continue
            seen[key.value] = key
            kept.append((key, value))
        node.items = kept


def compose(data: bytes | str, label: str) -> tuple[Node | None, list[Problem]]:
    """Build the node tree of a one-document YAML stream.

    Returns the root (None for an empty document) and the non-fatal problems
    found (duplicate keys, disallowed tags). Raises :class:`PackError` for
    anything that stops reading: a syntax error or a limit exceeded.
    """
    import yaml
    from yaml import events

    loader_cls = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    builder = _Builder(label)
    try:
        for event in yaml.parse(data, Loader=loader_cls):
            _feed(builder, event, events)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "not valid YAML"
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        problem = Problem(label, line, col, "", f"YAML syntax error: {what}")
        raise PackError([*builder.problems, problem]) from None
    except yaml.YAMLError as exc:
        raise PackError([*builder.problems, _reader_problem(data, label, exc)]) from None
    return builder.root, builder.problems


# Characters YAML forbids in a stream (outside escapes in double quotes).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _reader_problem(data: bytes | str, label: str, exc: Exception) -> Problem:
    """A reader error (a forbidden character) with the line and column it is at.

    PyYAML gives a character offset from one reader and a byte offset from the
    other, so the character is found in the text instead.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    found = _FORBIDDEN.search(text)
    if found is None:
        return Problem(label, None, None, "", f"not readable as YAML: {exc}")
    start = found.start()
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return Problem(
        label,
        line,
        col,
        "",
        f"contains the control character U+{ord(found.group()):04X}, which YAML does not "
        "allow; remove it (or write it as an escape in a double-quoted string)",
    )


def _feed(b: _Builder, event: Any, events: Any) -> None:
    """Add one parser event to the tree; ``events`` is PyYAML's ``yaml.events`` module."""
    mark = event.start_mark
    line, col = mark.line + 1, mark.column + 1
    if isinstance(event, events.ScalarEvent):
        tag = _checked_tag(b, event.tag, line, col)
        node = Scalar(event.value, line, col, plain=not event.style and tag is None, tag=tag)
        b.count(1, line, col)
        b.attach(node, 1, line, col)
        if event.anchor is not None:
            b.anchors[event.anchor] = node
    elif isinstance(event, events.MappingStartEvent):
        _checked_tag(b, event.tag, line, col)
        b.open(Mapping(line, col), event.anchor)
    elif isinstance(event, events.SequenceStartEvent):
        _checked_tag(b, event.tag, line, col)
        b.open(Sequence(line, col), event.anchor)
    elif isinstance(event, events.CollectionEndEvent):
        b.close()
    elif isinstance(event, events.AliasEvent):
        b.alias(event.anchor, line, col)
    elif isinstance(event, events.DocumentStartEvent):
        b.documents += 1
        if b.documents > 1:
            raise b.fatal(line, col, "a pack file holds one YAML document; remove the '---' line")


def _checked_tag(b: _Builder, raw: str | None, line: int, col: int) -> str | None:
    """The short name of an allowed explicit tag; any other tag is a problem."""
    if raw is None or raw == "!":
        return None
    tag = raw.removeprefix(YAML_TAG)
    if raw in ALLOWED_TAGS:
        return tag
    shown = f"!!{tag}" if raw.startswith(YAML_TAG) else raw if raw[0] == "!" else f"!<{raw}>"
    b.problems.append(
        Problem(
            b.label, line, col, b.path(), f"the tag {shown} is not allowed in a pack; remove it"
        )
    )
    return None

"""``quiz packs lint``: what a pack author wants checked beyond validity.

A valid pack can still be unfair: an option the grader accepts although it is
wrong, a prompt that names its own answer, a question that gives another's
answer away. Each finding names the file, line and column, a code, what is
wrong and how to fix it. Codes L1xx are errors (grading breaks, or a question
gives its own answer away); L2xx are warnings (quality). The checks live in
``lint_checks``; this module reads the file, finds where each field was
written, and runs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from quiz.errors import PackError, QuizError
from quiz.packs.model import Pack
from quiz.packs.yamlread import Mapping, Node
from quiz.packs.yamlread import Sequence as SequenceNode
from quiz.words import plural

INVALID = "L100"  # the file cannot be read, or is not a valid pack


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int | None
    column: int | None
    code: str
    severity: Severity
    message: str
    fix: str

    def render(self) -> str:
        """``PATH:LINE:COL: CODE message (fix: ...)``."""
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.column or 1}"
        return f"{where}: {self.code} {self.message} (fix: {self.fix})"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix,
        }


Position = tuple[int, int]


class Positions:
    """Where each question and each of its fields was written."""

    def __init__(self, root: Node | None) -> None:
        self.questions: Position | None = None
        self._fields: list[dict[str, Position]] = []
        node = root.get("questions") if isinstance(root, Mapping) else None
        if isinstance(node, SequenceNode):
            self.questions = (node.line, node.col)
            self._fields = [_field_positions(item) for item in node.items]

    def of(self, question: int, field: str = "") -> Position | None:
        """The field's position, else the question's, else None."""
        if question >= len(self._fields):
            return None
        fields = self._fields[question]
        return fields.get(field) or fields.get("")


def _field_positions(item: Node) -> dict[str, Position]:
    found: dict[str, Position] = {"": (item.line, item.col)}
    if not isinstance(item, Mapping):
        return found
    for key, value in item.items:
        found[key.value] = (value.line, value.col)
        if isinstance(value, SequenceNode):
            for i, element in enumerate(value.items):
                found[f"{key.value}[{i}]"] = (element.line, element.col)
    return found


@dataclass(frozen=True, slots=True)
class LintReport:
    """Every finding of a run over one or more files."""

    findings: tuple[Finding, ...]
    files: int

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def of(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]

    def failed(self, strict: bool) -> bool:
        return bool(self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)))

    def summary(self, findings: Sequence[Finding] | None = None) -> str:
        """Counts as "2 errors, 1 warning", of the run or of the findings given."""
        chosen = self.findings if findings is None else findings
        errors = sum(f.severity is Severity.ERROR for f in chosen)
        warnings = len(chosen) - errors
        return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


def lint_paths(paths: Iterable[Path]) -> LintReport:
    findings: list[Finding] = []
    count = 0
    for path in paths:
        count += 1
        findings += lint_file(path)
    return LintReport(tuple(findings), count)


def lint_file(path: Path) -> list[Finding]:
    """Every finding in one pack file; a file that is not a valid pack gives L100s."""
    from quiz.packs.load import read_pack_bytes

    label = str(path)
    try:
        data, _ = read_pack_bytes(path, label)
    except QuizError as exc:
        return _unusable(label, exc)
    return lint_text(data, label)


def lint_text(data: bytes | str, label: str) -> list[Finding]:
    """Every finding in pack text (``label`` names it in messages)."""
    from quiz.packs.load import parse_pack_tree

    try:
        pack, root = parse_pack_tree(data, label)
    except QuizError as exc:
        return _unusable(label, exc)
    return lint_pack(pack, Positions(root), label)


def lint_pack(pack: Pack, positions: Positions, label: str) -> list[Finding]:
    from quiz.authoring.lint_checks import CHECKS

    found = [f for rule in CHECKS for f in rule.run(pack, positions, label)]
    return sorted(found, key=lambda f: (f.line or 0, f.column or 0, f.code))


def _unusable(label: str, exc: QuizError) -> list[Finding]:
    if not isinstance(exc, PackError):
        message = exc.message.removeprefix(f"{label}: ")
        fix = "check the path, and that the file is a readable pack file"
        return [Finding(label, None, None, INVALID, Severity.ERROR, message, fix)]
    fix = "make the file a valid pack (quiz packs validate lists the same problems)"
    return [
        Finding(
            p.path,
            p.line,
            p.column,
            INVALID,
            Severity.ERROR,
            f"{p.field}: {p.message}" if p.field else p.message,
            fix,
        )
        for p in exc.problems
    ]

"""Provenance: does every question's ``source`` excerpt occur in the article?

Both sides are normalised before comparing, so typography does not matter:
with the table answers are normalised with, curly quotes become straight,
every dash becomes '-' and an ellipsis '...'; case is folded and runs of
whitespace become one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quiz.game.normalize import TYPOGRAPHY
from quiz.packs.model import Pack

_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s*-\s*-?\s*")


def normalise_excerpt(text: str) -> str:
    text = text.translate(TYPOGRAPHY).casefold()
    text = _SPACE.sub(" ", text).strip()
    # "a — b", "a--b" and "a - b" are the same dash to a reader.
    return _SPACED_DASH.sub("-", text)


@dataclass(slots=True)
class VerifyReport:
    pack_id: str
    article: str
    found: list[str] = field(default_factory=list)
    missing: list[tuple[str, int | None, str]] = field(default_factory=list)  # id, line, excerpt
    unsourced: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.pack_id,
            "article": self.article,
            "ok": self.ok,
            "found": len(self.found),
            "missing": [{"id": i, "line": ln, "source": s} for i, ln, s in self.missing],
            "unsourced": [{"id": i, "line": ln} for i, ln in self.unsourced],
        }


def verify_pack(pack: Pack, article_text: str, article_name: str) -> VerifyReport:
    haystack = normalise_excerpt(article_text)
    report = VerifyReport(pack.id, article_name)
    for q in pack.questions:
        if q.source is None:
            report.unsourced.append((q.id, q.line))
        elif normalise_excerpt(q.source) in haystack:
            report.found.append(q.id)
        else:
            report.missing.append((q.id, q.line, q.source))
    return report

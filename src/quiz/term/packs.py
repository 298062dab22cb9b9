"""How packs look in the terminal: the pack list, one pack, validation output."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from quiz.packs.model import Difficulty, Pack, PackSummary, SourceInfo
from quiz.term.sanitize import safe_text

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from quiz.packs.discovery import Found


def difficulty_mix(pack: Pack) -> str:
    mix = pack.difficulty_mix()
    return " · ".join(f"{mix[d]} {d}" for d in Difficulty if mix[d])


def source_line(source: SourceInfo | None) -> str:
    if source is None:
        return ""
    parts = [source.publisher, source.author, source.date]
    return ", ".join(p for p in parts if p)


def _about(pack: PackSummary) -> Text:
    """Title, then tags and source in dim lines under it."""
    text = safe_text(pack.title, "bold", one_line=True)
    if pack.tags:
        text.append("\n")
        text.append_text(safe_text("tags: " + ", ".join(pack.tags), "quiz.dim", one_line=True))
    if source_line(pack.source):
        text.append("\n")
        text.append_text(safe_text("from: " + source_line(pack.source), "quiz.dim", one_line=True))
    return text


def packs_table(found: list[Found]) -> RenderableType:
    from rich.table import Table

    table = Table(title="Question packs", title_style="quiz.title", show_lines=True, expand=True)
    table.add_column("id", style="quiz.accent", no_wrap=True)
    table.add_column("title", ratio=3, overflow="fold")
    table.add_column("questions", justify="right", no_wrap=True)
    table.add_column("easy·med·hard", justify="center", no_wrap=True)
    table.add_column("where", ratio=2, overflow="fold", style="quiz.dim")
    for item in found:
        where = safe_text(item.where, one_line=True)
        if item.summary is None:
            error = str(item.error.problems[0]) if item.error and item.error.problems else "invalid"
            table.add_row(
                safe_text("(broken)", "quiz.bad"), safe_text(error, "quiz.bad"), "", "", where
            )
            continue
        pack = item.summary
        table.add_row(
            safe_text(pack.id, one_line=True),
            _about(pack),
            str(pack.questions),
            " · ".join(str(pack.difficulty.get(str(d), 0)) for d in Difficulty),
            where,
        )
    return table


def pack_view(pack: Pack, where: str, *, answers: bool) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="quiz.dim")
    meta.add_column()
    meta.add_row("id", safe_text(pack.id, "quiz.accent", one_line=True))
    if pack.description:
        meta.add_row("about", safe_text(pack.description))
    meta.add_row("version", str(pack.version))
    meta.add_row("language", safe_text(pack.language, one_line=True))
    if pack.source is not None:
        meta.add_row(
            "source",
            safe_text(
                " · ".join(
                    v for v in (pack.source.title, source_line(pack.source), pack.source.url) if v
                )
            ),
        )
    if pack.defaults.time_limit:
        meta.add_row("time limit", f"{pack.defaults.time_limit:g} s per question")
    meta.add_row("questions", str(len(pack.questions)))
    types = Counter(str(q.type) for q in pack.questions)
    meta.add_row("types", " · ".join(f"{n} {t}" for t, n in types.most_common()))
    meta.add_row("difficulty", difficulty_mix(pack))
    tags = Counter(t for q in pack.questions for t in q.tags)
    meta.add_row("tags", safe_text(", ".join(f"{t} ({n})" for t, n in tags.most_common())))
    meta.add_row("where", safe_text(where, one_line=True))
    title = safe_text(pack.title, "quiz.title", one_line=True)
    questions = Table(show_lines=False, expand=False)
    for name in ("id", "type", "difficulty", "prompt"):
        questions.add_column(name, overflow="fold")
    if answers:
        questions.add_column("answer", style="quiz.good", overflow="fold")
    for q in pack.questions:
        row: list[RenderableType] = [
            safe_text(q.id, one_line=True),
            str(q.type),
            str(q.difficulty),
            safe_text(q.prompt),
        ]
        if answers:
            row.append(safe_text(q.answer_text))
        questions.add_row(*row)
    footer = Text(
        "" if answers else "Answers are hidden; add --answers to see them.", style="quiz.dim"
    )
    return Group(Panel(meta, title=title, title_align="left"), questions, footer)

"""How packs look in the terminal: the pack list, one pack, validation output."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from quiz.packs.model import Difficulty, Pack, PackSummary, SourceInfo
from quiz.term.sanitize import safe_text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
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


NARROW = 80  # below this many columns, title and file go under the id


def packs_table(found: list[Found], width: int = 88) -> RenderableType:
    """The packs, ids and titles first; where each lives, shortened to fit."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    narrow = width < NARROW
    table = Table(title="Question packs", title_style="quiz.title", show_lines=True, width=width)
    table.add_column("pack" if narrow else "id", style="quiz.accent", ratio=1 if narrow else None)
    if not narrow:
        table.add_column("title", ratio=3)
    table.add_column("questions", justify="right", no_wrap=True)
    if not narrow:
        table.add_column("where", ratio=2, min_width=12, style="quiz.dim")
    for item in found:
        where = PathCell(item.where)
        if item.summary is None:
            error = str(item.error.problems[0]) if item.error and item.error.problems else "invalid"
            problem = safe_text(error, "quiz.bad")
            broken = safe_text("(broken)", "quiz.bad")
            if narrow:
                table.add_row(Group(broken, problem, where), "")
            else:
                table.add_row(broken, problem, "", where)
            continue
        pack = item.summary
        mix = [pack.difficulty.get(str(d), 0) for d in Difficulty]
        if narrow:
            head = safe_text(pack.id, "quiz.accent", one_line=True)
            spread = " · ".join(f"{n} {d}" for n, d in zip(mix, Difficulty, strict=True))
            table.add_row(
                Group(head, _about(pack), Text(spread, style="quiz.dim"), where),
                str(pack.questions),
            )
        else:
            counts = Text(str(pack.questions))
            counts.append("\n" + "·".join(map(str, mix)))
            counts.append("\neasy·med·hard", style="quiz.dim")
            table.add_row(safe_text(pack.id, one_line=True), _about(pack), counts, where)
    return table


class PathCell:
    """A file's path, with ``~`` for the home folder, shortened at a ``/`` to fit.

    A path has no spaces to wrap at, and a path cut in the middle of a folder's
    name cannot be read or copied, so leading folders give way to ``…`` instead.
    """

    def __init__(self, path: str) -> None:
        from quiz.term.sanitize import clean_line

        self.path = _home_as_tilde(clean_line(path))

    def shortened(self, width: int) -> str:
        parts = self.path.split("/")
        for start in range(len(parts)):
            shown = "/".join(parts[start:])
            if start:
                shown = "…/" + shown
            if len(shown) <= width:
                return shown
        return parts[-1]  # the file's own name, whole, even if it must wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        yield Text(self.shortened(options.max_width), style="quiz.dim")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        name = self.path.rsplit("/", 1)[-1]
        return Measurement(min(len(name), 40), len(self.path))  # the file's name whole


def _home_as_tilde(path: str) -> str:
    from pathlib import Path

    try:
        home = str(Path.home())
    except RuntimeError:  # no home folder to speak of
        return path
    if home not in ("", "/") and (path == home or path.startswith(home + "/")):
        return "~" + path[len(home) :]
    return path


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
    from quiz.term.screens import TYPE_LABELS  # the round's modules: only to show one pack

    types = Counter(TYPE_LABELS[q.type].lower() for q in pack.questions)
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
            TYPE_LABELS[q.type].lower(),
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

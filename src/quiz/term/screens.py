"""What the player sees before answering: the round's opening, each question.

Every screen comes in two forms: a Rich one for a terminal (a panel that
fits any width from 40 columns up, never wider than
:data:`~quiz.term.console.SCREEN_WIDTH`) and plain lines for ``--plain``,
where a screen reader reads everything in order and nothing is boxed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.game.labels import LETTERS
from quiz.game.labels import labelled as labelled_options
from quiz.game.round import Round
from quiz.packs.model import QuestionType
from quiz.term.sanitize import safe_text
from quiz.term.timefmt import format_limit
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

TYPE_LABELS = {
    QuestionType.CHOICE: "Choice",
    QuestionType.TRUEFALSE: "True or false",
    QuestionType.TEXT: "Text",
    QuestionType.NUMBER: "Number",
}
KIND_HINTS = {QuestionType.TRUEFALSE: "true or false", QuestionType.NUMBER: "a number"}


def sentence(message: str) -> str:
    """A message as a sentence: its first letter a capital."""
    return message[:1].upper() + message[1:]


def or_list(items: list[str]) -> str:
    """``A``, ``A or C``, ``A, C or D``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


# -- the options on screen ------------------------------------------------------


def labelled(game: Round) -> list[tuple[str, str]]:
    """The current options still shown, each with the letter it had at first.

    Letters stay put after 50:50, so a player who had picked "B" in their
    head is not tricked by the options moving up.
    """
    asked = game.current
    if asked is None or asked.question.type is not QuestionType.CHOICE:
        return []
    return labelled_options(asked.options, game.options)


def letters_on_screen(game: Round) -> str:
    """``A-D`` for a run from A; otherwise each letter: ``A or C``."""
    letters = [letter for letter, _ in labelled(game)]
    if len(letters) > 2 and "".join(letters) == LETTERS[: len(letters)]:
        return f"A-{letters[-1]}"
    return or_list(letters)


def answer_hint(game: Round) -> str:
    """What may be typed now: ``A-D, or 50, skip``; ``true or false, or skip``."""
    asked = game.current
    if asked is None:
        return ""
    q = asked.question
    main = letters_on_screen(game) if q.type is QuestionType.CHOICE else KIND_HINTS.get(q.type, "")
    extras = [
        word
        for word, offered in (
            ("50", game.fifty_fifty_available),
            ("skip", game.skip_available),
            ("?", bool(q.hint)),
        )
        if offered
    ]
    if not extras:
        return main
    return f"{main}, or {', '.join(extras)}" if main else f"or {', '.join(extras)}"


def status_parts(game: Round) -> list[str]:
    parts = [
        f"Question {game.index + 1} of {game.total}",
        f"score {game.score}",
        f"streak {game.streak}",
    ]
    if game.lives is not None:
        parts.append(f"lives {game.lives_left} of {game.lives}")
    return parts


def pack_lines(parts: list[str], width: int, sep: str = " · ") -> list[str]:
    """``parts`` joined by ``sep`` on as few lines of ``width`` as fit, none split."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(sep) + len(part) <= width:
            lines[-1] += sep + part
        else:
            lines.append(part)
    return lines


# -- the opening ----------------------------------------------------------------


def intro_lines(game: Round) -> list[str]:
    """How many questions, how long each, and the lifelines this round offers."""
    limit = game.time_limit
    timing = f"{format_limit(limit)} per question" if limit else "untimed"
    lines = [f"{plural(game.total, 'question')} · {timing}"]
    questions = game.asked
    fifty = any(a.question.type is QuestionType.CHOICE and len(a.options) >= 3 for a in questions)
    offers = ["type 50 for 50:50"] if fifty else []
    offers.append("skip to pass")
    lines.append(f"Lifelines, once each: {' or '.join(offers)}.")
    if any(a.question.hint for a in questions):
        lines.append("Type ? for a hint.")
    if game.lives is not None:
        lives = plural(game.lives, "life", "lives")
        lines.append(f"Survival: {lives}; a wrong or late answer costs one, a skip none.")
    return lines


def intro(game: Round, title: str, width: int, *, plain: bool) -> list[RenderableType]:
    from rich.constrain import Constrain
    from rich.rule import Rule
    from rich.text import Text

    lines = intro_lines(game)
    if plain:
        return [safe_text(title, one_line=True), *(Text(line) for line in lines)]
    return [
        Constrain(Rule(safe_text(title, "quiz.title", one_line=True)), width),
        Text("\n".join(lines), style="quiz.dim"),
    ]


# -- one question ---------------------------------------------------------------


def question_screen(game: Round, width: int, *, plain: bool) -> RenderableType:
    """The current question: a panel in a terminal, lines with ``--plain``."""
    return _plain_question(game) if plain else _question_panel(game, width)


def _title(game: Round) -> str:
    asked = game.current
    assert asked is not None
    q = asked.question
    return f"{TYPE_LABELS[q.type]} · {q.difficulty}"


def _plain_question(game: Round) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    asked = game.current
    assert asked is not None
    q = asked.question
    status = status_parts(game)
    kind = _title(game).replace(" · ", ", ")
    head = f"{status[0]}. {kind}. {sentence(', '.join(status[1:]))}."
    lines: list[RenderableType] = [Text(head), safe_text(q.prompt)]
    for letter, option in labelled(game):
        line = Text(f"{letter}: ")
        line.append_text(safe_text(option, one_line=True))
        lines.append(line)
    return Group(*lines)


def _question_panel(game: Round, width: int) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    asked = game.current
    assert asked is not None
    q = asked.question
    body: list[RenderableType] = [safe_text(q.prompt, "bold")]
    if q.type is QuestionType.CHOICE:
        # A grid, so an option that wraps keeps its indent under its first line.
        options = Table.grid(padding=(0, 2, 0, 0))
        options.add_column(no_wrap=True, style="quiz.accent")
        options.add_column()
        for letter, option in labelled(game):
            options.add_row(f"  {letter}", safe_text(option, one_line=True))
        body.append(options)
    elif q.type is QuestionType.TRUEFALSE:
        body.append(Text("  True or false?", style="quiz.accent"))
    status = " · ".join(status_parts(game))
    subtitle: Text | None = Text(status, style="quiz.dim")
    if len(status) + 6 > width:  # the frame would cut it: whole parts inside instead
        subtitle = None
        body.append(Text("\n".join(pack_lines(status_parts(game), width - 4)), style="quiz.dim"))
    return Panel(
        Group(*body),
        title=Text(_title(game), style="quiz.dim"),
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        box=box.ROUNDED,
        padding=(0, 1),
        width=width,
    )

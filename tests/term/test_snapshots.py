"""What a player sees, at 40, 80 and 120 columns, compared with saved snapshots.

Each screen is rendered with Rich's recording console at a fixed width and
compared, line for line, with ``snapshots/NAME-WIDTH.txt``. After a deliberate
change to a screen, write the new snapshots with
``QUIZ_UPDATE_SNAPSHOTS=1 uv run pytest tests/term/test_snapshots.py`` and read
the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from samples import AGE, DANCE, LONG, MUSICIAN, PARK, recording_console, sample_round

from quiz.game.round import Round
from quiz.packs.discovery import Found
from quiz.packs.model import PackSummary, SourceInfo
from quiz.term.packs import packs_table
from quiz.term.results import answer_feedback, summary_table, totals_text
from quiz.term.screens import intro, question_screen

SNAPSHOTS = Path(__file__).parent / "snapshots"
WIDTHS = (40, 80, 120)


def played_round() -> Round:
    """A round with a right, a wrong, a timed-out, a skipped and a 50:50 answer."""
    game = sample_round(DANCE, MUSICIAN, AGE, PARK, LONG)
    game.answer("C", 4.2)
    game.answer("false", 7.5)
    game.answer("", 20.5)
    game.skip(1.0)
    game.use_fifty_fifty()
    game.answer("An original musical set in present-day Los Angeles", 91.7)
    return game


def opening(width: int) -> list[RenderableType]:
    game = sample_round(LONG, DANCE)
    width = min(width, 88)
    title = "La La Land: a first look"
    return [*intro(game, title, width, plain=False), question_screen(game, width, plain=False)]


def feedback(width: int) -> list[RenderableType]:
    game = sample_round(DANCE, AGE)
    right = game.answer("C", 2.7)
    late = game.answer("", 20.5)
    return [answer_feedback(right, 20), answer_feedback(late, 20)]


def end_screen(width: int) -> list[RenderableType]:
    game = played_round()
    return [summary_table(game, min(width, 88)), totals_text(game, 125.3)]


def packs_list(width: int) -> list[RenderableType]:
    source = SourceInfo(publisher="Entertainment Weekly", author="Joe McGovern", date="2015-12-30")
    film = PackSummary(
        id="la-la-land-first-look",
        title="La La Land: a first look",
        questions=54,
        difficulty={"easy": 17, "medium": 23, "hard": 14},
        tags=["people", "dates", "films", "places", "music"],
        source=source,
        origin="built-in",
    )
    mine = PackSummary(
        id="my-own-pack",
        title="My own pack of questions about musicals",
        questions=4,
        difficulty={"easy": 1, "medium": 2, "hard": 1},
        tags=["craft"],
        source=None,
        origin="user",
    )
    found = [
        Found(path=Path("questions.yaml"), builtin=True, summary=film),
        Found(
            path=Path.home() / ".local/share/quiz/packs/my-own-pack.yaml",
            builtin=False,
            summary=mine,
        ),
    ]
    return [packs_table(found, min(width, 88))]


def plain_round(width: int) -> list[RenderableType]:
    game = sample_round(DANCE, MUSICIAN)
    parts = [*intro(game, "Sample", width, plain=True), question_screen(game, width, plain=True)]
    parts.append(answer_feedback(game.answer("B", 3.0), 20, plain=True))
    parts.append(summary_table(game, width, plain=True))
    return parts


SCREENS: dict[str, Callable[[int], list[RenderableType]]] = {
    "opening": opening,
    "feedback": feedback,
    "end-screen": end_screen,
    "packs-list": packs_list,
}


def render(parts: list[RenderableType], width: int, *, soft_wrap: bool = False) -> str:
    console: Console = recording_console(width, color_system=None)
    for part in parts:
        console.print(part, soft_wrap=soft_wrap)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("QUIZ_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}; write it with QUIZ_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen_matches_its_snapshot(screen: str, width: int) -> None:
    text = render(SCREENS[screen](width), width)
    assert max(len(line) for line in text.splitlines()) <= min(width, 88)
    check(f"{screen}-{width}", text)


def test_plain_round_matches_its_snapshot() -> None:
    text = render(plain_round(40), 40, soft_wrap=True)  # the terminal wraps, not quiz
    for box in "╭│╰┃━┏":
        assert box not in text
    for symbol in "✔✘⏱↷":
        assert symbol not in text
    check("plain-round-40", text)


@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_options_keep_their_indent(width: int) -> None:
    lines = render(opening(width), width).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("│   A  "))
    last = next(i for i, line in enumerate(lines) if "Question 1 of 2" in line)
    for line in lines[first:last]:
        assert re.match(r"│   [A-D]  \S|│      \S", line), line
    if width == 40:
        assert last - first > 4  # some options did wrap


@pytest.mark.parametrize("width", WIDTHS)
def test_the_status_line_is_never_cut(width: int) -> None:
    text = render(opening(width), width)
    assert "Question 1 of 2" in text
    assert "score 0" in text
    assert "streak 0" in text
    assert "…" not in text

"""``quiz stats``: how a player is doing, and the pieces of the view."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner, Result

from quiz.cli.app import app
from quiz.store.db import ScoreStore
from quiz.store.player import remember_name
from quiz.store.records import AnswerRecord, RoundRecord
from quiz.term.scores import SPARK, Trend, bar, sparkline

runner = CliRunner()
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PACK = "la-la-land-first-look"


def quiz(*args: str) -> Result:
    return runner.invoke(app, list(args))


def answer(
    question: str, correct: bool, tags: tuple[str, ...] = (), pack: str = PACK
) -> AnswerRecord:
    return AnswerRecord(pack, question, "x", correct, False, False, 2.0, 100 * correct, tags)


def play(player: str, score: int, minute: int, answers: tuple[AnswerRecord, ...]) -> RoundRecord:
    return RoundRecord(
        player=player,
        board=f"{PACK}/10/timed-20s",
        pack_ids=(PACK,),
        score=score,
        correct=sum(a.correct for a in answers),
        total=len(answers),
        best_streak=1,
        duration=60.0,
        seed=1,
        time_limit=20.0,
        finished_at=T0 + timedelta(minutes=minute),
        answers=answers,
    )


@pytest.fixture
def mia(quiz_home: Path) -> None:
    """Mia has played 4 rounds: director always right, age always wrong, song half the time."""
    with ScoreStore.open() as store:
        for n, score in enumerate([300, 900, 600, 1200]):
            store.save_round(
                play(
                    "Mia",
                    score,
                    n,
                    (
                        answer("director", True, ("people",)),
                        answer("age", False, ("numbers", "people")),
                        answer("song", n % 2 == 0, ("music",), pack="whiplash"),
                    ),
                )
            )
        store.save_round(play("Seb", 5000, 9, (answer("age", True),)))


def test_stats_for_a_player(mia: None) -> None:
    result = quiz("stats", "--player", "Mia")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Mia: 4 rounds played, 50% right (6 of 12 answered), best score 1200" in out
    assert "Accuracy by pack" in out
    assert "Accuracy by tag" in out
    assert f"│ {PACK} │   4/8 │      50% │ █████░░░░░ │" in out
    assert "│ whiplash              │   2/4 │      50% │" in out
    assert "│ people  │   4/8 │      50% │" in out
    assert "│ numbers │   0/4 │       0% │ ░░░░░░░░░░ │" in out
    assert "│ music   │   2/4 │      50% │" in out
    missed = out[out.index("Missed most often") :]
    assert missed.index("age") < missed.index("song")
    assert "4 of 4" in missed
    assert "2 of 4" in missed
    assert "director" not in missed
    assert "Recent scores (last 4, oldest first): ▁▆▃█  min 300, max 1200, last 1200" in out
    assert "Seb" not in out


def test_stats_default_to_the_remembered_name(mia: None) -> None:
    remember_name("Mia")
    result = quiz("stats")
    assert result.exit_code == 0
    assert "Mia: 4 rounds played" in result.stdout


def test_stats_without_a_name_is_an_error(quiz_home: Path) -> None:
    result = quiz("stats")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: whose stats?")
    assert "hint: pass --player NAME" in result.stderr
    assert not quiz_home.exists()


def test_stats_for_someone_without_rounds(mia: None) -> None:
    result = quiz("stats", "--player", "mia")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No rounds recorded for mia yet. Did you mean Mia?"
    result = quiz("stats", "--player", "Zed")
    assert result.stdout.strip() == "No rounds recorded for Zed yet."


def test_stats_with_no_score_file_creates_nothing(quiz_home: Path) -> None:
    result = quiz("stats", "--player", "Mia")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No rounds recorded for Mia yet."
    assert not quiz_home.exists()


def test_stats_as_json(mia: None) -> None:
    result = quiz("stats", "--player", "Mia", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data.pop("review") == {"boxes": [2, 0, 0, 0, 0], "retired": 0, "due_today": 2}
    assert data.pop("daily")["streak"] == 0
    assert data == {
        "player": "Mia",
        "rounds": 4,
        "correct": 6,
        "asked": 12,
        "answered": 12,
        "skipped": 0,
        "accuracy": 0.5,
        "best_score": 1200,
        "packs": [
            {
                "pack_id": PACK,
                "correct": 4,
                "asked": 8,
                "answered": 8,
                "skipped": 0,
                "accuracy": 0.5,
            },
            {
                "pack_id": "whiplash",
                "correct": 2,
                "asked": 4,
                "answered": 4,
                "skipped": 0,
                "accuracy": 0.5,
            },
        ],
        "tags": [
            {
                "tag": "people",
                "correct": 4,
                "asked": 8,
                "answered": 8,
                "skipped": 0,
                "accuracy": 0.5,
            },
            {
                "tag": "music",
                "correct": 2,
                "asked": 4,
                "answered": 4,
                "skipped": 0,
                "accuracy": 0.5,
            },
            {
                "tag": "numbers",
                "correct": 0,
                "asked": 4,
                "answered": 4,
                "skipped": 0,
                "accuracy": 0.0,
            },
        ],
        "most_missed": [
            {"pack_id": PACK, "question_id": "age", "missed": 4, "asked": 4},
            {"pack_id": "whiplash", "question_id": "song", "missed": 2, "asked": 4},
        ],
        "recent_scores": [300, 900, 600, 1200],
    }


def test_stats_json_for_someone_without_rounds(quiz_home: Path) -> None:
    data = json.loads(quiz("stats", "--player", "Zed", "--json").stdout)
    assert (data["rounds"], data["accuracy"], data["packs"]) == (0, None, [])


def test_untrusted_text_in_stats_is_shown_literally(quiz_home: Path) -> None:
    evil = answer("[link=http://x]q[/link]\x1b[2J", False, ("[red]t\u202e",), pack="p\x07")
    with ScoreStore.open() as store:
        store.save_round(play("[b]Eve\x1b[0m", 1, 0, (evil,)))
    result = quiz("stats", "--player", "[b]Eve\x1b[0m")
    assert result.exit_code == 0
    for shown in ("[b]Eve[0m", "[link=http://x]q[/link][2J", "[red]t"):
        assert shown in result.stdout
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in result.stdout


def test_stats_help_has_examples() -> None:
    result = quiz("stats", "--help")
    assert result.exit_code == 0
    assert "quiz stats --player Mia" in result.stdout


# -- the pieces ------------------------------------------------------------------------


def test_sparkline() -> None:
    assert sparkline([]) == ""
    assert sparkline([5]) == "▄"
    assert sparkline([3, 3, 3]) == "▄▄▄"
    assert sparkline([0, 7]) == "▁█"
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == SPARK
    assert sparkline([-10, 0, 10], chars="_=#") == "_=#"


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), max_size=30))
def test_sparkline_is_one_block_a_value(values: list[int]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    assert set(line) <= set(SPARK)
    if values and min(values) != max(values):
        assert line[values.index(min(values))] == SPARK[0]
        assert line[values.index(max(values))] == SPARK[-1]


def render(renderable: Any, encoding: str) -> str:
    console = Console(width=80, color_system=None)
    options = console.options.copy()
    options.encoding = encoding
    return "".join(segment.text for segment in console.render(renderable, options))


def test_the_trend_falls_back_to_ascii() -> None:
    assert "▁▅█  min 1, max 9, last 9" in render(Trend([1, 5, 9]), "utf-8")
    assert "_+@  min 1" in render(Trend([1, 5, 9]), "ascii")
    assert bar(0.5, 4) == "██░░"
    assert bar(0.5, 4, ascii_only=True) == "##.."
    assert bar(1.7, 4) == "████"

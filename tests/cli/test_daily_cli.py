"""``quiz daily`` piped: the same questions everywhere on a date, one recorded try, a share line."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from modes_answers import answers, asked_prompts, feed
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.daily import daily_challenge
from quiz.packs.discovery import builtin_pack

runner = CliRunner()
DAY = "2026-12-01"


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TODAY", DAY)


def challenge(day: str = DAY) -> list:  # type: ignore[type-arg]
    return list(daily_challenge(date.fromisoformat(day), [builtin_pack()]).questions)


def daily(*args: str, pattern: str = "rrwrsrrwrr", day: str = DAY) -> tuple[int, str, str]:
    result = runner.invoke(app, ["daily", *args], input=feed(answers(challenge(day), pattern)))
    return result.exit_code, result.stdout, result.stderr


def recorded(home: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(home / "scores.db") as conn:
        modes = conn.execute("SELECT DISTINCT mode FROM rounds").fetchall()
        assert modes in ([], [("daily",)])
        return conn.execute("SELECT player, board, correct FROM rounds ORDER BY id").fetchall()


def test_two_data_folders_ask_the_same_questions_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    for name in ("a", "b"):
        monkeypatch.setenv("QUIZ_HOME", str(tmp_path / name))
        code, out, err = daily("--name", name)
        assert code == 0, err
        seen.append(asked_prompts(out))
    assert len(seen[0]) == 10
    assert seen[0] == seen[1]
    expected = [a.question.prompt for a in challenge()]
    assert all(p in e for p, e in zip(seen[0], expected, strict=True))


def test_another_day_asks_other_questions() -> None:
    assert [a.question.id for a in challenge()] != [a.question.id for a in challenge("2026-12-02")]


def test_the_share_line_marks_and_streak(quiz_home: Path) -> None:
    code, out, _ = daily("--name", "ann")
    assert code == 0
    assert "quiz daily 2026-12-01 · La La Land: a first look · 7/10 · " in out
    assert "🟩🟩🟥🟩⬜🟩🟩🟥🟩🟩" in out
    assert "1 day in a row" in out
    assert recorded(quiz_home) == [("ann", "daily/2026-12-01/la-la-land-first-look", 7)]


@pytest.mark.parametrize(("flag", "env"), [("--plain", None), (None, "1")])
def test_plain_marks(flag: str | None, env: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if env:
        monkeypatch.setenv("NO_COLOR", env)
    code, out, _ = daily("--name", "ann", *([flag] if flag else []))
    assert code == 0
    assert "++-+.++-++" in out
    assert "🟩" not in out


def test_a_second_try_the_same_day_is_practice(quiz_home: Path) -> None:
    daily("--name", "ann")
    code, out, _ = daily("--name", "ann", pattern="rrrrrrrrrr")
    assert code == 0
    assert "You have played 2026-12-01's challenge: this round is practice." in out
    assert "nothing was recorded" in out
    assert "10/10" in out
    assert [r[2] for r in recorded(quiz_home)] == [7]


def test_practice_records_nothing(quiz_home: Path) -> None:
    code, out, _ = daily("--name", "ann", "--practice")
    assert code == 0
    assert "nothing was recorded" in out
    assert not (quiz_home / "scores.db").exists() or recorded(quiz_home) == []


def test_streak_and_status_over_days(monkeypatch: pytest.MonkeyPatch) -> None:
    for day in ("2026-11-29", "2026-11-30", "2026-12-01"):
        monkeypatch.setenv("QUIZ_TODAY", day)
        code, out, _ = daily("--name", "ann", day=day)
        assert code == 0
    assert "3 days in a row" in out
    result = runner.invoke(app, ["daily", "--status", "--name", "ann"])
    assert result.exit_code == 0
    assert "Today (2026-12-01): 7/10" in result.stdout
    assert "3 days in a row." in result.stdout
    assert "2026-11-18" in result.stdout  # fourteen days back
    assert "2026-11-17" not in result.stdout
    monkeypatch.setenv("QUIZ_TODAY", "2026-12-03")
    later = runner.invoke(app, ["daily", "--status", "--name", "ann"])
    assert "Today (2026-12-03): not played yet" in later.stdout
    assert "No daily streak yet." in later.stdout


def test_a_bad_injected_date_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TODAY", "someday")
    result = runner.invoke(app, ["daily", "--name", "ann"])
    assert result.exit_code == 1
    assert "error: QUIZ_TODAY: 'someday' is not a date of the form YYYY-MM-DD" in result.stderr


def test_stats_show_the_daily_streak_and_the_review_boxes() -> None:
    daily("--name", "ann")
    result = runner.invoke(app, ["stats", "--player", "ann"])
    assert result.exit_code == 0
    assert "Today (2026-12-01)" in result.stdout
    assert "Daily: 1 day in a row; today 7/10" in result.stdout
    assert "Review: box 1: 3 · box 2: 0" in result.stdout
    assert "Due today: 3 (quiz review)" in result.stdout


def test_a_piped_daily_without_a_name_is_practice(quiz_home: Path) -> None:
    code, out, _ = daily()
    assert code == 0
    assert "piped rounds are recorded only with --name" in out
    assert "quiz daily 2026-12-01" in out
    assert not (quiz_home / "scores.db").exists() or recorded(quiz_home) == []

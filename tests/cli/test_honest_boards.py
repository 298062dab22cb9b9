"""Honest boards: piped rounds, names nobody typed, accuracy, and "new high score"."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from modes_answers import right_answer, wrong_answer
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.scoring import score_answer
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord

runner = CliRunner()
PIPED_PRACTICE = "Practice round: piped rounds are recorded only with --name."


def planned(seed: int, count: int) -> list[AskedQuestion]:
    return select_questions([builtin_pack()], count=count, seed=seed)


def piped(args: list[str], lines: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """``printf 'lines' | quiz ARGS`` in a fresh process, standard input a real pipe."""
    env = {**os.environ, "QUIZ_HOME": str(home), "LOGNAME": "loginuser", "USER": "loginuser"}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def scores_json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["scores", "--all", "--json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_a_piped_round_without_a_name_records_nothing_and_says_so(quiz_home: Path) -> None:
    asked = planned(1, 3)
    done = piped(["play", "-n", "3", "--seed", "1"], [right_answer(a) for a in asked], quiz_home)
    assert done.returncode == 0, done.stderr
    assert PIPED_PRACTICE in done.stdout
    assert done.stdout.count("Practice round") == 1
    assert "Your name" not in done.stdout  # a piped round never asks
    assert scores_json() == []
    assert "loginuser" not in done.stdout


def test_a_piped_round_with_a_name_is_marked_piped_and_has_no_speed_points(
    quiz_home: Path,
) -> None:
    asked = planned(2, 3)
    answers = [right_answer(asked[0]), "skip", wrong_answer(asked[2])]
    done = piped(["play", "-n", "3", "--seed", "2", "--name", "Ann"], answers, quiz_home)
    assert done.returncode == 0, done.stderr
    assert PIPED_PRACTICE not in done.stdout
    [row] = scores_json()
    assert row["player"] == "Ann"
    assert (row["input"], row["mode"]) == ("piped", "solo")
    assert (row["answered"], row["skipped"], row["correct"], row["total"]) == (2, 1, 1, 3)
    assert row["accuracy"] == 0.5
    limit = builtin_pack().defaults.time_limit
    first = asked[0].question
    at_limit = score_answer(first.difficulty, True, limit or 0, limit, 0, False)
    assert at_limit.speed == -at_limit.base // 2  # speed is a deduction: the whole of it
    assert row["score"] == at_limit.total
    # quiz stats works after a piped round: --name was remembered.
    stats = runner.invoke(app, ["stats", "--json"])
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    assert (data["player"], data["answered"], data["skipped"], data["accuracy"]) == (
        "Ann",
        2,
        1,
        0.5,
    )


def test_no_new_high_score_for_zero_points(quiz_home: Path) -> None:
    asked = planned(3, 2)
    nothing = piped(
        ["play", "-n", "2", "--seed", "3", "--name", "Bo"],
        [wrong_answer(a) for a in asked],
        quiz_home,
    )
    assert nothing.returncode == 0, nothing.stderr
    assert "0/2 right" in nothing.stdout
    assert "New high score" not in nothing.stdout
    some = piped(
        ["play", "-n", "2", "--seed", "3", "--name", "Bo"],
        [right_answer(a) for a in asked],
        quiz_home,
    )
    assert "New high score" in some.stdout


def record(answers: tuple[AnswerRecord, ...], **changes: object) -> RoundRecord:
    from datetime import UTC, datetime

    fields: dict[str, object] = {
        "player": "Cy",
        "board": "la-la-land-first-look/4/timed-20s",
        "pack_ids": ("la-la-land-first-look",),
        "score": 200,
        "correct": sum(a.correct for a in answers),
        "total": len(answers),
        "best_streak": 1,
        "duration": 30.0,
        "seed": 1,
        "time_limit": 20.0,
        "finished_at": datetime(2025, 1, 1, tzinfo=UTC),
        "answers": answers,
    }
    fields.update(changes)
    return RoundRecord(**fields)  # type: ignore[arg-type]


def answer(
    qid: str, *, correct: bool = False, skipped: bool = False, late: bool = False
) -> AnswerRecord:
    return AnswerRecord(
        "la-la-land-first-look", qid, "" if skipped else "x", correct, skipped, late, 5.0,
        200 if correct else 0, ("people",),
    )  # fmt: skip


def test_accuracy_is_right_over_answered_in_stats_json_and_csv(quiz_home: Path) -> None:
    # Right, right, skipped, timed out: 2 right of 3 answered (the time-out is wrong).
    answers = (
        answer("a", correct=True),
        answer("b", correct=True),
        answer("c", skipped=True),
        answer("d", late=True),
    )
    with ScoreStore.open() as store:
        store.save_round(record(answers))
    [row] = scores_json()
    assert (row["answered"], row["skipped"], row["accuracy"]) == (3, 1, 0.667)
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, ["scores", "--csv"]).stdout)))
    assert [(r["answered"], r["skipped"], r["accuracy"], r["input"]) for r in table] == [
        ("3", "1", "0.667", "terminal")
    ]
    board = runner.invoke(app, ["scores", "--board", "la-la-land-first-look/4/timed-20s"])
    assert "   2/3 │" in board.stdout  # the board's "right" column: right of answered
    stats = runner.invoke(app, ["stats", "--player", "Cy"])
    assert stats.exit_code == 0, stats.output
    assert "67% right (2 of 3 answered, 1 skipped)" in stats.stdout
    data = json.loads(runner.invoke(app, ["stats", "--player", "Cy", "--json"]).stdout)
    assert (data["accuracy"], data["packs"][0]["accuracy"], data["tags"][0]["accuracy"]) == (
        0.667,
        0.667,
        0.667,
    )
    # A skip is never a miss: only the time-out is among the questions missed.
    assert [m["question_id"] for m in data["most_missed"]] == ["d"]


def test_the_end_screen_counts_a_time_out_as_answered_and_a_skip_as_a_skip() -> None:
    from quiz.game.round import Round
    from quiz.term.results import totals_text

    asked = planned(4, 3)
    game = Round(asked, 20, seed=4)
    game.answer(right_answer(asked[0]), 1.0)
    game.skip(1.0)
    game.answer(right_answer(asked[2]), 25.0)  # right, but after the limit
    text = totals_text(game, 27.0).plain
    assert "1/2 right (50% of answered) · 1 skipped" in text

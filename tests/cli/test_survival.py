"""Survival (``quiz play --lives N``), piped: the round ends after N wrong answers."""

from __future__ import annotations

import json

from modes_answers import right_answer, wrong_answer
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack

runner = CliRunner()


def planned(seed: int, count: int | None = None) -> list[AskedQuestion]:
    pack = builtin_pack()
    return select_questions([pack], count=count or len(pack.questions), seed=seed)


def play(*args: str, answers: list[str]) -> tuple[int, str]:
    lines = "".join(a + "\n" for a in answers)
    result = runner.invoke(app, ["play", "--name", "Sam", *args], input=lines)
    return result.exit_code, result.stdout


def only_round() -> dict[str, object]:
    [row] = json.loads(runner.invoke(app, ["scores", "--all", "--json"]).stdout)
    assert isinstance(row, dict)
    return row


def test_one_life_ends_the_round_at_the_first_wrong_answer() -> None:
    asked = planned(7)
    answers = [
        right_answer(asked[0]),
        wrong_answer(asked[1]),
        right_answer(asked[2]),
        right_answer(asked[3]),
    ]
    code, out = play("--seed", "7", "--lives", "1", answers=answers)
    assert code == 0, out
    assert "Survival: 1 life" in out
    assert "lives 1 of 1" in out  # the status line
    assert "Out of lives: the round is over." in out
    assert "Question 3 of" not in out
    row = only_round()
    assert (row["total"], row["correct"], row["answered"], row["mode"]) == (2, 1, 2, "survival")
    pack = builtin_pack()
    assert row["board"] == f"{pack.id}/{len(pack.questions)}/timed-20s/lives-1"


def test_a_skip_costs_no_life() -> None:
    asked = planned(9)
    answers = [
        "skip",
        wrong_answer(asked[1]),
        right_answer(asked[2]),
        wrong_answer(asked[3]),
        right_answer(asked[4]),
    ]
    code, out = play("--seed", "9", "--lives", "2", answers=answers)
    assert code == 0, out
    assert "1 life left." in out
    assert "Out of lives" in out
    row = only_round()
    assert (row["total"], row["answered"], row["skipped"], row["correct"]) == (4, 3, 1, 1)


def test_a_late_answer_costs_a_life() -> None:
    from quiz.game.round import Round

    asked = planned(3, 5)
    game = Round(asked, 20, seed=3, lives=1)
    result = game.answer(right_answer(asked[0]), 21.0)  # right, but after the limit
    assert result.late
    assert result.wrong
    assert game.finished
    assert game.summary().total == 1


def test_count_caps_a_survival_round() -> None:
    asked = planned(4, 2)
    code, out = play(
        "--seed", "4", "--lives", "3", "-n", "2", answers=[right_answer(a) for a in asked]
    )
    assert code == 0, out
    assert "Out of lives" not in out
    row = only_round()
    assert (row["total"], row["correct"]) == (2, 2)
    assert str(row["board"]).endswith("/2/timed-20s/lives-3")


def test_each_number_of_lives_has_its_own_board() -> None:
    asked = planned(4, 1)
    play("--seed", "4", "--lives", "2", "-n", "1", answers=[right_answer(asked[0])])
    play("--seed", "4", "--lives", "3", "-n", "1", answers=[right_answer(asked[0])])
    play("--seed", "4", "-n", "1", answers=[right_answer(asked[0])])
    rows = json.loads(runner.invoke(app, ["scores", "--all", "--json"]).stdout)
    assert sorted(row["board"].rsplit("/", 1)[-1] for row in rows) == [
        "lives-2",
        "lives-3",
        "timed-20s",
    ]


def test_lives_below_one_is_a_usage_error() -> None:
    assert runner.invoke(app, ["play", "--lives", "0"]).exit_code == 2

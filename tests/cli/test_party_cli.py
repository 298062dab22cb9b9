"""``quiz party`` piped: turns, a winner, two rounds on a party board."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from modes_answers import asked_prompts, feed, right_answer, wrong_answer
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.party import plan_party
from quiz.packs.discovery import builtin_pack

runner = CliRunner()
BOARD = "party/la-la-land-first-look/3/timed-20s"


def turns(players: list[str], each: int, seed: int, right: dict[str, bool]) -> list[str]:
    """Answers in turn order: one question a player a turn."""
    plan = plan_party([builtin_pack()], players, each, seed)
    lines = []
    for turn in range(plan.per_player):
        for name, hand in zip(plan.players, plan.questions, strict=True):
            pick = right_answer if right[name] else wrong_answer
            lines.append(pick(hand[turn]))
    return lines


def party(*args: str, lines: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["party", *args], input=feed(lines))
    return result.exit_code, result.stdout, result.stderr


def test_a_piped_party_plays_names_a_winner_and_records_two_rounds(quiz_home: Path) -> None:
    lines = turns(["A", "B"], 3, 5, {"A": False, "B": True})
    code, out, err = party("--player", "A", "--player", "B", "-n", "3", "--seed", "5", lines=lines)
    assert code == 0, err
    assert len(asked_prompts(out)) == 6
    assert out.count("A's turn") == 3
    assert out.count("B's turn") == 3
    assert "Pass to" not in out  # piped: no pass screen, no line spent
    assert out.count("After turn") == 3
    assert "B wins!" in out
    podium = out[out.index("Podium") :]
    assert "#1   B" in podium
    assert "100% (3/3)" in podium
    assert "0% (0/3)" in podium
    with sqlite3.connect(quiz_home / "scores.db") as conn:
        rows = conn.execute(
            "SELECT player, board, correct, mode, input FROM rounds ORDER BY player"
        ).fetchall()
    assert rows == [("A", BOARD, 0, "party", "piped"), ("B", BOARD, 3, "party", "piped")]
    board = runner.invoke(app, ["scores", "--board", BOARD])
    assert board.exit_code == 0
    assert "A" in board.stdout
    assert "B" in board.stdout


def test_nobody_sees_a_question_twice() -> None:
    lines = turns(["A", "B", "C"], 3, 9, {"A": True, "B": True, "C": True})
    code, out, _ = party(
        "--player", "A", "--player", "B", "--player", "C", "-n", "3", "--seed", "9", lines=lines
    )
    assert code == 0
    prompts = asked_prompts(out)
    assert len(prompts) == len(set(prompts)) == 9
    assert "wins!" in out or "A tie" in out


def test_too_few_questions_says_how_many_each_before_starting() -> None:
    players = [f"P{i}" for i in range(8)]
    plan = plan_party([builtin_pack()], players, 50, 1)
    lines = turns(players, 50, 1, dict.fromkeys(players, True))
    args = [arg for name in players for arg in ("--player", name)]
    code, out, _ = party(*args, "-n", "50", "--seed", "1", "--practice", lines=lines)
    assert code == 0
    first = out.splitlines()[0]
    assert first == (
        f"The packs can give each of 8 players at most {plan.per_player} questions "
        f"with the same mix of difficulties: playing {plan.per_player} each."
    )
    assert "Practice party: nothing was recorded." in out


def test_practice_records_nothing(quiz_home: Path) -> None:
    lines = turns(["A", "B"], 1, 2, {"A": True, "B": False})
    code, out, _ = party(
        "--player", "A", "--player", "B", "-n", "1", "--seed", "2", "--practice", lines=lines
    )
    assert code == 0
    assert "A wins!" in out
    assert not (quiz_home / "scores.db").exists()


def test_names_are_asked_when_not_given() -> None:
    lines = ["Mia", "Seb", "", *turns(["Mia", "Seb"], 1, 4, {"Mia": True, "Seb": True})]
    code, out, err = party("-n", "1", "--seed", "4", "--practice", lines=lines)
    assert code == 0, err
    assert "Player 1's name: Mia" in out
    assert "Player 3's name (Enter to start): " in out
    assert "Mia's turn" in out


def test_bad_player_lists_are_errors() -> None:
    code, _, err = party("--player", "A", lines=[])
    assert code == 1
    assert "error: a party needs 2 to 8 players, not 1" in err
    code, _, err = party("--player", "A", "--player", "a", lines=[])
    assert code == 1
    assert "two players are called 'a'" in err


def test_five_questions_each_by_default() -> None:
    lines = turns(["A", "B"], 5, 8, {"A": True, "B": False})
    code, out, _ = party("--player", "A", "--player", "B", "--seed", "8", "--practice", lines=lines)
    assert code == 0
    assert out.count("A's turn") == 5
    assert "A wins!" in out


def test_input_ending_while_names_are_asked_records_nothing(quiz_home: Path) -> None:
    code, out, err = party(lines=["Mia"])
    assert code == 1
    assert "Player 2's name: " in out
    assert "input ended; nothing was recorded" in err
    assert not (quiz_home / "scores.db").exists()


def test_plain_party_draws_no_lines() -> None:
    lines = turns(["A", "B"], 1, 2, {"A": True, "B": False})
    code, out, _ = party(
        "--player",
        "A",
        "--player",
        "B",
        "-n",
        "1",
        "--seed",
        "2",
        "--plain",
        "--practice",
        lines=lines,
    )
    assert code == 0
    assert "Party · La La Land" in out
    assert not set("─╭│━") & set(out)
    assert "A wins!" in out

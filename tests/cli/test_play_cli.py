"""``quiz play`` driven as a script would: answers piped in, one a line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from modes_answers import LETTERS, right_answer, wrong_answer
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.scoring import score_answer
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType

runner = CliRunner()


def planned(seed: int, count: int, **filters: object) -> list[AskedQuestion]:
    """The questions a round with this seed will ask, in order."""
    return select_questions([builtin_pack()], count=count, seed=seed, **filters)  # type: ignore[arg-type]


def rounds(home: Path) -> list[tuple[str, int, int, int]]:
    with sqlite3.connect(home / "scores.db") as conn:
        return conn.execute("SELECT player, score, correct, total FROM rounds").fetchall()


def play(*args: str, answers: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["play", *args], input="".join(a + "\n" for a in answers))
    return result.exit_code, result.stdout, result.stderr


def test_right_answers_score_as_at_the_time_limit_and_are_recorded(quiz_home: Path) -> None:
    asked = planned(1, 5)
    code, out, err = play(
        "--seed", "1", "-n", "5", "--name", "ann", answers=[right_answer(a) for a in asked]
    )
    assert code == 0, err
    assert "5/5 right" in out
    assert "\x1b" not in out  # piped: plain text
    [(player, score, correct, total)] = rounds(quiz_home)
    assert (player, correct, total) == ("ann", 5, 5)
    limit = builtin_pack().defaults.time_limit
    assert limit  # the built-in pack is timed, so speed would count
    # Piped answers get no speed advantage: each scores as if given at the limit.
    expected = sum(
        score_answer(a.question.difficulty, True, limit, limit, streak, False).total
        for streak, a in enumerate(asked)
    )
    assert score == expected
    assert f"Score {score}" in out


def test_wrong_answers_score_nothing(quiz_home: Path) -> None:
    asked = planned(1, 5)
    code, out, _ = play(
        "--seed",
        "1",
        "-n",
        "5",
        "--name",
        "bo",
        "--time-limit",
        "0",
        answers=[wrong_answer(a) for a in asked],
    )
    assert code == 0
    assert "0/5 right" in out
    assert rounds(quiz_home) == [("bo", 0, 0, 5)]


def test_same_seed_same_round() -> None:
    asked = planned(7, 6)
    answers = [right_answer(a) for a in asked]
    first = play("--seed", "7", "-n", "6", "--practice", answers=answers)[1]
    second = play("--seed", "7", "-n", "6", "--practice", answers=answers)[1]
    strip_times = re.compile(r"\d+\.\d s|\[\d+ s left\]|\b\d+ s\b")
    assert strip_times.sub("", first) == strip_times.sub("", second)
    for a in asked:
        assert a.question.prompt[:30] in first


def test_close_misspelling_is_accepted_and_official_spelling_shown(quiz_home: Path) -> None:
    asked = planned(3, 1, types=[QuestionType.TEXT])
    q = asked[0].question
    answer = q.answer_text
    assert len(answer) > 6, "pick a seed whose text answer is long enough to misspell"
    misspelt = answer[:-2] + answer[-1] if answer[-2] != answer[-1] else answer[:-1]
    code, out, _ = play(
        "--seed", "3", "-n", "1", "--type", "text", "--name", "cy", answers=[misspelt]
    )
    assert code == 0
    assert "1/1 right" in out
    assert "close enough" in out
    assert f"The answer: {answer}" in out


def test_practice_records_nothing(quiz_home: Path) -> None:
    asked = planned(2, 3)
    code, out, _ = play(
        "--seed", "2", "-n", "3", "--practice", answers=[right_answer(a) for a in asked]
    )
    assert code == 0
    assert "nothing was recorded" in out
    assert not (quiz_home / "scores.db").exists()


def test_input_running_out_abandons_the_round(quiz_home: Path) -> None:
    asked = planned(1, 5)
    code, _, err = play(
        "--seed", "1", "-n", "5", "--name", "ann", answers=[right_answer(a) for a in asked[:2]]
    )
    assert code == 1
    assert "Input ended at question 3 of 5" in err
    assert "nothing was recorded" in err
    assert "Traceback" not in err
    assert not (quiz_home / "scores.db").exists()


def test_unreadable_answer_is_asked_again() -> None:
    asked = planned(4, 1, types=[QuestionType.CHOICE])
    code, out, _ = play(
        "--seed",
        "4",
        "-n",
        "1",
        "--type",
        "choice",
        "--practice",
        answers=["Z", right_answer(asked[0])],
    )
    assert code == 0
    assert "Type A-D, or the option's text." in out
    assert "1/1 right" in out


def test_skip_and_fifty_fifty_lifelines() -> None:
    asked = planned(5, 2, types=[QuestionType.CHOICE])
    # After 50:50 the letters change, so the last answer is given by its text.
    answers = ["skip", "50", "skip", asked[1].question.answer_text]
    code, out, _ = play(
        "--seed",
        "5",
        "-n",
        "2",
        "--type",
        "choice",
        "--practice",
        "--time-limit",
        "0",
        answers=answers,
    )
    assert code == 0, out
    assert "Skipped." in out
    assert "two wrong options are gone" in out
    assert "already used your skip" in out
    assert "1/1 right (100% of answered) · 1 skipped" in out  # a skip is no miss
    assert "halved by 50:50" in out


def test_no_matching_questions_is_a_clear_error() -> None:
    code, _, err = play("--tag", "no-such-tag", "--practice", answers=[])
    assert code == 1
    assert err.startswith("error: ")
    assert "no-such-tag" in err


def test_unknown_pack_is_a_clear_error() -> None:
    code, _, err = play("--pack", "nope", "--practice", answers=[])
    assert code == 1
    assert "no pack with the id 'nope'" in err


def test_name_is_remembered_but_a_piped_round_needs_it_typed(quiz_home: Path) -> None:
    from quiz.store.player import remembered_name

    asked = planned(1, 1)
    play("--seed", "1", "-n", "1", "--name", "dee", answers=[right_answer(asked[0])])
    assert remembered_name() == "dee"
    code, out, _ = play("--seed", "1", "-n", "1", answers=[right_answer(asked[0])])
    assert code == 0
    assert "Practice round: piped rounds are recorded only with --name." in out
    assert [r[0] for r in rounds(quiz_home)] == ["dee"]


@pytest.mark.parametrize("bad", ["--count=0", "--difficulty=insane", "--type=essay"])
def test_bad_options_are_usage_errors(bad: str) -> None:
    result = runner.invoke(app, ["play", bad])
    assert result.exit_code == 2


def test_no_arguments_plays_the_built_in_pack() -> None:
    result = runner.invoke(app, [], input="")
    assert "La La Land" in result.stdout
    assert result.exit_code == 1  # input ended before the first answer


def test_letters_stay_put_after_fifty_fifty() -> None:
    from quiz.game.round import Round

    asked = planned(8, 1, types=[QuestionType.CHOICE])
    game = Round(asked, None, seed=8)
    left = game.use_fifty_fifty()
    options = asked[0].options
    removed = next(LETTERS[i] for i, o in enumerate(options) if o not in left)
    answer = LETTERS[options.index(asked[0].question.answer_text)]
    code, out, _ = play(
        "--seed", "8", "-n", "1", "--type", "choice", "--practice", answers=["50", removed, answer]
    )
    assert code == 0, out
    assert f"{removed} was removed by 50:50" in out
    assert "1/1 right" in out
    assert f"  {answer}  {asked[0].question.answer_text}" in out

"""quiz's own option coercion: same results as Typer's, without importing pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli import base
from quiz.cli.app import app
from quiz.cli.base import _simple
from quiz.packs.model import Difficulty, QuestionType

runner = CliRunner()


@pytest.fixture(params=[True, False], ids=["quiz-coercion", "typer-coercion"])
def coercion(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run a test with quiz's own coercion and with Typer's: both must agree."""
    fast = bool(request.param)
    if fast and not base.FAST_COERCION:
        pytest.skip("this Typer has moved the internals quiz's own coercion uses")
    monkeypatch.setattr(base, "FAST_COERCION", fast)
    return fast


@pytest.mark.parametrize(
    ("args", "option", "message"),
    [
        (["play", "--count", "0"], "'--count'", "0 is not in the range x>=1."),
        (["play", "--count", "abc"], "'--count'", "'abc' is not a valid integer."),
        (["play", "--difficulty", "insane"], "'--difficulty'", "'insane' is not one of 'easy'"),
        (["play", "--time-limit", "-1"], "'--time-limit'", "-1 is not in the range x>=0."),
        (["play", "--time-limit", "soon"], "'--time-limit'", "'soon' is not a valid number."),
        (["scores", "--limit", "0"], "'--limit'", "0 is not in the range x>=1."),
        (["packs", "import", "-f", "xml", "a", "-o", "b"], "'--format'", "'xml' is not one of"),
    ],
)  # fmt: skip
def test_bad_values_are_usage_errors_either_way(
    args: list[str], option: str, message: str, coercion: bool
) -> None:
    """Both paths refuse the same values as bad usage naming the option.

    The wording differs: quiz's own coercion keeps Click's classic sentences,
    Typer's own uses pydantic's ("Input should be ...").
    """
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"Invalid value for {option}" in result.output
    if coercion:
        assert message in result.output


def test_good_values_arrive_with_their_types(
    monkeypatch: pytest.MonkeyPatch, coercion: bool
) -> None:
    seen: dict[str, object] = {}

    def record(packs: object, **kwargs: object) -> None:
        seen.update(kwargs)
        raise SystemExit(0)

    monkeypatch.setattr("quiz.game.select.select_questions", record)
    result = runner.invoke(
        app,
        ["play", "-n", "3", "-d", "easy", "-d", "hard", "-t", "people", "--type", "text",
         "--seed", "9", "--time-limit", "1.5", "--practice"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert seen["count"] == 3
    # The model's own enums reach the game, whichever path coerced the options.
    assert seen["difficulties"] == [Difficulty.EASY, Difficulty.HARD]
    assert [type(d) for d in seen["difficulties"]] == [Difficulty, Difficulty]  # type: ignore[attr-defined]
    assert seen["tags"] == ["people"]
    assert seen["types"] == [QuestionType.TEXT]
    assert [type(t) for t in seen["types"]] == [QuestionType]  # type: ignore[attr-defined]
    assert seen["seed"] == 9
    assert type(seen["seed"]) is int


def test_only_plain_annotations_are_taken_over() -> None:
    from enum import Enum

    class Colour(Enum):
        RED = "red"

    assert _simple(int) is int
    assert _simple(str | None) is str
    assert _simple(list[Path] | None) is Path
    assert _simple(Colour) is Colour
    assert _simple(bytes) is None
    assert _simple(dict[str, int]) is None


@pytest.mark.parametrize(
    "args",
    [["scores"], ["packs", "list"], ["stats", "--player", "x", "--json"], ["play", "-n", "1"]],
)
def test_commands_start_without_pydantic(args: list[str], quiz_home: Path) -> None:
    code = (
        "import json, sys\n"
        f"sys.argv = ['quiz', *{args!r}]\n"
        "from quiz.__main__ import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps([m for m in sys.modules if m.startswith('pydantic')]), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input="", capture_output=True, text=True,
        env={**os.environ, "QUIZ_HOME": str(quiz_home)}, timeout=60, check=False,
    )  # fmt: skip
    loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert loaded == [], result.stderr

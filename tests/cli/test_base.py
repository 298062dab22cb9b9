"""quiz's own option coercion: same results as Typer's, without importing pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.cli.base import _simple

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play", "--count", "0"], "0 is not in the range x>=1."),
        (["play", "--count", "abc"], "'abc' is not a valid integer."),
        (["play", "--difficulty", "insane"], "'insane' is not one of 'easy', 'medium', 'hard'."),
        (["play", "--time-limit", "-1"], "-1 is not in the range x>=0."),
        (["play", "--time-limit", "soon"], "'soon' is not a valid number."),
        (["scores", "--limit", "0"], "0 is not in the range x>=1."),
        (["packs", "import", "xml", "a", "-o", "b"], "'xml' is not one of"),
    ],
)
def test_bad_values_are_usage_errors_with_typers_wording(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Invalid value for" in result.output
    assert message in result.output


def test_good_values_arrive_with_their_types(monkeypatch: pytest.MonkeyPatch) -> None:
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
    assert [str(d) for d in seen["difficulties"]] == ["easy", "hard"]  # type: ignore[attr-defined]
    assert seen["tags"] == ["people"]
    assert [str(t) for t in seen["types"]] == ["text"]  # type: ignore[attr-defined]
    assert seen["seed"] == 9


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

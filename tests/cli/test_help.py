"""Every command has help, with an example, and --version answers."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from quiz import __version__
from quiz.cli.app import app

runner = CliRunner()


def all_commands() -> list[list[str]]:
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(get_command(app), [])
    return found


COMMANDS = all_commands()


def test_every_documented_command_exists() -> None:
    names = {" ".join(c) for c in COMMANDS}
    for expected in (
        "play", "scores", "scores reset", "scores export", "scores import", "stats",
        "packs list", "packs show", "packs validate", "packs new", "packs add",
        "packs remove", "packs import", "packs verify", "packs schema", "packs export",
    ):  # fmt: skip
        assert expected in names


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "quiz")
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: quiz" in result.stdout
    assert "xample" in result.stdout, f"'quiz {' '.join(command)} --help' shows no example"


def test_version_fast_path_and_through_typer() -> None:
    fast = subprocess.run(
        [sys.executable, "-m", "quiz", "--version"], capture_output=True, text=True, check=True
    )
    assert fast.stdout == f"quiz {__version__}\n"
    slow = runner.invoke(app, ["--version"])
    assert slow.exit_code == 0
    assert slow.stdout == f"quiz {__version__}\n"

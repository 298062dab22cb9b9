"""Every command has help, with an example, and --version answers."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from quiz import __version__
from quiz.cli.app import COMMANDS as ROOT_COMMANDS
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


def test_root_help_lists_every_command_with_its_short_help_in_table_order() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    section = result.stdout.split("Commands:\n", 1)[1]
    listed = re.findall(r"^  (\S+)\s+(.+)$", section, re.MULTILINE)
    assert listed == [(name, lazy.short_help) for name, lazy in ROOT_COMMANDS.items()]


@pytest.mark.parametrize("name", list(ROOT_COMMANDS))
def test_each_command_is_built_under_its_name_with_the_tables_short_help(name: str) -> None:
    command = get_command(app).get_command(None, name)  # type: ignore[attr-defined]
    assert command.name == name
    assert command.get_short_help_str() == ROOT_COMMANDS[name].short_help


def test_a_mistyped_command_is_a_usage_error_naming_the_closest() -> None:
    result = runner.invoke(app, ["scroes"])
    assert result.exit_code == 2
    assert "No such command 'scroes'. Did you mean 'scores'?" in result.output


def test_version_fast_path_and_through_typer() -> None:
    fast = subprocess.run(
        [sys.executable, "-m", "quiz", "--version"], capture_output=True, text=True, check=True
    )
    assert fast.stdout == f"quiz {__version__}\n"
    slow = runner.invoke(app, ["--version"])
    assert slow.exit_code == 0
    assert slow.stdout == f"quiz {__version__}\n"

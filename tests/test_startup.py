"""Start-up stays light: what ``quiz --version`` and ``quiz --help`` import.

These tests look at which modules get imported, never at how long anything
takes (speed is measured by ``benchmarks/run.py``, against baselines, where
noise can be handled). A heavy import creeping into a module that every
command loads shows up here as a plain failure naming the module.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Collection

import pytest

import quiz

# Heavy packages, by their top-level name (C accelerators included).
NOT_FOR_VERSION = {
    "rich",
    "yaml",
    "_yaml",
    "sqlite3",
    "_sqlite3",
    "typer",
    "pydantic",
    "prompt_toolkit",
}
NOT_FOR_HELP = {"rich", "yaml", "_yaml", "sqlite3", "_sqlite3", "prompt_toolkit"}
# Modules of quiz that bring the heavy ones (or a lot of code) with them.
QUIZ_NOT_FOR_HELP = {"quiz.packs.validate", "quiz.packs.yamlread", "quiz.store", "quiz.term"}

MODULES_AFTER = """
import json, sys
sys.argv = ["quiz", *json.loads(sys.argv[1])]
from quiz.__main__ import main
try:
    main()
except SystemExit as exc:
    if exc.code not in (0, None):
        raise
print("\\n" + json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str) -> tuple[str, set[str]]:
    """Run ``quiz ARGS`` in a fresh interpreter; its output and the modules it imported."""
    result = subprocess.run(
        [sys.executable, "-c", MODULES_AFTER, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    output, _, modules = result.stdout.rstrip("\n").rpartition("\n")
    return output, set(json.loads(modules))


def heavy(
    modules: Collection[str], packages: Collection[str], quiz_modules: Collection[str] = ()
) -> set[str]:
    """The modules that are, or are inside, one of ``packages`` or ``quiz_modules``."""
    return {
        name
        for name in modules
        if name.split(".")[0] in packages
        or any(name == q or name.startswith(q + ".") for q in quiz_modules)
    }


def imported_by_importtime(stderr: str) -> set[str]:
    """Module names from ``python -X importtime`` output (``import time: self | cum | name``)."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":  # the header line
                names.add(name)
    return names


def test_version_as_python_dash_m_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quiz", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout == f"quiz {quiz.__version__}\n"
    imported = imported_by_importtime(result.stderr)
    assert "quiz" in imported  # the importtime output was read
    # signal would bring enum, a third of the fast path's own time (-X importtime
    # sees only quiz's imports, unlike modules_after, whose harness imports json).
    assert heavy(imported, {*NOT_FOR_VERSION, "signal", "enum"}) == set()


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_fast_path_imports_nothing_heavy(flag: str) -> None:
    output, modules = modules_after(flag)
    assert output.strip() == f"quiz {quiz.__version__}"
    assert heavy(modules, NOT_FOR_VERSION) == set()


@pytest.mark.parametrize(
    "args",
    [("--help",), ("packs", "--help"), ("scores", "--help"), ("play", "--help")],
    ids=" ".join,
)
def test_help_imports_no_yaml_sqlite_rich_or_pack_model(args: tuple[str, ...]) -> None:
    output, modules = modules_after(*args)
    assert "Usage" in output
    assert heavy(modules, NOT_FOR_HELP, QUIZ_NOT_FOR_HELP) == set()


def test_a_piped_round_imports_no_prompt_toolkit() -> None:
    """The interactive prompt is only for rounds where both sides are terminals."""
    result = subprocess.run(
        [sys.executable, "-c", MODULES_AFTER, json.dumps(["play", "-n", "1", "--practice"])],
        input="A\n1\nt\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    modules = set(json.loads(result.stdout.rstrip("\n").rpartition("\n")[2]))
    assert "quiz.term.session" in modules  # the round was played
    assert heavy(modules, {"prompt_toolkit"}, {"quiz.term.prompt"}) == set()


# The modules of quiz's command layer that every command needs; the others each
# hold commands, and only the one that runs is imported.
CLI_CORE = {"quiz.cli", "quiz.cli.app", "quiz.cli.base", "quiz.cli.lazy"}


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (("--help",), set()),
        (("packs", "--help"), {"quiz.cli.packs", "quiz.cli.authoring"}),
        (("packs", "list", "--help"), {"quiz.cli.packs", "quiz.cli.authoring"}),
        (("scores", "--help"), {"quiz.cli.scores"}),
        (("stats", "--help"), {"quiz.cli.scores"}),
        (("play", "--help"), {"quiz.cli.play"}),
        (("daily", "--help"), {"quiz.cli.modes"}),
        (("party", "--help"), {"quiz.cli.party", "quiz.cli.modes"}),  # it shares daily's helpers
    ],
    ids=" ".join,
)
def test_only_the_command_that_runs_is_imported(args: tuple[str, ...], built: set[str]) -> None:
    output, modules = modules_after(*args)
    assert "Usage" in output
    commands = {m for m in modules if m.startswith("quiz.cli.")} - CLI_CORE
    assert commands == built


def test_scores_imports_no_pack_model_and_writes_nothing() -> None:
    """``quiz scores`` reads: the pack model, YAML and the file writer stay out."""
    output, modules = modules_after("scores")
    assert "No rounds" in output
    kept_out = heavy(modules, {"yaml", "_yaml", "tempfile"}, {"quiz.packs.model", "quiz.atomic"})
    assert kept_out == set()


def test_packs_list_imports_none_of_the_rounds_modules() -> None:
    """``quiz packs list`` lists packs: the rules of the game and the session stay out."""
    output, modules = modules_after("packs", "list")
    assert "la-la-land-first-look" in output
    kept_out = heavy(modules, {"prompt_toolkit"}, {"quiz.game", "quiz.term.screens", "quiz.store"})
    assert kept_out == set()


def test_heavy_finds_packages_their_submodules_and_quiz_modules() -> None:
    modules = {"yaml", "_yaml", "yamlish", "json", "quiz.packs.validate", "quiz.store.db", "quiz"}
    assert heavy(modules, NOT_FOR_HELP, QUIZ_NOT_FOR_HELP) == {
        "yaml",
        "_yaml",
        "quiz.packs.validate",
        "quiz.store.db",
    }

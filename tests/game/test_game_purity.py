"""game/ is pure logic: it imports no terminal, CLI, store or heavy library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import quiz

GAME = Path(quiz.__file__).parent / "game"
FORBIDDEN = ("rich", "yaml", "sqlite3", "typer", "quiz.cli", "quiz.term", "quiz.store")


def test_game_modules_import_nothing_heavy() -> None:
    modules = sorted(f"quiz.game.{p.stem}" for p in GAME.glob("*.py") if p.stem != "__init__")
    assert "quiz.game.round" in modules
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}"
        + f" or any(m == f or m.startswith(f + '.') for f in {FORBIDDEN!r}))\n"
        + "print(','.join(bad))\n"
    )
    src = str(GAME.parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert done.stdout.strip() == ""


def test_game_files_stay_small() -> None:
    for path in GAME.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name

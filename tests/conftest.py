"""Shared fixtures: every test gets its own data folder and a fixed terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILTIN_PACK = REPO / "questions.yaml"
ARTICLE = REPO.parent / "shared" / "source" / "la-la-land-first-look.txt"


@pytest.fixture(autouse=True)
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder for each test, so no test sees the user's scores."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("QUIZ_DEBUG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return home

"""Shared fixtures: every test gets its own data folder and a fixed terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Mutation testing (pyproject.toml, [tool.mutmut]) runs the game's tests once
# per mutant: fewer examples, the same ones every run, and no example
# database for mutants to fill.
settings.register_profile("mutation", max_examples=20, derandomize=True, database=None)

REPO = Path(__file__).resolve().parent.parent
BUILTIN_PACK = REPO / "questions.yaml"
# The built-in pack's article is someone else's text: it is never in the repository,
# only beside a checkout that has it (CI puts it there).
LA_LA_LAND_ARTICLE = REPO.parent / "shared" / "source" / "la-la-land-first-look.txt"
# A short article written for the tests, about a film that does not exist.
SAMPLE_ARTICLE = REPO / "tests" / "articles" / "harbor-lights.txt"


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


@pytest.fixture
def la_la_land_article() -> Path:
    """The built-in pack's article, or a skip that says where it was looked for."""
    if not LA_LA_LAND_ARTICLE.is_file():
        pytest.skip(
            "the La La Land article is not beside this checkout "
            f"(../shared/source/{LA_LA_LAND_ARTICLE.name})"
        )
    return LA_LA_LAND_ARTICLE


@pytest.fixture
def sample_article() -> Path:
    """A short article written for the tests (tests/articles/harbor-lights.txt)."""
    return SAMPLE_ARTICLE

"""Where the data folder is, and that finding it creates nothing."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from quiz import paths


def test_quiz_home_is_the_data_folder(quiz_home: Path) -> None:
    assert paths.data_dir() == quiz_home
    assert paths.data_dir() / paths.SCORES_FILE == quiz_home / "scores.db"
    assert paths.packs_dir() == quiz_home / "packs"
    assert paths.cache_dir() == quiz_home / "cache"
    assert paths.player_path() == quiz_home / "player"


def test_asking_for_paths_creates_nothing(quiz_home: Path) -> None:
    for where in (paths.data_dir, paths.player_path, paths.packs_dir, paths.cache_dir):
        where()
    assert not quiz_home.exists()


def test_tilde_in_quiz_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUIZ_HOME", "~/somewhere/quiz")
    assert paths.data_dir() == tmp_path / "somewhere" / "quiz"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_without_quiz_home_the_platform_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("QUIZ_HOME")
    else:
        monkeypatch.setenv("QUIZ_HOME", value)
    expected = Path(platformdirs.user_data_dir("quiz", appauthor=False))
    assert paths.data_dir() == expected
    assert paths.data_dir() / paths.SCORES_FILE == expected / "scores.db"


def test_blocking_file_names_the_file_in_the_way(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_text("not a folder")
    assert paths.blocking_file(plain / "a" / "b") == plain
    assert paths.blocking_file(plain) == plain
    assert paths.blocking_file(tmp_path / "missing" / "deeper") is None
    assert paths.blocking_file(tmp_path) is None

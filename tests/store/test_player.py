"""The remembered player name and how names are normalised."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import QuizError, StoreError
from quiz.store.player import (
    MAX_NAME_LENGTH,
    normalize_player_name,
    remember_name,
    remembered_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mia", "Mia"),
        ("  Mia  ", "Mia"),
        ("Mia \t  Dolan\n", "Mia Dolan"),
        ("Sebastian\u00a0Wilder", "Sebastian Wilder"),  # no-break space is whitespace too
        ("[bold red]Seb[/]", "[bold red]Seb[/]"),  # stored as given; sanitised on display
        ("é" * 50, "é" * MAX_NAME_LENGTH),
        ("a" * 39 + " b", "a" * 39),  # cut at the limit, then trimmed again
    ],
)
def test_normalize_player_name(raw: str, expected: str) -> None:
    assert normalize_player_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\u200b\u200b", "\x1b\x07"])
def test_a_name_with_nothing_visible_is_refused_with_a_hint(raw: str) -> None:
    with pytest.raises(QuizError) as caught:
        normalize_player_name(raw)
    assert "visible character" in caught.value.message
    assert caught.value.hint is not None


def test_control_characters_are_kept_next_to_visible_ones() -> None:
    assert normalize_player_name("Mia\x1b[31m") == "Mia\x1b[31m"


def test_lone_surrogates_become_storable() -> None:
    name = normalize_player_name("Mia\udcff")
    name.encode("utf-8")  # does not raise
    assert name.startswith("Mia")


@given(st.text())
def test_normalized_names_are_short_trimmed_and_stable(raw: str) -> None:
    try:
        name = normalize_player_name(raw)
    except QuizError:
        return
    assert 0 < len(name) <= MAX_NAME_LENGTH
    assert name == name.strip()
    assert "  " not in name
    assert normalize_player_name(name) == name
    name.encode("utf-8")


def test_no_name_is_remembered_at_first(quiz_home: Path) -> None:
    assert remembered_name() is None
    assert not quiz_home.exists()


def test_a_remembered_name_reads_back(quiz_home: Path) -> None:
    remember_name("  Mia  Dolan ")
    assert remembered_name() == "Mia Dolan"
    remember_name("Sebastian")
    assert remembered_name() == "Sebastian"
    assert sorted(p.name for p in quiz_home.iterdir()) == ["player"]  # no temporary left


def test_remembering_fails_with_a_reason_when_the_folder_cannot_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where permissions stop nothing: a regular file in the
    # path makes the folder impossible instead.
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "quiz"))
    with pytest.raises(StoreError, match="your name was not remembered: cannot write"):
        remember_name("Mia")
    assert remembered_name() is None


def test_an_unusable_player_file_means_no_name(quiz_home: Path) -> None:
    quiz_home.mkdir()
    (quiz_home / "player").write_bytes(b"   \n")
    assert remembered_name() is None
    (quiz_home / "player").write_bytes(b"Mia\xff\n")
    assert remembered_name() == "Mia\ufffd"
    (quiz_home / "player").unlink()
    (quiz_home / "player").mkdir()
    assert remembered_name() is None


def test_a_fifo_as_the_player_file_means_no_name_without_hanging(quiz_home: Path) -> None:
    import os

    quiz_home.mkdir()
    os.mkfifo(quiz_home / "player")  # opening it for reading would wait for a writer forever
    assert remembered_name() is None


def test_play_says_when_the_name_cannot_be_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from quiz.cli.app import app

    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "quiz"))
    result = CliRunner().invoke(app, ["play", "-n", "1", "--name", "Mia"], input="a\n")
    assert "warning: your name was not remembered" in result.stderr

"""Finding the built-in pack: inside the installed package first, then the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs import builtin
from quiz.packs.builtin import BUILTIN_ID, builtin_pack_path, candidate_paths
from quiz.packs.discovery import builtin_pack

REPO = Path(__file__).resolve().parents[2]


def test_candidates_are_the_package_then_the_checkout() -> None:
    package_dir = REPO / "src" / "quiz"
    assert candidate_paths() == (package_dir / "questions.yaml", REPO / "questions.yaml")


def test_in_the_checkout_the_repository_file_is_found() -> None:
    # An editable install imports quiz from src/quiz, where the file is not.
    assert not (REPO / "src" / "quiz" / "questions.yaml").exists()
    assert builtin_pack_path() == REPO / "questions.yaml"


def test_the_packaged_file_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package_dir = tmp_path / "site-packages" / "quiz"
    package_dir.mkdir(parents=True)
    packaged = package_dir / "questions.yaml"
    packaged.write_bytes(
        (REPO / "questions.yaml")
        .read_bytes()
        .replace(b'title: "La La Land: a first look"', b'title: "Packaged copy"')
    )
    # The checkout candidate exists too, next to site-packages.
    (tmp_path / "questions.yaml").write_text("not even a pack", encoding="utf-8")
    monkeypatch.setattr(builtin, "_PACKAGE_DIR", package_dir)
    assert candidate_paths()[0] == packaged
    assert builtin_pack_path() == packaged
    pack = builtin_pack()
    assert pack.title == "Packaged copy"
    assert pack.origin == "built-in"


def test_a_folder_named_questions_yaml_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package_dir = tmp_path / "src" / "quiz"
    (package_dir / "questions.yaml").mkdir(parents=True)
    checkout = tmp_path / "questions.yaml"
    checkout.write_text("x: 1\n", encoding="utf-8")
    monkeypatch.setattr(builtin, "_PACKAGE_DIR", package_dir)
    assert builtin_pack_path() == checkout


def test_neither_present_is_a_quiz_error_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(builtin, "_PACKAGE_DIR", tmp_path / "a" / "b" / "quiz")
    with pytest.raises(QuizError) as info:
        builtin_pack_path()
    assert info.value.message == (
        "the built-in pack questions.yaml is missing from this installation"
    )
    assert info.value.hint is not None
    assert "reinstall" in info.value.hint


def test_the_builtin_pack_has_the_builtin_id() -> None:
    pack = builtin_pack()
    assert pack.id == BUILTIN_ID
    assert pack.origin == "built-in"

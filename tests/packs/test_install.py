"""Installing and removing user packs: validated first, all or nothing, never the built-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.atomic import write_new_file
from quiz.errors import PackError, QuizError
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.discovery import installed_files, packs_dir
from quiz.packs.install import install, pack_files_in, remove


def pack_text(pack_id: str, title: str = "T", answer: str = "A") -> str:
    return (
        f"format: 1\npack:\n  id: {pack_id}\n  title: {title}\nquestions:\n"
        f"  - {{id: q, type: text, prompt: P, answer: {answer}}}\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def installed_names() -> list[str]:
    folder = packs_dir()
    names = folder.iterdir() if folder.exists() else []
    return sorted(p.name for p in names if p.name != ".lock")


def test_install_a_valid_file(tmp_path: Path, quiz_home: Path) -> None:
    source = write(tmp_path, "whatever-name.yml", pack_text("my-pack"))
    (done,) = install([source])
    assert done.path == quiz_home / "packs" / "my-pack.yaml"
    assert done.pack.id == "my-pack"
    assert not done.replaced
    assert done.path.read_bytes() == source.read_bytes()
    assert installed_names() == ["my-pack.yaml"]


def test_an_invalid_file_is_refused_with_its_problems_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    source = write(tmp_path, "bad.yaml", pack_text("bad", answer="[A]"))
    with pytest.raises(PackError) as info:
        install([source])
    assert [str(p) for p in info.value.problems] == [
        f"{source}:6:44: questions[0].answer: must be text, not a list"
    ]
    assert installed_names() == []


def test_an_id_clash_needs_replace(tmp_path: Path) -> None:
    install([write(tmp_path, "a.yaml", pack_text("mine", title="First"))])
    newer = write(tmp_path, "b.yaml", pack_text("mine", title="Second"))
    with pytest.raises(QuizError) as info:
        install([newer])
    assert info.value.message == (
        f"{newer}: a pack with the id 'mine' is already installed ({packs_dir() / 'mine.yaml'})"
    )
    assert info.value.hint is not None
    assert "--replace" in info.value.hint
    assert "title: First" in (packs_dir() / "mine.yaml").read_text(encoding="utf-8")

    (done,) = install([newer], replace=True)
    assert done.replaced
    assert "title: Second" in (packs_dir() / "mine.yaml").read_text(encoding="utf-8")
    assert installed_names() == ["mine.yaml"]


def test_replace_removes_a_hand_copied_file_with_the_same_id(tmp_path: Path) -> None:
    write(packs_dir(), "copied-by-hand.yaml", pack_text("mine", title="Old"))
    (done,) = install([write(tmp_path, "n.yaml", pack_text("mine", title="New"))], replace=True)
    assert done.replaced
    assert installed_names() == ["mine.yaml"]


def test_the_builtin_id_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path, "copy.yaml", pack_text(BUILTIN_ID))
    for replace in (False, True):
        with pytest.raises(QuizError) as info:
            install([source], replace=replace)
        assert info.value.message == f"{source}: the id '{BUILTIN_ID}' belongs to the built-in pack"
    assert installed_names() == []


def test_a_folder_of_packs(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "one.yaml", pack_text("one"))
    write(folder, "two.yml", pack_text("two"))
    write(folder, "notes.txt", "not a pack")
    files = pack_files_in(folder)
    assert [p.name for p in files] == ["one.yaml", "two.yml"]
    assert [d.pack.id for d in install(files)] == ["one", "two"]
    assert installed_names() == ["one.yaml", "two.yaml"]


def test_one_invalid_file_in_a_folder_installs_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "a.yaml", pack_text("a"))
    bad = write(folder, "b.yaml", pack_text("b", answer="[A]"))
    write(folder, "c.yaml", pack_text("c"))
    worse = write(folder, "d.yaml", "format: 2\n")
    with pytest.raises(PackError) as info:
        install(pack_files_in(folder))
    paths = {p.path for p in info.value.problems}
    assert paths == {str(bad), str(worse)}
    assert installed_names() == []


def test_two_files_with_one_id_in_one_batch(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", pack_text("same"))
    b = write(tmp_path, "b.yaml", pack_text("same"))
    with pytest.raises(QuizError) as info:
        install([a, b])
    assert info.value.message == f"two packs have the id 'same': {a} and {b}"
    assert installed_names() == []


def test_a_folder_with_no_packs(tmp_path: Path) -> None:
    with pytest.raises(QuizError) as info:
        pack_files_in(tmp_path)
    assert info.value.message == f"{tmp_path}: no .yaml pack files in this folder"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuizError) as info:
        install([tmp_path / "nope.yaml"])
    assert "nope.yaml" in info.value.message
    assert installed_names() == []


def test_pack_folder_that_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file", encoding="utf-8")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "home"))
    with pytest.raises(QuizError) as info:
        install([write(tmp_path / "src", "p.yaml", pack_text("p"))])
    assert info.value.message.startswith("cannot create the pack folder ")


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    install([write(tmp_path, "p.yaml", pack_text("p"))])
    install([write(tmp_path, "p.yaml", pack_text("p", title="Again"))], replace=True)
    assert installed_names() == ["p.yaml"]


# -- remove ----------------------------------------------------------------------------------


def test_remove_uninstalls(tmp_path: Path) -> None:
    install([write(tmp_path, "p.yaml", pack_text("gone-soon"))])
    assert remove("gone-soon") == packs_dir() / "gone-soon.yaml"
    assert installed_names() == []
    assert installed_files() == []


def test_remove_finds_a_file_by_its_pack_id(tmp_path: Path) -> None:
    path = write(packs_dir(), "Some Name.yaml", pack_text("real-id"))
    assert remove("real-id") == path
    assert not path.exists()


def test_removing_the_builtin_pack_is_refused() -> None:
    with pytest.raises(QuizError) as info:
        remove(BUILTIN_ID)
    assert info.value.message == "the built-in pack cannot be removed"


def test_removing_an_unknown_id() -> None:
    with pytest.raises(QuizError) as info:
        remove("never-installed")
    assert info.value.message == "no installed pack has the id 'never-installed'"
    assert info.value.hint == "quiz packs list shows the installed packs"


# -- write_new_file ------------------------------------------------------------------------------


def test_write_new_file_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    write_new_file(target, b"one")
    with pytest.raises(QuizError) as info:
        write_new_file(target, b"two")
    assert info.value.message == f"{target} already exists"
    assert target.read_bytes() == b"one"
    write_new_file(target, b"two", force=True)
    assert target.read_bytes() == b"two"


def test_write_new_file_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(QuizError):
        write_new_file(tmp_path, b"x", force=True)

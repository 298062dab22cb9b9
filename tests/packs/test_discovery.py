"""Finding packs by id or path, listing them, and refusing two packs with one id."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import PackError, PackNotFoundError, QuizError
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.discovery import (
    check_unique_ids,
    installed_files,
    looks_like_path,
    packs_dir,
    resolve,
    resolve_many,
    survey,
)

REPO = Path(__file__).resolve().parents[2]


def pack_text(pack_id: str, title: str = "T") -> str:
    return (
        f"format: 1\npack:\n  id: {pack_id}\n  title: {title}\nquestions:\n"
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )


def install_by_hand(name: str, text: str) -> Path:
    folder = packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_with_nothing_installed_only_the_builtin_pack_is_found() -> None:
    assert installed_files() == []
    (found,) = survey()
    assert found.builtin
    assert found.where == "built-in"
    assert found.error is None
    assert found.summary is not None
    assert found.summary.id == BUILTIN_ID


def test_installed_files_skip_hidden_and_other_files() -> None:
    install_by_hand("b.yaml", pack_text("b"))
    install_by_hand("a.yml", pack_text("a"))
    install_by_hand(".install-123.tmp", "x")
    install_by_hand(".hidden.yaml", pack_text("hidden"))
    install_by_hand("notes.txt", "x")
    assert [p.name for p in installed_files()] == ["a.yml", "b.yaml"]


def test_a_broken_installed_pack_is_found_with_its_error() -> None:
    path = install_by_hand("broken.yaml", "format: 1\n")
    builtin, broken = survey()
    assert builtin.summary is not None
    assert broken.summary is None
    assert broken.where == str(path)
    assert isinstance(broken.error, PackError)
    assert broken.error.problems[0].path == str(path)


def test_resolve_by_id() -> None:
    install_by_hand("mine.yaml", pack_text("mine", "Mine"))
    assert resolve("mine").title == "Mine"
    assert resolve(BUILTIN_ID).origin == "built-in"


def test_resolve_a_hand_copied_file_by_its_id() -> None:
    install_by_hand("Downloaded Pack (1).yaml", pack_text("downloaded"))
    assert resolve("downloaded").id == "downloaded"


def test_resolve_by_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "elsewhere.yaml"
    path.write_text(pack_text("elsewhere"), encoding="utf-8")
    assert resolve(str(path)).id == "elsewhere"
    monkeypatch.chdir(tmp_path)
    assert resolve("elsewhere.yaml").id == "elsewhere"


def test_resolve_a_missing_path() -> None:
    with pytest.raises(PackNotFoundError) as info:
        resolve("missing.yaml")
    assert info.value.message == "missing.yaml: no such file"


def test_resolve_an_unknown_id_lists_the_known_packs() -> None:
    install_by_hand("mine.yaml", pack_text("mine"))
    install_by_hand("broken.yaml", "format: 1\n")
    with pytest.raises(PackNotFoundError) as info:
        resolve("nope")
    assert info.value.message == "no pack with the id 'nope'"
    assert info.value.hint is not None
    assert info.value.hint.startswith(f"packs you have: {BUILTIN_ID}, mine. ")


def test_an_installed_file_named_for_another_id_is_not_taken_for_it() -> None:
    install_by_hand("liar.yaml", pack_text("honest"))
    with pytest.raises(PackNotFoundError):
        resolve("liar")
    assert resolve("honest").id == "honest"


@pytest.mark.parametrize(
    ("spec", "is_path"),
    [
        ("my-pack", False),
        ("my-pack.yaml", True),
        ("x.yml", True),
        ("./p", True),
        ("packs/p", True),
        ("a\\b", True),
    ],
)
def test_looks_like_path(spec: str, is_path: bool) -> None:
    assert looks_like_path(spec) is is_path


def test_two_installed_files_with_one_id_name_both() -> None:
    first = install_by_hand("a.yaml", pack_text("twin"))
    second = install_by_hand("b.yaml", pack_text("twin"))
    with pytest.raises(QuizError) as info:
        check_unique_ids(survey())
    assert info.value.message == f"two packs have the id 'twin': {first} and {second}"


def test_an_installed_copy_of_the_builtin_pack_clashes_with_it() -> None:
    copy = install_by_hand("copy.yaml", (REPO / "questions.yaml").read_text(encoding="utf-8"))
    with pytest.raises(QuizError) as info:
        check_unique_ids(survey())
    assert info.value.message == f"two packs have the id '{BUILTIN_ID}': built-in and {copy}"


def test_unique_ids_pass_and_a_broken_pack_does_not_count_as_a_clash() -> None:
    install_by_hand("a.yaml", pack_text("a"))
    install_by_hand("broken.yaml", "nonsense: [")
    found = survey()
    check_unique_ids(found)  # raises QuizError on a clash
    ids = [item.summary.id if item.summary else None for item in found]
    assert ids == [BUILTIN_ID, "a", None]
    assert isinstance(found[2].error, PackError)


# -- several packs for one round ------------------------------------------------------------


def test_resolve_many_keeps_order_and_drops_repeats() -> None:
    install_by_hand("a.yaml", pack_text("a"))
    packs = resolve_many(["a", BUILTIN_ID, "a"])
    assert [p.id for p in packs] == ["a", BUILTIN_ID]


def test_resolve_many_refuses_two_files_with_one_id(tmp_path: Path) -> None:
    install_by_hand("a.yaml", pack_text("a"))
    other = tmp_path / "other.yaml"
    other.write_text(pack_text("a"), encoding="utf-8")
    with pytest.raises(QuizError) as info:
        resolve_many(["a", str(other)])
    assert info.value.message == (
        f"two packs have the id 'a': {packs_dir() / 'a.yaml'} and {other}"
    )


@pytest.mark.parametrize("cache", ["working", "unwritable"])
@pytest.mark.parametrize("order", ["id-first", "path-first"])
def test_resolve_many_takes_one_file_named_by_id_and_by_path_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str, order: str
) -> None:
    if cache == "unwritable":
        blocker = tmp_path / "blocker"
        blocker.write_text("a file where the data folder should be", encoding="utf-8")
        monkeypatch.setenv("QUIZ_HOME", str(blocker / "home"))
    specs = [BUILTIN_ID, str(REPO / "questions.yaml")]
    if order == "path-first":
        specs.reverse()
    packs = resolve_many(specs)
    assert [p.id for p in packs] == [BUILTIN_ID]

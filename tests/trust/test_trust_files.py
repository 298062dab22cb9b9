"""Nothing overwritten: installed packs and every file quiz writes for the user.

- ``packs add`` never replaces a file that holds another pack (or a broken one),
  and two ``packs add`` of one id at once install it once;
- a pack ``packs list`` shows as broken can be removed by the name it shows; a
  failed removal of an old copy undoes the update instead of leaving two files;
- every output file (``packs schema -o``, ``packs export -o``, ``packs new``,
  ``packs import -o``, ``scores export``) follows one rule: no replacing without
  ``--force``, a replaced file keeps its permissions, a device needs no ``--force``.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from trust_support import quiz_env
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.errors import QuizError
from quiz.packs import install as install_module

runner = CliRunner()


def pack_text(pack_id: str, title: str = "T") -> str:
    return (
        f"format: 1\npack:\n  id: {pack_id}\n  title: {title}\nquestions:\n"
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- packs add and remove ----------------------------------------------------------------------


def test_add_never_replaces_a_file_holding_another_pack(tmp_path: Path, quiz_home: Path) -> None:
    foo = write(quiz_home / "packs" / "bar.yaml", pack_text("foo"))  # copied in by hand
    result = runner.invoke(app, ["packs", "add", str(write(tmp_path / "b.yaml", pack_text("bar")))])
    assert result.exit_code == 0, result.output
    assert foo.read_text() == pack_text("foo")
    assert f"installed 'bar' (1 question) as {quiz_home / 'packs' / 'bar-2.yaml'}" in result.stdout
    listed = runner.invoke(app, ["packs", "list", "--json"]).stdout
    assert '"id": "foo"' in listed
    assert '"id": "bar"' in listed


def test_add_never_replaces_a_broken_file(tmp_path: Path, quiz_home: Path) -> None:
    broken = write(quiz_home / "packs" / "bar.yaml", "format: 1\npack: [\n")
    new = write(tmp_path / "b.yaml", pack_text("bar"))
    assert runner.invoke(app, ["packs", "add", "--replace", str(new)]).exit_code == 0
    assert broken.read_text() == "format: 1\npack: [\n"


def test_two_adds_of_one_id_at_once_install_it_once(tmp_path: Path, quiz_home: Path) -> None:
    for attempt in range(4):
        source = write(tmp_path / f"p{attempt}.yaml", pack_text(f"same-{attempt}"))
        children = [
            subprocess.Popen(
                [sys.executable, "-m", "quiz", "packs", "add", str(source)],
                env=quiz_env(quiz_home),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for child in children:
            child.communicate(timeout=60)
        assert sorted(child.returncode for child in children) == [0, 1]
        files = [p.name for p in (quiz_home / "packs").glob(f"same-{attempt}*.yaml")]
        assert files == [f"same-{attempt}.yaml"]


def test_a_broken_pack_can_be_removed_by_the_name_list_shows(quiz_home: Path) -> None:
    broken = write(quiz_home / "packs" / "oops.yaml", "format: 1\npack: [\n")
    assert "oops.yaml" in runner.invoke(app, ["packs", "list"]).stdout
    result = runner.invoke(app, ["packs", "remove", "oops"])
    assert result.exit_code == 0, result.output
    assert not broken.exists()


def test_an_update_that_cannot_remove_the_old_copy_changes_nothing(
    tmp_path: Path, quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = write(quiz_home / "packs" / "by-hand.yaml", pack_text("mine", title="Old"))
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == old:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(QuizError, match="cannot remove the old copy of 'mine'"):
        install_module.install([write(tmp_path / "n.yaml", pack_text("mine", "New"))], replace=True)
    assert sorted(p.name for p in (quiz_home / "packs").glob("*.yaml")) == ["by-hand.yaml"]
    assert "Old" in old.read_text()


# -- one writer for every output file -------------------------------------------------------------

OUTPUTS = {
    "packs schema -o": lambda out, src: ["packs", "schema", "-o", out],
    "packs export -o": lambda out, src: ["packs", "export", "la-la-land-first-look", "-o", out],
    "packs new": lambda out, src: ["packs", "new", out],
    "packs import -o": lambda out, src: ["packs", "import", "csv", src, "-o", out],
    "scores export": lambda out, src: ["scores", "export", out],
}


@pytest.fixture
def csv_source(tmp_path: Path) -> str:
    return str(write(tmp_path / "in.csv", "prompt,answer\nWho?,Mia\n"))


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_an_existing_file_is_not_replaced_without_force(
    tmp_path: Path, csv_source: str, command: str
) -> None:
    out = write(tmp_path / "out.file", "mine\n")
    result = runner.invoke(app, OUTPUTS[command](str(out), csv_source))
    assert result.exit_code == 1, result.output
    assert f"error: {out} already exists" in result.stderr
    assert out.read_text() == "mine\n"


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_a_replaced_file_keeps_its_permissions(
    tmp_path: Path, csv_source: str, command: str
) -> None:
    out = write(tmp_path / "out.file", "mine\n")
    out.chmod(0o600)
    result = runner.invoke(app, [*OUTPUTS[command](str(out), csv_source), "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text() != "mine\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_a_device_needs_no_force_and_stays_a_device(csv_source: str, command: str) -> None:
    result = runner.invoke(app, OUTPUTS[command](os.devnull, csv_source))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)

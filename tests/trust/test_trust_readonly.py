"""A data folder that cannot be written: the reading commands still read.

Tests run as root, for whom ``chmod`` stops nothing, so a read-only folder is
made two ways: for real, with a read-only bind mount inside a user and mount
namespace (``unshare -rm``; skipped where the system does not allow it), and by
replacing ``quiz.store.readonly.can_write`` (what quiz asks before choosing how
to open the file) with one that says no.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.store import readonly, schema

runner = CliRunner()
PLAY = ["play", "-n", "1", "--seed", "1", "--name", "Ann", "--time-limit", "0"]
READERS = [
    (["scores"], "Ann"),
    (["scores", "--json"], '"player": "Ann"'),
    (["scores", "--all", "--csv"], "Ann,"),
    (["stats", "--player", "Ann"], "1 round played"),
    (["scores", "export", "-"], '"player": "Ann"'),
]


@pytest.fixture
def played(quiz_home: Path) -> Path:
    assert runner.invoke(app, PLAY, input="a\n1\n").exit_code == 0
    return quiz_home


@pytest.fixture
def read_only(played: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(readonly, "can_write", lambda path: False)
    return played


@pytest.mark.parametrize(("args", "shown"), READERS, ids=[" ".join(a) for a, _ in READERS])
def test_reading_commands_read_a_read_only_folder(
    read_only: Path, args: list[str], shown: str
) -> None:
    before = (read_only / "scores.db").read_bytes()
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout
    assert (read_only / "scores.db").read_bytes() == before


def test_forgetting_in_a_read_only_folder_is_a_clear_error(read_only: Path) -> None:
    result = runner.invoke(app, ["scores", "reset", "--yes"])
    assert result.exit_code == 1
    assert "can only be read here" in result.stderr


def test_an_older_schema_is_read_without_migrating_the_file(
    read_only: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This version of quiz knows one migration more than the file has seen.
    newer = (*schema.MIGRATIONS, "ALTER TABLE rounds ADD COLUMN flavour TEXT DEFAULT 'plain'")
    monkeypatch.setattr(schema, "MIGRATIONS", newer)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(newer))
    conn = readonly.open_read_only(read_only / "scores.db")
    assert conn.execute("SELECT player, flavour FROM rounds").fetchall() == [("Ann", "plain")]
    conn.close()
    on_disk = sqlite3.connect(read_only / "scores.db")
    assert on_disk.execute("PRAGMA user_version").fetchone()[0] == len(newer) - 1
    on_disk.close()


def test_a_damaged_file_in_a_read_only_folder_is_not_moved(read_only: Path) -> None:
    (read_only / "scores.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result = runner.invoke(app, ["scores"])
    assert result.exit_code == 1
    assert "cannot be moved aside" in result.stderr
    assert (read_only / "scores.db").exists()


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or not sys.platform.startswith("linux"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount --bind / / 2>/dev/null || mount --bind /tmp /tmp"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="no user and mount namespaces here")
def test_a_really_read_only_folder(played: Path) -> None:
    script = (
        f'mount --bind "{played}" "{played}" && mount -o remount,ro,bind "{played}" && '
        f'touch "{played}/probe" 2>/dev/null && exit 99; '
        f'QUIZ_HOME="{played}" "{sys.executable}" -m quiz scores --json'
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)[0]["player"] == "Ann"

"""The one writer for files the user names: no replacing without --force, atomic,
permissions kept, devices written through."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from quiz.atomic import output_file, write_new_file
from quiz.errors import QuizError


def test_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_new_file(target, b"one")
    with pytest.raises(QuizError, match="already exists"):
        write_new_file(target, b"two")
    assert target.read_bytes() == b"one"
    write_new_file(target, b"two", force=True)
    assert target.read_bytes() == b"two"


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out"

    def write_while_another_program_makes_it() -> None:
        with output_file(target, force=False) as out:
            out.write("mine")
            target.write_text("someone else's")

    with pytest.raises(QuizError, match="already exists"):
        write_while_another_program_makes_it()
    assert target.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file left


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    target.write_text("old")
    target.chmod(0o600)
    write_new_file(target, b"new", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"new"


def test_a_device_needs_no_force_and_is_not_replaced() -> None:
    write_new_file(Path(os.devnull), b"into the void")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_new_file(fifo, b"through")
    reader.join(timeout=10)
    assert got == [b"through"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="is a folder"):
        write_new_file(tmp_path, b"x", force=True)

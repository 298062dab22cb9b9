"""Files a user names for output: a link or a pipe is written through, never replaced.

Files are written atomically (a temporary file renamed over the target), but
a rename over a link replaces the link, and one over a pipe or a device puts a
plain file where it was: run as root, ``quiz packs export ... -o /dev/stdout
--force`` once replaced the system's ``/dev/stdout``. These tests use links
and pipes of their own, never the system's.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli.app import app

runner = CliRunner()
EXPORTS = {
    "pack": ["packs", "export", "la-la-land-first-look", "--force", "-o"],
    "scores": ["scores", "export", "--force"],
}


def export(kind: str, target: Path) -> None:
    if kind == "scores":
        played = runner.invoke(
            app, ["play", "-n", "1", "--seed", "1", "--name", "x"], input="A\nt\n1\n"
        )
        assert played.exit_code == 0, played.output
    result = runner.invoke(app, [*EXPORTS[kind], str(target)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_a_link_is_kept_and_the_file_it_names_is_written(kind: str, tmp_path: Path) -> None:
    real = tmp_path / "real.out"
    real.write_text("old\n")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    export(kind, link)
    assert link.is_symlink()
    assert link.resolve() == real
    assert real.read_text() not in ("", "old\n")


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_a_pipe_is_written_through_and_stays_a_pipe(kind: str, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        export(kind, fifo)
    finally:
        if reader.is_alive():  # nothing was written: let the reader go
            with fifo.open("wb"):
                pass
        reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received
    assert len(received[0]) > 100

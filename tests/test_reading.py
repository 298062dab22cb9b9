"""The one bounded reader and UTF-8 decoder every file read goes through."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from quiz.reading import FileRefused, TextRefused, display_path, read_bounded, utf8_text


def test_a_small_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"hello")
    assert read_bounded(path, 5) == b"hello"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is not a regular file"),  # opening it plainly would hang
        (lambda p: p.write_bytes(b"x" * 6), "the file is 6 bytes; files are limited to 5 bytes"),
    ],
    ids=["missing", "folder", "fifo", "too-big"],
)
def test_what_is_refused(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "f"
    make(path)  # type: ignore[operator]
    with pytest.raises(FileRefused) as info:
        read_bounded(path, 5)
    assert info.value.message == f"{path}: {reason}"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading(device: str) -> None:
    with pytest.raises(FileRefused, match="is not a regular file"):
        read_bounded(Path(device), 1024)


def test_a_name_too_long_is_refused_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="cannot read it: File name too long"):
        read_bounded(tmp_path / ("x" * 300), 5)


def test_standard_input_has_the_same_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 10)))
    with pytest.raises(FileRefused, match="standard input: too long; files are limited"):
        read_bounded("-", 5)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5)))
    assert read_bounded("-", 5) == b"x" * 5


def test_closed_standard_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets for `quiz ... <&-`
    with pytest.raises(FileRefused, match="standard input is closed"):
        read_bounded("-", 5)


@pytest.mark.parametrize(
    ("data", "where", "reason"),
    [
        (b"ok\nbad \xff", (2, 5), "not UTF-8 text (byte 0xff)"),
        (b"a\x00b", (1, 2), "contains a NUL byte"),
    ],
)
def test_utf8_text_names_the_first_bad_byte(
    data: bytes, where: tuple[int, int], reason: str
) -> None:
    with pytest.raises(TextRefused) as info:
        utf8_text(data, "f")
    assert (info.value.line, info.value.column) == where
    assert info.value.reason.startswith(reason)


def test_utf8_text_drops_a_byte_order_mark() -> None:
    assert utf8_text(b"\xef\xbb\xbfhi", "f") == "hi"


def test_file_names_that_are_not_utf8_can_be_shown() -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    assert display_path(name) == "caf\\xe9.yaml"
    assert display_path("\ud800x") == "?x"

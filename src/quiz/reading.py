"""Reading a file quiz did not write: bounded, never a device, never a FIFO.

Every file quiz reads goes through :func:`read_bounded`: a path is opened
without blocking (a FIFO would hang a plain ``open``), checked to be a
regular file through the open descriptor (so a swap after a ``stat`` changes
nothing), refused from its size when it is over the limit, and read no further
than the limit (a file still growing cannot run past it). ``-`` reads standard
input with the same limit. :func:`utf8_text` is the one UTF-8 decoder, giving
the line and column of the first bad byte.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from quiz.errors import QuizError

MIB = 2**20
STDIN = "-"


class FileRefused(QuizError):
    """A file that cannot be read (missing, not a regular file, too big, unreadable)."""

    def __init__(self, label: str, reason: str, *, missing: bool = False) -> None:
        super().__init__(f"{label}: {reason}")
        self.label = label
        self.reason = reason
        self.missing = missing


class TextRefused(QuizError):
    """Bytes that are not UTF-8 text (or hold a NUL), with where the first bad byte is."""

    def __init__(self, label: str, reason: str, line: int, column: int) -> None:
        super().__init__(f"{label}:{line}:{column}: {reason}")
        self.label = label
        self.reason = reason
        self.line = line
        self.column = column


def limited(what: str, limit: int) -> str:
    """``packs are limited to 33,554,432 bytes (32 MiB)``."""
    mib = f" ({limit // MIB} MiB)" if limit >= MIB and limit % MIB == 0 else ""
    return f"{what} are limited to {limit:,} bytes{mib}"


def read_bounded(
    source: Path | str, limit: int, label: str | None = None, *, what: str = "files"
) -> bytes:
    """The bytes of ``source`` (``"-"``: standard input), at most ``limit`` of them.

    Raises :class:`FileRefused` for anything else: no such file, a folder, a
    device or a FIFO, more than ``limit`` bytes, or a failure to read.
    """
    if isinstance(source, str) and source == STDIN:
        return _read_stdin(limit, label or "standard input", what)
    return read_regular(Path(source), limit, label, what=what)[0]


def read_regular(
    path: Path, limit: int, label: str | None = None, *, what: str = "files"
) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most ``limit`` bytes, and its status before reading."""
    label = label if label is not None else display_path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused(label, "no such file", missing=True) from None
    except IsADirectoryError:
        raise FileRefused(label, f"is a folder, not {_singular(what)}") from None
    except OSError as exc:
        raise FileRefused(label, f"cannot read it: {os_reason(exc)}") from None
    try:
        return _read_fd(fd, limit, label, what)
    finally:
        os.close(fd)


def _read_fd(fd: int, limit: int, label: str, what: str) -> tuple[bytes, os.stat_result]:
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileRefused(label, f"is a folder, not {_singular(what)}")
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(label, "is not a regular file")
        if st.st_size > limit:
            raise FileRefused(label, f"the file is {st.st_size:,} bytes; {limited(what, limit)}")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 4 * MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileRefused(label, f"cannot read it: {os_reason(exc)}") from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileRefused(label, f"the file grew while read; {limited(what, limit)}")
    return data, st


def _read_stdin(limit: int, label: str, what: str) -> bytes:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None) if stream is not None else None
    if buffer is None:
        raise FileRefused(label, "standard input is closed")
    try:
        data: bytes = buffer.read(limit + 1)
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "it is closed"
        raise FileRefused(label, f"cannot read it: {reason}") from None
    if len(data) > limit:
        raise FileRefused(label, f"too long; {limited(what, limit)}")
    return data


def _singular(what: str) -> str:
    """``packs`` -> ``a pack file``, ``articles`` -> ``an article file``: what a folder was
    taken for."""
    noun = "file" if what == "files" else f"{what.removesuffix('s')} file"
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def utf8_text(data: bytes, label: str, *, what: str = "text", nul_ok: bool = False) -> str:
    """``data`` as text, without a byte-order mark; :class:`TextRefused` if it is not UTF-8.

    A NUL byte is refused too (text files hold none) unless ``nul_ok``.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    nul = -1 if nul_ok else body.find(b"\x00")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul == -1 or nul > exc.start:
            line, col = position(body, exc.start)
            reason = f"not UTF-8 text (byte 0x{body[exc.start]:02x}); save the file as UTF-8"
            raise TextRefused(label, reason, line, col) from None
    if nul != -1:
        line, col = position(body, nul)
        reason = f"contains a NUL byte: this looks like a binary file, not {what}"
        raise TextRefused(label, reason, line, col)
    return text


def json_int(digits: str) -> int | str:
    """A JSON integer (``json.loads(..., parse_int=json_int)``); one too long for Python to
    convert (over 4,300 digits) is kept as its text, so it makes one record bad, not the file."""
    try:
        return int(digits)
    except ValueError:
        return digits


def position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of byte ``offset``."""
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def os_reason(exc: OSError) -> str:
    """An OS error's words without the file name (the caller names the file)."""
    return exc.strerror or str(exc)


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed (bytes that are not UTF-8 shown escaped)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "replace")
        return raw.decode("utf-8", "backslashreplace")
    return text

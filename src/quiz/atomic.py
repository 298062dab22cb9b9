"""Writing a file so that it is either wholly old or wholly new, never half.

The text goes to a temporary file beside the target, is flushed to disk, and
is then renamed over the target in one step. A failure at any point leaves the
target as it was and removes the temporary file; the ``OSError`` is the
caller's to turn into a message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@overload
def atomic_write(
    target: Path, mode: Literal["w"], *, durable: bool = ...
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    target: Path, mode: Literal["wb"], *, durable: bool = ...
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_write(target: Path, mode: str, *, durable: bool = True) -> Any:
    """A stream whose content replaces ``target`` when the ``with`` block ends.

    ``durable`` also waits for the data to reach the disk (skip it for caches).
    The file gets the usual permissions (``0666`` less the umask), not the
    private ones a temporary file is made with.
    """
    return _atomic_write(target, mode, durable)


@contextlib.contextmanager
def _atomic_write(target: Path, mode: str, durable: bool) -> Iterator[IO[Any]]:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".tmp")
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), 0o666 & ~_umask())
            if durable:
                os.fsync(stream.fileno())
        os.replace(tmp, target)
        tmp = ""
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

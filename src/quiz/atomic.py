"""Writing a file so that it is either wholly old or wholly new, never half.

The text goes to a temporary file beside the target, is flushed to disk, and
is then renamed over the target in one step. A failure at any point leaves the
target as it was and removes the temporary file; the ``OSError`` is the
caller's to turn into a message. A target that is a link has the file it names
replaced (the link stays); one that is a pipe or a device is written through.
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    encoding = None if "b" in mode else "utf-8"
    if _is_special(target):
        # A pipe or a device (-o /dev/stdout): nothing to replace, so write through it;
        # renaming over it would put a file where the device was.
        with target.open(mode, encoding=encoding) as stream:
            yield stream
        return
    target = Path(os.path.realpath(target))  # a link to a file: replace the file, keep the link
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".tmp")
    try:
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


def _is_special(target: Path) -> bool:
    """Whether ``target`` (or what a link there names) exists and is not a regular file."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)

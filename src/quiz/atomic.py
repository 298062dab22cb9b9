"""Writing a file so that it is either wholly old or wholly new, never half.

The text goes to a temporary file beside the target, is flushed to disk, and
is then renamed over the target in one step. A failure at any point leaves the
target as it was and removes the temporary file; the ``OSError`` is the
caller's to turn into a message. A target that is a link has the file it names
replaced (the link stays); one that is a pipe or a device is written through.
A replaced file keeps its permissions; a new one gets ``0666`` less the umask.

:func:`output_file` is the one writer for files the user names (``-o FILE``,
``export FILE``): never replacing one without ``--force``, even one that
appears while the output is being made.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

from quiz.errors import QuizError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@overload
def atomic_write(
    target: Path, mode: Literal["w"], *, durable: bool = ..., replace: bool = ...
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    target: Path, mode: Literal["wb"], *, durable: bool = ..., replace: bool = ...
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_write(target: Path, mode: str, *, durable: bool = True, replace: bool = True) -> Any:
    """A stream whose content replaces ``target`` when the ``with`` block ends.

    ``durable`` also waits for the data to reach the disk (skip it for caches).
    With ``replace=False`` the file is only created: if one appeared meanwhile,
    :class:`FileExistsError` is raised and it is left alone.
    """
    return _atomic_write(target, mode, durable, replace)


@contextlib.contextmanager
def _atomic_write(target: Path, mode: str, durable: bool, replace: bool) -> Iterator[IO[Any]]:
    encoding = None if "b" in mode else "utf-8"
    if is_special(target):
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
            os.fchmod(stream.fileno(), _mode_for(target))
            if durable:
                os.fsync(stream.fileno())
        _move_into_place(tmp, target, replace)
        tmp = ""
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else the usual ones for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _move_into_place(tmp: str, target: Path, replace: bool) -> None:
    if replace:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the target exists: an atomic "create, never replace"
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def is_special(target: Path) -> bool:
    """Whether ``target`` (or what a link there names) exists and is not a file or folder."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def refuse_existing(target: Path, force: bool) -> None:
    """A file the user named is never overwritten without ``--force`` (a device needs none)."""
    if is_special(target):
        return
    if target.is_dir():
        raise QuizError(f"{shown(target)} is a folder")
    if not force and os.path.lexists(target):
        raise QuizError(f"{shown(target)} already exists", hint="pass --force to overwrite it")


@contextlib.contextmanager
def output_file(target: Path, *, force: bool, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream for a file the user asked for: atomic, and never replacing one without ``force``.

    A device or a FIFO (``/dev/stdout``) is written through and needs no ``force``.
    A replaced file keeps its permissions. Failures become :class:`QuizError`.
    """
    refuse_existing(target, force)
    try:
        with atomic_write(target, "wb" if binary else "w", replace=force) as stream:
            yield stream
    except FileExistsError:
        raise QuizError(
            f"{shown(target)} already exists", hint="pass --force to overwrite it"
        ) from None
    except OSError as exc:
        raise QuizError(f"cannot write {shown(target)}: {exc.strerror or exc}") from None


def write_new_file(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write a file the user asked for, atomically; never overwrite one without ``force``."""
    with output_file(target, force=force, binary=True) as stream:
        stream.write(data)


@contextlib.contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (made if missing) for the ``with`` block.

    Only one process at a time runs the block; an ``OSError`` if the lock file
    cannot be made. Where ``flock`` is missing (Windows) nothing is locked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def shown(path: Path | str) -> str:
    """A path for a message (bytes that are not UTF-8 shown escaped)."""
    from quiz.reading import display_path

    return display_path(path)

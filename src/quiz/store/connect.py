"""Opening the score file safely.

Before anything is written, the file is examined. A file that is not a usable
score file (garbage, truncated, damaged, another program's database) is never
written to: it is renamed to ``scores.db.corrupt-YYYYmmdd-HHMMSS`` (its
``-wal``/``-shm``/``-journal`` companions alongside), a notice says where it
went, and a new file is started. A file from a newer quiz is left alone and
refused, so that release still finds its scores after an upgrade. A folder
that cannot hold the file is reported as :class:`StoreUnavailable`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TypeVar

from quiz.errors import StoreError
from quiz.paths import blocking_file
from quiz.store import schema

BUSY_TIMEOUT_S = 10.0
# quick_check reads the whole file (about 5 ms a megabyte); above this size
# (some 40,000 rounds) damage is found when a query meets it instead.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
_COMPANIONS = ("-wal", "-shm", "-journal")
_T = TypeVar("_T")


class StoreUnavailable(StoreError):
    """The score file cannot be used at all: scores can be neither read nor saved."""


class Verdict(Enum):
    FRESH = "fresh"  # empty: a new file
    OURS = "ours"  # a score file this version can use (perhaps after migrating)
    NEWER = "newer"  # a score file from a newer quiz
    FOREIGN = "foreign"  # a valid SQLite file of something else
    DAMAGED = "damaged"  # not a readable SQLite file


@dataclass(frozen=True, slots=True)
class Examination:
    verdict: Verdict
    version: int = 0
    reason: str = ""


def open_connection(path: Path, notices: list[str], *, create: bool = True) -> sqlite3.Connection:
    """A connection to a usable, up-to-date score file at ``path``.

    Raises :class:`StoreUnavailable` when the file cannot be used and
    :class:`StoreError` for a passing problem (a busy or failing disk).
    """
    if create:
        ensure_folder(path.parent)
    refuse_non_file(path)
    found = examine_file(path)
    if found.verdict in (Verdict.FOREIGN, Verdict.DAMAGED):
        _repair(path, notices)
    elif found.verdict is Verdict.NEWER:
        raise newer_error(path, found.version)
    conn = _connect(path)
    try:
        prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def ensure_folder(folder: Path) -> None:
    where = f"cannot write the score file in {folder}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = blocking_file(folder)
        reason = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
        raise StoreUnavailable(f"{where}: {reason}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreUnavailable(f"{where}: Permission denied")


def refuse_non_file(path: Path) -> None:
    """A folder (or a pipe, a device) where the score file belongs is not ours to move."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreUnavailable(f"cannot use the score file {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise StoreUnavailable(
            f"{path} is a folder, not a score file", hint="move it out of the way to save scores"
        )
    if not stat.S_ISREG(mode):
        raise StoreUnavailable(
            f"{path} is not a regular file", hint="move it out of the way to save scores"
        )


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    try:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=read_only)
    except sqlite3.Error as exc:
        raise sqlite_error(f"cannot open the score file {path}", exc) from None
    conn.text_factory = _decode
    return conn


def examine_file(
    path: Path, connect: Callable[[Path], sqlite3.Connection] | None = None
) -> Examination:
    """What the file at ``path`` is, through a read-only connection (``connect``'s, if given).

    Read-only, because closing a read-write connection to a file SQLite cannot
    use deletes its ``-wal`` and ``-shm`` companions, and they are kept too.
    """
    if _size(path) == 0:  # missing or empty: a new file
        return Examination(Verdict.FRESH)
    companions = _companions(path)
    try:
        conn = connect(path) if connect is not None else _connect(path, read_only=True)
    except StoreError:
        if not os.path.lexists(path):  # moved aside by another process just now
            return Examination(Verdict.FRESH)
        raise
    try:
        found = _examine(conn, path)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            conn.close()
            raise sqlite_error(f"cannot read the score file {path}", exc) from None
        found = Examination(Verdict.DAMAGED, reason=str(exc))
    conn.close()
    if found.verdict in (Verdict.FOREIGN, Verdict.DAMAGED):
        # SQLite may have made empty companions for a file it could not use: not worth keeping.
        for extra in _companions(path) - companions:
            with contextlib.suppress(OSError):
                extra.unlink()
    return found


def _companions(path: Path) -> set[Path]:
    return {c for c in (Path(f"{path}{s}") for s in _COMPANIONS) if os.path.lexists(c)}


def _examine(conn: sqlite3.Connection, path: Path) -> Examination:
    version = schema.user_version(conn)
    app_id = schema.application_id(conn)
    tables = schema.table_names(conn)
    if app_id not in (0, schema.APP_ID):
        return Examination(Verdict.FOREIGN, version, "it is another program's database")
    if version == 0:
        if tables:
            return Examination(Verdict.FOREIGN, version, "it holds tables quiz does not know")
        return Examination(Verdict.FRESH)
    if not tables >= schema.REQUIRED_TABLES:
        return Examination(Verdict.FOREIGN, version, "it lacks the tables of a score file")
    if version > schema.SCHEMA_VERSION:
        return Examination(Verdict.NEWER, version)
    conn.execute("SELECT * FROM rounds ORDER BY id DESC LIMIT 1").fetchall()
    conn.execute("SELECT * FROM answers LIMIT 1").fetchall()
    if _size(path) <= QUICK_CHECK_MAX_BYTES:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()
        if not result or result[0] != "ok":
            return Examination(Verdict.DAMAGED, version, str(result[0] if result else "damaged"))
    return Examination(Verdict.OURS, version)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Set the pragmas and bring the schema up to date."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        # FULL: a round reported as saved survives a power cut too, for one fsync a round.
        conn.execute("PRAGMA synchronous = FULL")
        _migrate(conn, path)
    except sqlite3.Error as exc:
        raise sqlite_error(f"cannot write the score file in {path.parent}", exc) from None


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    current = schema.user_version(conn) == schema.SCHEMA_VERSION
    if current and schema.application_id(conn) == schema.APP_ID:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = schema.user_version(conn)  # another process may have migrated meanwhile
        if version > schema.SCHEMA_VERSION:
            raise newer_error(path, version)
        schema.apply(conn, version)
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _retry_busy(action: Callable[[], _T]) -> _T:
    """Changing the journal mode can report "locked" without waiting; wait here instead."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if _primary_code(exc) not in _BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _repair(path: Path, notices: list[str]) -> None:
    """Move an unusable file aside, unless another process has done it meanwhile."""
    with _repair_lock(path):
        found = examine_file(path)
        if found.verdict is Verdict.NEWER:
            raise newer_error(path, found.version)
        if found.verdict in (Verdict.FOREIGN, Verdict.DAMAGED):
            notices.append(_moved_notice(path, move_aside(path), found.reason))


def replace_damaged(
    path: Path, identity: tuple[int, int] | None, reason: str, notices: list[str]
) -> sqlite3.Connection:
    """The open file turned out damaged while in use: move it aside and open a new one.

    ``identity`` is the (device, inode) of the file that failed; if another
    process has already replaced it, the new file is used as it is.
    """
    with _repair_lock(path):
        if identity is not None and file_identity(path) == identity:
            notices.append(_moved_notice(path, move_aside(path), reason))
    return open_connection(path, notices)


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _moved_notice(path: Path, aside: Path, reason: str) -> str:
    return (
        f"{path.name} was not a usable score file ({reason}); "
        f"it was moved to {aside} and a new one was started"
    )


@contextlib.contextmanager
def _repair_lock(path: Path) -> Iterator[None]:
    """Only one process moves a file aside at a time (best effort where flock is missing)."""
    from quiz.atomic import locked

    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(locked(path.with_name(path.name + ".lock")))
        except OSError as exc:
            raise StoreUnavailable(f"cannot write the score file in {path.parent}: {exc}") from None
        yield


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and companions) to a new ``.corrupt-<time>`` name; never replaces a file."""
    base = f"{path.name}.corrupt-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    for number in itertools.count(1):
        aside = path.with_name(base if number == 1 else f"{base}-{number}")
        names = [aside, *(Path(f"{aside}{suffix}") for suffix in _COMPANIONS)]
        if not any(os.path.lexists(name) for name in names):
            break
    try:
        path.rename(aside)
        for suffix in _COMPANIONS:
            companion = Path(f"{path}{suffix}")
            if os.path.lexists(companion):
                companion.rename(f"{aside}{suffix}")
    except OSError as exc:
        raise StoreUnavailable(
            f"{path} is not a usable score file and could not be moved aside: {exc}"
        ) from None
    return aside


def newer_error(path: Path, version: int) -> StoreUnavailable:
    return StoreUnavailable(
        f"{path.name} was written by a newer version of quiz (schema {version}; "
        f"this one knows {schema.SCHEMA_VERSION}): upgrade quiz to save scores",
        hint=f"the file {path} was left untouched",
    )


_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_UNAVAILABLE = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_AUTH,
}
_REASONS = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written",
    sqlite3.SQLITE_BUSY: "another quiz kept it busy for too long; try again",
    sqlite3.SQLITE_LOCKED: "another quiz kept it busy for too long; try again",
    sqlite3.SQLITE_READONLY: "it is read-only",
    sqlite3.SQLITE_CANTOPEN: "it cannot be opened",
    sqlite3.SQLITE_PERM: "Permission denied",
    sqlite3.SQLITE_CORRUPT: "the file is damaged",
    sqlite3.SQLITE_NOTADB: "the file is damaged",
}


def _primary_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code (extended codes keep it in the low byte); 0 if unknown."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    return _primary_code(exc) in _BUSY


def is_damage(exc: sqlite3.Error) -> bool:
    return _primary_code(exc) in _DAMAGE


def sqlite_error(what: str, exc: sqlite3.Error) -> StoreError:
    """A plain message for an SQLite failure: ``what: reason (SQLite's words)``."""
    code = _primary_code(exc)
    reason = _REASONS.get(code)
    detail = f"{reason} ({exc})" if reason else str(exc)
    error_type = StoreUnavailable if code in _UNAVAILABLE else StoreError
    return error_type(f"{what}: {detail}")

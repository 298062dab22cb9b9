"""Reading the score file where nothing can be written (a read-only folder or disk).

SQLite's rules for a WAL database that cannot be written: a ``mode=ro``
connection works when its ``-shm`` file exists or can be made; otherwise only
``immutable=1`` opens it (SQLite then assumes nothing changes it, and reads
what the main file holds). No migration can run there, so a file of an older
schema is copied into memory and brought up to date there: the queries of
this version work on it, and the disk is never touched.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from quiz.store import schema
from quiz.store.connect import (
    StoreUnavailable,
    Verdict,
    examine_file,
    newer_error,
    sqlite_error,
)


def can_write(path: Path) -> bool:
    """Whether the score file (or, when missing, its folder) can be written.

    ``os.access`` reports a read-only file system as unwritable even for root,
    which a permission check would not.
    """
    target = path if os.path.lexists(path) else path.parent
    return os.access(target, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads ``path``; for an older schema, an up-to-date copy in memory.

    Raises :class:`StoreUnavailable` when the file cannot be used.
    """
    found = examine_file(path, connect=connect_read_only)
    if found.verdict is Verdict.NEWER:
        raise newer_error(path, found.version)
    if found.verdict in (Verdict.FOREIGN, Verdict.DAMAGED):
        raise StoreUnavailable(
            f"{path} is not a usable score file ({found.reason}), and its folder is "
            "read-only, so it cannot be moved aside"
        )
    conn = connect_read_only(path)
    try:
        if found.verdict is Verdict.FRESH or schema.user_version(conn) < schema.SCHEMA_VERSION:
            conn = _upgraded_copy(conn)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise sqlite_error(f"cannot read the score file {path}", exc) from None
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """``mode=ro`` when SQLite can use it here, else ``immutable=1``."""
    uri = path.absolute().as_uri()
    try:
        conn = _open(f"{uri}?mode=ro")
        conn.execute("PRAGMA schema_version").fetchone()  # opening is lazy: try a read
        return conn
    except sqlite3.Error:
        pass  # a WAL file whose -shm cannot be made here
    try:
        return _open(f"{uri}?immutable=1")
    except sqlite3.Error as exc:
        raise sqlite_error(f"cannot read the score file {path}", exc) from None


def _open(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


def _upgraded_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The file's rounds in memory, with this version's schema."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.text_factory = conn.text_factory
    conn.backup(memory)
    conn.close()
    memory.execute("BEGIN")
    schema.apply(memory, schema.user_version(memory))
    memory.execute("COMMIT")
    return memory

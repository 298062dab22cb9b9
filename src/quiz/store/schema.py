"""The score file's schema and how an older file is brought up to date.

The file's version is ``PRAGMA user_version``: migration ``n`` (1-based, the
``n``-th entry of :data:`MIGRATIONS`) turns a version ``n - 1`` file into a
version ``n`` one. Migrations only ever add (tables, columns, indexes), so
every saved round survives an upgrade. ``PRAGMA application_id`` marks the
file as quiz's, so a stranger's SQLite file at the same path is recognised.

To change the schema, append a migration (for example
``"ALTER TABLE rounds ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo'"``), never
edit an old one.
"""

from __future__ import annotations

import sqlite3

APP_ID = 0x5155_495A  # "QUIZ"

_MIGRATION_1 = """
CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    player      TEXT    NOT NULL,
    board       TEXT    NOT NULL,
    packs       TEXT    NOT NULL,   -- JSON list of pack ids
    score       INTEGER NOT NULL,
    correct     INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    best_streak INTEGER NOT NULL,
    duration_s  REAL    NOT NULL,
    seed,                           -- no type: an int, or its text when too big for SQLite
    time_limit  REAL,               -- seconds a question; NULL when untimed
    finished_at TEXT    NOT NULL    -- ISO 8601, UTC, always the same width
);
CREATE TABLE answers (
    round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,   -- 0-based order in the round
    pack_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    given       TEXT    NOT NULL,
    correct     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    late        INTEGER NOT NULL,
    elapsed_s   REAL    NOT NULL,
    points      INTEGER NOT NULL,
    tags        TEXT    NOT NULL,   -- JSON list
    PRIMARY KEY (round_id, position)
);
CREATE INDEX rounds_by_rank ON rounds (board, score DESC, duration_s, id);
CREATE INDEX rounds_by_player_rank ON rounds (player, board, score DESC, duration_s, id);
CREATE INDEX rounds_by_player_time ON rounds (player, finished_at);
CREATE INDEX answers_by_question ON answers (pack_id, question_id);
"""

# How a round was played. ``input`` is 'terminal' or 'piped'; ``mode`` is 'solo'
# (quiz play), 'survival' (--lives) or another mode's name. ``answered`` (a
# time-out included) and ``skipped`` are counted from the answers of older
# rounds; they stay NULL for a round whose answers were not all kept.
_MIGRATION_2 = """
ALTER TABLE rounds ADD COLUMN input TEXT NOT NULL DEFAULT 'terminal';
ALTER TABLE rounds ADD COLUMN answered INTEGER;
ALTER TABLE rounds ADD COLUMN skipped INTEGER;
ALTER TABLE rounds ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo';
UPDATE rounds SET
    answered = (SELECT count(*) FROM answers WHERE round_id = rounds.id AND NOT skipped),
    skipped = (SELECT count(*) FROM answers WHERE round_id = rounds.id AND skipped)
WHERE total = (SELECT count(*) FROM answers WHERE round_id = rounds.id) AND total > 0;
"""

# Review answers go on no board: their own table (see quiz.store.modes).
_MIGRATION_3 = """
CREATE TABLE review_answers (
    id          INTEGER PRIMARY KEY,
    player      TEXT    NOT NULL,
    pack_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    correct     INTEGER NOT NULL,   -- 1 right; 0 wrong, late or skipped
    answered_at TEXT    NOT NULL    -- ISO 8601, UTC, always the same width
);
CREATE INDEX review_answers_by_player ON review_answers (player, answered_at);
"""

MIGRATIONS: tuple[str, ...] = (_MIGRATION_1, _MIGRATION_2, _MIGRATION_3)
SCHEMA_VERSION = len(MIGRATIONS)
REQUIRED_TABLES = frozenset({"rounds", "answers"})


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def pending(version: int) -> list[tuple[int, str]]:
    """The migrations a file at ``version`` still needs, as (new version, script)."""
    return [(number, script) for number, script in enumerate(MIGRATIONS, 1) if number > version]


def apply(conn: sqlite3.Connection, version: int) -> None:
    """Run the pending migrations inside the caller's write transaction.

    Statements run one by one (not ``executescript``, which would commit), so a
    failure part-way rolls back with the rest and leaves the file as it was.
    """
    for number, script in pending(version):
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(number)}")
    conn.execute(f"PRAGMA application_id = {APP_ID}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (migrations hold no ``;`` inside literals)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]

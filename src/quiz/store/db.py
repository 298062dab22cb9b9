"""The high-score file: :class:`ScoreStore` over SQLite (``scores.db`` in the data folder).

Every round is saved in one short write transaction (``BEGIN IMMEDIATE`` ...
``COMMIT``) with WAL, a 10-second busy timeout and ``synchronous=FULL``: two
terminals finishing at once both keep their score, and a crash (even a power
cut) loses nothing that was reported as saved. Rounds on a *board* (same packs,
question count, timing and filters) are ranked by score, then the faster time,
then the earlier round.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from quiz.errors import StoreError
from quiz.paths import SCORES_FILE, blocking_file, data_dir
from quiz.store import connect, pending, readonly, schema
from quiz.store.connect import StoreUnavailable, file_identity, is_busy, is_damage, sqlite_error
from quiz.store.records import BoardStanding, PlayerStats, RoundRecord, RoundRow
from quiz.store.rows import (
    HAS_PACK,
    PERSONAL_BEST_SQL,
    PLAYER_ROUNDS_SQL,
    ROUND_SQL,
    TOP_FOR_PLAYER_SQL,
    TOP_SQL,
    insert_round,
    select_rounds,
    storable,
)
from quiz.words import plural

if TYPE_CHECKING:
    from quiz.store.modes import PastAnswer, ReviewRecord

__all__ = ["ScoreStore", "StoreBusy", "StoreError", "StoreUnavailable"]


class StoreBusy(StoreError):
    """The score file stayed busy: the round was kept in ``pending/`` for the next save."""


# An import holds the write lock this long at a time, then lets go for a pause at
# least as long as SQLite's longest wait between tries (100 ms... shorter waits
# land in a pause too, since the tries drift across the import's cycle).
IMPORT_SLICE_S = 0.2
IMPORT_PAUSE_S = 0.02


class ScoreStore:
    """The score file, open. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, exists: bool) -> None:
        self._conn = conn
        self.path = path
        self.exists = exists  # False: there was no file, and this store is empty and read-only
        self.notices: list[str] = []  # things the user should hear about (a file moved aside)
        self.read_only = not exists  # True: opened where nothing can be written
        self._identity = file_identity(path) if exists else None

    @classmethod
    def open(cls, home: Path | None = None, *, create: bool = True) -> ScoreStore:
        """Open (by default creating) ``scores.db`` in ``home`` or the data folder.

        With ``create=False`` nothing is created: when there is no file yet the
        store is empty and read-only, so reading commands leave no trace.
        Raises :class:`StoreUnavailable` when the file cannot be used at all.
        """
        path = (home if home is not None else data_dir()) / SCORES_FILE
        if not create and not _present(path):
            return cls._empty(path)
        if not create and not readonly.can_write(path):
            store = cls(readonly.open_read_only(path), path, exists=True)
            store.read_only = True
            return store
        notices: list[str] = []
        store = cls(connect.open_connection(path, notices, create=create), path, exists=True)
        store.notices.extend(notices)
        return store

    @classmethod
    def _empty(cls, path: Path) -> ScoreStore:
        blocker = blocking_file(path.parent)
        if blocker is not None:
            raise StoreUnavailable(
                f"cannot read the score file in {path.parent}: {blocker} is a file, not a folder"
            )
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("BEGIN")
        schema.apply(conn, 0)
        conn.execute("COMMIT")
        conn.execute("PRAGMA query_only = ON")
        return cls(conn, path, exists=False)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def save_round(self, record: RoundRecord) -> int:
        """Save a finished round and its answers in one transaction; the round's id.

        Rounds kept earlier because the file was busy are saved first, in the same
        transaction. If the file stays busy now, the round is kept for next time
        and :class:`StoreBusy` says where.
        """
        self._writable("save the round")
        kept = pending.waiting(self.path.parent)
        try:
            round_id = self._insert_with(kept, record)
        except sqlite3.Error as exc:
            if is_busy(exc):
                raise self._keep(record, exc) from exc
            if not is_damage(exc):
                raise sqlite_error(f"could not save the round to {self.path}", exc) from exc
            # The file went bad under us: keep it aside, start afresh, and save there.
            self._conn.close()
            self._conn = connect.replace_damaged(self.path, self._identity, str(exc), self.notices)
            self._identity = file_identity(self.path)
            try:
                round_id = self._insert_with(kept, record)
            except sqlite3.Error as again:
                raise sqlite_error(f"could not save the round to {self.path}", again) from again
        if kept:
            pending.forget(sorted({path for path, _ in kept}))
            self.notices.append(
                f"saved {plural(len(kept), 'round')} kept from a time when the score file was busy"
            )
        return round_id

    def _insert_with(self, kept: list[tuple[Path, RoundRecord]], record: RoundRecord) -> int:
        from quiz.store import transfer

        with self._transaction(write=True) as conn:
            transfer.insert_new(conn, [r for _, r in kept], 0, math.inf)
            return insert_round(conn, record)

    def _keep(self, record: RoundRecord, exc: sqlite3.Error) -> StoreError:
        """The file stayed busy: keep the round in ``pending/`` and say so."""
        busy = sqlite_error(f"could not save the round to {self.path}", exc)
        try:
            where = pending.keep(self.path.parent, record)
        except OSError as failed:
            busy.message += f" (and it could not be kept for later: {failed.strerror or failed})"
            return busy
        return StoreBusy(
            f"{busy.message}; the round was kept in {where} and will be saved with your next one"
        )

    def reset(
        self, player: str | None = None, pack: str | None = None, *, up_to_id: int | None = None
    ) -> int:
        """Forget rounds (all, or one player's, or those with a pack); how many were forgotten.

        ``up_to_id`` limits it to rounds saved no later than that one, so a round
        finishing while the user confirms is not forgotten unseen.
        """
        if not self.exists:
            return 0
        self._writable("forget the scores")
        from quiz.store.modes import forget_reviews

        where, params = _filters(player, pack, up_to_id)
        with self._guard("forget the scores"), self._transaction(write=True) as conn:
            forget_reviews(conn, player, pack)
            return conn.execute(f"DELETE FROM rounds WHERE {where}", params).rowcount

    def import_records(
        self,
        records: Sequence[RoundRecord],
        reviews: Sequence[ReviewRecord] = (),
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[int, int]:
        """Add rounds not already on record (same player, board, finish time and score),
        and review answers not already on record (in one transaction after them).

        Rounds go in short transactions (:data:`IMPORT_SLICE_S` each, then a pause),
        so a round finishing meanwhile can save between them. ``progress`` hears
        (rounds done, rounds in all) after each. Returns (imported, duplicates skipped).
        """
        from quiz.store import transfer
        from quiz.store.modes import insert_new_reviews

        self._writable("import scores")
        imported = skipped = done = 0
        with self._guard("import the scores"):
            while done < len(records):
                if done:
                    time.sleep(IMPORT_PAUSE_S)
                with self._transaction(write=True) as conn:
                    until = time.monotonic() + IMPORT_SLICE_S
                    done, added, known = transfer.insert_new(conn, records, done, until)
                imported, skipped = imported + added, skipped + known
                if progress is not None:
                    progress(done, len(records))
            if reviews:
                with self._transaction(write=True) as conn:
                    insert_new_reviews(conn, reviews)
        return imported, skipped

    def save_reviews(self, records: Sequence[ReviewRecord]) -> int:
        """Save the answers of a review (which is not a round) in one transaction."""
        from quiz.store.modes import insert_reviews

        self._writable("save the review")
        with self._guard("save the review"), self._transaction(write=True) as conn:
            return insert_reviews(conn, records)

    # -- reading -------------------------------------------------------------

    def answer_history(self, player: str) -> list[PastAnswer]:
        """Every answer the player gave, in rounds and reviews, oldest first."""
        from quiz.store.modes import answer_history

        with self._guard("read the scores"), self._transaction() as conn:
            return answer_history(conn, player)

    def daily_rounds(self, player: str) -> list[RoundRow]:
        """The player's recorded daily rounds, oldest first."""
        from quiz.store.modes import daily_rounds

        with self._guard("read the scores"), self._transaction() as conn:
            return daily_rounds(conn, player)

    def top(self, board: str, limit: int = 10, player: str | None = None) -> list[RoundRow]:
        """The best rounds on a board, best first (with ``player``: that player's only)."""
        with self._guard("read the scores"), self._transaction() as conn:
            if player is None:
                rows = select_rounds(conn, TOP_SQL, (board, limit))
                return [replace(row, rank=rank) for rank, row in enumerate(rows, 1)]
            return select_rounds(conn, TOP_FOR_PLAYER_SQL, (board, player, limit))

    def rank_of(self, round_id: int) -> int:
        """A round's place on its board, 1 for the best."""
        return self._round(round_id).rank or 0

    def personal_best(
        self, player: str, board: str, exclude_round_id: int | None = None
    ) -> RoundRow | None:
        """The player's best round on a board (other than ``exclude_round_id``), if any."""
        with self._guard("read the scores"), self._transaction() as conn:
            found = select_rounds(conn, PERSONAL_BEST_SQL, (player, board, exclude_round_id))
            return found[0] if found else None

    def standing(self, round_id: int, top: int = 5) -> BoardStanding:
        """Where a saved round stands: its rank, its player's previous best, the board's top."""
        row = self._round(round_id)
        return BoardStanding(
            round_id=round_id,
            rank=row.rank or 0,
            previous_best=self.personal_best(row.player, row.board, round_id),
            top=tuple(self.top(row.board, top)),
        )

    def _round(self, round_id: int) -> RoundRow:
        """One saved round with its rank; :class:`StoreError` if there is none."""
        with self._guard("read the scores"), self._transaction() as conn:
            found = select_rounds(conn, ROUND_SQL, (round_id,))
        if not found:
            raise StoreError(f"there is no round {round_id} in {self.path}")
        return found[0]

    def boards(self, pack: str | None = None) -> list[tuple[str, int]]:
        """Every board (or those including ``pack``) with its rounds, most played first."""
        where, params = _filters(None, pack, None)
        sql = (
            f"SELECT board, count(*) AS played FROM rounds WHERE {where}"
            " GROUP BY board ORDER BY played DESC, board"
        )
        with self._guard("read the scores"), self._transaction() as conn:
            return [(str(board), int(n)) for board, n in conn.execute(sql, params)]

    def player_rounds(self, player: str, limit: int = 10) -> list[RoundRow]:
        """A player's rounds across boards, newest first, each with its rank on its board."""
        with self._guard("read the scores"), self._transaction() as conn:
            return select_rounds(conn, PLAYER_ROUNDS_SQL, (player, limit))

    def players(self) -> list[str]:
        """Every player with a recorded round, in name order."""
        with self._guard("read the scores"), self._transaction() as conn:
            return [
                str(row[0])
                for row in conn.execute("SELECT DISTINCT player FROM rounds ORDER BY player")
            ]

    def count_rounds(
        self, player: str | None = None, pack: str | None = None, *, up_to_id: int | None = None
    ) -> int:
        """How many rounds :meth:`reset` with the same arguments would forget."""
        where, params = _filters(player, pack, up_to_id)
        sql = f"SELECT count(*) FROM rounds WHERE {where}"
        with self._guard("read the scores"), self._transaction() as conn:
            return int(conn.execute(sql, params).fetchone()[0])

    def last_round_id(self) -> int:
        """The id of the latest round saved (0 when there is none)."""
        with self._guard("read the scores"), self._transaction() as conn:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM rounds").fetchone()[0])

    def player_stats(self, player: str) -> PlayerStats:
        """How a player is doing: accuracy overall, per pack and tag, misses, recent scores."""
        from quiz.store.stats import player_stats

        with self._guard("read the scores"), self._transaction() as conn:
            return player_stats(conn, player)

    def export_json(self, path: Path, *, force: bool = False) -> int:
        """Write every round with its answers to ``path`` (atomically); how many rounds.

        An existing file is replaced only with ``force`` (a device needs none).
        """
        from quiz.store import transfer

        with self._guard("read the scores"), self._transaction() as conn:
            return transfer.export_file(conn, path, force=force)

    def write_json(self, stream: IO[str]) -> int:
        """Write the export to an open text stream (standard output); how many rounds."""
        from quiz.store import transfer

        with self._guard("read the scores"), self._transaction() as conn:
            return transfer.write_export(conn, stream)

    # -- plumbing ------------------------------------------------------------

    def _writable(self, action: str) -> None:
        if not self.exists:
            raise StoreError(f"cannot {action}: the store was opened without a score file")
        if self.read_only:
            raise StoreError(f"cannot {action}: {self.path} can only be read here")

    @contextlib.contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction: a snapshot for reads, the write lock at once for writes."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            error = sqlite_error(f"could not {action} in {self.path}", exc)
            if is_damage(exc):
                error.hint = f"rename {self.path} to start a new score file"
            raise error from exc


def _present(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except OSError:
        return False


def _filters(
    player: str | None, pack: str | None, up_to_id: int | None
) -> tuple[str, list[object]]:
    clauses: list[str] = ["1"]
    params: list[object] = []
    if player is not None:
        clauses.append("player = ?")
        params.append(player)
    if pack is not None:
        clauses.append(HAS_PACK)
        params.append(storable(pack))
    if up_to_id is not None:
        clauses.append("id <= ?")
        params.append(up_to_id)
    return " AND ".join(clauses), params

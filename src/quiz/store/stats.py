"""How one player is doing, from the rounds and answers on record."""

from __future__ import annotations

import sqlite3
from collections import Counter

from quiz.store.records import Accuracy, MissedQuestion, PlayerStats
from quiz.store.rows import read_list

RECENT_ROUNDS = 20
MOST_MISSED = 5

_PLAYER_ANSWERS = "answers AS a JOIN rounds AS r ON r.id = a.round_id WHERE r.player = ?"
# An old round whose answers were not kept has no skip count: none is assumed.
_TOTALS_SQL = (
    "SELECT count(*), coalesce(sum(correct), 0), coalesce(sum(total), 0), max(score),"
    " coalesce(sum(skipped), 0) FROM rounds WHERE player = ?"
)
_PER_PACK_SQL = (
    f"SELECT a.pack_id, sum(a.correct), count(*), sum(a.skipped) FROM {_PLAYER_ANSWERS}"
    " GROUP BY a.pack_id ORDER BY count(*) DESC, a.pack_id"
)
_PER_TAGS_SQL = (
    f"SELECT a.tags, sum(a.correct), count(*), sum(a.skipped) FROM {_PLAYER_ANSWERS}"
    " GROUP BY a.tags"
)
# A miss is a wrong or late answer; a skip is not one.
_MISSED_SQL = f"""
SELECT a.pack_id, a.question_id, sum(NOT a.correct AND NOT a.skipped) AS missed,
    count(*) AS asked
FROM {_PLAYER_ANSWERS}
GROUP BY a.pack_id, a.question_id
HAVING missed > 0
ORDER BY missed DESC, CAST(missed AS REAL) / asked DESC, a.pack_id, a.question_id
LIMIT ?
"""
_RECENT_SQL = "SELECT score FROM rounds WHERE player = ? ORDER BY finished_at DESC, id DESC LIMIT ?"


def player_stats(conn: sqlite3.Connection, player: str) -> PlayerStats:
    """Everything ``quiz stats`` shows, read inside the caller's (snapshot) transaction."""
    rounds, correct, asked, best, skipped = conn.execute(_TOTALS_SQL, (player,)).fetchone()
    per_pack = tuple(
        Accuracy(str(pack), int(right), int(count), int(skips))
        for pack, right, count, skips in conn.execute(_PER_PACK_SQL, (player,))
    )
    missed = tuple(
        MissedQuestion(str(pack), str(question), int(misses), int(count))
        for pack, question, misses, count in conn.execute(_MISSED_SQL, (player, MOST_MISSED))
    )
    recent = [int(row[0]) for row in conn.execute(_RECENT_SQL, (player, RECENT_ROUNDS))]
    return PlayerStats(
        player=player,
        rounds=int(rounds),
        correct=int(correct),
        asked=int(asked),
        best_score=None if best is None else int(best),
        per_pack=per_pack,
        per_tag=_per_tag(conn, player),
        most_missed=missed,
        recent_scores=tuple(reversed(recent)),
        skipped=int(skipped),
    )


def _per_tag(conn: sqlite3.Connection, player: str) -> tuple[Accuracy, ...]:
    """Tags are a JSON list an answer: group by the list in SQL, split the few lists here."""
    right: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for tags, correct, count, skips in conn.execute(_PER_TAGS_SQL, (player,)):
        for tag in dict.fromkeys(read_list(str(tags))):
            right[tag] += int(correct)
            asked[tag] += int(count)
            skipped[tag] += int(skips)
    order = sorted(asked, key=lambda tag: (-asked[tag], tag))
    return tuple(Accuracy(tag, right[tag], asked[tag], skipped[tag]) for tag in order)

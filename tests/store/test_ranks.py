"""Ranks come with the rounds in one query, and pack membership is read element by element."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.store import db
from quiz.store.db import ScoreStore
from quiz.store.records import RoundRecord, RoundRow

MakeRound = Callable[..., RoundRecord]
BOARD = "la-la-land-first-look/10/timed-20s"
OTHER = "la-la-land-first-look/5/untimed"
PLAYERS = ("Mia", "Seb", "Keith")

# (player, board, score, duration): few scores and durations, so ties are common.
rounds_strategy = st.lists(
    st.tuples(
        st.sampled_from(PLAYERS),
        st.sampled_from((BOARD, OTHER)),
        st.sampled_from((0, 100, 200)),
        st.sampled_from((30.0, 45.5, 60.0)),
    ),
    min_size=1,
    max_size=25,
)


def record(player: str, board: str, score: int, duration: float, minute: int) -> RoundRecord:
    moment = datetime(2025, 3, 1, tzinfo=UTC) + timedelta(minutes=minute)
    return RoundRecord(player, board, ("la",), score, 1, 2, 1, duration, 7, None, moment, ())


def expected_ranks(saved: list[tuple[int, str, str, int, float]]) -> dict[int, int]:
    """Each round's place on its board, worked out in Python: score, then time, then id."""
    ranks: dict[int, int] = {}
    for board in {row[2] for row in saved}:
        on_board = sorted((r for r in saved if r[2] == board), key=lambda r: (-r[3], r[4], r[0]))
        ranks.update({r[0]: place for place, r in enumerate(on_board, 1)})
    return ranks


def ranks_of(rows: list[RoundRow]) -> dict[int, int | None]:
    return {row.id: row.rank for row in rows}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds_strategy)
def test_every_query_ranks_as_the_board_orders(
    tmp_path_factory: pytest.TempPathFactory, rounds: list[tuple[str, str, int, float]]
) -> None:
    home = tmp_path_factory.mktemp("home")
    saved = []
    with ScoreStore.open(home) as store:
        for minute, (player, board, score, duration) in enumerate(rounds):
            round_id = store.save_round(record(player, board, score, duration, minute))
            saved.append((round_id, player, board, score, duration))
        want = expected_ranks(saved)
        for round_id in want:
            assert store.rank_of(round_id) == want[round_id]
            assert store.standing(round_id).rank == want[round_id]
        for player in PLAYERS:
            for row in store.player_rounds(player, limit=50):
                assert row.rank == want[row.id]
            for board in (BOARD, OTHER):
                for row in store.top(board, 50, player=player) + store.top(board, 50):
                    assert row.rank == want[row.id]
                best = store.personal_best(player, board)
                assert best is None or best.rank == want[best.id]


def test_a_missing_round_has_no_rank(store: ScoreStore) -> None:
    with pytest.raises(db.StoreError, match="there is no round 7"):
        store.rank_of(7)


def plan(store: ScoreStore, sql: str, *params: object) -> str:
    rows = store._conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(str(row[3]) for row in rows)


def test_the_rank_counts_walk_the_rank_index(store: ScoreStore) -> None:
    found = plan(store, db.TOP_FOR_PLAYER_SQL, BOARD, "Mia", 10)
    assert found.count("USING COVERING INDEX rounds_by_rank") == 3
    assert "SCAN" not in found


# -- pack membership -------------------------------------------------------------


@pytest.mark.parametrize(
    ("packs", "asked", "found"),
    [
        (("la-la",), "la-la", True),
        (("la-la",), "la", False),  # a prefix is not the pack
        (("la", "la-la"), "la-la", True),
        (("whiplash", "la"), "la", True),  # not the first of the list
        (('quote"d', "comma,ed"), 'quote"d', True),
        (('quote"d', "comma,ed"), "comma,ed", True),
        (('quote"d', "comma,ed"), "comma", False),
        (("a,b",), "a", False),  # a comma inside an id does not split it
        (("Zoë",), "Zoë", True),
        (("Zoë",), "zoë", False),
    ],
)  # fmt: skip
def test_rounds_with_a_pack(
    store: ScoreStore, make_round: MakeRound, packs: tuple[str, ...], asked: str, found: bool
) -> None:
    store.save_round(make_round(pack_ids=packs))
    store.save_round(make_round(pack_ids=("other",), minute=1))
    assert store.count_rounds(pack=asked) == int(found)
    assert [key for key, _ in store.boards(asked)] == ([BOARD] if found else [])


def test_a_damaged_pack_list_holds_no_pack(
    store: ScoreStore, make_round: MakeRound, quiz_home: Path
) -> None:
    store.save_round(make_round(pack_ids=("la",)))
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.execute("""UPDATE rounds SET packs = '["la", '""")
    conn.commit()
    conn.close()
    assert store.count_rounds(pack="la") == 0
    assert store.reset(pack="la") == 0
    assert store.count_rounds() == 1

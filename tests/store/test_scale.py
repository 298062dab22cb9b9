"""A score file with 100,000 rounds: ``quiz scores`` still reads only what it shows."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.board import default_board_key
from quiz.store.db import TOP_SQL, ScoreStore

DEFAULT_BOARD = default_board_key()

ROUNDS = 100_000
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def fill(home: Path) -> list[tuple[str, int, float]]:
    """ROUNDS rounds on the default board in one transaction; (player, score, duration) each."""
    ScoreStore.open().close()
    rows = [
        (
            f"p{n}",
            DEFAULT_BOARD,
            '["la-la-land-first-look"]',
            (n * 7919) % 50_000,  # many ties on score, broken by time, then by id
            5,
            10,
            3,
            float(n % 97),
            n,
            20.0,
            (T0 + timedelta(seconds=n)).isoformat(timespec="microseconds"),
        )
        for n in range(ROUNDS)
    ]
    conn = sqlite3.connect(home / "scores.db")
    with conn:
        conn.executemany(
            "INSERT INTO rounds (player, board, packs, score, correct, total, best_streak,"
            " duration_s, seed, time_limit, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()
    return [(row[0], row[3], row[7]) for row in rows]


@pytest.mark.slow
def test_a_hundred_thousand_rounds(quiz_home: Path) -> None:
    rounds = fill(quiz_home)
    order = sorted(range(ROUNDS), key=lambda n: (-rounds[n][1], rounds[n][2], n))
    expected = [rounds[n][0] for n in order[:10]]

    conn = sqlite3.connect(quiz_home / "scores.db")
    plan = " | ".join(
        str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {TOP_SQL}", (DEFAULT_BOARD, 10))
    )
    conn.close()
    assert "USING INDEX rounds_by_rank (board=?)" in plan
    assert "SCAN" not in plan
    assert "TEMP B-TREE" not in plan

    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["scores", "--json"]).stdout)
    assert [row["player"] for row in data] == expected
    assert [row["rank"] for row in data] == list(range(1, 11))
    table = runner.invoke(app, ["scores"]).stdout
    players = [line.split("│")[2].strip() for line in table.splitlines() if line.startswith("│")]
    assert players == expected
    with ScoreStore.open(create=False) as store:
        assert store.rank_of(order[500] + 1) == 501

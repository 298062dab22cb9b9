"""The high-score tables stay readable from 40 to 220 columns."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samples import recording_console

from quiz.store.records import RoundRow
from quiz.term.scores import board_table, player_table

ROWS = [
    RoundRow(
        id=i,
        player=name,
        board="la-la-land-first-look/10/timed-20s",
        packs=("la-la-land-first-look",),
        score=score,
        correct=7,
        total=10,
        best_streak=4,
        duration=91.7,
        finished_at=datetime(2026, 11, 30, 0, 28, tzinfo=UTC),
        rank=i,
        answered=9,
        skipped=1,
    )
    for i, (name, score) in enumerate([("Annabelle", 1840), ("Bob", 1320)], 1)
]


def rendered(table: object, width: int) -> str:
    console = recording_console(width, color_system=None)
    console.print(table)
    return console.export_text()


@pytest.mark.parametrize("width", [40, 60, 79, 80, 100, 220])
def test_board_table_keeps_names_and_scores_whole(width: int) -> None:
    text = rendered(board_table(ROWS, title="t", key="k", width=width), width)
    for cell in ("Annabelle", "1840", "Bob", "1320", "7/9", "1 min 32 s"):
        assert cell in text
    assert "…" not in text
    assert ("2026-11-30" in text) is (width >= 80)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", [40, 100])
def test_player_table_keeps_its_board_keys_whole(width: int) -> None:
    text = rendered(player_table(ROWS, title="Latest rounds of Annabelle", width=width), width)
    assert "…" not in text
    assert "1840" in text
    assert ("1 min 32 s" in text) is (width >= 80)
    assert max(len(line) for line in text.splitlines()) <= width

"""The edges of board keys: the longest count, short time limits, loose parsing."""

from __future__ import annotations

import pytest

from quiz.game.board import Board, board_key, parse_board_key


@pytest.mark.parametrize(
    ("key", "readable"),
    [
        ("p/123456789/untimed", True),
        ("p/1234567890/untimed", False),
        ("p/5/timed-0.5s", True),
        ("p/5/timed-5", False),
        ("p/5/5s", False),
        ("p/5/timed-0s", False),
    ],
)
def test_which_keys_are_boards(key: str, readable: bool) -> None:
    assert (parse_board_key(key) is not None) is readable


def test_a_short_time_limit_is_timed() -> None:
    assert board_key(["p"], 5, 0.5) == "p/5/timed-0.5s"
    board = parse_board_key("p/5/timed-0.5s")
    assert board is not None
    assert board.time_limit == 0.5


def test_a_filter_value_may_hold_an_equals_sign() -> None:
    board = parse_board_key("p/5/untimed/tag=a=b")
    assert board is not None
    assert board.tags == ("a=b",)


def test_a_board_needs_a_pack() -> None:
    with pytest.raises(ValueError, match=r"^a board needs at least one pack$"):
        Board.of([], 5, None)

"""The rules of the end-of-round messages: practice, new high score, personal best."""

from __future__ import annotations

import pytest

from quiz.game.standing import (
    PIPED_PRACTICE,
    PRACTICE,
    Tone,
    is_new_high_score,
    practice_reason,
    standing_lines,
)


@pytest.mark.parametrize(
    ("practice", "piped", "name_given", "reason"),
    [
        (False, False, False, None),  # at a terminal the name is asked
        (False, False, True, None),
        (False, True, True, None),  # piped with --name: recorded
        (False, True, False, PIPED_PRACTICE),  # piped, nobody typed a name
        (True, False, True, PRACTICE),
        (True, True, False, PRACTICE),
    ],
)
def test_practice_reason(practice: bool, piped: bool, name_given: bool, reason: str | None) -> None:
    assert practice_reason(practice=practice, piped=piped, name_given=name_given) == reason


@pytest.mark.parametrize(
    ("score", "rank", "new"),
    [(0, 1, False), (1, 1, True), (500, 1, True), (500, 2, False), (0, 3, False)],
)
def test_a_new_high_score_needs_points_and_the_top_place(score: int, rank: int, new: bool) -> None:
    assert is_new_high_score(score, rank) is new


@pytest.mark.parametrize(
    ("score", "rank", "best", "in_top", "expected"),
    [
        (
            300,
            1,
            None,
            True,
            [
                ("★ New high score on this board!", Tone.GOOD),
                ("Your first round on this board.", Tone.DIM),
            ],
        ),
        (0, 1, None, True, [("Your first round on this board.", Tone.DIM)]),
        (
            200,
            2,
            250,
            True,
            [("Your previous best here: 250 (-50; your best stands).", Tone.PLAIN)],
        ),
        (
            300,
            7,
            250,
            False,
            [
                ("Your previous best here: 250 (+50; a new personal best).", Tone.PLAIN),
                ("This round ranks #7 on this board.", Tone.DIM),
            ],
        ),
        (250, 4, 250, True, [("Your previous best here: 250 (+0; your best stands).", Tone.PLAIN)]),
    ],
)
def test_standing_lines(
    score: int, rank: int, best: int | None, in_top: bool, expected: list[tuple[str, Tone]]
) -> None:
    lines = standing_lines(score, rank, best, in_top=in_top)
    assert [(line.text, line.tone) for line in lines] == expected

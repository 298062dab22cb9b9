"""One time format everywhere: answers, rounds and the score tables."""

from __future__ import annotations

import pytest

from quiz.term.timefmt import format_limit, format_seconds


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0.0 s"),
        (8.64, "8.6 s"),
        (42.25, "42.2 s"),
        (59.94, "59.9 s"),
        (59.96, "1 min"),
        (60, "1 min"),
        (65, "1 min 5 s"),
        (91.7, "1 min 32 s"),
        (3600, "60 min"),
        (-1, "0.0 s"),
        (float("nan"), "0.0 s"),
    ],
)
def test_format_seconds(seconds: float, shown: str) -> None:
    assert format_seconds(seconds) == shown


@pytest.mark.parametrize(
    ("limit", "shown"), [(20, "20 s"), (7.5, "7.5 s"), (90, "1 min 30 s"), (120, "2 min")]
)
def test_format_limit(limit: float, shown: str) -> None:
    assert format_limit(limit) == shown


def test_session_results_and_score_tables_share_the_one_helper() -> None:
    from quiz.term import results, scores

    assert results.format_seconds is format_seconds
    assert scores.format_seconds is format_seconds

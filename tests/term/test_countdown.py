"""The countdown, driven by a clock the test moves by hand."""

from __future__ import annotations

import pytest

from quiz.term.countdown import Countdown, Level


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("limit", "elapsed", "shown", "level", "expired"),
    [
        (20, 0.0, 20, Level.CALM, False),
        (20, 0.4, 20, Level.CALM, False),
        (20, 9.5, 11, Level.CALM, False),
        (20, 10.0, 10, Level.LOW, False),
        (20, 14.5, 6, Level.LOW, False),
        (20, 15.0, 5, Level.URGENT, False),
        (20, 19.9, 1, Level.URGENT, False),
        (20, 20.0, 0, Level.URGENT, True),
        (20, 25.0, 0, Level.URGENT, True),
        (2, 0.0, 2, Level.URGENT, False),
        (7.5, 0.0, 8, Level.LOW, False),
    ],
)
def test_seconds_shown_level_and_expiry(
    limit: float, elapsed: float, shown: int, level: Level, expired: bool
) -> None:
    clock = FakeClock()
    countdown = Countdown(limit, clock)
    clock.now += elapsed
    assert countdown.seconds_left() == shown
    assert countdown.level() is level
    assert countdown.expired() is expired
    assert countdown.left() == pytest.approx(max(0.0, limit - elapsed))


def test_announcements_come_once_each_at_10_and_5() -> None:
    clock = FakeClock()
    countdown = Countdown(20, clock)
    said = []
    for _ in range(200):  # a tenth of a second at a time, to the end
        said += countdown.due_announcements()
        clock.now += 0.1
    assert said == [10, 5]


@pytest.mark.parametrize(("limit", "expected"), [(10, [5]), (8, [5]), (5, []), (3, [])])
def test_a_short_limit_does_not_start_with_an_announcement(
    limit: float, expected: list[int]
) -> None:
    clock = FakeClock()
    countdown = Countdown(limit, clock)
    said = []
    while not countdown.expired():
        said += countdown.due_announcements()
        clock.now += 0.25
    assert said == expected


def test_after_a_long_pause_only_the_latest_mark_is_said() -> None:
    clock = FakeClock()
    countdown = Countdown(30, clock)
    clock.now += 27
    assert countdown.due_announcements() == [5]
    assert countdown.due_announcements() == []


@pytest.mark.parametrize(
    ("elapsed", "wait"), [(0.0, 1.0), (0.3, 0.7), (19.75, 0.25), (20.0, 0.01), (30.0, 0.01)]
)
def test_the_prompt_wakes_when_the_number_changes(elapsed: float, wait: float) -> None:
    clock = FakeClock()
    countdown = Countdown(20, clock)
    clock.now += elapsed
    assert countdown.until_next_change() == pytest.approx(wait)


def test_texts_keep_their_width() -> None:
    clock = FakeClock()
    countdown = Countdown(20, clock)
    assert countdown.text() == "20 seconds left"
    assert countdown.short_text() == "20 s left"
    clock.now += 19.5
    assert countdown.text() == "1 second left"
    assert countdown.short_text() == " 1 s left"

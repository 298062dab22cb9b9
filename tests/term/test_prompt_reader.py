"""The prompt_toolkit reader, driven by keys from a pipe and a clock the test moves.

The reader looks at the clock a few times a second (every millisecond here);
each look moves the fake clock on by half a second, so a 12-second question
runs out after about 24 looks, without the test waiting for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from quiz.game.grade import MAX_ANSWER_LENGTH
from quiz.term.countdown import Countdown
from quiz.term.prompt import PromptReader
from quiz.term.reader import Ask, TimeUp


class SteppingClock:
    """Each reading is ``step`` seconds after the last."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def reader(keys: PipeInput, *, plain: bool = False, said: list[str] | None = None) -> PromptReader:
    say = said.append if said is not None else None
    return PromptReader(plain=plain, input=keys, output=DummyOutput(), tick=0.001, say=say)


def test_an_answer_typed_in_time_is_returned(keys: PipeInput) -> None:
    keys.send_text("a waltz\r")
    assert reader(keys).read(Ask("A-D", Countdown(20, SteppingClock(0.0)))) == "a waltz"


def test_the_question_ends_by_itself_at_0(keys: PipeInput) -> None:
    clock = SteppingClock(0.5)
    countdown = Countdown(12, clock)
    with pytest.raises(TimeUp):
        reader(keys).read(Ask("A-D", countdown))
    assert countdown.expired()


def test_half_typed_text_does_not_stop_the_time_out(keys: PipeInput) -> None:
    keys.send_text("half an ans")
    with pytest.raises(TimeUp):
        reader(keys).read(Ask("", Countdown(3, SteppingClock(0.5))))


def test_plain_announces_10_and_5_seconds(keys: PipeInput) -> None:
    said: list[str] = []
    with pytest.raises(TimeUp):
        reader(keys, plain=True, said=said).read(Ask("", Countdown(12, SteppingClock(0.5))))
    assert said == ["10 seconds left", "5 seconds left"]


def test_without_plain_nothing_is_announced(keys: PipeInput) -> None:
    said: list[str] = []
    with pytest.raises(TimeUp):
        reader(keys, said=said).read(Ask("", Countdown(12, SteppingClock(0.5))))
    assert said == []


def test_untimed_questions_wait_for_enter(keys: PipeInput) -> None:
    keys.send_text("thirty\r")
    assert reader(keys).read(Ask("a number")) == "thirty"


def test_no_history_is_carried_to_the_next_question(keys: PipeInput) -> None:
    read = reader(keys)
    keys.send_text("first answer\r")
    assert read.read(Ask()) == "first answer"
    keys.send_text("\x1b[A\r")  # Up, then Enter
    assert read.read(Ask()) == ""


def test_ctrl_u_clears_only_the_answer(keys: PipeInput) -> None:
    keys.send_text("wrong guess\x15right\r")
    assert reader(keys).read(Ask()) == "right"


def test_ctrl_c_and_ctrl_d(keys: PipeInput) -> None:
    keys.send_text("abc\x03")
    with pytest.raises(KeyboardInterrupt):
        reader(keys).read(Ask())
    keys.send_text("\x04")
    with pytest.raises(EOFError):
        reader(keys).read(Ask())


def test_a_long_answer_is_cut(keys: PipeInput) -> None:
    keys.send_text("x" * (MAX_ANSWER_LENGTH + 100) + "\r")
    assert reader(keys).read(Ask()) == "x" * MAX_ANSWER_LENGTH

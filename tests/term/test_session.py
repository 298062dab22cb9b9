"""The session, driven by scripted answers and a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from samples import AGE, DANCE, LONG, MUSICIAN, PARK, recording_console, sample_round

from quiz.game.round import Round
from quiz.term.countdown import Countdown
from quiz.term.reader import Ask, TimeUp
from quiz.term.results import summary_table
from quiz.term.session import InputEnded, RoundInterrupted, Session

if TYPE_CHECKING:
    from rich.console import Console

Step = str | Callable[[Ask], str]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class ScriptedReader:
    """Answers from a list; a callable entry is called with the Ask (to move the clock)."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)
        self.asks: list[Ask] = []

    def read(self, ask: Ask) -> str:
        self.asks.append(ask)
        step = self.steps.pop(0)
        return step(ask) if callable(step) else step


def run_out(ask: Ask) -> str:
    """What the prompt does when the countdown reaches 0."""
    assert ask.countdown is not None
    ask.countdown.clock.now += ask.countdown.limit  # type: ignore[attr-defined]
    assert ask.countdown.expired()
    raise TimeUp


def session(game: Round, steps: list[Step], width: int = 80) -> tuple[Session, Console]:
    console = recording_console(width, color_system=None)
    return Session(game, console, ScriptedReader(steps), "Sample", clock=Clock()), console


def test_a_question_that_runs_out_scores_nothing_and_says_so() -> None:
    game = sample_round(DANCE)
    play, console = session(game, [run_out])
    result = play.ask()
    assert (result.late, result.correct, result.points.total, result.given) == (True, False, 0, "")
    assert result.elapsed > 20
    shown = console.export_text()
    assert "⏱ Time's up: no points." in shown
    assert "The answer: A waltz" in shown


def test_the_countdown_reaches_the_reader_and_follows_the_clock() -> None:
    game = sample_round(DANCE, time_limit=15)
    reader = ScriptedReader(["A"])
    clock = Clock()
    Session(game, recording_console(), reader, "t", clock=clock).ask()
    countdown = reader.asks[0].countdown
    assert isinstance(countdown, Countdown)
    clock.now += 6
    assert countdown.seconds_left() == 9


def test_untimed_rounds_have_no_countdown() -> None:
    reader = ScriptedReader(["A"])
    Session(sample_round(DANCE, time_limit=None), recording_console(), reader, "t").ask()
    assert reader.asks[0].countdown is None


def test_a_late_answer_is_late() -> None:
    def slow(ask: Ask) -> str:
        ask.countdown.clock.now += 25  # type: ignore[union-attr]
        return "A"

    result = session(sample_round(DANCE), [slow])[0].ask()
    assert result.late
    assert result.points.total == 0


def test_the_hint_lists_the_answers_on_screen_and_the_lifelines_left() -> None:
    game = sample_round(DANCE, PARK, MUSICIAN, AGE)
    play, console = session(game, ["50", "Q", "C", "?", "skip", "t", "30"])
    for _ in range(4):
        play.ask()
    hints = [ask.hint for ask in play.reader.asks]  # type: ignore[attr-defined]
    left = hints[1].split(", or")[0]  # after 50:50: C and one wrong option, by their letters
    assert left in {"A or C", "B or C", "C or D"}
    assert hints == [
        "A-D, or 50, skip",
        f"{left}, or skip",
        f"{left}, or skip",
        "or skip, ?",
        "or skip, ?",
        "true or false",
        "a number",
    ]
    assert f"Type {left}, or the option's text." in console.export_text()


def test_a_letter_removed_by_fifty_fifty_is_refused_with_the_letters_left() -> None:
    game = sample_round(DANCE)
    shown = game.asked[0].options
    game_copy = sample_round(DANCE)
    left = game_copy.use_fifty_fifty()
    removed = next("ABCD"[i] for i, o in enumerate(shown) if o not in left)
    right = "ABCD"[shown.index("A waltz")]
    play, console = session(game, ["50", removed, right])
    assert play.ask().correct
    text = console.export_text()
    assert f"{removed} was removed by 50:50; type " in text


@pytest.mark.parametrize(
    ("questions", "banner"),
    [
        ((DANCE, AGE), "Lifelines, once each: type 50 for 50:50 or skip to pass."),
        ((AGE, MUSICIAN), "Lifelines, once each: skip to pass."),
        ((PARK, AGE), "Lifelines, once each: skip to pass.\nType ? for a hint."),
    ],
)
def test_the_banner_offers_only_what_the_round_has(questions: tuple, banner: str) -> None:  # type: ignore[type-arg]
    play, console = session(sample_round(*questions), [])
    play.intro()
    text = console.export_text()
    assert banner in text
    if "hint" not in banner:
        assert "hint" not in text


def test_ctrl_c_and_ctrl_d_abandon_the_round() -> None:
    def interrupt(ask: Ask) -> str:
        raise KeyboardInterrupt

    def end(ask: Ask) -> str:
        raise EOFError

    with pytest.raises(RoundInterrupted, match=r"^Interrupted at question 1 of 1"):
        session(sample_round(DANCE), [interrupt])[0].play()
    with pytest.raises(InputEnded, match=r"^Input ended at question 1 of 1"):
        session(sample_round(DANCE), [end])[0].play()


def test_no_color_end_screen_shows_four_different_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Right, wrong, late and skipped rows read apart with no colour at all."""
    monkeypatch.setenv("NO_COLOR", "1")
    game = sample_round(DANCE, MUSICIAN, AGE, PARK)
    right = "ABCD"[game.asked[0].options.index("A waltz")]
    play, _ = session(game, [right, "f", run_out, "skip"])
    play.play()
    console = recording_console(80, force_terminal=True)
    assert console.no_color
    console.print(summary_table(game, 80))
    styled = console.file.getvalue()  # type: ignore[attr-defined]  # what a terminal gets
    text = console.export_text()
    rows = [line for line in text.splitlines() if line[:3].strip().isdigit()]
    marks = [row.split()[1] for row in rows]
    assert marks == ["✔", "✘", "⏱", "↷"]
    assert "\x1b[3" not in styled  # no foreground colour
    assert "\x1b[9" not in styled
    assert "✔ right  ✘ wrong  ⏱ late or time's up  ↷ skipped" in text


def test_long_options_wrap_under_their_own_text_at_40_columns() -> None:
    play, console = session(sample_round(LONG), ["A"], width=40)
    play.ask()
    lines = console.export_text().splitlines()
    first = next(i for i, line in enumerate(lines) if "  A  " in line)
    assert lines[first + 1].startswith("│      ")  # the wrapped line keeps the indent

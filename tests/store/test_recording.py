"""A finished round turned into its record, saved, and ranked on its board."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quiz.game.round import Round
from quiz.game.select import select_questions
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType
from quiz.store.recording import record_round, save_and_rank

BOARD = "la-la-land-first-look/3/timed-20s"


def finished(*, piped: bool = False, lives: int | None = None) -> Round:
    asked = select_questions([builtin_pack()], count=3, seed=6, types=[QuestionType.CHOICE])
    game = Round(asked, 20, seed=6, piped=piped, lives=lives)
    game.answer(asked[0].question.answer_text, 2.0)
    game.skip(1.0)
    game.answer("no such option", 30.0)  # a time-out
    return game


def test_the_record_of_a_round_says_how_it_was_played() -> None:
    when = datetime(2025, 5, 1, tzinfo=UTC)
    record = record_round(
        finished(piped=True), player="Ann", board=BOARD, duration=33.33333, finished_at=when
    )
    assert (record.input, record.mode) == ("piped", "solo")
    assert (record.correct, record.total, record.answered, record.skipped) == (1, 3, 2, 1)
    assert record.duration == 33.333
    assert record.finished_at == when
    assert [a.skipped for a in record.answers] == [False, True, False]
    assert [a.late for a in record.answers] == [False, False, True]
    assert record.pack_ids == ("la-la-land-first-look",)


def test_a_survival_round_is_recorded_as_survival() -> None:
    record = record_round(finished(lives=3), player="Ann", board=BOARD, duration=1.0)
    assert (record.input, record.mode) == ("terminal", "survival")
    assert record_round(finished(), player="A", board=BOARD, duration=1, mode="daily").mode == (
        "daily"
    )


def test_save_and_rank(quiz_home: Path) -> None:
    record = record_round(finished(), player="Ann", board=BOARD, duration=10.0)
    first = save_and_rank(record)
    assert first.warnings == ()
    assert first.standing is not None
    assert (first.standing.rank, first.standing.previous_best, first.standing.in_top) == (
        1,
        None,
        True,
    )
    second = save_and_rank(record)
    assert second.standing is not None
    assert second.standing.previous_best is not None
    assert second.standing.previous_best.id == first.round_id
    assert second.standing.rank == 2  # the same score, later


def test_a_score_file_that_cannot_be_opened_costs_the_score_not_the_round(
    quiz_home: Path,
) -> None:
    quiz_home.parent.mkdir(parents=True, exist_ok=True)
    quiz_home.write_text("a file where the data folder should be")
    record = record_round(finished(), player="Ann", board=BOARD, duration=10.0)
    saved = save_and_rank(record)
    assert (saved.round_id, saved.standing) == (None, None)
    assert len(saved.warnings) == 1
    assert saved.warnings[0].startswith("your score was not saved: ")

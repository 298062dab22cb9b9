"""Scores move between data folders without loss, and nothing imported breaks quiz.

- every round quiz can record survives ``export`` then ``import`` into an empty
  data folder unchanged (a property over sequences of rounds), a 400-digit seed too;
- a time limit quiz cannot record (``inf``, ``nan``) is bad usage, on the command
  line and in a pack;
- an import checks the range of every field: an impossible round is left out with a
  note, text over its limit is cut with a note, and ``stats`` works afterwards;
- the import works in short transactions, so a round finishing meanwhile saves; a
  round that still cannot save (the file stays locked) is kept in ``pending/`` and
  saved next time; the duplicate check costs the same however many rounds one
  player has (SQLite's own count of its work shows it).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.store import connect
from quiz.store.db import ScoreStore
from quiz.store.importfile import read_export
from quiz.store.records import AnswerRecord, RoundRecord
from quiz.store.transfer import insert_new

runner = CliRunner()
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

# -- every recorded value survives export and import ----------------------------------------

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
_name = _text.map(lambda s: " ".join(s.split())[:40].rstrip()).filter(
    lambda s: any(c.isprintable() and not c.isspace() for c in s)
)
_seconds = st.floats(min_value=0, max_value=3600, allow_nan=False)
_answer = st.builds(
    AnswerRecord,
    pack_id=_text.filter(str.strip),
    question_id=_text.filter(str.strip),
    given=_text,
    correct=st.booleans(),
    skipped=st.just(False),
    late=st.booleans(),
    elapsed=_seconds,
    points=st.integers(0, 450),
    tags=st.lists(_text, max_size=3).map(tuple),
)


@st.composite
def recorded_round(draw: st.DrawFn) -> RoundRecord:
    answers = tuple(draw(st.lists(_answer, max_size=4)))
    correct = sum(a.correct for a in answers)
    return RoundRecord(
        player=draw(_name),
        board=draw(_text.filter(str.strip)),
        pack_ids=tuple(draw(st.lists(_text, min_size=1, max_size=3))),
        score=draw(st.integers(0, 450 * 4)),
        correct=correct,
        total=len(answers),
        best_streak=draw(st.integers(0, correct)),
        duration=draw(_seconds),
        seed=draw(st.integers(0, 10**400)),
        time_limit=draw(st.none() | st.floats(min_value=0.001, max_value=3600)),
        finished_at=T0 + timedelta(microseconds=draw(st.integers(0, 10**15))),
        answers=answers,
        input=draw(st.sampled_from(["terminal", "piped"])),
        mode=draw(st.sampled_from(["solo", "survival", "daily"])),
        answered=draw(st.none() | st.integers(0, len(answers))),
        skipped=draw(st.none() | st.integers(0, len(answers))),
    )


def make_round(*, player: str = "Mia", minute: int = 0, seed: int = 7) -> RoundRecord:
    """A round of one right answer; every round of a player has the same score and board."""
    answer = AnswerRecord("p", "q", "a", True, False, False, 1.5, 300, ("t",))
    return RoundRecord(
        player, "p/1/untimed", ("p",), 300, 1, 1, 1, 9.5, seed, None,
        T0 + timedelta(minutes=minute), (answer,),
    )  # fmt: skip


def round_trip(records: list[RoundRecord], tmp_path: Path) -> list[dict[str, Any]]:
    """Save ``records``, export, import into an empty folder, export again: both exports."""
    first, second = tmp_path / "a", tmp_path / "b"
    with ScoreStore.open(first) as store:
        for record in records:
            store.save_round(record)
        store.export_json(first / "out.json", force=True)
    found = read_export(first / "out.json")
    assert found.notes == []
    with ScoreStore.open(second) as store:
        assert store.import_records(found.rounds) == (len(records), 0)
        store.export_json(second / "out.json", force=True)
    return [json.loads((f / "out.json").read_text())["rounds"] for f in (first, second)]


def _key(record: RoundRecord) -> tuple[object, ...]:
    return (record.player, record.finished_at, record.board, record.score)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(recorded_round(), max_size=4, unique_by=_key))
def test_every_recorded_round_survives_export_then_import(
    tmp_path_factory: pytest.TempPathFactory, records: list[RoundRecord]
) -> None:
    before, after = round_trip(records, tmp_path_factory.mktemp("trip"))
    assert after == before
    assert len(after) == len(records)


def test_a_400_digit_seed_survives(tmp_path: Path) -> None:
    before, after = round_trip([make_round(seed=10**400 - 1)], tmp_path)
    assert after == before
    assert after[0]["seed"] == 10**400 - 1


@pytest.mark.parametrize("value", ["inf", "Infinity", "nan", "3601", "-1"])
def test_a_time_limit_quiz_cannot_record_is_bad_usage(value: str) -> None:
    result = runner.invoke(app, ["play", "-n", "1", "--time-limit", value], input="a\n")
    assert result.exit_code == 2
    assert "--time-limit" in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".inf", "pack.defaults.time_limit: must be a number (got '.inf')"),
        ("3601", "pack.defaults.time_limit: must be at most 3600 seconds"),
    ],
)
def test_a_pack_default_time_limit_quiz_cannot_record_is_refused(
    tmp_path: Path, value: str, message: str
) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        f"format: 1\npack:\n  id: p\n  title: P\n  defaults: {{time_limit: {value}}}\n"
        "questions:\n  - {id: q, type: text, prompt: P, answer: A}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["packs", "validate", str(pack)])
    assert result.exit_code == 1
    assert message in result.stdout


# -- impossible values are refused or clamped, each with a note -----------------------------


def export_of(rounds: list[dict[str, Any]], path: Path) -> Path:
    path.write_text(json.dumps({"format": "quiz-scores", "version": 1, "rounds": rounds}))
    return path


def good_round(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "player": "Mia",
        "board": "la-la-land-first-look/1/untimed",
        "packs": ["la-la-land-first-look"],
        "score": 100,
        "correct": 1,
        "total": 1,
        "best_streak": 1,
        "duration_s": 5.0,
        "seed": 1,
        "time_limit": None,
        "finished_at": "2025-01-01T00:00:00+00:00",
        "answers": [
            {
                "pack_id": "la-la-land-first-look",
                "question_id": "director",
                "given": "a",
                "correct": True,
                "skipped": False,
                "late": False,
                "elapsed_s": 1.0,
                "points": 100,
                "tags": [],
            }
        ],
    }
    item.update(changes)
    return item


REFUSED = [
    ({"correct": 5}, "correct is 5: more than total"),
    ({"best_streak": 2}, "best_streak is 2: more than correct"),
    ({"score": 2**62}, "score is 4611686018427387904: expected 0 to"),
    ({"score": -1}, "score is -1: expected 0 to"),
    ({"total": 10**9, "correct": 0, "best_streak": 0}, "total is 1000000000: expected 0 to"),
    ({"duration_s": 1e300}, "duration_s is 1e+300: expected 0 to"),
    ({"time_limit": 1e300}, "time_limit is 1e+300: expected 0 to"),
    ({"finished_at": "0001-01-01T00:00:00+14:00"}, "finished_at: expected a date"),
    ({"finished_at": "9999-12-31T23:59:59-14:00"}, "finished_at: expected a date"),
    ({"finished_at": "1900-01-01T00:00:00+00:00"}, "finished_at is outside 1970 to 8999"),
    ({"finished_at": "9998-01-01T00:00:00+00:00"}, "finished_at is outside 1970 to 8999"),
    ({"seed": -1}, "seed: expected a whole number of 0 or more"),
]


@pytest.mark.parametrize(("change", "message"), REFUSED, ids=[m for _, m in REFUSED])
def test_an_impossible_round_is_left_out_with_a_note(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = export_of([good_round(), good_round(**change)], tmp_path / "in.json")
    result = runner.invoke(app, ["scores", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "warning: rounds[1]" in result.stderr
    assert message in result.stderr
    assert "the round was left out" in result.stderr
    assert "Imported 1 round (0 already recorded, 1 left out)." in result.stdout
    stats = runner.invoke(app, ["stats", "--player", "Mia", "--json"])
    assert stats.exit_code == 0
    assert json.loads(stats.stdout)["accuracy"] <= 1


CLAMPED = [
    ({"player": "M" * 100}, "rounds[0]: player cut to its first 40 characters"),
    ({"board": "b" * 3000}, "rounds[0]: board cut to its first 2,000 characters"),
    ({"packs": ["p"] * 150}, "rounds[0]: packs: kept the first 100 of 150"),
]


@pytest.mark.parametrize(("change", "message"), CLAMPED, ids=[m for _, m in CLAMPED])
def test_text_over_its_limit_is_cut_with_a_note(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = export_of([good_round(**change)], tmp_path / "in.json")
    result = runner.invoke(app, ["scores", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert f"warning: {message}" in result.stderr
    assert "Imported 1 round (0 already recorded)." in result.stdout


def test_an_export_can_come_from_standard_input(tmp_path: Path) -> None:
    text = export_of([good_round()], tmp_path / "in.json").read_text()
    result = runner.invoke(app, ["scores", "import", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert "Imported 1 round" in result.stdout


# -- a round finishing during an import still saves -----------------------------------------


def many_rounds(count: int, player: str = "Keen") -> list[RoundRecord]:
    return [make_round(player=player, minute=n) for n in range(count)]


def test_the_duplicate_check_costs_the_same_however_many_rounds_a_player_has(
    tmp_path: Path,
) -> None:
    """SQLite's count of virtual-machine steps per imported round stays flat (it grew
    with the rounds already there when the check scanned one player's rounds of a score)."""

    def steps_per_round(already: int) -> float:
        with ScoreStore.open(tmp_path / f"home-{already}") as store:
            store.import_records(many_rounds(already))
        conn = sqlite3.connect(tmp_path / f"home-{already}" / "scores.db")
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        conn.set_progress_handler(count, 1)
        extra = [make_round(player="Keen", minute=10**6 + n) for n in range(50)]
        insert_new(conn, extra, 0, float("inf"))
        conn.close()
        return steps[0] / 50

    few, more = steps_per_round(200), steps_per_round(2000)
    assert more < few * 1.5


def test_a_round_finishing_during_a_long_import_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import takes seconds; the round waits at most 1 s for the file: it saves only
    # because the import lets go of the file between short transactions.
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_S", 1.0)
    with ScoreStore.open(tmp_path) as store:
        store.save_round(many_rounds(1, player="First")[0])  # the file exists, in WAL
    started, outcome = threading.Event(), []

    def importing() -> None:
        with ScoreStore.open(tmp_path) as importer:
            outcome.append(importer.import_records(many_rounds(15_000), progress=_set(started)))

    worker = threading.Thread(target=importing)
    worker.start()
    started.wait(timeout=60)
    with ScoreStore.open(tmp_path) as other:
        other.save_round(many_rounds(1, player="Meanwhile")[0])
        still_importing = worker.is_alive()
    worker.join()
    assert outcome == [(15_000, 0)]
    assert still_importing  # the round really did finish during the import
    with ScoreStore.open(tmp_path) as store:
        assert store.count_rounds() == 15_002


def _set(event: threading.Event) -> Any:
    return lambda done, total: event.set()


def test_a_round_that_cannot_save_is_kept_and_saved_next_time(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_S", 0.2)
    args = ["play", "-n", "1", "--seed", "1", "--name", "Ann", "--time-limit", "0"]
    assert runner.invoke(app, args, input="a\n1\n").exit_code == 0  # makes the file
    holder = sqlite3.connect(quiz_home / "scores.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    held = runner.invoke(app, args, input="a\n1\n")
    assert held.exit_code == 0
    assert "the round was kept in" in held.stderr
    assert "will be saved with your next one" in held.stderr
    assert len(list((quiz_home / "pending").iterdir())) == 1
    holder.execute("ROLLBACK")
    holder.close()
    after = runner.invoke(app, args, input="a\n1\n")
    assert "saved 1 round kept from a time when the score file was busy" in after.stderr
    assert list((quiz_home / "pending").iterdir()) == []
    with ScoreStore.open() as store:
        assert store.count_rounds(player="Ann") == 3

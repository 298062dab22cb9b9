"""Export to JSON and import back: the documented shape, duplicates, and bad files."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.errors import QuizError
from quiz.store.db import ScoreStore
from quiz.store.importfile import read_export
from quiz.store.records import AnswerRecord, RoundRecord

MakeRound = Callable[..., RoundRecord]
MakeAnswer = Callable[..., AnswerRecord]
BOARD = "la-la-land-first-look/10/timed-20s"


@pytest.fixture
def exported(store: ScoreStore, tmp_path: Path, make_round: MakeRound, answer: MakeAnswer) -> Path:
    store.save_round(make_round("Mia", 1200, minute=1, seed=2**70))
    store.save_round(
        make_round(
            "Zoë ☂",
            800,
            minute=2,
            time_limit=None,
            board="la-la-land-first-look/1/untimed",
            answers=(answer("age", given="30", tags=()),),
        )
    )
    path = tmp_path / "out" / "scores.json"
    path.parent.mkdir()
    assert store.export_json(path) == 2
    return path


def test_export_has_the_documented_shape(exported: Path) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("quiz-scores", 1)
    assert data["exported_at"].endswith("+00:00")
    first, second = data["rounds"]
    assert first == {
        "player": "Mia",
        "board": BOARD,
        "packs": ["la-la-land-first-look"],
        "score": 1200,
        "correct": 1,
        "total": 2,
        "best_streak": 1,
        "duration_s": 60.0,
        "seed": 2**70,
        "time_limit": 20.0,
        "finished_at": "2025-03-01T12:01:00.000000+00:00",
        "answered": 2,
        "skipped": 0,
        "input": "terminal",
        "mode": "solo",
        "answers": [
            {
                "pack_id": "la-la-land-first-look",
                "question_id": "director",
                "given": "Damien Chazelle",
                "correct": True,
                "skipped": False,
                "late": False,
                "elapsed_s": 3.25,
                "points": 200,
                "tags": ["people"],
            },
            {
                "pack_id": "la-la-land-first-look",
                "question_id": "age",
                "given": "Tom Cross",
                "correct": False,
                "skipped": False,
                "late": False,
                "elapsed_s": 3.25,
                "points": 0,
                "tags": ["numbers"],
            },
        ],
    }
    assert second["player"] == "Zoë ☂"
    assert second["time_limit"] is None
    assert exported.read_text(encoding="ascii")  # non-ASCII is escaped: safe anywhere
    assert [p.name for p in exported.parent.iterdir()] == ["scores.json"]  # no temporary left


def test_export_to_a_stream(store: ScoreStore, make_round: MakeRound) -> None:
    store.save_round(make_round())
    stream = io.StringIO()
    assert store.write_json(stream) == 1
    assert len(json.loads(stream.getvalue())["rounds"]) == 1


def test_an_empty_export_is_valid(store: ScoreStore) -> None:
    stream = io.StringIO()
    assert store.write_json(stream) == 0
    assert json.loads(stream.getvalue())["rounds"] == []


def test_import_round_trips_and_skips_duplicates(exported: Path, tmp_path: Path) -> None:
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, exported) == (2, 0)
        assert import_file(other, exported) == (0, 2)
        again = io.StringIO()
        other.write_json(again)
    rounds = json.loads(again.getvalue())["rounds"]
    assert rounds == json.loads(exported.read_text())["rounds"]


def test_duplicates_within_one_file_are_skipped(exported: Path, tmp_path: Path) -> None:
    data = json.loads(exported.read_text())
    data["rounds"] = data["rounds"] * 2
    doubled = tmp_path / "doubled.json"
    doubled.write_text(json.dumps(data))
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, doubled) == (2, 2)


def test_how_a_round_was_played_round_trips(
    store: ScoreStore, make_round: MakeRound, answer: MakeAnswer, tmp_path: Path
) -> None:
    skip = answer("age", correct=False, skipped=True, given="")
    store.save_round(make_round(answers=(answer(), skip), input="piped", mode="survival"))
    path = tmp_path / "out.json"
    store.export_json(path)
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, path) == (1, 0)
        [row] = other.top(BOARD)
    assert (row.input, row.mode, row.answered, row.skipped, row.accuracy) == (
        "piped",
        "survival",
        1,
        1,
        1.0,
    )


def test_an_older_export_without_the_new_fields_imports(exported: Path, tmp_path: Path) -> None:
    def drop_new_fields(data: dict[str, Any]) -> None:
        for item in data["rounds"]:
            for key in ("answered", "skipped", "input", "mode"):
                del item[key]

    older = edit(exported, drop_new_fields)
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, older) == (2, 0)
        rows = other.top(BOARD)
    assert [(r.input, r.mode, r.answered, r.skipped) for r in rows] == [("terminal", "solo", 2, 0)]


def test_an_unknown_input_kind_leaves_the_round_out(exported: Path) -> None:
    bad = edit(exported, lambda data: data["rounds"][0].update(input="keyboard"))
    assert read_export(bad).notes == [
        "rounds[0].input: expected one of terminal, piped; the round was left out"
    ]


def test_import_accepts_times_in_other_forms(exported: Path, tmp_path: Path) -> None:
    data = json.loads(exported.read_text())
    data["rounds"][0]["finished_at"] = "2025-03-01T13:01:00+01:00"
    data["rounds"][1]["finished_at"] = "2025-03-01T12:02:00"  # naive: UTC
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    with ScoreStore.open(tmp_path / "other") as other:
        assert import_file(other, exported) == (2, 0)
        assert import_file(other, changed) == (0, 2)  # the same moments


def import_file(store: ScoreStore, path: Path) -> tuple[int, int]:
    return store.import_records(read_export(path).rounds)


def edit(exported: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = json.loads(exported.read_text())
    change(data)
    exported.write_text(json.dumps(data))
    return exported


def first_round(data: dict[str, Any]) -> dict[str, Any]:
    round_: dict[str, Any] = data["rounds"][0]
    return round_


BAD_FILES: list[tuple[Callable[[dict[str, Any]], object], str]] = [
    (lambda d: d.update(format="something-else"), '"format" is not "quiz-scores"'),
    (lambda d: d.update(version=2), "newer quiz (version 2)"),
    (lambda d: d.update(version="1"), "version: expected a whole number"),
    (lambda d: d.pop("rounds"), "rounds: expected a list"),
]
BAD_ROUNDS: list[tuple[Callable[[dict[str, Any]], object], str]] = [
    (lambda d: d["rounds"].append(3), "rounds[2]: expected an object"),
    (lambda d: first_round(d).pop("score"), "rounds[0].score: missing"),
    (lambda d: first_round(d).update(score=1.5), "rounds[0].score: expected a whole number"),
    (lambda d: first_round(d).update(score=2**64), "rounds[0].score: expected a whole number"),
    (lambda d: first_round(d).update(total=-1), "rounds[0].total: expected a whole number"),
    (lambda d: first_round(d).update(correct=True), "rounds[0].correct: expected a whole number"),
    (lambda d: first_round(d).update(player="  "), "rounds[0].player: a player name needs"),
    (lambda d: first_round(d).update(player=5), "rounds[0].player: expected text"),
    (lambda d: first_round(d).update(board=""), "rounds[0].board: must not be empty"),
    (lambda d: first_round(d).update(packs=["a", 1]), "rounds[0].packs[1]: expected text"),
    (lambda d: first_round(d).update(duration_s=-3), "rounds[0].duration_s: expected a number"),
    (lambda d: first_round(d).update(finished_at="yesterday"), "finished_at: expected a date"),
    (
        lambda d: first_round(d)["answers"][1].update(correct="yes"),
        "rounds[0].answers[1].correct: expected true or false",
    ),
    (
        lambda d: first_round(d)["answers"][0].pop("tags"),
        "rounds[0].answers[0].tags: missing",
    ),
]


@pytest.mark.parametrize(("change", "message"), BAD_FILES)
def test_a_file_that_is_not_an_export_is_refused_whole(
    exported: Path, tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    bad = edit(exported, change)
    with ScoreStore.open(tmp_path / "other") as other:
        with pytest.raises(QuizError) as caught:
            import_file(other, bad)
        assert other.boards() == []
    assert message in caught.value.message
    assert str(bad) in caught.value.message
    assert caught.value.hint is not None


@pytest.mark.parametrize(("change", "message"), BAD_ROUNDS)
def test_a_bad_round_is_left_out_with_a_note(
    exported: Path, tmp_path: Path, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    found = read_export(edit(exported, change))
    (note,) = found.notes
    assert message in note
    assert note.endswith("; the round was left out")
    assert len(found.rounds) == (2 if "rounds[2]" in message else 1)  # the others are kept


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "invalid JSON at line 1, column 1"),
        (b'{"format": "quiz-scores",\n "version": }', "invalid JSON at line 2"),
        (b"\x80 garbage", "not UTF-8 text"),
        (b'{"format": "quiz-scores", "version": 1, "rounds": [NaN]}', "NaN"),
        (b"[" * 100_000 + b"]" * 100_000, "not a quiz scores file"),
        (b"[]", "expected an object"),
    ],
)
def test_a_file_that_is_not_json_is_refused(
    tmp_path: Path, store: ScoreStore, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(QuizError, match=message):
        import_file(store, path)


def test_a_missing_file_is_refused(tmp_path: Path, store: ScoreStore) -> None:
    with pytest.raises(QuizError, match=r"missing\.json: no such file"):
        import_file(store, tmp_path / "missing.json")


def test_export_to_an_impossible_place_is_an_error(store: ScoreStore, tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="cannot write"):
        store.export_json(tmp_path / "no" / "such" / "folder.json")
    (tmp_path / "a-folder").mkdir()
    with pytest.raises(QuizError, match="is a folder"):
        store.export_json(tmp_path / "a-folder")

"""``quiz scores``: the tables, their machine-readable forms, reset, export and import."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from quiz.cli import scores as scores_cli
from quiz.cli.app import app
from quiz.game.board import default_board_key
from quiz.store.db import ScoreStore
from quiz.store.records import AnswerRecord, RoundRecord
from quiz.term.scores import FIELDS

runner = CliRunner()
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
OTHER = "la-la-land-first-look/5/untimed"
WHIPLASH = "whiplash/10/untimed"


def quiz(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


BASE = RoundRecord(
    player="Mia",
    board=default_board_key(),
    pack_ids=("la-la-land-first-look",),
    score=1000,
    correct=1,
    total=2,
    best_streak=1,
    duration=65.0,
    seed=1,
    time_limit=20.0,
    finished_at=T0,
    answers=(
        AnswerRecord("la-la-land-first-look", "director", "D", True, False, False, 2, 200, ()),
        AnswerRecord("la-la-land-first-look", "age", "31", False, False, False, 4, 0, ()),
    ),
)


def record(player: str = "Mia", score: int = 1000, minute: int = 0, **changes: Any) -> RoundRecord:
    moment = T0 + timedelta(minutes=minute)
    return replace(BASE, player=player, score=score, finished_at=moment, **changes)


def save(*records: RoundRecord) -> list[int]:
    with ScoreStore.open() as store:
        return [store.save_round(r) for r in records]


def count() -> int:
    with ScoreStore.open(create=False) as store:
        return store.count_rounds()


def local(minute: int) -> str:
    return (T0 + timedelta(minutes=minute)).astimezone().strftime("%Y-%m-%d %H:%M")


def table_lines(text: str) -> list[str]:
    """The body rows of the tables in ``text``, cells stripped and joined by '|'."""
    rows = []
    for line in text.splitlines():
        if line.startswith("│"):
            rows.append("|".join(cell.strip() for cell in line.strip("│").split("│")))
    return rows


# -- the table -------------------------------------------------------------------


def test_no_scores_yet_says_so_and_creates_nothing(quiz_home: Path) -> None:
    result = quiz("scores")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "No rounds recorded yet. Play one with `quiz`."
    assert not quiz_home.exists()


def test_the_default_board_best_first(quiz_home: Path) -> None:
    save(
        record("Mia", 900, 1),
        record("Seb", 1500, 2),
        record("Amy", 900, 3, duration=30.0),
        record("Elsewhere", 9999, board=OTHER),
    )
    result = quiz("scores")
    assert result.exit_code == 0, result.stderr
    assert "la-la-land-first-look · 10 questions · 20 s per question" in result.stdout
    assert default_board_key() in result.stdout  # the raw key, for --board
    assert table_lines(result.stdout) == [
        "1|Seb|1500|1/2|1|1 min 5 s|" + local(2),
        "2|Amy|900|1/2|1|30.0 s|" + local(3),
        "3|Mia|900|1/2|1|1 min 5 s|" + local(1),
    ]
    assert "Elsewhere" not in result.stdout
    assert result.stderr == ""


def test_without_the_default_board_the_most_played_is_shown(quiz_home: Path) -> None:
    save(
        record("Mia", board=OTHER),
        record("Seb", board=WHIPLASH, pack_ids=("whiplash",)),
        record("Amy", board=WHIPLASH, pack_ids=("whiplash",)),
    )
    result = quiz("scores")
    assert result.exit_code == 0
    assert [line.split("|")[1] for line in table_lines(result.stdout)] == ["Mia", "Seb", "Amy"][1:]
    assert f"showing {WHIPLASH}; see --all" in result.stderr


def test_all_shows_one_table_a_board(quiz_home: Path) -> None:
    save(record("Mia"), record("Seb", board=OTHER), record("Amy", board=OTHER))
    result = quiz("scores", "--all")
    assert result.exit_code == 0
    # most played first
    assert result.stdout.index(OTHER) < result.stdout.index(default_board_key())
    assert "5 questions · untimed" in result.stdout
    assert [line.split("|")[1] for line in table_lines(result.stdout)] == ["Seb", "Amy", "Mia"]


def test_pack_shows_the_boards_with_that_pack(quiz_home: Path) -> None:
    save(record("Mia"), record("Seb", board=WHIPLASH, pack_ids=("whiplash",)))
    result = quiz("scores", "--pack", "whiplash")
    assert result.exit_code == 0
    assert [line.split("|")[1] for line in table_lines(result.stdout)] == ["Seb"]
    result = quiz("scores", "--pack", "whip")
    assert result.stdout.strip() == "No rounds with pack whip yet."


def test_board_shows_that_board(quiz_home: Path) -> None:
    key = "la-la-land-first-look/10/untimed/difficulty=easy,hard/tag=people"
    save(record("Mia"), record("Seb", board=key))
    result = quiz("scores", "--board", key)
    assert [line.split("|")[1] for line in table_lines(result.stdout)] == ["Seb"]
    assert "difficulty easy, hard · tag people" in " ".join(result.stdout.split())
    # typed in another order, it is the same board
    shuffled = "la-la-land-first-look/10/untimed/tag=people/difficulty=hard,easy"
    assert table_lines(quiz("scores", "--board", shuffled).stdout) == table_lines(result.stdout)
    missing = quiz("scores", "--board", "nope/1/untimed")
    assert missing.exit_code == 0
    assert "No rounds on board nope/1/untimed yet." in missing.stdout


def test_limit(quiz_home: Path) -> None:
    save(*(record(f"p{n}", n) for n in range(15)))
    assert len(table_lines(quiz("scores").stdout)) == 10
    assert len(table_lines(quiz("scores", "--limit", "3").stdout)) == 3
    assert len(table_lines(quiz("scores", "-n", "30").stdout)) == 15


def test_a_limit_below_one_is_bad_usage() -> None:
    result = quiz("scores", "--limit", "0")
    assert result.exit_code == 2, result.stderr
    assert "--limit" in result.stderr


def test_player_alone_shows_their_latest_rounds(quiz_home: Path) -> None:
    save(record("Mia", 500, 1), record("Seb", 900, 2), record("Mia", 700, 3, board=OTHER))
    result = quiz("scores", "--player", "  Mia ")
    assert result.exit_code == 0
    assert "Latest rounds of Mia" in result.stdout
    rows = [line.split("|") for line in table_lines(result.stdout)]
    assert [(r[1], r[2], r[3]) for r in rows] == [
        (OTHER, "#1", "700"),
        (default_board_key(), "#2", "500"),
    ]


def test_player_with_a_board_filters_it(quiz_home: Path) -> None:
    save(record("Mia", 500), record("Seb", 900), record("Mia", 700))
    result = quiz("scores", "--all", "--player", "Mia")
    assert [line.split("|")[:3] for line in table_lines(result.stdout)] == [
        ["2", "Mia", "700"],
        ["3", "Mia", "500"],
    ]


def test_an_unknown_player_gets_a_suggestion(quiz_home: Path) -> None:
    save(record("Mia"))
    result = quiz("scores", "--player", "mia")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No rounds recorded for mia yet. Did you mean Mia?"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--csv"], "choose one of --json and --csv"),
        (["--board", "x/1/untimed", "--all"], "--board shows one board"),
        (["--board", "x/1/untimed", "--pack", "x"], "--board shows one board"),
        (["--player", "   "], "a player name needs at least one visible character"),
    ],
)
def test_contradictory_options_are_a_user_error(args: list[str], message: str) -> None:
    result = quiz("scores", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {message}")
    assert result.stdout == ""


def test_untrusted_names_are_shown_literally(quiz_home: Path) -> None:
    save(record("[bold red]Mia[/]\x1b]8;;http://x\x07link\u202e"))
    result = quiz("scores")
    assert "[bold red]Mia[/]]8;;http://xlink" in result.stdout
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in result.stdout
    data = json.loads(quiz("scores", "--json").stdout)
    assert data[0]["player"] == "[bold red]Mia[/]]8;;http://xlink"
    assert "\x1b" not in quiz("scores", "--csv").stdout


# -- JSON and CSV ----------------------------------------------------------------------


def test_json_has_the_documented_fields(quiz_home: Path) -> None:
    [first, second] = save(record("Seb", 1500, 2), record("Mia", 900, 1))
    result = quiz("scores", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [list(row) for row in data] == [list(FIELDS)] * 2
    assert data[0] == {
        "rank": 1,
        "player": "Seb",
        "score": 1500,
        "correct": 1,
        "total": 2,
        "accuracy": 0.5,
        "best_streak": 1,
        "duration_s": 65.0,
        "board": default_board_key(),
        "packs": ["la-la-land-first-look"],
        "finished_at": "2025-03-01T12:02:00+00:00",
        "round_id": first,
        "answered": 2,
        "skipped": 0,
        "input": "terminal",
        "mode": "solo",
    }
    assert data[1]["round_id"] == second


def test_csv_has_the_documented_fields(quiz_home: Path) -> None:
    save(
        record("Seb", 1500, 2, pack_ids=("a", "b")),
        record("Mia", 900, 1, answers=(), total=0, correct=0),
    )
    result = quiz("scores", "--csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(FIELDS)
    assert result.stdout.splitlines()[1] == (
        f"1,Seb,1500,1,2,0.5,1,65.0,{default_board_key()},a b,2025-03-01T12:02:00+00:00,1"
        ",2,0,terminal,solo"
    )
    assert rows[2][5] == ""  # no questions, no accuracy


def test_json_and_csv_of_nothing(quiz_home: Path) -> None:
    assert json.loads(quiz("scores", "--json").stdout) == []
    result = quiz("scores", "--csv")
    assert result.stdout == ",".join(FIELDS) + "\n"
    assert "No rounds recorded yet" in result.stderr
    assert not quiz_home.exists()


# -- when the score file cannot be used ------------------------------------------------


def test_an_unusable_data_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "quiz"))
    result = quiz("scores")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot read the score file in")
    assert f"{blocker} is a file, not a folder" in result.stderr


def test_a_newer_score_file_is_an_error(quiz_home: Path) -> None:
    save(record())
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    result = quiz("scores")
    assert result.exit_code == 1
    assert "error: scores.db was written by a newer version of quiz (schema 9;" in result.stderr


def test_a_damaged_file_is_moved_aside_with_a_warning(quiz_home: Path) -> None:
    quiz_home.mkdir()
    (quiz_home / "scores.db").write_bytes(b"\x00garbage" * 100)
    result = quiz("scores")
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: scores.db was not a usable score file")
    assert "No rounds recorded yet." in result.stdout
    assert len(list(quiz_home.glob("scores.db.corrupt-*"))) == 1


# -- reset ---------------------------------------------------------------------------------


def test_reset_refuses_without_a_terminal_or_yes(quiz_home: Path) -> None:
    save(record("Mia"))
    result = quiz("scores", "reset", input="y\n")
    assert result.exit_code == 1
    assert "error: not forgetting 1 round without a yes" in result.stderr
    assert "hint: pass --yes" in result.stderr
    assert count() == 1


@pytest.mark.parametrize(("answer", "left"), [("y\n", 0), ("n\n", 2), ("\n", 2)])
def test_reset_asks_at_a_terminal(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch, answer: str, left: int
) -> None:
    monkeypatch.setattr(scores_cli, "_stdin_is_terminal", lambda: True)
    save(record("Mia"), record("Seb"))
    result = quiz("scores", "reset", input=answer)
    assert result.exit_code == 0
    assert "Forget 2 rounds? This cannot be undone. [y/N]" in result.stdout
    assert count() == left


def test_reset_with_yes_all_or_part(quiz_home: Path) -> None:
    save(record("Mia"), record("Seb"), record("Mia", board=WHIPLASH, pack_ids=("whiplash",)))
    save(record("Amy"))

    def reset(*args: str) -> str:
        result = quiz("scores", "reset", *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout.strip()

    assert reset("--pack", "whiplash", "--yes") == "Forgot 1 round."
    assert reset("--player", "Seb", "-y") == "Forgot 1 round."
    assert reset("--player", "Nobody", "-y") == "No rounds match: nothing to forget."
    with ScoreStore.open(create=False) as store:
        assert [row.player for row in store.top(default_board_key())] == ["Mia", "Amy"]
    assert reset("--yes") == "Forgot 2 rounds."
    assert count() == 0


def test_reset_names_the_player_in_the_question(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scores_cli, "_stdin_is_terminal", lambda: True)
    save(record("Mia\x1b[2J"))
    result = quiz("scores", "reset", "--player", "Mia\x1b[2J", input="n\n")
    assert "Forget 1 round of Mia[2J?" in result.stdout
    assert "\x1b" not in result.stdout
    assert count() == 1


def test_reset_without_scores_creates_nothing(quiz_home: Path) -> None:
    result = quiz("scores", "reset", "--yes")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No rounds recorded yet. Play one with `quiz`."
    assert not quiz_home.exists()


# -- export and import --------------------------------------------------------------------


def test_export_then_import_elsewhere(
    quiz_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(record("Mia"), record("Seb"))
    target = tmp_path / "backup.json"
    result = quiz("scores", "export", str(target))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"Exported 2 rounds to {target}."
    assert json.loads(target.read_text())["format"] == "quiz-scores"

    monkeypatch.setenv("QUIZ_HOME", str(tmp_path / "other-home"))
    result = quiz("scores", "import", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "Imported 2 rounds (0 already recorded)."
    assert quiz("scores", "import", str(target)).stdout.strip() == (
        "Imported 0 rounds (2 already recorded)."
    )
    assert count() == 2  # QUIZ_HOME points at the other home


def test_export_does_not_replace_a_file_unless_forced(quiz_home: Path, tmp_path: Path) -> None:
    save(record())
    target = tmp_path / "backup.json"
    target.write_text("precious")
    result = quiz("scores", "export", str(target))
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert target.read_text() == "precious"
    assert quiz("scores", "export", str(target), "--force").exit_code == 0
    assert len(json.loads(target.read_text())["rounds"]) == 1


def test_export_to_standard_output(quiz_home: Path) -> None:
    save(record())
    result = quiz("scores", "export", "-")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["rounds"]) == 1


def test_importing_a_bad_file_changes_nothing(quiz_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "quiz-scores", "version": 1, "rounds": [{"player": "x"}]}')
    result = quiz("scores", "import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("warning: rounds[0].answers: missing; the round was left out")
    assert f"error: no round of {bad} can be imported: nothing was changed" in result.stderr
    assert "hint: export files are written by" in result.stderr
    assert not quiz_home.exists()


# -- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["reset"], ["export"], ["import"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = quiz("scores", *command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "quiz scores" in result.stdout

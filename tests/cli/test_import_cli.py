"""``quiz packs import``: formats guessed, every sample imports, validates, lints and plays.

Through the real root app (its error boundary), with answers piped to the round.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.packs.load import parse_pack

SAMPLES = Path(__file__).resolve().parent.parent / "authoring" / "samples"
runner = CliRunner()

# sample, format guessed, questions imported
IMPORTED = [
    ("film.gift", "gift", 11),
    ("blanks.gift", "gift", 13),
    ("film.csv", "csv", 6),
    ("kahoot.csv", "csv", 2),
    ("headerless_cp1252.csv", "csv", 3),
    ("utf16.tsv", "csv", 1),
    ("opentdb_style.csv", "csv", 2),
    ("options_index.csv", "csv", 3),
    ("opentdb_film.json", "opentdb", 6),
    ("opentdb_base64.json", "opentdb", 1),
    ("opentdb_url3986.json", "opentdb", 1),
    ("film_red.yaml", "red", 6),
]


@pytest.mark.parametrize(("name", "fmt", "count"), IMPORTED)
def test_each_sample_imports_validates_and_plays(
    tmp_path: Path, name: str, fmt: str, count: int
) -> None:
    out = tmp_path / "pack.yaml"
    result = runner.invoke(app, ["packs", "import", str(SAMPLES / name), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLES / name}: read as {fmt} (" in result.stdout  # the guess is said
    assert f"Imported {count} question" in result.stdout
    assert "\x1b" not in result.stderr  # no progress bar, no colour: not a terminal
    assert len(parse_pack(out.read_bytes(), str(out)).questions) == count

    validated = runner.invoke(app, ["packs", "validate", str(out)])
    assert validated.exit_code == 0, validated.output
    assert f"ok, {count} question" in validated.stdout

    linted = runner.invoke(app, ["packs", "lint", str(out)])
    assert linted.exit_code == 0, linted.output  # warnings maybe, never an error
    assert ": 0 errors," in linted.stdout

    # Answers for any type: "A" for choice, true/false and text; "1" where a number is due.
    played = runner.invoke(
        app,
        ["play", "--pack", str(out), "-n", "2", "--practice", "--seed", "1"],
        input="A\n1\n" * 2,
    )
    assert played.exit_code == 0, played.output
    assert f"/{min(2, count)} right" in played.stdout  # every question asked was answered
    assert "Practice round: nothing was recorded." in played.stdout


def test_the_older_form_and_format_option_agree(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    old = runner.invoke(
        app, ["packs", "import", "gift", str(SAMPLES / "film.gift"), "-o", str(out)]
    )
    assert old.exit_code == 0, old.output
    assert "read as gift (" not in old.stdout  # nothing was guessed
    forced = runner.invoke(
        app,
        ["packs", "import", "--format", "csv", str(SAMPLES / "headerless_cp1252.csv"), "-o",
         str(tmp_path / "b.yaml")],
    )  # fmt: skip
    assert forced.exit_code == 0, forced.output
    clash = runner.invoke(
        app,
        ["packs", "import", "gift", str(SAMPLES / "film.gift"), "--format", "csv", "-o",
         str(tmp_path / "c.yaml")],
    )  # fmt: skip
    assert clash.exit_code == 2
    assert "FORMAT gift and --format csv disagree" in clash.output


def test_columns_option(tmp_path: Path) -> None:
    src = tmp_path / "q.csv"
    src.write_text("Who directed Heat?;x;Michael Mann;Tony Scott\n")
    out = tmp_path / "q.yaml"
    result = runner.invoke(
        app, ["packs", "import", str(src), "-o", str(out), "--columns", "prompt,-,answer,wrong"]
    )
    assert result.exit_code == 0, result.output
    assert "columns used: column 1 as prompt, column 3 as answer, column 4 as wrong" in (
        result.stdout
    )
    (q,) = parse_pack(out.read_bytes(), str(out)).questions
    assert (q.answer, q.wrong) == ("Michael Mann", ("Tony Scott",))
    wrong_kind = runner.invoke(
        app,
        ["packs", "import", str(SAMPLES / "film.gift"), "-o", str(tmp_path / "g.yaml"),
         "--columns", "prompt,answer"],
    )  # fmt: skip
    assert wrong_kind.exit_code == 1
    assert "error: --columns is for csv files; this one is read as gift" in wrong_kind.stderr


def test_imported_category_in_another_script_is_a_tag_the_player_can_type(
    tmp_path: Path,
) -> None:
    out = tmp_path / "blanks.yaml"
    assert (
        runner.invoke(
            app, ["packs", "import", str(SAMPLES / "blanks.gift"), "-o", str(out)]
        ).exit_code
        == 0
    )
    played = runner.invoke(
        app,
        ["play", "--pack", str(out), "-n", "1", "--practice", "--seed", "3",
         "--tag", "СТАНДАРТ_1.1_Назначение"],
        input="A\n1\n",
    )  # fmt: skip
    assert played.exit_code == 0, played.output


def test_a_piped_import_shows_no_progress_bar(tmp_path: Path) -> None:
    big = "".join(f"::q{i}::Who made film {i}? {{=D{i} ~E{i}}}\n\n" for i in range(3000))
    src = tmp_path / "big.gift"
    src.write_text(big)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "packs", "import", str(src), "-o", str(tmp_path / "o.yaml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # nothing drawn on a pipe, however long it took
    assert "Imported 3000 questions" in done.stdout

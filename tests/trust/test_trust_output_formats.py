"""Hostile text in names from the environment, JSON output, file names and CSV cells.

- a login name (``LOGNAME``) offered as the default name is cleaned like pack text;
- JSON output escapes control, C1 and bidi characters (a program reading it gets
  the text unchanged; a terminal showing it gets nothing it would act on);
- file names in messages are cleaned, and bytes that are not UTF-8 are shown escaped;
- CSV cells a spreadsheet would run as a formula get a leading ``'`` (text cells
  only: numbers stay numbers).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from trust_support import (
    HOSTILE,
    HOSTILE_NAME,
    SHORT,
    finish,
    hostile_pack,
    spawn,
    terminal_problems,
    write_pack,
)
from typer.testing import CliRunner

from quiz.cli.app import app

runner = CliRunner()


def test_a_hostile_remembered_name_offered_as_the_default_is_harmless(quiz_home: Path) -> None:
    hostile = "\x1b]52;c;cHduZWQ=\x07\x1b[2Jmallory"
    quiz_home.mkdir()
    (quiz_home / "player").write_text(hostile + "\n", encoding="utf-8")  # anyone could write it
    child = spawn(["play", "-n", "1", "--seed", "1"], quiz_home, LOGNAME=hostile, USER=hostile)
    child.expect("high-score table")
    child.sendline("Ann")
    child.sendline("a")
    child.sendline("1")
    code, output = finish(child)
    assert code == 0
    text = output.decode("utf-8", "replace")
    assert terminal_problems(text) == []
    assert "[]52;c;cHduZWQ=[2Jmallory]" in text  # shown, defanged


def no_raw_controls(text: str) -> None:
    assert terminal_problems(text) == []
    for char in ("\u202e", "\u2066", "\u200b", "\x85", "\x9b", "\x7f"):
        assert char not in text


def test_packs_list_json_escapes_hostile_text(tmp_path: Path) -> None:
    hostile = write_pack(tmp_path / "hostile.yaml", hostile_pack())
    assert runner.invoke(app, ["packs", "add", str(hostile)]).exit_code == 0
    result = runner.invoke(app, ["packs", "list", "--json"])
    assert result.exit_code == 0, result.output
    no_raw_controls(result.stdout)
    titles = [row.get("title") for row in json.loads(result.stdout)]
    assert f"Hostile {SHORT} title" in titles  # the escapes decode to the text as written


def test_packs_verify_json_escapes_hostile_text(tmp_path: Path) -> None:
    pack = hostile_pack()
    hostile = write_pack(tmp_path / "hostile.yaml", pack)
    article = tmp_path / "article.txt"
    article.write_text("An article that quotes nothing from the pack.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["packs", "verify", str(hostile), "--against", str(article), "--json"]
    )
    no_raw_controls(result.stdout)
    assert json.loads(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(lambda p, o: ["packs", "validate", p], id="validate-ok-line"),
        pytest.param(lambda p, o: ["packs", "export", p, "-o", o], id="export"),
        pytest.param(lambda p, o: ["packs", "schema", "-o", o], id="schema"),
    ],
)
def test_hostile_file_names_in_messages_are_cleaned(tmp_path: Path, args: object) -> None:
    folder = tmp_path / f"dir{HOSTILE_NAME}"
    folder.mkdir()
    pack = folder / "p.yaml"
    pack.write_text(
        "format: 1\npack: {id: p, title: P}\n"
        "questions: [{id: q, type: text, prompt: P, answer: A}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, args(str(pack), str(folder / "out.yaml")))  # type: ignore[operator]
    assert result.exit_code == 0, result.output
    assert terminal_problems(result.stdout) == []
    assert "]0;pwned" in result.stdout


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    path = tmp_path / name
    path.write_text(
        "format: 1\npack: {id: p, title: P}\n"
        "questions: [{id: q, type: text, prompt: P, answer: A}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["packs", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "caf\\xe9.yaml: ok, 1 question" in result.stdout


FORMULAS = ['=HYPERLINK("http://evil","x")', "@SUM(1+1)", "+1", "-1", "=1+1"]


@pytest.mark.parametrize("name", FORMULAS)
def test_csv_neutralises_formula_cells_but_never_numbers(name: str) -> None:
    played = runner.invoke(
        app, ["play", "-n", "1", "--seed", "1", "--name", name, "--time-limit", "0"], input="a\n1\n"
    )
    assert played.exit_code == 0, played.output
    result = runner.invoke(app, ["scores", "--all", "--csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["player"] == "'" + name
    assert rows[0]["score"].lstrip("-").isdigit()
    assert rows[0]["round_id"] == "1"


def test_json_output_of_hostile_names_is_escaped() -> None:
    played = runner.invoke(
        app, ["play", "-n", "1", "--seed", "1", "--name", HOSTILE], input="a\n1\n"
    )
    assert played.exit_code == 0
    result = runner.invoke(app, ["scores", "--all", "--json"])
    no_raw_controls(result.stdout)

"""``quiz packs lint`` through the CLI runner: output, --json, --strict and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quiz.cli.app import app

REPO = Path(__file__).resolve().parents[2]
BUILTIN_PACK = REPO / "questions.yaml"

runner = CliRunner()

HEADER = "format: 1\npack: {id: p, title: T}\nquestions:\n"
GOOD = (
    "  - {id: a, type: text, prompt: Which city?, answer: Los Angeles, explanation: E, source: S}\n"
)
# One warning: no source (L206).
WARNS = "  - {id: a, type: text, prompt: Which city?, answer: Los Angeles, explanation: E}\n"
# One error: a wrong option the grader takes for the answer (L101), with a bidi
# override and a C1 control in it, which must never reach the terminal raw.
ERRS = (
    "  - {id: a, type: choice, prompt: Which film?, answer: Top Hat,"
    ' wrong: ["Top Hat\\u202e\\x9b!", Roberta], explanation: E, source: S}\n'
)

ERRS_COLUMN = ERRS.index('"Top Hat') + 1  # where the wrong option starts


def quiz(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args])


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_clean_pack_exits_0(tmp_path: Path) -> None:
    path = write(tmp_path, "good.yaml", GOOD)
    result = quiz("packs", "lint", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{path}: 0 errors, 0 warnings\n"
    assert result.stderr == ""


def test_warnings_exit_0_unless_strict(tmp_path: Path) -> None:
    path = write(tmp_path, "warns.yaml", WARNS)
    line = (
        f"{path}:4:5: L206 question 'a' has no source "
        "(fix: add 'source': the excerpt the fact comes from)\n"
    )
    result = quiz("packs", "lint", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == line + f"{path}: 0 errors, 1 warning\n"
    strict = quiz("packs", "lint", "--strict", path)
    assert strict.exit_code == 1
    assert strict.stdout == result.stdout
    assert strict.stderr == "error: 0 errors, 1 warning in 1 file (--strict)\n"


def test_errors_exit_1_and_unsafe_characters_are_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "errs.yaml", ERRS)
    result = quiz("packs", "lint", path)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{path}:4:{ERRS_COLUMN}: L101 question 'a': the grader accepts "
        "the wrong option 'Top Hat!' "
    )
    assert "\u202e" not in result.stdout
    assert "\x9b" not in result.stdout
    assert result.stderr == "error: 1 error, 0 warnings in 1 file\n"


def test_json_lists_every_finding_with_escapes(tmp_path: Path) -> None:
    errs, warns = write(tmp_path, "errs.yaml", ERRS), write(tmp_path, "warns.yaml", WARNS)
    result = quiz("packs", "lint", "--json", errs, warns)
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout
    assert "\x9b" not in result.stdout
    assert "\\u202e\\u009b" in result.stdout
    findings = json.loads(result.stdout)
    assert [(f["path"], f["line"], f["column"], f["code"], f["severity"]) for f in findings] == [
        (str(errs), 4, ERRS_COLUMN, "L101", "error"),
        (str(warns), 4, 5, "L206", "warning"),
    ]
    assert set(findings[0]) == {"path", "line", "column", "code", "severity", "message", "fix"}
    assert findings[0]["message"].startswith("question 'a': the grader accepts")
    assert findings[1]["fix"] == "add 'source': the excerpt the fact comes from"


@pytest.mark.parametrize(("strict", "code"), [(False, 0), (True, 1)])
def test_json_with_only_warnings(tmp_path: Path, strict: bool, code: int) -> None:
    path = write(tmp_path, "warns.yaml", WARNS)
    result = quiz("packs", "lint", "--json", *(["--strict"] if strict else []), path)
    assert result.exit_code == code
    assert [f["code"] for f in json.loads(result.stdout)] == ["L206"]


def test_json_of_a_clean_pack_is_an_empty_list(tmp_path: Path) -> None:
    result = quiz("packs", "lint", "--json", write(tmp_path, "good.yaml", GOOD))
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_several_paths_a_missing_file_and_an_invalid_pack(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", "  - {id: a, type: text, prompt: P}\n")
    missing = tmp_path / "missing.yaml"
    result = quiz("packs", "lint", good, missing, bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: 0 errors, 0 warnings",
        f"{missing}: L100 no such file (fix: check the path, and that the file is a "
        "readable pack file)",
        f"{missing}: 1 error, 0 warnings",
        f"{bad}:4:5: L100 questions[0].answer: missing required field 'answer' "
        "(fix: make the file a valid pack (quiz packs validate lists the same problems))",
        f"{bad}: 1 error, 0 warnings",
    ]
    assert result.stderr == "error: 2 errors, 0 warnings in 3 files\n"


def test_a_folder_is_not_a_pack(tmp_path: Path) -> None:
    result = quiz("packs", "lint", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path}: L100 is a folder, not a pack file" in result.stdout


def test_no_path_is_bad_usage() -> None:
    assert quiz("packs", "lint").exit_code == 2


def test_the_built_in_pack_has_no_errors() -> None:
    result = quiz("packs", "lint", BUILTIN_PACK)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert " 0 errors, " in result.stdout.splitlines()[-1]

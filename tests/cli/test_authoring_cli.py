"""``quiz packs new`` and ``quiz packs import``, driven through Typer's runner.

Most tests mount the commands on a small root app of their own and check a
QuizError where it surfaces, in ``result.exception``; the last one goes through
the real root app, whose error boundary turns it into ``error: ...`` and exit 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from quiz.authoring.convert.common import Conversion
from quiz.cli import authoring
from quiz.errors import QuizError
from quiz.packs.load import parse_pack
from quiz.packs.model import QuestionType

SAMPLES = Path(__file__).resolve().parents[1] / "authoring" / "samples"


def _app() -> typer.Typer:
    root = typer.Typer(add_completion=False, rich_markup_mode=None)
    packs = typer.Typer(rich_markup_mode=None)
    authoring.register(packs)
    root.add_typer(packs, name="packs")

    @root.callback()
    def main() -> None:
        """quiz"""

    return root


def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(_app(), ["packs", *map(str, args)], input=stdin)


def _error(result: Result) -> QuizError:
    assert isinstance(result.exception, QuizError), result.output
    assert result.exit_code == 1
    return result.exception


# -- quiz packs new -------------------------------------------------------------------


def test_new_writes_a_valid_starter_and_the_next_steps(tmp_path: Path) -> None:
    target = tmp_path / "film-night.yaml"
    result = run("new", target)
    assert result.exit_code == 0, result.output
    pack = parse_pack(target.read_bytes(), str(target))
    assert (pack.id, pack.title) == ("film-night", "Film night")
    assert f"Wrote a starter pack to {target}" in result.stdout
    for step in ("quiz packs validate", "quiz packs add", "quiz play --pack"):
        assert f"{step} {target}" in result.stdout


def test_new_takes_id_and_title(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    assert run("new", target, "--id", "noir", "--title", "Film noir: basics").exit_code == 0
    pack = parse_pack(target.read_bytes(), "x.yaml")
    assert (pack.id, pack.title) == ("noir", "Film noir: basics")


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my work\n")
    error = _error(run("new", target))
    assert "already exists" in error.message
    assert error.hint == "pass --force to overwrite it"
    assert target.read_text() == "my work\n"
    assert run("new", target, "--force").exit_code == 0
    assert target.read_text().startswith("# yaml-language-server:")


def test_new_from_article(tmp_path: Path, sample_article: Path) -> None:
    target = tmp_path / "hl.yaml"
    result = run("new", target, "--from-article", sample_article)
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert "author: Nora Whitfield" in text
    assert "prompt: Who plays a lighthouse keeper in Harbor Lights?" in text
    assert "Wrote a draft of" in result.stdout
    assert f"quiz packs verify {target} --against {sample_article}" in result.stdout


def test_new_with_a_missing_article_or_a_bad_id(tmp_path: Path) -> None:
    assert (
        "no such file"
        in _error(run("new", tmp_path / "a.yaml", "--from-article", tmp_path / "nope.txt")).message
    )
    assert "not a valid pack id" in _error(run("new", tmp_path / "a.yaml", "--id", "A B")).message
    assert not (tmp_path / "a.yaml").exists()


# -- quiz packs import ------------------------------------------------------------------


def test_import_writes_a_pack_that_loads_with_the_right_answers(tmp_path: Path) -> None:
    out = tmp_path / "film.yaml"
    result = run(
        "import", "opentdb", SAMPLES / "opentdb_film.json", "-o", out, "--title", "Film night"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Imported 6 questions (0 skipped) into {out}"
    assert result.stderr == ""
    pack = parse_pack(out.read_bytes(), str(out))
    assert (pack.id, pack.title) == ("opentdb-film", "Film night")
    assert pack.questions[1].prompt == 'In which city is "Amélie" (2001) set?'
    assert (pack.questions[2].type, pack.questions[2].answer) == (QuestionType.TRUEFALSE, True)


@pytest.mark.parametrize(
    ("fmt", "name", "warning", "summary"),
    [
        (
            "opentdb",
            "opentdb_broken.json",
            "opentdb_broken.json: results[1]: skipped: missing 'correct_answer'",
            "5 questions (6 skipped)",
        ),
        (
            "csv",
            "broken.csv",
            "broken.csv:line 6: skipped: a truefalse answer must be",
            "6 questions (4 skipped)",
        ),
        (
            "gift",
            "broken.gift",
            "broken.gift:line 2: skipped: matching questions",
            "2 questions (7 skipped)",
        ),
    ],
)
def test_import_warns_about_each_note(
    tmp_path: Path, fmt: str, name: str, warning: str, summary: str
) -> None:
    out = tmp_path / "out.yaml"
    result = run("import", fmt, SAMPLES / name, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"warning: {SAMPLES / name}" in result.stderr
    assert warning in result.stderr
    assert summary in result.stdout
    parse_pack(out.read_bytes(), str(out))


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("opentdb", "opentdb_broken.json"), ("csv", "broken.csv"), ("gift", "broken.gift")],
)
def test_strict_turns_notes_into_an_error_and_writes_nothing(
    tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / "out.yaml"
    error = _error(run("import", fmt, SAMPLES / name, "-o", out, "--strict"))
    assert "nothing was written (--strict)" in error.message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_strict_passes_a_clean_file(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    assert run("import", "csv", SAMPLES / "film.csv", "-o", out, "--strict").exit_code == 0
    assert out.exists()


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("keep me\n")
    error = _error(run("import", "gift", SAMPLES / "film.gift", "-o", out))
    assert "already exists" in error.message
    assert out.read_text() == "keep me\n"
    assert run("import", "gift", SAMPLES / "film.gift", "-o", out, "--force").exit_code == 0
    assert parse_pack(out.read_bytes(), "out.yaml").id == "film"


def test_import_from_stdin_names_the_pack_after_the_output(tmp_path: Path) -> None:
    out = tmp_path / "heat-night.yaml"
    result = run(
        "import", "gift", "-", "-o", out, stdin="Who directed Heat? {=Michael Mann ~Tony Scott}\n"
    )
    assert result.exit_code == 0, result.output
    pack = parse_pack(out.read_bytes(), str(out))
    assert (pack.id, pack.title, pack.questions[0].answer) == (
        "heat-night",
        "Heat night",
        "Michael Mann",
    )


def test_unreadable_input_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("<html>not json</html>")
    error = _error(run("import", "opentdb", bad, "-o", tmp_path / "out.yaml"))
    assert "not JSON" in error.message
    assert "Open Trivia DB JSON" in error.message
    assert (
        "no such file"
        in _error(run("import", "csv", tmp_path / "nope.csv", "-o", tmp_path / "o.yaml")).message
    )
    assert (
        "is a folder" in _error(run("import", "csv", tmp_path, "-o", tmp_path / "o.yaml")).message
    )


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("import", "xml", SAMPLES / "film.gift", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 2


def test_a_converter_bug_never_writes_an_invalid_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Conversion:
        document = {
            "format": 1,
            "pack": {"id": "x", "title": "X"},
            "questions": [{"id": "q", "type": "choice", "prompt": "?", "answer": "a"}],
        }
        return Conversion(document=document, notes=[])

    monkeypatch.setattr("quiz.authoring.convert.converter", lambda _fmt: broken)
    out = tmp_path / "out.yaml"
    error = _error(run("import", "csv", SAMPLES / "film.csv", "-o", out))
    assert "the converted pack is not valid" in error.message
    assert not out.exists()


@pytest.mark.parametrize("command", ["new", "import"])
def test_help_has_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert f"quiz packs {command} " in result.stdout


# -- through the real root app and its error boundary ---------------------------------


def test_the_root_app_has_both_commands_and_shows_errors(tmp_path: Path) -> None:
    from quiz.cli.app import app

    out = tmp_path / "film.yaml"
    ok = CliRunner().invoke(
        app, ["packs", "import", "gift", str(SAMPLES / "film.gift"), "-o", str(out)]
    )
    assert ok.exit_code == 0, ok.output
    assert f"Imported 11 questions (0 skipped) into {out}" in ok.stdout
    again = CliRunner().invoke(app, ["packs", "new", str(out)])
    assert again.exit_code == 1
    assert f"error: {out} already exists" in again.stderr
    assert "hint: pass --force to overwrite it" in again.stderr
    assert again.exception is None or isinstance(again.exception, SystemExit)

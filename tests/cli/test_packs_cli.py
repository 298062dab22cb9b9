"""``quiz packs ...`` through the CLI runner: output, error messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quiz.cli.app import app

REPO = Path(__file__).resolve().parents[2]
BUILTIN_PACK = REPO / "questions.yaml"
BUILTIN_ID = "la-la-land-first-look"

runner = CliRunner()


def quiz(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args])


def pack_text(pack_id: str, title: str = "T", answer: str = "A", source: str = "") -> str:
    extra = f", source: {json.dumps(source)}" if source else ""
    return (
        f"format: 1\npack:\n  id: {pack_id}\n  title: {json.dumps(title)}\nquestions:\n"
        f"  - {{id: q, type: text, prompt: Prompt?, answer: {answer}{extra}}}\n"
        "  - {id: r, type: truefalse, prompt: True?, answer: true}\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def builtin_count() -> int:
    from quiz.packs.load import load_pack

    return len(load_pack(BUILTIN_PACK, use_cache=False).questions)


# -- list ------------------------------------------------------------------------------------


def test_list_shows_the_builtin_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = quiz("packs", "list")
    assert result.exit_code == 0, result.stderr
    assert BUILTIN_ID in result.stdout
    assert f" {builtin_count()} " in result.stdout
    assert "built-in" in result.stdout
    assert result.stderr == ""


def test_list_does_not_split_an_id_at_100_columns() -> None:
    # conftest fixes COLUMNS=100; an id is what a player types next, so it must stay whole.
    result = quiz("packs", "list")
    assert result.exit_code == 0
    assert BUILTIN_ID in result.stdout


def test_list_json_has_the_fields() -> None:
    result = quiz("packs", "list", "--json")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row["id"] == BUILTIN_ID
    assert row["where"] == "built-in"
    assert row["builtin"] is True
    assert row["questions"] == builtin_count()
    assert row["title"] == "La La Land: a first look"
    assert set(row["difficulty"]) == {"easy", "medium", "hard"}
    assert sum(row["difficulty"].values()) == row["questions"]
    assert "people" in row["tags"]
    assert row["source"]["publisher"] == "Entertainment Weekly"


def test_a_broken_installed_pack_is_listed_without_failing(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    write(quiz_home / "packs", "good.yaml", pack_text("good-pack"))
    broken = write(quiz_home / "packs", "broken.yaml", "format: 1\npack: {id: x}\n")
    result = quiz("packs", "list")
    assert result.exit_code == 0, result.stderr
    assert "(broken)" in result.stdout
    assert "good-pack" in result.stdout

    result = quiz("packs", "list", "--json")
    assert result.exit_code == 0
    rows = {row["where"]: row for row in json.loads(result.stdout)}
    assert rows[str(broken)]["error"] == [
        f"{broken}:1:1: questions: missing required field 'questions'",
        f"{broken}:2:7: pack.title: missing required field 'title'",
    ]
    assert "id" not in rows[str(broken)]
    assert rows[str(quiz_home / "packs" / "good.yaml")]["id"] == "good-pack"


def test_list_reports_two_installed_packs_with_one_id(quiz_home: Path) -> None:
    a = write(quiz_home / "packs", "a.yaml", pack_text("twin"))
    b = write(quiz_home / "packs", "b.yaml", pack_text("twin"))
    result = quiz("packs", "list")
    assert result.exit_code == 1
    assert f"error: two packs have the id 'twin': {a} and {b}" in result.stderr


# -- show ------------------------------------------------------------------------------------


def test_show_hides_answers_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    hidden = quiz("packs", "show", BUILTIN_ID)
    assert hidden.exit_code == 0, hidden.stderr
    assert "Answers are hidden; add --answers to see them." in hidden.stdout
    assert "Joe McGovern" in hidden.stdout  # the byline is metadata, not an answer
    assert "Ginger Rogers" not in hidden.stdout

    shown = quiz("packs", "show", BUILTIN_ID, "--answers")
    assert shown.exit_code == 0, shown.stderr
    assert "Ginger Rogers" in shown.stdout
    assert "Answers are hidden" not in shown.stdout


def test_show_a_file_by_path(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", pack_text("by-path", "By path"))
    result = quiz("packs", "show", path)
    assert result.exit_code == 0, result.stderr
    assert "By path" in result.stdout


def test_show_an_unknown_id() -> None:
    result = quiz("packs", "show", "no-such-pack")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no pack with the id 'no-such-pack'\n")
    assert f"hint: packs you have: {BUILTIN_ID}." in result.stderr
    assert "Traceback" not in result.stderr


def test_show_prints_markup_and_escapes_literally(tmp_path: Path) -> None:
    title = "[bold red]Loud[/bold red] \x1b[31mred\x1b[0m :smile: [link=http://x]y[/link]"
    text = pack_text("markup", "T").replace('title: "T"', f"title: {json.dumps(title)}")
    text = text.replace("prompt: Prompt?", 'prompt: "[blink]Q[/blink] \\e]8;;http://x\\e\\\\"')
    path = write(tmp_path, "p.yaml", text)
    result = quiz("packs", "show", path, "--answers")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "[bold red]Loud[/bold red]" in result.stdout
    assert ":smile:" in result.stdout
    assert "[blink]Q[/blink]" in result.stdout


# -- validate ---------------------------------------------------------------------------------


def test_validate_the_builtin_pack() -> None:
    result = quiz("packs", "validate", BUILTIN_PACK)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{BUILTIN_PACK}: ok, {builtin_count()} questions\n"


def test_validate_good_and_bad_files(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", pack_text("good"))
    bad = write(
        tmp_path,
        "bad.yaml",
        pack_text("bad", answer="[A]").replace("answer: true", "answer: yes"),
    )
    result = quiz("packs", "validate", good, bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok, 2 questions",
        f"{bad}:6:50: questions[0].answer: must be text, not a list",
        f"{bad}:7:53: questions[1].answer: must be true or false; 'yes' is read as text (YAML 1.2)",
    ]
    assert result.stderr == "error: 2 problems in 1 of 2 files\n"


def test_validate_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    result = quiz("packs", "validate", tmp_path / "nope.yaml", tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'nope.yaml'}: no such file",
        f"{tmp_path}: is a folder, not a pack file",
    ]
    assert result.stderr == "error: 2 problems in 2 of 2 files\n"


def test_validate_output_has_no_control_characters(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", 'format: 1\n"\\e[31mkey\\nline": 1\n')
    result = quiz("packs", "validate", bad)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    assert all(line.startswith(str(bad)) for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "args",
    [
        ["packs", "validate"],
        ["packs", "add"],
        ["packs", "show"],
        ["packs", "remove"],
        ["packs", "verify", "questions.yaml"],
        ["packs", "list", "--nope"],
    ],
    ids=" ".join,
)
def test_bad_usage_exits_2_with_typers_message(args: list[str]) -> None:
    # DESIGN.md: "2 bad usage (Typer's own)"; never the "this is a bug" exit 70.
    result = quiz(*args)
    assert result.exit_code == 2, result.stderr
    assert "Usage: " in result.stderr
    assert "this is a bug" not in result.stderr


# -- schema -----------------------------------------------------------------------------------


def test_schema_prints_json() -> None:
    result = quiz("packs", "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["format", "pack", "questions"]


def test_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    result = quiz("packs", "schema", "-o", target)
    assert result.exit_code == 0
    assert result.stdout == f"wrote {target}\n"
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        quiz("packs", "schema").stdout
    )


def test_schema_to_an_unwritable_place(tmp_path: Path) -> None:
    result = quiz("packs", "schema", "-o", tmp_path / "missing-folder" / "schema.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write ")


# -- verify ------------------------------------------------------------------------------------


def test_verify_a_pack_whose_excerpts_are_all_found(tmp_path: Path, sample_article: Path) -> None:
    text = pack_text("p", source="shot the storm sequence")
    text = text.replace("answer: true}", 'answer: true, source: "opens in cinemas"}')
    path = write(tmp_path, "p.yaml", text)
    result = quiz("packs", "verify", path, "--against", sample_article)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"2 of 2 source excerpts found in {sample_article}\n"


def test_verify_a_made_up_excerpt(tmp_path: Path, sample_article: Path) -> None:
    path = write(tmp_path, "p.yaml", pack_text("p", source="Quintela wrote it on a napkin"))
    result = quiz("packs", "verify", path, "--against", sample_article)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{path}:6: q: source not found in the article: "Quintela wrote it on a napkin"',
        f"{path}:7: r: no source excerpt",
        f"0 of 1 source excerpts found in {sample_article}; 1 questions have none",
    ]


def test_verify_strict_fails_on_unsourced_questions(tmp_path: Path, sample_article: Path) -> None:
    path = write(tmp_path, "p.yaml", pack_text("p", source="a quiet ghost story"))
    assert quiz("packs", "verify", path, "--against", sample_article).exit_code == 0
    assert quiz("packs", "verify", path, "--against", sample_article, "--strict").exit_code == 1


def test_verify_json(tmp_path: Path, sample_article: Path) -> None:
    path = write(tmp_path, "p.yaml", pack_text("p", source="made up"))
    result = quiz("packs", "verify", path, "--against", sample_article, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "pack": "p",
        "article": str(sample_article),
        "ok": False,
        "found": 0,
        "missing": [{"id": "q", "line": 6, "source": "made up"}],
        "unsourced": [{"id": "r", "line": 7}],
    }


def test_verify_a_missing_article(tmp_path: Path) -> None:
    result = quiz("packs", "verify", BUILTIN_PACK, "--against", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot read the article {tmp_path / 'nope.txt'}")


# -- add, remove, export --------------------------------------------------------------------------


def test_add_then_remove(tmp_path: Path, quiz_home: Path) -> None:
    source = write(tmp_path, "mine.yaml", pack_text("my-pack", "Mine"))
    added = quiz("packs", "add", source)
    assert added.exit_code == 0, added.stderr
    installed = quiz_home / "packs" / "my-pack.yaml"
    assert added.stdout.splitlines() == [
        f"installed 'my-pack' (2 questions) as {installed}",
        "play it with: quiz play --pack my-pack",
    ]
    assert installed.is_file()
    assert "my-pack" in quiz("packs", "list", "--json").stdout

    again = quiz("packs", "add", source)
    assert again.exit_code == 1
    assert "already installed" in again.stderr
    assert "hint: pass --replace" in again.stderr

    replaced = quiz("packs", "add", source, "--replace")
    assert replaced.exit_code == 0
    assert replaced.stdout.startswith("updated 'my-pack'")

    removed = quiz("packs", "remove", "my-pack")
    assert removed.exit_code == 0
    assert removed.stdout == f"removed 'my-pack' ({installed})\n"
    assert not installed.exists()
    assert quiz("packs", "remove", "my-pack").exit_code == 1


def test_add_a_bad_file_prints_its_problem(tmp_path: Path, quiz_home: Path) -> None:
    source = write(tmp_path, "bad.yaml", pack_text("bad", answer="[A]"))
    result = quiz("packs", "add", source)
    assert result.exit_code == 1
    assert f"{source}:6:50: questions[0].answer: must be text, not a list" in result.stderr
    assert not (quiz_home / "packs").exists() or not any((quiz_home / "packs").iterdir())


def test_add_a_folder(tmp_path: Path, quiz_home: Path) -> None:
    write(tmp_path / "set", "a.yaml", pack_text("pack-a"))
    write(tmp_path / "set", "b.yaml", pack_text("pack-b"))
    result = quiz("packs", "add", tmp_path / "set")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (quiz_home / "packs").glob("*.yaml")) == [
        "pack-a.yaml",
        "pack-b.yaml",
    ]


def test_add_the_builtin_id_and_remove_the_builtin_pack(tmp_path: Path) -> None:
    source = write(tmp_path, "copy.yaml", BUILTIN_PACK.read_text(encoding="utf-8"))
    added = quiz("packs", "add", source)
    assert added.exit_code == 1
    assert f"error: {source}: the id '{BUILTIN_ID}' belongs to the built-in pack" in added.stderr
    removed = quiz("packs", "remove", BUILTIN_ID)
    assert removed.exit_code == 1
    assert removed.stderr.startswith("error: the built-in pack cannot be removed\n")


def test_export_the_builtin_pack_then_validate_it(tmp_path: Path) -> None:
    target = tmp_path / "copy.yaml"
    exported = quiz("packs", "export", BUILTIN_ID, "-o", target)
    assert exported.exit_code == 0, exported.stderr
    n = builtin_count()
    assert exported.stdout == f"wrote {n} questions of '{BUILTIN_ID}' to {target}\n"
    validated = quiz("packs", "validate", target)
    assert validated.exit_code == 0, validated.stdout
    assert validated.stdout == f"{target}: ok, {n} questions\n"

    again = quiz("packs", "export", BUILTIN_ID, "-o", target)
    assert again.exit_code == 1
    assert "already exists" in again.stderr
    assert quiz("packs", "export", BUILTIN_ID, "-o", target, "--force").exit_code == 0


def test_export_then_add_under_a_new_id(tmp_path: Path, quiz_home: Path) -> None:
    target = tmp_path / "copy.yaml"
    assert quiz("packs", "export", BUILTIN_ID, "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8").replace(f"id: {BUILTIN_ID}", "id: my-copy", 1)
    target.write_text(text, encoding="utf-8")
    result = quiz("packs", "add", target)
    assert result.exit_code == 0, result.stderr
    assert (quiz_home / "packs" / "my-copy.yaml").is_file()

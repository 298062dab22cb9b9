"""The README's walk-throughs for pack authors, end to end through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.load import load_pack
from quiz.packs.model import Pack, QuestionType

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parent.parent / "authoring" / "samples"
LETTERS = "ABCDEFGH"


def answers_for(pack: Pack, seed: int) -> str:
    def right(asked: AskedQuestion) -> str:
        q = asked.question
        if q.type is QuestionType.CHOICE:
            return LETTERS[asked.options.index(q.answer_text)]
        return q.answer_text

    asked = select_questions([pack], count=len(pack.questions), seed=seed)
    return "".join(right(a) + "\n" for a in asked)


def test_new_edit_add_play_by_id_then_score(tmp_path: Path, quiz_home: Path) -> None:
    path = tmp_path / "my-pack.yaml"
    assert runner.invoke(app, ["packs", "new", str(path)]).exit_code == 0
    # The edit: give the pack a title of one's own.
    text = re.sub(
        r"(?m)^  title: .*$", '  title: "Edited by hand"', path.read_text("utf-8"), count=1
    )
    path.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["packs", "validate", str(path)]).exit_code == 0
    added = runner.invoke(app, ["packs", "add", str(path)])
    assert added.exit_code == 0, added.output
    assert "play it with: quiz play --pack my-pack" in added.stdout

    pack = load_pack(quiz_home / "packs" / "my-pack.yaml")
    assert pack.title == "Edited by hand"
    n = len(pack.questions)
    played = runner.invoke(
        app,
        ["play", "--pack", "my-pack", "-n", str(n), "--seed", "4", "--name", "Ada"],
        input=answers_for(pack, 4),
    )
    assert played.exit_code == 0, played.output
    assert f"{n}/{n} right" in played.stdout

    scores = runner.invoke(app, ["scores", "--pack", "my-pack", "--json"])
    [row] = json.loads(scores.stdout)
    assert (row["player"], row["correct"], row["packs"]) == ("Ada", n, ["my-pack"])


def test_an_opentdb_file_imports_decoded_and_plays(tmp_path: Path) -> None:
    out = tmp_path / "trivia.yaml"
    result = runner.invoke(
        app, ["packs", "import", "opentdb", str(SAMPLES / "opentdb_film.json"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    pack = load_pack(out)
    prompts = [q.prompt for q in pack.questions]
    assert 'Who directed "Jaws" (1975)?' in prompts
    assert any("Amélie" in p for p in prompts)
    assert not any("&quot;" in p or "&eacute;" in p for p in prompts)

    n = len(pack.questions)
    played = runner.invoke(
        app,
        ["play", "--pack", str(out), "-n", str(n), "--seed", "2", "--practice"],
        input=answers_for(pack, 2),
    )
    assert played.exit_code == 0, played.output
    assert f"{n}/{n} right" in played.stdout
    assert 'Who directed "Jaws" (1975)?' in played.stdout


def test_new_writes_the_schema_its_first_line_names(tmp_path: Path) -> None:
    from quiz.packs.spec import json_schema

    path = tmp_path / "my-pack.yaml"
    assert runner.invoke(app, ["packs", "new", str(path)]).exit_code == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=quiz-pack.schema.json"
    schema = tmp_path / "quiz-pack.schema.json"
    assert json.loads(schema.read_text(encoding="utf-8")) == json_schema()


def test_new_leaves_an_existing_schema_file_alone(tmp_path: Path) -> None:
    schema = tmp_path / "quiz-pack.schema.json"
    schema.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["packs", "new", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "mine"
    assert "quiz packs schema -o" in result.stdout

"""``quiz packs new --from-article``: the author's loop through the real root app.

Draft, validate, lint, verify against the article, play a piped round. The built-in
pack's article is used where it sits beside the checkout; the sample articles
written for the tests everywhere else.
"""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.load import load_pack
from quiz.packs.model import Pack, QuestionType

runner = CliRunner()
ARTICLES = Path(__file__).resolve().parent.parent / "articles"
LETTERS = "ABCDEFGH"


def _right_answers(pack: Pack, count: int, seed: int) -> str:
    def right(asked: AskedQuestion) -> str:
        q = asked.question
        if q.type is QuestionType.CHOICE:
            return LETTERS[asked.options.index(q.answer_text)]
        return q.answer_text

    return "".join(right(a) + "\n" for a in select_questions([pack], count=count, seed=seed))


def _draft_and_play(article: Path, target: Path, quiz_home: Path) -> Pack:
    drafted = runner.invoke(app, ["packs", "new", str(target), "--from-article", str(article)])
    assert drafted.exit_code == 0, drafted.output
    assert "Wrote a draft of" in drafted.stdout
    validated = runner.invoke(app, ["packs", "validate", str(target)])
    assert validated.exit_code == 0, validated.output
    linted = runner.invoke(app, ["packs", "lint", str(target)])
    assert linted.exit_code == 0, linted.output  # warnings (leaks between questions) only
    assert ": 0 errors," in linted.stdout
    verified = runner.invoke(app, ["packs", "verify", str(target), "--against", str(article)])
    assert verified.exit_code == 0, verified.output
    pack = load_pack(target)
    n = min(8, len(pack.questions))
    played = runner.invoke(
        app,
        ["play", "--pack", str(target), "-n", str(n), "--seed", "3", "--practice"],
        input=_right_answers(pack, n, 3),
    )
    assert played.exit_code == 0, played.output
    assert f"{n}/{n} right" in played.stdout
    return pack


def test_the_built_in_article_drafts_a_playable_pack(
    la_la_land_article: Path, tmp_path: Path, quiz_home: Path
) -> None:
    pack = _draft_and_play(la_la_land_article, tmp_path / "lll.yaml", quiz_home)
    assert len(pack.questions) >= 25
    assert {q.type for q in pack.questions} == set(QuestionType)
    assert pack.source is not None
    assert (pack.source.author, pack.source.date) == ("Joe McGovern", "2015-12-30")


def test_a_sample_article_drafts_a_playable_pack(tmp_path: Path, quiz_home: Path) -> None:
    pack = _draft_and_play(ARTICLES / "salt-road.html", tmp_path / "salt.yaml", quiz_home)
    assert pack.source is not None
    assert pack.source.title == "The Salt Road"


def test_standard_input_count_and_seed(tmp_path: Path) -> None:
    article = (ARTICLES / "harbor-lights.txt").read_text(encoding="utf-8")
    target = tmp_path / "hl.yaml"
    args = ["packs", "new", str(target), "--from-article", "-", "--count", "5"]
    result = runner.invoke(app, args, input=article)
    assert result.exit_code == 0, result.output
    assert "Wrote a draft of 5 questions" in result.stdout
    assert "--against" not in result.stdout  # no file to verify against
    assert len(load_pack(target).questions) == 5

    def wrong_options(seed: str) -> list[str]:
        path = tmp_path / f"seed-{seed}.yaml"
        args = ["packs", "new", str(path), "--from-article", "-", "--seed", seed, "--force"]
        assert runner.invoke(app, args, input=article).exit_code == 0
        return re.findall(r"^    wrong: (.*)$", path.read_text("utf-8"), flags=re.M)

    assert wrong_options("0") == wrong_options("0")
    assert wrong_options("0") != wrong_options("7")


def test_bad_count_and_unreadable_article(tmp_path: Path) -> None:
    article = ARTICLES / "harbor-lights.txt"
    bad = runner.invoke(
        app,
        ["packs", "new", str(tmp_path / "a.yaml"), "--from-article", str(article), "--count", "0"],
    )
    assert bad.exit_code == 2
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 by Ren\xe9 Roux.".encode("latin-1"))
    result = runner.invoke(
        app,
        ["packs", "new", str(tmp_path / "b.yaml"), "--from-article", str(tmp_path / "latin1.txt")],
    )
    assert result.exit_code == 1
    assert "is not UTF-8 text" in result.stderr
    assert not (tmp_path / "b.yaml").exists()

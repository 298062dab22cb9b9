"""``quiz review`` piped: the questions missed come back, and right answers move them up."""

from __future__ import annotations

from pathlib import Path

import pytest
from modes_answers import answers, asked_prompts, feed, wrong_text
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.review import replay
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.discovery import builtin_pack
from quiz.store.db import ScoreStore

runner = CliRunner()
PATTERN = "rwrswr"  # two wrong, one skipped: three misses


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TODAY", "2026-12-01")


def play_round(pattern: str = PATTERN, seed: int = 3) -> list[AskedQuestion]:
    asked = select_questions([builtin_pack()], count=len(pattern), seed=seed)
    result = runner.invoke(
        app,
        ["play", "-n", str(len(pattern)), "--seed", str(seed), "--name", "ann"],
        input=feed(answers(asked, pattern)),
    )
    assert result.exit_code == 0, result.stderr
    return [a for a, p in zip(asked, pattern, strict=True) if p != "r"]


def boxes() -> dict[str, int]:
    with ScoreStore.open(create=False) as store:
        cards = replay(store.answer_history("ann"))
    return {qid: card.box for (_, qid), card in cards.items()}


def review(*args: str, lines: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["review", "--name", "ann", *args], input=feed(lines))
    return result.exit_code, result.stdout, result.stderr


def by_id(missed: list[AskedQuestion]) -> list[AskedQuestion]:
    return sorted(missed, key=lambda a: a.question.id)  # all due at once: then by id


def test_review_asks_exactly_the_missed_questions_and_a_right_answer_moves_up() -> None:
    missed = play_round()
    assert boxes() == dict.fromkeys((a.question.id for a in missed), 1)
    order = by_id(missed)
    texts = [a.question.answer_text for a in order]  # a choice also takes its option's text
    code, out, err = review(lines=[texts[0], wrong_text(order[1]), texts[2]])
    assert code == 0, err
    prompts = asked_prompts(out)
    assert len(prompts) == 3
    assert all(p in a.question.prompt for p, a in zip(prompts, order, strict=True))
    assert boxes()[order[0].question.id] == 2
    assert boxes()[order[1].question.id] == 1
    assert boxes()[order[2].question.id] == 2
    assert f"{order[0].question.id}: box 2, due 2026-" in out


def test_nothing_goes_on_a_board() -> None:
    missed = play_round()
    review(lines=[a.question.answer_text for a in by_id(missed)])
    with ScoreStore.open(create=False) as store:
        assert [board for board, _ in store.boards()] == ["la-la-land-first-look/6/timed-20s"]


def test_count_and_status() -> None:
    missed = play_round()
    code, out, _ = review("-n", "1", lines=[by_id(missed)[0].question.answer_text])
    assert code == 0
    assert len(asked_prompts(out)) == 1
    status = runner.invoke(app, ["review", "--status", "--name", "ann"])
    assert status.exit_code == 0
    row = next(line for line in status.stdout.splitlines() if line.startswith("la-la-land"))
    assert row.split()[1:] == ["2", "1", "0", "0", "0", "0", "2"]


def test_practice_moves_nothing() -> None:
    missed = play_round()
    code, out, _ = review("--practice", lines=[a.question.answer_text for a in by_id(missed)])
    assert code == 0
    assert "Practice: the questions stay in their boxes." in out
    assert set(boxes().values()) == {1}


def test_nothing_due() -> None:
    code, out, _ = review(lines=[])
    assert code == 0
    assert "Nothing to review: no missed question is waiting." in out
    missed = play_round()
    review(lines=[a.question.answer_text for a in by_id(missed)])
    code, out, _ = review(lines=[])
    assert "Nothing to review today; the next question is due on 2026-" in out


def test_a_removed_pack_is_skipped_with_a_note(quiz_home: Path) -> None:
    source = Path(__file__).parent.parent.parent / "questions.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "id: la-la-land-first-look", "id: gone-pack", 1
    )
    pack_file = quiz_home.parent / "gone.yaml"
    pack_file.write_text(text, encoding="utf-8")
    asked = select_questions([builtin_pack()], count=2, seed=1)
    runner.invoke(
        app,
        ["play", "-n", "2", "--seed", "1", "--name", "ann", "--pack", str(pack_file)],
        input=feed(answers(asked, "ww")),
    )
    pack_file.unlink()
    code, out, err = review(lines=[])
    assert code == 0, err
    assert "2 questions of the pack 'gone-pack' skipped: the pack is not installed" in err
    assert "Nothing left to review" in out


def test_without_a_name_it_asks_for_one() -> None:
    result = runner.invoke(app, ["review"])
    assert result.exit_code == 1
    assert "hint: pass --name NAME" in result.stderr


def test_reset_export_and_import_carry_the_boxes(tmp_path: Path) -> None:
    missed = play_round()
    order = by_id(missed)
    review(lines=[order[0].question.answer_text, wrong_text(order[1]), wrong_text(order[2])])
    before = boxes()
    assert before[order[0].question.id] == 2
    backup = tmp_path / "backup.json"
    assert runner.invoke(app, ["scores", "export", str(backup)]).exit_code == 0
    assert runner.invoke(app, ["scores", "reset", "--yes"]).exit_code == 0
    assert boxes() == {}
    done = runner.invoke(app, ["scores", "import", str(backup)])
    assert done.exit_code == 0, done.stderr
    assert boxes() == before

"""Whatever a player types at a prompt, the round goes on: Unicode digits and
letters ("²", "٣", "Ⅳ", "ａ") are answers or are asked again, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.game.grade import check_input
from quiz.game.round import Round
from quiz.game.select import select_questions
from quiz.packs.load import parse_pack

runner = CliRunner()

PACK = """\
format: 1
pack:
  id: fuzz
  title: Fuzz
  version: 1
questions:
  - id: director
    type: choice
    prompt: Who directed Whiplash?
    answer: Damien Chazelle
    wrong: [Tom Cross, Thom Andersen, J.K. Simmons]
  - id: musical
    type: truefalse
    prompt: La La Land is a musical.
    answer: true
  - id: freeway
    type: number
    prompt: Which interstate is jammed in the opening number?
    answer: 405
"""

# What a player might type, with the troublemakers weighted in: superscripts,
# other scripts' digits, Roman numerals, fullwidth and accented letters.
odd = st.sampled_from(list("²³¹¼½٣٤०१৩๓ⅣⅫ①ａＢéßİ"))
typed = st.text(
    alphabet=odd | st.characters(categories=["Nd", "No", "Nl", "Lu", "Ll", "Lo", "Mn"]),
    min_size=1,
    max_size=4,
)
PARSED = parse_pack(PACK, "fuzz.yaml")
# Lines that end a one-question round whatever came before: a letter, t or 1
# is an answer, and skip (the round's one skip) passes after 50:50 took A.
TAIL = ["a", "t", "1", "skip"]


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["choice", "truefalse", "number"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(odd | typed, min_size=1, max_size=5), fifty=st.booleans())
def test_a_piped_round_survives_unicode_answers(
    pack_file: Path, kind: str, lines: list[str], fifty: bool
) -> None:
    answers = (["50"] if fifty else []) + lines + TAIL
    args = ["play", "--pack", str(pack_file), "--type", kind, "-n", "1", "--name", "fuzz"]
    result = runner.invoke(app, args, input="".join(f"{a}\n" for a in answers))
    assert result.exit_code == 0, result.output
    assert "nothing was recorded" not in result.output


@settings(max_examples=200, deadline=None)
@given(st.lists(typed, min_size=1, max_size=12), st.integers(0, 2**16), st.booleans())
def test_the_game_grades_unicode_answers_sanely(lines: list[str], seed: int, fifty: bool) -> None:
    game = Round(select_questions([PARSED], count=3, seed=seed), None, seed=seed)
    if fifty and game.current is not None and len(game.options) >= 3:
        game.use_fifty_fifty()
    for line in lines:
        asked = game.current
        if asked is None:
            break
        problem = check_input(asked.question, line, game.options, labels=asked.options)
        if problem is not None:
            assert problem.endswith(("text", "(t/f, y/n)", "number")) or "50:50" in problem
            continue
        result = game.answer(line, 1.0)
        assert result.grade is not None
        assert result.points.total >= 0
        assert result.correct == (result.points.total > 0)
    summary = game.summary() if game.finished else None
    assert summary is None or summary.answered == 3

"""The README's examples work as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from quiz.packs.load import parse_pack

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_format_example_is_a_valid_pack() -> None:
    (block,) = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    pack = parse_pack(block, "README.md")
    assert [q.type for q in pack.questions] == ["choice", "number", "text", "truefalse"]


def test_the_piped_example_scores_full_marks(quiz_home: Path) -> None:
    line = next(ln for ln in README.splitlines() if ln.startswith("printf ") and "quiz play" in ln)
    answers = line.split("'")[1].encode().decode("unicode_escape")
    args = line.split("quiz play", 1)[1].split()
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "play", *args],
        input=answers,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "3/3 right" in result.stdout


def test_the_scoring_example_matches_the_rules() -> None:
    from quiz.game.scoring import score_answer
    from quiz.packs.model import Difficulty

    points = score_answer(Difficulty.HARD, True, 5, 20, 3, False)
    assert (points.base, points.speed, points.streak, points.total) == (300, -37, 79, 342)
    assert "**342**" in README

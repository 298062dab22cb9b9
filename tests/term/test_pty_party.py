"""Party play in a real pseudo-terminal: the pass screen hides the last player's feedback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from quiz.game.party import plan_party
from quiz.game.select import AskedQuestion
from quiz.packs.discovery import builtin_pack
from quiz.packs.model import QuestionType

LETTERS = "ABCDEFGH"
CLEAR = "\x1b[2J"
PROMPT = r"Your answer"


def right(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type is QuestionType.CHOICE:
        return LETTERS[asked.options.index(q.answer_text)]
    return q.answer_text


def test_a_pass_screen_between_turns_in_a_terminal(quiz_home: Path) -> None:
    plan = plan_party([builtin_pack()], ["Ann", "Bo"], 1, 6)
    env = {**os.environ, "QUIZ_HOME": str(quiz_home), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quiz", "party", "--player", "Ann", "--player", "Bo", "-n", "1", "--seed", "6"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )
    child.expect("Ann's turn")
    child.expect(PROMPT)
    child.send(right(plan.questions[0][0]) + "\r")
    child.expect("Press Enter to end your turn")
    feedback = child.before
    child.sendline("")
    child.expect("Pass to Bo, press Enter")
    assert CLEAR in child.before  # the screen is cleared: Ann's feedback is gone
    assert "Right" in feedback
    child.sendline("")
    child.expect("Bo's turn")
    child.expect(PROMPT)
    child.send(right(plan.questions[1][0]) + "\r")
    child.expect(pexpect.EOF)
    end = child.before
    child.close()
    assert child.exitstatus == 0, end
    assert "Press Enter to end your turn" not in end  # no pass screen after the last turn
    assert "Podium" in end
    assert "party/la-la-land-first-look/1/timed-20s" in end

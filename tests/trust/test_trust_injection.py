"""Terminal injection: hostile pack text and player names reach the screen as harmless text.

A pack (and a name) may hold escape sequences (colour, clear screen, the
clipboard, links, the window title), C1 controls, bidi overrides, zero-width
characters, Rich markup and emoji codes. The program's own styling is plain
SGR; anything else starting with ESC, and every control or invisible
character, must be gone before the bytes leave the program, while the rest of
the text is shown literally (``[bold red]`` appears as those nine characters).

The terminal tests capture the real bytes a pseudo-terminal receives; the
piped tests check the plain output, where not even SGR belongs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest
from trust_support import (
    FRAGMENTS,
    HOSTILE,
    HOSTILE_NAME,
    SHORT,
    VISIBLE,
    finish,
    hostile_pack,
    spawn,
    terminal_problems,
    visible,
    write_pack,
)
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.packs.load import load_pack, parse_pack

runner = CliRunner()
# A fresh prompt (prompt_toolkit turns on bracketed paste as it starts), not
# the redraw of the line after Enter; group 1 is the hint of valid answers.
PROMPT = re.compile(rb"\x1b\[\?2004h[^\r\n]*?Your answer(?: \(([^)]*)\))?:")
QUESTION_NUMBER = re.compile(rb"Question (\d+) of")
WRONG = {b"true or false": b"f", b"a number": b"7", b"": b"nope"}
ANSWERS = "A\nt\n1\n" * 2  # any two questions: each takes the first line it can grade
SHOWN_NAME = "]0;pwnedann[bold]x"  # HOSTILE_NAME with its controls gone


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "hostile.yaml", hostile_pack())


def assert_harmless(text: str, *, styled: bool = True) -> None:
    """No hostile control reached the output, and the hostile text is shown literally."""
    assert terminal_problems(text) == []
    if not styled:
        assert "\x1b" not in text
    shown = visible(text)
    missing = [part for part in VISIBLE if part not in shown]
    assert missing == [], missing


# -- the pack really is hostile ------------------------------------------------------


def test_the_hostile_pack_holds_every_control_it_should(hostile: Path) -> None:
    pack = load_pack(hostile, use_cache=False)
    prompt = pack.questions[0].prompt
    for raw, _ in FRAGMENTS.values():
        assert raw in prompt
    assert "\x1b]0;pwned\x07" in pack.title


def test_yaml_double_quoted_escapes_spell_control_characters() -> None:
    text = r"""
format: 1
pack: {id: esc, title: "\e]0;pwned\a T \x9b \u202e"}
questions:
  - {id: q, type: truefalse, prompt: "\e[2J\e[H \N x \_ y", answer: true}
"""
    pack = parse_pack(text, "esc.yaml")
    assert pack.title == "\x1b]0;pwned\x07 T \x9b \u202e"
    assert pack.questions[0].prompt == "\x1b[2J\x1b[H \x85 x \xa0 y"


# -- in a terminal ---------------------------------------------------------------------


def play_in_terminal(child: pexpect.spawn) -> bytes:
    """Answer every question: a hint first, 50:50 on the choice, then a wrong answer."""
    seen = b""
    question = b""
    tries: dict[bytes, int] = {}
    while child.expect([PROMPT, pexpect.EOF]) == 0:
        seen += child.before + child.after
        numbers = QUESTION_NUMBER.findall(child.before)  # not shown again after a hint
        if numbers:
            question = numbers[-1]
        tries[question] = tries.get(question, 0) + 1
        hint = child.match.group(1) or b""
        kind = b"" if hint.startswith(b"or ") else hint.split(b", or ")[0]
        choice = kind not in WRONG
        if tries[question] == 1:
            child.sendline("?")
        elif choice and tries[question] == 2:
            child.sendline("50")
        else:
            child.sendline(kind[:1] if choice else WRONG[kind])  # a letter still shown
    return seen + child.before


def test_a_round_of_a_hostile_pack_in_a_terminal(hostile: Path, quiz_home: Path) -> None:
    args = ["play", "--pack", str(hostile), "-n", "4", "--seed", "3", "--name", HOSTILE_NAME]
    child = spawn(args, quiz_home)
    seen = play_in_terminal(child)
    child.close()
    assert (child.exitstatus, child.signalstatus) == (0, None)
    text = seen.decode("utf-8")  # strict: nothing but UTF-8 reached the terminal
    assert_harmless(text)
    shown = visible(text)
    assert "Hint: Hint [31mRED[0m" in shown
    assert "50:50: two wrong options are gone" in shown
    assert "The answer:" in shown
    assert "Because [31mRED[0m" in shown
    assert "Hostile ]0;pwned1m[bold red]:smile: title" in shown  # the rule over the round
    assert "Your round" in shown
    assert SHOWN_NAME in shown  # the end-of-round board


def test_packs_show_with_answers_in_a_terminal(hostile: Path, quiz_home: Path) -> None:
    code, output = finish(spawn(["packs", "show", str(hostile), "--answers"], quiz_home))
    assert code == 0
    text = output.decode("utf-8")
    assert_harmless(text)
    shown = visible(text)
    assert "Right [31mRED[0m" in shown  # the choice answer, in the answers column
    assert "About: [31mRED[0m" in shown
    assert "Source [31mRED[0m" in shown


def test_packs_list_with_hostile_packs_installed(hostile: Path, quiz_home: Path) -> None:
    result = runner.invoke(app, ["packs", "add", str(hostile)])
    assert result.exit_code == 0, result.output
    broken = quiz_home / "packs" / "broken.yaml"
    broken.write_text(
        "format: 1\npack: {id: broken, title: B}\n"
        "questions: [{id: q, type: truefalse, prompt: p, answer: true}]\n"
        f'"{_yaml_escaped(SHORT)} key": 1\n',
        encoding="utf-8",
    )
    code, output = finish(spawn(["packs", "list"], quiz_home))
    assert code == 0
    text = output.decode("utf-8")
    assert terminal_problems(text) == []
    shown = visible(text)
    # The title column, its wrapped lines joined again.
    titles = " ".join(
        line.split("│")[2].strip() for line in shown.splitlines() if line.count("│") == 5
    )
    assert titles.count("Hostile ]0;pwned1m[bold red]:smile: title") == 1
    assert titles.count("Pub ]0;pwned1m[bold red]:smile:") == 1
    assert "t0 [31mred[0m" in shown  # tags are lowercased
    assert "(broken)" in shown
    assert "unknown field" in titles  # the broken pack's error, in its title's place


def test_scores_with_a_hostile_player_name_in_a_terminal(quiz_home: Path) -> None:
    for _ in range(2):
        result = runner.invoke(
            app, ["play", "-n", "2", "--seed", "1", "--name", HOSTILE_NAME], input=ANSWERS
        )
        assert result.exit_code == 0, result.output
    code, output = finish(spawn(["scores", "--all"], quiz_home))
    assert code == 0
    text = output.decode("utf-8")
    assert terminal_problems(text) == []
    assert visible(text).count(SHOWN_NAME) == 2


# -- piped: plain text, not even colour ---------------------------------------------------


def test_a_piped_round_with_hostile_answers_and_a_hostile_remembered_name(
    hostile: Path, quiz_home: Path
) -> None:
    quiz_home.mkdir()
    (quiz_home / "player").write_text(HOSTILE_NAME + "\n", encoding="utf-8")
    # Each question takes the first line it can grade: the hostile line on the
    # text question, a letter, t or 42 on the others (after a hint and 50:50,
    # which removes two of A, B and C at most).
    typed = ["?", "50", *[HOSTILE, "A", "B", "C", "t", "42"] * 4]
    # A piped round is recorded only under a typed --name (the hostile one again).
    args = ["play", "--pack", str(hostile), "-n", "4", "--seed", "5", "--name", HOSTILE_NAME]
    result = runner.invoke(app, args, input="\n".join(typed))
    assert result.exit_code == 0, result.output
    assert_harmless(result.stdout, styled=False)
    assert terminal_problems(result.stderr) == []
    assert "\x1b" not in result.stderr
    assert SHOWN_NAME in result.stdout
    assert "Hint: Hint [31mRED[0m" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["scores", "--player", HOSTILE_NAME], id="player-table"),
        pytest.param(["scores", "--all", "--player", HOSTILE_NAME], id="board-for-player"),
        pytest.param(["scores", "--all", "--csv"], id="csv"),
        pytest.param(["scores", "--all", "--json"], id="json"),
        pytest.param(["stats", "--player", HOSTILE_NAME], id="stats"),
        pytest.param(["stats", "--player", HOSTILE_NAME, "--json"], id="stats-json"),
        pytest.param(["scores", "--player", HOSTILE_NAME + "zz"], id="no-rounds-message"),
    ],
)
def test_score_views_show_a_hostile_name_harmlessly(args: list[str]) -> None:
    played = runner.invoke(
        app, ["play", "-n", "2", "--seed", "1", "--name", HOSTILE_NAME], input=ANSWERS
    )
    assert played.exit_code == 0, played.output
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    for stream in (result.stdout, result.stderr):
        assert terminal_problems(stream) == []
        assert "\x1b" not in stream
    assert "pwned" in result.stdout + result.stderr  # the name is there, defanged


def test_problems_in_a_hostile_pack_are_reported_harmlessly(tmp_path: Path) -> None:
    escaped = _yaml_escaped(SHORT)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        f'format: 1\npack: {{id: "{escaped}", title: T, "{escaped}": 1}}\n'
        f'questions:\n  - {{id: q, type: "{escaped}", prompt: p, answer: x}}\n',
        encoding="utf-8",
    )
    for args in (["packs", "validate", str(bad)], ["play", "--pack", str(bad)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        for stream in (result.stdout, result.stderr):
            assert terminal_problems(stream) == []
            assert "\x1b" not in stream
        assert "]0;pwned1m[bold red]:smile:" in result.stdout + result.stderr


def test_a_hostile_pack_path_in_an_error_is_harmless(tmp_path: Path) -> None:
    missing = str(tmp_path / f"{SHORT}.yaml")
    result = runner.invoke(app, ["play", "--pack", missing])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert terminal_problems(result.stderr) == []
    assert "]0;pwned" in result.stderr


def _yaml_escaped(text: str) -> str:
    """``text`` for a YAML double-quoted scalar: every non-printable as an escape."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)

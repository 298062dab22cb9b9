"""Shared by the trust tests: running quiz for real, and text a stranger might write.

The program is run as ``python -m quiz`` (a subprocess, or a child in a
pseudo-terminal) wherever exit codes, signals or the bytes on a terminal are
what is tested. Everything here is plain helpers; the fixtures stay in
``tests/conftest.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import termios
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LONG_EXAMPLES = int(os.environ.get("QUIZ_FUZZ_EXAMPLES", "2000"))
SUBPROCESS_TIMEOUT = 60  # seconds; a child that takes longer is a failure, not a hang


def quiz_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child quiz: its own data folder, no colour overrides."""
    # PYTHONUNBUFFERED changes how a closed pipe shows (CPython drops the rest of a
    # partial write without an error), so children run as a user's shell runs them.
    unset = ("NO_COLOR", "FORCE_COLOR", "QUIZ_DEBUG", "PYTHONUNBUFFERED")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(QUIZ_HOME=str(home), PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def run_quiz(
    args: Sequence[str],
    home: Path,
    *,
    stdin: bytes = b"",
    timeout: float = SUBPROCESS_TIMEOUT,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], Any] | None = None,
    cwd: Path | None = None,
    python_args: Sequence[str] = ("-m", "quiz"),
) -> subprocess.CompletedProcess[bytes]:
    """Run quiz to the end, stdin a pipe holding ``stdin``; stdout and stderr captured."""
    return subprocess.run(
        [sys.executable, *python_args, *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env if env is not None else quiz_env(home),
        preexec_fn=preexec_fn,
        cwd=cwd,
        check=False,
    )


def assert_no_crash(returncode: int, stderr: str) -> None:
    """No traceback, and no death by signal (a negative code, or 128 + a signal a shell shows)."""
    assert "Traceback" not in stderr, stderr
    assert returncode >= 0, f"killed by signal {-returncode}: {stderr}"
    assert returncode not in (134, 136, 137, 139), stderr  # abort, FPE, KILL, SEGV via a shell


def spawn(
    args: Sequence[str], home: Path, *, cols: int = 250, rows: int = 50, **env: str
) -> pexpect.spawn:
    """quiz in a real pseudo-terminal; output read as bytes, exactly as a terminal gets them."""
    child_env = quiz_env(home, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows), **env)
    return pexpect.spawn(
        sys.executable,
        ["-m", "quiz", *args],
        env=child_env,
        timeout=30,
        dimensions=(rows, cols),
    )


def local_modes(fd: int) -> int:
    """The terminal's ECHO and ICANON flags, to compare before and after a run."""
    return termios.tcgetattr(fd)[3] & (termios.ECHO | termios.ICANON)


def finish(child: pexpect.spawn) -> tuple[int, bytes]:
    """Read to the end of a child's output; its exit status (asserting it was not a signal)."""
    child.expect(pexpect.EOF)
    output: bytes = child.before
    child.close()
    assert child.signalstatus is None, f"killed by signal {child.signalstatus}"
    return child.exitstatus, output


# -- hostile text ------------------------------------------------------------------

# What a hostile pack author or player might type, each with what is left of it
# once the control characters are gone (shown literally, never interpreted).
FRAGMENTS: dict[str, tuple[str, str]] = {
    "sgr": ("\x1b[31mRED\x1b[0m", "[31mRED[0m"),
    "clear": ("\x1b[2J\x1b[Hwiped", "[2J[Hwiped"),
    "clipboard": ("\x1b]52;c;cHduZWQ=\x07", "]52;c;cHduZWQ="),
    "link": ("\x1b]8;;http://evil.example/\x1b\\clickme\x1b]8;;\x1b\\", "clickme"),
    "title": ("\x1b]0;pwned\x07", "]0;pwned"),
    "c1": ("\x9b2J\x85\x90\x9dC1", "2JC1"),
    "bidi": ("\u202eevil\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069txt", "eviltxt"),
    "zero-width": ("zero\u200b\u200d\ufeffwidth", "zerowidth"),
    "markup-link": ("[link=http://x]L[/link]", "[link=http://x]L[/link]"),
    "markup-style": ("[bold red]loud", "[bold red]loud"),
    "stray-close": ("[/x] and [/]", "[/x] and [/]"),
    "emoji": (":smile:", ":smile:"),
}
HOSTILE = " ".join(raw for raw, _ in FRAGMENTS.values())
VISIBLE = [shown for _, shown in FRAGMENTS.values()]
# Short enough for a 40-character tag, a 200-character title or a name.
SHORT = "\x1b]0;pwned\x07\x9b1m[bold red]:smile:\u202e"
HOSTILE_NAME = "\x1b]0;pwned\x07ann[bold]x"

# Sequences that only a hostile text could have put there.
FORBIDDEN = (
    "\x1b]",
    "\x1b[2J",
    "\x1b[H",
    "\x1bP",
    "\x1b\\",
    "\x07",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u200d",
    "\ufeff",
)
# The program's own escapes: SGR styling, and readline's private-mode switches
# (bracketed paste, meta key) around input().
# quiz's own: colours, and what its prompt (prompt_toolkit) draws the answer line
# with: cursor moves along the line, erasing below, hiding the cursor, wrapping,
# bracketed paste.
ALLOWED_ESCAPE = re.compile(
    r"\x1b\[[0-9;]*m|\x1b\[[0-9]*[ABCDJK]|\x1b\[\?(?:1|7|12|25|2004|1034)[hl]"
)
C0_ALLOWED = "\t\n\r\x1b"


def terminal_problems(text: str) -> list[str]:
    """What in ``text`` (decoded terminal output) could not have come from quiz itself."""
    problems = [f"forbidden sequence {seq!r}" for seq in FORBIDDEN if seq in text]
    rest = ALLOWED_ESCAPE.sub("", text)
    if "\x1b" in rest:
        at = rest.index("\x1b")
        problems.append(f"an ESC that starts no SGR sequence: {rest[at : at + 12]!r}")
    for ch in sorted(set(rest)):
        code = ord(ch)
        if (code < 0x20 and ch not in C0_ALLOWED) or 0x7F <= code <= 0x9F:
            problems.append(f"control character U+{code:04X}")
    return problems


def visible(text: str) -> str:
    """Terminal output with the program's own escapes removed: what a person reads."""
    return ALLOWED_ESCAPE.sub("", text)


def hostile_pack() -> dict[str, Any]:
    """A valid pack whose every piece of free text is hostile."""
    tags = [f"t{i} {raw}"[:40] for i, (raw, _) in enumerate(FRAGMENTS.values())][:8]
    return {
        "format": 1,
        "pack": {
            "id": "hostile-pack",
            "title": f"Hostile {SHORT} title",
            "description": f"About: {HOSTILE}",
            "version": 1,
            "language": "en\x1b]0;x\x07",
            "source": {
                "title": f"Source {HOSTILE}",
                "publisher": f"Pub {SHORT}",
                "author": f"Author {SHORT}",
                "date": f"2015 {SHORT}",
                "url": "http://x/\x1b]8;;http://evil\x1b\\",
            },
        },
        "questions": [
            {
                "id": "pick",
                "type": "choice",
                "prompt": f"Choose: {HOSTILE}",
                "answer": f"Right {HOSTILE}",
                "wrong": [f"Wrong{i} {HOSTILE}" for i in range(1, 5)],
                "hint": f"Hint {HOSTILE}",
                "explanation": f"Because {HOSTILE}",
                "tags": tags,
            },
            {
                "id": "spell",
                "type": "text",
                "prompt": f"Spell it: {HOSTILE}",
                "answer": f"Chazelle {HOSTILE}",
                "accept": [f"Other {HOSTILE}"],
                "hint": f"Hint {HOSTILE}",
                "explanation": f"Because {HOSTILE}",
                "tags": tags[:2],
            },
            {
                "id": "truth",
                "type": "truefalse",
                "prompt": f"True? {HOSTILE}",
                "answer": True,
                "explanation": f"Because {HOSTILE}",
            },
            {
                "id": "count",
                "type": "number",
                "prompt": f"How many? {HOSTILE}",
                "answer": 42,
                "hint": f"Hint {HOSTILE}",
                "explanation": f"Because {HOSTILE}",
                "source": f"src {SHORT}",
            },
        ],
    }


def write_pack(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=10_000), encoding="utf-8")
    return path


# -- fuzzing -----------------------------------------------------------------------


def fuzz(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=max(1, examples),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,  # the data folder may be shared by examples
        ],
    )


def twice(
    strategy: st.SearchStrategy[Any], check: Callable[[Any], None], examples: int, *, share: int = 1
) -> tuple[Callable[[], None], Callable[[], None]]:
    """The property ``check(example)`` as a quick test, and as a long one marked slow.

    The long one runs ``QUIZ_FUZZ_EXAMPLES / share`` examples: costly properties
    (a whole round each, or big generated documents) take a smaller share.
    """
    quick = fuzz(examples)(given(strategy)(check))
    long = pytest.mark.slow(fuzz(LONG_EXAMPLES // share)(given(strategy)(check)))
    return quick, long

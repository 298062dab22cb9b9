"""Inputs and commands for the importer rows: each importer at two sizes.

Each row times ``quiz packs import`` on an input twice the size of its
baseline's, so the ratio shows how the work grows: about 2 when it is linear
(a little less, as start-up is the same for both), about 4 when it grows with
the square of the input. The inputs are plain text, written in a second or
two into the run's scratch folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from measure import Command

QUESTIONS = 5_000  # the smaller size; the measured input has twice as many
SPACES = 200_000  # a GIFT question with a run of this many spaces (and twice as many)


def _gift(n: int) -> str:
    return "".join(
        f"::q{i}::Who directed film number {i}?{{=Director {i} ~Someone {i} ~Nobody {i}}}\n\n"
        for i in range(n)
    )


def _gift_spaces(n: int) -> str:
    return "Who directed Jaws?" + " " * n + "{=Steven Spielberg ~George Lucas}\n"


def _csv_one_id(n: int) -> str:
    rows = "".join(f"same,Who directed film number {i}?,Director {i}\n" for i in range(n))
    return "id,question,answer\n" + rows


def _opentdb(n: int) -> str:
    results = [
        {
            "category": "Entertainment: Film",
            "type": "multiple",
            "difficulty": "easy",
            "question": f"Who directed film number {i}&quot;?",
            "correct_answer": f"Director {i}",
            "incorrect_answers": [f"Someone {i}", f"Nobody {i}", f"Anyone {i}"],
        }
        for i in range(n)
    ]
    return json.dumps({"response_code": 0, "results": results})


def _red(n: int) -> str:
    body = "".join(f"Who directed film number {i}?:\n- Director {i}\n- D{i}\n" for i in range(n))
    return "AUTHOR: Bench\n" + body


CASES = [
    # name, format, file suffix, writer, smaller size
    ("gift", "gift", "gift", _gift, QUESTIONS),
    ("gift, a run of spaces", "gift", "gift", _gift_spaces, SPACES),
    ("csv, rows sharing one id", "csv", "csv", _csv_one_id, QUESTIONS),
    ("opentdb", "opentdb", "json", _opentdb, QUESTIONS),
    ("red", "red", "yaml", _red, QUESTIONS),
]


def import_rows(quiz: list[str], scratch: Path) -> list[tuple[str, Command, Command, str]]:
    """(figure name, measured command, baseline command, baseline name) for each importer."""
    folder = scratch / "imports"
    folder.mkdir(exist_ok=True)
    rows = []
    for name, fmt, suffix, write, size in CASES:
        commands = []
        for n in (size, 2 * size):
            slug = name.replace(",", "").replace(" ", "-")
            src = folder / f"{slug}-{n}.{suffix}"
            src.write_text(write(n), encoding="utf-8")
            out = folder / f"{slug}-{n}.out.yaml"
            argv = [*quiz, "packs", "import", "--format", fmt, str(src), "-o", str(out), "--force"]
            commands.append(Command(argv, expect="Imported"))
        unit = "spaces" if "spaces" in name else "records"
        rows.append(
            (
                f"packs import {name}: {2 * size:,} vs {size:,} {unit}",
                commands[1],
                commands[0],
                f"the same import, {size:,} {unit}",
            )
        )
    return rows

"""The baseline programs, written out by the benchmark and run with the same interpreter.

The minimal Typer apps are configured as ``quiz`` configures its own (no Rich
help, no pretty tracebacks, no completion options), so a ratio measures what
quiz adds on top of Typer, not Typer's optional Rich layer: with Typer's
defaults, ``--help`` imports Rich and the baseline would be slower.
"""

from __future__ import annotations

from pathlib import Path

TYPER_APP = '''\
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def count(path: Path) -> None:
    """Print how many questions the JSON pack at PATH holds."""
    import json

    with path.open("rb") as fh:
        data = json.load(fh)
    print(len(data["questions"]))


if __name__ == "__main__":
    app()
'''

YAML_LOAD = """\
import sys

import yaml

with open(sys.argv[1], "rb") as fh:
    data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
print(len(data["questions"]))
"""


# -- the least an import of scores does: read the JSON, insert its rows in one transaction --
SCORES_INSERT = """\
import json
import os
import sqlite3
import sys

with open(sys.argv[1], "rb") as fh:
    rounds = json.load(fh)["rounds"]
conn = sqlite3.connect(os.path.join(os.environ["QUIZ_HOME"], "scores.db"), isolation_level=None)
conn.execute(
    "CREATE TABLE rounds (id INTEGER PRIMARY KEY, player, board, packs, score, correct, total,"
    " best_streak, duration_s, seed, time_limit, finished_at)"
)
conn.execute(
    "CREATE TABLE answers (round_id, position, pack_id, question_id, given, correct, skipped,"
    " late, elapsed_s, points, tags, PRIMARY KEY (round_id, position))"
)
fields = ("player", "board", "score", "correct", "total", "best_streak", "duration_s", "seed",
          "time_limit", "finished_at")
answer_fields = ("pack_id", "question_id", "given", "correct", "skipped", "late", "elapsed_s",
                 "points")
conn.execute("BEGIN")
conn.executemany(
    "INSERT INTO rounds VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    ((n, json.dumps(r["packs"]), *(r[f] for f in fields)) for n, r in enumerate(rounds, 1)),
)
conn.executemany(
    "INSERT INTO answers VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    (
        (n, position, *(a[f] for f in answer_fields), json.dumps(a["tags"]))
        for n, r in enumerate(rounds, 1)
        for position, a in enumerate(r["answers"])
    ),
)
conn.execute("COMMIT")
print(len(rounds))
"""


def write_baselines(folder: Path) -> dict[str, Path]:
    """Write the baseline scripts into ``folder``; their paths by name."""
    scripts = {"typer_app": TYPER_APP, "yaml_load": YAML_LOAD, "scores_insert": SCORES_INSERT}
    paths = {}
    for name, text in scripts.items():
        path = folder / f"{name}.py"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths

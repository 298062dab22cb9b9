"""Speed benchmark for quiz: each figure against a baseline measured in the same run.

    uv run python benchmarks/run.py              # the full table (15 to 20 minutes)
    uv run python benchmarks/run.py --quick      # fewer repeats, a rough look
    uv run python benchmarks/run.py --markdown   # also print the table as Markdown

Every figure is run alternately with its baseline (who goes first swaps each
time), after one warm-up run of each, and the table shows the medians and
their ratio. Other work on the machine slows both alike, so the ratio is what
is compared with the target; the absolute times are for context. Inputs are
generated into ``benchmarks/.work/`` (git-ignored) and reused while current.
Progress goes to standard error, the table to standard output. Exit status
is 0 even when a target is missed, unless ``--strict`` is given.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from drafting import drafting_rows
from imports import import_rows
from measure import Command, RunFailed, Sample, alternate, median
from workdir import WORK_DIR, Inputs, prepare

DEFAULT_REPEATS = 7
QUICK_REPEATS = 3


@dataclass(frozen=True)
class Figure:
    name: str
    measured: Command
    baseline: Command
    baseline_name: str
    target: float | None  # None: a context row, shown for information
    note: str = ""  # what stands in the way: shown when the target is missed (always for context)
    memory: bool = False  # compare peak memory instead of time
    same_runs_as: str | None = None  # reuse another figure's runs (same commands)


@dataclass(frozen=True)
class Row:
    figure: Figure
    measured: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline

    @property
    def passed(self) -> bool | None:
        target = self.figure.target
        return None if target is None else self.ratio <= target


def quiz_argv() -> list[str]:
    """The installed ``quiz`` script next to this interpreter, else ``python -m quiz``."""
    script = Path(sys.executable).with_name("quiz")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quiz"]


def figures(data: Inputs, scratch: Path) -> list[Figure]:
    py, quiz = sys.executable, quiz_argv()
    # Answers for one question of any type: "A" for choice, true/false and text; if the
    # question wants a number, "A" is refused and "1" answers it.
    answer = b"A\n1\n"
    play_one = ["play", "-n", "1", "--practice", "--seed", "1"]

    def home(path: Path) -> dict[str, str]:
        return {"QUIZ_HOME": str(path)}

    def fresh_home() -> dict[str, str]:
        # The last run's folder is no longer needed: imports leave tens of MB each.
        for old in scratch.glob("home-*"):
            shutil.rmtree(old, ignore_errors=True)
        return home(Path(tempfile.mkdtemp(prefix="home-", dir=scratch)))

    typer_help = Command([py, str(data.typer_app), "--help"], expect="Usage")
    quiz_help = Command([*quiz, "--help"], expect="Usage")
    big_json = Command([py, str(data.typer_app), str(data.big_json)], expect="10000")
    small_json = Command([py, str(data.typer_app), str(data.builtin_json)])
    play_big = Command(
        [*quiz, *play_one, "--pack", str(data.big_yaml)], answer, home(data.home_big)
    )
    in_pty = [py, str(Path(__file__).with_name("pty_until.py"))]
    bare_prompt = "from prompt_toolkit import prompt; prompt('ready> ')"
    rows = [
        Figure(
            "quiz --version",
            Command([*quiz, "--version"], expect="quiz "),
            Command([py, "-c", "pass"]),
            "python -c pass",
            1.5,
            "the interpreter's own start-up is most of it",
        ),
        Figure(
            "quiz --help",
            quiz_help,
            typer_help,
            "minimal Typer app --help",
            1.3,
            "quiz's own modules, and Typer building the options of quiz's ~20 commands",
        ),
        Figure(
            "quiz packs --help",
            Command([*quiz, "packs", "--help"], expect="Usage"),
            typer_help,
            "minimal Typer app --help",
            1.3,
            "Typer building the options of quiz's ~20 commands (pydantic is avoided: an"
            " absent --help is a plain False, see src/quiz/cli/base.py)",
        ),
        Figure(
            "first question, built-in pack",
            Command([*quiz, *play_one], answer, home(data.home_builtin)),
            Command([py, str(data.typer_app), str(data.builtin_json)]),
            "minimal Typer command reading its JSON",
            1.5,
            "Rich (the session's console), the round's modules and Typer building quiz's"
            " ~20 commands; the baseline has none of them",
        ),
        Figure(
            "first question in a pseudo-terminal, built-in pack",
            Command([*in_pty, "Your answer", *quiz, *play_one], env=home(data.home_builtin)),
            Command([*in_pty, "ready>", py, "-c", bare_prompt]),
            "a bare prompt_toolkit prompt in a pseudo-terminal",
            2.0,
            "Typer, Rich (the question's panel) and the round's modules on top of"
            " prompt_toolkit, which both sides import",
        ),
        Figure(
            "packs validate, 10,000 questions, first time",
            Command(
                [*quiz, "packs", "validate", str(data.big_yaml)],
                fresh_env=fresh_home,
                expect="ok, 10000 questions",
            ),
            Command([py, str(data.yaml_load), str(data.big_yaml)], expect="10000"),
            "PyYAML C loader, no validation",
            1.5,
            "building the node tree from parser events and validating, in Python",
        ),
        Figure(
            "round of the 10,000-question pack, cache warm",
            play_big,
            big_json,
            "minimal Typer command reading its JSON",
            1.5,
            "all 10,000 questions are rebuilt from the cache as frozen Questions (most of"
            " the gap), then Rich and the round's modules; only lazily built questions"
            " would close it",
        ),
        Figure(
            "packs list, 50 packs x 1,000 questions, cache warm",
            Command([*quiz, "packs", "list"], env=home(data.home_list), expect="bench-50"),
            typer_help,
            "minimal Typer app --help",
            PACKS_LIST_TARGET,
            "each pack's small cached summary is read (no questions rebuilt); what is left"
            " is mostly Rich drawing a 51-row table",
        ),
        Figure(
            "scores, 100,000 rounds",
            Command([*quiz, "scores"], env=home(data.home_scores), expect="#"),
            typer_help,
            "minimal Typer app --help",
            SCORES_TARGET,
            "Rich alone (importing it, drawing the table) is about 0.4x of the baseline; then"
            " sqlite3, the score file's records and the board rules; the queries take ~3 ms",
        ),
        *score_figures(data, quiz, typer_help, fresh_home),
        Figure(
            "peak memory, round of the 10,000-question pack",
            play_big,
            big_json,
            "minimal Typer command reading its JSON",
            1.5,
            "the cache entry's JSON and 10,000 Question objects are held at once",
            memory=True,
            same_runs_as="round of the 10,000-question pack, cache warm",
        ),
        Figure(
            "context: Typer running a command",
            small_json,
            typer_help,
            "minimal Typer app --help",
            None,
            "Typer 0.29 imports pydantic (and builds a validator per option) for any command"
            " it runs; quiz avoids it (src/quiz/cli/base.py)",
        ),
    ]
    return [
        *rows,
        *_doubling_figures(import_rows(quiz, scratch), "input"),
        *_doubling_figures(drafting_rows(quiz, scratch), "article"),
    ]


def _doubling_figures(rows: Iterable[tuple[str, Command, Command, str]], what: str) -> list[Figure]:
    """Work on twice its baseline's input: linear work shows a ratio near 2."""
    note = f"twice the {what}; work that grew with the square of it would show about 4"
    return [
        Figure(name, measured, baseline, baseline_name, 2.4, note)
        for name, measured, baseline, baseline_name in rows
    ]


# -- the score file's rows -------------------------------------------------------------
# Targets against the minimal Typer app's --help. They were first set against
# ``quiz --help`` (packs list 2.0x, scores 1.3x), which quiz's own changes move;
# the figures here are those times 1.16, what ``quiz --help`` took against the
# minimal app when they were set.
PACKS_LIST_TARGET = 2.3
SCORES_TARGET = 1.5


def score_figures(
    data: Inputs, quiz: list[str], typer_help: Command, fresh_home: Callable[[], dict[str, str]]
) -> list[Figure]:
    """``quiz scores`` on a million rounds, and importing 20,000 and 40,000 rounds."""
    small, large = (data.exports[n] for n in sorted(data.exports))

    def import_file(path: Path) -> Command:
        return Command(
            [*quiz, "scores", "import", str(path)], fresh_env=fresh_home, expect="Imported"
        )

    return [
        Figure(
            "scores, 1,000,000 rounds",
            Command([*quiz, "scores"], env={"QUIZ_HOME": str(data.home_million)}, expect="#"),
            typer_help,
            "minimal Typer app --help",
            SCORES_TARGET,
            "as for 100,000 rounds: the table is read through an index, so size barely counts",
        ),
        Figure(
            "scores import, 20,000 rounds of one player, fresh folder",
            import_file(small),
            Command(
                [sys.executable, str(data.scores_insert), str(small)],
                fresh_env=fresh_home,
                expect="20000",
            ),
            "json.load and executemany",
            3.0,
            "every field of every round is checked, and each round is looked up as a"
            " possible duplicate before it is inserted",
        ),
        Figure(
            "scores import, 40,000 rounds against 20,000",
            import_file(large),
            import_file(small),
            "scores import, 20,000 rounds",
            2.2,
            "twice the rounds should take at most twice the time (linear); more means a"
            " per-round cost that grows with the file",
        ),
    ]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("QUIZ_DEBUG", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "NO_COLOR"):
        env.pop(name, None)
    env.update(COLUMNS="100", PYTHONUTF8="1")
    return env


def measure_all(
    chosen: list[Figure], repeats: int, log: Callable[[str], None], cpu: bool = False
) -> list[Row | tuple[Figure, str]]:
    env = child_env()
    runs: dict[str, tuple[list[Sample], list[Sample]]] = {}
    rows: list[Row | tuple[Figure, str]] = []
    for fig in chosen:
        started = time.perf_counter()
        key = fig.same_runs_as or fig.name
        try:
            if key not in runs:
                runs[key] = alternate(fig.measured, fig.baseline, repeats, env)
        except RunFailed as exc:
            log(f"  {fig.name}: FAILED\n{exc}")
            rows.append((fig, "the command failed; see the log above"))
            continue
        ours, theirs = runs[key]
        if fig.memory:
            row = Row(fig, median([s.max_rss_kib / 1024 for s in ours]),
                      median([s.max_rss_kib / 1024 for s in theirs]))  # fmt: skip
        elif cpu:
            row = Row(fig, median([s.cpu_seconds * 1000 for s in ours]),
                      median([s.cpu_seconds * 1000 for s in theirs]))  # fmt: skip
        else:
            row = Row(fig, median([s.seconds * 1000 for s in ours]),
                      median([s.seconds * 1000 for s in theirs]))  # fmt: skip
        rows.append(row)
        took = time.perf_counter() - started
        target = "context" if fig.target is None else f"target {fig.target}x"
        log(f"  {fig.name}: {row.ratio:.2f}x ({target}) [{took:.0f} s]")
    return rows


def machine_lines(data: Inputs, repeats: int, cpu: bool = False) -> list[str]:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    import typer
    import yaml

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"machine: {model}, {os.cpu_count()} cores, load average {load}",
        f"python: {platform.python_version()} ({sys.executable})",
        f"typer {typer.__version__}, PyYAML {yaml.__version__}"
        f" ({'with' if yaml.__with_libyaml__ else 'WITHOUT'} libyaml)",
        f"inputs: big pack {data.info.get('big_yaml_mb', '?')} MB of YAML;"
        f" score file {data.info.get('scores_mb', '?')} MB"
        f" (a million rounds: {data.info.get('million_mb', '?')} MB)",
        f"each figure: median of {repeats} runs, alternating with its baseline;"
        f" times are {'CPU (user + system)' if cpu else 'wall-clock'}",
    ]


HEADERS = ("figure", "measured", "baseline", "ratio", "target", "result", "note")


def _cells(item: Row | tuple[Figure, str]) -> tuple[str, ...]:
    if isinstance(item, tuple):
        fig, why = item
        return (fig.name, "-", "-", "-", _target(fig), "error", why)
    fig, unit = item.figure, "MiB" if item.figure.memory else "ms"
    result = {None: "info", True: "pass", False: "FAIL"}[item.passed]
    return (
        fig.name,
        f"{item.measured:.0f} {unit}",
        f"{item.baseline:.0f} {unit} ({fig.baseline_name})",
        f"{item.ratio:.2f}x",
        _target(fig),
        result,
        "" if item.passed else fig.note,
    )


def _target(fig: Figure) -> str:
    return "-" if fig.target is None else f"<= {fig.target}x"


def render_text(rows: list[Row | tuple[Figure, str]]) -> str:
    table = [HEADERS, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS) - 1)]
    out = []
    for line in table:
        cells = [c.ljust(w) for c, w in zip(line, widths, strict=False)]
        out.append("  ".join([*cells, line[-1]]).rstrip())
    return "\n".join(out)


def render_markdown(rows: list[Row | tuple[Figure, str]], header: list[str]) -> str:
    def md(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    lines = [f"{line}  " for line in header]  # two spaces: a Markdown line break
    lines += ["", md(HEADERS), md(("---", "---:", "---", "---:", "---:", ":---:", "---"))]
    lines += [md(_cells(r)) for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_REPEATS} runs a figure")
    parser.add_argument("--repeats", type=int, help=f"runs a figure (default {DEFAULT_REPEATS})")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--only", action="append", help="figures whose name contains this")
    parser.add_argument("--fresh", action="store_true", help="generate the inputs again")
    parser.add_argument(
        "--cpu", action="store_true", help="compare CPU time (user + system), not wall-clock"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    repeats = args.repeats or (QUICK_REPEATS if args.quick else DEFAULT_REPEATS)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    data = prepare(fresh=args.fresh)
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=WORK_DIR))
    try:
        chosen = [
            f
            for f in figures(data, scratch)
            if not args.only or any(o in f.name for o in args.only)
        ]
        log(f"measuring {len(chosen)} figures, {repeats} runs each ...")
        rows = measure_all(chosen, repeats, log, cpu=args.cpu)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    header = machine_lines(data, repeats, cpu=args.cpu)
    print("\n".join(header))
    print()
    print(render_text(rows))
    if args.markdown:
        print()
        print(render_markdown(rows, header))
    log(f"benchmark took {time.perf_counter() - started:.0f} s")
    missed = any(not isinstance(r, Row) or r.passed is False for r in rows)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())

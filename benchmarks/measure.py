"""Running a command once and measuring it: wall-clock time and the child's peak memory.

Each run goes through a tiny wrapper process (``python -I -S``, a few MiB)
that spawns the command, waits for it with ``os.wait4`` and writes down the
wall-clock time, the CPU time and the ``ru_maxrss`` of exactly that child: its peak
resident memory, as ``/usr/bin/time -v`` reports it. The wrapper is needed
because Linux counts a child's peak from the memory of the process that
started it: a command spawned straight from this (large) process would
inherit this process's size as its "peak". The wrapper's own start-up is
not in the time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Command:
    """A command line to run: its arguments, standard input and environment."""

    argv: list[str]
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)
    # Called before each run to give per-run settings (a fresh data folder).
    fresh_env: Callable[[], dict[str, str]] | None = None
    expect: str | None = None  # text the output must contain, so a failure is not timed


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall-clock
    cpu_seconds: float  # user + system
    max_rss_kib: int


class RunFailed(Exception):
    pass


WRAPPER = """
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as fh:
    cpu = usage.ru_utime + usage.ru_stime
    fh.write(f"{seconds!r} {cpu!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_once(command: Command, base_env: dict[str, str]) -> Sample:
    """Run ``command`` once; its wall-clock time and peak memory. Raises RunFailed."""
    env = {**base_env, **command.env}
    if command.fresh_env is not None:
        env.update(command.fresh_env())
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as errors,
        tempfile.NamedTemporaryFile("r", suffix=".txt") as report,
    ):
        wrapper = [sys.executable, "-I", "-S", "-c", WRAPPER, report.name, *command.argv]
        subprocess.run(
            wrapper, input=command.stdin, stdout=out, stderr=errors, env=env, check=False
        )
        seconds, cpu, max_rss, code = report.read().split()
        out.seek(0)
        errors.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = errors.read().decode("utf-8", "replace")
    if int(code) != 0 or (command.expect is not None and command.expect not in stdout):
        shown = " ".join(command.argv)
        expected = "" if command.expect is None else f" (expected {command.expect!r} in its output)"
        raise RunFailed(
            f"{shown!r} exited {code}{expected}"
            f"\n--- stdout (end) ---\n{stdout[-1500:]}\n--- stderr (end) ---\n{stderr[-1500:]}"
        )
    return Sample(float(seconds), float(cpu), int(max_rss))  # ru_maxrss: KiB on Linux


def alternate(
    measured: Command, baseline: Command, repeats: int, base_env: dict[str, str]
) -> tuple[list[Sample], list[Sample]]:
    """Run both ``repeats`` times, alternating (and swapping who goes first), after a warm-up.

    The warm-up run of each is thrown away: it fills the page cache and
    writes bytecode, which a user's second run would find done as well.
    """
    run_once(measured, base_env)
    run_once(baseline, base_env)
    ours: list[Sample] = []
    theirs: list[Sample] = []
    for i in range(repeats):
        pair = ((measured, ours), (baseline, theirs))
        for command, samples in pair if i % 2 == 0 else reversed(pair):
            samples.append(run_once(command, base_env))
    return ours, theirs


def median(values: list[float]) -> float:
    return statistics.median(values)


def fresh_dir(parent: Path, prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))

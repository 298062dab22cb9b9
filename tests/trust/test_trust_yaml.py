"""Hostile YAML: every file is refused with a message, quickly, in bounded memory.

Each case is a pack file built to hurt a YAML reader: an alias bomb, nesting
tens of thousands of levels deep, a file of hundreds of megabytes, Python tags
that would run code, broken tagged values, bytes that are not UTF-8, NULs,
duplicate keys, too many questions, a 10 MB line. ``quiz packs validate`` must
print ``PATH:LINE:COL: message`` (``PATH: message`` where no position exists)
and exit 1: no traceback, no signal, no code run, within a time limit and
under a 1.5 GiB address-space limit. Both YAML readers are tried: libyaml's
(the default) and PyYAML's pure-Python one (when libyaml is missing).
"""

from __future__ import annotations

import re
import resource
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from trust_support import assert_no_crash, run_quiz
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.packs import spec, yamlread

runner = CliRunner()
HEAD = "format: 1\npack: {id: hostile, title: Hostile}\nquestions:\n"
ADDRESS_SPACE = 3 * 2**29  # 1.5 GiB
PURE_LOADER_CHILD = """
import sys, yaml
del yaml.CSafeLoader  # as if PyYAML had been built without libyaml
_parse = yaml.parse
def parse(stream, Loader):
    if Loader is not yaml.SafeLoader:
        raise SystemExit(99)
    return _parse(stream, Loader)
yaml.parse = parse
sys.argv[0] = "quiz"
from quiz.__main__ import main
main()
"""


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], None]
    message: str  # a regular expression the problem's message must match
    positioned: bool = True  # PATH:LINE:COL: rather than PATH:
    slow_for: tuple[str, ...] = ()  # the readers that need seconds for it: slow tests only


def text_case(name: str, text: str, message: str, **kw: Any) -> Case:
    return Case(name, lambda p: p.write_bytes(text.encode("utf-8")), message, **kw)


def billion_laughs() -> str:
    lines = ["a: &a [" + ",".join(["lol"] * 10) + "]"]
    for prev, this in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{this}: &{this} [" + ",".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def nested_block_mappings(levels: int) -> str:
    return "".join(" " * level + "a:\n" for level in range(levels)) + " " * levels + "x\n"


def sparse(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(HEAD.encode())
        fh.truncate(300 * 2**20)  # 300 MB on paper, a few blocks on disk


def one_question(answer: str, qtype: str = "number") -> str:
    return HEAD + f"  - id: q\n    type: {qtype}\n    prompt: p\n    answer: {answer}\n"


CASES = [
    text_case("alias-bomb", billion_laughs(), r"too large once aliases are expanded"),
    text_case(
        "alias-flood",
        "x: &x 1\ny: [" + ", ".join(["*x"] * 200) + "]\n",
        rf"more than {yamlread.MAX_ALIASES} aliases",
    ),
    text_case("deep-flow-sequences", "[" * 50_000, r"nest"),
    text_case("deep-flow-mappings", "{a: " * 50_000, r"nest"),
    text_case("deep-block-sequences", "- " * 50_000 + "x\n", r"deeper than 64 levels"),
    text_case("deep-explicit-keys", "? " * 50_000 + "x\n", r"deeper than 64 levels"),
    text_case("deep-block-mappings", nested_block_mappings(5_000), r"deeper than 64 levels"),
    Case("300-megabytes", sparse, r"the file is .*; packs are limited to .*32 MiB", False),
    text_case(
        "python-apply",
        'format: 1\npack: !!python/object/apply:os.system ["touch PWNED"]\n',
        r"the tag !!python/object/apply:os\.system is not allowed",
    ),
    text_case(
        "python-name",
        "format: 1\npack: !!python/name:os.system\n",
        r"the tag !!python/name:os\.system is not allowed",
    ),
    text_case(
        "python-tag-directive",
        '%TAG !p! tag:yaml.org,2002:python/\n---\nx: !p!object/apply:os.system ["touch PWNED"]\n',
        r"the tag !!python/object/apply:os\.system is not allowed",
    ),
    text_case("empty-int", one_question("!!int"), r"answer: must be a number \(got ''\)"),
    text_case(
        "empty-bool",
        one_question("!!bool", "truefalse"),
        r"answer: must be true or false \(got ''\)",
    ),
    text_case(
        "empty-timestamp", one_question("!!timestamp", "text"), r"!!timestamp is not allowed"
    ),
    text_case(
        "impossible-date",
        one_question("!!timestamp 2001-02-30", "text"),
        r"!!timestamp is not allowed",
    ),
    text_case("huge-integer", one_question("9" * 5_000), r"5,000 characters long"),
    text_case("huge-format", "format: " + "9" * 5_000 + "\n", r"5,000 characters long"),
    Case(
        "invalid-utf8",
        lambda p: p.write_bytes(HEAD.encode() + b"  - {id: q, prompt: \xff\xfe}\n"),
        r"not UTF-8 text \(byte 0xff\)",
    ),
    Case(
        "nul-bytes",
        lambda p: p.write_bytes(HEAD.encode() + b"  - {id: q\x00\x00}\n"),
        r"contains a NUL byte",
    ),
    text_case("duplicate-keys", "format: 1\nformat: 2\n" + HEAD[10:], r"duplicate key 'format'"),
    text_case("two-documents", HEAD + "---\n" + HEAD, r"one YAML document"),
    text_case(
        "50000-questions",
        HEAD
        + "".join(
            f"  - {{id: q{i}, type: truefalse, prompt: p, answer: true}}\n" for i in range(50_000)
        ),
        rf"has 50,000 questions; a pack holds at most {spec.MAX_QUESTIONS:,}",
        slow_for=("libyaml", "pure"),
    ),
    text_case(
        "10-megabyte-line",
        HEAD + "  - {id: q, type: text, prompt: " + "x" * 10 * 2**20 + ", answer: y}\n",
        rf"is 10,485,760 characters long; keep it to {spec.MAX_TEXT:,} at most",
        slow_for=("pure",),
    ),
]
LIGHT = [case for case in CASES if not case.slow_for]


def problem_line(path: Path, case: Case) -> re.Pattern[str]:
    where = re.escape(str(path)) + (r":\d+:\d+" if case.positioned else "")
    return re.compile(rf"^{where}: .*{case.message}", re.MULTILINE)


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which YAML reader parses (asserted on every call), as the program would choose it."""
    expected = {"libyaml": getattr(yaml, "CSafeLoader", None), "pure": yaml.SafeLoader}
    if expected[request.param] is None:
        pytest.skip("PyYAML was built without libyaml")
    if request.param == "pure":
        monkeypatch.delattr(yaml, "CSafeLoader")
    real_parse = yaml.parse

    def parse(stream: object, Loader: type) -> object:
        assert Loader is expected[request.param]
        return real_parse(stream, Loader)

    monkeypatch.setattr(yaml, "parse", parse)
    return str(request.param)


def in_process(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where a "touch PWNED" would land
    path = tmp_path / f"{case.name}.yaml"
    case.write(path)
    result = runner.invoke(app, ["packs", "validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output
    assert problem_line(path, case).search(result.stdout), result.stdout
    assert "Traceback" not in result.output
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("case", LIGHT, ids=lambda c: c.name)
def test_each_hostile_file_is_refused_with_a_message(
    case: Case, loader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_process(case, tmp_path, monkeypatch)


def test_many_values_without_aliases_are_refused_without_blaming_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit needs a 4 MB file and 10 s (libyaml) or minutes (pure Python).
    monkeypatch.setattr(yamlread, "MAX_NODES", 1_000)
    case = text_case("value-flood", "[" + "a," * 1_001 + "]\n", r"more than 1,000 values")
    in_process(case, tmp_path, monkeypatch)
    output = runner.invoke(app, ["packs", "validate", str(tmp_path / "value-flood.yaml")]).stdout
    assert "alias" not in output.replace(str(tmp_path), "")


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.yaml"
    sparse(path)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    result = runner.invoke(app, ["packs", "validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}: the file is ")
    assert "packs are limited to" in result.stdout


# -- for real: one child per reader, every file at once, under limits --------------------


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def validate_in_a_child(
    cases: list[Case], tmp_path: Path, quiz_home: Path, pure: bool, timeout: float
) -> None:
    paths = []
    for case in cases:
        path = tmp_path / f"{case.name}.yaml"
        case.write(path)
        paths.append(path)
    proc = run_quiz(
        ["packs", "validate", *map(str, paths)],
        quiz_home,
        timeout=timeout,
        preexec_fn=limit_memory,
        cwd=tmp_path,
        python_args=("-c", PURE_LOADER_CHILD) if pure else ("-m", "quiz"),
    )
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert_no_crash(proc.returncode, err)
    assert proc.returncode == 1, err
    for path, case in zip(paths, cases, strict=True):
        assert problem_line(path, case).search(out), f"{case.name}:\n{out}"
    assert re.search(rf"^error: \d+ problems? in {len(cases)} of {len(cases)} file", err, re.M)
    assert not (tmp_path / "PWNED").exists()


def test_every_hostile_file_in_a_real_process_with_libyaml(tmp_path: Path, quiz_home: Path) -> None:
    quick = [case for case in CASES if "libyaml" not in case.slow_for]
    validate_in_a_child(quick, tmp_path, quiz_home, pure=False, timeout=60)


def test_every_hostile_file_in_a_real_process_with_the_pure_python_reader(
    tmp_path: Path, quiz_home: Path
) -> None:
    validate_in_a_child(LIGHT, tmp_path, quiz_home, pure=True, timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "reader"),
    [(case, reader) for case in CASES for reader in case.slow_for],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_big_hostile_files_in_a_real_process(
    case: Case, reader: str, tmp_path: Path, quiz_home: Path
) -> None:
    # The pure-Python reader needs about 25 s for 50,000 questions on a slow machine.
    validate_in_a_child([case], tmp_path, quiz_home, pure=reader == "pure", timeout=120)

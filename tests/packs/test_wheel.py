"""The wheel carries the built-in pack, and an installed wheel finds it from any directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quiz.packs.load import load_pack

REPO = Path(__file__).resolve().parents[2]


def uv() -> list[str]:
    found = shutil.which("uv")
    return [found] if found else [sys.executable, "-m", "uv"]


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1"}
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        args, capture_output=True, text=True, timeout=300, check=False, env=env, **kwargs
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = run([*uv(), "build", "--wheel", "--out-dir", str(out)], cwd=REPO)
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("quiz-*.whl")
    return built


def test_the_wheel_holds_the_builtin_pack(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "quiz/questions.yaml" in names
        assert zf.read("quiz/questions.yaml") == (REPO / "questions.yaml").read_bytes()
        assert "quiz/__main__.py" in names
        assert "quiz/py.typed" in names
        assert "quiz/packs/builtin.py" in names
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "quiz = quiz.__main__:main" in zf.read(entry_points).decode()


def test_an_installed_wheel_lists_the_builtin_pack_from_anywhere(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "v"
    created = run([*uv(), "venv", "--python", sys.executable, str(venv)])
    assert created.returncode == 0, created.stderr
    installed = run([*uv(), "pip", "install", "--python", str(venv / "bin" / "python"), str(wheel)])
    assert installed.returncode == 0, installed.stderr
    home = tmp_path / "home"
    result = run(
        [str(venv / "bin" / "quiz"), "packs", "list", "--json"],
        cwd="/",
        env={"QUIZ_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    builtin = rows[0]
    assert builtin["id"] == "la-la-land-first-look"
    assert builtin["where"] == "built-in"
    assert builtin["builtin"] is True
    checkout = load_pack(REPO / "questions.yaml", use_cache=False)
    assert builtin["questions"] == len(checkout.questions)
    # The installed package found its own copy, not the checkout's.
    module = run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from quiz.packs.builtin import builtin_pack_path; print(builtin_pack_path())",
        ],
        cwd="/",
    )
    assert "site-packages/quiz/questions.yaml" in module.stdout

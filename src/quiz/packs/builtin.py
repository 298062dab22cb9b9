"""Where the built-in pack lives.

In a wheel, hatchling's ``force-include`` puts ``questions.yaml`` inside the
package as ``quiz/questions.yaml``. In a checkout (an editable install, or
``uv run``) the package is imported from ``src/quiz/`` and the file stays at
the top of the repository, where pack authors look for an example. Both are
tried in that order; a test covers each.
"""

from __future__ import annotations

from pathlib import Path

from quiz.errors import QuizError

BUILTIN_ID = "la-la-land-first-look"
BUILTIN_TIME_LIMIT = 20.0  # its defaults.time_limit, known without reading it (a test checks)
FILE_NAME = "questions.yaml"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def candidate_paths() -> tuple[Path, Path]:
    """Inside the installed package first, then the top of a source checkout."""
    return _PACKAGE_DIR / FILE_NAME, _PACKAGE_DIR.parent.parent / FILE_NAME


def builtin_pack_path() -> Path:
    for path in candidate_paths():
        if path.is_file():
            return path
    raise QuizError(
        "the built-in pack questions.yaml is missing from this installation",
        hint="reinstall quiz (pip install --force-reinstall quiz), "
        "or run it from a source checkout",
    )

"""Where quiz keeps its data: one folder, ``QUIZ_HOME`` if set.

Otherwise it is the platform's user data folder for ``quiz`` (for example
``~/.local/share/quiz``). Nothing here creates anything: the folder is made by
the first command that writes to it, so reading commands leave no trace.
"""

from __future__ import annotations

import os
from pathlib import Path

SCORES_FILE = "scores.db"
PLAYER_FILE = "player"


def data_dir() -> Path:
    """The data folder: ``QUIZ_HOME`` (``~`` expanded) or the platform's user data folder."""
    override = os.environ.get("QUIZ_HOME", "").strip()
    if override:
        try:
            return Path(override).expanduser()
        except RuntimeError:  # ~name of a user who does not exist
            from quiz.errors import QuizError

            raise QuizError(
                f"QUIZ_HOME is {override}: there is no such user's home folder",
                hint="set QUIZ_HOME to a folder path",
            ) from None
    import platformdirs

    return Path(platformdirs.user_data_dir("quiz", appauthor=False))


def player_path() -> Path:
    """The small text file holding the remembered player name."""
    return data_dir() / PLAYER_FILE


def packs_dir() -> Path:
    """Installed user packs, one YAML file each."""
    return data_dir() / "packs"


def cache_dir() -> Path:
    """The parsed-pack cache; safe to delete at any time."""
    return data_dir() / "cache"


def blocking_file(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be a folder, if any.

    A data folder that cannot exist because something in its path is a regular
    file is a mistake worth reporting, unlike one that simply does not exist yet.
    """
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return None
            if candidate.exists():
                return candidate
        except OSError:
            return None
    return None

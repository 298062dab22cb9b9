"""The remembered player name: a one-line text file ``player`` in the data folder.

Names are stored as given (within the length limit) and only sanitised when
shown, so a name always reads back exactly as it was typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.errors import QuizError, StoreError
from quiz.paths import player_path

MAX_NAME_LENGTH = 40
_MAX_FILE_BYTES = 1024


def normalize_player_name(raw: str) -> str:
    """The name as it is stored: trimmed, inner whitespace collapsed, at most 40 characters.

    Raises :class:`QuizError` for a name with nothing visible in it.
    """
    # Lone surrogates (from undecodable command-line bytes) cannot be stored as UTF-8.
    name = raw.encode("utf-8", "replace").decode("utf-8")
    name = " ".join(name.split())[:MAX_NAME_LENGTH].rstrip()
    if not any(ch.isprintable() and not ch.isspace() for ch in name):
        raise QuizError(
            "a player name needs at least one visible character",
            hint="pass a name such as --name Mia",
        )
    return name


def remembered_name() -> str | None:
    """The name remembered from an earlier round; ``None`` if there is none or it is unusable."""
    from quiz.reading import FileRefused, read_bounded

    try:
        data = read_bounded(player_path(), _MAX_FILE_BYTES)
    except FileRefused:
        return None  # missing, a FIFO or a device, too long: as if none were remembered
    try:
        return normalize_player_name(data.decode("utf-8", "replace"))
    except QuizError:
        return None


def remember_name(name: str) -> None:
    """Remember ``name`` for the next round; :class:`StoreError` if it could not be written.

    The file is replaced atomically (temporary file, then ``os.replace``), so a
    crash leaves either the old name or the new one, never half of one. The
    name is normalised first (:class:`QuizError` if nothing visible is left).
    """
    target = player_path()
    text = normalize_player_name(name) + "\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        from quiz.atomic import atomic_write  # tempfile: only when a name is written

        with atomic_write(target, "w") as file:
            file.write(text)
    except OSError as exc:
        raise StoreError(
            f"your name was not remembered: cannot write {target}: {exc.strerror or exc}"
        ) from None


def similar_names(name: str, players: Sequence[str]) -> list[str]:
    """Recorded names the user may have meant: the same but for case, else up to 3 close ones."""
    import difflib

    folded = [p for p in players if p.casefold() == name.casefold() and p != name]
    return folded or difflib.get_close_matches(name, players, n=3, cutoff=0.7)

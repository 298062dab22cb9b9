"""Installing packs into the data folder and removing them.

A pack is installed as ``packs/<id>.yaml``: validated first, copied to a
temporary file in the same folder, then moved into place with one atomic
rename, so a failure midway leaves nothing half-installed.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from quiz.atomic import atomic_write
from quiz.errors import PackError, QuizError
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.discovery import PACK_SUFFIXES, installed_files, packs_dir
from quiz.packs.load import parse_pack, read_pack_bytes
from quiz.packs.model import Pack


@dataclass(frozen=True, slots=True)
class Installed:
    pack: Pack
    path: Path
    replaced: bool


def _installed_ids() -> dict[str, Path]:
    from quiz.packs.load import summarize_pack

    ids: dict[str, Path] = {}
    for path in installed_files():
        try:
            ids[summarize_pack(path).id] = path
        except QuizError:
            continue
    return ids


def pack_files_in(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())
    if not files:
        raise QuizError(f"{folder}: no .yaml pack files in this folder")
    return files


def check_all(paths: list[Path]) -> list[tuple[Path, bytes, Pack]]:
    """Validate every file before installing any; report every problem of every file."""
    checked: list[tuple[Path, bytes, Pack]] = []
    problems = []
    for path in paths:
        try:
            data, _ = read_pack_bytes(path)
            checked.append((path, data, parse_pack(data, str(path))))
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PackError(problems)
    seen: dict[str, Path] = {}
    for path, _, pack in checked:
        if pack.id in seen:
            raise QuizError(f"two packs have the id '{pack.id}': {seen[pack.id]} and {path}")
        seen[pack.id] = path
    return checked


def install(paths: list[Path], *, replace: bool = False) -> list[Installed]:
    checked = check_all(paths)
    existing = _installed_ids()
    for path, _, pack in checked:
        if pack.id == BUILTIN_ID:
            raise QuizError(
                f"{path}: the id '{pack.id}' belongs to the built-in pack",
                hint="give your pack another pack.id",
            )
        if pack.id in existing and not replace:
            raise QuizError(
                f"{path}: a pack with the id '{pack.id}' is already installed "
                f"({existing[pack.id]})",
                hint="pass --replace to update it, or give the new pack another pack.id",
            )
    folder = packs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizError(f"cannot create the pack folder {folder}: {exc.strerror or exc}") from None
    done = []
    for _, data, pack in checked:
        target = folder / f"{pack.id}.yaml"
        _write_atomic(target, data)
        old = existing.get(pack.id)
        if old is not None and old != target:
            with contextlib.suppress(OSError):
                old.unlink()
        done.append(Installed(pack, target, replaced=pack.id in existing))
    return done


def _write_atomic(target: Path, data: bytes) -> None:
    try:
        with atomic_write(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise QuizError(f"cannot write {target}: {exc.strerror or exc}") from None


def refuse_existing(target: Path, force: bool) -> None:
    """A file the user named is never overwritten without ``--force``."""
    if target.exists() and not force:
        raise QuizError(f"{target} already exists", hint="pass --force to overwrite it")


def write_new_file(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write a file the user asked for, atomically; never overwrite one without ``force``."""
    refuse_existing(target, force)
    if target.is_dir():
        raise QuizError(f"{target} is a folder")
    _write_atomic(target, data)


def remove(pack_id: str) -> Path:
    if pack_id == BUILTIN_ID:
        raise QuizError(
            "the built-in pack cannot be removed",
            hint="to play without it, pass --pack with another pack",
        )
    path = _installed_ids().get(pack_id)
    if path is None:
        raise QuizError(
            f"no installed pack has the id '{pack_id}'",
            hint="quiz packs list shows the installed packs",
        )
    try:
        path.unlink()
    except OSError as exc:
        raise QuizError(f"cannot remove {path}: {exc.strerror or exc}") from None
    return path

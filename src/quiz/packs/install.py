"""Installing packs into the data folder and removing them.

A pack is installed as ``packs/<id>.yaml``: validated first, copied to a
temporary file in the same folder, then moved into place with one atomic
step, so a failure midway leaves nothing half-installed. A file that holds
another pack (or a broken one) is never replaced: the new pack takes a free
name beside it. The folder is locked while packs are added or removed, so
two ``packs add`` of one id at once cannot both install it.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quiz.atomic import atomic_write, locked
from quiz.errors import PackError, QuizError
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.discovery import PACK_SUFFIXES, installed_files, packs_dir, refuse_shared_ids
from quiz.packs.load import parse_pack, read_pack_bytes
from quiz.packs.model import Pack
from quiz.reading import display_path

LOCK_FILE = ".lock"


@dataclass(frozen=True, slots=True)
class Installed:
    pack: Pack
    path: Path
    replaced: bool


@dataclass(frozen=True, slots=True)
class InstalledFiles:
    """The pack folder's files: valid ones by pack id, broken ones by file name stem."""

    ids: dict[str, Path]
    broken: dict[str, Path]


def installed() -> InstalledFiles:
    from quiz.packs.load import summarize_pack

    ids: dict[str, Path] = {}
    broken: dict[str, Path] = {}
    for path in installed_files():
        try:
            ids.setdefault(summarize_pack(path).id, path)
        except PackError:
            broken.setdefault(path.stem, path)
    return InstalledFiles(ids, broken)


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
            checked.append((path, data, parse_pack(data, display_path(path))))
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PackError(problems)
    refuse_shared_ids(((pack.id, display_path(path)) for path, _, pack in checked), hint=None)
    return checked


def install(paths: list[Path], *, replace: bool = False) -> list[Installed]:
    checked = check_all(paths)
    for path, _, pack in checked:
        if pack.id == BUILTIN_ID:
            raise QuizError(
                f"{display_path(path)}: the id '{pack.id}' belongs to the built-in pack",
                hint="give your pack another pack.id",
            )
    with _locked_folder() as folder:
        existing = installed().ids
        for path, _, pack in checked:
            if pack.id in existing and not replace:
                raise QuizError(
                    f"{display_path(path)}: a pack with the id '{pack.id}' is already installed "
                    f"({existing[pack.id]})",
                    hint="pass --replace to update it, or give the new pack another pack.id",
                )
        return [
            _install_one(folder, data, pack, existing.get(pack.id)) for _, data, pack in checked
        ]


def _install_one(folder: Path, data: bytes, pack: Pack, old: Path | None) -> Installed:
    target = folder / f"{pack.id}.yaml"
    if old == target:
        _write(target, data, replace=True)
        return Installed(pack, target, replaced=True)
    target = _create(folder, pack.id, data)
    if old is not None:
        try:
            old.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:  # two files with one id would be worse: undo the new one
            with contextlib.suppress(OSError):
                target.unlink()
            raise QuizError(
                f"cannot remove the old copy of '{pack.id}', {old}: {exc.strerror or exc}",
                hint="nothing was changed",
            ) from None
    return Installed(pack, target, replaced=old is not None)


def _create(folder: Path, pack_id: str, data: bytes) -> Path:
    """Write a new file for the pack: ``<id>.yaml``, else ``<id>-2.yaml``, ... (never replacing)."""
    for number in itertools.count(1):
        target = folder / (f"{pack_id}.yaml" if number == 1 else f"{pack_id}-{number}.yaml")
        try:
            _write(target, data, replace=False)
        except FileExistsError:
            continue
        return target
    raise AssertionError("unreachable")  # pragma: no cover


def _write(target: Path, data: bytes, *, replace: bool) -> None:
    try:
        with atomic_write(target, "wb", replace=replace) as fh:
            fh.write(data)
    except FileExistsError:
        raise
    except OSError as exc:
        raise QuizError(f"cannot write {target}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _locked_folder() -> Iterator[Path]:
    """The pack folder (made if missing), locked against other adds and removes."""
    folder = packs_dir()
    with contextlib.ExitStack() as stack:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stack.enter_context(locked(folder / LOCK_FILE))
        except OSError as exc:
            raise QuizError(
                f"cannot create the pack folder {folder}: {exc.strerror or exc}"
            ) from None
        yield folder


def remove(pack_id: str) -> Path:
    """Uninstall the pack with this id, or the broken file of this name (as listed)."""
    if pack_id == BUILTIN_ID:
        raise QuizError(
            "the built-in pack cannot be removed",
            hint="to play without it, pass --pack with another pack",
        )
    with _locked_folder():
        files = installed()
        path = files.ids.get(pack_id) or files.broken.get(pack_id)
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

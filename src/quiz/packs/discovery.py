"""Finding packs: the built-in one, those installed in the data folder, and paths.

A pack is named either by a path to its file or by its id. Installed packs are
kept as ``packs/<id>.yaml``, so an id is found by its file name first; a file
copied in by hand under another name is still found by a scan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quiz.errors import PackError, PackNotFoundError, QuizError
from quiz.packs.builtin import BUILTIN_ID, builtin_pack_path
from quiz.packs.load import load_pack, summarize_pack
from quiz.packs.model import Pack, PackSummary

PACK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Found:
    """A pack and where it lives; ``error`` instead of a pack for a broken file.

    ``summary`` is set for every good file; ``pack`` only by :func:`discover`.
    """

    path: Path
    builtin: bool
    pack: Pack | None = None
    error: PackError | None = None
    summary: PackSummary | None = None

    @property
    def where(self) -> str:
        return "built-in" if self.builtin else str(self.path)


def packs_dir() -> Path:
    from quiz.paths import packs_dir as data_packs_dir

    return data_packs_dir()


def builtin_pack() -> Pack:
    return load_pack(builtin_pack_path(), origin="built-in")


def installed_files() -> list[Path]:
    folder = packs_dir()
    try:
        entries = sorted(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise QuizError(f"cannot read the pack folder {folder}: {exc.strerror or exc}") from None
    return [p for p in entries if p.suffix in PACK_SUFFIXES and not p.name.startswith(".")]


def _summarize(path: Path, builtin: bool) -> Found:
    try:
        summary = summarize_pack(path, origin="built-in" if builtin else None)
    except PackError as exc:
        return Found(path, builtin, error=exc)
    return Found(path, builtin, summary=summary)


def survey() -> list[Found]:
    """The built-in pack, then every installed pack file (broken ones included).

    Only summaries are read, so this is fast when the cache is warm.
    """
    found = [_summarize(builtin_pack_path(), builtin=True)]
    found.extend(_summarize(path, builtin=False) for path in installed_files())
    return found


def check_unique_ids(found: Iterable[Found]) -> None:
    """Two packs with one id cannot both be played or installed: say which files."""
    seen: dict[str, Found] = {}
    for item in found:
        if item.summary is None:
            continue
        first = seen.get(item.summary.id)
        if first is not None:
            raise QuizError(
                f"two packs have the id '{item.summary.id}': {first.where} and {item.where}",
                hint="give one of them another pack.id, or remove one "
                "(quiz packs remove ID removes an installed pack)",
            )
        seen[item.summary.id] = item


def looks_like_path(spec: str) -> bool:
    return spec.endswith(PACK_SUFFIXES) or "/" in spec or "\\" in spec or Path(spec).exists()


def resolve(spec: str) -> Pack:
    """The pack named by a path or an id."""
    if looks_like_path(spec):
        return load_pack(Path(spec).expanduser())
    if spec == BUILTIN_ID:
        return builtin_pack()
    for suffix in PACK_SUFFIXES:
        candidate = packs_dir() / f"{spec}{suffix}"
        if candidate.is_file():
            pack = load_pack(candidate)
            if pack.id == spec:
                return pack
    found = survey()
    for item in found[1:]:  # a file copied in by hand under another name
        if item.summary is not None and item.summary.id == spec:
            return load_pack(item.path)
    known = [f.summary.id for f in found if f.summary is not None]
    raise PackNotFoundError(
        f"no pack with the id '{spec}'",
        hint=f"packs you have: {', '.join(known)}. Give a path to play a file "
        "(quiz play --pack my-pack.yaml), or install it with quiz packs add",
    )


def resolve_many(specs: Iterable[str]) -> list[Pack]:
    """Several packs for one round; the same id twice is an error naming both files."""
    packs: list[Pack] = []
    by_id: dict[str, Pack] = {}
    for spec in specs:
        pack = resolve(spec)
        other = by_id.get(pack.id)
        if other is not None:
            if _file_of(other) == _file_of(pack):
                continue  # the same file named twice (say by id and by path)
            raise QuizError(
                f"two packs have the id '{pack.id}': {other.origin} and {pack.origin}",
                hint="give one of them another pack.id",
            )
        by_id[pack.id] = pack
        packs.append(pack)
    return packs


def _file_of(pack: Pack) -> Path:
    """The file a loaded pack came from, resolved, so two names for it compare equal."""
    path = builtin_pack_path() if pack.origin == "built-in" else Path(pack.origin)
    try:
        return path.resolve()
    except OSError:
        return path.absolute()

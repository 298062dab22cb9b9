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


SHARED_ID_HINT = (
    "give one of them another pack.id, or remove one "
    "(quiz packs remove ID removes an installed pack)"
)


def refuse_shared_ids(packs: Iterable[tuple[str, str]], hint: str | None = SHARED_ID_HINT) -> None:
    """Two packs with one id cannot both be played or installed: name both files.

    ``packs`` holds (pack id, where it is) pairs.
    """
    seen: dict[str, str] = {}
    for pack_id, where in packs:
        if pack_id in seen:
            raise QuizError(
                f"two packs have the id '{pack_id}': {seen[pack_id]} and {where}", hint=hint
            )
        seen[pack_id] = where


def check_unique_ids(found: Iterable[Found]) -> None:
    """The packs found (broken files left out) have one id each."""
    refuse_shared_ids((item.summary.id, item.where) for item in found if item.summary is not None)


def looks_like_path(spec: str) -> bool:
    if spec.endswith(PACK_SUFFIXES) or "/" in spec or "\\" in spec:
        return True
    try:
        return Path(spec).exists()
    except OSError:  # a name too long to look up: not a pack id either
        return True


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
    files: set[Path] = set()
    for spec in specs:
        pack = resolve(spec)
        if _file_of(pack) not in files:  # the same file named twice (say by id and by path)
            files.add(_file_of(pack))
            packs.append(pack)
    refuse_shared_ids(((p.id, p.origin) for p in packs), hint="give one of them another pack.id")
    return packs


def _file_of(pack: Pack) -> Path:
    """The file a loaded pack came from, resolved, so two names for it compare equal."""
    path = builtin_pack_path() if pack.origin == "built-in" else Path(pack.origin)
    try:
        return path.resolve()
    except OSError:
        return path.absolute()

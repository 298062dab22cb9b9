"""Load a pack file: read it safely, parse it, validate it, cache the result.

Reading is bounded before any parsing starts: only regular files are opened
(a FIFO or a device would hang or never end), and a file larger than
:data:`MAX_FILE_BYTES` is refused. The text must be UTF-8.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quiz.errors import PackError, PackNotFoundError, Problem
from quiz.packs.model import Pack, PackSummary
from quiz.reading import display_path

if TYPE_CHECKING:
    from quiz.packs.yamlread import Node

MAX_FILE_BYTES = 32 * 1024 * 1024

_Cached = TypeVar("_Cached", Pack, PackSummary)


def _problem(
    label: str, message: str, line: int | None = None, col: int | None = None
) -> PackError:
    return PackError([Problem(label, line, col, "", message)])


def decode(data: bytes, label: str) -> bytes:
    """Check that ``data`` is UTF-8 text without NUL bytes; return it without a byte-order mark."""
    from quiz.reading import TextRefused, utf8_text

    try:
        utf8_text(data, label, what="YAML")
    except TextRefused as exc:
        raise _problem(label, exc.reason, exc.line, exc.column) from None
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def parse_pack(data: bytes | str, label: str, origin: str | None = None) -> Pack:
    """Parse and validate pack text; raise :class:`PackError` with every problem."""
    return parse_pack_tree(data, label, origin)[0]


def parse_pack_tree(
    data: bytes | str, label: str, origin: str | None = None
) -> tuple[Pack, Node | None]:
    """Like :func:`parse_pack`, also returning the node tree (every value's line and column)."""
    from quiz.packs.validate import build_pack
    from quiz.packs.yamlread import compose

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_FILE_BYTES:
        raise _problem(label, f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    root, problems = compose(decode(raw, label), label)
    return build_pack(root, label, problems, origin if origin is not None else label), root


def read_pack_bytes(path: Path, label: str | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of a pack file, refusing anything that is not a plain, bounded file."""
    from quiz.reading import FileRefused, read_regular

    label = label or display_path(path)
    try:
        return read_regular(path, MAX_FILE_BYTES, label, what="packs")
    except FileRefused as exc:
        if exc.missing:
            raise PackNotFoundError(exc.message) from None
        raise _problem(label, exc.reason) from None


def _regular_stat(path: Path) -> os.stat_result | None:
    """The file's status if it is a regular file (the only kind the cache knows)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _as_from(item: _Cached, origin: str | None, path: Path) -> _Cached:
    """A cached pack or summary, naming the origin this caller asked for."""
    wanted = origin if origin is not None else str(path)
    return item if item.origin == wanted else replace(item, origin=wanted)


def summarize_pack(path: Path, *, origin: str | None = None) -> PackSummary:
    """A pack's summary: from the cache when fresh, else by loading the pack."""
    from quiz.packs import cache
    from quiz.paths import cache_dir

    absolute = path.absolute()
    st = _regular_stat(absolute)
    if st is not None:
        found = cache.read_summary(cache_dir(), absolute, st)
        if found is not None:
            return _as_from(found, origin, absolute)
    pack = load_pack(path, origin=origin)
    if st is not None:  # the pack may have come from a cache entry older than summaries
        cache.write_summary(cache_dir(), absolute, st, pack)
    return pack.summary()


def load_pack(path: Path, *, origin: str | None = None, use_cache: bool = True) -> Pack:
    """Load and validate one pack file, through the cache when it is fresh."""
    from quiz.packs import cache
    from quiz.paths import cache_dir

    label = display_path(path)
    path = path.absolute()
    st = _regular_stat(path) if use_cache else None
    if st is not None:
        cached = cache.read(cache_dir(), path, st)
        if cached is not None:
            return _as_from(cached, origin, path)
    data, st = read_pack_bytes(path, label)
    pack = parse_pack(data, label, origin if origin is not None else str(path))
    if use_cache:
        cache.write(cache_dir(), path, st, pack)
    return pack

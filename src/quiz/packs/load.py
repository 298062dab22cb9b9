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

if TYPE_CHECKING:
    from quiz.packs.yamlread import Node

MAX_FILE_BYTES = 32 * 1024 * 1024

_Cached = TypeVar("_Cached", Pack, PackSummary)


def _problem(
    label: str, message: str, line: int | None = None, col: int | None = None
) -> PackError:
    return PackError([Problem(label, line, col, "", message)])


def decode(data: bytes, label: str) -> bytes:
    """Check that ``data`` is UTF-8 text; return it without a byte-order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul == -1 or nul > exc.start:
            line, col = _position(data, exc.start)
            raise _problem(
                label,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                line,
                col,
            ) from None
    if nul != -1:
        line, col = _position(data, nul)
        raise _problem(
            label, "contains a NUL byte: this looks like a binary file, not YAML", line, col
        )
    return data


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


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
    label = label or str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise PackNotFoundError(f"{label}: no such file") from None
    except OSError as exc:
        raise _problem(label, f"cannot read it: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise _problem(label, "is a folder, not a pack file")
    if not stat.S_ISREG(st.st_mode):
        raise _problem(label, "is not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        raise _problem(
            label,
            f"the file is {st.st_size:,} bytes; packs are limited to "
            f"{MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 2**20} MiB)",
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _problem(label, f"cannot read it: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _problem(label, f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    return data, st


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

    label = str(path)
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

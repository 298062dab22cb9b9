"""Converters from other quiz formats to pack format 1.

Each takes the input's bytes and a label for messages and returns a
:class:`Conversion`: a format-1 document that passes ``parse_pack``, and a note
for every record that was fixed or skipped. Input that cannot be read at all
raises :class:`~quiz.errors.QuizError` saying what was expected.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from quiz.authoring.convert.common import Conversion, ImportNote


class Converter(Protocol):
    def __call__(
        self, data: bytes, label: str, *, pack_id: str | None = None, title: str | None = None
    ) -> Conversion: ...


class ImportFormat(StrEnum):
    OPENTDB = "opentdb"
    CSV = "csv"
    GIFT = "gift"


def converter(fmt: ImportFormat) -> Converter:
    """The converter for a format, imported only when it is needed."""
    if fmt is ImportFormat.OPENTDB:
        from quiz.authoring.convert.opentdb import convert_opentdb

        return convert_opentdb
    if fmt is ImportFormat.CSV:
        from quiz.authoring.convert.csvpack import convert_csv

        return convert_csv
    from quiz.authoring.convert.gift import convert_gift

    return convert_gift


def __getattr__(name: str) -> Any:
    # ``quiz --help`` needs only ImportFormat (for the ``packs import`` argument);
    # the shared converter types, and the pack model under them, load on first use.
    if name in ("Conversion", "ImportNote"):
        from quiz.authoring.convert import common

        return getattr(common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Conversion", "Converter", "ImportFormat", "ImportNote", "converter"]

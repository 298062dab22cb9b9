"""Converters from other quiz formats to pack format 1.

Each takes the input's bytes and a label for messages and returns a
:class:`~quiz.authoring.convert.common.Conversion`: a format-1 document that
passes ``parse_pack``, a note for every record that was fixed or skipped, and
what was detected along the way. Input that cannot be read at all raises
:class:`~quiz.errors.QuizError` saying what was expected.

This module stays light: ``quiz --help`` imports it for the format names.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quiz.authoring.convert.common import Conversion, Progress


class Converter(Protocol):
    def __call__(
        self,
        data: bytes,
        label: str,
        *,
        pack_id: str | None = None,
        title: str | None = None,
        progress: Progress | None = None,
    ) -> Conversion: ...


class ImportFormat(StrEnum):
    OPENTDB = "opentdb"
    CSV = "csv"
    GIFT = "gift"
    RED = "red"


def converter(fmt: ImportFormat) -> Converter:
    """The converter for a format, imported only when it is needed."""
    if fmt is ImportFormat.OPENTDB:
        from quiz.authoring.convert.opentdb import convert_opentdb

        return convert_opentdb
    if fmt is ImportFormat.CSV:
        from quiz.authoring.convert.csvpack import convert_csv

        return convert_csv
    if fmt is ImportFormat.RED:
        from quiz.authoring.convert.red import convert_red

        return convert_red
    from quiz.authoring.convert.gift import convert_gift

    return convert_gift


_SAMPLE = 64 * 1024
_GIFT_BLOCK = re.compile(r"\{\s*(?:[=~#]|T\s*\}|F\s*\}|TRUE|FALSE|\d*:[A-Z_]+:)", re.IGNORECASE)
_GIFT_MARK = re.compile(r"^\s*(?:::[^\n]*::|\$CATEGORY:)", re.MULTILINE)
_RED_META = re.compile(r"^(?:AUTHOR|DESCRIPTION|CONFIG):", re.MULTILINE)
_YAML_ENTRY = re.compile(r"^[^\s#-][^\n]*:[ \t]*\n(?:[ \t]*#[^\n]*\n)*[ \t]*- ", re.MULTILINE)


def guess_format(data: bytes) -> tuple[ImportFormat, str]:
    """The format the content looks like, and why (for the message that says so)."""
    text = data[:_SAMPLE].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", "[")) and "\x00" in text:
        return ImportFormat.CSV, "UTF-16 text, which only the CSV reader takes"
    if text.startswith(("{", "[")):
        return ImportFormat.OPENTDB, "it is JSON"
    if _RED_META.search(text) or len(_YAML_ENTRY.findall(text)) >= 2:
        return ImportFormat.RED, "YAML questions each with a list of answers"
    if _GIFT_MARK.search(text) or _GIFT_BLOCK.search(text):
        return ImportFormat.GIFT, "answer blocks in braces"
    return ImportFormat.CSV, "rows of delimited text"


__all__ = ["Converter", "ImportFormat", "converter", "guess_format"]

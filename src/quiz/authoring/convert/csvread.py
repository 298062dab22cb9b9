"""Reading a CSV file as people save it: its encoding, delimiter and rows.

The encoding comes from a byte-order mark (UTF-8, UTF-16), else UTF-8 when
the bytes are valid UTF-8, else UTF-16 without a mark when every other byte is
NUL, else charset-normalizer's best guess (imported only then), else
Windows-1252, which reads any byte. Line endings may be LF, CRLF or a lone CR
(old Mac spreadsheets). The delimiter is the one of ``, ; TAB |`` that splits
the first rows into the most columns, consistently.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator

from quiz.errors import QuizError

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_ROWS = 30
_SAMPLE_CHARS = 64 * 1024
_LATIN_PAGES = frozenset(
    "cp1250 cp1252 cp1254 cp1257 cp775 cp850 cp858 hp_roman8 latin_1 iso8859_1 iso8859_2 "  # noqa: SIM905
    "iso8859_3 iso8859_4 iso8859_9 iso8859_10 iso8859_13 iso8859_14 iso8859_15 iso8859_16 "
    "mac_latin2 mac_roman mac_iceland mac_turkish".split()
)
_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}

Row = tuple[int, list[str]]  # the line the record starts on, and its cells


def decode_csv(data: bytes, label: str) -> tuple[str, str]:
    """The file's text and the name of the encoding it was read with."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return _decode(data, codec if codec == "utf-16" else "utf-8-sig", label), codec
    # UTF-16 without a mark: most of the bytes on one side of each pair are NUL.
    if len(data) >= 4 and (
        data[1::2].count(0) > len(data) // 3 or data[0::2].count(0) > len(data) // 3
    ):
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _decode(data, codec, label), "utf-16"
    try:
        return _no_nul(data.decode("utf-8"), label), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    return _decode(data, guess, label), guess


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE_CHARS]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Short Western text fits several Latin code pages equally well (charset-
    # normalizer often names cp1250 for "Amélie"); spreadsheets saved that way
    # are nearly always Windows-1252. Other scripts keep the guess (cp1251 ...).
    return "cp1252" if encoding in _LATIN_PAGES else encoding


def _decode(data: bytes, codec: str, label: str) -> str:
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("cp1252", errors="replace")
    return _no_nul(text, label)


def _no_nul(text: str, label: str) -> str:
    if "\x00" in text:
        raise QuizError(f"{label}: contains NUL characters; expected CSV text")
    return text


def encoding_name(codec: str) -> str:
    return _NAMES.get(codec, codec)


def rows(text: str, delimiter: str, label: str) -> Iterator[Row]:
    """Every record with the line it starts on; quoted fields may hold line breaks."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise QuizError(f"{label}:line {start}: not readable as CSV: {exc}") from None


def sniff_delimiter(
    text: str, label: str, is_header: Callable[[list[str]], bool] = lambda _: False
) -> str:
    """The delimiter that splits a row into a header (``is_header``), else the one
    that gives the first rows the most columns, most consistently."""
    sample = text[:_SAMPLE_CHARS]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths: Counter[int] = Counter()
        try:
            for n, (_, cells) in enumerate(rows(sample, delimiter, label)):
                if n >= _SAMPLE_ROWS:
                    break
                if any(c.strip() for c in cells):
                    widths[len(cells)] += 1
                    if len(cells) > 1 and is_header(cells):
                        return delimiter
        except QuizError:
            continue
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1] * (item[0] > 1), item[0]))
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best

"""Reading numbers: as a player types them ("1,000", "1935.", "30 years",
"thirty-five", "15th", "twenty fifteen") and as a pack author writes them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

from quiz.game.normalize import MAX_ANSWER_LENGTH
from quiz.packs.spec import MAX_NUMBER_TEXT

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = ("hundred", "thousand")
# "fifteenth" -> "fifteen": an ordinal is read as its number ("the 15th").
_IRREGULAR = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
_ORDINALS = {
    **_IRREGULAR,
    **{
        f"{word}th": word
        for word in (*_UNITS, *_SCALES)
        if word != "zero" and word not in _IRREGULAR.values()
    },
    **{f"{word[:-1]}ieth": word for word in _TENS},
}
_ZERO_IN_YEARS = ("oh", "o")  # "nineteen oh five"
_NUMBER_WORDS = frozenset({*_UNITS, *_TENS, *_SCALES, *_ORDINALS, *_ZERO_IN_YEARS})
# Said before a number that names something ("the 405", "I-405"); the
# ordinal ending of a numeral ("15th").
_NAMING = re.compile(r"\A(?:the\s+)?(?:i-\s*)?", re.IGNORECASE)
_ORDINAL_ENDING = re.compile(r"(?<=[0-9])(?:st|nd|rd|th)\Z", re.IGNORECASE)

# A parser of one part of a number: (value, index after it), or None.
_Part = Callable[[list[str], int], tuple[int, int] | None]

# Thousands separators only in threes ("1,000", not "1,00", which could be a
# decimal comma); an exponent so that every number a pack can hold, shown as
# Question.answer_text shows it ("1e-07"), reads back.
_NUMERAL = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?"
    r"|[+-]?\.[0-9]+(?:[eE][+-]?[0-9]+)?",
    re.ASCII,
)
# How a pack author may write a number (30, -2.5, 1e3, 1_000): digits only.
_AUTHORED = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_LAST_CENTURY = 29  # "twenty-nine ninety-nine"; "thirty thirty" is not a year
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})
_TRAILING = ".!?;:"


def parse_number(raw: str) -> float | None:
    """The number in ``raw``, or None when there is none; never raises.

    Accepts an optional sign, a decimal point, thousands separators in
    threes ("1,000"), an exponent, one trailing full stop ("1935."), English
    number words up to the thousands ("thirty-five", "four hundred and five"),
    ordinals ("15th", "fifteenth", "twenty-first"), years as they are said
    ("twenty fifteen", "nineteen thirty-five", "nineteen oh five"), a leading
    "the" or "I-" ("the 405", "I-405") and a unit after the number ("30
    years", "thirty years old"). Refuses nan, infinities and anything that
    overflows.
    """
    text = unicodedata.normalize("NFKC", raw).translate(_MINUS_SIGNS).strip()
    if not text or len(text) > MAX_ANSWER_LENGTH:
        return None
    text = text.rstrip(_TRAILING).strip()
    text = _NAMING.sub("", text)  # anchored: at most once
    tokens = text.split()
    if not tokens:
        return None
    value = _parse_numeral(tokens)
    if value is None:
        value = _parse_words(text.casefold())
    if value is None or not math.isfinite(value):
        return None
    return value


def parse_numeral(text: str) -> int | float | None:
    """A number in digits as a pack author writes it (30, -2.5, 1e3, 1_000), or None.

    Whole numbers stay ``int``, so that an imported answer of 30 is written
    back as 30, not 30.0. Refuses a number longer than a pack may hold
    (``MAX_NUMBER_TEXT`` characters) and anything that is not finite.
    """
    raw = text.strip().replace("_", "")
    if len(raw) > MAX_NUMBER_TEXT or not _AUTHORED.fullmatch(raw):
        return None
    if _INTEGER.fullmatch(raw):
        return int(raw)
    value = float(raw)
    return value if math.isfinite(value) else None


def _parse_numeral(tokens: list[str]) -> float | None:
    first = _ORDINAL_ENDING.sub("", tokens[0])
    if not _NUMERAL.fullmatch(first) or not _is_unit(tokens[1:]):
        return None
    value = parse_numeral(first.replace(",", ""))
    return None if value is None else float(value)


def _is_unit(tokens: list[str]) -> bool:
    """Whether the words after a number are a unit ("years old"), not more numbers."""
    return all(t.isalpha() and t.casefold() not in _NUMBER_WORDS for t in tokens)


def _parse_words(text: str) -> float | None:
    tokens = [_ORDINALS.get(t, t) for t in re.split(r"[\s-]+", text.strip())]
    sign = 1
    if tokens and tokens[0] in ("minus", "negative"):
        sign, tokens = -1, tokens[1:]
    if len(tokens) > 1 and tokens[0] == "a" and tokens[1] in _SCALES:
        tokens = tokens[1:]  # "a hundred" is one hundred
    parsed = _year(tokens) or _number(tokens, 0)
    if parsed is None:
        return None
    value, end = parsed
    if not _is_unit(tokens[end:]):
        return None
    return float(sign * value)


def _year(tokens: list[str]) -> tuple[int, int] | None:
    """year := small(10-29) (small(10-99) | ("oh" | "o") unit(1-9)): "nineteen oh five"."""
    century = _small(tokens, 0)
    if century is None or not 10 <= century[0] <= _LAST_CENTURY:
        return None
    i = century[1]
    if _at(tokens, i) in _ZERO_IN_YEARS and 1 <= _UNITS.get(_at(tokens, i + 1), 0) <= 9:
        return century[0] * 100 + _UNITS[tokens[i + 1]], i + 2
    rest = _small(tokens, i)
    if rest is None or rest[0] < 10:
        return None
    return century[0] * 100 + rest[0], rest[1]


def _number(tokens: list[str], i: int) -> tuple[int, int] | None:
    """number := group ["thousand" [["and"] group]] | "thousand" ..."""
    group = _group(tokens, i)
    if _at(tokens, group[1] if group else i) == "thousand":
        multiplier, i = group if group else (1, i)
        i += 1
        rest = _after_and(tokens, i, _group)
        if rest is None:
            return multiplier * 1000, i
        return multiplier * 1000 + rest[0], rest[1]
    return group


def _group(tokens: list[str], i: int) -> tuple[int, int] | None:
    """group := [small] "hundred" [["and"] small] | small: below 10,000."""
    small = _small(tokens, i)
    if _at(tokens, small[1] if small else i) != "hundred":
        return small
    multiplier, i = small if small else (1, i)
    if multiplier == 0:
        return None
    i += 1
    rest = _after_and(tokens, i, _small)
    if rest is None:
        return multiplier * 100, i
    return multiplier * 100 + rest[0], rest[1]


def _small(tokens: list[str], i: int) -> tuple[int, int] | None:
    """small := unit | teen | tens ["-"? unit 1-9]: 0 to 99."""
    word = _at(tokens, i)
    if word in _UNITS:
        return _UNITS[word], i + 1
    if word in _TENS:
        unit = _UNITS.get(_at(tokens, i + 1), 0)
        if 1 <= unit <= 9:
            return _TENS[word] + unit, i + 2
        return _TENS[word], i + 1
    return None


def _after_and(tokens: list[str], i: int, part: _Part) -> tuple[int, int] | None:
    """An optional "and" followed by ``part``; None (consuming nothing) if absent."""
    j = i + 1 if _at(tokens, i) == "and" else i
    found = part(tokens, j)
    if found is None or found[0] == 0:
        return None
    return found


def _at(tokens: list[str], i: int) -> str:
    return tokens[i] if i < len(tokens) else ""

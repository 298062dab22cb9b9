"""Make untrusted text (pack text, player names) harmless before display.

Control and format characters are removed: C0 except newline and tab, DEL,
ESC, C1, bidi overrides and isolates, zero-width and other invisible format
characters, lone surrogates (which cannot even be encoded) and line/paragraph
separators. What is left is rendered as a plain :class:`rich.text.Text`, so
Rich markup, links and emoji codes are shown literally, never interpreted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# Unicode categories Cc (except \t and \n), Cf, Cs, Zl and Zp, spelt out as
# ranges so that importing this module stays cheap.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _FORMAT + "]")
_LINE_BREAKS = re.compile(r"[\t\n]+")


def clean(text: str) -> str:
    """Remove every character that could control the terminal or hide text."""
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, for one-line places (names, options, table cells)."""
    return _LINE_BREAKS.sub(" ", clean(text)).strip()


def safe_text(text: str, style: str = "", *, one_line: bool = False) -> Text:
    """Untrusted text as a Rich ``Text``: cleaned, never parsed as markup."""
    from rich.text import Text

    return Text(clean_line(text) if one_line else clean(text), style=style)


# What JSON output escapes beyond what ``json.dumps`` does (C0 controls): DEL, C1,
# bidi controls, zero-width and other format characters, lone surrogates, line and
# paragraph separators; the rest of Unicode stays readable.
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + _FORMAT + "]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(value: object) -> str:
    """``value`` as indented JSON that is safe to print: control, C1 and bidi characters escaped.

    The characters are escaped inside the JSON strings (``\\u202e``), so a program
    reading the output gets the text unchanged.
    """
    import json

    return _JSON_UNSAFE.sub(_escape, json.dumps(value, indent=2, ensure_ascii=False))


# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A text cell for CSV output: one a spreadsheet would run as a formula gets a leading ``'``.

    Only text cells go through this, never numbers (``-3`` in a number column stays).
    """
    return "'" + text if text.startswith(_FORMULA_START) else text

"""Small wording helpers every layer shares."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless it is exactly one: "1 round", "3 rounds".

    ``many`` is the plural where adding an "s" is wrong ("1 match", "2 matches").
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def format_number(value: float) -> str:
    """Show a number the way a person writes it: 30, not 30.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)

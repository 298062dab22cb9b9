"""Choice labels: the letter ("B", "b)", "(b)") or number ("2", "2.") of an option.

The one reader of labels, for grading and for the session. Letters stay where
they were when a question was first shown: after 50:50 removes B, the options
left are still A, C and D, so a player who had picked "C" in their head is not
tricked by the options moving up.
"""

from __future__ import annotations

import string
from collections.abc import Sequence

__all__ = ["LETTERS", "label_index", "labelled", "letter_range", "removed_label"]

LETTERS = string.ascii_uppercase
_MAX_DIGITS = 3  # "100" is a label; a pasted number of a million digits is not
_BRACKETS = "()[].:"


def label_index(raw: str, count: int) -> int | None:
    """The 0-based position a label names among ``count`` options, or None.

    Only ASCII letters and digits are labels: "²" or "٣" is text, never an
    index (``int()`` would read some of them and crash on others).
    """
    label = raw.strip().strip(_BRACKETS).strip().casefold()
    if not label.isascii():
        return None
    if len(label) == 1 and label.isalpha():
        index = LETTERS.index(label.upper())
    elif label.isdigit() and len(label) <= _MAX_DIGITS:
        index = int(label) - 1
    else:
        return None
    return index if 0 <= index < min(count, len(LETTERS)) else None


def labelled(options: Sequence[str], shown: Sequence[str]) -> list[tuple[str, str]]:
    """The options still ``shown``, each with the letter it had in ``options``."""
    still = set(shown)
    return [(LETTERS[i], o) for i, o in enumerate(options[: len(LETTERS)]) if o in still]


def letter_range(options: Sequence[str], shown: Sequence[str]) -> str:
    """The letters to type, as a prompt shows them: "A-D", or "A/C" after 50:50."""
    letters = [letter for letter, _ in labelled(options, shown)]
    if not letters:
        return "A"
    if "".join(letters) == LETTERS[: len(letters)]:
        return letters[0] if len(letters) == 1 else f"A-{letters[-1]}"
    return "/".join(letters)


def removed_label(raw: str, options: Sequence[str], shown: Sequence[str]) -> str | None:
    """The label as typed ("B") when it names an option 50:50 removed, else None."""
    index = label_index(raw, len(options))
    if index is None or options[index] in shown:
        return None
    return raw.strip().strip(_BRACKETS).strip().upper()

"""Edit distance, for accepting close misspellings.

Implemented here rather than taken from a dependency: answers are short, and
the bound lets most comparisons stop after a row or two.
"""

from __future__ import annotations


def levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """The Levenshtein distance between ``a`` and ``b``.

    With ``limit``, any distance above it is reported as ``limit + 1`` and the
    work stops as soon as that is certain, so a huge input against a short
    answer costs next to nothing.
    """
    if limit is not None:
        if limit < 0:
            return 0 if a == b else limit + 1
        if abs(len(a) - len(b)) > limit:
            return limit + 1
    if len(a) < len(b):
        a, b = b, a  # the shorter string indexes the row, to keep it small
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        # Every path to the end passes through this row, so its minimum is a
        # lower bound on the final distance.
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    distance = previous[-1]
    if limit is not None and distance > limit:
        return limit + 1
    return distance

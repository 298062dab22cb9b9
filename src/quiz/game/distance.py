"""Edit distance, for accepting close misspellings.

Implemented here rather than taken from a dependency: answers are short, and
the bound lets most comparisons stop after a row or two.
"""

from __future__ import annotations

__all__ = ["edit_distance", "levenshtein"]


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """The number of edits that turn ``a`` into ``b``.

    An edit inserts, deletes or replaces one character, or swaps two
    neighbours ("Spetember" is one edit from "September"): the optimal string
    alignment distance, in which no part of the text is edited twice.

    With ``limit`` (0 or more), any distance above it is reported as
    ``limit + 1`` and the work stops as soon as that is certain, so a huge
    input against a short answer costs next to nothing.
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            current.append(best)
        # A path to the end passes through this row or (a swap skips a row)
        # the one before, and never gets cheaper: a lower bound on the distance.
        if limit is not None and min(*current, *previous) > limit:
            return limit + 1
        before, previous = previous, current
    distance = previous[-1]
    if limit is not None and distance > limit:
        return limit + 1
    return distance


# The name this function had before swaps counted as one edit.
levenshtein = edit_distance

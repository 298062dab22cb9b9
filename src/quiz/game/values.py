"""Filter values as the CLI passes them: one or many, listed in a fixed order."""

from __future__ import annotations

from collections.abc import Collection, Iterable

__all__ = ["as_items", "in_order"]


def as_items(values: Collection[str]) -> Collection[str]:
    """``values`` as a collection of values."""
    # A lone string (or a Difficulty, which is one) is one value, not its letters.
    return (values,) if isinstance(values, str) else values


def in_order(values: Iterable[str], enum: Iterable[str]) -> tuple[str, ...]:
    """``values`` without duplicates in the enum's order, then any it does not know, sorted."""
    wanted = set(values)
    known = [str(e) for e in enum]
    return tuple([v for v in known if v in wanted] + sorted(wanted.difference(known)))

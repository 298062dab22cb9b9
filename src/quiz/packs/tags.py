"""One rule for tags: what a pack's tag and a player's ``--tag`` are compared as.

A tag keeps the letters and digits of every script (``Назначение`` stays
Cyrillic), lowercased after NFKC (so full-width and compatibility forms read
as their plain letters), with ``-`` between words: ``СТАНДАРТ_1.1_Назначение``
is ``стандарт-1-1-назначение``. Importers make tags with it, and the round's
chooser compares both sides through it, so a category's own name works.
"""

from __future__ import annotations

import unicodedata

from quiz.packs.spec import MAX_TAG

__all__ = ["normalize_tag"]


def _is_word_char(ch: str) -> bool:
    # Letters, digits and the marks that belong to them (Devanagari vowel signs ...).
    return unicodedata.category(ch)[0] in "LNM"


def normalize_tag(text: str, max_length: int = MAX_TAG) -> str:
    """``text`` as a tag: lowercase words of any script joined by '-', cut at a word."""
    folded = unicodedata.normalize("NFKC", text).lower()
    words: list[str] = []
    current: list[str] = []
    for ch in folded:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    tag = ""
    for word in words:
        joined = f"{tag}-{word}" if tag else word
        if len(joined) > max_length:
            return tag or word[:max_length]
        tag = joined
    return tag

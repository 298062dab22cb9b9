"""What each column of a CSV file holds, from its header row or from ``--columns``.

Header names are compared without case, accents, spaces, ``_`` or ``-``, and
without what follows `` - `` or stands in brackets (Kahoot's ``Question - max
120 characters`` is ``question``). A trailing number, number word or option
letter makes a numbered column (``wrong2``, ``wrong_two``, ``option_b``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Roles a column can play, each with the header names that mean it.
_NAMES: dict[str, tuple[str, ...]] = {
    "prompt": ("prompt", "question", "questiontext", "questions", "q"),
    "answer": (
        "answer", "rightanswer", "correctanswer", "correct", "correctanswers", "rightanswers",
        "solution", "correctoption", "correctchoice", "key", "answerkey",
    ),
    "wrong": (
        "wrong", "wronganswer", "wronganswers", "incorrect", "incorrectanswer",
        "incorrectanswers", "distractor", "distractors", "falseanswer", "wrongoption",
    ),
    "options": ("options", "option", "choices", "choice", "answers", "answeroption"),
    "type": ("type", "questiontype", "kind"),
    "difficulty": ("difficulty", "level"),
    "tags": ("tags", "tag", "category", "categories", "topic", "topics", "subject", "theme"),
    "explanation": ("explanation", "feedback", "generalfeedback", "explain", "rationale"),
    "hint": ("hint", "clue"),
    "source": ("source", "excerpt"),
    "accept": ("accept", "alternatives", "alternateanswers", "otheranswers", "synonyms"),
    "tolerance": ("tolerance", "margin"),
    "id": ("id", "questionid", "name", "title"),
    "time": ("timelimit", "time", "timelimitsec", "seconds", "timer", "duration"),
}  # fmt: skip
_ROLE_OF = {name: role for role, names in _NAMES.items() for name in names}
ROLES = tuple(_NAMES)
LISTS = frozenset({"wrong", "options", "tags", "accept"})  # roles several columns may share
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        1,
    )
}
_NUMBERED = re.compile(r"(.*?)(\d+|[a-f])\Z")
_AFTER_DASH = re.compile(r"\s[-\u2013\u2014]\s.*\Z", re.DOTALL)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(cell: str) -> str:
    """A header cell as compared: ``Correct answer(s) - choose one`` -> ``correctanswer``."""
    text = _BRACKETS.sub("", _AFTER_DASH.sub("", cell.strip()))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", text)


def role_of(cell: str) -> tuple[str, int] | None:
    """The role a header cell names, and its number (0 when unnumbered)."""
    key = header_key(cell)
    if not key:
        return None
    if key in _ROLE_OF:
        return _ROLE_OF[key], 0
    if key in ("a", "b", "c", "d", "e", "f"):  # options lettered A to F
        return "options", ord(key) - ord("a") + 1
    for word, number in _NUMBER_WORDS.items():
        if key.endswith(word) and key[: -len(word)] in _ROLE_OF:
            return _ROLE_OF[key[: -len(word)]], number
    match = _NUMBERED.match(key)
    if match is not None and match.group(1) in _ROLE_OF:
        suffix = match.group(2)
        if suffix.isdigit() and not (suffix.isascii() and len(suffix) <= 6):
            return None  # "answer²" or a 5,000-digit number names no column
        number = int(suffix) if suffix.isdigit() else ord(suffix) - ord("a") + 1
        role = _ROLE_OF[match.group(1)]
        # "Answer 1", "Answer 2" ... beside a "correct" column are the options.
        return ("options" if role == "answer" else role), number
    return None


@dataclass
class Layout:
    """Which cell positions hold each role (list roles in their numbered order)."""

    single: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[int]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # the header cells used, for the note
    width: int = 0  # cells in the header row (0: no header to compare with)

    def usable(self) -> bool:
        return "prompt" in self.single and ("answer" in self.single or "options" in self.lists)

    def describe(self) -> str:
        return ", ".join(self.names)


def layout_from_header(cells: list[str]) -> tuple[Layout, list[str]]:
    """The layout a header row gives, and the cells it could not place."""
    layout = Layout(width=len(cells))
    numbered: dict[str, list[tuple[int, int]]] = {}
    unknown: list[str] = []
    for position, cell in enumerate(cells):
        found = role_of(cell)
        if found is None:
            if cell.strip():
                unknown.append(cell.strip())
            continue
        role, number = found
        if role in LISTS:
            numbered.setdefault(role, []).append((number, position))
        elif role in layout.single:
            unknown.append(f"{cell.strip()} (a second {role} column)")
            continue
        else:
            layout.single[role] = position
        layout.names.append(f"{cell.strip()} as {role}")
    for role, found_positions in numbered.items():
        layout.lists[role] = [p for _, p in sorted(found_positions)]
    return layout, unknown


def layout_from_names(names: list[str]) -> Layout:
    """The layout ``--columns prompt,answer,wrong,wrong`` gives (``-`` or empty: ignored)."""
    layout = Layout()
    for position, name in enumerate(names):
        key = header_key(name)
        if not key or key == "":
            continue
        found = role_of(name)
        if found is None:
            raise ValueError(f"unknown column name '{name}'; known: {', '.join(ROLES)}")
        role = found[0]
        if role in LISTS:
            layout.lists.setdefault(role, []).append(position)
        elif role in layout.single:
            raise ValueError(f"'{role}' is named twice")
        else:
            layout.single[role] = position
        layout.names.append(f"column {position + 1} as {role}")
    if "prompt" not in layout.single or not (
        "answer" in layout.single or "options" in layout.lists
    ):
        raise ValueError("name at least a prompt column and an answer column")
    return layout


def looks_like_header(cells: list[str]) -> bool:
    """Whether a row names columns: a prompt and an answer (or options) among them."""
    layout, _ = layout_from_header(cells)
    return layout.usable()


def headerless_layout(width: int) -> Layout:
    """Rows without a header: question, answer, then wrong options."""
    layout = Layout(single={"prompt": 0, "answer": 1})
    layout.names = ["column 1 as prompt", "column 2 as answer"]
    if width > 2:
        layout.lists["wrong"] = list(range(2, width))
        layout.names.append(f"columns 3-{width} as wrong options")
    return layout

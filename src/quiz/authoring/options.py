"""Wrong options and accepted spellings for a drafted question.

Wrong options are other items of the same kind from the same article (people
for a person, places for a place, titles for a title) or nearby numbers and
dates, never one that also answers the question: not an item of the same
sentence, not another spelling of the answer ("L.A." for "Los Angeles",
"Chazelle" for "Damien Chazelle"), and not one the game's grader would accept
for the answer (:func:`quiz.game.grade.grade_answer`, as ``packs lint`` checks).
"""

from __future__ import annotations

import random
import re

from quiz.authoring.cues import PLACE_WORDS
from quiz.authoring.items import Found, Item, Mention
from quiz.authoring.sentences import MONTHS
from quiz.game.grade import grade_answer
from quiz.game.normalize import normalize
from quiz.game.numbers import parse_number
from quiz.packs.model import Question, QuestionType

MAX_CANDIDATES = 12  # same-kind items considered per kind: the most mentioned
WANTED = 3


class Options:
    """Same-kind items of one article, ranked once, for every question's options."""

    def __init__(self, found: Found) -> None:
        self.found = found
        by_kind: dict[str, list[Item]] = {}
        for item in found.items.values():
            by_kind.setdefault(item.kind, []).append(item)
        for items in by_kind.values():
            items.sort(key=lambda i: (-i.count, i.first, i.key))
        self.by_kind = {kind: items[:MAX_CANDIDATES] for kind, items in by_kind.items()}
        self.words = {
            item.key: frozenset(normalize(item.key).split())
            for items in self.by_kind.values()
            for item in items
        }
        surnames: dict[str, int] = {}
        for item in by_kind.get("person", []):
            surnames[item.key.split()[-1]] = surnames.get(item.key.split()[-1], 0) + 1
        self.unique_surnames = {name for name, n in surnames.items() if n == 1}

    def accept(self, mention: Mention) -> list[str]:
        """Other spellings of the answer: the surname alone or the full name, date forms."""
        if mention.kind == "person" and len(mention.key.split()) > 1:
            surname = mention.key.split()[-1]
            if mention.text == mention.key and surname in self.unique_surnames:
                return [surname]
            if mention.text != mention.key:
                return [mention.key]
        if mention.kind == "date":
            month, day = _month_day(mention.text)
            return [f"{day} {month}", f"{month} {_ordinal(day)}"]
        return []

    def wrong(
        self, mention: Mention, same_sentence: list[Mention], seed: int, salt: str
    ) -> list[str]:
        """Up to three wrong options for ``mention``, chosen by ``seed``."""
        if mention.kind in ("year", "number"):
            pool = _nearby_numbers(mention)
        elif mention.kind == "date":
            pool = _nearby_dates(mention.text)
        else:
            pool = self._same_kind(mention, same_sentence)
        answer = _as_text_question(mention.text, self.accept(mention))
        rng = random.Random(f"{seed}:{salt}")
        chosen: list[str] = []
        for option in rng.sample(pool, len(pool)):
            if len(chosen) == WANTED:
                break
            if option != mention.text and not grade_answer(answer, option, ()).correct:
                chosen.append(option)
        return chosen

    def _same_kind(self, mention: Mention, same_sentence: list[Mention]) -> list[str]:
        taken = {m.key for m in same_sentence}
        answer_words = self.words.get(mention.key) or frozenset(normalize(mention.key).split())
        answer_words |= frozenset(normalize(mention.text).split())
        surname_only = mention.kind == "person" and mention.text != mention.key
        pool = []
        for item in self.by_kind.get(mention.kind, []):
            words = self.words[item.key]
            if item.key in taken or words & answer_words or _initials_of(item.key, mention.key):
                continue
            if surname_only:
                surname = item.key.split()[-1]
                pool.append(surname if surname in self.unique_surnames else item.key)
            else:
                pool.append(item.key)
        # Options like the answer first: a park for a park, a short title for a short one.
        alike = [option for option in pool if _shape(option) == _shape(mention.key)]
        return alike if len(alike) >= WANTED else pool


def _shape(name: str) -> tuple[bool, bool]:
    """What a name looks like: whether it ends in a place word ("Park"), whether it is long."""
    words = name.split()
    return words[-1] in PLACE_WORDS, len(words) > 4


def _as_text_question(answer: str, accept: list[str]) -> Question:
    return Question("check", QuestionType.TEXT, "?", answer, accept=tuple(accept))


def _initials_of(a: str, b: str) -> bool:
    """ "L.A." and "Los Angeles": one is the other's initials."""

    def initials(text: str) -> str:
        return "".join(w[0] for w in text.split()).casefold()

    def letters(text: str) -> str:
        return text.replace(".", "").casefold()

    return letters(a) == initials(b) or letters(b) == initials(a)


def _nearby_numbers(mention: Mention) -> list[str]:
    parsed = parse_number(mention.text)
    value = int(parsed) if parsed is not None else 0
    if mention.kind == "year":
        steps = [-12, -9, -7, -5, -3, 3, 5, 7, 9, 12]
    elif mention.noun == "age":
        steps = [-6, -4, -3, 3, 4, 6]
    else:
        steps = [-3, -2, -1, 1, 2, 3, 4]
    return [str(value + step) for step in steps if value + step > 0]


def _month_day(text: str) -> tuple[str, int]:
    found = re.match(r"(\w+)\s+(\d{1,2})", text)
    return (found.group(1), int(found.group(2))) if found else (MONTHS[0], 1)


def _nearby_dates(text: str) -> list[str]:
    month, day = _month_day(text)
    index = MONTHS.index(month)
    others = [f"{month} {d}" for d in (day - 9, day - 5, day + 4, day + 8) if 1 <= d <= 28]
    others += [f"{MONTHS[(index + step) % 12]} {day}" for step in (-1, 1, 2) if day <= 28]
    return others


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

"""The items in an article a question can be about: people, places, titles, years,
counts and dates, each mention placed in its sentence.

Names are runs of capitalised words; what kind each is comes from cues around
its mentions ("director Marta Quintela", "in Griffith Park", "1935's Top Hat",
"Lisbon-born"), from a surname met alone elsewhere ("Chazelle" after "Damien
Chazelle"), from a short list of well-known places and from names it is listed
with ("Astaire and Rogers"). A name whose kind stays unclear is left out, with
its reason. Each sentence is scanned a fixed number of times, so the work grows
with the article's size.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from quiz.authoring.cues import (
    CUES,
    KNOWN_PLACES,
    LEADING,
    LIST_JOINS,
    NOT_NAMES,
    PLACE_WORDS,
)
from quiz.authoring.sentences import MONTH, Article
from quiz.game.numbers import parse_number

TAGS = {
    "person": "people",
    "place": "places",
    "title": "titles",
    "year": "dates",
    "date": "dates",
    "number": "numbers",
}
# A capitalised word, or initials: "Chazelle", "Jean-Luc", "J.K.".
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-Þ][\w’']*(?:-[A-ZÀ-Þ][\w’']*)*)"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:of|the|de|la|von|van|del)\s+)?{_NAME_WORD})*")
_QUOTED = re.compile(r"“([^”\n]{2,80})”|\"([^\"\n]{2,80})\"")
_DATE = re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?\b")
_NUMBER = re.compile(
    r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.:,]\d)"
    r"|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]{3,}s)\b")
_AGE_AROUND = (re.compile(rf"{_NAME_WORD},\s*$"), re.compile(r"^,\s"))


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an item in a sentence."""

    text: str  # as written
    start: int  # in the sentence's text
    end: int
    sentence: int  # index into the article's sentences
    key: str  # the item it names
    kind: str  # person, place, title, year, number or date
    noun: str = ""  # what a count counts ("nights"), or "age"


@dataclass(slots=True)
class Item:
    key: str
    kind: str
    name: str  # the fullest form written
    count: int = 0
    first: float = 1.0  # how far into the article it first appears


@dataclass(slots=True)
class Found:
    mentions: list[list[Mention]]  # per sentence
    items: dict[str, Item]
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    regex_passes: int = 0


@dataclass(slots=True)
class _Raw:
    text: str
    start: int
    end: int
    sentence: int
    kind: str  # "name", "title", "year", "number", "date"
    noun: str = ""


def find_items(article: Article) -> Found:
    """Every mention of a person, place, title, year, count or date, by sentence."""
    raws: list[list[_Raw]] = []
    votes: dict[str, Counter[str]] = {}
    passes = 0
    for index, sentence in enumerate(article.sentences):
        found, used = _scan(sentence.text, index)
        passes += used
        raws.append(found)
        for raw in found:
            if raw.kind in ("name", "initial"):
                votes.setdefault(raw.text, Counter()).update(_cue_votes(sentence.text, raw))
    kinds, aliases, left_out = _resolve(article, votes, raws)
    return _collect(article, raws, kinds, aliases, left_out, passes)


def _scan(text: str, index: int) -> tuple[list[_Raw], int]:
    """The raw mentions in one sentence; earlier patterns win where spans overlap."""
    taken = bytearray(len(text) + 1)
    found: list[_Raw] = []

    def free(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    for m in _DATE.finditer(text):
        if free(*m.span()):
            found.append(_Raw(m.group(), m.start(), m.end(), index, "date"))
    for m in _QUOTED.finditer(text):
        inner = (m.group(1) or m.group(2)).strip().rstrip(",.")
        start = m.start() + 1
        if _looks_like_title(inner) and free(start, start + len(inner)):
            found.append(_Raw(inner, start, start + len(inner), index, "title"))
    for m in _NAME.finditer(text):
        name = _trim_name(text, m.start(), m.end())
        if name is not None and free(*name):
            kind = "initial" if _at_sentence_start(text, name[0]) else "name"
            found.append(_Raw(text[name[0] : name[1]], name[0], name[1], index, kind))
    for m in _NUMBER.finditer(text):
        raw = _number(text, m, index)
        if raw is not None and free(raw.start, raw.end):
            found.append(raw)
    return sorted(found, key=lambda r: r.start), 4


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name in text[start:end] without leading words, possessives or award words."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while words and text[slice(*words[0])] in LEADING | NOT_NAMES:
        if text[slice(*words[0])] == "The" and len(words) > 2:
            break  # "The Night Ferry": a title's own article
        words.pop(0)
    while words and re.sub(r"[’']s?$", "", text[slice(*words[-1])]) in NOT_NAMES:
        words.pop()
    if not words:
        return None
    first, last = words[0][0], words[-1][1]
    tail = re.search(r"(?:[’']s?)?$", text[first:last])
    last -= len(tail.group()) if tail else 0
    return (first, last) if last - first >= 2 else None


def _at_sentence_start(text: str, start: int) -> bool:
    return not text[:start].strip(" “\"‘'(—–-")


def _looks_like_title(text: str) -> bool:
    """Title Case and short: "Isn’t This a Lovely Day", not "I absolutely adore that film"."""
    long_words = [w for w in re.findall(r"[\w’']+", text) if len(w) > 3]
    return (
        len(text.split()) <= 12
        and text[:1].isupper()
        and all(w[0].isupper() or w[0].isdigit() for w in long_words)
    )


def _number(text: str, m: re.Match[str], index: int) -> _Raw | None:
    written = m.group()
    if _YEAR.fullmatch(written):
        return _Raw(written, m.start(), m.end(), index, "year")
    after = _PLURAL_AFTER.match(text, m.end())
    if _AGE_AROUND[0].search(text[max(0, m.start() - 40) : m.start()]) and _AGE_AROUND[1].match(
        text[m.end() : m.end() + 3]
    ):
        return _Raw(written, m.start(), m.end(), index, "number", "age")
    if after is not None and parse_number(written) is not None:
        return _Raw(written, m.start(), m.end(), index, "number", after.group(1))
    return _Raw(written, m.start(), m.end(), index, "stray") if written[0].isdigit() else None


def _cue_votes(text: str, raw: _Raw) -> Counter[str]:
    before, after = text[max(0, raw.start - 40) : raw.start], text[raw.end : raw.end + 60]
    found: Counter[str] = Counter()
    for side, kind, weight, pattern in CUES:
        if pattern.search(before if side == "before" else after):
            found[kind] += weight
    return found


def _resolve(
    article: Article, votes: dict[str, Counter[str]], raws: list[list[_Raw]]
) -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    """Each name's kind, the full name each lone surname stands for, and what is left out."""
    mid = {r.text for found in raws for r in found if r.kind == "name"}
    by_last: dict[str, set[str]] = {}
    for name in votes:
        if len(name.split()) > 1:
            by_last.setdefault(name.split()[-1], set()).add(name)
    aliases = {
        name: next(iter(by_last[name]))
        for name in votes
        if len(name.split()) == 1 and len(by_last.get(name, ())) == 1
    }
    total: dict[str, Counter[str]] = {}
    for name, counter in votes.items():
        total.setdefault(aliases.get(name, name), Counter()).update(counter)
    for name, counter in total.items():
        if name.casefold() in KNOWN_PLACES or name.split()[-1] in PLACE_WORDS:
            counter["place"] += 2
        if len(name.split()) > 1 and (name.split()[-1] in aliases or re.match(r"[A-Z]\.", name)):
            counter["person"] += 3
    for name, counter in total.items():
        if len(name.split()) == 1 and name not in by_last and not re.match(r"[A-Z]\.", name):
            counter["person"] = 0  # a lone word is a person only as someone's surname
    kinds = {name: _winner(counter) for name, counter in total.items()}
    for name in kinds:
        if len(name.split()) == 1 and name not in mid and name not in aliases.values():
            kinds[name] = ""  # a capitalised word only ever seen starting a sentence
    _share_with_lists(article, raws, kinds, aliases)
    left_out = [
        (name, "cannot tell whether it names a person, a place or a title")
        for name, kind in kinds.items()
        if not kind and (name in mid or len(name.split()) > 1) and name not in aliases
    ]
    return kinds, aliases, left_out


def _winner(counter: Counter[str]) -> str:
    ranked = counter.most_common(2)
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]


def _share_with_lists(
    article: Article, raws: list[list[_Raw]], kinds: dict[str, str], aliases: dict[str, str]
) -> None:
    """A name listed with another ("Astaire and Rogers", "New York or Paris") is of its kind."""
    for found in raws:
        names = [r for r in found if r.kind in ("name", "initial")]

        def text_of(a: _Raw, b: _Raw) -> str:
            return article.sentences[a.sentence].text[a.end : b.start]

        for a, b in itertools.pairwise(names):
            ka, kb = (aliases.get(r.text, r.text) for r in (a, b))
            between = text_of(a, b)
            if between not in LIST_JOINS or kinds.get(ka, "") == kinds.get(kb, ""):
                continue
            for unknown, known in ((ka, kb), (kb, ka)):
                lone = len(unknown.split()) == 1 and kinds.get(known) == "person"
                if not kinds.get(unknown) and not lone:
                    kinds[unknown] = kinds[known]


def _collect(
    article: Article,
    raws: list[list[_Raw]],
    kinds: dict[str, str],
    aliases: dict[str, str],
    left_out: list[tuple[str, str]],
    passes: int,
) -> Found:
    result = Found([], {}, left_out, passes)
    strays: set[str] = set()
    for index, found in enumerate(raws):
        mentions: list[Mention] = []
        for raw in found:
            key, kind = raw.text, raw.kind
            if kind in ("name", "initial", "title"):
                key = aliases.get(raw.text, raw.text)
                kind = "title" if kind == "title" else kinds.get(key, "")
            elif kind == "number":
                key = f"{parse_number(raw.text):g} {raw.noun}"
            elif kind == "stray":
                strays.add(raw.text)
                continue
            if not kind:
                continue
            mentions.append(Mention(raw.text, raw.start, raw.end, index, key, kind, raw.noun))
            item = result.items.setdefault(key, Item(key, kind, key))
            item.count += 1
            item.first = min(item.first, article.sentences[index].position)
        result.mentions.append(mentions)
    result.left_out += [
        (n, "a number that is not a year, an age or a count") for n in sorted(strays)
    ]
    return result

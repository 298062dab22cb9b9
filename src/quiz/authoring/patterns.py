"""Sentence shapes simple enough to turn into a real question.

Each pattern looks at one sentence and the items found in it and may return
questions such as "In which year was Top Hat released?" (from "1935's Top
Hat"), "Who plays a lighthouse keeper in Harbor Lights?" (from "Harbor Lights
stars Owen Achterberg as a lighthouse keeper"), "Where was Marta Quintela
born?" (from "Lisbon-born director Marta Quintela") or "Who said “...”?" (from
a quotation followed by "says Quintela"). A sentence no pattern fits becomes
a question with a blank instead (``authoring.draft``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quiz.authoring.items import Mention

_ROLE_BEFORE = re.compile(
    r"\b(director|cinematographer|editor|composer|producer|screenwriter|choreographer)\s*,?\s+$"
)
_AS_ROLE = re.compile(
    r"\s+as\s+((?:a|an|the)\s+[a-z]+(?:[ -][a-z]+){0,3}?)(?=\s+(?:who|and|in)\b|[,.;]|$)"
)
_PLAYED_BY = re.compile(r"\b((?:a|an|the)\s+[a-z]+(?:\s+[a-z]+){0,2})\s+\(played by\s+$")
_YEAR_OF = re.compile(r",\s+(?:a|an)\s+\d{4}\s+(?:[a-z]+\s+)?(film|documentary|movie|musical)\b")
_SET_IN = re.compile(r"\bset\s+in\s+(?:[a-z-]+\s+)?$")
_OSCAR = re.compile(r"\s+Oscar[- ]winner\s+")
_SAYS = re.compile(r"^“([^“”]{20,200}?)[,.?!]?”\s+(?:says|said|insists|recalls)\s+$")
_SUBJECT_VERB = re.compile(r"^\s+([a-z]+)s\b((?:\s+[a-z]+){0,4}?)\s+on\s+$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """A question a pattern made: the prompt, the mention that answers it and what
    part of the sentence proves it."""

    prompt: str
    answer: Mention
    span: tuple[int, int]  # of the sentence, for the source excerpt
    name: str


Finder = Callable[[str, list[Mention], str], Iterator[Pattern]]


def _pairs(mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    return itertools.pairwise(mentions)


def year_of_title(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "1935's Top Hat", "Los Angeles Plays Itself, a 2003 documentary"."""
    for a, b in _pairs(mentions):
        between = text[a.end : b.start]
        if a.kind == "year" and b.kind == "title" and re.fullmatch(r"[’']s\s+", between):
            yield Pattern(f"In which year was {b.key} released?", a, (a.start, b.end), "year")
        noun = _YEAR_OF.match(text, a.end)
        if a.kind == "title" and b.kind == "year" and noun and noun.start(1) > b.end:
            prompt = f"In which year was the {noun.group(1)} {a.key} released?"
            yield Pattern(prompt, b, (a.start, b.end), "year")


def age(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "Quintela, 34, who shot ..."."""
    for a, b in _pairs(mentions):
        if a.kind == "person" and b.noun == "age" and re.fullmatch(r",\s*", text[a.end : b.start]):
            yield Pattern(f"How old is {a.key}, as the article has it?", b, (a.start, b.end), "age")


def release_date(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "Harbor Lights opens in cinemas on October 9." -> "When does Harbor Lights open ...?"."""
    if len(mentions) < 2 or mentions[0].start != 0 or mentions[0].kind != "title":
        return
    date = mentions[-1]
    shape = _SUBJECT_VERB.match(text[mentions[0].end : date.start])
    if date.kind == "date" and shape and re.fullmatch(r"[.!]?", text[date.end :]):
        verb = _base_form(shape.group(1) + "s")
        prompt = f"When does {mentions[0].key} {verb}{shape.group(2)}?"
        yield Pattern(prompt, date, (0, date.end), "date")


def _base_form(verb: str) -> str:
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "oes")):
        return verb[:-2]
    return verb[:-1]


def role(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "cinematographer Tomas Lindqvist" -> "Who is named as the cinematographer?"."""
    for m in mentions:
        found = _ROLE_BEFORE.search(text[max(0, m.start - 40) : m.start])
        if m.kind == "person" and found:
            prompt = f"Who is named in the article as the {found.group(1)}?"
            yield Pattern(prompt, m, (m.start - len(found.group()), m.end), "role")


def birthplace(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "Lisbon-born director Marta Quintela" -> "Where was Marta Quintela born?"."""
    for a, b in _pairs(mentions):
        between = text[a.end : b.start]
        if (
            a.kind == "place"
            and b.kind == "person"
            and re.fullmatch(r"-born\s+(?:[a-z]+\s+)?", between)
        ):
            yield Pattern(f"Where was {b.key} born?", a, (a.start, b.end), "born")


def plays(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "... stars Owen Achterberg as a lighthouse keeper", "a musician (played by Gosling)"."""
    titles = [m.key for m in mentions if m.kind == "title"]
    for m in mentions:
        if m.kind != "person" or not titles:
            continue
        film = titles[0]
        shape = _AS_ROLE.match(text, m.end)
        if shape:
            prompt = f"Who plays {shape.group(1)} in {film}?"
            yield Pattern(prompt, m, (m.start, shape.end()), "plays")
            continue
        before = _PLAYED_BY.search(text[max(0, m.start - 60) : m.start])
        if before:
            prompt = f"Who plays {before.group(1)} in {film}?"
            yield Pattern(prompt, m, (m.start - len(before.group()), m.end), "plays")


def speaker(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "“I grew up ... ferry,” says Quintela" -> "Who said “I grew up ... ferry”?"."""
    for m in mentions:
        shape = _SAYS.match(text[: m.start])
        if m.kind == "person" and shape and "“" not in shape.group(1):
            yield Pattern(f"Who said “{shape.group(1)}”?", m, (0, m.end), "said")


def setting(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "a musical set in modern-day Los Angeles" -> "Where is La La Land set?"."""
    titles = [m for m in mentions if m.kind == "title"]
    for m in mentions:
        if m.kind == "place" and titles and _SET_IN.search(text[max(0, m.start - 40) : m.start]):
            yield Pattern(f"Where is {titles[0].key} set?", m, (titles[0].start, m.end), "set")


def costars(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "La La Land, starring ... Emma Stone and Ryan Gosling" -> "Who stars with ...?"."""
    titles = [m for m in mentions if m.kind == "title"]
    for a, b in _pairs(mentions):
        pair = a.kind == b.kind == "person" and text[a.end : b.start] == " and "
        if not pair or not titles or "starring" not in text[titles[0].end : a.start]:
            continue
        film = titles[0].key
        yield Pattern(f"Who stars with {b.key} in {film}?", a, (titles[0].start, b.end), "stars")
        yield Pattern(f"Who stars with {a.key} in {film}?", b, (titles[0].start, b.end), "stars")


def oscar(text: str, mentions: list[Mention], main_title: str) -> Iterator[Pattern]:
    """ "Whiplash Oscar winner J.K. Simmons" -> "Who won an Oscar for Whiplash?"."""
    for a, b in _pairs(mentions):
        if a.kind == "title" and b.kind == "person" and _OSCAR.fullmatch(text[a.end : b.start]):
            yield Pattern(f"Who won an Oscar for {a.key}?", b, (a.start, b.end), "oscar")


FINDERS: tuple[Finder, ...] = (
    year_of_title,
    age,
    release_date,
    role,
    birthplace,
    plays,
    speaker,
    setting,
    costars,
    oscar,
)


def find_patterns(text: str, mentions: list[Mention], main_title: str) -> list[Pattern]:
    return [p for finder in FINDERS for p in finder(text, mentions, main_title)]

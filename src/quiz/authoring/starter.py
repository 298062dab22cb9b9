"""The commented starter pack that ``quiz packs new`` writes.

It validates as it stands, shows every field once with its description (taken
from ``packs.spec`` so the two cannot drift apart), and has one question of each
type. Drawn from an article, it also has the article's byline and date filled
in, and its candidate facts (names, numbers, dates, quoted titles) as
commented-out question stubs, each quoting a short verbatim excerpt that
``quiz packs verify`` can find in the article.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Any

from quiz.authoring.convert.common import slugify
from quiz.packs import spec
from quiz.packs.dump import yaml_flow_list, yaml_scalar

SCHEMA_FILE = "quiz-pack.schema.json"
MAX_STUBS = 40
MAX_EXCERPT = 120
_CONTEXT_WORDS = 4  # on each side of a fact, for its excerpt

_DESCRIPTIONS = {
    **{f"pack.{f.name}": f.description for f in spec.PACK_FIELDS},
    **{f"source.{f.name}": f.description for f in spec.SOURCE_FIELDS},
    **{f"defaults.{f.name}": f.description for f in spec.DEFAULTS_FIELDS},
    **{f"question.{f.name}": f.description for f in spec.QUESTION_FIELDS},
    **{f.name: f.description for f in spec.TOP_FIELDS},
}

# One question of each type, on film-making in general; fields in the pack's order.
_QUESTIONS: list[dict[str, Any]] = [
    {
        "id": "dolly",
        "type": "choice",
        "prompt": "On a film set, what is a dolly?",
        "answer": "A wheeled platform that moves the camera smoothly",
        "wrong": [
            "A stand-in who takes an actor's place for lighting",
            "A microphone on a long pole",
            "The last shot of the day",
        ],
        "difficulty": "easy",
        "tags": ["craft"],
        "explanation": "A dolly shot glides towards, away from or alongside the action.",
        "hint": "It runs on wheels, sometimes on rails.",
    },
    {
        "id": "jazz-singer",
        "type": "truefalse",
        "prompt": "The Jazz Singer (1927) was a feature film with synchronised singing and speech.",
        "answer": True,
        "difficulty": "medium",
        "tags": ["history"],
    },
    {
        "id": "clapperboard",
        "type": "text",
        "prompt": "What is the hinged board snapped shut in front of the camera as a take begins?",
        "answer": "clapperboard",
        "accept": ["clapper", "clapper board", "slate"],
        "difficulty": "medium",
        "tags": ["craft"],
    },
    {
        "id": "frame-rate",
        "type": "number",
        "prompt": "How many frames per second is the usual rate for sound film in cinemas?",
        "answer": 24,
        "tolerance": 0,
        "difficulty": "hard",
        "tags": ["craft"],
    },
]
_EXAMPLE_EXCERPT = "a short phrase copied word for word from the source"

_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH = "(?:" + "|".join(_MONTHS) + ")"


@dataclass(frozen=True, slots=True)
class Fact:
    """Something in an article a question could be about."""

    text: str
    kind: str  # "date", "title", "name", "number" or "year"
    excerpt: str  # verbatim from the article, around the fact


def starter_pack(pack_id: str, title: str, *, schema_ref: str = SCHEMA_FILE) -> str:
    """A commented starter pack that validates as it stands."""
    return _render(
        pack_id, title, schema_ref, {}, "A starter pack: replace these questions with your own.", []
    )


def starter_from_article(
    article_text: str,
    article_name: str,
    pack_id: str,
    title: str,
    *,
    schema_ref: str = SCHEMA_FILE,
) -> str:
    """The starter, with the article's byline and date, and its facts as commented stubs."""
    name = _one_line(article_name)
    facts = candidate_facts(article_text)
    return _render(
        pack_id,
        title,
        schema_ref,
        article_source(article_text),
        f"Questions drawn from {name}.",
        _stubs(facts, name),
    )


def _one_line(text: str) -> str:
    """Text that is safe inside a comment line: printable, no line breaks."""
    return " ".join("".join(ch for ch in text if ch.isprintable() or ch.isspace()).split())


def _field(key: str, name: str, value: Any, indent: str, *, commented: bool = False) -> list[str]:
    shown = yaml_flow_list(value) if isinstance(value, list) else yaml_scalar(value)
    mark = "# " if commented else ""
    return [f"{indent}# {_DESCRIPTIONS[key]}", f"{indent}{mark}{name}: {shown}"]


def _header(schema_ref: str) -> list[str]:
    ref = _one_line(schema_ref)
    where = (
        [f"# schema is at {ref}."]
        if "://" in ref
        else [f"# schema sits next to this file; write it with:  quiz packs schema -o {ref}"]
    )
    return [
        f"# yaml-language-server: $schema={ref}",
        "#",
        "# A quiz question pack, format 1. It is valid as it stands: change it, then check it",
        "# with 'quiz packs validate FILE' and try it with 'quiz play --pack FILE'.",
        "#",
        "# Editor set-up: the first line points editors that use yaml-language-server (VS Code",
        "# with Red Hat's YAML extension, or any editor set up with it) at the pack format's",
        "# JSON Schema, for completion and checks as you type. The",
        *where,
        "#",
        "# Quote text that holds ': ' or ' #', or starts with a quote or bracket: \"...\".",
        "",
    ]


def _render(
    pack_id: str,
    title: str,
    schema_ref: str,
    source: dict[str, str],
    description: str,
    stubs: list[str],
) -> str:
    lines = _header(schema_ref)
    lines += _field("format", "format", 1, "")
    lines += ["", f"# {_DESCRIPTIONS['pack']}", "pack:"]
    lines += _field("pack.id", "id", pack_id, "  ")
    lines += _field("pack.title", "title", title, "  ")
    lines += _field("pack.description", "description", description, "  ")
    lines += _field("pack.version", "version", 1, "  ")
    lines += _field("pack.language", "language", "en", "  ")
    lines += [f"  # {_DESCRIPTIONS['pack.source']}", "  source:"]
    examples = {
        "title": "...",
        "publisher": "...",
        "author": "...",
        "date": "2015-12-30",
        "url": "https://...",
    }
    for f in spec.SOURCE_FIELDS:
        value = source.get(f.name, examples[f.name])
        lines += _field(f"source.{f.name}", f.name, value, "    ", commented=f.name not in source)
    lines += [f"  # {_DESCRIPTIONS['pack.defaults']}", "  defaults:"]
    lines += _field("defaults.time_limit", "time_limit", 20, "    ")
    lines += ["", f"# {_DESCRIPTIONS['questions']}", "questions:"]
    for question in _QUESTIONS:
        lines += _question_lines(question)
    lines += stubs
    return "\n".join(lines) + "\n"


def _question_lines(question: dict[str, Any]) -> list[str]:
    """The first question explains every field; later ones only the fields that are new."""
    first = question is _QUESTIONS[0]
    lines: list[str] = []
    for name, value in question.items():
        explain = first or name in ("accept", "tolerance")
        if explain:
            lines += _field(f"question.{name}", name, value, "    ")
        else:
            shown = yaml_flow_list(value) if isinstance(value, list) else yaml_scalar(value)
            lines.append(f"    {name}: {shown}")
    if first:
        lines += _field("question.source", "source", _EXAMPLE_EXCERPT, "    ", commented=True)
    # Comments above the first field stay above the item's "- ".
    first_field = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    lines = [
        *(line[2:] for line in lines[:first_field]),
        "  - " + lines[first_field].lstrip(),
        *lines[first_field + 1 :],
    ]
    return ["", *lines]


# -- drawing on an article ---------------------------------------------------------


def article_source(article_text: str) -> dict[str, str]:
    """The author ("By Joe McGovern") and date ("Updated December 30, 2015" -> "2015-12-30")
    from the first lines of an article."""
    found: dict[str, str] = {}
    head = [line.strip() for line in article_text.splitlines() if line.strip()][:5]
    for line in head:
        byline = re.match(r"By\s+(\S.{0,100}?)\s*$", line)
        if byline and "author" not in found:
            found["author"] = _one_line(byline.group(1))
        date = _iso_date(line)
        if date and "date" not in found:
            found["date"] = date
    return found


def _iso_date(line: str) -> str | None:
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", line):
        return m.group(0)
    if m := re.search(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", line):
        month, day, year = m.groups()
    elif m := re.search(rf"\b(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})\b", line):
        day, month, year = m.groups()
    else:
        return None
    return f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


# A capitalised word, or initials: "Chazelle", "Jean-Luc", "J.K.".
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-Þ][\w’']*(?:-[A-ZÀ-Þ][\w’']*)*)"
_NAME_JOINERS = "(?:of|the|de|la|von|van|del)"  # lowercase words inside a name
# Patterns in order of priority; text a match covers is not matched again. Times
# are matched only so that "08:23" does not become two numbers.
_FACT_PATTERNS = (
    ("time", re.compile(r"\b\d{1,2}:\d{2}(?:\s*[AP]M)?\b")),
    ("date", re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\b")),
    ("title", re.compile(r"“([^”\n]{2,80})”|\"([^\"\n]{2,80})\"")),
    ("name", re.compile(rf"{_NAME_WORD}(?:\s+(?:{_NAME_JOINERS}\s+)?{_NAME_WORD})+")),
    ("number", re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")),
)
_LEADING_WORDS = frozenset(
    "A An And As At But By For He Her His I If In Interestingly It Its On She So The "  # noqa: SIM905
    "Their There They This Those Updated We When Which While Yet".split()
)


def candidate_facts(article_text: str, limit: int = MAX_STUBS) -> list[Fact]:
    """Names, numbers, dates and quoted titles in the article, in order, without repeats."""
    found: list[tuple[int, int, Fact]] = []
    seen: set[str] = set()
    offset = 0
    for line in article_text.splitlines(keepends=True):
        taken: list[tuple[int, int]] = []
        for kind, pattern in _FACT_PATTERNS:
            for match in pattern.finditer(line):
                span = match.span()
                if any(span[0] < end and start < span[1] for start, end in taken):
                    continue
                taken.append(span)
                fact = _fact(kind, match, line)
                if fact is not None and fact.text.casefold() not in seen:
                    seen.add(fact.text.casefold())
                    found.append((offset, span[0], fact))
        offset += 1
    found.sort(key=lambda item: (item[0], item[1]))
    return [fact for _, _, fact in found[:limit]]


def _fact(kind: str, match: re.Match[str], line: str) -> Fact | None:
    start, end = match.span()
    text = match.group(0)
    if kind == "time":
        return None
    if kind == "title":
        text = (match.group(1) or match.group(2)).strip().rstrip(",.")
        if not _looks_like_title(text):
            return None  # a line of speech, not a title
        start = line.index(text, start)
        end = start + len(text)
    elif kind == "name":
        words = text.split()
        while words and words[0] in _LEADING_WORDS:
            words = words[1:]
        words[-1:] = [re.sub(r"(?:[’']s?|\.)$", "", w) for w in words[-1:]]
        if len(words) < 2 or not words[-1]:
            return None
        start = line.index(words[0], start)
        end = line.index(words[-1], start) + len(words[-1])
        text = line[start:end]
    elif kind == "number":
        kind = "year" if re.fullmatch(r"1[89]\d\d|20\d\d", text) else "number"
    return Fact(text, kind, excerpt(line, start, end))


# A full stop that ends a sentence, not one in "J.K." or "L.A.".
_STOP = r"(?<!\.[A-Z])(?<!\b[A-Z])[.!?…]"
_EDGE_PUNCTUATION = "“”\"'(),;:—–- "


def _looks_like_title(text: str) -> bool:
    """Title Case and short: "Isn’t This a Lovely Day", not "I absolutely adore that film"."""
    long_words = [w for w in re.findall(r"[\w’']+", text) if len(w) > 3]
    return (
        len(text.split()) <= 12
        and text[:1].isupper()
        and all(w[0].isupper() or w[0].isdigit() for w in long_words)
    )


def excerpt(line: str, start: int, end: int) -> str:
    """A few whole words around line[start:end], within its sentence, verbatim."""
    stops = re.finditer(_STOP + r"[”\"’)]?\s+", line[:start])
    sentence_start = max((m.end() for m in stops), default=0)
    next_stop = re.search(_STOP + r"(?=[”\"’)]?(?:\s|$))", line[end:])
    sentence_end = end + next_stop.start() if next_stop else len(line.rstrip())
    words = [
        (m.start() + sentence_start, m.end() + sentence_start)
        for m in re.finditer(r"\S+", line[sentence_start:sentence_end])
    ]
    inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
    fact = line[start:end]
    if not inside:
        return fact[:MAX_EXCERPT]
    first = max(inside[0] - _CONTEXT_WORDS, 0)
    last = min(inside[-1] + _CONTEXT_WORDS, len(words) - 1)
    while last > inside[-1] and words[last][1] - words[first][0] > MAX_EXCERPT:
        last -= 1
    while first < inside[0] and words[last][1] - words[first][0] > MAX_EXCERPT:
        first += 1
    text = line[words[first][0] : words[last][1]].strip(_EDGE_PUNCTUATION)
    return text if fact in text and len(text) <= MAX_EXCERPT else fact[:MAX_EXCERPT]


def _stubs(facts: list[Fact], article_name: str) -> list[str]:
    if not facts:
        return []
    used = {str(q["id"]) for q in _QUESTIONS}
    lines = [
        "",
        f"  # --- Candidate facts from {article_name} " + "-" * 10,
        "  # Each stub quotes the article word for word. To use one, remove '# ' from its",
        "  # lines, write the prompt, and check the pack against the article with",
        f"  #   quiz packs verify FILE --against {shlex.quote(article_name)}",
    ]
    for fact in facts:
        qid = _stub_id(fact, used)
        number = fact.kind in ("number", "year") and fact.text.isdigit()
        answer: Any = int(fact.text) if number else fact.text
        lines += [
            "",
            f"  # - id: {qid}",
            f"  #   type: {'number' if number else 'text'}",
            f"  #   prompt: {yaml_scalar(f'TODO: a question whose answer is {fact.text}')}",
            f"  #   answer: {yaml_scalar(answer)}",
            f"  #   source: {yaml_scalar(fact.excerpt)}",
        ]
    return lines


def _stub_id(fact: Fact, used: set[str]) -> str:
    base = slugify(fact.text, 40) or fact.kind
    if fact.kind in ("number", "year", "date"):
        base = f"{fact.kind}-{base}"
    qid, n = base, 1
    while qid in used:
        n += 1
        qid = f"{base}-{n}"
    used.add(qid)
    return qid

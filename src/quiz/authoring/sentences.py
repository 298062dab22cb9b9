"""An article as the drafter reads it: plain text, its head, and its sentences.

Plain text is read as it is; Markdown loses its heading marks, emphasis, code
marks and links (kept as their text); HTML is turned into text by
``authoring.htmltext`` with page furniture left out. The head (a title line, a
byline, a date line) is kept apart from the body. Every step is one pass over
each line, so the work grows with the article's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quiz.authoring.htmltext import html_to_text, looks_like_html

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH = "(?:" + "|".join(MONTHS) + ")"
MAX_SENTENCE = 400  # characters: a longer "sentence" is a table, a list or a run-on
_HEAD_LINES = 5  # a title, byline and date sit in the first few lines

# A full stop that ends a sentence, not one in "J.K." or "L.A."; closing quotes
# and brackets after it belong to the sentence.
STOP = r"(?<!\.[A-Z])(?<!\b[A-Z])[.!?…]"
_SENTENCE_END = re.compile(STOP + r"[”\"’)]*(?=\s|$)")
_BYLINE = re.compile(r"By\s+(\S.{0,100}?)\s*$")
_DATE_LINE = re.compile(
    r"^(?:(?:Updated|Published|Posted|Posted on|Last updated)\b|\d{4}-\d\d-\d\d)"
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # never part of a question
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)*(?:(?:[-*+]|\d{1,3}[.)])\s+)?")
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,2000}\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,300}?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]{1,300}?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]{1,300})`")
_MD_HINT = re.compile(r"^\s{0,3}#{1,6}\s|\]\(|\*\*|^\s{0,3}>\s", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int  # 1-based, counting non-blank lines of the body
    number: int  # 1-based within its paragraph
    position: float  # how far into the article it starts, 0 to 1


@dataclass(slots=True)
class Article:
    """The article's text, what its head says, and its sentences."""

    text: str
    kind: str  # "text", "markdown" or "html"
    head: dict[str, str] = field(default_factory=dict)  # title, author, date
    sentences: list[Sentence] = field(default_factory=list)
    long_sentences: list[str] = field(default_factory=list)
    regex_passes: int = 0  # work done, for tests that count it


def article_kind(raw: str, name: str) -> str:
    """ "html", "markdown" or "text", from the file's suffix, else its content."""
    lower = name.casefold()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith(".txt"):
        return "text"
    if looks_like_html(raw[:65536]) and "<" in raw:
        return "html"
    return "markdown" if _MD_HINT.search(raw[:65536]) else "text"


def markdown_to_text(raw: str) -> str:
    """Markdown as a reader sees it, line for line: no marks, links as their text."""
    lines = []
    for line in raw.splitlines():
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_PREFIX.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_STRONG.sub(r"\2", line)
        lines.append(_MD_EMPHASIS.sub(r"\2", line))
    return "\n".join(lines)


def read_article(raw: str, name: str) -> Article:
    """The article in ``raw`` (named ``name``), split into its head and sentences."""
    kind = article_kind(raw, name)
    if kind == "html":
        text = html_to_text(raw, skip_boilerplate=True)
    elif kind == "markdown":
        text = markdown_to_text(raw)
    else:
        text = raw
    text = _CONTROL.sub("", text)
    article = Article(text, kind)
    lines = [line.strip() for line in text.splitlines()]
    body_start = _read_head(lines, article.head)
    _split_sentences(lines[body_start:], article)
    return article


def _read_head(lines: list[str], head: dict[str, str]) -> int:
    """Fill ``head`` from the first lines; the index of the first body line."""
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return i
        byline = _BYLINE.match(line)
        date = iso_date(line) if len(line) < 80 else None
        if byline and "author" not in head:
            head["author"] = byline.group(1)
        elif date and "date" not in head and (_DATE_LINE.match(line) or len(line) < 40):
            head["date"] = date
        elif seen == 1 and _looks_like_heading(line):
            head["title"] = line
        else:
            return i
    return len(lines)


def iso_date(line: str) -> str | None:
    """The first date in ``line`` as YYYY-MM-DD: "December 30, 2015", "3 March 2021"."""
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", line):
        return m.group(0)
    if m := re.search(rf"\b({MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", line):
        month, day, year = m.groups()
    elif m := re.search(rf"\b(\d{{1,2}})\s+({MONTH}),?\s+(\d{{4}})\b", line):
        day, month, year = m.groups()
    else:
        return None
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _looks_like_heading(line: str) -> bool:
    return len(line.split()) <= 15 and not line.endswith((".", ",", ";", ":")) and line[0].isupper()


def _split_sentences(lines: list[str], article: Article) -> None:
    total = sum(len(line) + 1 for line in lines) or 1
    done = 0
    paragraph = 0
    for line in lines:
        if line:
            paragraph += 1
            article.regex_passes += 1
            start = 0
            number = 0
            ends = [m.end() for m in _SENTENCE_END.finditer(line)]
            for end in [*ends, len(line)]:
                begin, start = start, end
                sentence = line[begin:end].strip()
                if not sentence:
                    continue
                if len(sentence) > MAX_SENTENCE:
                    article.long_sentences.append(sentence)
                    continue
                number += 1
                position = (done + begin) / total
                article.sentences.append(Sentence(sentence, paragraph, number, position))
        done += len(line) + 1


MAX_EXCERPT = 120
_CONTEXT_WORDS = 4  # on each side of a fact, for its excerpt
_EDGE_PUNCTUATION = "“”\"'(),;:—–- "


def excerpt(line: str, start: int, end: int, *, limit: int = MAX_EXCERPT) -> str:
    """A few whole words around line[start:end], within its sentence, verbatim."""
    stops = re.finditer(STOP + r"[”\"’)]?\s+", line[:start])
    sentence_start = max((m.end() for m in stops), default=0)
    next_stop = re.search(STOP + r"(?=[”\"’)]?(?:\s|$))", line[end:])
    sentence_end = end + next_stop.start() if next_stop else len(line.rstrip())
    words = [
        (m.start() + sentence_start, m.end() + sentence_start)
        for m in re.finditer(r"\S+", line[sentence_start:sentence_end])
    ]
    inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
    fact = line[start:end]
    if not inside:
        return fact[:limit]
    first = max(inside[0] - _CONTEXT_WORDS, 0)
    last = min(inside[-1] + _CONTEXT_WORDS, len(words) - 1)
    while last > inside[-1] and words[last][1] - words[first][0] > limit:
        last -= 1
    while first < inside[0] and words[last][1] - words[first][0] > limit:
        first += 1
    text = line[words[first][0] : words[last][1]].strip(_EDGE_PUNCTUATION)
    return text if fact in text and len(text) <= limit else fact[:limit]

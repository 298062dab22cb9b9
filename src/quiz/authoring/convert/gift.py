"""Import questions written in Moodle's GIFT format.

Questions are separated by blank lines. ``::title::`` gives the question id,
``// comment`` lines are left out, and ``$CATEGORY:`` lines give tags to the
questions after them (``$course$/top/Film/Directors`` -> ``film``,
``directors``). Escapes ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n`` are read.

Every answer block is used (``giftblock`` reads each). A question with one
block in the middle of its sentence shows ``_____`` in its place. A question
with several blocks becomes one question per block: the blank asked is
``_____`` and the other blanks are filled with their right answers; those
questions share an id base (``<base>--1``, ``<base>--2``, see
``packs.spec.FAMILY_SEPARATOR``) so a round can keep them apart. A block that
cannot be used skips its question with the reason; a block is never left in
the text.

Text is HTML unless marked otherwise, as Moodle reads it: ``[html]`` and
``[moodle]`` (and no marker) go through the HTML-to-text module, ``[plain]``
and ``[markdown]`` are kept as written. Spacing is tidied where markup or a
blank was removed ("equals _____." not "equals _____ .").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import Conversion, Draft, Progress, decode_text, pack_names
from quiz.authoring.convert.giftblock import Block, read_block
from quiz.authoring.htmltext import html_to_text, looks_like_html, tidy_spacing

EXPECTED = "Moodle GIFT text: questions with an answer block in braces, e.g. Who? {=A ~B ~C}"
# Escaped characters are swapped for Unicode noncharacters (meant for internal
# use, never for text) while the structure is read, then swapped back.
_ESCAPES = {
    "~": "\ufdd0",
    "=": "\ufdd1",
    "#": "\ufdd2",
    "{": "\ufdd3",
    "}": "\ufdd4",
    ":": "\ufdd5",
    "\\": "\ufdd6",
    "n": "\ufdd7",
}
_UNESCAPE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()})
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_MARKER = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_MOODLE_PATH_PART = re.compile(r"\$\w+\$|top", re.IGNORECASE)
BLANK = "_____"


@dataclass
class _Text:
    """How a question's text is turned into plain text, from its format marker."""

    is_html: bool = True

    def finish(self, text: str) -> str:
        marker = _MARKER.match(text)
        if marker is not None:
            text = text[marker.end() :]
        if self.is_html and looks_like_html(text):
            text = html_to_text(text)
        else:
            text = tidy_spacing(" ".join(text.split()))
        return text.translate(_UNESCAPE).strip()


def convert_gift(
    data: bytes,
    label: str,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Conversion:
    """Convert Moodle GIFT text to a format-1 document."""
    names = pack_names(label, pack_id, title)
    text = decode_text(data, label, EXPECTED)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    collector = Collector(progress)
    for line, record, tags in _records(lines):
        for draft in _drafts(record, f"line {line}", tags, collector):
            collector.add(draft)
        collector.tick(line, len(lines))
    return collector.finish(label, names, EXPECTED)


def _records(lines: list[str]) -> Iterator[tuple[int, str, list[str]]]:
    """Each question's first line, its text, and the tags of its category."""
    tags: list[str] = []
    record: list[str] = []
    start = 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.upper().startswith("$CATEGORY:"):
            if record:
                yield start, "\n".join(record), tags
                record = []
            if stripped:
                tags = _category_tags(stripped.split(":", 1)[1])
            continue
        if not record:
            start = number
        record.append(line)
    if record:
        yield start, "\n".join(record), tags


def _category_tags(path: str) -> list[str]:
    parts = [p.strip() for p in path.split("/")]
    return [p for p in parts if p and not _MOODLE_PATH_PART.fullmatch(p)]


def _protect(text: str) -> str:
    text = _NONCHARACTERS.sub("", text)
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _split_blocks(text: str) -> tuple[list[str], list[str]] | str:
    """The text around the answer blocks, and the blocks; or what is wrong."""
    pieces: list[str] = []
    blocks: list[str] = []
    at = 0
    while True:
        open_at = text.find("{", at)
        if open_at == -1:
            break
        close_at = text.find("}", open_at)
        if close_at == -1:
            return "an answer block '{' is never closed with '}'"
        pieces.append(text[at:open_at])
        blocks.append(text[open_at + 1 : close_at])
        at = close_at + 1
    pieces.append(text[at:])
    if not blocks:
        return "no answer block in braces: a description, not a question"
    return pieces, blocks


def _drafts(record: str, where: str, tags: list[str], collector: Collector) -> list[Draft]:
    text = _protect(record).strip()
    title = None
    if text.startswith("::") and "::" in text[2:]:
        title, text = text[2:].split("::", 1)
    marker = _MARKER.match(text)
    style = _Text(is_html=marker is None or marker.group(1).lower() in ("html", "moodle"))
    split = _split_blocks(text)
    if isinstance(split, str):
        collector.skip(where, split)
        return []
    pieces, raw_blocks = split
    blocks: list[Block] = []
    for n, raw in enumerate(raw_blocks, 1):
        block = read_block(raw, style.finish)
        which = f"answer block {n}: " if len(raw_blocks) > 1 else ""
        if isinstance(block, str):
            collector.skip(where, which + block)
            return []
        blocks.append(block)
    if len(blocks) > 1 and any(b.type == "truefalse" for b in blocks):
        collector.skip(where, "a true/false block among other blanks cannot be asked alone")
        return []
    for n, block in enumerate(blocks, 1):
        which = f"answer block {n}: " if len(blocks) > 1 else ""
        for message in block.notes:
            collector.note(where, which + message)
    hint = _Text(is_html=False).finish(title) if title else None
    family = where if len(blocks) > 1 else None
    drafts = [
        _draft(_prompt(pieces, blocks, asked, style), block, where, tags, hint, family)
        for asked, block in enumerate(blocks)
    ]
    if family is not None:
        collector.note(
            where, f"{len(blocks)} answer blocks: one question for each blank, asked apart"
        )
    return drafts


def _prompt(pieces: list[str], blocks: list[Block], asked: int, style: _Text) -> str:
    """The question's text with the asked block as a blank and the others answered."""
    if len(blocks) == 1 and not pieces[1].strip():
        return style.finish(pieces[0])  # the block ends the question: no blank to show
    parts = [pieces[0]]
    for n, block in enumerate(blocks):
        fill = html.escape(block.fill, quote=False) if style.is_html else block.fill
        parts.append(f" {BLANK} " if n == asked else f" {fill} ")
        parts.append(pieces[n + 1])
    return style.finish("".join(parts))


def _draft(
    prompt: str, block: Block, where: str, tags: list[str], hint: str | None, family: str | None
) -> Draft:
    return Draft(
        where=where,
        type=block.type,
        prompt=prompt,
        answer=block.answer,
        wrong=block.wrong,
        accept=block.accept,
        tolerance=block.tolerance,
        tags=tags,
        explanation=block.explanation(),
        id_hint=hint,
        family=family,
    )

"""Import questions written in Moodle's GIFT format.

Questions are separated by blank lines. Read:

- multiple choice ``{=right ~wrong ~wrong}`` -> choice (``~%100%x`` counts as
  right; a partly-right ``~%50%x`` becomes a wrong option, with a note);
- true/false ``{T}``, ``{TRUE}``, ``{F}``, ``{FALSE}`` -> truefalse;
- short answer ``{=a =b}`` -> text, the first answer official, the rest accepted;
- numeric ``{#30}``, ``{#30:2}``, ``{#25..35}`` -> number with a tolerance;
- an answer block inside the sentence (``Chazelle made {=Whiplash ~Jaws} in 2014``)
  -> the prompt with ``_____`` in its place;
- ``::title::`` -> the question id (slugified); ``// comment`` lines; ``$CATEGORY:``
  lines -> tags of the questions after them (``$course$/top/Film/Directors`` ->
  ``film``, ``directors``); escapes ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``;
- feedback ``#...`` on the right answer (or general feedback ``####...``)
  -> explanation; feedback on wrong answers is dropped;
- ``[html]``, ``[moodle]``, ``[plain]``, ``[markdown]`` markers are removed, and
  for ``[html]`` tags are stripped and entities decoded.

Matching (``->``), essay (``{}``), multiple-answer questions and descriptions
(text with no answer block) are skipped with a note naming their line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quiz.authoring.convert.common import (
    Collector,
    Conversion,
    Draft,
    decode_text,
    pack_names,
    parse_number,
)

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
_UNESCAPE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_TRUEFALSE = re.compile(r"(T|TRUE|F|FALSE)\s*(?:#(.*))?", re.DOTALL | re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")
_MOODLE_PATH_PART = re.compile(r"\$\w+\$|top", re.IGNORECASE)
BLANK = "_____"


@dataclass
class _Option:
    marker: str  # "=" or "~"
    right: bool
    weight: float | None
    text: str
    feedback: str


def convert_gift(
    data: bytes, label: str, *, pack_id: str | None = None, title: str | None = None
) -> Conversion:
    """Convert Moodle GIFT text to a format-1 document."""
    names = pack_names(label, pack_id, title)
    text = decode_text(data, label, EXPECTED)
    collector = Collector()
    for line, record, tags in _records(text):
        draft = _draft(record, f"line {line}", tags, collector)
        if draft is not None:
            collector.add(draft)
    return collector.finish(label, names, EXPECTED)


def _records(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """Each question's first line, its text, and the tags of its category."""
    tags: list[str] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.upper().startswith("$CATEGORY:"):
            if lines:
                yield start, "\n".join(lines), tags
                lines = []
            if stripped:
                tags = _category_tags(stripped.split(":", 1)[1])
            continue
        if not lines:
            start = number
        lines.append(line)
    if lines:
        yield start, "\n".join(lines), tags


def _category_tags(path: str) -> list[str]:
    parts = [p.strip() for p in path.split("/")]
    return [p for p in parts if p and not _MOODLE_PATH_PART.fullmatch(p)]


def _protect(text: str) -> str:
    text = _NONCHARACTERS.sub("", text)
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _finish_text(text: str, is_html: bool) -> str:
    """Protected text back to what it says: escapes restored, markup removed."""
    text = _FORMAT.sub("", text, count=1)
    if is_html:
        text = html.unescape(_HTML_TAG.sub(" ", text))
    text = " ".join(text.split())
    return "".join(_UNESCAPE.get(ch, ch) for ch in text).strip()


def _draft(record: str, where: str, tags: list[str], collector: Collector) -> Draft | None:
    text = _protect(record).strip()
    title = None
    if text.startswith("::") and "::" in text[2:]:
        title, text = text[2:].split("::", 1)
    is_html = bool(re.match(r"\s*\[html\]", text, re.IGNORECASE))
    open_at = text.find("{")
    if open_at == -1:
        collector.skip(where, "no answer block in braces: a description, not a question")
        return None
    close_at = text.find("}", open_at)
    if close_at == -1:
        collector.skip(where, "the answer block '{' is never closed with '}'")
        return None
    before, body, after = text[:open_at], text[open_at + 1 : close_at], text[close_at + 1 :]
    prompt = f"{before.rstrip()} {BLANK} {after.lstrip()}" if after.strip() else before
    draft = Draft(
        where=where,
        type="text",
        prompt=_finish_text(prompt, is_html),
        answer="",
        tags=tags,
        id_hint=_finish_text(title, False) if title else None,
    )
    if not _answers(draft, body, is_html, collector):
        return None
    return draft


def _answers(d: Draft, body: str, is_html: bool, collector: Collector) -> bool:
    """Fill in the draft's type and answers from the answer block; False to skip it."""
    body, _, general = body.partition("####")
    d.explanation = _finish_text(general, is_html) or None
    body = body.strip()
    if not body:
        collector.skip(d.where, "an essay question (empty answer block) has no answer to check")
        return False
    if body.startswith("#"):
        return _numeric(d, body[1:], collector)
    tf = _TRUEFALSE.fullmatch(body)
    if tf is not None:
        d.type, d.answer = "truefalse", tf.group(1).upper().startswith("T")
        feedback = [f for f in (tf.group(2) or "").split("#") if f.strip()]
        d.explanation = _finish_text(feedback[-1], is_html) if feedback else d.explanation
        return True
    if "->" in body:
        collector.skip(d.where, "matching questions (->) are not supported")
        return False
    options = _options(body, is_html)
    if options is None:
        collector.skip(d.where, "could not read the answers: each must start with = or ~")
        return False
    return _choice_or_text(d, options, collector)


def _options(body: str, is_html: bool) -> list[_Option] | None:
    parts = re.split(r"([=~])", body)
    if parts[0].strip():
        return None
    options = []
    for marker, raw in zip(parts[1::2], parts[2::2], strict=True):
        weight_match = _WEIGHT.match(raw)
        weight = float(weight_match.group(1)) if weight_match else None
        raw = raw[weight_match.end() :] if weight_match else raw
        answer, _, feedback = raw.partition("#")
        right = weight == 100 if weight is not None else marker == "="
        options.append(
            _Option(
                marker,
                right,
                weight,
                _finish_text(answer, is_html),
                _finish_text(feedback, is_html),
            )
        )
    return options


def _choice_or_text(d: Draft, options: list[_Option], collector: Collector) -> bool:
    right = [o for o in options if o.right]
    partial = [o for o in options if not o.right and (o.weight or 0) > 0]
    if not right:
        collector.skip(
            d.where,
            "multiple-answer questions (weights like ~%50%) are not supported"
            if partial
            else "no right answer (an option starting with =)",
        )
        return False
    if right[0].feedback:
        d.explanation = right[0].feedback
    if all(o.marker == "=" for o in options):  # short answer: every option is accepted
        d.type, d.answer, d.accept = "text", right[0].text, [o.text for o in right[1:]]
        if partial:
            collector.note(d.where, f"partly-right answer left out: {partial[0].text}")
        return True
    if len(right) > 1:
        collector.skip(
            d.where, "more than one right answer: multiple-answer questions are not supported"
        )
        return False
    if partial:
        collector.note(d.where, f"partly-right option counted as wrong: {partial[0].text}")
    d.type, d.answer = "choice", right[0].text
    d.wrong = [o.text for o in options if not o.right]
    return True


def _numeric(d: Draft, body: str, collector: Collector) -> bool:
    choices = [c for c in body.split("=") if c.strip()] if "=" in body else [body]
    chosen = None
    for raw in choices:
        weight_match = _WEIGHT.match(raw)
        if weight_match is None or float(weight_match.group(1)) == 100:
            chosen = raw[weight_match.end() :] if weight_match else raw
            break
    if len(choices) > 1:
        collector.note(d.where, "several numeric answers; kept the first fully right one")
    if chosen is None:
        collector.skip(d.where, "no fully right numeric answer")
        return False
    value, _, feedback = chosen.partition("#")
    parsed = _number_with_tolerance(_finish_text(value, False))
    if parsed is None:
        collector.skip(d.where, f"could not read the number '{_finish_text(value, False)}'")
        return False
    d.type, (d.answer, d.tolerance) = "number", parsed
    if feedback.strip():
        d.explanation = _finish_text(feedback, False)
    return True


def _number_with_tolerance(text: str) -> tuple[int | float, float] | None:
    if ".." in text:
        low, high = (parse_number(p) for p in text.split("..", 1))
        if low is None or high is None or high < low:
            return None
        middle = (low + high) / 2
        return (int(middle) if middle.is_integer() else middle), (high - low) / 2
    value, _, margin = text.partition(":")
    number, tolerance = parse_number(value), parse_number(margin) if margin else 0
    if number is None or tolerance is None:
        return None
    return number, float(tolerance)

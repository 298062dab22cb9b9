"""One GIFT answer block (the text between ``{`` and ``}``) read into a question's answers.

The block's text arrives with its escapes already protected (``\\~`` and
friends are placeholder characters), and ``finish`` turns a piece of it into
clean text (markup removed, escapes restored). :func:`read_block` returns a
:class:`Block`, or the reason the block cannot be used.

Kinds read: multiple choice ``{=a ~b}`` (``->`` inside an option is text);
short answer ``{=a =b}``; true/false ``{T}`` with its two feedbacks; numeric
``{#3:2}``, ``{#1..5}``, ``{#=3:0 =%50%3:1 ~#Completely wrong}``; Moodle's
embedded answers (cloze) ``{1:MC:~a~=b}``, ``{1:SA:=a}``, ``{1:NM:=3:0.5}``.
Weights ``%50%`` are read: only 100% counts as right, and every partly-right
option is named in a note. Feedback ``#...`` on any answer and general
feedback ``####...`` are kept for the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.game.numbers import parse_numeral
from quiz.packs.model import Answer

Finish = Callable[[str], str]

_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_TRUEFALSE = re.compile(r"\s*(T|TRUE|F|FALSE)\s*(?:#|\Z)", re.IGNORECASE)
_CLOZE = re.compile(
    r"\s*\d*:(MULTICHOICE\w*|MC\w*|SHORTANSWER\w*|SAC?|NUMERICAL|NM|MULTIRESPONSE\w*|MR\w*):",
    re.IGNORECASE,
)
ANY_OTHER = "Any other answer"


@dataclass
class Block:
    type: str  # a question type
    answer: Answer
    fill: str  # the right answer as text, shown where this blank is not the one asked
    wrong: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    tolerance: float | None = None
    feedback: list[tuple[str, str]] = field(default_factory=list)  # (which answer, feedback)
    general: str = ""
    notes: list[str] = field(default_factory=list)

    def explanation(self) -> str | None:
        """The feedback as one text: plain when only the right answer has any, else labelled."""
        given = [(label, text) for label, text in self.feedback if text]
        lines = []
        if len(given) == 1 and given[0][0] == self.fill:
            lines.append(given[0][1])
        else:
            lines += [f"{label}: {text}" for label, text in given]
        if self.general:
            lines.append(self.general)
        return "\n".join(lines) or None


@dataclass
class _Option:
    right: bool
    weight: float | None
    text: str  # finished
    feedback: str  # finished
    raw: str  # the option's text before finishing (numbers are read from it)


def read_block(body: str, finish: Finish) -> Block | str:
    """The answers in one block, or why they cannot be used."""
    body, _, general = body.partition("####")
    block = _read(body, finish)
    if isinstance(block, Block):
        block.general = finish(general)
    return block


def _read(body: str, finish: Finish) -> Block | str:
    if not body.strip():
        return "an essay question (empty answer block) has no answer to check"
    cloze = _CLOZE.match(body)
    if cloze is not None:
        return _cloze(cloze.group(1).upper(), body[cloze.end() :], finish)
    stripped = body.lstrip()
    if stripped.startswith("#"):
        return _numeric(_options(stripped[1:], finish, numeric=True), finish)
    tf = _TRUEFALSE.match(body)
    if tf is not None:
        return _truefalse(tf.group(1).upper().startswith("T"), body[tf.end() :], finish)
    if stripped[0] not in "=~":
        return "could not read the answers: each must start with = or ~"
    options = _options(stripped, finish)
    if all(o.text.find("->") > 0 for o in options) and all(o.right for o in options):
        return "matching questions (a -> b) are not supported"
    if all(not o.right and (o.weight is None or o.weight == 0) for o in options):
        return "no right answer (an option starting with =)"
    is_short = all(_marker(o) == "=" for o in options)
    return _short_answer(options) if is_short else _choice(options)


def _marker(o: _Option) -> str:
    return "=" if o.right or (o.weight is not None and o.weight > 0) else "~"


def _options(
    body: str, finish: Finish, *, numeric: bool = False, cloze: bool = False
) -> list[_Option]:
    """Options split at their markers: ``=`` right, ``~`` wrong, ``%w%`` a weight."""
    parts = re.split(r"(~)", body) if cloze else re.split(r"([=~])", body)
    if cloze:  # '~' separates; '=' starts a right one
        pieces = [("~", p) for p in parts[::2]]
    else:
        pieces = list(zip(parts[1::2], parts[2::2], strict=True))
        if numeric and parts[0].strip():  # {#3:2} has no marker: one right answer
            pieces.insert(0, ("=", parts[0]))
    options = []
    for marker, raw in pieces:
        if cloze and raw.lstrip().startswith("="):
            marker, raw = "=", raw.lstrip()[1:]
        if not raw.strip():  # "~=right" or a stray marker: nothing between markers
            continue
        match = _WEIGHT.match(raw)
        weight = float(match.group(1)) if match else None
        raw = raw[match.end() :] if match else raw
        text, _, feedback = raw.partition("#")
        right = weight == 100 if weight is not None else marker == "="
        options.append(_Option(right, weight, finish(text), finish(feedback), text))
    return options


def _partial_note(options: list[_Option], what: str) -> list[str]:
    partial = [o for o in options if not o.right and o.weight is not None and o.weight > 0]
    if not partial:
        return []
    named = ", ".join(f"'{o.text or ANY_OTHER}' ({o.weight:g}%)" for o in partial)
    return [f"partly right {what}: {named}"]


def _feedback(options: list[_Option], first: _Option) -> list[tuple[str, str]]:
    ordered = [first, *(o for o in options if o is not first)]
    return [(o.text or ANY_OTHER, o.feedback) for o in ordered]


def _choice(options: list[_Option]) -> Block | str:
    right = [o for o in options if o.right]
    if not right:
        named = ", ".join(f"'{o.text}' ({o.weight:g}%)" for o in options if o.weight)
        return f"a multiple-answer question (no option is worth 100%: {named})"
    if len(right) > 1:
        return "more than one right answer: multiple-answer questions are not supported"
    answer = right[0]
    block = Block(
        "choice", answer.text, answer.text, wrong=[o.text for o in options if not o.right]
    )
    block.feedback = _feedback(options, answer)
    block.notes = _partial_note(options, "options counted as wrong")
    return block


def _short_answer(options: list[_Option]) -> Block | str:
    right = [o for o in options if o.right and o.text != "*"]
    if not right:
        return "no fully right answer (worth 100%)"
    block = Block("text", right[0].text, right[0].text, accept=[o.text for o in right[1:]])
    block.feedback = _feedback([o for o in options if o.text != "*"], right[0])
    block.feedback += [(ANY_OTHER, o.feedback) for o in options if o.text == "*"]
    block.notes = _partial_note(options, "answers not accepted")
    return block


def _truefalse(value: bool, rest: str, finish: Finish) -> Block:
    # {T#shown for a wrong answer#shown for the right one}, as Moodle reads it
    feedbacks = [finish(f) for f in rest.split("#")] if rest else []
    wrong_fb = feedbacks[0] if feedbacks else ""
    right_fb = feedbacks[1] if len(feedbacks) > 1 else ""
    right, wrong = ("True", "False") if value else ("False", "True")
    return Block("truefalse", value, right, feedback=[(right, right_fb), (wrong, wrong_fb)])


def _numeric(options: list[_Option], finish: Finish) -> Block | str:
    right = [o for o in options if o.right]
    if not right:
        return "no fully right numeric answer (worth 100%)"
    parsed = _number_with_tolerance(finish(right[0].raw))
    if parsed is None:
        return f"could not read the number '{right[0].text}'"
    value, tolerance = parsed
    fill = right[0].text.split(":")[0].strip() if ".." not in right[0].text else f"{value:g}"
    block = Block("number", value, fill, tolerance=tolerance)
    block.feedback = _feedback(options, right[0])
    block.feedback[0] = (fill, block.feedback[0][1])
    if len(right) > 1:
        others = ", ".join(f"'{o.text}'" for o in right[1:])
        block.notes.append(f"several right numbers; kept the first, left out {others}")
    block.notes += _partial_note(options, "numbers not accepted")
    return block


def _number_with_tolerance(text: str) -> tuple[int | float, float] | None:
    if ".." in text:
        low, high = (parse_numeral(p) for p in text.split("..", 1))
        if low is None or high is None or high < low:
            return None
        middle = (low + high) / 2
        return (int(middle) if middle.is_integer() else middle), (high - low) / 2
    value, _, margin = text.partition(":")
    number, tolerance = parse_numeral(value), parse_numeral(margin) if margin.strip() else 0
    if number is None or tolerance is None:
        return None
    return number, float(tolerance)


def _cloze(kind: str, body: str, finish: Finish) -> Block | str:
    options = _options(body, finish, cloze=True)
    if not options:
        return "an embedded-answer (cloze) block with no answers"
    if kind.startswith(("MULTIRESPONSE", "MR")):
        return "a multiple-response embedded answer (cloze MR) has several right answers"
    if kind.startswith(("NUMERICAL", "NM")):
        return _numeric(options, finish)
    if kind.startswith(("SHORTANSWER", "SA")):
        return _short_answer(options)
    return _choice(options)

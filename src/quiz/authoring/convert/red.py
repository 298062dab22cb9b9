"""Import a Red-DiscordBot trivia list (the trivia cog's YAML lists).

A list maps each question to the answers the bot accepts::

    AUTHOR: Jane
    DESCRIPTION: Questions about film.
    CONFIG:
      delay: 25
    Who directed Jaws?:
    - Steven Spielberg
    - Spielberg

Each question becomes a ``text`` question: the first answer is the official
one, the others are accepted spellings. The file is read with the pack
reader's YAML composer, which keeps every scalar as the text it was written
as, so ``yes``, ``no``, ``on``, ``1,000`` and ``12:30`` stay what the author
typed (Red's YAML 1.1 loader would have made them True, False, 1000, 750).

``AUTHOR`` becomes the pack source's author, ``DESCRIPTION`` its description.
In ``CONFIG``, ``delay`` (Red's seconds per question) becomes the pack's time
limit; ``timeout`` (how long the bot waits for anyone to play) has no match
and is noted, as are the other settings (scores, payouts, spoilers). A
question that shows an image or plays audio from a URL cannot be asked in a
terminal and is skipped with a note.
"""

from __future__ import annotations

import re
from typing import Any

from quiz.authoring.convert.collect import Collector
from quiz.authoring.convert.common import (
    Conversion,
    Draft,
    Progress,
    decode_text,
    pack_names,
)
from quiz.errors import PackError, QuizError
from quiz.game.numbers import parse_numeral
from quiz.packs.yamlread import Mapping, Node, Scalar, Sequence, compose

EXPECTED = "a Red-DiscordBot trivia list: YAML mapping each question to a list of answers"
_META = ("AUTHOR", "DESCRIPTION", "CONFIG", "AUDIO")
_MEDIA = re.compile(
    r"https?://\S*?(?:\.(?:png|jpe?g|gif|webp|bmp|svg|mp3|ogg|oga|wav|flac|m4a|mp4|webm|mov)"
    r"(?:[?#]\S*)?(?=\s|$)|(?:youtube\.com|youtu\.be|soundcloud\.com|vimeo\.com)/\S*)",
    re.IGNORECASE,
)
_CONFIG_MEANING = {
    "timeout": "seconds the bot waits for anyone to answer before it stops; quiz has no such wait",
    "max_score": "points that win a session; a quiz round has a set number of questions",
    "bot_plays": "whether the bot scores when nobody answers",
    "reveal_answer": "whether the bot shows the answer; quiz always does",
    "payout_multiplier": "Discord credits paid to the winner",
    "use_spoilers": "Discord spoiler tags around answers",
    "allow_override": "whether a server may change these settings",
}


def convert_red(
    data: bytes,
    label: str,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Conversion:
    """Convert a Red-DiscordBot trivia list to a format-1 document."""
    names = pack_names(label, pack_id, title)
    collector = Collector(progress)
    root = _compose(decode_text(data, label, EXPECTED), label, collector)
    meta: dict[str, Any] = {}
    entries = [(k, v) for k, v in root.items if k.value not in _META]
    for key, value in root.items:
        if key.value in _META:
            _meta(key, value, meta, collector)
    for n, (key, value) in enumerate(entries, 1):
        draft = _draft(key, value, collector)
        if draft is not None:
            collector.add(draft)
        collector.tick(n, len(entries))
    return collector.finish(label, names, EXPECTED, meta=meta)


def _compose(text: str, label: str, collector: Collector) -> Mapping:
    try:
        root, problems = compose(text, label)
    except PackError as exc:
        first = exc.problems[0] if exc.problems else None
        where = f":line {first.line}" if first is not None and first.line else ""
        message = first.message if first is not None else exc.message
        raise QuizError(f"{label}{where}: {message}; expected {EXPECTED}") from None
    for problem in problems:  # a question listed twice, a tag
        again = re.search(r"^duplicate key .*\(first on (line \d+)\)", problem.message)
        message = f"the same question as {again.group(1)}" if again else problem.message
        collector.skip(f"line {problem.line}", message)
    if not isinstance(root, Mapping):
        raise QuizError(f"{label}: expected {EXPECTED}")
    return root


def _where(node: Node) -> str:
    return f"line {node.line}"


def _texts(node: Node) -> list[str] | None:
    """A scalar or a list of scalars, as the text written; None for anything else."""
    if isinstance(node, Scalar):
        return [node.value.strip()] if node.value.strip() else []
    if isinstance(node, Sequence) and all(isinstance(i, Scalar) for i in node.items):
        return [i.value.strip() for i in node.items if isinstance(i, Scalar) and i.value.strip()]
    return None


def _draft(key: Scalar, value: Node, collector: Collector) -> Draft | None:
    where = _where(key)
    prompt = " ".join(key.value.split())
    answers = _texts(value)
    if answers is None:
        collector.skip(where, "the answers must be a list of texts")
        return None
    if not answers:
        collector.skip(where, "no answers listed")
        return None
    media = _MEDIA.search(prompt)
    if media is not None:
        collector.skip(
            where, f"the question shows or plays {media.group(0)}, which a terminal cannot"
        )
        return None
    return Draft(where=where, type="text", prompt=prompt, answer=answers[0], accept=answers[1:])


def _meta(key: Scalar, value: Node, meta: dict[str, Any], collector: Collector) -> None:
    texts = _texts(value) if not isinstance(value, Mapping) else None
    if key.value == "AUTHOR" and texts:
        meta["source"] = {"author": ", ".join(texts)}
    elif key.value == "DESCRIPTION" and texts:
        meta["description"] = " ".join(" ".join(texts).split())
    elif key.value == "AUDIO":
        collector.note(_where(key), "an audio list: its questions play sound from URLs")
    elif key.value == "CONFIG":
        if not isinstance(value, Mapping):
            collector.note(_where(key), "CONFIG is not a mapping; left out")
            return
        for name, setting in value.items:
            _config(name, setting, meta, collector)


def _config(name: Scalar, setting: Node, meta: dict[str, Any], collector: Collector) -> None:
    where = _where(name)
    shown = setting.value if isinstance(setting, Scalar) else "..."
    if name.value == "delay":
        seconds = parse_numeral(shown) if isinstance(setting, Scalar) else None
        if seconds is not None and 0 < seconds <= 3600:
            meta["defaults"] = {"time_limit": seconds}
            collector.detected.append(f"CONFIG delay {shown}: the pack's time limit, in seconds")
        else:
            collector.note(where, f"CONFIG delay '{shown}' is not a number of seconds; left out")
        return
    meaning = _CONFIG_MEANING.get(name.value, "a setting quiz does not know")
    collector.note(where, f"CONFIG {name.value}: {shown} not used ({meaning})")

"""The commented starter pack that ``quiz packs new`` writes.

It validates as it stands, shows every field once with its description (taken
from ``packs.spec`` so the two cannot drift apart), and has one question of each
type. Drawn from an article, it has the article's title, byline and date filled
in, and questions drafted from the article (``authoring.draft``) in place of the
examples, each saying which sentence it came from and quoting a short verbatim
excerpt that ``quiz packs verify`` can find in the article.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

from quiz.packs import spec
from quiz.packs.dump import yaml_flow_list, yaml_scalar

if TYPE_CHECKING:
    from quiz.authoring.draft import Draft

SCHEMA_FILE = "quiz-pack.schema.json"
MAX_LEFT_OUT = 100  # lines listing what was left out of a draft

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


def starter_pack(pack_id: str, title: str, *, schema_ref: str = SCHEMA_FILE) -> str:
    """A commented starter pack that validates as it stands."""
    questions = [line for q in _QUESTIONS for line in _question_lines(q, first=q is _QUESTIONS[0])]
    description = "A starter pack: replace these questions with your own."
    return _render(pack_id, title, schema_ref, {}, description, questions, [])


def starter_from_article(
    article_text: str,
    article_name: str,
    pack_id: str,
    title: str,
    *,
    schema_ref: str = SCHEMA_FILE,
    seed: int = 0,
    count: int | None = None,
) -> str:
    """A pack of questions drafted from the article, each with its source and origin.

    When nothing can be drafted, the starter's example questions stand in, so the
    file still validates.
    """
    from quiz.authoring.draft import draft_article

    name = _one_line(article_name)
    draft = draft_article(article_text, article_name, seed=seed, count=count)
    source = {key: _one_line(value) for key, value in draft.head.items()}
    description = f"Questions drafted from {name}."
    trailer = _left_out_lines(draft, name)
    return _render(pack_id, title, schema_ref, source, description, _body(draft, name), trailer)


def _body(draft: Draft, name: str) -> list[str]:
    if not draft.questions:
        examples = [
            line for q in _QUESTIONS for line in _question_lines(q, first=q is _QUESTIONS[0])
        ]
        return ["", f"  # Nothing in {name} made a question; these examples stand in.", *examples]
    verify = [
        "",
        "  # Drafted from the article: keep, fix or delete each question. Every source is",
        "  # copied word for word; check the pack against the article with",
        f"  #   quiz packs verify FILE --against {shlex.quote(name)}",
    ]
    return verify + _drafted_lines(draft, name)


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
    questions: list[str],
    trailer: list[str],
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
    lines += questions + trailer
    return "\n".join(lines) + "\n"


def _question_lines(question: dict[str, Any], *, first: bool) -> list[str]:
    """The first question explains every field; later ones only the fields that are new."""
    lines: list[str] = []
    for name, value in question.items():
        explain = first or (name in ("accept", "tolerance") and not question.get("source"))
        if explain:
            lines += _field(f"question.{name}", name, value, "    ")
        else:
            shown = yaml_flow_list(value) if isinstance(value, list) else yaml_scalar(value)
            lines.append(f"    {name}: {shown}")
    if first and "source" not in question:
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
    from the first lines of an article (and a title line above them, when there is one)."""
    from quiz.authoring.sentences import read_article

    head = read_article(article_text, "article.txt").head
    return {key: _one_line(value) for key, value in head.items()}


def _drafted_lines(draft: Draft, article_name: str) -> list[str]:
    """Each drafted question with a comment saying where it came from."""
    lines = []
    for n, drafted in enumerate(draft.questions):
        body = _question_lines(drafted.question, first=n == 0)
        lines += ["", f"  # From {_one_line(drafted.origin)}", *body[1:]]
    return lines


def _left_out_lines(draft: Draft, article_name: str) -> list[str]:
    if not draft.left_out:
        return []
    lines = [
        "",
        f"# --- Left out of the draft of {article_name} " + "-" * 10,
        "# These items and sentences could not make a good question:",
    ]
    for what, reason in draft.left_out[:MAX_LEFT_OUT]:
        lines.append(f"#   {_one_line(what)[:100]}: {reason}")
    if len(draft.left_out) > MAX_LEFT_OUT:
        lines.append(f"#   ... and {len(draft.left_out) - MAX_LEFT_OUT} more")
    return lines

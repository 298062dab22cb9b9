"""The fields of pack format 1, written down once.

The validator reads these to know which keys exist (and to suggest the closest
one for a typo), and ``quiz packs schema`` turns them into a JSON Schema, so the
two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["str", "int", "number", "bool", "answer", "strlist", "mapping", "questions"]

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
ID_RULE = "lowercase letters, digits and '-', at most 64 characters, e.g. 'la-la-land'"

# Limits that keep one pack from costing the program much; documented in the README.
MAX_TEXT = 2_000  # characters in a prompt, answer, explanation ...
MAX_SOURCE = 300  # characters in a source excerpt: a phrase, not a paragraph
MAX_QUESTIONS = 20_000
MAX_OPTIONS = 5  # wrong options on a choice question
MAX_LIST = 50  # items in accept and tags


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: Kind
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    only_for: str | None = None  # a question type this field belongs to
    minimum: float | None = None
    max_items: int | None = None
    max_length: int = MAX_TEXT
    children: tuple[FieldSpec, ...] = ()


SOURCE_FIELDS = (
    FieldSpec("title", "str", "Title of the article, book or film the questions come from."),
    FieldSpec("publisher", "str", "Who published it, e.g. Entertainment Weekly."),
    FieldSpec("author", "str", "Who wrote it."),
    FieldSpec("date", "str", 'When it was published, as written, e.g. "2015-12-30".'),
    FieldSpec("url", "str", "Where to read it."),
)

DEFAULTS_FIELDS = (
    FieldSpec(
        "time_limit",
        "number",
        "Seconds per question when the player gives no --time-limit; 0 for untimed.",
        minimum=0,
    ),
)

PACK_FIELDS = (
    FieldSpec("id", "str", f"Unique pack id: {ID_RULE}.", required=True, max_length=64),
    FieldSpec("title", "str", "Title shown to players.", required=True, max_length=200),
    FieldSpec("description", "str", "One or two sentences about the pack."),
    FieldSpec(
        "version", "int", "The pack's own version; raise it when you change the pack.", minimum=1
    ),
    FieldSpec("language", "str", "Language of the questions, e.g. en.", max_length=35),
    FieldSpec("source", "mapping", "Where the questions come from.", children=SOURCE_FIELDS),
    FieldSpec("defaults", "mapping", "Defaults for rounds of this pack.", children=DEFAULTS_FIELDS),
)

QUESTION_TYPES = ("choice", "truefalse", "text", "number")
DIFFICULTIES = ("easy", "medium", "hard")

QUESTION_FIELDS = (
    FieldSpec("id", "str", f"Unique within the pack: {ID_RULE}.", required=True, max_length=64),
    FieldSpec(
        "type", "str", "choice, truefalse, text or number.", required=True, enum=QUESTION_TYPES
    ),
    FieldSpec("prompt", "str", "The question as the player reads it.", required=True),
    FieldSpec(
        "answer",
        "answer",
        "The right answer: text for choice and text questions, "
        "true or false for truefalse, a number for number.",
        required=True,
    ),
    FieldSpec(
        "wrong",
        "strlist",
        f"Wrong options shown beside the answer (1 to {MAX_OPTIONS}).",
        only_for="choice",
        max_items=MAX_OPTIONS,
    ),
    FieldSpec(
        "accept",
        "strlist",
        "Other spellings accepted as right.",
        only_for="text",
        max_items=MAX_LIST,
    ),
    FieldSpec(
        "tolerance",
        "number",
        "How far from the answer still counts as right.",
        only_for="number",
        minimum=0,
    ),
    FieldSpec("difficulty", "str", "easy, medium or hard (default medium).", enum=DIFFICULTIES),
    FieldSpec(
        "tags",
        "strlist",
        "Topics, for --tag, e.g. [people, dates].",
        max_items=MAX_LIST,
        max_length=40,
    ),
    FieldSpec("explanation", "str", "Shown after the player answers."),
    FieldSpec("hint", "str", "An optional nudge."),
    FieldSpec(
        "source",
        "str",
        "A short verbatim excerpt of the source that supports the answer.",
        max_length=MAX_SOURCE,
    ),
)

TOP_FIELDS = (
    FieldSpec("format", "int", "Pack format version; always 1.", required=True),
    FieldSpec("pack", "mapping", "About the pack.", required=True, children=PACK_FIELDS),
    FieldSpec("questions", "questions", "The questions.", required=True, children=QUESTION_FIELDS),
)

SCHEMA_ID = "https://quiz.invalid/schema/pack-1.json"


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.description}
    if spec.kind == "str":
        out["type"] = "string"
        out["maxLength"] = spec.max_length
        if spec.enum:
            out["enum"] = list(spec.enum)
        if spec.name == "id":
            out["pattern"] = ID_PATTERN
    elif spec.kind == "int":
        out.update(type="integer")
    elif spec.kind == "number":
        out.update(type="number")
    elif spec.kind == "answer":
        out["type"] = ["string", "number", "boolean"]
    elif spec.kind == "strlist":
        out["type"] = "array"
        out["items"] = {"type": "string", "maxLength": spec.max_length}
        if spec.max_items:
            out["maxItems"] = spec.max_items
        if spec.name == "wrong":
            out["minItems"] = 1
    elif spec.kind == "mapping":
        out.update(_object_schema(spec.children))
    elif spec.kind == "questions":
        out["type"] = "array"
        out["minItems"] = 1
        out["maxItems"] = MAX_QUESTIONS
        out["items"] = {"$ref": "#/$defs/question"}
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    if spec.name == "format":
        out["const"] = 1
    return out


def _object_schema(fields: tuple[FieldSpec, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field_schema(f) for f in fields},
    }


def _question_schema() -> dict[str, Any]:
    schema = _object_schema(QUESTION_FIELDS)
    answer_types = {
        "choice": "string",
        "text": "string",
        "truefalse": "boolean",
        "number": "number",
    }
    rules: list[dict[str, Any]] = []
    for qtype in QUESTION_TYPES:
        then: dict[str, Any] = {"properties": {"answer": {"type": answer_types[qtype]}}}
        banned = [f.name for f in QUESTION_FIELDS if f.only_for not in (None, qtype)]
        if banned:
            then["not"] = {"anyOf": [{"required": [name]} for name in banned]}
        if qtype == "choice":
            then["required"] = ["wrong"]
        rules.append({"if": {"properties": {"type": {"const": qtype}}}, "then": then})
    schema["allOf"] = rules
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of pack format 1."""
    schema = _object_schema(TOP_FIELDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "quiz question pack, format 1",
        **schema,
        "$defs": {"question": _question_schema()},
    }

"""The rules of pack format 1, written down once.

The validator reads these to know which keys exist (and to suggest the closest
one for a typo), their limits and which answer suits which question type; the
cache reader, the importers' collector, the CLI's choices and ``quiz packs
schema`` (a JSON Schema) read the same tables, so none of them can drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from quiz.packs.model import Difficulty, QuestionType

Kind = Literal["str", "int", "number", "bool", "answer", "strlist", "mapping", "questions"]

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
ID_RULE = "lowercase letters, digits and '-', at most 64 characters, e.g. 'la-la-land'"

# Limits that keep one pack from costing the program much; documented in the README.
MAX_TEXT = 2_000  # characters in a prompt, answer, explanation ...
MAX_SOURCE = 300  # characters in a source excerpt: a phrase, not a paragraph
MAX_QUESTIONS = 20_000
MIN_OPTIONS = 1  # wrong options on a choice question ...
MAX_OPTIONS = 5  # ... at least one, at most five
MAX_LIST = 50  # items in accept and tags
MAX_ID = 64  # characters in a pack or question id
MAX_TITLE = 200  # characters in a pack title
MAX_TAG = 40  # characters in a tag
# Questions made from one source question (a GIFT question with several blanks,
# each asked in turn) have ids ``<base>--<n>``; a round should ask at most one
# question of such a family, since each shows the others' answers.
FAMILY_SEPARATOR = "--"
MAX_TIME_LIMIT = 3_600  # seconds a question: an hour; --time-limit and pack defaults alike
MAX_NUMBER_TEXT = 40  # characters of a number as written: beyond that it is not a quiz answer

QUESTION_TYPES: tuple[str, ...] = tuple(str(t) for t in QuestionType)
DIFFICULTIES: tuple[str, ...] = tuple(str(d) for d in Difficulty)
DEFAULT_DIFFICULTY = Difficulty.MEDIUM

AnswerKind = Literal["text", "bool", "number"]
# Which kind of answer each question type takes.
ANSWER_KIND: dict[QuestionType, AnswerKind] = {
    QuestionType.CHOICE: "text",
    QuestionType.TEXT: "text",
    QuestionType.TRUEFALSE: "bool",
    QuestionType.NUMBER: "number",
}
_PYTHON_TYPES: dict[AnswerKind, tuple[type, ...]] = {
    "text": (str,),
    "bool": (bool,),
    "number": (int, float),
}
ANSWER_PYTHON_TYPES: dict[QuestionType, tuple[type, ...]] = {
    qtype: _PYTHON_TYPES[kind] for qtype, kind in ANSWER_KIND.items()
}
_JSON_TYPES: dict[AnswerKind, str] = {"text": "string", "bool": "boolean", "number": "number"}


def answer_suits(qtype: QuestionType, answer: object) -> bool:
    """Whether ``answer`` has the kind of value a ``qtype`` question takes.

    A bool is never a number here, although Python counts it as an int.
    """
    if isinstance(answer, bool) and ANSWER_KIND[qtype] != "bool":
        return False
    return isinstance(answer, ANSWER_PYTHON_TYPES[qtype])


def question_family(question_id: str) -> str | None:
    """The family an imported question belongs to (its id's ``<base>``), or None."""
    base, sep, number = question_id.rpartition(FAMILY_SEPARATOR)
    return base if sep and base and number.isdigit() else None


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: Kind
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    only_for: str | None = None  # a question type this field belongs to
    required_for_type: bool = False  # required on questions of the only_for type
    minimum: float | None = None
    maximum: float | None = None
    min_items: int = 0
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
        maximum=MAX_TIME_LIMIT,
    ),
)

PACK_FIELDS = (
    FieldSpec("id", "str", f"Unique pack id: {ID_RULE}.", required=True, max_length=MAX_ID),
    FieldSpec("title", "str", "Title shown to players.", required=True, max_length=MAX_TITLE),
    FieldSpec("description", "str", "One or two sentences about the pack."),
    FieldSpec(
        "version", "int", "The pack's own version; raise it when you change the pack.", minimum=1
    ),
    FieldSpec("language", "str", "Language of the questions, e.g. en.", max_length=35),
    FieldSpec("source", "mapping", "Where the questions come from.", children=SOURCE_FIELDS),
    FieldSpec("defaults", "mapping", "Defaults for rounds of this pack.", children=DEFAULTS_FIELDS),
)

QUESTION_FIELDS = (
    FieldSpec("id", "str", f"Unique within the pack: {ID_RULE}.", required=True, max_length=MAX_ID),
    FieldSpec(
        "type",
        "str",
        f"{', '.join(QUESTION_TYPES[:-1])} or {QUESTION_TYPES[-1]}.",
        required=True,
        enum=QUESTION_TYPES,
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
        f"Wrong options shown beside the answer ({MIN_OPTIONS} to {MAX_OPTIONS}).",
        only_for="choice",
        required_for_type=True,
        min_items=MIN_OPTIONS,
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
    FieldSpec(
        "difficulty",
        "str",
        f"{', '.join(DIFFICULTIES[:-1])} or {DIFFICULTIES[-1]} (default {DEFAULT_DIFFICULTY}).",
        enum=DIFFICULTIES,
    ),
    FieldSpec(
        "tags",
        "strlist",
        "Topics, for --tag, e.g. [people, dates].",
        max_items=MAX_LIST,
        max_length=MAX_TAG,
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
        if spec.min_items:
            out["minItems"] = spec.min_items
    elif spec.kind == "mapping":
        out.update(_object_schema(spec.children))
    elif spec.kind == "questions":
        out["type"] = "array"
        out["minItems"] = 1
        out["maxItems"] = MAX_QUESTIONS
        out["items"] = {"$ref": "#/$defs/question"}
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    if spec.maximum is not None:
        out["maximum"] = spec.maximum
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
    rules: list[dict[str, Any]] = []
    for qtype in QuestionType:
        answer_type = _JSON_TYPES[ANSWER_KIND[qtype]]
        then: dict[str, Any] = {"properties": {"answer": {"type": answer_type}}}
        banned = [f.name for f in QUESTION_FIELDS if f.only_for not in (None, qtype)]
        if banned:
            then["not"] = {"anyOf": [{"required": [name]} for name in banned]}
        required = [f.name for f in QUESTION_FIELDS if f.only_for == qtype and f.required_for_type]
        if required:
            then["required"] = required
        rules.append({"if": {"properties": {"type": {"const": str(qtype)}}}, "then": then})
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

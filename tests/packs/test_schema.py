"""The JSON Schema of pack format 1 agrees with the validator on the cases that matter."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from quiz.packs import spec
from quiz.packs.spec import json_schema

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def builtin_document() -> dict[str, Any]:
    document = yaml.safe_load((REPO / "questions.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def errors(validator: Draft202012Validator, document: object) -> list[str]:
    return sorted(e.message for e in validator.iter_errors(document))


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == spec.SCHEMA_ID


def test_schema_names_every_field_of_the_spec() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == {f.name for f in spec.TOP_FIELDS}
    assert set(schema["properties"]["pack"]["properties"]) == {f.name for f in spec.PACK_FIELDS}
    question = schema["$defs"]["question"]
    assert set(question["properties"]) == {f.name for f in spec.QUESTION_FIELDS}
    assert question["required"] == ["id", "type", "prompt", "answer"]


def test_the_builtin_pack_validates(
    validator: Draft202012Validator, builtin_document: dict[str, Any]
) -> None:
    assert errors(validator, builtin_document) == []


def _with_question(document: dict[str, Any], **changes: object) -> dict[str, Any]:
    bad = copy.deepcopy(document)
    qtype = changes.pop("type_of")
    question = next(q for q in bad["questions"] if q["type"] == qtype)
    for key, value in changes.items():
        if value is None:
            question.pop(key)
        else:
            question[key] = value
    return bad


@pytest.mark.parametrize(
    "changes",
    [
        {"type_of": "choice", "colour": "red"},
        {"type_of": "text", "wrong": ["x"]},
        {"type_of": "choice", "accept": ["x"]},
        {"type_of": "text", "tolerance": 1},
        {"type_of": "truefalse", "answer": "true"},
        {"type_of": "truefalse", "answer": "yes"},
        {"type_of": "number", "answer": "30"},
        {"type_of": "text", "answer": 30},
        {"type_of": "choice", "wrong": None},
        {"type_of": "choice", "wrong": []},
        {"type_of": "choice", "wrong": ["a", "b", "c", "d", "e", "f"]},
        {"type_of": "text", "id": "Not An Id"},
        {"type_of": "text", "type": "txt"},
        {"type_of": "text", "difficulty": "extreme"},
        {"type_of": "text", "source": "x" * 301},
        {"type_of": "number", "tolerance": -1},
        {"type_of": "text", "prompt": None},
    ],
    ids=lambda changes: "-".join(f"{k}={v!r:.12}" for k, v in changes.items()),
)
def test_bad_questions_fail_the_schema(
    validator: Draft202012Validator, builtin_document: dict[str, Any], changes: dict[str, Any]
) -> None:
    assert errors(validator, _with_question(builtin_document, **changes)) != []


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format=2),
        lambda d: d.update(extra=1),
        lambda d: d.pop("questions"),
        lambda d: d.update(questions=[]),
        lambda d: d["pack"].update(titel="x"),
        lambda d: d["pack"].pop("id"),
        lambda d: d["pack"].update(version=0),
        lambda d: d["pack"]["defaults"].update(time_limit=-1),
        lambda d: d["pack"]["source"].update(isbn="x"),
    ],
    ids=[
        "format-2",
        "extra-top",
        "no-questions",
        "empty-questions",
        "pack-typo",
        "no-pack-id",
        "version-0",
        "negative-time-limit",
        "unknown-source-field",
    ],
)
def test_bad_packs_fail_the_schema(
    validator: Draft202012Validator, builtin_document: dict[str, Any], change: Any
) -> None:
    bad = copy.deepcopy(builtin_document)
    change(bad)
    assert errors(validator, bad) != []


def test_unknown_key_error_names_it(
    validator: Draft202012Validator, builtin_document: dict[str, Any]
) -> None:
    bad = _with_question(builtin_document, type_of="choice", colour="red")
    assert any("'colour'" in message for message in errors(validator, bad))


def test_a_minimal_pack_validates(validator: Draft202012Validator) -> None:
    document = yaml.safe_load(
        "format: 1\npack: {id: p, title: T}\n"
        "questions:\n"
        "  - {id: a, type: choice, prompt: P, answer: A, wrong: [B]}\n"
        "  - {id: b, type: truefalse, prompt: P, answer: false}\n"
        "  - {id: c, type: number, prompt: P, answer: 2.5, tolerance: 0}\n"
        "  - {id: d, type: text, prompt: P, answer: A, accept: [a]}\n"
    )
    assert errors(validator, document) == []

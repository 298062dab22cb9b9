"""dump_pack_yaml: readable YAML that loads back to the same pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.dump import dump_pack_yaml, plain_is_safe, yaml_scalar
from quiz.packs.load import parse_pack
from quiz.packs.model import (
    Difficulty,
    Pack,
    PackDefaults,
    Question,
    QuestionType,
    SourceInfo,
)

BUILTIN = Path(__file__).resolve().parents[2] / "questions.yaml"

TRICKY = [
    "no",
    "No",
    "on",
    "OFF",
    "yes",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "12:30",
    "1:02:03",
    "2015-12-30",
    "2015-12-30 10:00:00",
    "007",
    "0x1F",
    "0o17",
    "1_000",
    "1e3",
    "-1",
    "+5",
    ".5",
    ".inf",
    "-.INF",
    ".nan",
    "=",
    "<<",
    "a: b",
    "a #b",
    "ends with:",
    "- dash",
    "? q",
    ": colon",
    "#hash",
    "*star",
    "&amp",
    "!bang",
    "|pipe",
    ">gt",
    "'single",
    '"double',
    "%pct",
    "@at",
    "`tick",
    "[list",
    "{map",
    "]x",
    "}x",
    ",comma",
    "say \"hi\" and 'bye'",
    "tab\there",
    "zero\u200bwidth",
    "bom\ufeffinside",
    "nel\x85inside",
    "ls\u2028inside",
    "nbsp\xa0inside",
    "bell\x07",
    "Ünïcödé ✓ 日本語 🎬",
    "two\nlines",
    "para\n\n  indented\nend",
    "x" * 1500,
]


def _roundtrip(document: dict[str, Any]) -> dict[str, Any]:
    return parse_pack(dump_pack_yaml(document), "dumped.yaml").to_dict()


def test_builtin_pack_round_trips() -> None:
    document = parse_pack(BUILTIN.read_bytes(), "questions.yaml").to_dict()
    assert _roundtrip(document) == document


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_round_trips_as_text(text: str) -> None:
    q = Question("q", QuestionType.TEXT, text, text, accept=(text + " alt",), tags=("t",))
    document = Pack("p", text[:200], (q,), description=text).to_dict()
    assert _roundtrip(document) == document


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "Y",
        "12:30",
        "2015-12-30",
        "007",
        "0x1F",
        "1e3",
        ".inf",
        " lead",
        "trail ",
        "a: b",
        "x #y",
    ],
)
def test_values_a_reader_could_mistake_are_quoted(text: str) -> None:
    assert not plain_is_safe(text)
    assert yaml_scalar(text)[0] in "\"'"


def test_plain_words_stay_plain_and_unicode_is_kept() -> None:
    assert yaml_scalar("Damien Chazelle") == "Damien Chazelle"
    assert yaml_scalar("12 Angry Men") == "12 Angry Men"
    assert yaml_scalar("Amélie") == "Amélie"
    assert yaml_scalar(True) == "true"
    assert yaml_scalar(30) == "30"


def test_layout_flow_lists_block_mappings_blank_lines() -> None:
    q1 = Question(
        "a", QuestionType.CHOICE, "Who?", "Her", wrong=("Him", "Them"), tags=("x", "y", "z")
    )
    q2 = Question("b", QuestionType.TRUEFALSE, "True?", True)
    text = dump_pack_yaml(Pack("p", "P", (q1, q2)).to_dict(), header="line one\n\nline three")
    assert text.startswith("# line one\n#\n# line three\n\nformat: 1\npack:\n  id: p\n")
    assert "    wrong: [Him, Them]\n" in text
    assert '    tags: [x, "y", z]\n' in text  # y is a YAML 1.1 boolean
    assert "\n\nquestions:\n  - id: a\n" in text
    assert "\n\n  - id: b\n" in text
    assert list(text).count("\n") == len(text.splitlines())  # no folded continuation tricks


def test_long_lists_go_block_style_and_still_load() -> None:
    accept = tuple(f"spelling number {i}" for i in range(20))
    q = Question("a", QuestionType.TEXT, "Spell it", "it", accept=accept)
    document = Pack("p", "P", (q,)).to_dict()
    text = dump_pack_yaml(document)
    assert "    - spelling number 0\n" in text
    assert _roundtrip(document) == document


# -- property: any valid pack survives dump and load --------------------------

_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40).map(str.strip).filter(bool)
_ids = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_number = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e300),
)


def _unique(items: list[str], avoid: str = "") -> tuple[str, ...]:
    seen = {avoid.casefold()}
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return tuple(out)


@st.composite
def _question(draw: st.DrawFn, qid: str) -> Question:
    qtype = draw(st.sampled_from(list(QuestionType)))
    answer: Any
    extra: dict[str, Any] = {}
    if qtype is QuestionType.TRUEFALSE:
        answer = draw(st.booleans())
    elif qtype is QuestionType.NUMBER:
        answer = draw(_number)
        extra["tolerance"] = float(draw(st.integers(0, 5)))
    else:
        answer = draw(_text)
    if qtype is QuestionType.CHOICE:
        wrong = _unique(draw(st.lists(_text, min_size=1, max_size=5)), avoid=answer)
        extra["wrong"] = wrong or ("zz" + answer,)
    if qtype is QuestionType.TEXT:
        extra["accept"] = _unique(draw(st.lists(_text, max_size=3)))
    tags = _unique([t.lower() for t in draw(st.lists(_text, max_size=3))])
    return Question(
        qid,
        qtype,
        draw(_text),
        answer,
        tags=tags,
        difficulty=draw(st.sampled_from(list(Difficulty))),
        explanation=draw(st.none() | _text),
        hint=draw(st.none() | _text),
        source=draw(st.none() | _text),
        **extra,
    )


@st.composite
def _pack(draw: st.DrawFn) -> Pack:
    ids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    source = SourceInfo(author=draw(st.none() | _text), date=draw(st.none() | _text))
    limit = draw(st.none() | st.integers(1, 60).map(float))
    return Pack(
        draw(_ids),
        draw(_text),
        tuple(draw(_question(i)) for i in ids),
        description=draw(st.none() | _text),
        version=draw(st.integers(1, 99)),
        source=source,
        defaults=PackDefaults(limit),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pack())
def test_any_pack_round_trips(pack: Pack) -> None:
    document = pack.to_dict()
    assert _roundtrip(document) == document

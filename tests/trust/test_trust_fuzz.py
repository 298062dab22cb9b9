"""Fuzzing: whatever text, structure or bytes arrive, the program answers, never crashes.

- the loader (``parse_pack``) gets YAML-ish token soup, random bytes, random
  documents dumped as YAML, and valid packs with one thing changed: it returns
  a :class:`Pack` that keeps every rule, or raises :class:`QuizError` whose
  problems all have a place and a message, and nothing else;
- the grader (``check_input``, ``grade_answer``) gets any text at all for every
  kind of question of the built-in pack, with the options as shown or not;
- ``quiz play`` gets random standard input (control characters, bytes that are
  not UTF-8) and ends with exit 0 or 1 and plain, harmless output.

Each property runs 15 to 200 examples in the normal suite. The ``slow``
variants run ``QUIZ_FUZZ_EXAMPLES`` examples (default 2,000; the costlier
properties a share of that: a half or a quarter for generated documents, a
tenth for whole rounds), for a long hunt::

    QUIZ_FUZZ_EXAMPLES=20000 uv run pytest -m slow tests/trust/test_trust_fuzz.py
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import strategies as st
from trust_support import terminal_problems, twice
from typer.testing import CliRunner

from quiz.cli.app import app
from quiz.errors import PackError, QuizError
from quiz.game.grade import Grade, check_input, grade_answer
from quiz.game.select import select_questions
from quiz.packs import spec
from quiz.packs.discovery import builtin_pack
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack, QuestionType

runner = CliRunner()


# -- the loader --------------------------------------------------------------------------

TOKENS = [
    *("format: 1\n", "pack:\n", "questions:\n", "  ", "    ", "\t", "\n", "\r\n"),
    *("- ", "  - ", "id: ", "type: ", "prompt: ", "answer: ", "wrong: ", "accept: ", "tags: "),
    *("choice", "truefalse", "text", "number", "title: ", "hint: ", "tolerance: "),
    *("[", "]", "{", "}", ", ", ": ", ":", "'", '"', "\\", "\\x", "\\u", "\\e", "#", "? "),
    *("&a ", "*a", "&b ", "*b", "<<: *a\n", "|\n", ">-\n", "|+2\n", "---\n", "...\n"),
    *("%YAML 1.2\n", "%TAG !p! tag:yaml.org,2002:python/\n", "!p!name:os.system "),
    *("!!int ", "!!str ", "!!bool ", "!!float ", "!!null ", "!!timestamp ", "!!binary "),
    *("!!python/object/apply:os.system ", "!local ", "!<tag:x,2000:y> ", "!!map ", "!!seq "),
    *("true", "no", "on", "~", "null", "1e999", "-.inf", ".nan", "0x1F", "0o17", "12:30"),
    *("2015-12-30", "9" * 60, "é", "日本", "\ufeff", "\u202e", "\u200b", "\x1b[2J", "\x9b"),
    *("\x00", "\x07", "\x85", "\u2028", "\ud800", "\U0001f600", "\x7f"),
]
yamlish = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=80).map(
    "".join
)

VALID = """\
format: 1
pack:
  id: fuzz
  title: Fuzz
  description: A pack to break.
  version: 2
  language: en
  source: {title: T, publisher: P, author: A, date: "2015-12-30", url: "http://x"}
  defaults: {time_limit: 20}
questions:
  - id: director
    type: choice
    prompt: Who directed it?
    answer: Damien Chazelle
    wrong: [Tom Cross, Thom Andersen]
    difficulty: easy
    tags: [people]
    explanation: He made Whiplash.
    hint: Whiplash.
    source: "Whiplash wunderkind"
  - id: age
    type: number
    prompt: How old?
    answer: 30
    tolerance: 1
  - id: meaning
    type: text
    prompt: Which city?
    answer: Los Angeles
    accept: [LA, L.A.]
  - id: musician
    type: truefalse
    prompt: A musician?
    answer: true
"""
BASE: dict[str, Any] = yaml.safe_load(VALID)


def check_loaded(data: bytes | str) -> None:
    """The loader's contract: a Pack that keeps the rules, or problems that say where."""
    try:
        pack = parse_pack(data, "fuzz.yaml")
    except QuizError as exc:
        check_refusal(exc)
    else:
        check_rules(pack)


def check_refusal(error: QuizError) -> None:
    assert error.message.strip()
    if not isinstance(error, PackError):
        return
    assert error.problems
    for problem in error.problems:
        assert problem.path == "fuzz.yaml"
        assert isinstance(problem.message, str)
        assert problem.message.strip()
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1
        assert str(problem).startswith("fuzz.yaml")


def check_rules(pack: Pack) -> None:
    """What every validated pack promises to the code that uses it."""
    assert pack.questions
    assert len(pack.questions) <= spec.MAX_QUESTIONS
    assert len({q.id for q in pack.questions}) == len(pack.questions)
    assert pack.title.strip()
    for q in pack.questions:
        assert q.prompt.strip()
        assert len(q.prompt) <= spec.MAX_TEXT
        if q.type in (QuestionType.CHOICE, QuestionType.TEXT):
            assert isinstance(q.answer, str)
            assert q.answer.strip()
        elif q.type is QuestionType.TRUEFALSE:
            assert isinstance(q.answer, bool)
        else:
            assert isinstance(q.answer, int | float)
            assert not isinstance(q.answer, bool)
        if q.type is QuestionType.CHOICE:
            assert 1 <= len(q.wrong) <= spec.MAX_OPTIONS
            assert q.answer_text.casefold() not in {w.casefold() for w in q.wrong}
    # A valid pack written back out reads back the same.
    again = parse_pack(yaml.safe_dump(pack.to_dict(), allow_unicode=True), "again.yaml")
    assert again.to_dict() == pack.to_dict()


def _yamlish_text(text: str) -> None:
    check_loaded(text)


def _random_bytes(data: bytes) -> None:
    check_loaded(data)


def _mutated_bytes(data: st.DataObject) -> None:
    raw = bytearray(VALID.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw)))
        op = data.draw(st.sampled_from(["set", "insert", "delete"]))
        byte = data.draw(st.integers(0, 255))
        if op == "insert" or at == len(raw):
            raw.insert(at, byte)
        elif op == "set":
            raw[at] = byte
        else:
            del raw[at]
    check_loaded(bytes(raw))


FIELD_NAMES = sorted(
    {s.name for group in (spec.TOP_FIELDS, spec.PACK_FIELDS, spec.QUESTION_FIELDS) for s in group}
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["choice", "truefalse", "text", "number", "easy", "hard", "true", "no"]),
)
trees = st.recursive(
    scalars,
    lambda kids: st.one_of(
        st.lists(kids, max_size=5),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8), st.integers()),
            kids,
            max_size=6,
        ),
    ),
    max_leaves=12,
)
documents = st.one_of(
    trees,
    st.fixed_dictionaries(
        {"format": st.one_of(st.just(1), scalars), "pack": trees, "questions": trees}
    ),
    st.fixed_dictionaries(
        {
            "format": st.just(1),
            "pack": st.fixed_dictionaries({"id": scalars, "title": scalars}),
            "questions": st.lists(
                st.dictionaries(st.sampled_from(FIELD_NAMES), trees, max_size=8), max_size=4
            ),
        }
    ),
)


def _random_documents(doc: Any) -> None:
    check_loaded(yaml.safe_dump(doc, allow_unicode=True))


def _one_change(data: st.DataObject) -> None:
    """A valid pack with one value replaced, one key removed or one key added, anywhere."""
    doc = copy.deepcopy(BASE)
    node: Any = doc
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and data.draw(st.booleans()):
            node = child
            continue
        change = data.draw(st.sampled_from(["replace", "remove", "add"]))
        if change == "replace":
            node[key] = data.draw(trees)
        elif change == "remove":
            del node[key]
        elif isinstance(node, dict):
            node[data.draw(st.sampled_from([*FIELD_NAMES, "unknown", "Prompt"]))] = data.draw(trees)
        else:
            node.insert(key, data.draw(st.one_of(trees, st.just(copy.deepcopy(node[key])))))
        break
    check_loaded(yaml.safe_dump(doc, allow_unicode=data.draw(st.booleans())))


test_yamlish_text, test_yamlish_text_long = twice(yamlish, _yamlish_text, 200)
test_random_bytes, test_random_bytes_long = twice(st.binary(max_size=400), _random_bytes, 150)
test_mutated_bytes, test_mutated_bytes_long = twice(st.data(), _mutated_bytes, 150)
test_random_documents, test_random_documents_long = twice(
    documents, _random_documents, 100, share=4
)
test_one_change, test_one_change_long = twice(st.data(), _one_change, 150, share=2)


def test_the_valid_base_pack_loads() -> None:
    check_rules(parse_pack(VALID, "fuzz.yaml"))


# -- the grader --------------------------------------------------------------------------

ASKED = select_questions([builtin_pack()], count=10_000, seed=1)
KINDS = {q.question.type for q in ASKED}
answers = st.one_of(
    st.text(),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=50),  # lone surrogates too
    st.text(alphabet="0123456789,.-+eE ", max_size=40),
    st.text(max_size=1200).map(lambda t: t * 3),
    st.sampled_from(["A", "b", "3", "t", "NO", "1,000", "1e400", "-0", "nan", "inf", "½", "٣"]),
)


def _any_answer(data: st.DataObject) -> None:
    asked = data.draw(st.sampled_from(ASKED))
    raw = data.draw(answers)
    options = data.draw(
        st.one_of(
            st.just(asked.options),
            st.just(()),
            st.lists(st.sampled_from(asked.options or ("x",)), max_size=3).map(tuple),
            st.lists(st.text(max_size=10), max_size=4).map(tuple),
        )
    )
    problem = check_input(asked.question, raw, options)
    assert problem is None or (isinstance(problem, str) and problem)
    grade = grade_answer(asked.question, raw, options)
    assert isinstance(grade, Grade)
    assert isinstance(grade.given, str)
    if problem is not None and not raw.strip():
        assert not grade.correct


test_any_answer, test_any_answer_long = twice(st.data(), _any_answer, 200)

NASTY = [
    "",
    " ",
    "\x00",
    "\x1b[2J",
    "\ud800",
    "A" * 1_001,
    "9" * 5_000,
    "1" + "0" * 400,
    "1e308" * 3,
    "-" * 999,
    "\u202e" * 300,
    "ß" * 999,
    "ﬁ" * 999,
    "Ⅻ",
    "1,000,000,000,000,000,000,000",
    "thirty" + " thousand" * 300,
]


@pytest.mark.parametrize("raw", NASTY, ids=range(len(NASTY)))
def test_nasty_answers_for_every_question_of_the_built_in_pack(raw: str) -> None:
    assert set(QuestionType) == KINDS
    for asked in ASKED:
        for options in (asked.options, ()):
            problem = check_input(asked.question, raw, options)
            assert problem is None or (isinstance(problem, str) and problem.strip())
            grade = grade_answer(asked.question, raw, options)
            assert isinstance(grade, Grade)
            assert isinstance(grade.given, str)
            if not raw.strip():
                assert not grade.correct


# -- the program, fed anything -----------------------------------------------------------

lines = st.one_of(
    st.sampled_from(["A", "B", "C", "D", "t", "f", "42", "1935", "skip", "50", "?", "hint", ""]),
    st.sampled_from(["\x03", "\x04", "\x1a", "\x1b[A", "\x1b]0;pwned\x07", "\x9b", "\u202e"]),
    st.text(max_size=30),
)
stdin_bytes = st.lists(
    st.tuples(
        st.one_of(lines.map(lambda s: s.encode("utf-8")), st.binary(max_size=20)),
        st.sampled_from([b"\n", b"\r\n", b"\r", b""]),
    ),
    max_size=12,
).map(lambda parts: b"".join(line + end for line, end in parts))


def _random_stdin(data: bytes) -> None:
    result = runner.invoke(app, ["play", "--practice", "-n", "3", "--seed", "1"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream
        assert terminal_problems(stream) == []


test_random_stdin, test_random_stdin_long = twice(stdin_bytes, _random_stdin, 50, share=10)


def _random_name(name: str) -> None:
    result = runner.invoke(app, ["play", "-n", "1", "--seed", "1", "--name", name], input="A\n")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "a player name needs at least one visible character" in result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream
        assert terminal_problems(stream) == []


test_random_name, test_random_name_long = twice(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=60),
    _random_name,
    15,
    share=10,
)

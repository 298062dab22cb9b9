"""Reading YAML: scalars keep their text, hostile documents are refused quickly and clearly."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.errors import PackError, Problem
from quiz.packs import yamlread
from quiz.packs.load import parse_pack
from quiz.packs.model import Pack
from quiz.packs.yamlread import Mapping, Scalar, Sequence, compose

HEAD = "format: 1\npack:\n  id: p\n  title: T\nquestions:\n"


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with PyYAML's C parser and again with its pure-Python one."""
    if request.param == "pure-python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif getattr(yaml, "CSafeLoader", None) is None:
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


def one_question(answer: str, qtype: str = "text") -> str:
    return HEAD + f"  - id: q\n    type: {qtype}\n    prompt: P\n    answer: {answer}\n"


def load(text: str) -> Pack:
    return parse_pack(text, "p.yaml")


def problems(text: str) -> list[Problem]:
    with pytest.raises(PackError) as info:
        parse_pack(text, "p.yaml")
    return info.value.problems


def messages(text: str) -> list[str]:
    return [str(p) for p in problems(text)]


# -- the node tree -------------------------------------------------------------------


def test_compose_keeps_text_and_positions() -> None:
    root, found = compose("a: no\nb:\n  - 12:30\n  - '007'\n", "f.yaml")
    assert found == []
    assert isinstance(root, Mapping)
    (ka, va), (_, vb) = root.items
    assert (ka.value, ka.line, ka.col) == ("a", 1, 1)
    assert isinstance(va, Scalar)
    assert (va.value, va.line, va.col, va.plain) == ("no", 1, 4, True)
    assert isinstance(vb, Sequence)
    first, second = vb.items
    assert isinstance(first, Scalar)
    assert isinstance(second, Scalar)
    assert (first.value, first.line, first.col, first.plain) == ("12:30", 3, 5, True)
    assert (second.value, second.plain) == ("007", False)


def test_compose_of_an_empty_document() -> None:
    assert compose("", "f") == (None, [])
    assert compose("# only a comment\n", "f") == (None, [])


def test_explicit_tags_are_kept_by_short_name() -> None:
    root, _ = compose("a: !!str 3\nb: !!int 3\nc: !!null ''\n", "f")
    assert isinstance(root, Mapping)
    tags = [v.tag for _, v in root.items if isinstance(v, Scalar)]
    assert tags == ["str", "int", "null"]


# -- YAML 1.1 traps: a scalar means what its field says, with YAML 1.2 rules --------


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "No",
        "on",
        "off",
        "yes",
        "y",
        "n",
        "12:30",
        "1:02:03",
        "2015-12-30",
        "007",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        ".inf",
        "-.INF",
        ".nan",
        "30",
        "-1",
        "true",
        "False",
        "2015-12-30 10:00:00",
    ],
)
def test_text_answer_keeps_the_exact_text(text: str) -> None:
    assert load(one_question(text)).questions[0].answer == text


@pytest.mark.parametrize("text", ["no", "on", "12:30", "2015-12-30", "007", "1e3"])
def test_choice_answer_and_options_keep_the_exact_text(text: str) -> None:
    pack = load(
        HEAD + f"  - {{id: q, type: choice, prompt: P, answer: {text}, wrong: [off, '1']}}\n"
    )
    assert pack.questions[0].answer == text
    assert pack.questions[0].wrong == ("off", "1")


def test_tags_and_prompts_keep_the_exact_text() -> None:
    pack = load(HEAD + "  - {id: q, type: text, prompt: no, answer: A, tags: [yes, 2015, on]}\n")
    assert pack.questions[0].prompt == "no"
    assert pack.questions[0].tags == ("yes", "2015", "on")


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On"])
def test_truefalse_answer_refuses_yaml_11_booleans(word: str) -> None:
    assert messages(one_question(word, "truefalse")) == [
        f"p.yaml:9:13: questions[0].answer: must be true or false; '{word}' is read as text "
        "(YAML 1.2)"
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("!!bool true", True),
        ("!!bool FALSE", False),
    ],
)
def test_truefalse_answer_accepts_yaml_12_booleans(word: str, expected: bool) -> None:
    assert load(one_question(word, "truefalse")).questions[0].answer is expected


@pytest.mark.parametrize("word", ["1", "tRuE", "maybe"])
def test_truefalse_answer_refuses_other_words(word: str) -> None:
    assert messages(one_question(word, "truefalse")) == [
        f"p.yaml:9:13: questions[0].answer: must be true or false (got '{word}')"
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("007", 7),
        ("30", 30),
        ("-4", -4),
        ("+5", 5),
        ("1e3", 1000.0),
        ("2.5", 2.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("-0.25", -0.25),
        ("!!float 2.5", 2.5),
        ("!!int 12", 12),
    ],
)
def test_number_answer_uses_yaml_12_numbers(written: str, value: float) -> None:
    answer = load(one_question(written, "number")).questions[0].answer
    assert answer == value
    assert type(answer) is type(value)


@pytest.mark.parametrize("written", ["0x1F", "0o17", "1_000", "1,000", "12:30", "thirty", ""])
def test_number_answer_refuses_what_is_not_a_plain_decimal(written: str) -> None:
    found = messages(one_question(written or "!!int ''", "number"))
    assert found == [f"p.yaml:9:13: questions[0].answer: must be a number (got '{written}')"]


@pytest.mark.parametrize("written", [".inf", "-.inf", ".Inf", ".nan", ".NaN", "1e400", "-1e999"])
def test_number_answer_refuses_infinity_and_nan(written: str) -> None:
    assert messages(one_question(written, "number")) == [
        f"p.yaml:9:13: questions[0].answer: must be a number (got '{written}')"
    ]


def test_a_5000_digit_number_is_a_clear_problem() -> None:
    digits = "9" * 5000
    assert messages(one_question(digits, "number")) == [
        "p.yaml:9:13: questions[0].answer: the number is 5,000 characters long; that is too big"
    ]
    # The same in a whole-number field: int() of it would raise ValueError in Python 3.11.
    text = HEAD.replace("  title: T\n", f"  title: T\n  version: {digits}\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert messages(text) == [
        "p.yaml:5:12: pack.version: the number is 5,000 characters long; that is too big"
    ]


def test_explicit_int_tag_with_a_word_in_a_number_field() -> None:
    assert messages(one_question("!!int x", "number")) == [
        "p.yaml:9:13: questions[0].answer: must be a number (got 'x')"
    ]


@pytest.mark.parametrize("written", ["!!int 1.5", "!!int 1e3"])
def test_explicit_int_tag_on_a_fraction_is_refused(written: str) -> None:
    raw = written.split()[1]
    assert messages(one_question(written, "number")) == [
        f"p.yaml:9:13: questions[0].answer: must be a number (got '{raw}')"
    ]


def test_explicit_tag_in_a_text_field_is_refused() -> None:
    assert messages(one_question("!!int 30")) == [
        "p.yaml:9:13: questions[0].answer: must be text, but is tagged !!int; remove the tag"
    ]


def test_explicit_str_tag_keeps_text_and_is_not_a_number() -> None:
    assert load(one_question("!!str no")).questions[0].answer == "no"
    assert messages(one_question("!!str 30", "number")) == [
        'p.yaml:9:13: questions[0].answer: must be a number, not the text "30"; remove the quotes'
    ]


def test_bool_tag_with_nothing_after_it() -> None:
    assert messages(one_question("!!bool", "truefalse")) == [
        "p.yaml:9:13: questions[0].answer: must be true or false (got '')"
    ]


SAFE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=60,
).filter(lambda s: s == s.strip() and "\ufeff" not in s and "\x85" not in s)


@settings(max_examples=150, deadline=None)
@given(text=SAFE_TEXT)
def test_any_quoted_text_answer_loads_as_exactly_that_text(text: str) -> None:
    pack = load(one_question(json.dumps(text, ensure_ascii=False)))
    assert pack.questions[0].answer == text


@settings(max_examples=150, deadline=None)
@given(
    text=SAFE_TEXT.filter(
        lambda s: (
            s[0] not in "-?:,[]{}#&*!|>'\"%@`"
            and ": " not in s
            and " #" not in s
            and not s.endswith(":")
        )
    )
)
def test_any_plain_text_answer_loads_as_exactly_that_text(text: str) -> None:
    try:
        pack = load(one_question(text))
    except PackError:
        return  # not a plain scalar YAML can read; the error says where
    if text not in ("~", "null", "Null", "NULL"):
        assert pack.questions[0].answer == text


# -- tags that are not allowed --------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        ("!!timestamp 2001-02-30", "!!timestamp"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/str x", "!!python/str"),
        ("!local x", "!local"),
        ("!<tag:example.com,2000:thing> x", "!<tag:example.com,2000:thing>"),
    ],
)
def test_other_tags_are_not_allowed(answer: str, shown: str) -> None:
    assert messages(one_question(answer)) == [
        f"p.yaml:9:13: questions[0].answer: the tag {shown} is not allowed in a pack; remove it"
    ]


def test_python_object_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = one_question(f"!!python/object/apply:os.system ['touch {marker}']")
    found = messages(text)
    assert found[0] == (
        "p.yaml:9:13: questions[0].answer: "
        "the tag !!python/object/apply:os.system is not allowed in a pack; remove it"
    )
    assert not marker.exists()


def test_python_name_tag_is_refused() -> None:
    found = messages(one_question("!!python/name:os.system"))
    assert (
        "p.yaml:9:13: questions[0].answer: "
        "the tag !!python/name:os.system is not allowed in a pack; remove it"
    ) in found


def test_tag_on_a_mapping_or_list_is_refused() -> None:
    text = HEAD + "  - !!omap\n    - id: q\n"
    assert (
        "p.yaml:6:5: questions[0]: the tag !!omap is not allowed in a pack; remove it"
        in messages(text)
    )
    text = HEAD + "  - !!set {id: q, type: text, prompt: P, answer: A}\n"
    assert messages(text) == [
        "p.yaml:6:5: questions[0]: the tag !!set is not allowed in a pack; remove it"
    ]


# -- structure --------------------------------------------------------------------------


def test_two_documents_are_refused(parser: str) -> None:
    text = one_question("A") + "---\nformat: 1\n"
    (problem,) = problems(text)
    assert (problem.line, problem.column) == (10, 1)
    assert problem.message == "a pack file holds one YAML document; remove the '---' line"


def test_one_document_with_explicit_markers_is_fine() -> None:
    assert load("---\n" + one_question("A") + "...\n").questions[0].answer == "A"


@pytest.mark.parametrize(
    "text",
    ["? [a, b]\n: c\n", "? {a: 1}\n: c\n", "x: &m {a: 1}\n? *m\n: c\n"],
    ids=["list", "mapping", "alias-to-mapping"],
)
def test_a_key_must_be_a_plain_value(text: str, parser: str) -> None:
    (problem,) = problems(text)
    assert problem.message == "a key must be a plain word, not a list or mapping"
    assert problem.line is not None


def test_unknown_alias() -> None:
    assert messages("a: *nope\n") == ["p.yaml:1:4: unknown alias *nope"]


def test_an_alias_inside_its_own_anchor_is_refused(parser: str) -> None:
    (problem,) = problems("a: &a [1, *a]\n")
    assert problem.message == "unknown alias *a"


def test_merge_keys_are_an_unknown_field_not_a_silent_merge() -> None:
    text = HEAD + "  - &base {id: a, type: text, prompt: P, answer: A}\n  - <<: *base\n    id: b\n"
    found = messages(text)
    assert found[0].startswith("p.yaml:7:5: questions[1].<<: unknown field '<<'")


# -- limits: nesting -----------------------------------------------------------------------


def test_nesting_up_to_the_limit_is_read(parser: str) -> None:
    depth = yamlread.MAX_DEPTH
    root, _ = compose("[" * depth + "]" * depth, "f")
    for _ in range(depth - 1):
        assert isinstance(root, Sequence)
        root = root.items[0]
    assert isinstance(root, Sequence)
    assert root.items == []


def test_nesting_100_levels_is_refused(parser: str) -> None:
    assert messages("[" * 100 + "]" * 100) == [
        f"p.yaml:1:{yamlread.MAX_DEPTH + 1}: nesting is deeper than {yamlread.MAX_DEPTH} "
        "levels; a pack needs only a few"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000,
        "[" * 10_000 + "]" * 10_000,
        "{a: " * 10_000,
        "- " * 10_000 + "x",
        "".join(f"{'  ' * i}a:\n" for i in range(300)),
    ],
    ids=["flow-lists", "closed-flow-lists", "flow-mappings", "block-lists", "block-mappings"],
)
def test_very_deep_nesting_is_a_pack_error_not_a_recursion_error(text: str, parser: str) -> None:
    (problem,) = problems(text)
    assert "nesting" in problem.message
    assert problem.line is not None


# -- limits: aliases -----------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels + 1):
        refs = ", ".join([f"*{names[i - 1]}"] * 9)
        lines.append(f"{names[i]}: &{names[i]} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_with_its_position(parser: str) -> None:
    (problem,) = problems(billion_laughs())
    assert problem.message == (
        f"the document is too large once aliases are expanded (more than "
        f"{yamlread.MAX_NODES:,} values); use fewer aliases"
    )
    assert problem.line == 7  # g: 9**7 values, the first level past the limit
    assert problem.column is not None


def test_billion_laughs_inside_a_pack_is_refused() -> None:
    bomb = textwrap.indent(billion_laughs(), "  ")
    text = HEAD.replace("questions:\n", "x:\n" + bomb + "questions:\n")
    (problem,) = problems(text)
    assert "too large once aliases are expanded" in problem.message


def test_more_than_100_aliases_are_refused(parser: str) -> None:
    text = "x: &x 1\ny: [" + ", ".join(["*x"] * (yamlread.MAX_ALIASES + 1)) + "]\n"
    (problem,) = problems(text)
    assert problem.message == "more than 100 aliases (*name); write the values out"
    assert problem.line == 2
    assert problem.column == 5 + 4 * yamlread.MAX_ALIASES


def test_100_aliases_are_fine() -> None:
    root, found = compose("x: &x 1\ny: [" + ", ".join(["*x"] * 100) + "]\n", "f")
    assert found == []
    assert isinstance(root, Mapping)
    seq = root.items[1][1]
    assert isinstance(seq, Sequence)
    assert len(seq.items) == 100


def test_anchors_and_aliases_used_legitimately_still_load() -> None:
    text = HEAD + textwrap.dedent("""\
          - id: a
            type: text
            prompt: &same Which city?
            answer: Los Angeles
            tags: &people [people, cast]
          - id: b
            type: choice
            prompt: *same
            answer: Paris
            wrong: [Rome, Berlin]
            tags: *people
          - id: c
            type: truefalse
            prompt: Yes?
            answer: true
            tags: *people
        """)
    pack = load(text)
    assert [q.tags for q in pack.questions] == [("people", "cast")] * 3
    assert pack.questions[1].prompt == "Which city?"


def test_a_problem_in_a_shared_value_is_reported_for_each_use() -> None:
    text = HEAD + textwrap.dedent("""\
          - {id: a, type: text, prompt: P, answer: A, tags: &t [x, [y]]}
          - {id: b, type: text, prompt: P, answer: A, tags: *t}
        """)
    assert messages(text) == [
        "p.yaml:6:58: questions[0].tags[1]: must be text, not a list",
        "p.yaml:6:58: questions[1].tags[1]: must be text, not a list",
    ]


# -- syntax errors ---------------------------------------------------------------------------


def test_syntax_error_names_its_line(parser: str) -> None:
    (problem,) = problems("format: 1\npack: {id: p\nquestions: []\n")
    assert problem.line == 3
    assert problem.message.startswith("YAML syntax error: ")


def test_bad_indentation_names_its_line(parser: str) -> None:
    (problem,) = problems("format: 1\npack:\n  id: p\n  title: T\n questions: []\n")
    assert problem.line == 5
    assert problem.message.startswith("YAML syntax error: ")


def test_problems_found_before_a_syntax_error_are_kept() -> None:
    found = messages("a: {x: 1, x: 2}\nb: [\n")
    assert found[0] == "p.yaml:1:11: a.x: duplicate key 'x' (first on line 1); remove one of them"
    assert found[1].startswith("p.yaml:3:1: YAML syntax error: ")


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\ufffe"])
def test_control_character_is_a_pack_error(parser: str, char: str) -> None:
    (problem,) = problems(f"a: b{char}\n")
    assert problem.message.startswith(f"contains the control character U+{ord(char):04X}")
    assert (problem.line, problem.column) == (1, 5)


@pytest.mark.parametrize("char", ["\x07", "\x1b"])
def test_control_character_names_its_line_and_column(parser: str, char: str) -> None:
    # DESIGN.md: every error names the file, line and column; a raw ESC in a title
    # is a likely mistake in a hand-written pack.
    (problem,) = problems(f"format: 1\npack:\n  title: Bad{char}Title\n")
    assert (problem.line, problem.column) == (3, 13)
    assert "\n" not in problem.message

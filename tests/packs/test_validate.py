"""Every rule of pack format 1: each bad pack gives exactly the problem, line and field expected."""

from __future__ import annotations

import textwrap

import pytest

from quiz.errors import PackError
from quiz.packs.load import parse_pack
from quiz.packs.model import QuestionType

# Five lines: the first question starts on line 6.
HEAD = "format: 1\npack:\n  id: p\n  title: T\nquestions:\n"


def questions(block: str) -> str:
    """A pack whose questions are ``block`` (written at column 0, indented here)."""
    return HEAD + textwrap.indent(textwrap.dedent(block), "  ")


def problems(text: str) -> list[str]:
    with pytest.raises(PackError) as info:
        parse_pack(text, "p.yaml")
    return [str(p) for p in info.value.problems]


def only_problem(text: str) -> str:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def test_a_good_pack_loads() -> None:
    pack = parse_pack(
        questions("""\
            - id: q
              type: choice
              prompt: Who?
              answer: A
              wrong: [B, C]
            """),
        "p.yaml",
    )
    assert pack.id == "p"
    assert pack.questions[0].type is QuestionType.CHOICE
    assert pack.questions[0].wrong == ("B", "C")
    assert pack.questions[0].line == 6


# -- unknown and misplaced fields ------------------------------------------------


def test_unknown_question_field_suggests_the_close_one() -> None:
    text = questions("""\
        - id: q
          type: text
          prompt: P
          answer: A
          explanaton: Because.
        """)
    assert only_problem(text) == (
        "p.yaml:10:5: questions[0].explanaton: unknown field 'explanaton'; "
        "did you mean 'explanation'?"
    )


def test_unknown_field_far_from_any_lists_the_known_ones() -> None:
    text = questions("""\
        - id: q
          type: text
          prompt: P
          answer: A
          colour: red
        """)
    assert only_problem(text) == (
        "p.yaml:10:5: questions[0].colour: unknown field 'colour'; expected one of: id, type, "
        "prompt, answer, wrong, accept, tolerance, difficulty, tags, explanation, hint, source"
    )


def test_unknown_pack_and_top_level_fields() -> None:
    text = "format: 1\npack:\n  id: p\n  titel: T\nquestons: []\n"
    assert problems(text) == [
        "p.yaml:1:1: questions: missing required field 'questions'",
        "p.yaml:3:3: pack.title: missing required field 'title'",
        "p.yaml:4:3: pack.titel: unknown field 'titel'; did you mean 'title'?",
        "p.yaml:5:1: questons: unknown field 'questons'; did you mean 'questions'?",
    ]


@pytest.mark.parametrize(
    ("qtype", "answer", "field", "value", "owner"),
    [
        ("text", "A", "wrong", "[B]", "choice"),
        ("text", "A", "tolerance", "1", "number"),
        ("choice", "A", "accept", "[a]", "text"),
        ("number", "3", "accept", "[three]", "text"),
        ("truefalse", "true", "tolerance", "0", "number"),
    ],
)
def test_field_of_another_question_type(
    qtype: str, answer: str, field: str, value: str, owner: str
) -> None:
    wrong = "  wrong: [B]\n" if qtype == "choice" else ""
    text = questions(
        f"- id: q\n  type: {qtype}\n  prompt: P\n  answer: {answer}\n{wrong}  {field}: {value}\n"
    )
    line = 11 if wrong else 10
    assert only_problem(text) == (
        f"p.yaml:{line}:5: questions[0].{field}: '{field}' is only for {owner} questions; "
        f"remove it or change the type to {owner}"
    )


# -- missing fields ----------------------------------------------------------------


def test_missing_question_fields_are_each_named_at_the_question() -> None:
    assert problems(questions("- id: q\n")) == [
        "p.yaml:6:5: questions[0].type: missing required field 'type'",
        "p.yaml:6:5: questions[0].prompt: missing required field 'prompt'",
        "p.yaml:6:5: questions[0].answer: missing required field 'answer'",
    ]


def test_a_null_value_counts_as_missing() -> None:
    text = questions("- id: q\n  type: text\n  prompt: ~\n  answer: A\n")
    assert only_problem(text) == "p.yaml:6:5: questions[0].prompt: missing required field 'prompt'"


def test_missing_pack_fields() -> None:
    text = (
        "format: 1\npack:\n  description: D\n"
        "questions:\n  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert problems(text) == [
        "p.yaml:3:3: pack.id: missing required field 'id'",
        "p.yaml:3:3: pack.title: missing required field 'title'",
    ]


def test_choice_question_without_wrong_options() -> None:
    text = questions("- id: q\n  type: choice\n  prompt: P\n  answer: A\n")
    assert only_problem(text) == (
        "p.yaml:9:13: questions[0].wrong: a choice question needs 'wrong': "
        "a list of 1 to 5 wrong options"
    )


def test_no_questions_key() -> None:
    assert only_problem("format: 1\npack:\n  id: p\n  title: T\n") == (
        "p.yaml:1:1: questions: missing required field 'questions'"
    )


def test_empty_questions_list() -> None:
    assert only_problem(HEAD.replace("questions:\n", "questions: []\n")) == (
        "p.yaml:5:12: questions: the pack has no questions; add at least one"
    )


def test_questions_as_a_mapping() -> None:
    text = HEAD + "  q: {id: q}\n"
    assert only_problem(text) == (
        "p.yaml:6:3: questions: must be a list of questions, not a mapping"
    )


def test_a_question_that_is_not_a_mapping() -> None:
    text = questions("- {id: a, type: text, prompt: P, answer: A}\n- just words\n")
    assert only_problem(text) == (
        "p.yaml:7:5: questions[1]: must be a mapping of fields, not a single value"
    )


def test_pack_as_a_single_value() -> None:
    text = "format: 1\npack: p\nquestions:\n  - {id: q, type: text, prompt: P, answer: A}\n"
    assert only_problem(text) == "p.yaml:2:7: pack: must be a mapping of fields, not a single value"


# -- ids ---------------------------------------------------------------------------


def test_duplicate_question_ids_name_the_first_line() -> None:
    text = questions("""\
        - {id: a, type: text, prompt: P, answer: A}
        - {id: b, type: text, prompt: P, answer: A}
        - {id: a, type: text, prompt: P, answer: A}
        - {id: a, type: text, prompt: P, answer: A}
        """)
    assert problems(text) == [
        "p.yaml:8:10: questions[2].id: duplicate question id 'a' (first on line 6); "
        "ids must be unique in a pack",
        "p.yaml:9:10: questions[3].id: duplicate question id 'a' (first on line 6); "
        "ids must be unique in a pack",
    ]


def test_duplicate_id_is_found_even_when_the_first_question_is_broken() -> None:
    text = questions("""\
        - id: a
          type: text
          prompt: [not, text]
          answer: A
        - {id: a, type: text, prompt: P, answer: A}
        """)
    assert problems(text) == [
        "p.yaml:8:13: questions[0].prompt: must be text, not a list",
        "p.yaml:10:10: questions[1].id: duplicate question id 'a' (first on line 6); "
        "ids must be unique in a pack",
    ]


ID_RULE = "lowercase letters, digits and '-', at most 64 characters, e.g. 'la-la-land'"


@pytest.mark.parametrize("bad", ["Q_1", "-a", "a-", "has space", "é", "a" * 65, "'a.b'"])
def test_bad_question_id(bad: str) -> None:
    text = questions(f"- {{id: {bad}, type: text, prompt: P, answer: A}}\n")
    shown = bad.strip("'")
    (problem,) = problems(text)
    assert problem.startswith("p.yaml:6:10: questions[0].id: ")
    if len(shown) > 64:
        assert problem.endswith("is 65 characters long; keep it to 64 at most")
    else:
        assert problem.endswith(f"'{shown}' is not a valid id: use {ID_RULE}")


@pytest.mark.parametrize("good", ["a", "0", "la-la-land", "a" * 64, "2015-12-30", "007"])
def test_good_ids(good: str) -> None:
    pack = parse_pack(
        questions(f"- {{id: {good}, type: text, prompt: P, answer: A}}\n").replace(
            "id: p", f"id: {good}"
        ),
        "p.yaml",
    )
    assert pack.id == good
    assert pack.questions[0].id == good


def test_bad_pack_id() -> None:
    text = questions("- {id: q, type: text, prompt: P, answer: A}\n").replace(
        "id: p\n", "id: My Pack\n"
    )
    assert only_problem(text) == f"p.yaml:3:7: pack.id: 'My Pack' is not a valid id: use {ID_RULE}"


# -- duplicate keys ---------------------------------------------------------------


def test_duplicate_yaml_key_is_reported_with_the_first_line() -> None:
    text = questions("""\
        - id: q
          type: text
          prompt: P
          prompt: P again
          answer: A
        """)
    (problem,) = problems(text)
    assert problem.startswith("p.yaml:9:5: ")
    assert problem.endswith("duplicate key 'prompt' (first on line 8); remove one of them")


def test_duplicate_top_level_key() -> None:
    text = HEAD.replace("format: 1\n", "format: 1\nformat: 1\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    (problem,) = problems(text)
    assert problem.startswith("p.yaml:2:1: ")
    assert problem.endswith("duplicate key 'format' (first on line 1); remove one of them")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            questions("- id: q\n  type: text\n  prompt: P\n  prompt: P again\n  answer: A\n"),
            "p.yaml:9:5: questions[0].prompt: duplicate key 'prompt' (first on line 8); "
            "remove one of them",
        ),
        (
            HEAD.replace("format: 1\n", "format: 1\nformat: 1\n")
            + "  - {id: q, type: text, prompt: P, answer: A}\n",
            "p.yaml:2:1: format: duplicate key 'format' (first on line 1); remove one of them",
        ),
    ],
    ids=["question-field", "top-level"],
)
def test_duplicate_key_names_its_field_path(text: str, expected: str) -> None:
    # DESIGN.md: "Every error names the file, line and column and the field path".
    assert problems(text) == [expected]


def test_duplicate_key_keeps_the_first_value() -> None:
    # Only the duplicate is reported; the rest of the question is still checked once.
    text = questions("- id: q\n  type: text\n  type: number\n  prompt: P\n  answer: A\n")
    assert len(problems(text)) == 1


# -- wrong kinds of value -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("prompt: [a, b]", "p.yaml:8:13: questions[0].prompt: must be text, not a list"),
        ("prompt: {a: b}", "p.yaml:8:13: questions[0].prompt: must be text, not a mapping"),
        ("tags: {a: b}", "p.yaml:10:11: questions[0].tags: must be a list, e.g. [...]"),
        ("tags: people", "p.yaml:10:11: questions[0].tags: must be a list, e.g. [people]"),
        ("tags: [[a]]", "p.yaml:10:12: questions[0].tags[0]: must be text, not a list"),
        ("hint: ''", "p.yaml:10:11: questions[0].hint: must not be empty"),
        ("explanation: '   '", "p.yaml:10:18: questions[0].explanation: must not be empty"),
    ],
)
def test_wrong_kind_of_value(line: str, expected: str) -> None:
    prompt_line = "" if line.startswith("prompt") else "  prompt: P\n"
    body = f"- id: q\n  type: text\n{prompt_line}  answer: A\n"
    if line.startswith("prompt"):
        body = f"- id: q\n  type: text\n  {line}\n  answer: A\n"
    else:
        body += f"  {line}\n"
    assert problems(questions(body)) == [expected]


def test_quoted_number_for_a_number_answer() -> None:
    text = questions("- id: q\n  type: number\n  prompt: P\n  answer: '30'\n")
    assert only_problem(text) == (
        'p.yaml:9:13: questions[0].answer: must be a number, not the text "30"; remove the quotes'
    )


@pytest.mark.parametrize("written", ["'true'", '"false"', "!!str true"])
def test_quoted_boolean_for_a_truefalse_answer_says_to_remove_the_quotes(written: str) -> None:
    # Today: "must be true or false (got 'true')", which reads as a contradiction.
    text = questions(f"- id: q\n  type: truefalse\n  prompt: P\n  answer: {written}\n")
    (problem,) = problems(text)
    assert problem.startswith("p.yaml:9:13: questions[0].answer: must be true or false")
    assert "remove the quotes" in problem or "remove the tag" in problem


def test_quoted_format_number() -> None:
    text = (
        HEAD.replace("format: 1", 'format: "1"') + "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == (
        'p.yaml:1:9: format: must be a whole number, not the text "1"; remove the quotes'
    )


def test_duplicate_entries_in_a_list() -> None:
    text = questions(
        "- {id: q, type: text, prompt: P, answer: A, accept: [Ay, AY], tags: [x, X]}\n"
    )
    assert problems(text) == [
        "p.yaml:6:60: questions[0].accept[1]: 'AY' is listed twice; remove one",
        "p.yaml:6:75: questions[0].tags[1]: 'X' is listed twice; remove one",
    ]


def test_tags_are_lowercased() -> None:
    pack = parse_pack(
        questions("- {id: q, type: text, prompt: P, answer: A, tags: [People]}\n"), "p"
    )
    assert pack.questions[0].tags == ("people",)
    assert pack.tags == ["people"]


# -- choice rules ------------------------------------------------------------------


@pytest.mark.parametrize("wrong", ["[B, A]", "[B, a]", "[' A ']"])
def test_choice_answer_among_its_wrong_options(wrong: str) -> None:
    text = questions(f"- id: q\n  type: choice\n  prompt: P\n  answer: A\n  wrong: {wrong}\n")
    assert only_problem(text) == (
        "p.yaml:10:12: questions[0].wrong: the answer 'A' is also listed as wrong; "
        "remove it from 'wrong'"
    )


def test_too_many_wrong_options() -> None:
    text = questions(
        "- id: q\n  type: choice\n  prompt: P\n  answer: A\n  wrong: [B, C, D, E, F, G]\n"
    )
    assert only_problem(text) == "p.yaml:10:12: questions[0].wrong: has 6 items; at most 5"


def test_five_wrong_options_are_fine() -> None:
    text = questions(
        "- id: q\n  type: choice\n  prompt: P\n  answer: A\n  wrong: [B, C, D, E, F]\n"
    )
    assert len(parse_pack(text, "p").questions[0].wrong) == 5


def test_empty_wrong_list() -> None:
    text = questions("- id: q\n  type: choice\n  prompt: P\n  answer: A\n  wrong: []\n")
    assert only_problem(text) == "p.yaml:10:12: questions[0].wrong: needs at least one wrong option"


# -- enums ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "suggestion"),
    [
        ("type", "txt", "did you mean 'text'?"),
        ("type", "multiple", "expected one of: choice, truefalse, text, number"),
        ("type", "Text", "did you mean 'text'?"),
        ("difficulty", "hrad", "did you mean 'hard'?"),
        ("difficulty", "extreme", "expected one of: easy, medium, hard"),
    ],
)
def test_unknown_type_or_difficulty(field: str, value: str, suggestion: str) -> None:
    qtype = value if field == "type" else "text"
    extra = f"\n  difficulty: {value}" if field == "difficulty" else ""
    text = questions(f"- id: q\n  type: {qtype}\n  prompt: P\n  answer: A{extra}\n")
    line, col = (7, 11) if field == "type" else (10, 17)
    assert only_problem(text) == (
        f"p.yaml:{line}:{col}: questions[0].{field}: '{value}' is not allowed; {suggestion}"
    )


# -- format and version --------------------------------------------------------------


def test_format_2_is_refused() -> None:
    text = (
        HEAD.replace("format: 1", "format: 2") + "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == (
        "p.yaml:1:9: format: format 2 is not supported; this quiz reads format 1"
    )


def test_missing_format() -> None:
    text = HEAD.replace("format: 1\n", "") + "  - {id: q, type: text, prompt: P, answer: A}\n"
    assert only_problem(text) == "p.yaml:1:1: format: missing required field 'format'"


@pytest.mark.parametrize("version", ["0", "-3"])
def test_version_below_1(version: str) -> None:
    text = HEAD.replace("  title: T\n", f"  title: T\n  version: {version}\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == "p.yaml:5:12: pack.version: must be 1 or more"


def test_version_must_be_whole() -> None:
    text = HEAD.replace("  title: T\n", "  title: T\n  version: 1.5\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == "p.yaml:5:12: pack.version: must be a whole number (got '1.5')"


# -- numbers with a minimum ---------------------------------------------------------


def test_negative_tolerance() -> None:
    text = questions("- id: q\n  type: number\n  prompt: P\n  answer: 3\n  tolerance: -1\n")
    assert only_problem(text) == "p.yaml:10:16: questions[0].tolerance: must be 0 or more"


def test_negative_time_limit() -> None:
    text = HEAD.replace("  title: T\n", "  title: T\n  defaults: {time_limit: -5}\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == (
        "p.yaml:5:26: pack.defaults.time_limit: must be 0 or more seconds"
    )


def test_time_limit_and_tolerance_are_read() -> None:
    text = HEAD.replace("  title: T\n", "  title: T\n  defaults: {time_limit: 12.5}\n") + (
        "  - {id: q, type: number, prompt: P, answer: 3, tolerance: 0.5}\n"
    )
    pack = parse_pack(text, "p")
    assert pack.defaults.time_limit == 12.5
    assert pack.questions[0].tolerance == 0.5


def test_unknown_defaults_field() -> None:
    text = HEAD.replace("  title: T\n", "  title: T\n  defaults: {time_limt: 5}\n") + (
        "  - {id: q, type: text, prompt: P, answer: A}\n"
    )
    assert only_problem(text) == (
        "p.yaml:5:14: pack.defaults.time_limt: unknown field 'time_limt'; "
        "did you mean 'time_limit'?"
    )


# -- lengths ------------------------------------------------------------------------


def test_source_excerpt_over_300_characters() -> None:
    excerpt = "word " * 61  # 304 characters once the last space is stripped
    text = questions(f"- {{id: q, type: text, prompt: P, answer: A, source: '{excerpt}'}}\n")
    length = len(excerpt.strip())
    assert only_problem(text) == (
        f"p.yaml:6:55: questions[0].source: is {length} characters long; keep it to 300 at most"
    )


def test_source_excerpt_of_300_characters_is_fine() -> None:
    excerpt = "x" * 300
    text = questions(f"- {{id: q, type: text, prompt: P, answer: A, source: {excerpt}}}\n")
    assert parse_pack(text, "p").questions[0].source == excerpt


def test_prompt_over_2000_characters() -> None:
    text = questions(f"- {{id: q, type: text, prompt: {'p' * 2001}, answer: A}}\n")
    assert only_problem(text) == (
        "p.yaml:6:33: questions[0].prompt: is 2,001 characters long; keep it to 2,000 at most"
    )


# -- every problem, not only the first ------------------------------------------------


def test_all_problems_in_a_file_are_reported_in_line_order() -> None:
    text = questions("""\
        - id: a
          type: choice
          prompt: P
          answer: A
          wrong: [A]
        - id: B!
          type: text
          prompt: P
          answer: A
          tolerance: 1
        - id: c
          type: truefalse
          prompt: P
          answer: yes
          difficulty: easyish
        - id: a
          type: number
          prompt: P
          answer: '3'
        """)
    assert problems(text) == [
        "p.yaml:10:12: questions[0].wrong: the answer 'A' is also listed as wrong; "
        "remove it from 'wrong'",
        f"p.yaml:11:9: questions[1].id: 'B!' is not a valid id: use {ID_RULE}",
        "p.yaml:15:5: questions[1].tolerance: 'tolerance' is only for number questions; "
        "remove it or change the type to number",
        "p.yaml:19:13: questions[2].answer: must be true or false; 'yes' is read as text "
        "(YAML 1.2)",
        "p.yaml:20:17: questions[2].difficulty: 'easyish' is not allowed; did you mean 'easy'?",
        "p.yaml:21:9: questions[3].id: duplicate question id 'a' (first on line 6); "
        "ids must be unique in a pack",
        'p.yaml:24:13: questions[3].answer: must be a number, not the text "3"; remove the quotes',
    ]


def test_pack_error_message_counts_the_rest() -> None:
    text = questions("- id: q\n")
    with pytest.raises(PackError) as info:
        parse_pack(text, "p.yaml")
    assert info.value.message == (
        "p.yaml:6:5: questions[0].type: missing required field 'type' (and 2 more problems)"
    )

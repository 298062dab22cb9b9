"""``quiz packs lint``'s checks, one table of small packs, each finding placed exactly."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.authoring.lint import Finding, Severity, lint_text
from quiz.authoring.lint_checks import CHECKS, similar_word_sets

HEADER = "format: 1\npack: {id: p, title: T}\nquestions:\n"
FIRST_LINE = HEADER.count("\n") + 1  # the line of the first question


def q(qid: str, qtype: str, prompt: str, answer: Any, **extra: Any) -> str:
    """One question as a flow mapping on one line (explanation and source unless None)."""
    fields: dict[str, Any] = {"id": qid, "type": qtype, "prompt": prompt, "answer": answer}
    fields |= {"explanation": "Because.", "source": "An excerpt."} | extra
    shown = ", ".join(f"{k}: {json.dumps(v)}" for k, v in fields.items() if v is not None)
    return "  - {" + shown + "}"


def text(qid: str, prompt: str, answer: str, **extra: Any) -> str:
    return q(qid, "text", prompt, answer, **extra)


def choice(qid: str, prompt: str, answer: str, wrong: list[str], **extra: Any) -> str:
    return q(qid, "choice", prompt, answer, wrong=wrong, **extra)


def truefalse(qid: str, prompt: str, answer: bool) -> str:
    return q(qid, "truefalse", prompt, answer)


# A few questions that raise nothing, put after each case's own.
PLAIN = [
    text("plain-1", "Which city is the film set in?", "Los Angeles"),
    q("plain-2", "number", "How old was the director?", 30),
    choice(
        "plain-3",
        "Which star plays the lead role?",
        "Ryan Gosling",
        ["Miles Teller", "J.K. Simmons"],
    ),
]

Expected = tuple[str, int, str, str]  # code, question number (0-based), marker, message


def lint(lines: list[str]) -> list[Finding]:
    return lint_text(HEADER + "\n".join(lines) + "\n", "pack.yaml")


def placed(lines: list[str], expected: list[Expected]) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message): the column is where ``marker`` starts in that line."""
    out = []
    for code, number, marker, message in expected:
        line = lines[number] if number >= 0 else "  - "
        out.append((code, FIRST_LINE + max(number, 0), line.index(marker) + 1, message))
    return out


CASES: dict[str, tuple[list[str], list[Expected]]] = {
    # -- L101: a wrong option the grader would accept ----------------------------------
    "L101 equal once normalised": (
        [choice("a", "Which film?", "Top Hat", ["Top-Hat!", "Swing Time"])],
        [
            (
                "L101",
                0,
                '"Top-Hat!"',
                "question 'a': the grader accepts the wrong option 'Top-Hat!' for the "
                "answer 'Top Hat' (the same answer once normalised)",
            )
        ],
    ),
    "L101 within the misspelling distance": (
        [choice("a", "Who plays the pianist?", "Sebastian", ["Keith", "Sebastien"])],
        [
            (
                "L101",
                0,
                '"Sebastien"',
                "question 'a': the grader accepts the wrong option 'Sebastien' for the "
                "answer 'Sebastian' (a close misspelling of it)",
            )
        ],
    ),
    "L101 not for short answers, spelt exactly": (
        [choice("a", "Who is the actress?", "Mia", ["Mira", "Sara"])],
        [],
    ),
    # -- L102: an answer inside its own question ----------------------------------------
    "L102 in the prompt": (
        [text("a", "Before La La Land, Chazelle made Whiplash: name it.", "Whiplash")],
        [
            (
                "L102",
                0,
                '"Before',
                "question 'a': the prompt contains its own answer 'whiplash'",
            )
        ],
    ),
    "L102 in the hint, by an accepted spelling": (
        [
            text(
                "a",
                "Who is the pianist?",
                "Sebastian Wilder",
                accept=["Sebastian"],
                hint="Sebastian, of course",
            )
        ],
        [
            (
                "L102",
                0,
                '"Sebastian,',
                "question 'a': the hint contains its own answer 'sebastian'",
            )
        ],
    ),
    "L102 not for short, true/false or number answers": (
        [
            text("a", "Is Mia the lead? Name her: Mia.", "Mia"),
            truefalse("b", "Whiplash came out in 2014, true?", True),
            q("c", "number", "Was it 2016? Give 2016.", 2016),
        ],
        [],
    ),
    "L102 only whole words": (
        [text("a", "What does a waltzer dance?", "Waltz")],
        [],
    ),
    # -- L103: the same prompt twice ------------------------------------------------------
    "L103 the same prompt once normalised": (
        [
            text("a", "Who directed it?", "Damien Chazelle"),
            text("b", "WHO  directed it", "Chazelle"),
        ],
        [
            (
                "L103",
                1,
                '"WHO',
                f"question 'b' asks the same as question 'a' (line {FIRST_LINE})",
            )
        ],
    ),
    # -- L201: a leak between questions ---------------------------------------------------
    "L201 in a prompt": (
        [
            text("a", "Which film came first?", "Whiplash"),
            text("b", "Besides Whiplash, what did he make?", "Guy and Madeline"),
        ],
        [
            (
                "L201",
                1,
                '"Besides',
                "question 'b': its prompt gives away 'whiplash', the answer of question "
                f"'a' (line {FIRST_LINE})",
            )
        ],
    ),
    "L201 in a wrong option, by the fullest spelling": (
        [
            text("a", "Who made the documentary?", "Thom Andersen", accept=["Andersen"]),
            choice("b", "Who wrote the piece?", "Joe McGovern", ["Tom Cross", "Thom Andersen"]),
        ],
        [
            (
                "L201",
                1,
                '"Thom Andersen"',
                "question 'b': its wrong option 2 gives away 'thom andersen', the answer of "
                f"question 'a' (line {FIRST_LINE})",
            )
        ],
    ),
    # -- L202: near-duplicate prompts -------------------------------------------------------
    "L202 six of seven words shared": (
        [
            text("a", "Who directed the film La La Land?", "Damien Chazelle"),
            text("b", "Who directed the film La La Land then?", "Chazelle"),
        ],
        [
            (
                "L202",
                1,
                '"Who',
                f"question 'b' is nearly the same as question 'a' (line {FIRST_LINE}): "
                "86% of their words are shared",
            )
        ],
    ),
    "L202 not at three of four": (
        [
            text("a", "Who directed Whiplash?", "Chazelle"),
            text("b", "Who directed Whiplash first?", "D"),
        ],
        [],
    ),
    # -- L203: a conspicuously long answer ---------------------------------------------------
    "L203 more than twice and 15 longer": (
        [
            choice(
                "a", "What is the film?", "A love letter to the city of stars", ["Jazz", "A heist"]
            )
        ],
        [
            (
                "L203",
                0,
                '"A love',
                "question 'a': the answer is 34 characters long, the longest wrong option 7, "
                "so the longest option gives it away",
            )
        ],
    ),
    "L203 not when under 15 longer": (
        [choice("a", "What is the film?", "A musical drama", ["Jazz", "A heist"])],
        [],
    ),
    # -- L204: one-sided true/false ----------------------------------------------------------
    "L204 six of eight true": (
        [truefalse(f"t{i}", f"Statement {w}.", i < 6) for i, w in enumerate("abcdefgh")],
        [
            (
                "L204",
                -1,
                "-",
                "6 of 8 true/false answers are true: answering true every time scores 75%",
            )
        ],
    ),
    "L204 not at five of eight": (
        [truefalse(f"t{i}", f"Statement {w}.", i < 5) for i, w in enumerate("abcdefgh")],
        [],
    ),
    "L204 not under eight questions": (
        [truefalse(f"t{i}", f"Statement {w}.", False) for i, w in enumerate("abcdefg")],
        [],
    ),
    # -- L205, L206: no explanation, no source --------------------------------------------------
    "L205 no explanation": (
        [text("a", "Which city?", "Los Angeles", explanation=None)],
        [("L205", 0, "{", "question 'a' has no explanation")],
    ),
    "L206 no source": (
        [text("a", "Which city?", "Los Angeles", source=None)],
        [("L206", 0, "{", "question 'a' has no source")],
    ),
    "nothing to say": (
        [truefalse("t", "Emma Stone plays an actress.", True), text("u", "Which dance?", "Waltz")],
        [],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_check(name: str) -> None:
    lines, expected = CASES[name]
    found = [(f.code, f.line, f.column, f.message) for f in lint(lines + PLAIN)]
    assert found == placed(lines, expected)


def test_every_code_is_tested_and_severity_follows_the_code() -> None:
    tested = {code for _, expected in CASES.values() for code, *_ in expected}
    assert tested == {rule.code for rule in CHECKS}
    for rule in CHECKS:
        assert rule.severity is (Severity.ERROR if rule.code < "L200" else Severity.WARNING)


def test_findings_carry_a_fix_and_render_on_one_line() -> None:
    (finding,) = lint([text("a", "Which city?", "Los Angeles", source=None)])
    assert finding.fix == "add 'source': the excerpt the fact comes from"
    assert finding.render() == (
        f"pack.yaml:{FIRST_LINE}:5: L206 question 'a' has no source "
        "(fix: add 'source': the excerpt the fact comes from)"
    )
    assert finding.to_json() == {
        "path": "pack.yaml",
        "line": FIRST_LINE,
        "column": 5,
        "code": "L206",
        "severity": "warning",
        "message": "question 'a' has no source",
        "fix": "add 'source': the excerpt the fact comes from",
    }


BLOCK = """\
format: 1
pack:
  id: p
  title: T
questions:
  - id: a
    type: choice
    prompt: Which film?
    answer: Top Hat
    wrong:
      - Swing Time
      - top hat!
    explanation: It is.
  - id: b
    type: text
    prompt: What is the film with Top Hat in it?
    answer: Top Hat
    source: An excerpt.
"""


def test_positions_in_block_style() -> None:
    found = [(f.code, f.line, f.column) for f in lint_text(BLOCK, "block.yaml")]
    assert found == [
        ("L206", 6, 5),  # question a starts at its first key
        ("L201", 9, 13),  # a's answer option is b's answer
        ("L101", 12, 9),  # the second wrong option is the answer
        ("L201", 12, 9),  # ...and b's answer
        ("L205", 14, 5),
        ("L102", 16, 13),  # b's prompt names its answer
        ("L201", 16, 13),  # ...and a's
    ]


def test_an_invalid_pack_reports_its_validation_errors() -> None:
    line = "  - {id: a, type: text, prompt: P, answer: A, wrong: [x]}"
    found = lint_text(HEADER + line + "\n", "bad")
    assert [(f.code, f.severity, f.line, f.column) for f in found] == [
        ("L100", Severity.ERROR, FIRST_LINE, line.index("wrong") + 1)
    ]
    assert found[0].message.startswith("questions[0].wrong: 'wrong' is only for choice questions")
    assert "quiz packs validate" in found[0].fix


@pytest.mark.parametrize(
    ("texts", "pairs"),
    [
        (["a b c d e", "a b c d e f"], [(0, 1, 83)]),
        (["a b c d", "a b c e"], []),  # 3/5
        (["a b c d", "d c b a", "a b c d"], [(0, 1, 100), (0, 2, 100), (1, 2, 100)]),
        (["", "", "x"], []),
        (["x y z w v", "q r s t u", "x y z w v u"], [(0, 2, 83)]),
    ],
)
def test_similar_word_sets(texts: list[str], pairs: list[tuple[int, int, int]]) -> None:
    assert sorted(similar_word_sets(texts)) == pairs


def test_similar_word_sets_agree_with_every_pair() -> None:
    import random

    rng = random.Random(5)
    texts = [" ".join(rng.sample("abcdefgh", rng.randint(1, 6))) for _ in range(300)]
    brute = []
    for j, b in enumerate(texts):
        for i in range(j):
            x, y = set(texts[i].split()), set(b.split())
            if 5 * len(x & y) >= 4 * len(x | y):
                brute.append((i, j))
    assert sorted((i, j) for i, j, _ in similar_word_sets(texts)) == sorted(brute)


def test_the_readme_documents_every_code_with_its_severity() -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(L\d{3})` \| (error|warning) \|", readme, flags=re.M))
    documented = {rule.code: str(rule.severity) for rule in CHECKS} | {"L100": "error"}
    assert rows == documented


TEXTS = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS, st.lists(TEXTS, min_size=1, max_size=3)), max_size=6))
def test_any_pack_lints_without_crashing(specs: list[tuple[str, str, list[str]]]) -> None:
    lines = [choice(f"q{i}", p, a, w) for i, (p, a, w) in enumerate(specs)]
    lines += [truefalse(f"t{i}", p, i % 2 == 0) for i, (p, _, _) in enumerate(specs)]
    for finding in lint(lines or PLAIN):
        assert finding.code in {"L100"} | {rule.code for rule in CHECKS}
        assert finding.line is None or finding.line >= 1
        assert finding.fix

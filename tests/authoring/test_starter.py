"""The starter pack that ``quiz packs new`` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.authoring.starter import (
    MAX_EXCERPT,
    MAX_STUBS,
    article_source,
    candidate_facts,
    excerpt,
    starter_from_article,
    starter_pack,
)
from quiz.packs import spec
from quiz.packs.load import parse_pack
from quiz.packs.model import QuestionType


@pytest.fixture
def article(sample_article: Path) -> str:
    return sample_article.read_text(encoding="utf-8")


def _uncomment_stubs(text: str) -> str:
    return re.sub(r"^  # ( *(?:- |  )\w+: )", r"  \1", text, flags=re.MULTILINE)


def test_starter_validates_as_it_stands() -> None:
    pack = parse_pack(starter_pack("my-pack", "My pack"), "my-pack.yaml")
    assert (pack.id, pack.title) == ("my-pack", "My pack")
    assert [q.type for q in pack.questions] == list(QuestionType)
    assert pack.defaults.time_limit == 20


def test_first_line_points_editors_at_the_schema() -> None:
    text = starter_pack("p", "P")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=quiz-pack.schema.json"
    assert "quiz packs schema -o quiz-pack.schema.json" in text
    custom = starter_pack("p", "P", schema_ref="https://example.org/pack.json")
    assert custom.startswith("# yaml-language-server: $schema=https://example.org/pack.json\n")


def test_every_field_is_shown_once_with_its_description() -> None:
    text = starter_pack("p", "P")
    groups = [
        spec.TOP_FIELDS,
        spec.PACK_FIELDS,
        spec.SOURCE_FIELDS,
        spec.DEFAULTS_FIELDS,
        spec.QUESTION_FIELDS,
    ]
    for field in (f for group in groups for f in group):
        # the description, then the field itself (some commented out) on the next line
        pattern = rf"# {re.escape(field.description)}\n *(?:# |- )?{field.name}:"
        assert re.search(pattern, text), field.name
    assert text.count("# The right answer:") == 1


def test_title_and_id_are_written_safely() -> None:
    text = starter_pack("odd", 'No: "quotes" # and hash')
    assert parse_pack(text, "odd.yaml").title == 'No: "quotes" # and hash'


def test_article_starter_fills_in_byline_and_date(article: str) -> None:
    text = starter_from_article(article, "harbor-lights.txt", "hl", "Harbor Lights")
    pack = parse_pack(text, "hl.yaml")
    assert pack.source is not None
    assert (pack.source.author, pack.source.date) == ("Nora Whitfield", "2019-03-04")
    assert pack.description == "Questions drawn from harbor-lights.txt."
    assert "quiz packs verify FILE --against harbor-lights.txt" in text
    assert len(pack.questions) == 4  # the stubs are comments


def test_article_facts_are_stubs_that_quote_the_article(article: str) -> None:
    text = starter_from_article(article, "article.txt", "hl", "Harbor Lights")
    answers = re.findall(r"^  #   answer: (.*)$", text, flags=re.MULTILINE)
    for fact in (
        "Marta Quintela",
        "Harbor Lights",
        "Owen Achterberg",
        "Priya Raman",
        "Tomas Lindqvist",
        "1947",
        "34",
        "11",
        "October 9",
        "The Widow’s Lantern",
    ):
        assert fact in answers, fact
    assert len(answers) == len(set(answers)) <= MAX_STUBS
    # Uncommented, the stubs are questions, and each excerpt is in one paragraph.
    pack = parse_pack(_uncomment_stubs(text), "hl.yaml")
    stubs = pack.questions[4:]
    assert len(stubs) == len(answers)
    paragraphs = article.splitlines()
    for q in stubs:
        assert q.source is not None
        assert 0 < len(q.source) <= MAX_EXCERPT
        assert any(q.source in p for p in paragraphs), q.source
        assert q.answer_text in q.source
    numbers = {q.answer for q in stubs if q.type is QuestionType.NUMBER}
    assert {11, 34, 1947} <= numbers


def test_excerpts_are_a_few_words_around_the_fact(article: str) -> None:
    facts = {f.text: f for f in candidate_facts(article)}
    assert facts["11"].excerpt == "the storm sequence over 11 nights in a flooded"
    priya = "a lighthouse keeper and Priya Raman as the marine biologist"
    assert facts["Priya Raman"].excerpt == priya
    assert facts["Tomas Lindqvist"].kind == "name"
    assert facts["1947"].kind == "year"
    assert "Updated" not in facts  # a leading word
    assert "10" not in facts  # part of a time


def test_excerpt_stays_in_its_sentence_and_cuts_at_words() -> None:
    line = "First sentence ends here. Then J.K. Simmons arrives at the studio early today! Next."
    start = line.index("Simmons")
    text = excerpt(line, start, start + len("Simmons"))
    assert text == "Then J.K. Simmons arrives at the studio"
    long_line = "word " * 100 + "Target " + "word " * 100
    start = long_line.index("Target")
    text = excerpt(long_line, start, start + 6)
    assert "Target" in text
    assert len(text) <= MAX_EXCERPT
    assert text in long_line


def test_article_without_a_byline_leaves_source_commented() -> None:
    text = starter_from_article("Just text about Star Wars.\n", "a.txt", "p", "P")
    assert parse_pack(text, "p.yaml").source is None
    assert "#   answer: Star Wars" in text


@pytest.mark.parametrize(
    ("head", "found"),
    [
        (
            "By Jane Doe\nPublished 3 March 2021\n\nText.",
            {"author": "Jane Doe", "date": "2021-03-03"},
        ),
        ("Posted 2019-07-04\nBy Sam Roe", {"author": "Sam Roe", "date": "2019-07-04"}),
        ("No byline here.\nNor a date.", {}),
    ],
)
def test_article_source(head: str, found: dict[str, str]) -> None:
    assert article_source(head) == found


def test_odd_article_names_and_text_stay_in_comments() -> None:
    text = starter_from_article(
        'He said "Stop\x07 Now" on May 5.\n\x1b[31mRed Alert Team\n', "a\nb\u2028.txt", "p", "P"
    )
    pack = parse_pack(_uncomment_stubs(text), "p.yaml")
    assert len(pack.questions) > 4
    assert "a b .txt" in text

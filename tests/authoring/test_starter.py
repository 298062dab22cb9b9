"""The starter pack that ``quiz packs new`` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.authoring.sentences import MAX_EXCERPT, excerpt
from quiz.authoring.starter import article_source, starter_from_article, starter_pack
from quiz.packs import spec
from quiz.packs.load import parse_pack
from quiz.packs.model import QuestionType


@pytest.fixture
def article(sample_article: Path) -> str:
    return sample_article.read_text(encoding="utf-8")


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
    assert pack.description == "Questions drafted from harbor-lights.txt."
    assert "quiz packs verify FILE --against harbor-lights.txt" in text


def test_article_starter_drafts_instead_of_the_examples(article: str) -> None:
    text = starter_from_article(article, "harbor-lights.txt", "hl", "Harbor Lights")
    pack = parse_pack(text, "hl.yaml")
    assert {q.id for q in pack.questions}.isdisjoint({"dolly", "jazz-singer", "clapperboard"})
    assert "TODO" not in text
    assert {q.type for q in pack.questions} == set(QuestionType)
    # Each question says which sentence it came from, above its first field.
    origins = re.findall(r"^  # From paragraph (\d+), sentence (\d+): (.*)$", text, re.M)
    assert len(origins) == len(pack.questions)
    paragraphs = [line for line in article.splitlines() if line.strip()][2:]
    for paragraph, _, sentence in origins:
        assert sentence.rstrip("…") in paragraphs[int(paragraph) - 1]
    # The first question explains every field, as the starter's does.
    assert text.count("# The right answer:") == 1


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


def test_article_without_questions_keeps_the_examples() -> None:
    text = starter_from_article("just words, no names at all.\n", "a.txt", "p", "P")
    pack = parse_pack(text, "p.yaml")
    assert pack.source is None
    assert [q.id for q in pack.questions][:1] == ["dolly"]
    assert "Nothing in a.txt made a question" in text


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
        'Director Mae Okafor said "Stop\x07 Now" on May 5.\n\x1b[31mRed Alert Team\n'
        "Okafor shot it in Paris with Lee Ames.\n",
        "a\nb\u2028.txt",
        "p",
        "P",
    )
    parse_pack(text, "p.yaml")
    assert "a b .txt" in text
    assert all(ch.isprintable() for line in text.splitlines() for ch in line)

"""Provenance: every source excerpt is found in the article, whatever its typography."""

from __future__ import annotations

import json

import pytest

from quiz.authoring.verify import normalise_excerpt, verify_pack
from quiz.packs.load import parse_pack

ARTICLE_TEXT = (
    "By Nora Whitfield\n"
    "“It’s a love letter,” he said — “to the city.”\n"
    "The film… opens   in  September.\u00a0Really!\n"
    "A 1950s-style number\n"
)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("“quoted”", '"quoted"'),
        ("‘single’", "'single'"),
        ("it’s", "it's"),
        ("„low‟", '"low"'),
        ("a — b", "a-b"),
        ("a—b", "a-b"),
        ("a – b", "a-b"),
        ("a -- b", "a-b"),
        ("a--b", "a-b"),
        ("a - b", "a-b"),
        ("a\u2011b", "a-b"),
        ("minus \u2212 one", "minus-one"),
        ("wait…", "wait..."),
        ("UPPER Case", "upper case"),
        ("Straße", "strasse"),
        ("  many \t\n spaces  ", "many spaces"),
        ("no\u00a0break", "no break"),
        ("thin\u2009space", "thin space"),
    ],
)
def test_normalise_excerpt(written: str, normal: str) -> None:
    assert normalise_excerpt(written) == normal


def pack_with_sources(*sources: str | None) -> str:
    lines = ["format: 1", "pack:", "  id: p", "  title: T", "questions:"]
    for i, source in enumerate(sources):
        lines.append(f"  - id: q{i}")
        lines.append("    type: text")
        lines.append("    prompt: P")
        lines.append("    answer: A")
        if source is not None:
            lines.append(f"    source: {json.dumps(source, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def test_excerpts_are_found_whatever_the_typography() -> None:
    pack = parse_pack(
        pack_with_sources(
            "by nora whitfield",
            '"It\'s a love letter," he said - "to the city."',
            "The film... opens in September. Really!",
            "a 1950s—style number",
        ),
        "p.yaml",
    )
    report = verify_pack(pack, ARTICLE_TEXT, "article.txt")
    assert report.ok
    assert report.found == ["q0", "q1", "q2", "q3"]
    assert report.missing == []
    assert report.unsourced == []


def test_missing_excerpt_is_reported_with_its_id_and_line() -> None:
    pack = parse_pack(pack_with_sources("By Nora Whitfield", "a made-up quotation"), "p.yaml")
    report = verify_pack(pack, ARTICLE_TEXT, "article.txt")
    assert not report.ok
    assert report.found == ["q0"]
    assert report.missing == [("q1", 11, "a made-up quotation")]


def test_a_reworded_excerpt_is_missing() -> None:
    pack = parse_pack(pack_with_sources("By Norah Whitfield"), "p.yaml")
    assert verify_pack(pack, ARTICLE_TEXT, "a").missing == [("q0", 6, "By Norah Whitfield")]


def test_words_split_across_lines_in_the_article_are_found() -> None:
    pack = parse_pack(pack_with_sources("he said — “to the city.” The film"), "p.yaml")
    assert verify_pack(pack, ARTICLE_TEXT, "a").ok


def test_unsourced_questions_are_listed_but_do_not_fail() -> None:
    pack = parse_pack(pack_with_sources(None, "By Nora Whitfield", None), "p.yaml")
    report = verify_pack(pack, ARTICLE_TEXT, "article.txt")
    assert report.ok
    assert report.unsourced == [("q0", 6), ("q2", 15)]


def test_json_report_shape() -> None:
    pack = parse_pack(pack_with_sources("By Nora Whitfield", "not there", None), "p.yaml")
    assert verify_pack(pack, ARTICLE_TEXT, "article.txt").to_json() == {
        "pack": "p",
        "article": "article.txt",
        "ok": False,
        "found": 1,
        "missing": [{"id": "q1", "line": 11, "source": "not there"}],
        "unsourced": [{"id": "q2", "line": 16}],
    }

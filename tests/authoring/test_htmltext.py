"""HTML to clean text, shared by the GIFT importer and article drafting."""

from __future__ import annotations

import html.parser
import re
from typing import Any

import pytest

from quiz.authoring.htmltext import html_to_text, looks_like_html, tidy_spacing


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("What does <i>go</i> mean?", "What does go mean?"),
        ('<div style="color:red">Red <b>text</b></div>', "Red text"),
        ("A <!-- a <b>hidden</b> note --> B", "A B"),  # the whole comment goes
        ("Kept <!-- an unclosed comment hides the rest", "Kept"),
        ("Am&eacute;lie &amp; Nino &#8212; a&nbsp;film", "Amélie & Nino — a film"),
        ("one<br>two<br/>three", "one\ntwo\nthree"),
        ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
        ("<script>alert(1)</script><style>p{}</style>Shown", "Shown"),
        ("Two plus two equals <b>_____</b> .", "Two plus two equals _____."),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("a <a <a <b>bold</b>", "a <a <a bold"),
    ],
)
def test_html_to_text(source: str, text: str) -> None:
    assert html_to_text(source) == text


@pytest.mark.parametrize(
    ("text", "is_html"),
    [("<i>x</i>", True), ("&amp;", True), ("<!--", True), ("1 < 2", False), ("plain", False)],
)
def test_looks_like_html(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_tidy_spacing() -> None:
    assert tidy_spacing("  a  ( b )  ,c  \n\n\n\nd ") == "a (b),c\n\nd"


class _Counting:
    """A stand-in for one of html.parser's patterns that adds up how far it scans."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def match(self, text: str, pos: int = 0) -> Any:
        found = self.pattern.match(text, pos)
        if found is not None:
            self.scanned += found.end() - pos
        return found


@pytest.mark.parametrize("unit", ["<a ", '<a href="', "<b x=1 ", "<i\t"])
def test_work_is_linear_in_the_input(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    counting = _Counting(html.parser.locatestarttagend_tolerant)
    monkeypatch.setattr(html.parser, "locatestarttagend_tolerant", counting)
    source = unit * 20_000 + "end"  # tags that never close
    assert html_to_text(source).endswith("end")
    # The parser's tag scans add up to at most the input's length; without the escaping
    # pass they added up to its square (6 million characters for 6,000).
    assert counting.scanned <= len(source)

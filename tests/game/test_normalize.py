"""Answer normalisation: the form answers are compared in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Top Hat", "top hat"),
        ("The Top Hat", "top hat"),
        ("  the   TOP\tHat \n", "top hat"),
        ("A Star Is Born", "star is born"),
        ("An Officer and a Gentleman", "officer and a gentleman"),
        ("Isn’t This a Lovely Day?", "isnt this a lovely day"),
        (
            "Isn't This a Lovely Day (to Be Caught in the Rain?)",
            "isnt this a lovely day to be caught in the rain",
        ),
        ("Fred & Ginger", "fred and ginger"),
        ("Fred&Ginger", "fred and ginger"),
        ("Café Society", "cafe society"),
        ("Amélie", "amelie"),
        ("Straße", "strasse"),
        ("Crazy, Stupid, Love.", "crazy stupid love"),
        ("modern-day", "modern day"),
        ("modern—day", "modern day"),
        ("modern – day", "modern day"),
        ("“Whiplash”", "whiplash"),
        ("L.A.", "la"),
        ("J.K. Simmons", "jk simmons"),
        ("Mr. Smith", "mr smith"),
        ("Astaire/Rogers", "astaire rogers"),
        ("the 405", "405"),
        ("", ""),
        ("   ", ""),
        ("?!", ""),
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("article", ["the", "a", "an", "The", "A", "AN"])
def test_a_lone_article_is_kept(article: str) -> None:
    assert normalize(article) == article.lower()


def test_leading_articles_are_dropped_while_words_remain() -> None:
    assert normalize("the a b") == "b"
    assert normalize("The A") == "a"
    assert normalize("a the") == "the"


def test_only_leading_articles_are_dropped() -> None:
    assert normalize("Gone with the Wind") == "gone with the wind"
    assert normalize("Theater") == "theater"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_has_no_outer_or_double_whitespace(text: str) -> None:
    result = normalize(text)
    assert result == result.strip()
    assert "  " not in result
    assert all(ch == " " or not ch.isspace() for ch in result)


@given(st.text())
def test_normalize_ignores_case(text: str) -> None:
    assert normalize(text.lower()) == normalize(text)
    assert normalize(text.casefold()) == normalize(text)


@given(st.text(alphabet=st.characters(max_codepoint=0xFF)))
def test_normalize_ignores_case_of_latin_text(text: str) -> None:
    assert normalize(text.upper()) == normalize(text) == normalize(text.swapcase())


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_normalize_of_ascii_is_lowercase_alphanumerics_and_spaces(text: str) -> None:
    assert set(normalize(text)) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ")

"""Finding items and sentences in an article (``authoring.items``, ``authoring.sentences``)."""

from __future__ import annotations

import pytest

from quiz.authoring.draft import draft_article
from quiz.authoring.items import find_items
from quiz.authoring.sentences import markdown_to_text, read_article


def _kinds(text: str) -> dict[str, str]:
    return {key: item.kind for key, item in find_items(read_article(text, "a.txt")).items.items()}


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        ("The film stars Owen Achterberg as a lighthouse keeper.", "Owen Achterberg", "person"),
        ("It was shot by cinematographer Tomas Lindqvist.", "Tomas Lindqvist", "person"),
        ("Whiplash Oscar winner J.K. Simmons is back.", "J.K. Simmons", "person"),
        ("We met Mae Okafor. Later Okafor left.", "Mae Okafor", "person"),
        ("The crew spent a week in Griffith Park.", "Griffith Park", "place"),
        ("The Lisbon-born director returns.", "Lisbon", "place"),
        ("A thriller set in wartime Tangier.", "Tangier", "place"),
        ("She loved 1935’s Top Hat.", "Top Hat", "title"),
        ("She cites “The Widow’s Lantern” as her model.", "The Widow’s Lantern", "title"),
        ("The Night Ferry opens in cinemas on June 3.", "The Night Ferry", "title"),
        ("The Night Ferry opens in cinemas on June 3.", "June 3", "date"),
        ("She cites 1947 as the year.", "1947", "year"),
        ("The crew lost nine days to storms.", "9 days", "number"),
        ("Quintela, 34, shot it.", "34 age", "number"),
    ],
)
def test_items_and_their_kinds(text: str, item: str, kind: str) -> None:
    assert _kinds(text).get(item) == kind


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The crew met Zed Quill at noon.", "cannot tell whether it names a person"),
        ("They drove the 405 home.", "a number that is not a year, an age or a count"),
    ],
)
def test_items_of_no_known_kind_are_left_out(text: str, reason: str) -> None:
    left_out = find_items(read_article(text, "a.txt")).left_out
    assert len(left_out) == 1
    assert left_out[0][1].startswith(reason)


def test_a_lone_capitalised_word_starting_a_sentence_is_no_item() -> None:
    assert _kinds("Nobody believed it. Interestingly, Paris agreed.") == {"Paris": "place"}


@pytest.mark.parametrize(
    ("sentence", "prompt_start"),
    [
        # A quotation closed in this sentence but opened in the one before.
        ("I loved Paris in the rain,” says Ann Lee. She left.", "“I loved"),
        # A quotation opened here and closed in the next sentence.
        ("“Paris was cold,” says Ann Lee, “and wet. We left.”", "“Paris was cold,”"),
    ],
)
def test_prompts_close_the_quotation_marks_they_share_with_neighbours(
    sentence: str, prompt_start: str
) -> None:
    prompts = [d.question["prompt"] for d in draft_article(sentence, "a.txt").questions]
    found = [p for p in prompts if p.startswith(prompt_start)]
    assert found, prompts
    assert all(p.count("“") == p.count("”") for p in prompts)


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("# A *Title*", "A Title"),
        ("Read [the review](https://example.org/x) now.", "Read the review now."),
        ("**Bold** and _em_ and `code`.", "Bold and em and code."),
        ("> - quoted item", "quoted item"),
        ("snake_case_name stays", "snake_case_name stays"),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_head_title_byline_and_date() -> None:
    article = read_article("The Long Night\nBy Ann Lee\nPublished 3 March 2021\n\nText.", "a.txt")
    assert article.head == {"title": "The Long Night", "author": "Ann Lee", "date": "2021-03-03"}
    assert [s.text for s in article.sentences] == ["Text."]

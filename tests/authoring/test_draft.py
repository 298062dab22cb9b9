"""Drafting questions from an article (``authoring.draft``), on sample articles
written for these tests (tests/articles/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.authoring.draft import MAX_DRAFTED, Draft, draft_article
from quiz.authoring.lint import Severity, lint_text
from quiz.authoring.starter import starter_from_article
from quiz.authoring.verify import verify_pack
from quiz.packs.load import parse_pack
from quiz.packs.model import QuestionType
from quiz.packs.spec import MAX_SOURCE

ARTICLES = Path(__file__).resolve().parent.parent / "articles"
SAMPLES = ["harbor-lights.txt", "night-ferry.md", "salt-road.html"]


def _draft(name: str, **options: Any) -> Draft:
    return draft_article((ARTICLES / name).read_text(encoding="utf-8"), name, **options)


def _asked(draft: Draft, prompt: str) -> dict[str, Any]:
    found = [d.question for d in draft.questions if d.question["prompt"] == prompt]
    assert len(found) == 1, [d.question["prompt"] for d in draft.questions]
    return found[0]


# -- each kind of question ------------------------------------------------------------


def test_text_question_blanks_an_item_of_its_sentence() -> None:
    q = _asked(
        _draft("harbor-lights.txt"),
        "The second feature from Lisbon-born director Marta Quintela is a quiet ghost story"
        " set on a fishing island off the coast of _____.",
    )
    assert (q["type"], q["answer"], q["source"]) == ("text", "Maine", "off the coast of Maine")
    assert q["tags"] == ["places"]


def test_text_question_from_a_pattern_accepts_the_surname() -> None:
    q = _asked(_draft("harbor-lights.txt"), "Who is named in the article as the director?")
    assert (q["type"], q["answer"], q["accept"]) == ("text", "Marta Quintela", ["Quintela"])
    assert q["source"] == "second feature from Lisbon-born director Marta Quintela is a quiet ghost"


def test_choice_question_offers_other_people_but_not_its_sentences() -> None:
    q = _asked(_draft("harbor-lights.txt"), "Who plays a lighthouse keeper in Harbor Lights?")
    assert (q["type"], q["answer"]) == ("choice", "Owen Achterberg")
    # Priya Raman is in the same sentence (as the biologist), so never a wrong option.
    assert q["wrong"] == ["Tomas Lindqvist", "Marta Quintela"]
    assert q["source"] == (
        "Harbor Lights stars Owen Achterberg as a lighthouse keeper and Priya Raman as"
    )


def test_choice_question_in_the_answers_own_form() -> None:
    q = _asked(
        _draft("harbor-lights.txt"), "Who said “I grew up hearing these stories on the ferry”?"
    )
    assert (q["answer"], sorted(q["wrong"])) == ("Quintela", ["Achterberg", "Lindqvist", "Raman"])
    assert q["source"] == "“I grew up hearing these stories on the ferry,” says Quintela"


def test_choice_question_on_a_date_offers_nearby_dates() -> None:
    q = _asked(_draft("harbor-lights.txt"), "When does Harbor Lights open in cinemas?")
    assert (q["type"], q["answer"]) == ("choice", "October 9")
    assert q["wrong"] == ["November 9", "September 9", "October 13"]
    assert q["source"] == "Harbor Lights opens in cinemas on October 9"
    assert q["tags"] == ["dates"]


def test_number_questions_for_an_age_a_year_and_a_count() -> None:
    draft = _draft("harbor-lights.txt")
    age = _asked(draft, "How old is Marta Quintela, as the article has it?")
    assert (age["type"], age["answer"], age["source"]) == (
        "number",
        34,
        "on the ferry,” says Quintela, 34, who shot the storm",
    )
    year = _asked(
        draft,
        "She names the _____ melodrama “The Widow’s Lantern” as her model, and credits"
        " cinematographer Tomas Lindqvist with the pale, wet look of the film.",
    )
    assert (year["type"], year["answer"], year["tags"]) == ("number", 1947, ["dates"])
    count = _asked(
        _draft("night-ferry.md"),
        "Mensah, who trained as a sailor for the part, says the crew lost _____ days to storms.",
    )
    assert (count["answer"], count["source"]) == (9, "says the crew lost nine days to storms")


def test_choice_on_a_year_offers_nearby_years_the_grader_tells_apart() -> None:
    q = _asked(_draft("night-ferry.md"), "In which year was Dark Water released?")
    assert (q["type"], q["answer"], q["wrong"]) == ("choice", "1962", ["1974", "1971", "1953"])


def test_truefalse_swaps_an_item_for_one_of_its_kind_or_keeps_the_fact() -> None:
    draft = _draft("harbor-lights.txt")
    false = _asked(draft, "The Widow’s Lantern opens in cinemas on October 9.")
    assert (false["answer"], false["source"]) == (False, "Harbor Lights opens in cinemas on")
    true = _asked(
        draft,
        "“I grew up hearing these stories on the ferry,” says Quintela, 34, who shot the storm"
        " sequence over 11 nights in a flooded car park.",
    )
    assert (true["answer"], true["source"]) == (
        True,
        "the storm sequence over 11 nights in a flooded",
    )


# -- good by construction -------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_drafts_validate_verify_lint_and_have_all_four_types(name: str) -> None:
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    text = starter_from_article(raw, name, "p", "P")
    pack = parse_pack(text, "p.yaml")
    assert {q.type for q in pack.questions} == set(QuestionType)
    report = verify_pack(pack, raw, name)
    assert report.ok, report.missing
    assert not report.unsourced
    assert all(len(q.source or "") <= MAX_SOURCE for q in pack.questions)
    findings = lint_text(text, "p.yaml")
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert [f.render() for f in findings if f.code == "L202"] == []  # no near-duplicates
    for q in pack.questions:
        assert q.prompt.count("“") == q.prompt.count("”"), q.prompt
        assert q.prompt.count('"') % 2 == 0, q.prompt
        assert q.prompt.endswith(("?", ".", "!", ".”", '."', "!”", "?”")), q.prompt


def test_questions_from_one_sentence_are_one_family() -> None:
    draft = _draft("harbor-lights.txt")
    ids = [d.question["id"] for d in draft.questions]
    assert ids[:3] == ["p1-s1--1", "p1-s1--2", "p1-s1--3"]
    assert "october-9" not in ids  # two questions from the last sentence
    assert ids[-2:] == ["p3-s1--1", "p3-s1--2"]
    assert len(set(ids)) == len(ids)


def test_markdown_loses_its_marks_and_fills_in_the_source() -> None:
    draft = _draft("night-ferry.md")
    assert draft.head == {
        "title": "The Night Ferry: a first look",
        "author": "Ada Brennan",
        "date": "2022-05-12",
    }
    prompts = " ".join(d.question["prompt"] for d in draft.questions)
    for mark in ("*", "](", "https"):
        assert mark not in prompts
    assert "in _____." in prompts  # the link [Algeciras](...) became its text


def test_html_leaves_out_page_furniture() -> None:
    draft = _draft("salt-road.html")
    assert draft.head == {"title": "The Salt Road", "author": "Tomasz Wren", "date": "2021-09-14"}
    shown = " ".join(str(v) for d in draft.questions for v in d.question.values())
    for furniture in ("Sign in", "Reviews", "Berlin", "London", "Copyright", "Harbor Lights"):
        assert furniture not in shown


def test_what_cannot_make_a_question_is_left_out_with_its_reason() -> None:
    raw = (
        "The crew met at Pier 405 with Zed Quill and Netflix.\n\n"
        "Director Ana Lopes said “it rains, ” she said.\n\n"
        "Ana Lopes shot it in Paris."
    )
    draft = draft_article(raw, "a.txt")
    left = dict(draft.left_out)
    assert left["Zed Quill"] == "cannot tell whether it names a person, a place or a title"
    assert left["405"] == "a number that is not a year, an age or a count"
    text = starter_from_article(raw, "a.txt", "p", "P")
    assert "# --- Left out of the draft of a.txt" in text
    assert "#   Zed Quill: cannot tell whether" in text


# -- the same draft, another seed, the best N -----------------------------------------


def test_the_same_article_gives_the_same_draft_and_a_seed_other_options() -> None:
    raw = (ARTICLES / "harbor-lights.txt").read_text(encoding="utf-8")
    first = starter_from_article(raw, "a.txt", "p", "P")
    assert starter_from_article(raw, "a.txt", "p", "P") == first
    other = starter_from_article(raw, "a.txt", "p", "P", seed=1)
    assert other != first
    assert parse_pack(other, "p.yaml")


def test_count_keeps_the_best_by_score_in_article_order() -> None:
    every = _draft("harbor-lights.txt").questions
    best = _draft("harbor-lights.txt", count=4).questions
    assert len(best) == 4
    assert [d.order for d in best] == sorted(d.order for d in best)
    assert min(d.score for d in best) >= sorted((d.score for d in every), reverse=True)[3]


# -- work grows with the article ------------------------------------------------------


def test_work_doubles_with_the_article() -> None:
    body = (ARTICLES / "harbor-lights.txt").read_text(encoding="utf-8").split("\n", 3)[3]
    once, twice = draft_article(body * 20, "a.txt"), draft_article(body * 40, "a.txt")
    for counter in ("sentences", "regex_passes"):
        assert twice.work[counter] == 2 * once.work[counter], counter


def test_a_long_line_of_numbers_is_one_pass() -> None:
    line = " ".join(str(n) for n in range(10_000))[:40_000]
    draft = draft_article(line, "numbers.txt")
    assert draft.work == {"sentences": 0, "regex_passes": 1}
    [(what, reason)] = draft.left_out
    assert (what[:10], reason) == ("0 1 2 3 4 ", "longer than a sentence (a list or a table?)")


def test_a_draft_stops_at_its_limit() -> None:
    raw = " ".join(f"Director Ann Lee{n} shot it in Paris." for n in range(MAX_DRAFTED * 3))
    assert len(draft_article(raw, "a.txt").questions) <= MAX_DRAFTED


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab Zq.,“”\"'’-:#*_[]()<>/\n1935 sayin"), max_size=300))
def test_any_text_drafts_a_valid_pack(raw: str) -> None:
    parse_pack(starter_from_article(raw, "a.txt", "p", "P"), "p.yaml")

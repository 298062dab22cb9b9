"""Invariants of the built-in question bank (questions.yaml): film trivia drawn
from one article, fair to a fan (no question gives another away) and checked
against the article when it is beside the checkout."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from quiz.authoring.lint import lint_file
from quiz.authoring.verify import verify_pack
from quiz.game.grade import grade_answer
from quiz.game.leaks import find_leaks
from quiz.game.normalize import normalize
from quiz.packs.builtin import BUILTIN_ID
from quiz.packs.load import load_pack
from quiz.packs.model import Difficulty, Pack, QuestionType

REPO = Path(__file__).resolve().parent.parent
BUILTIN_PACK = REPO / "questions.yaml"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(BUILTIN_PACK, origin="built-in", use_cache=False)


def test_the_builtin_pack_loads(pack: Pack) -> None:
    assert pack.id == BUILTIN_ID
    assert pack.title == "La La Land: a first look"
    assert pack.source is not None
    assert pack.source.publisher == "Entertainment Weekly"
    assert pack.source.date == "2015-12-30"


def test_at_least_50_questions(pack: Pack) -> None:
    assert len(pack.questions) >= 50


def test_every_type_at_least_5_times(pack: Pack) -> None:
    counts = Counter(q.type for q in pack.questions)
    assert {t: counts[t] >= 5 for t in QuestionType} == dict.fromkeys(QuestionType, True)


def test_every_difficulty_at_least_10_times(pack: Pack) -> None:
    mix = pack.difficulty_mix()
    assert all(mix[d] >= 10 for d in Difficulty), mix


def test_true_false_answers_are_not_one_sided(pack: Pack) -> None:
    answers = Counter(q.answer for q in pack.questions if q.type is QuestionType.TRUEFALSE)
    assert abs(answers[True] - answers[False]) <= 2, answers


def test_every_question_is_tagged_from_a_small_set(pack: Pack) -> None:
    tags = Counter(t for q in pack.questions for t in q.tags)
    assert [q.id for q in pack.questions if not q.tags] == []
    assert set(tags) == {
        "people",
        "films",
        "places",
        "music",
        "dance",
        "craft",
        "dates",
        "references",
        "quotes",
    }
    assert min(tags.values()) >= 5, tags


def test_ids_are_unique(pack: Pack) -> None:
    ids = [q.id for q in pack.questions]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_question_has_a_source_found_in_the_article(
    pack: Pack, la_la_land_article: Path
) -> None:
    article = la_la_land_article.read_text(encoding="utf-8")
    report = verify_pack(pack, article, str(la_la_land_article))
    assert report.unsourced == []
    assert report.missing == []
    assert len(report.found) == len(pack.questions)


def test_at_least_30_distinct_sources(pack: Pack) -> None:
    assert len({q.source for q in pack.questions}) >= 30


def test_choice_questions_have_3_wrong_options_without_the_answer(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.CHOICE:
            assert len(q.wrong) >= 3, q.id
            assert isinstance(q.answer, str)
            assert q.answer.casefold() not in {w.casefold() for w in q.wrong}, q.id
            assert len({w.casefold() for w in q.wrong}) == len(q.wrong), q.id


def test_text_answers_are_clean_strings(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.TEXT:
            assert isinstance(q.answer, str), q.id
            assert q.answer, q.id
            assert q.answer == q.answer.strip(), q.id
            assert q.answer.casefold() not in {a.casefold() for a in q.accept}, q.id


def test_answers_have_the_type_of_their_question(pack: Pack) -> None:
    for q in pack.questions:
        if q.type is QuestionType.TRUEFALSE:
            assert isinstance(q.answer, bool), q.id
        elif q.type is QuestionType.NUMBER:
            assert isinstance(q.answer, int | float), q.id
            assert not isinstance(q.answer, bool), q.id


def test_every_question_explains_its_answer(pack: Pack) -> None:
    assert [q.id for q in pack.questions if not q.explanation] == []


def test_default_time_limit_is_20(pack: Pack) -> None:
    assert pack.defaults.time_limit == 20


def test_the_default_scores_board_matches_the_pack(pack: Pack) -> None:
    from quiz.game.board import default_board_key
    from quiz.packs.builtin import BUILTIN_TIME_LIMIT

    assert pack.defaults.time_limit == BUILTIN_TIME_LIMIT
    assert default_board_key() == "la-la-land-first-look/10/timed-20s"


# -- fair to a fan ----------------------------------------------------------------------

# Questions are about the film, never about the magazine piece it is drawn from.
ABOUT_THE_ARTICLE = re.compile(
    r"\b(article|magazine|entertainment weekly|mcgovern|byline|updated|the piece)\b", re.I
)


def test_no_question_is_about_the_article_itself(pack: Pack) -> None:
    assert [q.id for q in pack.questions if ABOUT_THE_ARTICLE.search(q.prompt)] == []
    assert [q.id for q in pack.questions if q.hint and ABOUT_THE_ARTICLE.search(q.hint)] == []


def test_a_fact_that_changed_since_2015_is_said_plainly(pack: Pack) -> None:
    # The film was first due in July 2016 and opened in December 2016.
    release = [q for q in pack.questions if "first due in theaters" in q.prompt]
    assert {q.id for q in release} == {"release-month", "release-day"}
    month = next(q for q in release if q.type is QuestionType.CHOICE)
    assert (month.answer, "December") == ("July", "December")
    assert "December" not in month.wrong


def test_no_question_gives_another_away(pack: Pack) -> None:
    ids = [q.id for q in pack.questions]
    leaks = [(ids[leak.giver], ids[leak.taker], leak.phrase) for leak in find_leaks(pack.questions)]
    assert leaks == []


def test_lint_finds_nothing_to_mend() -> None:
    """No wrong option the grader accepts, no answer in its own question, no repeated
    prompt, no leak, no missing explanation or source (quiz packs lint --strict)."""
    assert [finding.render() for finding in lint_file(BUILTIN_PACK)] == []


def test_no_wrong_option_is_another_questions_answer(pack: Pack) -> None:
    answers = {normalize(s): q.id for q in pack.questions for s in (q.answer_text, *q.accept)}
    clashes = [
        (q.id, w, answers[normalize(w)])
        for q in pack.questions
        for w in q.wrong
        if answers.get(normalize(w), q.id) != q.id
    ]
    assert clashes == []


@pytest.mark.parametrize(
    ("qid", "typed"),
    [
        ("gosling-character", "jazz pianist"),
        ("gosling-character", "pianist"),
        ("stone-character", "an actress"),
        ("ginger-rogers", "Ginger"),
        ("ginger-rogers", "Rogers"),
        ("griffith-park", "Griffith"),
        ("simmons", "Simmons"),
        ("documentary-director", "Andersen"),
        ("shoot-month", "Sept"),
        ("crazy-stupid-love", "crazy stupid love"),
        ("bloody-drumsticks", "drum sticks"),
    ],
)
def test_spellings_a_fan_would_type_are_accepted(pack: Pack, qid: str, typed: str) -> None:
    question = next(q for q in pack.questions if q.id == qid)
    assert grade_answer(question, typed, ()).correct

"""The leak relation: when one question gives away another's answer."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.leaks import LeakIndex, answer_phrases, contains_phrase, find_leaks
from quiz.packs.model import Question, QuestionType

CHOICE, TRUEFALSE, TEXT, NUMBER = (
    QuestionType.CHOICE,
    QuestionType.TRUEFALSE,
    QuestionType.TEXT,
    QuestionType.NUMBER,
)


def text_q(qid: str, prompt: str, answer: str, *, accept: tuple[str, ...] = ()) -> Question:
    return Question(id=qid, type=TEXT, prompt=prompt, answer=answer, accept=accept)


def choice_q(qid: str, prompt: str, answer: str, wrong: tuple[str, ...]) -> Question:
    return Question(id=qid, type=CHOICE, prompt=prompt, answer=answer, wrong=wrong)


TOP_HAT = text_q("top-hat", "Which 1935 film inspired the waltz?", "Top Hat")


@pytest.mark.parametrize(
    ("giver", "leaks", "field"),
    [
        # the answer as a whole phrase, in each field a player sees
        (text_q("g", "Besides Top Hat, which film?", "Swing Time"), True, "prompt"),
        (
            Question(id="g", type=TEXT, prompt="Name it", answer="x y z", hint="Like Top Hat"),
            True,
            "hint",
        ),
        (choice_q("g", "Which film?", "Swing Time", ("Top Hat", "Roberta")), True, "wrong[0]"),
        (choice_q("g", "Which film?", "Top Hat", ("Roberta", "Follow the Fleet")), True, "answer"),
        # compared as grading compares: case, punctuation, accents, articles
        (text_q("g", "Was it THE top-hat, really?", "x"), True, "prompt"),
        (text_q("g", "Astaire's Tôp Hát routine", "x"), True, "prompt"),
        # only whole words: no part of a word, no words apart
        (text_q("g", "The top hatter sang", "x"), False, ""),
        (text_q("g", "A hat on top of it", "x"), False, ""),
        (text_q("g", "Top, then Hat", "x"), False, ""),
        (text_q("g", "“Top Hat!”", "x"), True, "prompt"),  # punctuation is not a word
        # the explanation and source are seen only after answering
        (
            Question(id="g", type=TEXT, prompt="p", answer="x", explanation="Top Hat", source="x"),
            False,
            "",
        ),
        # a true/false statement leaks through its prompt like any other
        (Question(id="g", type=TRUEFALSE, prompt="Top Hat is from 1935", answer=True), True, ""),
    ],
)
def test_what_gives_an_answer_away(giver: Question, leaks: bool, field: str) -> None:
    found = find_leaks([TOP_HAT, giver])
    assert bool(found) is leaks
    if leaks:
        (leak,) = found
        assert (leak.giver, leak.taker, leak.phrase) == (1, 0, "top hat")
        assert not field or leak.field == field


@pytest.mark.parametrize(
    ("taker", "phrases"),
    [
        (text_q("t", "p", "Top Hat"), [("top", "hat")]),
        (text_q("t", "p", "Mia"), []),  # under five letters: found everywhere by chance
        (text_q("t", "p", "Seb's"), []),  # four letters and an apostrophe
        (
            text_q("t", "p", "Sebastian", accept=("Seb", "Sebastian Wilder")),
            [
                ("sebastian",),
                ("sebastian", "wilder"),
            ],
        ),
        (text_q("t", "p", "The Waltz"), [("waltz",)]),  # the article is dropped
        (Question(id="t", type=TRUEFALSE, prompt="p", answer=True), []),
        (Question(id="t", type=NUMBER, prompt="p", answer=1935), []),
        (choice_q("t", "p", "12345 67", ("x",)), []),  # digits are not letters
    ],
)
def test_which_answers_can_leak(taker: Question, phrases: list[tuple[str, ...]]) -> None:
    assert list(answer_phrases(taker)) == phrases


def test_an_accepted_spelling_leaks_too() -> None:
    taker = text_q("t", "Who plays the pianist?", "Ryan Gosling", accept=("Gosling",))
    giver = text_q("g", "Which film did Gosling make next?", "Blade Runner")
    assert [(leak.giver, leak.phrase) for leak in find_leaks([taker, giver])] == [(1, "gosling")]


def test_a_question_never_leaks_itself() -> None:
    own = choice_q("o", "Top Hat or not?", "Top Hat", ("Roberta",))
    assert find_leaks([own]) == []


def test_two_leaks_both_ways_and_one_per_field() -> None:
    a = text_q("a", "Which Whiplash star returns?", "J.K. Simmons")
    b = text_q("b", "Which film starred JK Simmons as a teacher?", "Whiplash")
    found = {(leak.giver, leak.taker, leak.field, leak.phrase) for leak in find_leaks([a, b])}
    assert found == {(0, 1, "prompt", "whiplash"), (1, 0, "prompt", "jk simmons")}


WORDS = st.lists(
    st.sampled_from(["top", "hat", "swing", "time", "waltz", "la", "land"]), max_size=6
)


@given(st.lists(st.tuples(WORDS, WORDS), min_size=1, max_size=6))
def test_the_index_agrees_with_every_pair(specs: list[tuple[list[str], list[str]]]) -> None:
    questions = [
        text_q(f"q{i}", " ".join(prompt) or "p", " ".join(answer) or "a")
        for i, (prompt, answer) in enumerate(specs)
    ]
    pairs = {frozenset((leak.giver, leak.taker)) for leak in find_leaks(questions)}
    brute = set()
    for i, j in itertools.permutations(range(len(questions)), 2):
        words = questions[j].prompt.split()
        if any(contains_phrase(words, p) for p in answer_phrases(questions[i])):
            brute.add(frozenset((i, j)))
    assert pairs == brute
    index = LeakIndex()
    for i, question in enumerate(questions):
        expected = {j for j in range(i) if frozenset((i, j)) in pairs}
        assert index.leaks_with(question) == expected
        assert index.add(question) == i
    assert len(index) == len(questions)

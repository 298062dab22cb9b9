"""The chooser keeps questions that give each other away out of one round."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.game import leaks
from quiz.game.leaks import LeakIndex, find_leaks
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.load import load_pack
from quiz.packs.model import Pack, Question, QuestionType

BUILTIN_PACK = Path(__file__).resolve().parents[2] / "questions.yaml"
DEFAULT_COUNT = 10  # quiz play's default -n
SEEDS = range(50)
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
]


def _name(n: int) -> str:
    """A distinct answer of two made-up words for every n (no word is in another)."""
    return f"{WORDS[n % 12]}{n // 12}x {WORDS[(n // 7) % 12]}zz{n}"


def paired_pack(pairs: int, loners: int, pack_id: str = "leaky") -> Pack:
    """``pairs`` pairs where one prompt names the other's answer, and ``loners`` that leak nothing.

    Pairs first, so the plain file order would put each pair side by side.
    """
    questions: list[Question] = []
    for i in range(pairs):
        answer = _name(2 * i)
        questions.append(
            Question(id=f"asks-{i}", type=QuestionType.TEXT, prompt=f"Who is {i}?", answer=answer)
        )
        questions.append(
            Question(
                id=f"tells-{i}",
                type=QuestionType.TEXT,
                prompt=f"Besides {answer}, who else?",
                answer=_name(2 * i + 1),
            )
        )
    for i in range(loners):
        questions.append(
            Question(
                id=f"alone-{i}",
                type=QuestionType.TEXT,
                prompt=f"Alone {i}?",
                answer=_name(2 * pairs + i),
            )
        )
    return Pack(id=pack_id, title="Leaky", questions=tuple(questions))


def leaking_pairs(asked: list[AskedQuestion]) -> set[frozenset[str]]:
    questions = [a.question for a in asked]
    return {
        frozenset((questions[x.giver].id, questions[x.taker].id)) for x in find_leaks(questions)
    }


def plain_shuffle(pack: Pack, seed: int, count: int) -> list[Question]:
    """What a seed picked before the chooser looked for leaks: the first of the shuffle."""
    pool = list(pack.questions)
    random.Random(seed).shuffle(pool)
    return pool[:count]


def test_the_made_to_leak_pack_leaks_as_intended() -> None:
    pack = paired_pack(pairs=5, loners=10)
    assert len(find_leaks(pack.questions)) == 5


def test_fifty_seeded_rounds_of_a_leaky_pack_hold_no_leaking_pair() -> None:
    pack = paired_pack(pairs=5, loners=10)
    would_have_leaked = 0
    for seed in SEEDS:
        asked = select_questions([pack], count=DEFAULT_COUNT, seed=seed)
        assert len(asked) == DEFAULT_COUNT
        assert leaking_pairs(asked) == set(), seed
        would_have_leaked += bool(find_leaks(plain_shuffle(pack, seed, DEFAULT_COUNT)))
    # The chooser was needed: a plain shuffle puts a pair together in most rounds.
    assert would_have_leaked > 25


@pytest.mark.parametrize(("count", "pairs_in_round"), [(3, 0), (4, 1), (5, 2), (6, 3)])
def test_a_pair_comes_together_only_when_the_pool_runs_out(count: int, pairs_in_round: int) -> None:
    pack = paired_pack(pairs=3, loners=0)  # at most 3 questions without a leak
    for seed in SEEDS:
        asked = select_questions([pack], count=count, seed=seed)
        assert len(asked) == count
        assert len(leaking_pairs(asked)) == pairs_in_round, seed


def test_a_seed_still_replays_its_round() -> None:
    pack = paired_pack(pairs=5, loners=10)
    for seed in (0, 7, 2015):
        first = select_questions([pack], count=DEFAULT_COUNT, seed=seed)
        assert select_questions([pack], count=DEFAULT_COUNT, seed=seed) == first


def test_a_round_without_leaks_is_what_it_always_was() -> None:
    pack = paired_pack(pairs=0, loners=30)
    for seed in SEEDS:
        asked = [a.question for a in select_questions([pack], count=DEFAULT_COUNT, seed=seed)]
        assert asked == plain_shuffle(pack, seed, DEFAULT_COUNT)


class Work:
    """Counts the chooser's leak work: questions indexed, checks made, texts normalised."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.added = self.checks = self.normalised = 0
        monkeypatch.setattr(LeakIndex, "add", self._counting(LeakIndex.add, "added"))
        monkeypatch.setattr(LeakIndex, "leaks_with", self._counting(LeakIndex.leaks_with, "checks"))
        monkeypatch.setattr(leaks, "normalize", self._counting(leaks.normalize, "normalised"))

    def _counting(self, func: Callable[..., Any], name: str) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            setattr(self, name, getattr(self, name) + 1)
            return func(*args)

        return wrapper


@pytest.mark.parametrize("pairs", [0, 5_000])
def test_a_ten_thousand_question_pack_costs_only_the_round(
    monkeypatch: pytest.MonkeyPatch, pairs: int
) -> None:
    pack = paired_pack(pairs=pairs, loners=10_000 - 2 * pairs)
    assert len(pack.questions) == 10_000
    work = Work(monkeypatch)
    asked = select_questions([pack], count=DEFAULT_COUNT, seed=42)
    assert leaking_pairs(asked) == set()
    # Every check is of one candidate against the questions already taken: one
    # check per candidate looked at, and only the ten taken are indexed.
    assert work.added == DEFAULT_COUNT
    assert DEFAULT_COUNT <= work.checks <= 2 * DEFAULT_COUNT
    # Texts normalised: the candidates' answers and fields, never the pool's.
    assert work.normalised <= 6 * work.checks


def test_fifty_seeded_default_rounds_of_the_built_in_pack_hold_no_leaking_pair() -> None:
    pack = load_pack(BUILTIN_PACK, use_cache=False)
    for seed in SEEDS:
        asked = select_questions([pack], count=DEFAULT_COUNT, seed=seed)
        assert len(asked) == min(DEFAULT_COUNT, len(pack.questions))
        assert leaking_pairs(asked) == set(), seed

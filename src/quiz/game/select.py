"""Choosing a round's questions, reproducibly from a seed.

The same seed and the same packs give the same questions in the same order
with the same option order. The pool is the packs sorted by id (so the order
of ``--pack`` options does not matter, just as it does not for the board),
each pack's questions in file order; a pack given twice counts once. Editing
a pack therefore changes which questions a seed picks: a seed replays a
round exactly only against the same pack files.

A round never holds two questions where one gives away the other's answer
(``game.leaks``) while the pool has others to ask instead.
"""

from __future__ import annotations

import random
import shlex
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from quiz.errors import QuizError
from quiz.game.leaks import LeakIndex
from quiz.game.values import as_items, in_order
from quiz.packs.model import Difficulty, Pack, Question, QuestionType
from quiz.packs.spec import question_family
from quiz.packs.tags import normalize_tag

TRUEFALSE_OPTIONS = ("True", "False")
_MAX_LISTED = 12  # tags listed in an error message before "and N more"


class NoQuestionsError(QuizError):
    """The filters leave no question to ask."""


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    pack_id: str
    question: Question
    # choice: the answer and the wrong options, shuffled; truefalse: ("True",
    # "False"); text and number: ().
    options: tuple[str, ...]


def new_seed() -> int:
    """A fresh 32-bit seed, so that an unseeded round can still be replayed."""
    return random.SystemRandom().getrandbits(32)


def select_questions(
    packs: Sequence[Pack],
    *,
    count: int,
    difficulties: Collection[Difficulty] = (),
    tags: Collection[str] = (),
    types: Collection[QuestionType] = (),
    seed: int,
) -> list[AskedQuestion]:
    """Up to ``count`` questions matching every filter, shuffled by ``seed``.

    An empty filter matches anything; ``tags`` matches a question with any of
    them, ignoring case. Raises :class:`NoQuestionsError` (saying which
    filters left nothing and what the packs offer) when nothing matches, and
    :class:`QuizError` when ``count`` is below 1.
    """
    if count < 1:
        raise QuizError(f"the question count must be at least 1, not {count}")
    filters = _Filters.of(difficulties, tags, types)
    pool = [(pack.id, q) for pack in _unique_sorted(packs) for q in pack.questions]
    matching = [(pack_id, q) for pack_id, q in pool if filters.match(q)]
    if not matching:
        raise NoQuestionsError(_no_questions_message(pool, filters))
    rng = random.Random(seed)
    rng.shuffle(matching)
    return [ask_question(pack_id, q, rng) for pack_id, q in without_leaks(matching, count)]


def without_leaks(
    shuffled: Sequence[tuple[str, Question]], count: int
) -> list[tuple[str, Question]]:
    """The first ``count`` of ``shuffled``, passing over any that leaks with one taken
    or is of the same family (``packs.spec.question_family``: blanks of one sentence).

    Greedy, in the seeded order, and checked only against the questions
    already taken (through an index), so a huge pack costs no more than a
    small one. Questions passed over fill the round, in the same order, only
    when the rest run out.
    """
    taken: list[tuple[str, Question]] = []
    passed: list[tuple[str, Question]] = []
    index = LeakIndex()
    families: set[tuple[str, str]] = set()  # imported questions made from one source question
    for item in shuffled:
        if len(taken) == count:
            break
        family = question_family(item[1].id)
        if index.leaks_with(item[1]) or (family is not None and (item[0], family) in families):
            passed.append(item)
            continue
        taken.append(item)
        index.add(item[1])
        if family is not None:
            families.add((item[0], family))
    return taken + passed[: count - len(taken)]


def _unique_sorted(packs: Iterable[Pack]) -> list[Pack]:
    by_id: dict[str, Pack] = {}
    for pack in packs:
        by_id.setdefault(pack.id, pack)
    return [by_id[pack_id] for pack_id in sorted(by_id)]


def ask_question(pack_id: str, question: Question, rng: random.Random) -> AskedQuestion:
    """A question as it is asked: a choice question's options shuffled by ``rng``."""
    options: tuple[str, ...] = ()
    if question.type is QuestionType.CHOICE:
        shuffled = [question.answer_text, *question.wrong]
        rng.shuffle(shuffled)
        options = tuple(shuffled)
    elif question.type is QuestionType.TRUEFALSE:
        options = TRUEFALSE_OPTIONS
    return AskedQuestion(pack_id=pack_id, question=question, options=options)


@dataclass(frozen=True, slots=True)
class _Filters:
    difficulties: frozenset[str]
    tags: frozenset[str]  # as normalize_tag makes them, for matching
    types: frozenset[str]
    typed_tags: frozenset[str] = frozenset()  # as typed, for messages

    @classmethod
    def of(
        cls,
        difficulties: Collection[Difficulty],
        tags: Collection[str],
        types: Collection[QuestionType],
    ) -> _Filters:
        return cls(
            difficulties=frozenset(str(d).casefold() for d in as_items(difficulties)),
            tags=frozenset(normalize_tag(t) for t in as_items(tags)),
            types=frozenset(str(t).casefold() for t in as_items(types)),
            typed_tags=frozenset(t.casefold() for t in as_items(tags)),
        )

    def match(self, q: Question) -> bool:
        return self.match_difficulty(q) and self.match_tags(q) and self.match_type(q)

    def match_difficulty(self, q: Question) -> bool:
        return not self.difficulties or str(q.difficulty) in self.difficulties

    def match_tags(self, q: Question) -> bool:
        return not self.tags or any(normalize_tag(t) in self.tags for t in q.tags)

    def match_type(self, q: Question) -> bool:
        return not self.types or str(q.type) in self.types

    def flags(self) -> str:
        """The filters as the command-line options that set them."""
        parts = [f"--difficulty {d}" for d in in_order(self.difficulties, Difficulty)]
        parts += [f"--tag {shlex.quote(t)}" for t in sorted(self.typed_tags)]
        parts += [f"--type {t}" for t in in_order(self.types, QuestionType)]
        return " ".join(parts)


def _no_questions_message(pool: Sequence[tuple[str, Question]], filters: _Filters) -> str:
    questions = [q for _, q in pool]
    if not questions:
        return "the selected packs have no questions"
    head = f"no questions match {filters.flags()}"
    checks: list[tuple[Callable[[Question], bool], str, Sequence[str]]] = [
        (
            filters.match_difficulty,
            "difficulties",
            in_order({str(q.difficulty) for q in questions}, Difficulty),
        ),
        (
            filters.match_tags,
            "tags",
            list(dict.fromkeys(t.casefold() for q in questions for t in q.tags)),
        ),
        (filters.match_type, "types", in_order({str(q.type) for q in questions}, QuestionType)),
    ]
    offers = [
        f"the packs have {name}: {_listing(values)}"
        for match, name, values in checks
        if not any(match(q) for q in questions)
    ]
    if not offers:
        return f"{head}: each matches some questions, but none matches them all; use fewer filters"
    return f"{head}; " + "; ".join(offers)


def _listing(values: Sequence[str]) -> str:
    if not values:
        return "none"
    shown = ", ".join(values[:_MAX_LISTED])
    more = len(values) - _MAX_LISTED
    return f"{shown} and {more} more" if more > 0 else shown

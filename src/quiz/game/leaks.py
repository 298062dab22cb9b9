"""When one question gives away another's answer.

Question B *leaks* question A when A's answer, or one of A's accepted
spellings, appears as a whole phrase in B's prompt, hint or options (a choice
question's options are its answer and its wrong options). Both sides are
compared in the form grading compares answers in (:func:`normalize`), word by
word, so "Top Hat" is found in "Astaire's Top Hat waltz" but not in "top
hatter". Only answers of :data:`MIN_LEAK_LETTERS` letters or more count:
shorter ones ("Mia", "1935", true/false) turn up everywhere by chance.

Everything here works through an index keyed by phrase, so the cost grows
with the text of the questions indexed, never with the number of pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quiz.game.normalize import normalize
from quiz.packs.model import Question, QuestionType

MIN_LEAK_LETTERS = 5

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Leak:
    """``giver`` shows ``phrase``, an answer of ``taker``, in ``field``."""

    giver: int  # index of the question that gives the answer away
    taker: int  # index of the question whose answer is given away
    field: str  # "prompt", "hint", "answer" or "wrong[i]" of the giver
    phrase: str  # the normalised answer found


def answer_phrases(question: Question) -> tuple[Phrase, ...]:
    """The question's answer and accepted spellings that can leak, as word tuples.

    True/false and number answers never leak, nor does a spelling with fewer
    than :data:`MIN_LEAK_LETTERS` letters once normalised.
    """
    if question.type in (QuestionType.TRUEFALSE, QuestionType.NUMBER):
        return ()
    found: dict[Phrase, None] = {}
    for spelling in (question.answer_text, *question.accept):
        words = words_of(spelling)
        if sum(ch.isalpha() for word in words for ch in word) >= MIN_LEAK_LETTERS:
            found[words] = None
    return tuple(found)


def shown_texts(question: Question) -> tuple[tuple[str, str], ...]:
    """(field, text) for everything a player sees before answering."""
    fields: list[tuple[str, str]] = [("prompt", question.prompt)]
    if question.hint is not None:
        fields.append(("hint", question.hint))
    if question.type is QuestionType.CHOICE:
        fields.append(("answer", question.answer_text))
        fields += [(f"wrong[{i}]", w) for i, w in enumerate(question.wrong)]
    return tuple(fields)


def contains_phrase(words: Sequence[str], phrase: Phrase) -> bool:
    """Whether ``phrase`` occurs in ``words`` as a run of whole words."""
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


@lru_cache(maxsize=1 << 17)
def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text`` normalised as answers are (cached: a pack's texts
    are looked at by several checks, and normalising is the costly part)."""
    return tuple(normalize(text).split())


def shows_phrase(text: str, phrase: Phrase) -> bool:
    """Whether ``text``, normalised as answers are, holds ``phrase`` as whole words."""
    return contains_phrase(words_of(text), phrase)


def _windows(words: Sequence[str], sizes: Iterable[int]) -> Iterator[Phrase]:
    for size in sizes:
        for i in range(len(words) - size + 1):
            yield tuple(words[i : i + size])


class LeakIndex:
    """Questions added one at a time; asks whether a newcomer leaks with any of them.

    Keeps the answers added (phrase -> questions) and, for each phrase length
    asked about, the word runs of the texts added (run -> questions), so a
    check costs the length of the newcomer's text, not the number added.
    """

    def __init__(self) -> None:
        self._answers: dict[Phrase, set[int]] = {}
        self._texts: list[tuple[int, tuple[str, ...]]] = []  # (question, words of one field)
        self._runs: dict[int, dict[Phrase, set[int]]] = {}  # run length -> run -> questions
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, question: Question) -> int:
        """Index ``question``; returns the number it is known by."""
        number = self._count
        self._count += 1
        for phrase in answer_phrases(question):
            self._answers.setdefault(phrase, set()).add(number)
        for _, text in shown_texts(question):
            words = words_of(text)
            self._texts.append((number, words))
            for size, runs in self._runs.items():
                for run in _windows(words, (size,)):
                    runs.setdefault(run, set()).add(number)
        return number

    def leaks_with(self, question: Question) -> set[int]:
        """The questions added that ``question`` leaks, or that leak it."""
        found: set[int] = set()
        sizes = sorted({len(p) for p in self._answers})
        for _, text in shown_texts(question):
            for run in _windows(words_of(text), sizes):
                found |= self._answers.get(run, set())
        for phrase in answer_phrases(question):
            found |= self._runs_of(len(phrase)).get(phrase, set())
        return found

    def _runs_of(self, size: int) -> dict[Phrase, set[int]]:
        runs = self._runs.get(size)
        if runs is None:
            runs = {}
            for number, words in self._texts:
                for run in _windows(words, (size,)):
                    runs.setdefault(run, set()).add(number)
            self._runs[size] = runs
        return runs


def find_leaks(questions: Sequence[Question]) -> list[Leak]:
    """Every (giver, taker, field) where one question gives away another's answer.

    In question order, then field order. One index of all the answers, then
    one pass over every question's text: linear in the pack's size.
    """
    answers: dict[Phrase, list[int]] = {}
    for number, question in enumerate(questions):
        for phrase in answer_phrases(question):
            answers.setdefault(phrase, []).append(number)
    # Longest first, so a leak is reported by the fullest spelling found.
    sizes = sorted({len(p) for p in answers}, reverse=True)
    leaks: list[Leak] = []
    for giver, question in enumerate(questions):
        for field, text in shown_texts(question):
            seen: set[int] = set()
            for run in _windows(words_of(text), sizes):
                for taker in answers.get(run, ()):
                    if taker != giver and taker not in seen:
                        seen.add(taker)
                        leaks.append(Leak(giver, taker, field, " ".join(run)))
    return leaks

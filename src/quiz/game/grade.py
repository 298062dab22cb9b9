"""Grading a player's answer: what they meant, and whether it is right.

Two steps, so that a typo in the *form* of an answer costs nothing:
:func:`check_input` says whether an answer can be graded at all (if not, the
session asks again with its message), and :func:`grade_answer` grades it.

A close misspelling of a text answer counts: within a Levenshtein distance
of ``max(1, len // 5)`` of the normalised answer or an accepted spelling,
never for answers of three characters or fewer, and never when the text is
at least as close to a wrong option.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.game.distance import levenshtein
from quiz.game.normalize import normalize
from quiz.game.numbers import parse_number
from quiz.packs.model import Question, QuestionType, format_number

__all__ = [
    "MAX_ANSWER_LENGTH",
    "Grade",
    "check_input",
    "grade_answer",
    "misspelling_limit",
    "parse_choice",
    "parse_number",
    "parse_truefalse",
]

# Answers this short have near neighbours that are different answers ("Tom",
# "Tim"), so they must be spelt exactly.
_MIN_FUZZY_LENGTH = 4
_TRUE = frozenset({"t", "true", "y", "yes", "1"})
_FALSE = frozenset({"f", "false", "n", "no", "0"})
_LETTERS = string.ascii_lowercase
# No answer is this long; refusing longer input keeps a pasted page from
# costing seconds of normalising.
MAX_ANSWER_LENGTH = 1000


@dataclass(frozen=True, slots=True)
class Grade:
    correct: bool
    close: bool  # accepted as a close misspelling: show the official spelling
    given: str  # the answer as understood, for display ("Top Hat", "True", "30")


def misspelling_limit(normalized_answer: str) -> int:
    """The largest edit distance accepted for this answer; 0 means exact only."""
    if len(normalized_answer) < _MIN_FUZZY_LENGTH:
        return 0
    return max(1, len(normalized_answer) // 5)


def parse_choice(raw: str, options: Sequence[str]) -> str | None:
    """The option chosen by letter ("b"), number ("2") or text; None if not understood."""
    found = _match_choice(raw, options)
    return found[0] if found else None


def parse_truefalse(raw: str) -> bool | None:
    """True for t/true/y/yes/1, False for f/false/n/no/0; None otherwise."""
    word = raw.strip().rstrip(".!").strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def check_input(question: Question, raw: str, options: Sequence[str]) -> str | None:
    """None if ``raw`` can be graded, else what the player should type instead."""
    if not raw.strip():
        return "Type an answer"
    if len(raw) > MAX_ANSWER_LENGTH:
        return "Type a shorter answer"
    if question.type is QuestionType.CHOICE:
        shown = _choice_options(question, options)
        if _match_choice(raw, shown) is None:
            return _choice_help(len(shown))
    elif question.type is QuestionType.TRUEFALSE:
        if _truefalse(raw, options) is None:
            return "Type true or false (t/f, y/n)"
    elif question.type is QuestionType.NUMBER:
        if parse_number(raw) is None:
            return "Type a number"
    elif not normalize(raw) and normalize(question.answer_text):
        # Only punctuation: most likely a slip of the finger, not an answer.
        return "Type an answer"
    return None


def grade_answer(question: Question, raw: str, options: Sequence[str]) -> Grade:
    """Grade ``raw`` against ``question``; never raises.

    ``options`` are the options as shown (for choice after 50:50, the ones
    left); empty for other types. An answer that :func:`check_input` refuses
    grades as wrong.
    """
    if len(raw) > MAX_ANSWER_LENGTH:
        return Grade(correct=False, close=False, given=raw.strip()[:MAX_ANSWER_LENGTH])
    if question.type is QuestionType.CHOICE:
        return _grade_choice(question, raw, _choice_options(question, options))
    if question.type is QuestionType.TRUEFALSE:
        value = _truefalse(raw, options)
        if value is None:
            return Grade(correct=False, close=False, given=raw.strip())
        return Grade(correct=value is question.answer, close=False, given=str(value))
    if question.type is QuestionType.NUMBER:
        return _grade_number(question, raw)
    return _grade_text(question, raw)


def _grade_choice(question: Question, raw: str, options: Sequence[str]) -> Grade:
    found = _match_choice(raw, options)
    if found is None:
        return Grade(correct=False, close=False, given=raw.strip())
    option, close = found
    correct = option == question.answer_text
    # Recognised from a misspelling: it must also be nearer to the answer than
    # to every wrong option, those removed by 50:50 included, or it is not the
    # answer they meant (and not one to show as theirs).
    if correct and close and not _strictly_closest(normalize(raw), [option], question.wrong):
        return Grade(correct=False, close=False, given=raw.strip())
    return Grade(correct=correct, close=correct and close, given=option)


def _grade_number(question: Question, raw: str) -> Grade:
    value = parse_number(raw)
    answer = question.answer
    if value is None or isinstance(answer, bool | str):
        return Grade(correct=False, close=False, given=raw.strip())
    distance = abs(value - answer)
    tolerance = abs(question.tolerance)
    # isclose: 1.0 is within 0.1 of 1.1, though the float difference is not.
    correct = distance <= tolerance or _isclose(distance, tolerance)
    return Grade(correct=correct, close=False, given=format_number(value))


def _isclose(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _grade_text(question: Question, raw: str) -> Grade:
    given = normalize(raw)
    spellings = [normalize(str(s)) for s in (question.answer, *question.accept)]
    if given in spellings:
        return Grade(correct=True, close=False, given=raw.strip())
    close = _strictly_closest(given, [str(question.answer), *question.accept], ())
    return Grade(correct=close, close=close, given=raw.strip())


def _strictly_closest(given: str, right: Sequence[str], wrong: Sequence[str]) -> bool:
    """Whether ``given`` (normalised) is a close misspelling of one of the
    ``right`` spellings and strictly nearer to it than to every ``wrong`` one."""
    best: int | None = None
    for spelling in right:
        target = normalize(spelling)
        limit = misspelling_limit(target)
        if limit == 0:
            continue
        distance = levenshtein(given, target, limit)
        if distance <= limit and (best is None or distance < best):
            best = distance
    if best is None:
        return False
    return all(levenshtein(given, normalize(w), best) > best for w in wrong)


def _match_choice(raw: str, options: Sequence[str]) -> tuple[str, bool] | None:
    """(option, chosen-by-misspelling) for ``raw``, or None.

    An option's own text wins over a label, so in a pack whose options are
    years or single letters, typing what is shown picks what is shown.
    """
    given = normalize(raw)
    if not given:
        return None
    for option in options:
        if normalize(option) == given:
            return option, False
    labelled = _by_label(raw.strip(), options)
    if labelled is not None:
        return labelled, False
    return _by_misspelling(given, options)


def _by_label(raw: str, options: Sequence[str]) -> str | None:
    """The option a letter ("b", "B)", "(b)") or 1-based number ("2", "2.") names."""
    label = raw.strip("()[].:").strip().casefold()
    index: int | None = None
    if len(label) == 1 and label in _LETTERS:
        index = _LETTERS.index(label)
    elif label.isascii() and label.isdigit() and len(label) <= 3:
        index = int(label) - 1
    if index is None or not 0 <= index < len(options):
        return None
    return options[index]


def _by_misspelling(given: str, options: Sequence[str]) -> tuple[str, bool] | None:
    """The one option ``given`` is a close misspelling of, nearer than all others."""
    for i, option in enumerate(options):
        others = [*options[:i], *options[i + 1 :]]
        if _strictly_closest(given, [option], others):
            return option, True
    return None


def _choice_options(question: Question, options: Sequence[str]) -> Sequence[str]:
    if options:
        return options
    # Not shown any options (a caller grading outside a round): the pack order.
    return [question.answer_text, *question.wrong]


def _choice_help(count: int) -> str:
    if count <= 1:
        return "Type the letter A, or the option's text"
    last = _LETTERS[min(count, len(_LETTERS)) - 1].upper()
    return f"Type a letter A-{last}, or the option's text"


def _truefalse(raw: str, options: Sequence[str]) -> bool | None:
    value = parse_truefalse(raw)
    if value is None and options:
        # The session may show True and False as lettered options, A and B.
        option = _by_label(raw.strip(), options)
        value = parse_truefalse(option) if option is not None else None
    return value

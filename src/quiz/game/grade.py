"""Grading a player's answer: what they meant, and whether it is right.

Two steps, so that a typo in the *form* of an answer costs nothing:
:func:`check_input` says whether an answer can be graded at all (if not, the
session asks again with its message), and :func:`grade_answer` grades it.

A close misspelling of a text answer counts (see :func:`misspelling_distance`):
word by word, within an edit distance of ``max(1, len // 5)`` of the
normalised answer or an accepted spelling, where swapping two neighbouring
letters is one edit; never on the first letter of a word, never on a word of
three letters or fewer, and never when the text is at least as close to a
wrong option.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.game.distance import edit_distance
from quiz.game.labels import label_index, letter_range, removed_label
from quiz.game.normalize import ARTICLES, MAX_ANSWER_LENGTH, normalize
from quiz.game.numbers import parse_number
from quiz.packs.model import Question, QuestionType, format_number

__all__ = [
    "MAX_ANSWER_LENGTH",
    "Grade",
    "check_input",
    "chosen_option",
    "grade_answer",
    "is_close_misspelling",
    "misspelling_distance",
    "misspelling_limit",
    "parse_choice",
    "parse_number",
    "parse_truefalse",
]

# Answers this short have near neighbours that are different answers ("Tom",
# "Tim"), so they must be spelt exactly; so must every word this short
# ("Top Cat" is not "Top Hat").
_MIN_FUZZY_LENGTH = 4
_TRUE = frozenset({"t", "true", "y", "yes", "yep", "yeah", "1"})
_FALSE = frozenset({"f", "false", "n", "no", "nope", "nah", "0"})
_TRUEFALSE_HELP = "Type true or false (t/f, y/n)"


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


def misspelling_distance(given: str, answer: str) -> int | None:
    """The edits from ``given`` to ``answer`` (both normalised) when ``given``
    is a close misspelling of it, else None.

    Compared word by word: each word keeps its first letter, words of three
    letters or fewer must match exactly, and the edits of all words together
    stay within :func:`misspelling_limit`. Words run together or split apart
    ("spiderman", "spider man") count one edit per space.
    """
    limit = misspelling_limit(answer)
    if limit == 0:
        return None
    typed, wanted = given.split(), answer.split()
    if len(typed) != len(wanted):
        spaces = abs(len(typed) - len(wanted))
        joined = "".join(typed) == "".join(wanted)
        return spaces if joined and spaces <= limit else None
    total = 0
    for word, target in zip(typed, wanted, strict=True):
        if word == target:
            continue
        if min(len(word), len(target)) < _MIN_FUZZY_LENGTH or word[0] != target[0]:
            return None
        total += edit_distance(word, target, limit - total)
        if total > limit:
            return None
    return total


def is_close_misspelling(given: str, answer: str) -> bool:
    """Whether the grader would take ``given`` for ``answer`` as a misspelling
    (or as the same answer), wrong options aside."""
    a, b = normalize(given), normalize(answer)
    return a == b or misspelling_distance(a, b) is not None


def parse_choice(raw: str, options: Sequence[str]) -> str | None:
    """The option chosen by text, letter ("b"), number ("2"), a word in only
    that option ("Chazelle") or a close misspelling; None if not understood."""
    found = _match_choice(raw, options, options)
    return found[0] if isinstance(found, tuple) else None


def chosen_option(raw: str, options: Sequence[str], *, labels: Sequence[str] = ()) -> str | None:
    """The option a choice answer names for certain: by its text, its label
    (lettered as in ``labels``, by default ``options``) or a word only it has.

    None for anything else, a close misspelling included (grading decides
    those, against the wrong options too).
    """
    found = _match_choice(raw, options, labels or options)
    return found[0] if isinstance(found, tuple) and not found[1] else None


def parse_truefalse(raw: str) -> bool | None:
    """True for t/true/y/yes/yep/yeah/1, False for f/false/n/no/nope/nah/0; else None."""
    word = raw.strip().rstrip(".!").strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def check_input(
    question: Question, raw: str, options: Sequence[str], *, labels: Sequence[str] = ()
) -> str | None:
    """None if ``raw`` can be graded, else what the player should type instead.

    ``options`` are the options as shown; ``labels`` the options in the order
    they were lettered when first shown (by default ``options``), so that a
    letter names the same option before and after 50:50.
    """
    if not raw.strip():
        return "Type an answer"
    if len(raw) > MAX_ANSWER_LENGTH:
        return "Type a shorter answer"
    if question.type is QuestionType.CHOICE:
        return _check_choice(question, raw, options, labels)
    if question.type is QuestionType.TRUEFALSE:
        return _TRUEFALSE_HELP if _truefalse(raw, options, labels) is None else None
    if question.type is QuestionType.NUMBER:
        return "Type a number" if parse_number(raw) is None else None
    if not normalize(raw) and normalize(question.answer_text):
        # Only punctuation: most likely a slip of the finger, not an answer.
        return "Type an answer"
    return None


def grade_answer(
    question: Question, raw: str, options: Sequence[str], *, labels: Sequence[str] = ()
) -> Grade:
    """Grade ``raw`` against ``question``; never raises.

    ``options`` are the options as shown (for choice after 50:50, the ones
    left); empty for other types. ``labels`` as for :func:`check_input`. An
    answer that :func:`check_input` refuses grades as wrong.
    """
    if len(raw) > MAX_ANSWER_LENGTH:
        return Grade(correct=False, close=False, given=raw.strip()[:MAX_ANSWER_LENGTH])
    if question.type is QuestionType.CHOICE:
        shown = _choice_options(question, options)
        return _grade_choice(question, raw, shown, labels or shown)
    if question.type is QuestionType.TRUEFALSE:
        value = _truefalse(raw, options, labels)
        if value is None:
            return Grade(correct=False, close=False, given=raw.strip())
        return Grade(correct=value is question.answer, close=False, given=str(value))
    if question.type is QuestionType.NUMBER:
        return _grade_number(question, raw)
    return _grade_text(question, raw)


def _check_choice(
    question: Question, raw: str, options: Sequence[str], labels: Sequence[str]
) -> str | None:
    shown = _choice_options(question, options)
    found = _match_choice(raw, shown, labels or shown)
    if isinstance(found, tuple):
        return None
    letters = letter_range(labels or shown, shown)
    if found == _REMOVED:
        label = removed_label(raw, labels or shown, shown)
        return f"{label} was removed by 50:50; type {letters}"
    if found == _AMBIGUOUS:
        return f"More than one option has that word; type a letter {letters}"
    if len(shown) <= 1:
        return f"Type the letter {letters}, or the option's text"
    return f"Type a letter {letters}, or the option's text"


def _grade_choice(
    question: Question, raw: str, shown: Sequence[str], labels: Sequence[str]
) -> Grade:
    found = _match_choice(raw, shown, labels)
    if not isinstance(found, tuple):
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
    # Tight: float rounding is about 1e-16 of the values, and 1.0005 must
    # not count as 1 when the tolerance is 0.
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
    distances = [misspelling_distance(given, normalize(s)) for s in right]
    best = min((d for d in distances if d is not None), default=None)
    if best is None:
        return False
    return all(edit_distance(given, normalize(w), best) > best for w in wrong)


# Why a choice was not understood, when it is worth saying.
_REMOVED = "removed"  # a label naming an option 50:50 removed
_AMBIGUOUS = "ambiguous"  # a word found in more than one option


def _match_choice(
    raw: str, shown: Sequence[str], labels: Sequence[str]
) -> tuple[str, bool] | str | None:
    """(option, chosen-by-misspelling) for ``raw``, or why not (None: not understood).

    In order: an option's own text (so in a pack whose options are years or
    single letters, typing what is shown picks what is shown), a label, a
    whole word found in exactly one option, a close misspelling.
    """
    typed = raw.strip()
    given = normalize(raw)
    for option in shown:
        if normalize(option) == given and (given or option.strip() == typed):
            return option, False
    index = label_index(raw, len(labels))
    if index is not None:
        return (labels[index], False) if labels[index] in shown else _REMOVED
    if not given:
        return None
    holders = _options_with_words(given, shown)
    if len(holders) == 1:
        return holders[0], False
    if len(holders) > 1:
        return _AMBIGUOUS
    return _by_misspelling(given, shown)


def _options_with_words(given: str, shown: Sequence[str]) -> list[str]:
    """The options that contain the one word ``given`` ("stone" in "Emma Stone")."""
    if " " in given or given in ARTICLES or len(given) == 1:
        return []
    return [o for o in shown if f" {given} " in f" {normalize(o)} "]


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


def _truefalse(raw: str, options: Sequence[str], labels: Sequence[str]) -> bool | None:
    value = parse_truefalse(raw)
    if value is None and options:
        # The session may show True and False as lettered options, A and B.
        lettered = labels or options
        index = label_index(raw, len(lettered))
        value = parse_truefalse(lettered[index]) if index is not None else None
    return value

"""The checks of ``quiz packs lint``, one function each, and the table of codes.

Errors (L1xx) break grading or give the answer away inside one question;
warnings (L2xx) are about quality. Every threshold is a named constant here,
and the README's table of codes states the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from quiz.authoring.lint import Finding, Position, Positions, Severity
from quiz.game.grade import grade_answer
from quiz.game.leaks import answer_phrases, find_leaks, shows_phrase, words_of
from quiz.packs.model import Pack, Question, QuestionType

# L202: prompts whose sets of normalised words have a Jaccard index of at
# least 4/5 (shared words over all words) are near-duplicates.
NEAR_DUPLICATE = (4, 5)
# L203: a choice answer is conspicuously long when it is more than twice the
# longest wrong option and at least 15 characters longer.
LONG_ANSWER_RATIO = 2
LONG_ANSWER_MARGIN = 15
# L204: true/false answers are one-sided when at least 3/4 go one way, in a
# pack with at least 8 true/false questions.
ONE_SIDED = (3, 4)
ONE_SIDED_MIN_QUESTIONS = 8

Emit = Callable[[Position | None, str, str], Finding]
Check = Callable[[Pack, Positions, Emit], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    check: Check

    def run(self, pack: Pack, positions: Positions, label: str) -> Iterable[Finding]:
        def emit(at: Position | None, message: str, fix: str) -> Finding:
            line, column = at if at is not None else (None, None)
            return Finding(label, line, column, self.code, self.severity, message, fix)

        return self.check(pack, positions, emit)


def _line(positions: Positions, index: int, question: Question) -> int | None:
    at = positions.of(index)
    return at[0] if at is not None else question.line


# -- errors -------------------------------------------------------------------------------


def wrong_option_accepted(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L101: the grader, given a wrong option as typed text, accepts it for the answer."""
    for i, q in enumerate(pack.questions):
        if q.type is not QuestionType.CHOICE:
            continue
        typed = replace(q, type=QuestionType.TEXT, wrong=(), accept=())
        for j, wrong in enumerate(q.wrong):
            grade = grade_answer(typed, wrong, ())
            if not grade.correct:
                continue
            how = "a close misspelling of it" if grade.close else "the same answer once normalised"
            yield emit(
                at.of(i, f"wrong[{j}]"),
                f"question '{q.id}': the grader accepts the wrong option '{wrong}' "
                f"for the answer '{q.answer_text}' ({how})",
                "choose a wrong option that cannot be mistaken for the answer",
            )


def answer_in_own_question(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L102: the prompt or hint names the question's own answer (a phrase of 5+ letters)."""
    for i, q in enumerate(pack.questions):
        phrases = answer_phrases(q)
        for field, text in (("prompt", q.prompt), ("hint", q.hint)):
            found = next((p for p in phrases if text and shows_phrase(text, p)), None)
            if found is not None:
                yield emit(
                    at.of(i, field),
                    f"question '{q.id}': the {field} contains its own answer '{' '.join(found)}'",
                    f"reword the {field} so that it does not name the answer",
                )


def same_prompt(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L103: two questions whose prompts are the same once normalised."""
    first: dict[str, int] = {}
    for i, q in enumerate(pack.questions):
        j = first.setdefault(" ".join(words_of(q.prompt)), i)
        if j != i:
            other = pack.questions[j]
            yield emit(
                at.of(i, "prompt"),
                f"question '{q.id}' asks the same as question '{other.id}' "
                f"(line {_line(at, j, other)})",
                "remove one of them, or make them ask different things",
            )


# -- warnings -----------------------------------------------------------------------------


def _field_name(field: str) -> str:
    if field.startswith("wrong["):
        return f"wrong option {int(field[6:-1]) + 1}"
    return "answer option" if field == "answer" else field


def leak(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L201: one question shows another's answer (``game.leaks``)."""
    questions = pack.questions
    for found in find_leaks(questions):
        giver, taker = questions[found.giver], questions[found.taker]
        yield emit(
            at.of(found.giver, found.field),
            f"question '{giver.id}': its {_field_name(found.field)} gives away "
            f"'{found.phrase}', the answer of question '{taker.id}' "
            f"(line {_line(at, found.taker, taker)})",
            "reword one of the two so that it does not name the other's answer",
        )


def near_duplicate_prompt(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L202: prompts sharing at least 4/5 of their words, but not the same prompt."""
    prompts = [" ".join(words_of(q.prompt)) for q in pack.questions]
    for i, j, shared in similar_word_sets(prompts):
        if prompts[i] == prompts[j]:
            continue  # L103
        q, other = pack.questions[j], pack.questions[i]
        yield emit(
            at.of(j, "prompt"),
            f"question '{q.id}' is nearly the same as question '{other.id}' "
            f"(line {_line(at, i, other)}): {shared}% of their words are shared",
            "merge the two, or make them ask different things",
        )


def similar_word_sets(texts: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """(i, j, percent) for i < j whose word sets' Jaccard index is at least NEAR_DUPLICATE.

    Prefix filtering keeps this near linear: with the words of each set in
    order of rarity, two sets that similar must share one of the first
    ``n - ceil(t * n) + 1`` words of each, so only those are indexed.
    """
    top, bottom = NEAR_DUPLICATE
    sets = [frozenset(text.split()) for text in texts]
    rarity = Counter(word for words in sets for word in words)
    index: dict[str, list[int]] = {}
    for j, words in enumerate(sets):
        ordered = sorted(words, key=lambda w: (rarity[w], w))
        least_shared = -(-top * len(words) // bottom)  # ceil(t * n)
        prefix = ordered[: len(words) - least_shared + 1]
        candidates = {i for word in prefix for i in index.get(word, ())}
        for i in sorted(candidates):
            other = sets[i]
            if bottom * min(len(words), len(other)) < top * max(len(words), len(other)):
                continue  # the smaller set cannot cover enough of the larger one
            shared = len(words & other)
            union = len(words) + len(other) - shared
            if bottom * shared >= top * union:
                yield i, j, round(100 * shared / union)
        for word in prefix:
            index.setdefault(word, []).append(j)


def long_answer(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L203: a choice answer far longer than every wrong option."""
    for i, q in enumerate(pack.questions):
        if q.type is not QuestionType.CHOICE or not q.wrong:
            continue
        answer, longest = len(q.answer_text), max(len(w) for w in q.wrong)
        if answer > LONG_ANSWER_RATIO * longest and answer - longest >= LONG_ANSWER_MARGIN:
            yield emit(
                at.of(i, "answer"),
                f"question '{q.id}': the answer is {answer} characters long, the longest "
                f"wrong option {longest}, so the longest option gives it away",
                "shorten the answer, or write wrong options of a similar length",
            )


def one_sided_truefalse(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
    """L204: most true/false answers go the same way."""
    answers = [q.answer for q in pack.questions if q.type is QuestionType.TRUEFALSE]
    true = sum(a is True for a in answers)
    side, word, other = max((true, "true", "false"), (len(answers) - true, "false", "true"))
    top, bottom = ONE_SIDED
    if len(answers) >= ONE_SIDED_MIN_QUESTIONS and bottom * side >= top * len(answers):
        yield emit(
            at.questions,
            f"{side} of {len(answers)} true/false answers are {word}: answering {word} "
            f"every time scores {round(100 * side / len(answers))}%",
            f"turn some statements around so that their answer is {other}",
        )


def _missing(field: str, why: str) -> Check:
    def check(pack: Pack, at: Positions, emit: Emit) -> Iterator[Finding]:
        for i, q in enumerate(pack.questions):
            if getattr(q, field) is None:
                yield emit(at.of(i), f"question '{q.id}' has no {field}", f"add '{field}': {why}")

    check.__doc__ = f"A question without {field}."
    return check


CHECKS: tuple[Rule, ...] = (
    Rule("L101", Severity.ERROR, wrong_option_accepted),
    Rule("L102", Severity.ERROR, answer_in_own_question),
    Rule("L103", Severity.ERROR, same_prompt),
    Rule("L201", Severity.WARNING, leak),
    Rule("L202", Severity.WARNING, near_duplicate_prompt),
    Rule("L203", Severity.WARNING, long_answer),
    Rule("L204", Severity.WARNING, one_sided_truefalse),
    Rule("L205", Severity.WARNING, _missing("explanation", "a sentence shown after answering")),
    Rule("L206", Severity.WARNING, _missing("source", "the excerpt the fact comes from")),
)

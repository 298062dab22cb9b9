"""Drafting questions from an article: real questions, each with its source.

From each sentence that names an item (a person, place, title, year, count or
date, found by ``authoring.items``) the drafter makes at most one question from
the sentence itself: the sentence with the item blanked out (a text, number or
choice question), or the sentence kept or with the item swapped for another of
its kind (true/false). Sentences of a simple shape also give a real question
(``authoring.patterns``: "Who plays ...?", "In which year ...?"). Question types
take turns so that a draft has all four. Every question quotes a short verbatim
``source`` excerpt of its sentence, so ``quiz packs verify`` passes.

Difficulty: easy for an item mentioned three times or more, or twice in the
first third of the article; hard for an item mentioned once, in the second
half; medium otherwise. Score (``--count N`` keeps the N highest, ties in
article order): twice the item's mentions (up to 5), plus twice how early its
sentence is (1 at the start, 0 at the end), plus the wrong options found for it
(up to 3), plus 2 for a question from a pattern rather than a blank.

The same article and seed always give the same draft; another seed chooses
other wrong options and other true/false turns. Work grows with the article:
each sentence is scanned a fixed number of times and compared with a few
neighbours only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from quiz.authoring.convert.common import slugify
from quiz.authoring.items import TAGS, Found, Mention, find_items
from quiz.authoring.lint_checks import NEAR_DUPLICATE
from quiz.authoring.options import Options
from quiz.authoring.patterns import Pattern, find_patterns
from quiz.authoring.sentences import Article, Sentence, excerpt, read_article
from quiz.authoring.verify import normalise_excerpt
from quiz.game.leaks import shows_phrase, words_of
from quiz.game.numbers import parse_number
from quiz.packs.spec import FAMILY_SEPARATOR, MAX_SOURCE

BLANK = "_____"
MAX_EXPLANATION = 500  # the article's sentence, shown after answering
MAX_DRAFTED = 400  # questions in one draft; an article rarely gives more
MAX_PROMPT_SENTENCE = 260  # characters of a sentence asked as it stands
MAX_PER_ANSWER = 3  # questions answered by the same item
_NEIGHBOURS = 3  # sentences before this one whose prompts a new prompt is compared with
# Relative shares of the question types; the next question takes the type furthest
# below its share.
TYPE_SHARE = {"choice": 4, "truefalse": 3, "text": 2, "number": 2}


@dataclass(slots=True)
class Drafted:
    question: dict[str, Any]  # the fields, in the pack's order
    origin: str  # where in the article it came from
    score: float
    order: int
    family: str  # the sentence it came from, as "p2-s1"


@dataclass(slots=True)
class Draft:
    questions: list[Drafted]
    left_out: list[tuple[str, str]]  # (item or sentence, reason)
    head: dict[str, str]
    work: dict[str, int] = field(default_factory=dict)  # sentences scanned, regex passes


def draft_article(raw: str, name: str, *, seed: int = 0, count: int | None = None) -> Draft:
    """Questions drafted from the article ``raw`` (named ``name`` for its kind)."""
    article = read_article(raw, name)
    found = find_items(article)
    drafter = _Drafter(article, found, seed, raw if article.kind != "text" else None)
    for index in range(len(article.sentences)):
        if len(drafter.drafted) >= MAX_DRAFTED:
            break
        drafter.sentence(index)
    kept = drafter.drafted
    if count is not None:
        best = sorted(kept, key=lambda d: (-d.score, d.order))[:count]
        kept = sorted(best, key=lambda d: d.order)
    _name_families(kept)
    left_out = found.left_out + drafter.left_out
    left_out += [
        (_short(s), "longer than a sentence (a list or a table?)") for s in article.long_sentences
    ]
    work = {
        "sentences": len(article.sentences),
        "regex_passes": article.regex_passes + found.regex_passes,
    }
    return Draft(kept, left_out, article.head, work)


class _Drafter:
    def __init__(self, article: Article, found: Found, seed: int, raw: str | None) -> None:
        self.article, self.found, self.seed = article, found, seed
        self.options = Options(found)
        self.haystack = normalise_excerpt(raw) if raw is not None else None
        titles = [i for i in found.items.values() if i.kind == "title"]
        self.main_title = max(titles, key=lambda i: (i.count, -i.first)).key if titles else ""
        self.drafted: list[Drafted] = []
        self.left_out: list[tuple[str, str]] = []
        self.types: Counter[str] = Counter()
        self.answers: Counter[str] = Counter()
        self.prompts: set[str] = set()
        self.recent: list[tuple[int, frozenset[str]]] = []  # (sentence, prompt words)
        self.ids: set[str] = set()
        self.seen: set[str] = set()  # sentences drafted from

    def sentence(self, index: int) -> None:
        sentence = self.article.sentences[index]
        mentions = self.found.mentions[index]
        if not mentions or sentence.text in self.seen:
            return  # a repeated sentence (a pull quote, a caption) gives nothing new
        self.seen.add(sentence.text)
        cleaned = _balanced(sentence.text)
        if cleaned is None:
            self.left_out.append((_short(sentence.text), "its quotation marks do not pair up"))
            return
        text, lead = cleaned
        if not text.rstrip('”"’)').endswith((".", "!", "?")):
            self.left_out.append((_short(text), "not a full sentence (a heading or caption?)"))
            return
        shifted = [replace(m, start=m.start - lead, end=m.end - lead) for m in mentions]
        patterns = find_patterns(text, shifted, self.main_title)
        for pattern in patterns:
            self._pattern(index, sentence, pattern, shifted, lead)
        if len(text) <= MAX_PROMPT_SENTENCE:
            self._from_sentence(index, sentence, text, shifted, lead)
        elif not patterns:
            self.left_out.append((_short(text), "too long to ask as it stands"))

    def _pattern(
        self, index: int, sentence: Sentence, p: Pattern, mentions: list[Mention], lead: int
    ) -> None:
        m = p.answer
        if self.answers[m.key] >= MAX_PER_ANSWER or self._shows_answer(p.prompt, m):
            return
        numeric = m.kind in ("year", "number")
        qtype = self._next_type(["number" if numeric else "text", "choice"])
        start, end = max(p.span[0] + lead, 0), min(p.span[1] + lead, len(sentence.text))
        source = excerpt(sentence.text, start, end, limit=MAX_SOURCE)
        self._add(index, sentence, m, qtype, p.prompt, mentions, source, bonus=2)

    def _from_sentence(
        self, index: int, sentence: Sentence, text: str, mentions: list[Mention], lead: int
    ) -> None:
        ranked = sorted(
            mentions,
            key=lambda m: (self.answers[m.key], -self.found.items[m.key].count, m.start),
        )
        for m in ranked:
            blanked = f"{text[: m.start]}{BLANK}{text[m.end :]}"
            if self.answers[m.key] >= MAX_PER_ANSWER or self._shows_answer(blanked, m):
                continue
            numeric = m.kind in ("year", "number")
            qtype = self._next_type(["number" if numeric else "text", "choice", "truefalse"])
            prompt = text if qtype == "truefalse" else blanked
            source = excerpt(sentence.text, max(m.start + lead, 0), m.end + lead)
            if self._add(index, sentence, m, qtype, prompt, mentions, source, bonus=0):
                return

    def _next_type(self, allowed: list[str]) -> str:
        return min(allowed, key=lambda t: (self.types[t] / TYPE_SHARE[t], allowed.index(t)))

    def _shows_answer(self, prompt: str, m: Mention) -> bool:
        spellings = [m.text, m.key, *self.options.accept(m)]
        return any(shows_phrase(prompt, words_of(s)) for s in spellings if words_of(s))

    def _add(
        self,
        index: int,
        sentence: Sentence,
        m: Mention,
        qtype: str,
        prompt: str,
        mentions: list[Mention],
        source: str,
        bonus: float,
    ) -> bool:
        if not self._is_new(index, prompt):
            return False  # checked before the costlier wrong options
        salt = f"{index}:{m.start}:{qtype}"
        wrong = self.options.wrong(m, mentions, self.seed, salt)
        if qtype == "choice" and len(wrong) < 2:
            qtype = "number" if m.kind in ("year", "number") else "text"
        if qtype == "truefalse":
            false = bool(wrong) and (self.types["truefalse"] + self.seed) % 2 == 0
            if false:
                size = len(m.text.split())
                swap = min(wrong, key=lambda w: abs(len(w.split()) - size))
                prompt = f"{prompt[: m.start]}{swap}{prompt[m.end :]}"
            answer: Any = not false
        elif qtype == "number":
            answer = int(parse_number(m.text) or 0)
        else:
            answer = m.text
        verified = self._verified(source, m)
        if verified is None or not self._is_new(index, prompt):
            return False
        self._remember(index, prompt)
        question = self._fields(m, qtype, prompt, answer, wrong, verified, sentence)
        item = self.found.items[m.key]
        score = 2 * min(item.count, 5) + 2 * (1 - sentence.position) + len(wrong) + bonus
        origin = (
            f"paragraph {sentence.paragraph}, sentence {sentence.number}: {_short(sentence.text)}"
        )
        family = f"p{sentence.paragraph}-s{sentence.number}"
        self.drafted.append(Drafted(question, origin, score, len(self.drafted), family))
        self.types[qtype] += 1
        self.answers[m.key] += 1
        return True

    def _fields(
        self,
        m: Mention,
        qtype: str,
        prompt: str,
        answer: Any,
        wrong: list[str],
        source: str,
        sentence: Sentence,
    ) -> dict[str, Any]:
        question: dict[str, Any] = {
            "id": self._id(m.text, qtype),
            "type": qtype,
            "prompt": prompt,
            "answer": answer,
        }
        if qtype == "choice":
            question["wrong"] = wrong
        accept = self.options.accept(m)
        if qtype == "text" and accept:
            question["accept"] = accept
        question["difficulty"] = _difficulty(self.found.items[m.key].count, sentence.position)
        question["tags"] = [TAGS[m.kind]]
        question["explanation"] = _short(sentence.text, MAX_EXPLANATION)
        question["source"] = source
        return question

    def _verified(self, source: str, m: Mention) -> str | None:
        """``source`` if the file holds it word for word, else the item itself, else None."""
        if self.haystack is None:
            return source
        for candidate in (source, m.text):
            if normalise_excerpt(candidate) in self.haystack:
                return candidate
        self.left_out.append((m.text, "its words are not word for word in the file (markup)"))
        return None

    def _is_new(self, index: int, prompt: str) -> bool:
        """False for a prompt (nearly) the same as one drafted from this or a nearby sentence."""
        words = frozenset(words_of(prompt))
        if " ".join(sorted(words)) in self.prompts:
            return False
        self.recent = [(i, w) for i, w in self.recent if i >= index - _NEIGHBOURS]
        top, bottom = NEAR_DUPLICATE
        return all(bottom * len(words & o) < top * len(words | o) for _, o in self.recent)

    def _remember(self, index: int, prompt: str) -> None:
        words = frozenset(words_of(prompt))
        self.prompts.add(" ".join(sorted(words)))
        self.recent.append((index, words))

    def _id(self, answer: str, qtype: str) -> str:
        base = slugify(answer, 40) or qtype
        qid, n = base, 1
        while qid in self.ids:
            n += 1
            qid = f"{base}-{n}"
        self.ids.add(qid)
        return qid


def _name_families(drafted: list[Drafted]) -> None:
    """Questions from one sentence share a family id (``p2-s1--1``, ``p2-s1--2``), so a
    round asks at most one of them (``packs.spec.question_family``)."""
    by_sentence: dict[str, list[Drafted]] = {}
    for d in drafted:
        by_sentence.setdefault(d.family, []).append(d)
    for family, members in by_sentence.items():
        if len(members) > 1:
            for n, d in enumerate(members, 1):
                d.question["id"] = f"{family}{FAMILY_SEPARATOR}{n}"


def _difficulty(mentions: int, position: float) -> str:
    if mentions >= 3 or (mentions == 2 and position < 1 / 3):
        return "easy"
    return "hard" if mentions == 1 and position >= 0.5 else "medium"


def _balanced(text: str) -> tuple[str, int] | None:
    """The sentence with the quotation marks it shares with its neighbours made whole
    ("I think so.”" -> "“I think so.”"), and how many characters went before it."""
    depth, opened = 0, 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                opened += 1
            else:
                depth -= 1
    if text.count('"') % 2:
        return None
    return "“" * opened + text + "”" * depth, -opened


def _short(text: str, limit: int = 100) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"

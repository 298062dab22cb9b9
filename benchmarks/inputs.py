"""Inputs the benchmark generates for itself: packs, their JSON twins, a score file.

Everything is deterministic (a fixed seed), so two runs measure the same data.
The packs are written by hand rather than with a YAML dumper, to look like a
person's file: quoted prompts and answers, flow lists for tags and options,
plain words for ids, types and difficulties.
"""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FIRST_NAMES = [
    "Mia", "Sebastian", "Laura", "Keith", "Tracy", "Alexis", "Caitlin", "Greg", "Bill", "Josh",
    "Zoë", "José", "Ann", "Ravi", "Ingrid", "Tomás", "Yuki", "Olu", "Priya", "Sam",
]  # fmt: skip
SURNAMES = ["", " Dolan", " Wilder", " K", " Moreau", " Chen", " Okafor", " Brandt", " Ruiz"]

PEOPLE = [
    "Damien Chazelle", "Emma Stone", "Ryan Gosling", "J.K. Simmons", "Justin Hurwitz",
    "Linus Sandgren", "Mandy Moore", "Tom Cross", "Mary Zophres", "John Legend",
    "Rosemarie DeWitt", "Finn Wittrock", "Sonoya Mizuno", "Callie Hernandez", "Jessica Rothe",
]  # fmt: skip
FILMS = [
    "Whiplash", "Top Hat", "Singin' in the Rain", "The Umbrellas of Cherbourg", "Swing Time",
    "Gangster Squad", "Crazy, Stupid, Love", "Guy and Madeline on a Park Bench",
    "Rebel Without a Cause", "An American in Paris", "The Young Girls of Rochefort",
    "Broadway Melody of 1940",
]  # fmt: skip
PLACES = [
    "Griffith Observatory", "Hermosa Beach", "the Lighthouse Café", "Angels Flight",
    "the Colorado Street Bridge", "Watts Towers", "the Rialto Theatre", "a Hollywood backlot",
    "the 105-110 interchange", "Warner Bros. Studios", "Paris", "Boulder City",
]  # fmt: skip
TAGS = ["people", "films", "music", "places", "dates", "quotes", "craft", "awards", "dance"]
TOPICS = ["opening number", "planetarium scene", "jazz club", "audition", "epilogue", "pier"]
VERBS = ["mentions", "describes", "credits", "compares", "names", "points to"]
LONG_PROMPTS = [
    "According to the article, who {verb} the {topic} as a tribute to {film}",
    "Which person does the piece say {verb} the {topic} after seeing {film}",
    "In the behind-the-scenes account, who {verb} {place} during the {topic}",
]
EXPLAIN = [
    "The article {verb} {person} and the {topic}.",
    "{person}: the piece {verb} the {topic}.",
    "It was {person}, near {place}.",
]


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def make_question(rng: random.Random, index: int) -> dict[str, Any]:
    """One realistic question: all four types, prompts of about 60 to 120 characters."""
    film, person, place = rng.choice(FILMS), rng.choice(PEOPLE), rng.choice(PLACES)
    words = {
        "verb": rng.choice(VERBS),
        "topic": rng.choice(TOPICS),
        "film": film,
        "person": person,
        "place": place,
    }
    qtype = ("choice", "choice", "truefalse", "text", "number")[index % 5]
    q: dict[str, Any] = {"id": f"q{index:05d}", "type": qtype}
    if qtype == "choice":
        q["prompt"] = rng.choice(LONG_PROMPTS).format(**words) + "?"
        q["answer"] = person
        q["wrong"] = rng.sample([p for p in PEOPLE if p != person], rng.randint(2, 3))
    elif qtype == "truefalse":
        q["prompt"] = (
            f"True or false: the article says {person} visited {place} for the {words['topic']}."
        )
        q["answer"] = rng.random() < 0.5
    elif qtype == "text":
        q["prompt"] = (
            f"Which film does the article say inspired the {words['topic']} shot at {place}?"
        )
        q["answer"] = film
        if rng.random() < 0.4:
            q["accept"] = [film.lower().replace("the ", "")]
    else:
        year = rng.randint(1930, 2016)
        q["prompt"] = f"In which year, by the article's account, was {film} first shown in cinemas?"
        q["answer"] = year
        q["tolerance"] = rng.choice([0, 0, 1, 2])
    q["difficulty"] = rng.choice(["easy", "medium", "medium", "hard"])
    q["tags"] = rng.sample(TAGS, rng.randint(1, 2))
    q["explanation"] = rng.choice(EXPLAIN).format(**words)
    if rng.random() < 0.15:
        q["hint"] = f"Think of {rng.choice(FILMS)}."
    q["source"] = person
    return q


def make_pack(pack_id: str, count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "format": 1,
        "pack": {
            "id": pack_id,
            "title": f"Benchmark pack {pack_id}",
            "description": "Generated questions for the speed benchmark.",
            "version": 1,
            "language": "en",
            "source": {
                "title": "La La Land: first look",
                "publisher": "Entertainment Weekly",
                "author": "Joe McGovern",
                "date": "2015-12-30",
            },
            "defaults": {"time_limit": 20},
        },
        "questions": [make_question(rng, i) for i in range(count)],
    }


def _question_lines(q: dict[str, Any]) -> Iterator[str]:
    yield f"  - id: {q['id']}"
    yield f"    type: {q['type']}"
    yield f"    prompt: {_scalar(q['prompt'])}"
    answer = q["answer"]
    if isinstance(answer, bool):
        yield f"    answer: {'true' if answer else 'false'}"
    elif isinstance(answer, int):
        yield f"    answer: {answer}"
    else:
        yield f"    answer: {_scalar(answer)}"
    for key in ("wrong", "accept"):
        if key in q:
            yield f"    {key}: {_flow(q[key])}"
    if "tolerance" in q:
        yield f"    tolerance: {q['tolerance']}"
    yield f"    difficulty: {q['difficulty']}"
    yield f"    tags: [{', '.join(q['tags'])}]"
    for key in ("explanation", "hint", "source"):
        if key in q:
            yield f"    {key}: {_scalar(q[key])}"


def pack_yaml(pack: dict[str, Any]) -> str:
    meta = pack["pack"]
    lines = [
        "# Generated by benchmarks/inputs.py for the speed benchmark.",
        "format: 1",
        "pack:",
        f"  id: {meta['id']}",
        f"  title: {_scalar(meta['title'])}",
        f"  description: {_scalar(meta['description'])}",
        "  version: 1",
        "  language: en",
        "  source:",
        *(f"    {k}: {_scalar(v)}" for k, v in meta["source"].items()),
        "  defaults: {time_limit: 20}",
        "",
        "questions:",
    ]
    for q in pack["questions"]:
        lines.extend(_question_lines(q))
        lines.append("")
    return "\n".join(lines)


def write_pack(pack: dict[str, Any], yaml_path: Path, json_path: Path | None = None) -> None:
    yaml_path.write_text(pack_yaml(pack), encoding="utf-8")
    if json_path is not None:
        json_path.write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")


# -- the score file --------------------------------------------------------------

DEFAULT_BOARD = "la-la-land-first-look/10/timed-20s"
BUILTIN = "la-la-land-first-look"


def _boards(rng: random.Random, pack_ids: list[str]) -> list[tuple[str, int, float | None]]:
    """(key, question count, time limit): the default board first, most played."""
    boards = [
        (DEFAULT_BOARD, 10, 20.0),
        (f"{BUILTIN}/10/untimed", 10, None),
        (f"{BUILTIN}/5/timed-20s", 5, 20.0),
        (f"{BUILTIN}/20/timed-15s/difficulty=hard", 20, 15.0),
        (f"{BUILTIN}/10/timed-20s/tag=people", 10, 20.0),
    ]
    for pack_id in rng.sample(pack_ids, min(20, len(pack_ids))):
        count = rng.choice([5, 10, 20])
        limit = rng.choice([None, 20.0])
        timing = "untimed" if limit is None else "timed-20s"
        boards.append((f"{pack_id}/{count}/{timing}", count, limit))
    return boards


class _AnswerPool:
    """Pre-drawn random answer parts, so a million answer rows cost seconds, not minutes."""

    SIZE = 1 << 16

    def __init__(self, rng: random.Random) -> None:
        n = self.SIZE
        self.draw = [rng.random() for _ in range(n)]
        self.elapsed = [round(rng.uniform(2.0, 18.0), 3) for _ in range(n)]
        self.base = [rng.choice((100, 200, 300)) for _ in range(n)]
        self.wrong = [rng.choice(("B", "C", "1999", "whiplash")) for _ in range(n)]
        self.tags = [json.dumps(rng.sample(TAGS, rng.randint(1, 2))) for _ in range(n)]

    def answers(
        self,
        start: int,
        round_id: int,
        pack: str,
        questions: list[str],
        total: int,
        skill: float,
        keep: bool = True,
    ) -> tuple[list[tuple[Any, ...]], int, int, int, float]:
        """A round's answer rows (none unless ``keep``) and its score, right, streak, time."""
        rows, score, correct, streak, best, duration = [], 0, 0, 0, 0, 0.0
        offset = start % len(questions)
        for position in range(total):
            i = (start + position) % self.SIZE
            right = self.draw[i] < skill
            points = self.base[i] + 20 * min(streak, 5) if right else 0
            streak = streak + 1 if right else 0
            best = max(best, streak)
            score, correct, duration = score + points, correct + right, duration + self.elapsed[i]
            if keep:
                qid = questions[(offset + position) % len(questions)]
                given = "A" if right else self.wrong[i]
                rows.append(
                    (
                        round_id, position, pack, qid, given, right, False, False,
                        self.elapsed[i], points, self.tags[i],
                    )
                )  # fmt: skip
        return rows, score, correct, best, duration


INSERT_ROUNDS = (
    "INSERT INTO rounds (id, player, board, packs, score, correct, total, best_streak,"
    " duration_s, seed, time_limit, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
INSERT_ANSWERS = (
    "INSERT INTO answers (round_id, position, pack_id, question_id, given, correct,"
    " skipped, late, elapsed_s, points, tags) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)
CHUNK = 50_000  # rounds made and inserted at a time, so a million never sit in memory


def fill_scores(
    home: Path, rounds: int, pack_ids: list[str], questions: list[str], *, answers: bool = True
) -> int:
    """A score file with ``rounds`` rounds (and, unless told not, their answers); its size.

    The file is created by the store itself (one round saved through
    ``ScoreStore``), so it has exactly the schema, indexes and pragmas the
    program makes; the rest goes in with ``executemany`` in one transaction.
    """
    now = datetime.now(UTC)
    _first_round(home, questions, now)
    rng = random.Random(2016)
    players = [f + s for f in FIRST_NAMES for s in SURNAMES]
    skills = {p: rng.uniform(0.3, 0.95) for p in players}
    boards = _boards(rng, pack_ids)
    weights = [40, 15, 10, 5, 5] + [1.25] * (len(boards) - 5)
    pool = _AnswerPool(rng)
    other_pool = [f"q{i:05d}" for i in range(0, 1000, 7)]
    start = now - timedelta(days=730)

    def chunk(ids: range) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        round_rows, answer_rows = [], []
        for round_id in ids:
            key, total, limit = rng.choices(boards, weights)[0]
            player = rng.choice(players)
            pack = key.split("/", 1)[0]
            asked = questions if pack == BUILTIN else other_pool
            rows, score, correct, best, duration = pool.answers(
                rng.randrange(pool.SIZE), round_id, pack, asked, total, skills[player], answers
            )
            answer_rows.extend(rows)
            moment = start + timedelta(seconds=730 * 86400 * round_id / rounds)
            round_rows.append(
                (
                    round_id, player, key, json.dumps([pack]), score, correct, total, best,
                    round(duration, 3), rng.getrandbits(32), limit,
                    moment.isoformat(timespec="microseconds"),
                )
            )  # fmt: skip
        return round_rows, answer_rows

    with _bulk_insert(home / "scores.db") as conn:
        for first in range(2, rounds + 1, CHUNK):
            round_rows, answer_rows = chunk(range(first, min(first + CHUNK, rounds + 1)))
            conn.executemany(INSERT_ROUNDS, round_rows)
            conn.executemany(INSERT_ANSWERS, answer_rows)
    return (home / "scores.db").stat().st_size


def _first_round(home: Path, questions: list[str], now: datetime) -> None:
    from quiz.store.db import ScoreStore
    from quiz.store.records import AnswerRecord, RoundRecord

    first = AnswerRecord(BUILTIN, questions[0], "A", True, False, False, 5.0, 200, ("people",))
    record = RoundRecord(
        "Mia", DEFAULT_BOARD, (BUILTIN,), 200, 1, 10, 1, 60.0, 1, 20.0, now, (first,)
    )
    with ScoreStore.open(home) as store:
        store.save_round(record)


@contextlib.contextmanager
def _bulk_insert(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction on the store's file, its indexes dropped while it is filled."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # A generated file needs no crash safety while it is written: one write, no journal.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN IMMEDIATE")
        # Building an index once at the end is much faster than row by row; the
        # indexes are dropped and re-made from the store's own SQL, unchanged.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        yield conn
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")  # as the store leaves it
    finally:
        conn.close()


# -- an export file for ``quiz scores import`` ----------------------------------------


def write_one_player_export(path: Path, rounds: int) -> None:
    """An export file of ``rounds`` rounds of one player on one board, all with one score:
    the shape of a keen player's export, and the worst case for the duplicate check."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    answer = (
        '{"pack_id": "la-la-land-first-look", "question_id": "director", "given": "a",'
        ' "correct": true, "skipped": false, "late": false, "elapsed_s": 2.5, "points": 100,'
        ' "tags": ["people"]}'
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '{"format": "quiz-scores", "version": 1, "exported_at": "2025-01-01T00:00:00+00:00",\n'
        )
        out.write(' "rounds": [')
        for n in range(rounds):
            moment = (start + timedelta(minutes=n)).isoformat()
            out.write(",\n  " if n else "\n  ")
            out.write(
                '{"player": "Keen", "board": "la-la-land-first-look/3/timed-20s",'
                ' "packs": ["la-la-land-first-look"], "score": 300, "correct": 3, "total": 3,'
                f' "best_streak": 3, "duration_s": 30.0, "seed": {n}, "time_limit": 20.0,'
                f' "finished_at": "{moment}", "answers": [{answer}, {answer}, {answer}]}}'
            )
        out.write("\n ]}\n")

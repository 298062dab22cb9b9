"""Party play: 2 to 8 players take turns on one terminal.

Every player gets the same number of questions with the same mix of
difficulties, and no question is dealt twice. With ``P`` players and ``c_d``
questions of difficulty ``d`` in the packs, each player can have at most
``floor(c_d / P)`` of difficulty ``d``, so at most the sum of those in all.
The mix for ``n`` questions each follows the packs' own (largest remainder
over what each difficulty can give). A turn is one question; a *round of
turns* is one question for every player, in the order the players were named.

Who gets which question is fixed by the seed, like ``quiz play --seed``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quiz.errors import QuizError
from quiz.game.round import RoundSummary
from quiz.game.select import AskedQuestion, select_questions
from quiz.packs.model import Difficulty, Pack

MIN_PLAYERS = 2
MAX_PLAYERS = 8
DEFAULT_PER_PLAYER = 5
BOARD_PREFIX = "party"


@dataclass(frozen=True, slots=True)
class PartyPlan:
    players: tuple[str, ...]
    requested: int  # questions each player asked for
    questions: tuple[tuple[AskedQuestion, ...], ...]  # per player, in turn order
    mix: Mapping[Difficulty, int]  # questions of each difficulty, per player

    @property
    def per_player(self) -> int:
        return len(self.questions[0]) if self.questions else 0

    @property
    def capped(self) -> bool:
        return self.per_player < self.requested


@dataclass(frozen=True, slots=True)
class Standing:
    place: int  # 1 for the winner; equal scores share a place
    player: str
    summary: RoundSummary


def check_players(names: Sequence[str]) -> tuple[str, ...]:
    """The players in order; :class:`QuizError` unless 2-8 distinct names."""
    if not MIN_PLAYERS <= len(names) <= MAX_PLAYERS:
        raise QuizError(
            f"a party needs {MIN_PLAYERS} to {MAX_PLAYERS} players, not {len(names)}",
            hint="name each with --player NAME",
        )
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name.casefold(), name)
        if other is not name:
            raise QuizError(f"two players are called {name!r}; give each a different name")
    return tuple(names)


def capacity(packs: Sequence[Pack], players: int) -> dict[Difficulty, int]:
    """How many questions of each difficulty every one of ``players`` can have."""
    available = _available(packs)
    return {d: available[d] // players for d in Difficulty}


def party_mix(packs: Sequence[Pack], players: int, per_player: int) -> dict[Difficulty, int]:
    """Each player's difficulty mix for ``per_player`` questions (fewer if the packs run out)."""
    caps = capacity(packs, players)
    total_cap = sum(caps.values())
    wanted = min(per_player, total_cap)
    if total_cap == 0:
        return dict.fromkeys(Difficulty, 0)
    shares = {d: wanted * caps[d] / total_cap for d in Difficulty}
    mix = {d: min(caps[d], int(shares[d])) for d in Difficulty}
    by_remainder = sorted(Difficulty, key=lambda d: (-(shares[d] - int(shares[d])), -caps[d]))
    while sum(mix.values()) < wanted:
        for d in by_remainder:
            if mix[d] < caps[d] and sum(mix.values()) < wanted:
                mix[d] += 1
    return mix


def plan_party(
    packs: Sequence[Pack], players: Sequence[str], per_player: int, seed: int
) -> PartyPlan:
    """Deal the questions; fewer each than asked when the packs cannot give that many.

    :class:`QuizError` when the packs cannot give every player even one question.
    """
    names = check_players(players)
    if per_player < 1:
        raise QuizError(f"each player needs at least 1 question, not {per_player}")
    mix = party_mix(packs, len(names), per_player)
    if sum(mix.values()) == 0:
        raise QuizError(
            f"the packs have too few questions for {len(names)} players to get one each "
            "with the same difficulty"
        )
    hands: list[list[AskedQuestion]] = [[] for _ in names]
    for number, difficulty in enumerate(Difficulty):
        share = mix[difficulty]
        if share == 0:
            continue
        dealt = select_questions(
            packs, count=share * len(names), difficulties=[difficulty], seed=seed + number
        )
        for index, hand in enumerate(hands):
            hand.extend(dealt[index * share : (index + 1) * share])
    rng = random.Random(f"party:{seed}")
    for hand in hands:
        rng.shuffle(hand)
    return PartyPlan(names, per_player, tuple(tuple(h) for h in hands), mix)


def standings(results: Mapping[str, RoundSummary]) -> list[Standing]:
    """Best score first; equal scores share a place (and keep the players' order)."""
    order = sorted(results.items(), key=lambda item: -item[1].score)
    placed: list[Standing] = []
    for position, (player, summary) in enumerate(order, 1):
        tied = bool(placed) and placed[-1].summary.score == summary.score
        place = placed[-1].place if tied else position
        placed.append(Standing(place, player, summary))
    return placed


def winners(table: Sequence[Standing]) -> list[str]:
    return [s.player for s in table if s.place == 1]


def party_board(solo_board: str) -> str:
    """The party board beside a solo board key: ``party/la-la-land-first-look/5/timed-20s``."""
    return f"{BOARD_PREFIX}/{solo_board}"


def _available(packs: Sequence[Pack]) -> dict[Difficulty, int]:
    seen: set[str] = set()
    available = dict.fromkeys(Difficulty, 0)
    for pack in packs:
        if pack.id in seen:
            continue
        seen.add(pack.id)
        for question in pack.questions:
            available[question.difficulty] += 1
    return available

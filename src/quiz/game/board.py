"""Boards: which rounds are comparable on a high-score table.

A board is the set of packs, the question count, timed or untimed (and the
limit), survival's number of lives, and the filters. Its key is canonical (the
same board always gives the same key, whatever the order of options), readable
and safe to type in a shell without quotes::

    la-la-land-first-look/10/untimed
    la-la-land-first-look+other/5/timed-20s/difficulty=easy,hard/tag=people/type=choice
    la-la-land-first-look/64/timed-20s/lives-3

Parts are separated by ``/``, pack ids joined by ``+``, filter values by
``,``; packs and tags are sorted, difficulties and types in their natural
order (easy, medium, hard; choice, truefalse, text, number), all without
duplicates. Tags are lowercased. Characters outside ``[a-z0-9._~-]`` in an
id or tag are percent-encoded, so no value can be mistaken for a separator.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from quiz.game.values import as_items, in_order
from quiz.packs.builtin import BUILTIN_ID, BUILTIN_TIME_LIMIT
from quiz.packs.model import Difficulty, QuestionType, format_number
from quiz.words import plural

UNTIMED = "untimed"
LIVES = "lives-"
DEFAULT_COUNT = 10  # questions in a round when -n is not given
_FILTERS = ("difficulty", "tag", "type")


@dataclass(frozen=True, slots=True)
class Board:
    """A board in canonical form; build one with :meth:`of` or :func:`parse_board_key`."""

    packs: tuple[str, ...]
    count: int
    time_limit: float | None  # None when untimed
    difficulties: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    lives: int | None = None  # survival: wrong answers that end the round

    @classmethod
    def of(
        cls,
        pack_ids: Collection[str],
        count: int,
        time_limit: float | None,
        difficulties: Collection[Difficulty | str] = (),
        tags: Collection[str] = (),
        types: Collection[QuestionType | str] = (),
        *,
        lives: int | None = None,
    ) -> Board:
        pack_ids, tags = as_items(pack_ids), as_items(tags)
        difficulties, types = as_items(difficulties), as_items(types)
        if not pack_ids:
            raise ValueError("a board needs at least one pack")
        if count < 1:
            raise ValueError(f"a board needs at least one question, not {count}")
        if lives is not None and lives < 1:
            raise ValueError(f"a survival board needs at least one life, not {lives}")
        timed = time_limit is not None and math.isfinite(time_limit) and time_limit > 0
        return cls(
            packs=tuple(sorted(set(pack_ids))),
            count=count,
            time_limit=time_limit if timed else None,
            difficulties=in_order((str(d).casefold() for d in difficulties), Difficulty),
            tags=tuple(sorted({t.casefold() for t in tags})),
            types=in_order((str(t).casefold() for t in types), QuestionType),
            lives=lives,
        )

    @property
    def key(self) -> str:
        timing = UNTIMED if self.time_limit is None else f"timed-{_seconds(self.time_limit)}"
        parts = ["+".join(_encode(p) for p in self.packs), str(self.count), timing]
        if self.lives is not None:
            parts.append(f"{LIVES}{self.lives}")
        for name, values in zip(_FILTERS, self._filters(), strict=True):
            if values:
                parts.append(f"{name}={','.join(_encode(v) for v in values)}")
        return "/".join(parts)

    def describe(self) -> str:
        """For people: "la-la-land-first-look · 10 questions · untimed"."""
        timing = UNTIMED
        if self.time_limit is not None:
            timing = f"{format_number(self.time_limit)} s per question"
        parts = [" + ".join(self.packs), plural(self.count, "question"), timing]
        if self.lives is not None:
            parts.append(f"survival, {plural(self.lives, 'life', 'lives')}")
        for name, values in zip(_FILTERS, self._filters(), strict=True):
            if values:
                label = "tags" if name == "tag" and len(values) > 1 else name
                parts.append(f"{label} {', '.join(values)}")
        return " · ".join(parts)

    def _filters(self) -> tuple[tuple[str, ...], ...]:
        return (self.difficulties, self.tags, self.types)


def board_key(
    pack_ids: Collection[str],
    count: int,
    time_limit: float | None,
    difficulties: Collection[Difficulty | str] = (),
    tags: Collection[str] = (),
    types: Collection[QuestionType | str] = (),
    *,
    lives: int | None = None,
) -> str:
    """The canonical key of a board (see the module docstring for its form)."""
    return Board.of(pack_ids, count, time_limit, difficulties, tags, types, lives=lives).key


def default_board_key() -> str:
    """The board of ``quiz`` alone: the built-in pack, 10 questions, its own time limit."""
    return board_key([BUILTIN_ID], DEFAULT_COUNT, BUILTIN_TIME_LIMIT)


def describe_board(key: str) -> str:
    """The board a key names, in words; the key itself if it is malformed.

    The play modes' boards read ``daily/<date>/<packs>`` and ``party/<board key>``.
    """
    from quiz.game.daily import board_day

    mode, _, rest = key.partition("/")
    day = board_day(key)
    if day is not None:
        return f"daily challenge {day.isoformat()} · {' + '.join(rest.split('/', 1)[1].split('+'))}"
    if mode == "party" and parse_board_key(rest) is not None:
        return f"party · {describe_board(rest)}"
    board = parse_board_key(key)
    return key if board is None else board.describe()


def parse_board_key(key: str) -> Board | None:
    """The board a key names, in canonical form; None if ``key`` is not a board key."""
    parts = key.split("/")
    if len(parts) < 3 or not parts[0]:
        return None
    packs = tuple(unquote(p) for p in parts[0].split("+"))
    count = _parse_count(parts[1])
    timed, time_limit = _parse_timing(parts[2])
    rest = parts[3:]
    lives = _parse_lives(rest[0]) if rest and rest[0].startswith(LIVES) else None
    if lives is not None:
        rest = rest[1:]
    filters = _parse_filters(rest)
    if count is None or not timed or filters is None or not all(packs) or lives == 0:
        return None
    # Through of(), so that a hand-written key in another order still parses
    # to the canonical board.
    return Board.of(packs, count, time_limit, *filters, lives=lives)


def _parse_lives(text: str) -> int:
    """The lives of a ``lives-N`` part; 0 when it is malformed."""
    return _parse_count(text.removeprefix(LIVES)) or 0


def _parse_count(text: str) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        return None
    count = int(text)
    return count if count > 0 else None


def _parse_timing(text: str) -> tuple[bool, float | None]:
    """(understood, limit): the limit is None when untimed."""
    if text == UNTIMED:
        return True, None
    if not (text.startswith("timed-") and text.endswith("s")):
        return False, None
    try:
        limit = float(text.removeprefix("timed-").removesuffix("s"))
    except ValueError:
        return False, None
    return (math.isfinite(limit) and limit > 0), limit


def _parse_filters(parts: list[str]) -> tuple[tuple[str, ...], ...] | None:
    found: dict[str, tuple[str, ...]] = {}
    for part in parts:
        name, equals, values = part.partition("=")
        if not equals or name not in _FILTERS or name in found or not values:
            return None
        found[name] = tuple(unquote(v) for v in values.split(","))
    return tuple(found.get(name, ()) for name in _FILTERS)


def _encode(value: str) -> str:
    return quote(value, safe="-._~")


def _seconds(limit: float) -> str:
    return f"{format_number(limit)}s"


# -- which boards ``quiz scores`` shows -----------------------------------------

NO_ROUNDS = "No rounds recorded yet. Play one with `quiz`."


@dataclass(frozen=True, slots=True)
class BoardChoice:
    """The boards to show, what to say if none has a round, and a note for the user."""

    keys: tuple[str, ...]
    empty: str = NO_ROUNDS
    note: str | None = None  # a board other than the default is shown: say which


def choose_boards(
    played: Sequence[str],
    *,
    board: str | None = None,
    pack: str | None = None,
    all_boards: bool = False,
    default: str | None = None,
) -> BoardChoice:
    """Which boards to show, given the boards ``played`` (most played first).

    With ``pack``, ``played`` holds only the boards that include it. Asked for
    nothing in particular: the default board if it was played, else the most
    played board (and a note saying so).
    """
    if board is not None:
        if not played:
            return BoardChoice(())
        return BoardChoice(
            (canonical_key(board),), f"No rounds on board {board} yet. See: quiz scores --all"
        )
    if pack is not None:
        return BoardChoice(tuple(played), f"No rounds with pack {pack} yet.")
    if all_boards or not played:
        return BoardChoice(tuple(played))
    default = default_board_key() if default is None else default
    if default in played:
        return BoardChoice((default,))
    return BoardChoice((played[0],), note=f"showing {played[0]}; see --all")


def canonical_key(key: str) -> str:
    """The canonical form of a board key typed by hand (its parts in any order)."""
    board = parse_board_key(key)
    return key if board is None else board.key


def round_size(count: int | None, *, lives: int | None, available: int) -> int:
    """Questions to draw: ``-n`` if given; survival draws them all; else the default."""
    if count is not None:
        return count
    return max(available, 1) if lives is not None else DEFAULT_COUNT


def round_time_limit(option: float | None, pack_limits: Iterable[float | None]) -> float | None:
    """``--time-limit`` if given (0 is untimed); else the packs' own when they all agree."""
    if option is not None:
        return option or None
    limits = set(pack_limits)
    return limits.pop() if len(limits) == 1 else None

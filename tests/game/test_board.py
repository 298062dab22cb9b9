"""Board keys: canonical, order-independent, readable, and described in words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.board import Board, board_key, describe_board, parse_board_key
from quiz.packs.model import Difficulty, QuestionType

LA = "la-la-land-first-look"


def test_simplest_board() -> None:
    assert board_key([LA], 10, None) == f"{LA}/10/untimed"


def test_full_board() -> None:
    key = board_key(
        ["other", LA],
        5,
        20,
        [Difficulty.HARD, Difficulty.EASY],
        ["People"],
        [QuestionType.CHOICE],
    )
    assert key == f"{LA}+other/5/timed-20s/difficulty=easy,hard/tag=people/type=choice"


@pytest.mark.parametrize("limit", [None, 0, 0.0, -1, float("nan"), float("inf")])
def test_no_limit_is_untimed(limit: float | None) -> None:
    assert board_key([LA], 10, limit) == f"{LA}/10/untimed"


@pytest.mark.parametrize(
    ("limit", "part"), [(20, "timed-20s"), (20.0, "timed-20s"), (7.5, "timed-7.5s")]
)
def test_time_limit_is_written_like_a_person_would(limit: float, part: str) -> None:
    assert board_key([LA], 10, limit).split("/")[2] == part


def test_order_and_duplicates_do_not_matter() -> None:
    one = board_key(
        ["b", "a", "a"], 5, 10, ["hard", "easy", "hard"], ["X", "y", "x"], ["text", "choice"]
    )
    two = board_key(["a", "b"], 5, 10.0, ["easy", "hard"], ["y", "x"], ["choice", "text"])
    assert one == two == "a+b/5/timed-10s/difficulty=easy,hard/tag=x,y/type=choice,text"


def test_difficulties_and_types_are_in_natural_order() -> None:
    key = board_key(
        [LA], 3, None, ["hard", "medium", "easy"], (), ["number", "text", "truefalse", "choice"]
    )
    assert key.endswith("/difficulty=easy,medium,hard/type=choice,truefalse,text,number")


def test_odd_tags_are_escaped_so_the_key_stays_parseable_and_shell_friendly() -> None:
    key = board_key([LA], 3, None, tags=["rock & roll", "a/b", "x,y", "c=d", "ü"])
    assert re.fullmatch(r"[A-Za-z0-9._~%+/,=-]+", key), key
    board = parse_board_key(key)
    assert board is not None
    assert set(board.tags) == {"rock & roll", "a/b", "x,y", "c=d", "ü"}
    assert board.key == key


def test_a_lone_string_is_one_value() -> None:
    assert (
        board_key(LA, 3, None, Difficulty.HARD, "people")
        == f"{LA}/3/untimed/difficulty=hard/tag=people"
    )


def test_a_board_needs_packs_and_questions() -> None:
    with pytest.raises(ValueError, match="pack"):
        board_key([], 10, None)
    with pytest.raises(ValueError, match="question"):
        board_key([LA], 0, None)


def test_describe() -> None:
    assert describe_board(f"{LA}/10/untimed") == f"{LA} · 10 questions · untimed"
    assert describe_board(f"{LA}/1/timed-7.5s") == f"{LA} · 1 question · 7.5 s per question"
    key = board_key([LA, "other"], 5, 20, ["easy", "hard"], ["people", "films"], ["choice"])
    assert describe_board(key) == (
        f"{LA} + other · 5 questions · 20 s per question · difficulty easy, hard"
        " · tags films, people · type choice"
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "/",
        "garbage",
        f"{LA}",
        f"{LA}/10",
        "/10/untimed",
        f"{LA}/ten/untimed",
        f"{LA}/0/untimed",
        f"{LA}/-3/untimed",
        f"{LA}/10/sometimes",
        f"{LA}/10/timed-s",
        f"{LA}/10/timed-0s",
        f"{LA}/10/timed-nans",
        f"{LA}/10/timed-infs",
        f"{LA}/10/untimed/colour=red",
        f"{LA}/10/untimed/tag",
        f"{LA}/10/untimed/tag=",
        f"{LA}/10/untimed/tag=a/tag=b",
        f"{LA}+/10/untimed",
        f"{LA}/{'9' * 50}/untimed",
    ],
)
def test_describe_returns_a_malformed_key_unchanged(key: str) -> None:
    assert parse_board_key(key) is None
    assert describe_board(key) == key


def test_parse_is_canonical() -> None:
    board = parse_board_key("b+a/5/timed-20.0s/type=text,choice/tag=Y,x")
    assert board == Board(("a", "b"), 5, 20.0, (), ("x", "y"), ("choice", "text"))
    assert board.key == "a+b/5/timed-20s/tag=x,y/type=choice,text"


pack_ids = st.lists(
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True), min_size=1, max_size=4
)


@given(
    pack_ids,
    st.integers(1, 500),
    st.one_of(st.none(), st.floats(min_value=0.5, max_value=600)),
    st.lists(st.sampled_from(list(Difficulty))),
    st.lists(st.text(min_size=1, max_size=10), max_size=4),
    st.lists(st.sampled_from(list(QuestionType))),
)
def test_keys_round_trip(
    packs: list[str],
    count: int,
    limit: float | None,
    difficulties: list[Difficulty],
    tags: list[str],
    types: list[QuestionType],
) -> None:
    key = board_key(packs, count, limit, difficulties, tags, types)
    board = parse_board_key(key)
    assert board is not None
    assert board.key == key
    assert board.count == count
    assert set(board.packs) == set(packs)
    assert set(board.tags) == {t.casefold() for t in tags}
    assert " " not in key
    shuffled = board_key(packs[::-1], count, limit, difficulties[::-1], tags[::-1], types[::-1])
    assert shuffled == key


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("lll/10/timed-20s", "lll · 10 questions · 20 s per question"),
        ("a+b/5/untimed/tag=x", "a + b · 5 questions · untimed · tag x"),
        ("junk", "junk"),
        ("x/0/untimed", "x/0/untimed"),
        ("a+b/5/untimed/d=hard", "a+b/5/untimed/d=hard"),
    ],
)  # fmt: skip
def test_describe_board(key: str, words: str) -> None:
    assert describe_board(key) == words


@given(st.text())
def test_describe_never_raises_and_keeps_a_malformed_key_as_it_is(key: str) -> None:
    board = parse_board_key(key)
    described = describe_board(key)
    assert described == (key if board is None else board.describe())
    if board is not None:
        assert f"{board.count} question" in described


# -- survival boards, the default board, and which boards quiz scores shows --------


def test_a_survival_board_has_its_lives_in_the_key() -> None:
    key = board_key(["p"], 30, 20, ["hard"], lives=3)
    assert key == "p/30/timed-20s/lives-3/difficulty=hard"
    assert parse_board_key(key) == Board.of(["p"], 30, 20, ["hard"], lives=3)
    assert board_key(["p"], 30, 20, lives=2) != board_key(["p"], 30, 20, lives=3)
    assert board_key(["p"], 30, 20) == "p/30/timed-20s"
    assert "survival, 3 lives" in describe_board(key)
    assert "survival, 1 life" in describe_board("p/5/untimed/lives-1")


@pytest.mark.parametrize(
    "key", ["p/5/untimed/lives-0", "p/5/untimed/lives-x", "p/5/untimed/lives-"]
)
def test_a_malformed_lives_part_is_not_a_board(key: str) -> None:
    assert parse_board_key(key) is None


def test_the_default_board_is_computed() -> None:
    from quiz.game.board import DEFAULT_COUNT, board_key, default_board_key
    from quiz.packs.builtin import BUILTIN_ID, BUILTIN_TIME_LIMIT

    assert default_board_key() == board_key([BUILTIN_ID], DEFAULT_COUNT, BUILTIN_TIME_LIMIT)


@pytest.mark.parametrize(
    ("count", "lives", "available", "size"),
    [(None, None, 64, 10), (5, None, 64, 5), (None, 3, 64, 64), (7, 3, 64, 7), (None, 1, 0, 1)],
)
def test_round_size(count: int | None, lives: int | None, available: int, size: int) -> None:
    from quiz.game.board import round_size

    assert round_size(count, lives=lives, available=available) == size


DEFAULT = "d/10/timed-20s"


@pytest.mark.parametrize(
    ("played", "options", "keys", "empty", "note"),
    [
        ([], {}, (), "No rounds recorded yet. Play one with `quiz`.", None),
        (["x/5/untimed", DEFAULT], {}, (DEFAULT,), None, None),
        (
            ["x/5/untimed", "y/5/untimed"],
            {},
            ("x/5/untimed",),
            None,
            "showing x/5/untimed; see --all",
        ),
        (["x/5/untimed", DEFAULT], {"all_boards": True}, ("x/5/untimed", DEFAULT), None, None),
        (["x/5/untimed"], {"pack": "x"}, ("x/5/untimed",), "No rounds with pack x yet.", None),
        ([], {"pack": "x"}, (), "No rounds with pack x yet.", None),
        (
            ["x/5/untimed"],
            {"board": "x/5/untimed/type=text,choice"},
            ("x/5/untimed/type=choice,text",),
            "No rounds on board x/5/untimed/type=text,choice yet. See: quiz scores --all",
            None,
        ),
        ([], {"board": "x/5/untimed"}, (), "No rounds recorded yet. Play one with `quiz`.", None),
    ],
)
def test_which_boards_quiz_scores_shows(
    played: list[str],
    options: dict[str, object],
    keys: tuple[str, ...],
    empty: str | None,
    note: str | None,
) -> None:
    from quiz.game.board import choose_boards

    choice = choose_boards(played, default=DEFAULT, **options)  # type: ignore[arg-type]
    assert choice.keys == keys
    if empty is not None:
        assert choice.empty == empty
    assert choice.note == note


@pytest.mark.parametrize(
    ("option", "packs", "limit"),
    [
        (None, [20.0], 20.0),
        (None, [20.0, 20.0], 20.0),
        (None, [20.0, 15.0], None),  # the packs disagree: untimed
        (None, [20.0, None], None),
        (None, [None], None),
        (0.0, [20.0], None),  # 0 is untimed
        (12.5, [20.0, 15.0], 12.5),
    ],
)
def test_round_time_limit(
    option: float | None, packs: list[float | None], limit: float | None
) -> None:
    from quiz.game.board import round_time_limit

    assert round_time_limit(option, packs) == limit


@pytest.mark.parametrize(
    ("key", "words"),
    [
        (
            "daily/2026-12-01/la-la-land-first-look",
            "daily challenge 2026-12-01 · la-la-land-first-look",
        ),
        ("daily/2026-12-01/a+b", "daily challenge 2026-12-01 · a + b"),
        ("party/film/5/timed-20s", "party · film · 5 questions · 20 s per question"),
        ("party/not-a-board", "party/not-a-board"),
    ],
)
def test_the_modes_boards_in_words(key: str, words: str) -> None:
    assert describe_board(key) == words

"""The parsed-pack cache: used when fresh, rebuilt when stale or broken, never required."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.packs import cache
from quiz.packs import load as load_module
from quiz.packs.load import load_pack, parse_pack
from quiz.packs.model import Pack
from quiz.paths import cache_dir

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
format: 1
pack:
  id: p
  title: T
  description: D
  version: 3
  language: fr
  source: {title: S, publisher: Pub, author: A, date: "2015-12-30", url: "https://x.invalid"}
  defaults: {time_limit: 12.5}
questions:
  - {id: c, type: choice, prompt: P, answer: A, wrong: [B, C], difficulty: easy, tags: [x]}
  - {id: t, type: truefalse, prompt: P, answer: false, hint: H, explanation: E}
  - {id: n, type: number, prompt: P, answer: 30, tolerance: 1.5, source: "an excerpt"}
  - {id: f, type: number, prompt: P, answer: 2.5}
  - id: x
    type: text
    prompt: P
    answer: "no"
    accept: [nope, nah]
    difficulty: hard
"""


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


class ParseCounter:
    """Stands in for ``parse_pack`` in the loader, counting the real parses."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data: bytes | str, label: str, origin: str | None = None) -> object:
        self.calls += 1
        return parse_pack(data, label, origin)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    counter = ParseCounter()
    monkeypatch.setattr(load_module, "parse_pack", counter)
    return counter


def entry_of(path: Path) -> Path:
    return cache.entry_path(cache_dir(), path.absolute())


def fresh(path: Path) -> Pack:
    """The pack parsed straight from the file, as ``load_pack`` would without a cache."""
    return parse_pack(path.read_bytes(), str(path), str(path.absolute()))


def test_second_load_is_served_from_the_cache(
    pack_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_pack(pack_file)
    assert entry_of(pack_file).is_file()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(load_module, "parse_pack", no_parsing)
    assert load_pack(pack_file) == first


def test_cached_pack_equals_a_fresh_parse(pack_file: Path, parses: ParseCounter) -> None:
    load_pack(pack_file)
    cached = load_pack(pack_file)
    assert parses.calls == 1
    assert cached == fresh(pack_file)
    assert [q.line for q in cached.questions] == [11, 12, 13, 14, 15]
    assert cached.defaults.time_limit == 12.5
    assert cached.questions[2].answer == 30
    assert type(cached.questions[2].answer) is int
    assert type(cached.questions[3].answer) is float
    assert cached.questions[1].answer is False


def test_the_builtin_pack_round_trips_through_the_cache(parses: ParseCounter) -> None:
    path = REPO / "questions.yaml"
    first = load_pack(path, origin="built-in")
    second = load_pack(path, origin="built-in")
    assert parses.calls == 1
    assert first == second
    assert second.origin == "built-in"


def test_empty_source_mapping_round_trips(tmp_path: Path, parses: ParseCounter) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        GOOD.replace(
            '  source: {title: S, publisher: Pub, author: A, date: "2015-12-30", '
            'url: "https://x.invalid"}',
            "  source: {}",
        ),
        encoding="utf-8",
    )
    load_pack(path)
    assert load_pack(path) == fresh(path)
    assert parses.calls == 1


def test_time_limit_zero_round_trips(tmp_path: Path, parses: ParseCounter) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(GOOD.replace("time_limit: 12.5", "time_limit: 0"), encoding="utf-8")
    load_pack(path)
    assert load_pack(path) == fresh(path)


def test_the_origin_asked_for_is_kept_on_a_cache_hit(pack_file: Path) -> None:
    load_pack(pack_file)
    assert load_pack(pack_file, origin="built-in").origin == "built-in"
    assert load_pack(pack_file).origin == str(pack_file)


def test_errors_are_not_cached(tmp_path: Path, parses: ParseCounter) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace("answer: A,", "answer: [A],"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(QuizError):
            load_pack(path)
    assert parses.calls == 2
    assert not entry_of(path).exists()


def test_use_cache_false_neither_reads_nor_writes(pack_file: Path, parses: ParseCounter) -> None:
    load_pack(pack_file, use_cache=False)
    load_pack(pack_file, use_cache=False)
    assert parses.calls == 2
    assert not cache_dir().exists()


# -- staleness -------------------------------------------------------------------------------


def test_editing_the_file_rebuilds_the_entry(pack_file: Path, parses: ParseCounter) -> None:
    load_pack(pack_file)
    pack_file.write_text(GOOD.replace("title: T", "title: Changed"), encoding="utf-8")
    assert load_pack(pack_file).title == "Changed"
    assert load_pack(pack_file).title == "Changed"
    assert parses.calls == 2


def test_same_size_edit_with_a_new_mtime_rebuilds(pack_file: Path, parses: ParseCounter) -> None:
    load_pack(pack_file)
    st = pack_file.stat()
    pack_file.write_text(GOOD.replace("title: T", "title: U"), encoding="utf-8")
    os.utime(pack_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert pack_file.stat().st_size == st.st_size
    assert load_pack(pack_file).title == "U"
    assert parses.calls == 2


def test_touching_the_file_rebuilds(pack_file: Path, parses: ParseCounter) -> None:
    load_pack(pack_file)
    st = pack_file.stat()
    os.utime(pack_file, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000))
    load_pack(pack_file)
    assert parses.calls == 2


def test_entry_of_an_older_format_or_cache_version_is_ignored(
    pack_file: Path, parses: ParseCounter
) -> None:
    load_pack(pack_file)
    entry = entry_of(pack_file)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["key"]["cache"] = cache.CACHE_VERSION + 1
    data["body"]["pack"]["pack"]["title"] = "From a stale entry"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_pack(pack_file).title == "T"
    assert parses.calls == 2


def test_entry_for_another_path_is_not_used(tmp_path: Path, parses: ParseCounter) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(GOOD.replace("title: T", "title: B"), encoding="utf-8")
    assert load_pack(a).title == "T"
    assert load_pack(b).title == "B"
    assert entry_of(a) != entry_of(b)


# -- broken entries ----------------------------------------------------------------------------


def _wrong_answer_type(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][1]["answer"] = "false"
    return entry


def _bool_number(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][2]["answer"] = True
    return entry


def _missing_lines(entry: dict[str, object]) -> object:
    entry["body"]["lines"] = [1]  # type: ignore[index]
    return entry


def _bad_difficulty(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][0]["difficulty"] = "extreme"
    return entry


def _source_list(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["pack"]["source"] = ["not", "a", "mapping"]
    return entry


def _unknown_source_key(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["pack"]["source"] = {"__class__": "x"}
    return entry


def _defaults_list(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["pack"]["defaults"] = [1]
    return entry


def _wrong_is_text(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][0]["wrong"] = "B"
    return entry


def _question_is_a_list(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][0] = ["c"]
    return entry


def _origin_number(entry: dict[str, object]) -> object:
    entry["body"]["origin"] = 7  # type: ignore[index]
    return entry


def _tolerance_text(entry: dict[str, object]) -> object:
    pack = entry["body"]["pack"]  # type: ignore[index]
    assert isinstance(pack, dict)
    pack["questions"][2]["tolerance"] = "1"
    return entry


SHAPES = {
    "list": lambda entry: [entry],
    "string": lambda entry: "entry",
    "null": lambda entry: None,
    "no-body": lambda entry: {"key": entry["key"], "digest": entry["digest"]},
    "pack-is-text": lambda entry: {**entry, "body": {**entry["body"], "pack": "p"}},
    "lines-is-number": lambda entry: {**entry, "body": {**entry["body"], "lines": 5}},
    "digest-of-another-body": lambda entry: {**entry, "digest": "0" * 64},
    "wrong-answer-type": _wrong_answer_type,
    "bool-for-number": _bool_number,
    "lines-do-not-match": _missing_lines,
    "bad-difficulty": _bad_difficulty,
    "source-is-a-list": _source_list,
    "unknown-source-key": _unknown_source_key,
    "defaults-is-a-list": _defaults_list,
    "wrong-is-text": _wrong_is_text,
    "question-is-a-list": _question_is_a_list,
    "origin-is-a-number": _origin_number,
    "tolerance-is-text": _tolerance_text,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_entry_of_the_wrong_shape_is_ignored_and_rebuilt(
    pack_file: Path, parses: ParseCounter, shape: str
) -> None:
    load_pack(pack_file)
    entry = entry_of(pack_file)
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(SHAPES[shape](data)), encoding="utf-8")
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2
    # ... and the rebuilt entry is good again.
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage \x80",
        b'{"key": {"path": ',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b'{"key": 1' + b"9" * 5000 + b"}",
        b"NaN",
    ],
    ids=["empty", "garbage", "truncated", "deep-list", "deep-object", "huge-int", "nan"],
)
def test_corrupt_entry_is_ignored_and_rebuilt(
    pack_file: Path, parses: ParseCounter, content: bytes
) -> None:
    load_pack(pack_file)
    entry_of(pack_file).write_bytes(content)
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2
    assert json.loads(entry_of(pack_file).read_text(encoding="utf-8"))["key"]["size"] == len(GOOD)


def test_entry_that_is_a_folder_is_ignored(pack_file: Path, parses: ParseCounter) -> None:
    entry = entry_of(pack_file)
    entry.mkdir(parents=True)
    assert load_pack(pack_file) == fresh(pack_file)
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2


# -- the folder --------------------------------------------------------------------------------


def test_deleting_the_cache_folder_is_safe(pack_file: Path, parses: ParseCounter) -> None:
    import shutil

    load_pack(pack_file)
    shutil.rmtree(cache_dir())
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2
    assert entry_of(pack_file).is_file()


def test_cache_folder_that_cannot_be_made_still_loads(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: ParseCounter
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file", encoding="utf-8")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "home"))
    assert load_pack(pack_file) == fresh(pack_file)
    assert load_pack(pack_file) == fresh(pack_file)
    assert parses.calls == 2
    assert list(tmp_path.glob("**/.entry-*")) == []


def test_cache_is_a_file_not_a_folder(pack_file: Path, quiz_home: Path) -> None:
    quiz_home.mkdir()
    (quiz_home / "cache").write_text("not a folder", encoding="utf-8")
    assert load_pack(pack_file) == fresh(pack_file)


def test_no_temporary_files_are_left_behind(pack_file: Path) -> None:
    for _ in range(3):
        load_pack(pack_file)
        os.utime(pack_file, ns=(0, pack_file.stat().st_mtime_ns + 1))
    assert [p.name for p in cache_dir().iterdir() if p.name.startswith(".")] == []


def test_entries_are_json_not_code(pack_file: Path) -> None:
    load_pack(pack_file)
    data = json.loads(entry_of(pack_file).read_text(encoding="utf-8"))
    assert set(data) == {"key", "digest", "body"}
    assert set(data["body"]) == {"origin", "lines", "pack"}
    assert data["key"]["path"] == str(pack_file.absolute())


def test_a_bug_reading_a_sound_entry_surfaces(
    pack_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A damaged entry is rebuilt quietly; a sound one that cannot be read back is a bug
    # in quiz, and hiding it would silently turn the cache off.
    load_pack(pack_file)

    def broken(*args: object) -> None:
        raise AttributeError("a coding bug")

    monkeypatch.setattr(cache, "_pack_from", broken)
    with pytest.raises(AttributeError, match="a coding bug"):
        load_pack(pack_file)

"""load_pack: reading a pack file is bounded and every failure is a PackError or QuizError."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

from quiz.errors import PackError, PackNotFoundError, QuizError
from quiz.packs import load as load_module
from quiz.packs.load import load_pack, parse_pack, read_pack_bytes

GOOD = (
    "format: 1\npack:\n  id: p\n  title: T\nquestions:\n"
    "  - {id: q, type: text, prompt: P, answer: A}\n"
)


@pytest.fixture(params=[True, False], ids=["cache", "no-cache"])
def use_cache(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def write(tmp_path: Path, data: bytes | str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load_problems(path: Path, use_cache: bool = False) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(path, use_cache=use_cache)
    return [str(p) for p in info.value.problems]


def test_a_good_file_loads(tmp_path: Path, use_cache: bool) -> None:
    path = write(tmp_path, GOOD)
    pack = load_pack(path, use_cache=use_cache)
    assert pack.id == "p"
    assert pack.origin == str(path)


def test_origin_can_be_given(tmp_path: Path) -> None:
    assert load_pack(write(tmp_path, GOOD), origin="built-in", use_cache=False).origin == (
        "built-in"
    )


def test_problems_are_labelled_with_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, GOOD.replace("answer: A", "answer: [A]"), "rel.yaml")
    monkeypatch.chdir(tmp_path)
    assert load_problems(Path("rel.yaml")) == [
        "rel.yaml:6:44: questions[0].answer: must be text, not a list"
    ]


# -- encodings and bytes ------------------------------------------------------------------


def test_not_utf8_names_the_line_and_column_of_the_bad_byte(
    tmp_path: Path, use_cache: bool
) -> None:
    path = write(tmp_path, GOOD.encode().replace(b"title: T", b"title: Caf\xe9"))
    assert load_problems(path, use_cache) == [
        f"{path}:4:13: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ]


def test_latin1_file_after_many_lines(tmp_path: Path) -> None:
    data = b"# comment\n" * 40 + b"format: 1\npack:\n  id: p\n  title: \xc0 bout\n"
    path = write(tmp_path, data)
    assert load_problems(path) == [
        f"{path}:44:10: not UTF-8 text (byte 0xc0); save the file as UTF-8"
    ]


def test_utf16_with_bom_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode("utf-16"))
    assert load_problems(path) == [
        f"{path}:1:1: not UTF-8 text (byte 0xff); save the file as UTF-8"
    ]


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    (problem,) = load_problems(write(tmp_path, GOOD.encode("utf-16-le")))
    assert "NUL byte" in problem or "not UTF-8" in problem


def test_nul_byte(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode().replace(b"title: T", b"title: T\x00"))
    assert load_problems(path) == [
        f"{path}:4:11: contains a NUL byte: this looks like a binary file, not YAML"
    ]


def test_utf8_bom_loads_with_the_same_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())
    assert load_pack(path, use_cache=False).questions[0].line == 6
    bad = write(
        tmp_path, b"\xef\xbb\xbf" + GOOD.replace("answer: A", "answer: [A]").encode(), "b.yaml"
    )
    assert load_problems(bad) == [f"{bad}:6:44: questions[0].answer: must be text, not a list"]


def test_crlf_line_endings_load(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("\n", "\r\n"))
    pack = load_pack(path, use_cache=False)
    assert pack.questions[0].answer == "A"
    assert pack.questions[0].line == 6


def test_non_ascii_text_loads(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("answer: A", "answer: Amélie — 日本 🎬"))
    assert load_pack(path, use_cache=False).questions[0].answer == "Amélie — 日本 🎬"


# -- not a pack at all -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data", ["", "\n\n", "   \n", "# just a comment\n# and another\n", "---\n", "--- ~\n", "null\n"]
)
def test_empty_file(tmp_path: Path, data: str) -> None:
    path = write(tmp_path, data)
    assert load_problems(path) == [
        f"{path}: the file is empty; a pack needs format, pack and questions "
        "(run 'quiz packs new' for a starter)"
    ]


def test_list_at_the_top_level(tmp_path: Path) -> None:
    path = write(tmp_path, "- format: 1\n- pack: x\n")
    assert load_problems(path) == [f"{path}:1:1: must be a mapping of fields, not a list"]


@pytest.mark.parametrize("data", ["hello\n", "42\n", "'quoted'\n", "|\n  block\n"])
def test_scalar_at_the_top_level(tmp_path: Path, data: str) -> None:
    path = write(tmp_path, data)
    assert load_problems(path) == [f"{path}:1:1: must be a mapping of fields, not a single value"]


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'format: 1\npack:\n  id: p\n  title: "T\n')
    (problem,) = load_problems(path)
    assert problem.startswith(f"{path}:5:1: YAML syntax error: ")


def test_tab_indentation_is_a_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "format: 1\npack:\n\tid: p\n")
    (problem,) = load_problems(path)
    assert problem.startswith(f"{path}:3:1: YAML syntax error: ")


@pytest.mark.parametrize("seed", range(8))
def test_random_binary_junk_is_a_pack_error(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = write(tmp_path, bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000))))
    with pytest.raises(PackError):
        load_pack(path, use_cache=False)


@pytest.mark.parametrize("seed", range(8))
def test_random_yaml_punctuation_is_a_pack_error(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "[]{}:,-?!&*|>'\"#%@` \n\t abc01.~"
    path = write(tmp_path, "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400))))
    with pytest.raises(PackError):
        load_pack(path, use_cache=False)


@pytest.mark.parametrize("seed", range(8))
def test_the_builtin_pack_with_random_damage_never_raises_anything_else(
    tmp_path: Path, seed: int
) -> None:
    repo = Path(__file__).resolve().parents[2]
    data = bytearray((repo / "questions.yaml").read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randrange(1, 20)):
        data[rng.randrange(len(data))] = rng.choice(b"[]{}:,-?!&*|>'\"#\n\t \x00\xff")
    path = write(tmp_path, bytes(data))
    try:
        load_pack(path, use_cache=False)
    except PackError as exc:
        problems = exc.problems
    else:
        problems = None
    assert problems is None or len(problems) > 0


# -- not a regular file ---------------------------------------------------------------------


def test_missing_file(tmp_path: Path, use_cache: bool) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(PackNotFoundError) as info:
        load_pack(path, use_cache=use_cache)
    assert info.value.message == f"{path}: no such file"


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(PackNotFoundError):
        load_pack(link, use_cache=False)


def test_symlink_to_a_pack_loads(tmp_path: Path) -> None:
    target = write(tmp_path, GOOD)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert load_pack(link).id == "p"


def test_a_folder(tmp_path: Path, use_cache: bool) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    assert load_problems(folder, use_cache) == [f"{folder}: is a folder, not a pack file"]


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path, use_cache: bool) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            load_pack(fifo, use_cache=use_cache)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)
        else:
            outcome.append(None)

    # Opening a FIFO with no writer blocks forever: run in a daemon thread so a
    # regression fails this test instead of hanging the suite.
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        with open(fifo, "wb"):  # unblock the reader so the thread can end  # noqa: PTH123
            pass
        pytest.fail("load_pack blocked on a FIFO")
    (exc,) = outcome
    assert isinstance(exc, PackError)
    assert [str(p) for p in exc.problems] == [f"{fifo}: is not a regular file"]


def test_a_character_device_is_refused() -> None:
    with pytest.raises(PackError) as info:
        load_pack(Path(os.devnull), use_cache=False)
    assert str(info.value.problems[0]) == f"{os.devnull}: is not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    path.chmod(0)
    (problem,) = load_problems(path)
    assert problem.startswith(f"{path}: cannot read it: ")


def test_file_below_a_regular_file(tmp_path: Path) -> None:
    parent = write(tmp_path, GOOD, "plain")
    with pytest.raises(QuizError):
        load_pack(parent / "p.yaml", use_cache=False)


# -- size limit -----------------------------------------------------------------------------


def test_file_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_cache: bool
) -> None:
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 64)
    path = write(tmp_path, GOOD)  # about 100 bytes
    (problem,) = load_problems(path, use_cache)
    assert problem.startswith(f"{path}: the file is ")
    assert "packs are limited to" in problem


def test_file_at_the_size_limit_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", len(GOOD))
    assert load_pack(path, use_cache=False).id == "p"


def test_a_sparse_32_mib_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(load_module.MAX_FILE_BYTES + 1)
    (problem,) = load_problems(path)
    assert problem.startswith(f"{path}: the file is ")
    assert problem == (
        f"{path}: the file is 33,554,433 bytes; packs are limited to 33,554,432 bytes (32 MiB)"
    )


def test_a_file_that_grows_while_read_is_still_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, GOOD)
    stat_result = path.stat()
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", len(GOOD))
    path.write_text(GOOD + "# grown\n" * 10, encoding="utf-8")
    monkeypatch.setattr(os, "fstat", lambda fd: stat_result)  # the size seen before reading
    with pytest.raises(PackError) as info:
        read_pack_bytes(path)
    assert "grew while read" in str(info.value)


def test_parse_pack_refuses_oversized_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 10)
    with pytest.raises(PackError) as info:
        parse_pack(GOOD, "t.yaml")
    assert str(info.value).startswith("t.yaml: the file is larger than")


def test_parse_pack_takes_text_with_lone_surrogates() -> None:
    with pytest.raises(PackError) as info:
        parse_pack(GOOD.replace("T\n", "T\udcff\n"), "t.yaml")
    assert "not UTF-8" in str(info.value)

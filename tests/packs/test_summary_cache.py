"""`quiz packs list` reads small cached summaries, not whole packs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.packs import load as load_module
from quiz.packs.discovery import survey
from quiz.packs.load import summarize_pack

PACK = """format: 1
pack: {id: tiny, title: Tiny, source: {publisher: Someone}}
questions:
  - {id: a, type: text, prompt: P, answer: A, difficulty: easy, tags: [x]}
  - {id: b, type: truefalse, prompt: Q, answer: true, tags: [y, x]}
"""


def test_a_warm_summary_is_read_without_loading_the_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(PACK, encoding="utf-8")
    first = summarize_pack(path)
    assert (first.id, first.questions, first.tags) == ("tiny", 2, ["x", "y"])
    assert first.difficulty == {"easy": 1, "medium": 1, "hard": 0}

    def no_loading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the pack was loaded although its summary is cached")

    monkeypatch.setattr(load_module, "load_pack", no_loading)
    assert summarize_pack(path) == first


def test_a_changed_file_gets_a_new_summary(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(PACK, encoding="utf-8")
    summarize_pack(path)
    path.write_text(PACK.replace("title: Tiny", "title: Tinier"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert summarize_pack(path).title == "Tinier"


def test_a_broken_summary_is_ignored(tmp_path: Path, quiz_home: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(PACK, encoding="utf-8")
    summarize_pack(path)
    for entry in (quiz_home / "cache").glob("*.summary.json"):
        entry.write_text('{"key": 1, "summary": [', encoding="utf-8")
    assert summarize_pack(path).title == "Tiny"


def test_survey_lists_the_built_in_pack_by_summary() -> None:
    (builtin,) = survey()
    assert builtin.builtin
    assert builtin.summary is not None
    assert builtin.summary.id == "la-la-land-first-look"
    assert builtin.summary.questions >= 40
    assert builtin.pack is None

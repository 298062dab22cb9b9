"""The import format, guessed from the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.authoring.convert import ImportFormat, guess_format

SAMPLES = Path(__file__).parent / "samples"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("opentdb_film.json", ImportFormat.OPENTDB),
        ("opentdb_base64.json", ImportFormat.OPENTDB),
        ("film.gift", ImportFormat.GIFT),
        ("blanks.gift", ImportFormat.GIFT),
        ("broken.gift", ImportFormat.GIFT),
        ("film_red.yaml", ImportFormat.RED),
        ("film.csv", ImportFormat.CSV),
        ("kahoot.csv", ImportFormat.CSV),
        ("headerless_cp1252.csv", ImportFormat.CSV),
        ("utf16.tsv", ImportFormat.CSV),
        ("opentdb_style.csv", ImportFormat.CSV),
    ],
)
def test_each_sample_is_recognised(name: str, fmt: ImportFormat) -> None:
    assert guess_format((SAMPLES / name).read_bytes())[0] is fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Who directed Heat? {=Michael Mann ~Tony Scott}", ImportFormat.GIFT),
        ("Paris is in France. {T}", ImportFormat.GIFT),
        ("Q?:\n- a\nR?:\n- b\n", ImportFormat.RED),
        ("question,answer\nWho?,Me\n", ImportFormat.CSV),
        ("  [ ]", ImportFormat.OPENTDB),
    ],
)
def test_small_texts(text: str, fmt: ImportFormat) -> None:
    assert guess_format(text.encode())[0] is fmt

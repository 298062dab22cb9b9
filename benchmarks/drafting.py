"""Inputs and commands for the drafting rows: ``packs new --from-article`` at two sizes.

Each row drafts from an article twice the size of its baseline's, so the ratio
shows how the work grows: about 2 when it is linear (a little less, as start-up
is the same for both), about 4 when it grows with the square of the article.
The articles are generated here, in our own words, about films that do not
exist; one is a single long line of numbers, the shape that once took minutes.
"""

from __future__ import annotations

from pathlib import Path

from measure import Command

PARAGRAPHS = 40  # the smaller article (about 200 questions); the measured one has twice as many
NUMBERS = 20_000  # numbers on one line (and twice as many)
_FIRST = ["Ada", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
_LAST = ["Marsh", "Okafor", "Lindgren", "Castillo", "Nakamura", "Brennan", "Duval", "Moretti"]
_PLACES = ["Lisbon", "Paris", "Tokyo", "Berlin", "Chicago", "Dublin", "Vienna", "Prague"]


def _paragraph(n: int) -> str:
    first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST)) % len(_LAST)]
    other = f"{_FIRST[(n + 3) % len(_FIRST)]} {_LAST[(n + 5) % len(_LAST)]}"
    place, year = _PLACES[n % len(_PLACES)], 1950 + n % 70
    return (
        f"Harbor Film {n}, the new feature from director {first} {last}{n}, is a drama set in"
        f" {place}. It stars {other}{n} as a night porter. “We shot it over {n % 20 + 2}"
        f" nights,” says {last}{n}, {20 + n % 50}, who cites {year}’s Quiet Water {n} as a"
        f" model.\n\nHarbor Film {n} opens in cinemas on June {n % 28 + 1}.\n\n"
    )


def _article(paragraphs: int) -> str:
    return "By Bench Writer\nUpdated March 4, 2019\n\n" + "".join(
        _paragraph(n) for n in range(paragraphs)
    )


def _numbers(count: int) -> str:
    return " ".join(str(n) for n in range(count)) + "\n"


CASES = [
    # name, writer, smaller size, unit
    ("an article", _article, PARAGRAPHS, "paragraphs"),
    ("one line of numbers", _numbers, NUMBERS, "numbers"),
]


def drafting_rows(quiz: list[str], scratch: Path) -> list[tuple[str, Command, Command, str]]:
    """(figure name, measured command, baseline command, baseline name) for each case."""
    folder = scratch / "drafting"
    folder.mkdir(exist_ok=True)
    rows = []
    for name, write, size, unit in CASES:
        commands = []
        for n in (size, 2 * size):
            slug = name.replace(" ", "-")
            src = folder / f"{slug}-{n}.txt"
            src.write_text(write(n), encoding="utf-8")
            out = folder / f"{slug}-{n}.yaml"
            argv = [*quiz, "packs", "new", str(out), "--from-article", str(src), "--force"]
            commands.append(Command(argv, expect="Wrote"))
        rows.append(
            (
                f"packs new --from-article, {name}: {2 * size:,} vs {size:,} {unit}",
                commands[1],
                commands[0],
                f"the same draft, {size:,} {unit}",
            )
        )
    return rows

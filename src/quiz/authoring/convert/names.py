"""Names for imported packs and questions: ids in ASCII, titles from file names.

Ids stay ASCII as the pack format says. Latin letters lose their accents;
Cyrillic and Greek are transliterated with a small table (``Назначение`` ->
``naznachenie``); text in other scripts gives no id, and the question is
numbered instead.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from quiz.errors import QuizError
from quiz.packs import spec

VALID_ID = re.compile(spec.ID_PATTERN)

# Letters that NFKD does not take apart into an ASCII letter and an accent.
_LATIN = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th"}
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѕ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
            "u",
            "dj",
            "j",
            "lj",
            "nj",
            "c",
            "dz",
            "dz",
        ],
        strict=True,
    )
)
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        [
            "a",
            "v",
            "g",
            "d",
            "e",
            "z",
            "i",
            "th",
            "i",
            "k",
            "l",
            "m",
            "n",
            "x",
            "o",
            "p",
            "r",
            "s",
            "s",
            "t",
            "y",
            "f",
            "ch",
            "ps",
            "o",
        ],
        strict=True,
    )
)
_TABLE = str.maketrans(
    {k: ("" if v == "-" else v) for k, v in (_LATIN | _CYRILLIC | _GREEK).items()}
)


def transliterate(text: str) -> str:
    """``text`` in ASCII where that is simple; other letters are dropped."""
    if text.isascii():
        return text.lower()
    lowered = unicodedata.normalize("NFKD", text.lower())
    # Accents go (NFKD splits them off), then the table maps whole letters.
    bare = "".join(ch for ch in lowered if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", bare).translate(_TABLE).encode("ascii", "ignore").decode()


def slugify(text: str, max_length: int = spec.MAX_ID) -> str:
    """``text`` as lowercase ASCII words joined by '-', cut at a word boundary."""
    text = re.sub("['\u2018\u2019`]", "", text)  # "Chaplin's" -> chaplins, not chaplin-s
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text)).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def pack_names(label: str, pack_id: str | None, title: str | None) -> tuple[str, str]:
    """The pack id and title: as given, or from the input file's name."""
    stem = Path(label).stem if label not in ("-", "<stdin>") else ""
    if pack_id is None:
        pack_id = slugify(stem) or "imported-pack"
    elif not VALID_ID.match(pack_id):
        raise QuizError(f"'{pack_id}' is not a valid pack id: use {spec.ID_RULE}")
    if title is None:
        words = re.sub(r"[-_\s]+", " ", stem).strip()
        title = (words[:1].upper() + words[1:])[: spec.MAX_TITLE] if words else "Imported pack"
    elif not title.strip() or len(title.strip()) > spec.MAX_TITLE:
        raise QuizError(f"a pack title must be 1 to {spec.MAX_TITLE} characters long")
    return pack_id, title.strip()

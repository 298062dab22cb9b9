"""Answer normalisation: the form two answers are compared in.

Two spellings a person would call "the same answer" normalise to the same
string: case, accents, curly quotes, dash style, ``&`` versus ``and``,
punctuation, spacing (also inside initials), a leading article and a
trailing year in brackets do not matter.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"the", "a", "an"})
# No answer is this long; refusing longer input keeps a pasted page from
# costing seconds of normalising. The session keeps this much of a line.
MAX_ANSWER_LENGTH = 1000

# Done before decomposition so that look-alike apostrophes and quotes are
# treated like the ASCII ones (NFKD alone would leave most of them alone).
_APOSTROPHES = "'\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
# Initialisms lose their dots ("L.A." -> "LA", "J. K." -> "JK") rather than
# splitting into letters, so that "L.A." and "LA" are the same answer.
_INITIALISM = re.compile(r"(?<!\w)[^\W\d_](?:\.[^\S\n]*[^\W\d_])+\.?(?!\w)")
_DOTS_AND_SPACES = re.compile(r"[.\s]")
# A film's year after its title: "Whiplash (2014)" is "Whiplash".
_TRAILING_YEAR = re.compile(r"(?<=\S)\s*[(\[]\s*[0-9]{4}\s*[)\]]\s*\Z")
# Typography a reader does not see as a difference, as plain ASCII; the one
# table for answers and for checking a quoted excerpt against its article.
TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_QUOTES, '"'),
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_TRANSLATE = {**TYPOGRAPHY, ord("&"): " and "}


def normalize(text: str) -> str:
    """Reduce an answer to the form answers are compared in.

    Drops a trailing year in brackets ("Whiplash (2014)" -> "whiplash"),
    casefolds, strips accents, drops apostrophes ("isn't" -> "isnt") and the
    dots of initialisms ("L.A." and "J. K." -> "la", "jk"), turns other
    punctuation into spaces, collapses whitespace and drops leading articles
    while more than one word remains ("The Top Hat" -> "top hat", but "The"
    stays "the").
    Idempotent; never raises.
    """
    words = _fold(_TRAILING_YEAR.sub("", text)).split()
    # Repeated, not once, so that the result is idempotent ("the a b" -> "b",
    # as "a b" would be); stopping at one word keeps an answer like "A".
    while len(words) > 1 and words[0] in ARTICLES:
        words.pop(0)
    return " ".join(words)


def _fold(text: str) -> str:
    # Casefold first, so that what counts as an initialism does not depend on
    # case ("A.ß" and "A.SS" must agree).
    text = _INITIALISM.sub(lambda m: _DOTS_AND_SPACES.sub("", m.group()), text.casefold())
    # Casefolding can produce characters that decompose further ("İ" gives
    # "i" plus a combining dot), and decomposition can produce capitals ("ℌ"
    # gives "H") and apostrophes ("ŉ" gives "ʼn"), so each step runs twice.
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE)).casefold()
    return "".join(_fold_char(ch) for ch in text)


def _fold_char(ch: str) -> str:
    if ch.isalnum():
        return ch
    category = unicodedata.category(ch)
    if category == "Mc":
        # Spacing marks are parts of words in many scripts; keep them.
        return ch
    if ch == "'" or category in ("Mn", "Me") or unicodedata.combining(ch):
        return ""
    return " "

"""The cues that tell what kind of thing a capitalised name is, in one table.

Words before or after a mention vote for a kind ("director Marta Quintela":
person; "in Griffith Park": place; "1935's Top Hat": title); a short list of
well-known places and the words place names end in ("Park", "Island") add
their votes. ``authoring.items`` counts the votes.
"""

from __future__ import annotations

import re

from quiz.authoring.sentences import MONTHS

LEADING = frozenset(
    "A An And As At But By For From He Her His I If In Interestingly It Its On She So The "  # noqa: SIM905
    "Their There They This Those We When Which While Yet Yes No Not What Who Why How "
    "Director Actor Actress Cinematographer Editor Producer Writer Composer Star "
    "Later Then Now Today Still After Before Since Although Though Meanwhile Here Once".split()
)
LIST_JOINS = frozenset({" and ", " or ", "/", ", ", " & ", ", and "})
NOT_NAMES = frozenset(
    "Oscar Oscars Emmy Emmys Golden Globe Globes Academy Award Awards Mr Mrs Ms Dr "  # noqa: SIM905
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
) | frozenset(MONTHS)
PLACE_WORDS = frozenset(
    "City Park Island Islands County Street Avenue Coast River Lake Valley Beach Bay "  # noqa: SIM905
    "Hills Square Boulevard Mountains Heights Village Harbour Sea Ocean Canyon Desert "
    "Forest Mountain Islands Strait Province".split()
)
KNOWN_PLACES = frozenset(
    (  # noqa: SIM905
        "america|amsterdam|atlanta|beijing|berlin|boston|britain|brooklyn|california|"
        "canada|cannes|chicago|china|copenhagen|dublin|edinburgh|england|florida|france|"
        "germany|harlem|hollywood|hong kong|india|ireland|italy|japan|l.a.|la|las vegas|"
        "lisbon|london|los angeles|madrid|maine|manhattan|mexico|miami|moscow|mumbai|"
        "new jersey|new york|new york city|nyc|oslo|paris|prague|queens|rome|"
        "san francisco|scotland|seattle|southern california|spain|stockholm|sundance|"
        "sydney|texas|tokyo|toronto|vancouver|venice|vienna"
    ).split("|")
)
ROLE = (
    r"director|cinematographer|editor|actor|actress|star|starring|stars|producer|writer|"
    r"composer|winner|critic|photographer|designer|author|novelist|playwright|co-star"
)
CUES: tuple[tuple[str, str, int, re.Pattern[str]], ...] = (
    ("before", "title", 3, re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[’']s\s+$")),
    (
        "before",
        "title",
        2,
        re.compile(
            r"\b(?:film|movie|documentary|musical|melodrama|drama|comedy|thriller|series|"
            r"novel|book|album|song|directing|wrote|remake of|sequel to)\s+$"
        ),
    ),
    (
        "after",
        "title",
        3,
        re.compile(r"^,?\s+(?:a|an|the)\s+(?:\d{4}\s+)?(?:\w+\s+)?(?:film|movie|documentary)"),
    ),
    (
        "after",
        "title",
        2,
        re.compile(r"^(?:\s+(?:arrives|opens|premieres|stars|reunites|debuts)\b|,\s+starring\b)"),
    ),
    ("after", "title", 1, re.compile(r"^\s+(?:wunderkind|director|star|veteran|Oscar)\b")),
    ("before", "person", 2, re.compile(rf"\b(?:{ROLE}|by|says|said|played by)\s*,?\s+$")),
    ("after", "person", 3, re.compile(r"^,\s+\d{1,3},\s")),
    ("after", "person", 2, re.compile(r"^\s+as\s+(?:a|an|the)\s")),
    ("after", "person", 1, re.compile(r"^[’']s?\s+(?:[a-z]+\s+)?[A-Z]")),
    ("after", "person", 2, re.compile(r"^,?\s+(?:says|said|insists|explains|adds|recalls|who)\b")),
    (
        "before",
        "place",
        2,
        re.compile(r"\b(?:in|at|near|outside|across|around|coast of|city of)\s+(?:[a-z-]+\s+)?$"),
    ),
    ("after", "place", 3, re.compile(r"^-born\b")),
)

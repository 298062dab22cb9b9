"""HTML to clean plain text: one module for the GIFT importer and article drafting.

It uses the standard library's real HTML parser (never a regular expression
over tags), so entities, comments, ``<script>`` and ``<style>`` are handled as
a browser would. Block elements and ``<br>`` become line breaks, list items
start with ``- ``, and spacing is normalised where tags were removed: runs of
spaces collapse, and no space is left before closing punctuation
("equals _____ ." becomes "equals _____.").

Work is linear in the input. The standard parser is not on its own: a ``<``
that opens no complete tag (``<a <a <a ...``, ``<!--<!--...``) makes it scan
to the end of the text again for each one, so 60 KB of them took minutes.
:func:`_defuse` first removes comments (an unclosed one hides the rest, as in
a browser) and writes as ``&lt;`` every ``<`` that has no ``>`` before the
next ``<``, in one pass; then every tag the parser sees is short.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html", "tidy_spacing"]

# Elements whose content is never text a reader sees.
_DROPPED = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math"})
# Page furniture around an article: left out when drafting from a web page.
_BOILERPLATE = frozenset({"nav", "header", "footer", "aside", "form", "button", "menu"})
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li",
        "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot",
        "tr", "ul", "caption",
    }
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source"})
_CELLS = frozenset({"td", "th"})

_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_SPACE_BEFORE_PUNCT = re.compile(r" +([.,;:!?%)\]}»”’])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[{«“]) +")
_BLANK_LINES = re.compile(r"\n{3,}")
_TAG_HINT = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|!--)")
_ENTITY_HINT = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


class _TextParser(HTMLParser):
    def __init__(self, *, skip_boilerplate: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0  # depth inside dropped (or boilerplate) elements
        self._hiding = _DROPPED | _BOILERPLATE if skip_boilerplate else _DROPPED

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._hiding:
            self._hidden += 1
            return
        if self._hidden or (tag in _VOID and tag != "br"):
            if tag in _BLOCKS:
                self.parts.append("\n")
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._hidden:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._hiding:
            self._hidden = max(0, self._hidden - 1)
        elif not self._hidden and tag in _BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def tidy_spacing(text: str) -> str:
    """Collapse spaces, drop spaces before closing punctuation, trim every line."""
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
        lines.append(_SPACE_AFTER_OPEN.sub(r"\1", line))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str, *, skip_boilerplate: bool = False) -> str:
    """The text a reader of ``html`` sees, as clean lines.

    ``skip_boilerplate`` also leaves out navigation, headers, footers, asides
    and forms, for drafting questions from a saved web page.
    """
    # In HTML, a line break in the source is only a space.
    parser = _TextParser(skip_boilerplate=skip_boilerplate)
    parser.feed(_defuse(html.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")))
    parser.close()
    return tidy_spacing("".join(parser.parts))


def _defuse(html: str) -> str:
    """``html`` without comments, and with every ``<`` that opens no short tag escaped."""
    out: list[str] = []
    at, end = 0, len(html)
    next_gt = -1  # the first '>' at or after the current '<' (end when there is none)
    while True:
        lt = html.find("<", at)
        if lt == -1:
            out.append(html[at:])
            break
        out.append(html[at:lt])
        if html.startswith("<!--", lt):
            close = html.find("-->", lt + 4)
            if close == -1:
                break  # an unclosed comment hides the rest of the page
            at = close + 3
            continue
        if next_gt < lt:
            found = html.find(">", lt)
            next_gt = end if found == -1 else found
        next_lt = html.find("<", lt + 1, next_gt)
        if next_gt == end or next_lt != -1:
            out.append("&lt;")
            at = lt + 1
            continue
        tag = html[lt : next_gt + 1]
        if tag.count('"') % 2 or tag.count("'") % 2:  # an unclosed quote would run on
            tag = tag.replace('"', "").replace("'", "")
        out.append(tag)
        at = next_gt + 1
    return "".join(out)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds a tag, a comment or an entity (so is worth parsing as HTML)."""
    return bool(_TAG_HINT.search(text) or _ENTITY_HINT.search(text))

"""Write a format-1 document as YAML a person can read and the loader reads back unchanged.

The loader reads plain scalars with YAML 1.2 core rules, but a pack file is also
opened by editors, linters and other YAML 1.1 readers. So a string is written
plain only when no reader of either version could take it for anything but
text (``no``, ``12:30``, ``2015-12-30``, ``007`` and ``1e3`` are quoted), and
lines are never folded, so what is written is exactly what is read.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Lists under these keys are written inline, ``[a, b]``, when they are short.
FLOW_LIST_KEYS = frozenset({"wrong", "accept", "tags"})
FLOW_LIST_MAX = 80  # characters of items, beyond which a block list reads better
# Wide enough that no line is ever folded: a folded scalar is easy to misread.
_NO_FOLDING = 1_000_000

_SPECIAL_WORDS = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<", "nan", "inf"}
)
_START_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`.+~=<")
# Anything made only of digits and number punctuation may be a number, a
# sexagesimal (12:30) or a date to some reader.
_NUMBERISH = re.compile(r"[-+.]?[0-9][0-9_:.,eExXoObB+-]*\Z|[-+]?0[xX][0-9a-fA-F_]+\Z")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.?(?:inf|nan)\Z", re.IGNORECASE)
_DATE_START = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def plain_is_safe(text: str) -> bool:
    """Whether ``text`` reads back as the same text when written without quotes."""
    if not text or text != text.strip() or text[0] in _START_INDICATORS:
        return False
    if text.lower() in _SPECIAL_WORDS or _NUMBERISH.match(text) or _SPECIAL_FLOAT.match(text):
        return False
    if _DATE_START.match(text) or ": " in text or " #" in text or text.endswith(":"):
        return False
    return text.isprintable() and "\ufeff" not in text


def _literal_ok(text: str) -> bool:
    # YAML 1.1 readers also break lines at NEL and U+2028/9; only "\n" may break a block.
    return all(line.isprintable() for line in text.split("\n"))


class _FlowList(list[str]):
    """A string list to be written inline."""


@functools.cache
def _dumper_class(one_line: bool) -> type[Any]:
    import yaml

    base: type[Any] = getattr(yaml, "CSafeDumper", None) or yaml.SafeDumper

    class PackDumper(base):  # type: ignore[misc]
        pass

    def represent_str(dumper: Any, data: str) -> Any:
        if not one_line and "\n" in data and data.strip() == data and _literal_ok(data):
            style: str | None = "|"
        elif plain_is_safe(data):
            style = None  # the emitter may still quote it for reasons of its own
        elif '"' in data and "'" not in data and data.isprintable():
            style = "'"
        else:
            style = '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    def represent_flow(dumper: Any, data: _FlowList) -> Any:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)

    PackDumper.add_representer(str, represent_str)
    PackDumper.add_representer(_FlowList, represent_flow)
    return PackDumper


def _mark_flow_lists(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _mark_flow_lists(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        items = [_mark_flow_lists(v) for v in value]
        short = sum(len(v) + 2 for v in items if isinstance(v, str)) <= FLOW_LIST_MAX
        if (
            key in FLOW_LIST_KEYS
            and short
            and all(isinstance(v, str) and "\n" not in v for v in items)
        ):
            return _FlowList(items)
        return items
    return value


def _dump_raw(value: Any, *, one_line: bool = False) -> str:
    import yaml

    text: str = yaml.dump(
        value,
        Dumper=_dumper_class(one_line),
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=_NO_FOLDING,
        indent=2,
    )
    return text


def yaml_scalar(value: str | bool | float) -> str:
    """One value as it is written after ``key: `` in a pack file, on one line."""
    return _dump_raw({"k": value}, one_line=True).removeprefix("k: ").rstrip("\n")


def yaml_flow_list(items: list[str]) -> str:
    """A list of strings as written inline, ``[a, "b: c"]``."""
    return _dump_raw({"k": _FlowList(items)}, one_line=True).removeprefix("k: ").rstrip("\n")


def _space_top_level_lists(text: str) -> str:
    """Indent top-level lists by two spaces and put a blank line between their items.

    Indentation shifts every line of a list alike, and with no folding no
    scalar continues at column 0, so the meaning of the text does not change.
    """
    out: list[str] = []
    in_list = False
    for line in text.removesuffix("\n").split("\n"):
        if line.startswith("- ") or line == "-":
            if in_list:
                out.append("")
            in_list = True
            out.append("  " + line)
        elif in_list and line.startswith(" "):
            out.append("  " + line)
        elif in_list and not line:  # an empty line inside a block scalar
            out.append(line)
        else:
            in_list = False
            out.append(line)
    return "\n".join(out) + "\n"


def comment_block(text: str) -> str:
    """``text`` as YAML comment lines."""
    return "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())


def dump_pack_yaml(document: dict[str, Any], *, header: str | None = None) -> str:
    """A format-1 document (as from ``Pack.to_dict()``) as readable YAML."""
    body = _space_top_level_lists(_dump_raw(_mark_flow_lists(document)))
    body = body.replace("\nquestions:\n", "\n\nquestions:\n", 1)
    if header:
        return comment_block(header) + "\n" + body
    return body

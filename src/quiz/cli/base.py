"""Typer command and group classes shared by every quiz command.

Typer 0.29 coerces every option value through a pydantic validator, which
costs about 200 ms of start-up (importing pydantic and building validators)
on every command run, more than the rest of a command's start-up together.
quiz's options are all plain: text, whole and decimal numbers with a lower
bound, paths, choices from an enum, and lists of those. These classes give
such parameters a small coercer of their own before Typer builds its own, and
leave anything else to Typer. An absent ``--help`` (value None) gets a False
default for the same reason: a bool flag holding a bool is not coerced.

This is the one module that touches Typer's private modules. ``pyproject.toml``
pins Typer to the minor version this is tested with, and the tests run every
option table both ways (:data:`FAST_COERCION` off gives Typer's own coercion),
so a Typer that moves its internals makes quiz slower, never wrong.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from typer.core import TyperCommand, TyperGroup

try:  # Typer's internal coercion contract; without it, Typer's own coercion is used
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice
except ImportError:  # pragma: no cover - a Typer that moved its internals
    RuntimeParam = None  # type: ignore[assignment,misc]

# Off: every option goes through Typer's own (pydantic) coercion. The tests
# switch it off to prove both paths give the same values and messages.
FAST_COERCION = RuntimeParam is not None

_SCALARS = (str, int, float, Path)


def _leaf(annotation: Any) -> Any:
    """The one non-None type of an optional annotation, else the annotation."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else None
    return annotation


def _simple(annotation: Any) -> Any:
    """The element type quiz coerces itself, or None to leave it to Typer."""
    leaf = _leaf(annotation)
    if typing.get_origin(leaf) is list:
        (leaf,) = typing.get_args(leaf) or (None,)
        leaf = _leaf(leaf)
    if leaf in _SCALARS or (isinstance(leaf, type) and issubclass(leaf, Enum)):
        return leaf
    return None


def _coerce(kind: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    if isinstance(value, kind):
        return value
    if kind is str:
        return str(value)
    if kind is Path:
        return Path(value)
    if issubclass(kind, Enum):
        try:
            return coerce_cli_choice(
                value, choices=tuple(kind), case_sensitive=info.case_sensitive, ctx=ctx
            )
        except ValueError as exc:
            raise BadParameter(str(exc), ctx=ctx, param=param) from None
    try:
        number = kind(value)
    except (TypeError, ValueError):
        what = "integer" if kind is int else "number"
        raise BadParameter(f"{value!r} is not a valid {what}.", ctx=ctx, param=param) from None
    if info.min is not None and not number >= info.min:
        raise BadParameter(f"{value} is not in the range x>={info.min}.", ctx=ctx, param=param)
    if info.max is not None and not number <= info.max:
        raise BadParameter(f"{value} is not in the range x<={info.max}.", ctx=ctx, param=param)
    return number


if RuntimeParam is not None:

    class _PlainParam(RuntimeParam):  # a frozen dataclass, as its base
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = _simple(self.annotation)
            info = self.parameter_info
            if isinstance(value, list | tuple):
                return [_coerce(kind, info, item, param, ctx) for item in value]
            return _coerce(kind, info, value, param, ctx)


def _prepare(command: Any) -> None:
    if not FAST_COERCION:
        return
    for param in command.params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", ...) is not None:
            continue
        if _simple(descriptor.annotation) is not None and descriptor.file_annotation is None:
            param._runtime_param = _PlainParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )


def _plain_help(option: Any) -> Any:
    if option is not None and option.default is None:
        option.default = False
    return option


class QuizCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _prepare(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))


class QuizSubGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _prepare(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))

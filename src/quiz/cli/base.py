"""Typer command and group classes shared by every quiz command.

Typer 0.29 coerces every option value through a pydantic validator, except a
bool flag whose value is already a bool. The help option of a command that
was not asked for help has the value None, so merely running a command would
import pydantic (about 200 ms) to coerce it. Giving the help option a default
of False makes that value a plain bool, and commands whose options are all
flags (``quiz packs --help``, ``quiz packs list``) start without pydantic.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup


def _plain_help(option: Any) -> Any:
    if option is not None and option.default is None:
        option.default = False
    return option


class QuizCommand(TyperCommand):
    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))


class QuizSubGroup(TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        return _plain_help(super().get_help_option(ctx))

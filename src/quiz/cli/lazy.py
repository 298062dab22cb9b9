"""A command group whose commands are built only when they run.

Building a Typer command means importing its module and reading every
option's annotation and default, which for all of quiz's commands costs more
than the rest of a small command's start-up. The root ``quiz`` group
therefore knows its commands by name, where each one lives and its short help
(:class:`Lazy`), and builds a command on first use: ``quiz scores`` builds
only ``scores``, and ``quiz --help`` lists every command from the table
without building any. This is Click's documented lazy-group pattern
(``get_command`` and ``list_commands``), on Typer's public builders.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import typer
import typer.main

from quiz.cli.base import QuizCommand, QuizSubGroup


@dataclass(frozen=True)
class Lazy:
    """Where a command lives and the line ``quiz --help`` shows for it."""

    target: str  # "module:attribute": a Typer app (a command group) or a command function
    short_help: str


def build(name: str, lazy: Lazy) -> Any:
    """Import ``lazy.target`` and build its Click command, named ``name``."""
    module, _, attribute = lazy.target.partition(":")
    target = getattr(importlib.import_module(module), attribute)
    command: Any
    if isinstance(target, typer.Typer):
        command = typer.main.get_group(target)  # as ``add_typer`` would make it
    else:
        holder = typer.Typer(add_completion=False, rich_markup_mode=None)
        holder.command(name, cls=QuizCommand)(target)
        command = typer.main.get_command(holder)
    command.name = name
    command.short_help = lazy.short_help
    return command


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name: the table's are built on first access, then kept."""

    def __init__(self, table: Mapping[str, Lazy]) -> None:
        self._table = table
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._table:
                raise KeyError(name)
            self._built[name] = build(name, self._table[name])
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from self._table
        yield from (name for name in self._built if name not in self._table)

    def __len__(self) -> int:
        return len(self._table) + sum(name not in self._table for name in self._built)

    def __contains__(self, name: object) -> bool:
        return name in self._table or name in self._built


class LazyGroup(QuizSubGroup):
    """A group built with no commands, that takes them from :attr:`lazy_commands`."""

    lazy_commands: Mapping[str, Lazy] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.lazy_commands)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names only: nothing is built

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The "Commands" section of ``--help``, from the table: no command is built."""
        rows = [(name, lazy.short_help) for name, lazy in self.lazy_commands.items()]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

"""``quiz packs new`` and ``quiz packs import``: start a pack, or convert one from elsewhere.

The work is done in ``packs.starter``, ``packs.convert`` and ``packs.dump``;
these commands read options, print what happened and raise QuizError for the
root app's error boundary.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quiz.authoring.convert import ImportFormat
from quiz.cli.base import QuizCommand
from quiz.errors import PackError, QuizError
from quiz.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from quiz.authoring.convert.common import Conversion, ImportNote

NEW_HELP = (
    "Write a commented starter pack that validates as it stands.\n\n"
    "Every field is shown once with what it means, with one question of each type. "
    "With --from-article (plain text, Markdown or HTML; - for standard input), questions "
    "are drafted from the article's own sentences instead: text, number, choice and "
    "true/false questions, each with the sentence it came from and a verbatim source "
    "excerpt; the article's title, byline and date fill in the pack's source.\n\n"
    "Example:\n\n"
    "  quiz packs new my-pack.yaml --title 'My pack' --from-article article.txt --count 20"
)
IMPORT_HELP = (
    "Convert questions from another format into a pack file.\n\n"
    "The format is guessed from the content (and said), or given with --format: opentdb "
    "(Open Trivia DB JSON), csv (spreadsheets: common column names, Kahoot's template, or "
    "question,answer rows), gift (Moodle GIFT) or red (Red-DiscordBot trivia lists). "
    "Records that cannot be used are skipped with a warning naming their line or index. "
    "The older form 'quiz packs import FORMAT SRC -o OUT' still works.\n\n"
    "Example:\n\n"
    "  quiz packs import film.json -o film.yaml --title 'Film trivia'"
)
MAX_ARTICLE_BYTES = 4 * 1024 * 1024


def register(packs_app: typer.Typer) -> None:
    """Add ``new`` and ``import`` to the ``quiz packs`` app."""
    packs_app.command("new", help=NEW_HELP, cls=QuizCommand)(new_pack)
    packs_app.command("import", help=IMPORT_HELP, cls=QuizCommand)(import_pack)


def new_pack(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="The pack file to write, e.g. my-pack.yaml.")
    ],
    pack_id: Annotated[
        str | None, typer.Option("--id", help="Pack id; default: from the file name.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title; default: from the file name.")
    ] = None,
    from_article: Annotated[
        str | None,
        typer.Option(
            "--from-article",
            metavar="ARTICLE",
            help="A UTF-8 article (text, Markdown or HTML; - for stdin) to draft questions from.",
        ),
    ] = None,
    seed: Annotated[
        int,
        typer.Option("--seed", help="With --from-article: another choice of wrong options."),
    ] = 0,
    count: Annotated[
        int | None,
        typer.Option(
            "--count", min=1, help="With --from-article: keep the N best drafted questions."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    from quiz.atomic import refuse_existing, write_new_file
    from quiz.authoring.convert.common import pack_names
    from quiz.authoring.starter import starter_from_article, starter_pack
    from quiz.packs.load import parse_pack

    refuse_existing(path, force)  # before any work; written at the end
    pack_id, title = pack_names(str(path), pack_id, title)
    if from_article is None:
        text = starter_pack(pack_id, title)
    else:
        article = read_article(from_article)
        name = "<stdin>" if from_article == "-" else Path(from_article).name
        text = starter_from_article(article, name, pack_id, title, seed=seed, count=count)
    pack = parse_pack(text, str(path))  # the starter must be valid as written
    write_new_file(path, text.encode("utf-8"), force=force)
    schema = _write_schema_beside(path)
    drafted = None if from_article is None else len(pack.questions)
    _print_new(path, pack_id, from_article, drafted, schema)


def _write_schema_beside(path: Path) -> Path | None:
    """The schema the starter's first line names, so editors check as you type.

    An existing file of that name is left alone (it may be the user's own).
    """
    import json

    from quiz.atomic import write_new_file
    from quiz.authoring.starter import SCHEMA_FILE
    from quiz.packs.spec import json_schema

    schema = path.parent / SCHEMA_FILE
    if schema.exists():
        return None
    try:
        write_new_file(schema, (json.dumps(json_schema(), indent=2) + "\n").encode("utf-8"))
    except QuizError:
        return None  # a read-only folder: the pack itself was written, which is what counts
    return schema


def read_article(path: Path | str) -> str:
    """An article's text (``-``: standard input): bounded, not a device or FIFO, UTF-8."""
    from quiz.reading import (
        STDIN,
        FileRefused,
        TextRefused,
        display_path,
        read_bounded,
        utf8_text,
    )

    label = "standard input" if path == STDIN else display_path(path)
    try:
        return utf8_text(read_bounded(path, MAX_ARTICLE_BYTES, label, what="articles"), label)
    except FileRefused as exc:
        raise QuizError(f"cannot read the article {label}: {exc.reason}") from None
    except TextRefused as exc:
        head = exc.reason.split(";")[0]
        verb = "is " if head.startswith("not") else ""
        raise QuizError(
            f"{label}:{exc.line}:{exc.column}: the article {verb}{head}",
            hint="save the article as UTF-8",
        ) from None


def _print_new(
    path: Path, pack_id: str, article: str | None, drafted: int | None, schema: Path | None
) -> None:
    from quiz.term.console import out

    shown = shlex.quote(str(path))
    what = "a starter pack" if drafted is None else f"a draft of {plural(drafted, 'question')}"
    lines = [f"Wrote {what} to {path} (id {pack_id}).", "", "Next steps:"]
    lines.append(f"  edit {shown}")
    if article is not None:
        lines.append(f"  quiz packs lint {shown}")
    if article is not None and article != "-":
        lines.append(f"  quiz packs verify {shown} --against {shlex.quote(article)}")
    lines += [
        f"  quiz packs validate {shown}",
        f"  quiz packs add {shown}",
        f"  quiz play --pack {shown}",
        "",
    ]
    from quiz.authoring.starter import SCHEMA_FILE

    if schema is not None:
        lines.append(f"Wrote {schema} too: editors that read the pack's first line use it")
        lines.append("for completion and checking as you type.")
    else:
        lines.append(
            "For completion in your editor: quiz packs schema -o "
            f"{shlex.quote(str(path.parent / SCHEMA_FILE))}"
        )
    _print_lines(out(), lines)


def import_pack(
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="[FORMAT] SRC", help="The file to convert (- for stdin); FORMAT is optional."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="OUT.yaml", help="The pack file to write.")
    ],
    fmt: Annotated[
        ImportFormat | None,
        typer.Option("--format", "-f", help="The input's format; default: guessed."),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="NAMES",
            help="csv: what each column holds, e.g. prompt,answer,wrong,wrong (- skips one).",
        ),
    ] = None,
    pack_id: Annotated[
        str | None, typer.Option("--id", help="Pack id; default: from the file name.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title; default: from the file name.")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat any skipped or fixed record as an error.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
) -> None:
    from quiz.atomic import refuse_existing
    from quiz.authoring.convert.common import pack_names, read_source
    from quiz.term.console import out

    src, fmt = _source_and_format(args, fmt)
    refuse_existing(output, force)  # before any work; written at the end
    label = "<stdin>" if src == "-" else src
    # From stdin there is no file name to take an id or title from; OUT's name serves.
    pack_id, title = pack_names(str(output) if src == "-" else src, pack_id, title)
    data = read_source(src)
    said: list[str] = []
    if fmt is None:
        from quiz.authoring.convert import guess_format

        fmt, why = guess_format(data)
        said.append(f"{label}: read as {fmt.value} ({why}), guessed from the content")
    conversion = _convert(fmt, data, label, pack_id, title, columns)
    said += [f"{label}: {line}" for line in conversion.detected]
    _print_lines(out(), said)
    _print_notes(label, conversion.notes)
    if strict and conversion.notes:
        raise QuizError(
            f"{plural(len(conversion.notes), 'problem')} found (see the warnings above); "
            "nothing was written (--strict)"
        )
    _write_checked(output, conversion.document, force)
    imported = plural(conversion.count, "question")
    _print_lines(out(), [f"Imported {imported} ({conversion.skipped} skipped) into {output}"])


def _source_and_format(
    args: list[str], fmt: ImportFormat | None
) -> tuple[str, ImportFormat | None]:
    """SRC and the format, from 'import SRC' or the older 'import FORMAT SRC'."""
    if len(args) > 2:
        raise typer.BadParameter("give one file to convert", param_hint="SRC")
    if len(args) == 1:
        return args[0], fmt
    first, second = args
    try:
        named = ImportFormat(first)
    except ValueError:
        choices = ", ".join(f.value for f in ImportFormat)
        raise typer.BadParameter(
            f"'{first}' is not a format ({choices}); give one file: quiz packs import SRC -o OUT",
            param_hint="FORMAT",
        ) from None
    if fmt is not None and fmt is not named:
        raise typer.BadParameter(f"FORMAT {named.value} and --format {fmt.value} disagree")
    return second, named


def _convert(
    fmt: ImportFormat,
    data: bytes,
    label: str,
    pack_id: str,
    title: str,
    columns: str | None,
) -> Conversion:
    from quiz.authoring.convert import converter
    from quiz.term.progress import LazyProgress

    if columns is not None and fmt is not ImportFormat.CSV:
        raise QuizError(f"--columns is for csv files; this one is read as {fmt.value}")
    convert = converter(fmt)
    if columns is not None:
        from functools import partial

        from quiz.authoring.convert.csvpack import convert_csv

        convert = partial(convert_csv, columns=columns.split(","))
    with LazyProgress(f"importing {label}") as progress:
        return convert(data, label, pack_id=pack_id, title=title, progress=progress)


def _write_checked(output: Path, document: dict[str, Any], force: bool) -> None:
    from quiz.atomic import write_new_file
    from quiz.packs.dump import dump_pack_yaml
    from quiz.packs.load import parse_pack

    text = dump_pack_yaml(document)
    try:
        parse_pack(text, str(output))
    except PackError as exc:
        raise QuizError(
            f"the converted pack is not valid, so nothing was written: {exc.message}",
            hint="this is a bug in the importer; please report it with the input file",
        ) from None
    write_new_file(output, text.encode("utf-8"), force=force)


def _print_notes(label: str, notes: list[ImportNote]) -> None:
    from quiz.term.console import print_warning

    for note in notes:
        print_warning(note.render(label))


def _print_lines(console: Console, lines: list[str]) -> None:
    from quiz.term.sanitize import clean

    for line in lines:
        console.print(clean(line), markup=False, highlight=False, soft_wrap=True)

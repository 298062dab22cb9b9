"""``quiz packs ...``: list, show, check, install and convert question packs."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from quiz.cli.base import QuizCommand, QuizSubGroup
from quiz.errors import PackError, QuizError
from quiz.words import plural

packs_app = typer.Typer(
    cls=QuizSubGroup,
    help=(
        "List, check, install and write question packs.\n\n"
        "Examples:\n\n"
        "\b\n"
        "  quiz packs list\n"
        "  quiz packs new my-pack.yaml\n"
        "  quiz packs validate my-pack.yaml\n"
        "  quiz packs add my-pack.yaml"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@packs_app.command("list", cls=QuizCommand)
def list_packs(
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the built-in pack and every installed pack.

    Example: quiz packs list --json
    """
    from quiz.packs.discovery import check_unique_ids, survey

    found = survey()
    if as_json:
        rows = []
        for item in found:
            row: dict[str, object] = {"where": item.where, "builtin": item.builtin}
            if item.summary is not None:
                row.update(item.summary.to_dict())
            else:
                row["error"] = [str(p) for p in item.error.problems] if item.error else []
            rows.append(row)
        typer.echo(safe_json(rows))
        check_unique_ids(found)
        return
    from quiz.term.console import out, screen_width
    from quiz.term.packs import packs_table

    console = out()
    console.print(packs_table(found, screen_width(console)))
    check_unique_ids(found)


@packs_app.command("show", cls=QuizCommand)
def show(
    pack: str = typer.Argument(..., metavar="ID|PATH", help="A pack id or a pack file."),
    answers: bool = typer.Option(False, "--answers", help="Also show the answers."),
) -> None:
    """Show one pack: its details, tags, counts and questions.

    Example: quiz packs show la-la-land-first-look
    """
    from quiz.packs.discovery import resolve
    from quiz.term.console import out
    from quiz.term.packs import pack_view

    found = resolve(pack)
    out().print(pack_view(found, found.origin, answers=answers))


@packs_app.command("validate", cls=QuizCommand)
def validate(
    paths: list[Path] = typer.Argument(..., help="Pack files to check.", show_default=False),
) -> None:
    """Check pack files; print every problem as PATH:LINE:COL: message.

    Exits 1 if any file has a problem.

    Example: quiz packs validate questions.yaml my-pack.yaml
    """
    from quiz.atomic import shown
    from quiz.packs.load import load_pack

    bad = 0
    problems = 0
    for path in paths:
        try:
            pack = load_pack(path, use_cache=False)
        except PackError as exc:
            bad += 1
            problems += len(exc.problems)
            for problem in exc.problems:
                typer.echo(_one_line(str(problem)))
        except QuizError as exc:
            bad += 1
            problems += 1
            typer.echo(_one_line(exc.message))
        else:
            typer.echo(_one_line(f"{shown(path)}: ok, {plural(len(pack.questions), 'question')}"))
    if bad:
        raise QuizError(f"{plural(problems, 'problem')} in {bad} of {plural(len(paths), 'file')}")


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a path the system cannot even look up is not one."""
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: reading it as a file says so
        return False


def _one_line(text: str) -> str:
    """Text for one output line: file names and pack text cleaned, bytes not UTF-8 escaped."""
    from quiz.reading import display_path
    from quiz.term.sanitize import clean_line

    return clean_line(display_path(text))


def safe_json(value: object) -> str:
    from quiz.term.sanitize import json_text

    return json_text(value)


@packs_app.command("schema", cls=QuizCommand)
def schema(
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the schema to this file instead of printing it."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
) -> None:
    """Print the JSON Schema of the pack format, for editors.

    Example: quiz packs schema -o quiz-pack.schema.json
    """
    from quiz.packs.spec import json_schema

    text = json.dumps(json_schema(), indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    from quiz.atomic import shown, write_new_file

    write_new_file(output, text.encode("utf-8"), force=force)
    typer.echo(_one_line(f"wrote {shown(output)}"))


@packs_app.command("verify", cls=QuizCommand)
def verify(
    pack: str = typer.Argument(..., metavar="ID|PATH", help="The pack to check."),
    against: Path = typer.Option(..., "--against", help="The article, as a text file."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    strict: bool = typer.Option(False, "--strict", help="Also fail on questions with no source."),
) -> None:
    """Check that every question's source excerpt occurs in the article.

    Quotes, dashes, case and spacing are compared loosely; the words must match.

    Example: quiz packs verify questions.yaml --against article.txt
    """
    from quiz.atomic import shown
    from quiz.authoring.verify import verify_pack
    from quiz.cli.authoring import read_article
    from quiz.packs.discovery import resolve

    found = resolve(pack)
    article = read_article(against)
    report = verify_pack(found, article, shown(against))
    if as_json:
        typer.echo(safe_json(report.to_json()))
    else:
        for qid, line, excerpt in report.missing:
            typer.echo(
                _one_line(f'{pack}:{line}: {qid}: source not found in the article: "{excerpt}"')
            )
        for qid, line in report.unsourced:
            typer.echo(_one_line(f"{pack}:{line}: {qid}: no source excerpt"))
        total = len(found.questions) - len(report.unsourced)
        typer.echo(
            _one_line(
                f"{len(report.found)} of {total} source excerpts found in {shown(against)}"
                + (f"; {len(report.unsourced)} questions have none" if report.unsourced else "")
            )
        )
    if report.missing:
        raise QuizError(f"{len(report.missing)} source excerpt(s) not found in {shown(against)}")
    if strict and report.unsourced:
        raise QuizError(f"{len(report.unsourced)} question(s) have no source excerpt (--strict)")


@packs_app.command("lint", cls=QuizCommand)
def lint(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Pack files to check.", show_default=False
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
    strict: bool = typer.Option(False, "--strict", help="Also exit 1 on warnings."),
) -> None:
    """Check pack files for quality beyond validity.

    Every finding as PATH:LINE:COL: CODE message (fix: ...). Errors (L1xx: a
    wrong option the grader accepts, an answer inside its own question, a
    repeated prompt) exit 1; warnings (L2xx: leaks between questions,
    near-duplicates, length bias, one-sided true/false, a missing explanation
    or source) exit 1 only with --strict.

    Example: quiz packs lint questions.yaml --strict
    """
    from quiz.authoring.lint import lint_paths

    report = lint_paths(paths)
    if as_json:
        # ASCII escapes keep control, C1 and bidi characters out of the terminal.
        typer.echo(json.dumps([f.to_json() for f in report.findings], indent=2))
    else:
        for path in dict.fromkeys(str(p) for p in paths):
            findings = report.of(path)
            for finding in findings:
                typer.echo(_one_line(finding.render()))
            typer.echo(_one_line(f"{path}: {report.summary(findings)}"))
    if report.failed(strict):
        raise QuizError(
            f"{report.summary()} in {plural(report.files, 'file')}"
            + (" (--strict)" if strict else "")
        )


@packs_app.command("add", cls=QuizCommand)
def add(
    paths: list[Path] = typer.Argument(..., help="Pack files, or folders of them."),
    replace: bool = typer.Option(False, "--replace", help="Update a pack with the same id."),
) -> None:
    """Check pack files, then install them into your pack folder.

    Example: quiz packs add my-pack.yaml, then quiz play --pack my-pack
    """
    from quiz.packs.install import install, pack_files_in

    files: list[Path] = []
    for path in paths:
        files.extend(pack_files_in(path) if _is_folder(path) else [path])
    for item in install(files, replace=replace):
        verb = "updated" if item.replaced else "installed"
        count = plural(len(item.pack.questions), "question")
        typer.echo(_one_line(f"{verb} '{item.pack.id}' ({count}) as {item.path}"))
        typer.echo(f"play it with: quiz play --pack {item.pack.id}")


@packs_app.command("remove", cls=QuizCommand)
def remove(
    pack_id: str = typer.Argument(..., metavar="ID", help="The id of an installed pack."),
) -> None:
    """Uninstall a pack you added (the built-in pack stays).

    Example: quiz packs remove my-pack
    """
    from quiz.packs.install import remove as remove_pack

    path = remove_pack(pack_id)
    typer.echo(_one_line(f"removed '{pack_id}' ({path})"))


@packs_app.command("export", cls=QuizCommand)
def export(
    pack: str = typer.Argument(..., metavar="ID|PATH", help="The pack to write out."),
    output: Path = typer.Option(..., "-o", "--output", help="The YAML file to write."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
) -> None:
    """Write any pack (the built-in one too) to a YAML file you can edit.

    Example: quiz packs export la-la-land-first-look -o my-copy.yaml
    """
    from quiz.atomic import write_new_file
    from quiz.packs.discovery import resolve
    from quiz.packs.dump import dump_pack_yaml

    found = resolve(pack)
    text = dump_pack_yaml(found.to_dict())
    write_new_file(output, text.encode("utf-8"), force=force)
    typer.echo(_one_line(f"wrote {len(found.questions)} questions of '{found.id}' to {output}"))


def _register_authoring() -> None:
    from quiz.cli.authoring import register

    register(packs_app)


_register_authoring()

"""flask commands: import, export, reindex, GIFT; account commands live in cli_accounts."""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .cli_accounts import COMMANDS as ACCOUNT_COMMANDS
from .cli_retention import COMMANDS as RETENTION_COMMANDS
from .knowledge.files import export_folder, import_folder
from .quizzes.bank import BankError, parse_bank
from .quizzes.command_grading import CommandContext
from .quizzes.files import check_quiz, export_quiz_folder, import_quiz_docs
from .quizzes.gift import gift_to_yaml
from .quizzes.gift_export import bank_to_gift
from .quizzes.store import get_quiz
from .runtime import get_library, import_quizzes, migrate_database
from .textfiles import ImportFailed
from .transfer.bundle import bundle_from_zip
from .transfer.export import export_files, zip_files
from .transfer.service import import_bundle


def _report_failure(exc: ImportFailed, what: str) -> click.ClickException:
    for problem in exc.problems:
        click.echo(f"error: {problem}", err=True)
    return click.ClickException(f"no {what} were imported")


def _import_zip(path: str) -> None:
    """Import a zip of content/ and quiz/ with the upload's checks, all or nothing."""
    with open(path, "rb") as stream:
        try:
            bundle = bundle_from_zip(stream, Path(path).name)
            result = import_bundle(bundle, get_library(), "flask import")
        except ImportFailed as exc:
            raise _report_failure(exc, "files") from exc
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"topics: {result.topics.summary()}")
    click.echo(f"quizzes: {result.quizzes.summary()}")


@click.command("import")
@click.option("--content", "content_dir", type=click.Path(file_okay=False), help="Topic folder.")
@click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False), help="Quiz folder.")
@click.option(
    "--zip", "zip_path", type=click.Path(exists=True, dir_okay=False), help="A zip instead."
)
@with_appcontext
def import_command(content_dir: str | None, quiz_dir: str | None, zip_path: str | None) -> None:
    """Import content/ and quiz/ into the database (new revisions only for changed files)."""
    migrate_database()
    if zip_path:
        if content_dir or quiz_dir:
            raise click.UsageError("--zip imports a zip; leave out --content and --quizzes")
        return _import_zip(zip_path)
    library = get_library()
    try:
        report = import_folder(
            content_dir or current_app.config["SHIPSHAPE_CONTENT_DIR"], "flask import"
        )
    except ImportFailed as exc:
        raise _report_failure(exc, "topics") from exc
    click.echo(f"topics: {report.summary()}")
    library.topics_changed()
    try:
        report = import_quizzes(
            quiz_dir or current_app.config["SHIPSHAPE_QUIZ_DIR"], library, "flask import"
        )
    except ImportFailed as exc:
        raise _report_failure(exc, "quizzes") from exc
    click.echo(f"quizzes: {report.summary()}")


def _export_zip(path: str) -> None:
    """Write the same zip the export page downloads."""
    files = export_files(current_app.config["SHIPSHAPE_CONTENT_DIR"])
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    tmp.write_bytes(zip_files(files))
    os.replace(tmp, path)  # a reader never sees half a zip
    click.echo(f"export: {len(files)} files written to {path}")


@click.command("export")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False), help="Folder for content/ and quiz/."
)
@click.option("--zip", "zip_path", type=click.Path(dir_okay=False), help="A zip file instead.")
@with_appcontext
def export_command(out_dir: str | None, zip_path: str | None) -> None:
    """Write topics and quizzes back out in the content/ and quiz/ formats."""
    migrate_database()
    if zip_path:
        if out_dir:
            raise click.UsageError("--zip writes one file; leave out --out")
        return _export_zip(zip_path)
    content = (
        Path(out_dir) / "content" if out_dir else Path(current_app.config["SHIPSHAPE_CONTENT_DIR"])
    )
    quizzes = Path(out_dir) / "quiz" if out_dir else Path(current_app.config["SHIPSHAPE_QUIZ_DIR"])
    click.echo(f"topics: {len(export_folder(content))} written to {content}")
    click.echo(f"quizzes: {len(export_quiz_folder(quizzes))} written to {quizzes}")


@click.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the search index from the database into a fresh folder."""
    migrate_database()
    library = get_library()
    library.force_rebuild()
    click.echo(
        f"index: {library.index.doc_count()} sections, {library.index.segment_count()} segment(s)"
    )


@click.command("import-gift")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--quiz", "slug", required=True, help="Slug of the quiz to create or replace.")
@click.option("--title", default=None, help="Quiz title (default: from the slug).")
@with_appcontext
def import_gift_command(path: str, slug: str, title: str | None) -> None:
    """Import a Moodle GIFT file as a quiz; unmappable questions are listed with their lines."""
    migrate_database()
    text = Path(path).read_text(encoding="utf-8")
    yaml_text, problems = gift_to_yaml(text, slug, title or slug.replace("-", " ").capitalize())
    for problem in problems:
        click.echo(f"{path}:{problem.line}: {problem.message}", err=True)
    library = get_library()
    library.ensure_fresh(force=True)
    ctx = CommandContext(library.catalog.specs, library.catalog.commands)
    try:
        doc = parse_bank(yaml_text, slug)
    except BankError as exc:
        raise click.ClickException(f"nothing imported: {exc}") from exc
    report = import_quiz_docs([doc], author="flask import-gift")
    click.echo(f"quiz {slug}: {len(doc.questions)} questions; {report.summary()}")
    if check_quiz(doc, set(library.catalog.topics), ctx):
        click.echo("note: some questions name no known topic", err=True)


@click.command("export-gift")
@click.argument("slug")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="File (default: stdout).")
@with_appcontext
def export_gift_command(slug: str, out_path: str | None) -> None:
    """Write a quiz as Moodle GIFT; questions GIFT cannot express are listed on stderr."""
    migrate_database()
    quiz = get_quiz(slug)
    if quiz is None:
        raise click.ClickException(f"there is no quiz '{slug}'")
    text, problems = bank_to_gift(parse_bank(quiz.source, slug))
    for problem in problems:
        click.echo(f"{slug}: {problem.message}", err=True)
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def register_commands(app: Flask) -> None:
    commands = (import_command, export_command, reindex_command, import_gift_command,
                export_gift_command)  # fmt: skip
    for command in commands + ACCOUNT_COMMANDS + RETENTION_COMMANDS:
        app.cli.add_command(command)

"""flask commands: import, export, reindex."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .knowledge.files import ImportFailed, export_folder, import_folder
from .quizzes.files import export_quiz_folder
from .runtime import get_library, import_quizzes, migrate_database


def _report_failure(exc: ImportFailed, what: str) -> click.ClickException:
    for problem in exc.problems:
        click.echo(f"error: {problem}", err=True)
    return click.ClickException(f"no {what} were imported")


@click.command("import")
@click.option("--content", "content_dir", type=click.Path(file_okay=False), help="Topic folder.")
@click.option("--quizzes", "quiz_dir", type=click.Path(file_okay=False), help="Quiz folder.")
@with_appcontext
def import_command(content_dir: str | None, quiz_dir: str | None) -> None:
    """Import content/ and quiz/ into the database (new revisions only for changed files)."""
    migrate_database()
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


@click.command("export")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False), help="Folder for content/ and quiz/."
)
@with_appcontext
def export_command(out_dir: str | None) -> None:
    """Write topics and quizzes back out in the content/ and quiz/ formats."""
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


def register_commands(app: Flask) -> None:
    for command in (import_command, export_command, reindex_command):
        app.cli.add_command(command)

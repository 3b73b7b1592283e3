"""flask commands: import, export, reindex."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .knowledge.files import ImportFailed, export_folder, import_folder
from .runtime import get_library, migrate_database


@click.command("import")
@click.option("--content", "content_dir", type=click.Path(file_okay=False), help="Topic folder.")
@with_appcontext
def import_command(content_dir: str | None) -> None:
    """Import content/ into the database (new revisions only for changed files)."""
    migrate_database()
    folder = content_dir or current_app.config["SHIPSHAPE_CONTENT_DIR"]
    try:
        report = import_folder(folder, author="flask import")
    except ImportFailed as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        raise click.ClickException("nothing was imported") from exc
    click.echo(f"topics: {report.summary()}")
    get_library().topics_changed()


@click.command("export")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Target folder.")
@with_appcontext
def export_command(out_dir: str | None) -> None:
    """Write the database's topics back out in the content/ format."""
    folder = Path(out_dir or current_app.config["SHIPSHAPE_CONTENT_DIR"])
    written = export_folder(folder)
    click.echo(f"topics: {len(written)} written to {folder}")


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

"""flask commands for instructor accounts and API tokens."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from .accounts.service import AccountError, create_instructor, create_token, list_tokens
from .accounts.service import revoke_token as revoke
from .extensions import db
from .runtime import migrate_database


@click.command("create-instructor")
@click.argument("email")
@click.password_option("--password", help="At least 10 characters; prompted for when not given.")
@with_appcontext
def create_instructor_command(email: str, password: str) -> None:
    """Add an instructor, or set a new password for one."""
    migrate_database()
    try:
        instructor = create_instructor(email, password)
    except AccountError as exc:
        raise click.ClickException(f"{exc.field}: {exc.message}") from exc
    db.session.commit()
    click.echo(f"instructor {instructor.email} can sign in at /instructor/sign-in")


@click.command("create-token")
@click.argument("email")
@click.option("--name", default="", help="A label to recognise the token by.")
@with_appcontext
def create_token_command(email: str, name: str) -> None:
    """Print a new API token for an instructor on the last line (it is shown only once)."""
    migrate_database()
    try:
        token = create_token(email, name)
    except AccountError as exc:
        raise click.ClickException(exc.message) from exc
    db.session.commit()
    click.echo("Send it as 'Authorization: Bearer <token>'. It is not shown again:", err=True)
    click.echo(token)


@click.command("list-tokens")
@click.argument("email", required=False)
@with_appcontext
def list_tokens_command(email: str | None) -> None:
    """List API tokens (id, instructor, prefix, name, created, last used, revoked)."""
    migrate_database()
    for t in list_tokens(email):
        state = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "live"
        used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never used"
        click.echo(
            f"{t.id}\t{t.email}\t{t.prefix}…\t{t.name or '-'}\t"
            f"{t.created_at:%Y-%m-%d %H:%M}\t{used}\t{state}"
        )


@click.command("revoke-token")
@click.argument("token_id", type=int)
@with_appcontext
def revoke_token_command(token_id: int) -> None:
    """Revoke an API token by the id list-tokens shows."""
    migrate_database()
    if not revoke(token_id):
        raise click.ClickException(f"there is no live token {token_id}")
    db.session.commit()
    click.echo(f"token {token_id} revoked")


COMMANDS = (
    create_instructor_command,
    create_token_command,
    list_tokens_command,
    revoke_token_command,
)

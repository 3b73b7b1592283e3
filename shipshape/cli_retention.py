"""flask purge: chat turns and never-submitted attempts expire at ages the operator sets."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import with_appcontext

from .chat.retention import purge_turns
from .models import utcnow
from .quizzes.retention import purge_attempts
from .runtime import get_library, migrate_database

TURN_DAYS, ATTEMPT_DAYS = 90, 30
DAYS = click.IntRange(min=1)


@click.command("purge")
@click.option(
    "--turns-older-than", "turn_days", type=DAYS, default=TURN_DAYS, show_default=True,
    help="Delete chat turns (questions, replies, thumbs) asked more than DAYS ago.",
)  # fmt: skip
@click.option(
    "--unsubmitted-attempts-older-than", "attempt_days", type=DAYS, default=ATTEMPT_DAYS,
    show_default=True,
    help="Delete attempts started more than DAYS ago and never submitted.",
)  # fmt: skip
@with_appcontext
def purge_command(turn_days: int, attempt_days: int) -> None:
    """Expire old chat turns and never-submitted attempts; submitted attempts, review cards and
    accounts are kept. Run it daily (cron)."""
    migrate_database()
    now = utcnow()
    turns = purge_turns(now - timedelta(days=turn_days))
    attempts = purge_attempts(now - timedelta(days=attempt_days), get_library().catalog, now)
    click.echo(f"turns deleted: {turns}")
    click.echo(f"unsubmitted attempts deleted: {attempts.deleted}")
    click.echo(f"attempts past their time graded and kept: {attempts.graded}")
    click.echo(f"learners with nothing left deleted: {attempts.learners}")


COMMANDS = (purge_command,)

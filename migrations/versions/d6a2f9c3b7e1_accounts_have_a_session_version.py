"""instructors and learner accounts have a session version: signing out ends every session

Revision ID: d6a2f9c3b7e1
Revises: b3f1c8d2a6e4
Create Date: 2026-12-07 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'd6a2f9c3b7e1'
down_revision = 'b3f1c8d2a6e4'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('instructors', 'learners'):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column('session_version', sa.Integer(), nullable=False, server_default='0')
            )


def downgrade():
    for table in ('instructors', 'learners'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('session_version')

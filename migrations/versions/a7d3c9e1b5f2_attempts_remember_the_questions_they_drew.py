"""Attempts remember the questions they drew (quiz `draw: N`)

Revision ID: a7d3c9e1b5f2
Revises: 7c2e5a9d41b3
Create Date: 2026-12-01 14:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7d3c9e1b5f2'
down_revision = '7c2e5a9d41b3'
branch_labels = None
depends_on = None


def upgrade():
    # NULL for the attempts that exist already: they drew every question of their revision
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('question_ids', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_column('question_ids')

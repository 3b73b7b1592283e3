"""turns.normalized is not indexed: no query uses it, and every ask wrote to it

Revision ID: e2b7c4a9d8f3
Revises: c5e8b2d4f6a1
Create Date: 2026-12-02 00:40:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'e2b7c4a9d8f3'
down_revision = 'c5e8b2d4f6a1'
branch_labels = None
depends_on = None


def upgrade():
    # The insights group turns by an expression over `normalized` (question marks dropped),
    # which this index cannot serve; it only cost a page write per ask.
    op.drop_index('ix_turns_normalized', table_name='turns')


def downgrade():
    op.create_index('ix_turns_normalized', 'turns', ['normalized'], unique=False)

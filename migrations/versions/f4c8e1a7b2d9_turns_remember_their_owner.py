"""turns remember who started their conversation (a key's digest)

Revision ID: f4c8e1a7b2d9
Revises: d6a2f9c3b7e1
Create Date: 2026-12-07 09:10:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'f4c8e1a7b2d9'
down_revision = 'd6a2f9c3b7e1'
branch_labels = None
depends_on = None


def upgrade():
    # Turns from before have no owner: reached by their conversation id alone, as API
    # conversations without a key still are; the chat page shows only its own browser's.
    with op.batch_alter_table('turns') as batch:
        batch.add_column(sa.Column('owner', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('turns') as batch:
        batch.drop_column('owner')

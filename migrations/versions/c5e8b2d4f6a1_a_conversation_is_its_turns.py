"""A conversation is its turns: the conversations table goes, so an ask writes one INSERT

Revision ID: c5e8b2d4f6a1
Revises: a7d3c9e1b5f2
Create Date: 2026-12-01 20:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5e8b2d4f6a1'
down_revision = 'a7d3c9e1b5f2'
branch_labels = None
depends_on = None

# SQLite's foreign keys have no name; batch mode names them by this convention to drop one.
NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
SQLITE_FK = "fk_turns_conversation_id_conversations"


def upgrade():
    # A conversation's last activity is its latest turn's created_at (turns are indexed by
    # conversation_id); the turns keep their conversation_id.
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        with op.batch_alter_table('turns', naming_convention=NAMING) as batch_op:
            batch_op.drop_constraint(SQLITE_FK, type_='foreignkey')
    else:
        for key in sa.inspect(bind).get_foreign_keys('turns'):
            if key['referred_table'] == 'conversations':
                op.drop_constraint(key['name'], 'turns', type_='foreignkey')
    op.drop_index('ix_conversations_updated_at', table_name='conversations')
    op.drop_table('conversations')


def downgrade():
    op.create_table('conversations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_conversations_updated_at', 'conversations', ['updated_at'], unique=False)
    op.execute(
        "INSERT INTO conversations (id, created_at, updated_at) "
        "SELECT conversation_id, MIN(created_at), MAX(created_at) FROM turns "
        "GROUP BY conversation_id"
    )
    with op.batch_alter_table('turns', naming_convention=NAMING) as batch_op:
        batch_op.create_foreign_key(
            SQLITE_FK, 'conversations', ['conversation_id'], ['id'], ondelete='CASCADE'
        )

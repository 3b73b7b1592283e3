"""lone surrogates in stored JSON replaced by U+FFFD

Revision ID: b3f1c8d2a6e4
Revises: e2b7c4a9d8f3
Create Date: 2026-12-07 08:50:00.000000

"""
import json
import re

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b3f1c8d2a6e4'
down_revision = 'e2b7c4a9d8f3'
branch_labels = None
depends_on = None

# Before the input guard, a JSON body's "\ud800" was stored in JSON columns (as that ASCII
# escape, which both databases accept), then failed every page that printed it. Text columns
# never held one: neither driver encodes a lone surrogate. These are the JSON columns a learner
# or an anonymous caller writes: (table, key column, JSON column).
COLUMNS = [
    ('attempt_answers', 'id', 'response'),
    ('attempts', 'id', 'result'),
    ('turns', 'id', 'reply'),
]
SURROGATE = re.compile('[\ud800-\udfff]')


def _cleaned(value):
    if isinstance(value, str):
        return SURROGATE.sub('\ufffd', value)
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _clean_column(connection, table_name, key_name, column_name):
    key, column = sa.column(key_name), sa.column(column_name, sa.JSON)
    table = sa.table(table_name, key, column)
    as_text = sa.cast(sa.column(column_name), sa.Text)
    suspects = connection.execute(
        sa.select(key, as_text).select_from(table).where(
            sa.func.lower(as_text).contains('\\ud', autoescape=True)
        )
    ).all()
    for row_key, text in suspects:
        value = json.loads(text)
        fixed = _cleaned(value)
        if fixed != value:
            connection.execute(table.update().where(key == row_key).values({column_name: fixed}))


def upgrade():
    connection = op.get_bind()
    for table_name, key_name, column_name in COLUMNS:
        _clean_column(connection, table_name, key_name, column_name)


def downgrade():
    pass  # a replaced surrogate was never text: there is nothing to put back

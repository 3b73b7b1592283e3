"""learners and review cards; attempts belong to a learner

Revision ID: 7c2e5a9d41b3
Revises: 4fcc662edbd6
Create Date: 2026-12-01 14:00:00

Each distinct browser key in attempts.owner becomes a learner whose key_digest is the key's
SHA-256, so a browser keeps its history; the owner column then goes.
"""
import hashlib

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c2e5a9d41b3'
down_revision = '4fcc662edbd6'
branch_labels = None
depends_on = None


def upgrade():
    learners = op.create_table('learners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_digest', sa.String(length=64), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email'),
    sa.UniqueConstraint('key_digest')
    )
    op.create_table('review_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('fsrs', sa.JSON(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('reviews', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learners.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quizzes.id'], ),
    sa.ForeignKeyConstraint(['revision_id'], ['quiz_revisions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('learner_id', 'quiz_id', 'question_id')
    )
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_cards_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_cards_learner_id'), ['learner_id'], unique=False)

    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('learner_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_attempts_learner_id'), ['learner_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_attempts_learner_id_learners', 'learners', ['learner_id'], ['id'],
            ondelete='SET NULL',
        )

    _owners_to_learners(learners)

    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempts_owner'))
        batch_op.drop_column('owner')


def _owners_to_learners(learners):
    connection = op.get_bind()
    attempts = sa.table('attempts', sa.column('owner', sa.String), sa.column('learner_id', sa.Integer))
    owners = connection.execute(
        sa.select(attempts.c.owner).where(attempts.c.owner.is_not(None)).distinct()
    ).scalars().all()
    now = sa.func.current_timestamp()
    for owner in owners:
        digest = hashlib.sha256(owner.encode()).hexdigest()
        learner_id = connection.execute(
            learners.insert().values(key_digest=digest, created_at=now).returning(learners.c.id)
        ).scalar_one()
        connection.execute(
            attempts.update().where(attempts.c.owner == owner).values(learner_id=learner_id)
        )


def downgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_attempts_owner'), ['owner'], unique=False)
    # Browser keys were kept only as digests: attempts go back to having no owner.
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_constraint('fk_attempts_learner_id_learners', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_attempts_learner_id'))
        batch_op.drop_column('learner_id')

    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_cards_learner_id'))
        batch_op.drop_index(batch_op.f('ix_review_cards_due_at'))

    op.drop_table('review_cards')
    op.drop_table('learners')

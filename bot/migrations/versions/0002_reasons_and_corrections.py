"""Why an answer got a thumbs down (feedback.reason), and staff corrections with their history.

Databases made between the two (by the code's own create_all) may already have either: each step
is taken only where it is missing.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())
    if "reason" not in {column["name"] for column in inspector.get_columns("feedback")}:
        op.add_column("feedback", sa.Column("reason", sa.String(24), nullable=False, server_default=""))
    if "corrections" not in tables:
        op.create_table(
            "corrections",
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("lang", sa.String(2), nullable=False),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("doc", sa.String(100), nullable=False),
            sa.Column("article", sa.Integer(), nullable=True),
            sa.Column("clause", sa.Integer(), nullable=True),
            sa.Column("answer_zh", sa.Text(), nullable=False),
            sa.Column("answer_en", sa.Text(), nullable=False),
            sa.Column("before", sa.JSON(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("created_by", sa.String(80), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_by", sa.String(80), nullable=False),
        )
    if "correction_events" not in tables:
        op.create_table(
            "correction_events",
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("correction_id", sa.Integer(), nullable=False),
            sa.Column("event", sa.String(8), nullable=False),
            sa.Column("who", sa.String(80), nullable=False),
            sa.Column("at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("before", sa.JSON(), nullable=True),
            sa.Column("after", sa.JSON(), nullable=True),
        )
        op.create_index("ix_correction_events_correction_id", "correction_events", ["correction_id"])


def downgrade() -> None:
    op.drop_table("correction_events")
    op.drop_table("corrections")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("reason")

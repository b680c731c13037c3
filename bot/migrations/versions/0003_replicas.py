"""What replicas share: each feedback's key (a retried request is stored once), and the rate limit's
per-client counts (rate_hits).

Revision ID: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    # each step only where it is missing: SQLite commits an ADD COLUMN at once, so a start that died half-way
    # through this migration left the column without the version
    if "request_key" not in {column["name"] for column in inspector.get_columns("feedback")}:
        op.add_column("feedback", sa.Column("request_key", sa.String(64), nullable=False, server_default=""))
    op.execute("UPDATE feedback SET request_key = 'stored-' || CAST(id AS VARCHAR(20)) WHERE request_key = ''")
    if "ix_feedback_request_key" not in {index["name"] for index in inspector.get_indexes("feedback")}:
        op.create_index("ix_feedback_request_key", "feedback", ["request_key"], unique=True)
    if "rate_hits" in inspector.get_table_names():
        return
    op.create_table(
        "rate_hits",
        sa.Column("scope", sa.String(16), primary_key=True),
        sa.Column("client", sa.String(64), primary_key=True),
        sa.Column("minute", sa.Integer(), primary_key=True),
        sa.Column("hits", sa.Integer(), nullable=False),
    )
    op.create_index("ix_rate_hits_minute", "rate_hits", ["minute"])


def downgrade() -> None:
    op.drop_table("rate_hits")
    op.drop_index("ix_feedback_request_key", "feedback")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("request_key")

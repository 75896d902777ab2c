"""Alembic environment: runs migrations on the connection the program hands over.

The program never uses alembic.ini; `db.schema.upgrade_to_head` builds the config and
passes an open connection in `config.attributes["connection"]`.
"""

from alembic import context

from dienchau_desktop.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

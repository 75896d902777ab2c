"""Evidence content read in pieces, past the ORM: SQLite's incremental blob I/O.

A file of 50 MB is read through `sqlite3.Connection.blobopen` a piece at a time, so
opening or checking one never holds it whole in memory. Like db/raw_reads.py, this
is driver-specific and lives in `db/`: a second database engine provides it again.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from dienchau_desktop.db.database import driver_connection
from dienchau_desktop.db.models import AttachmentContent

#: The table and column holding the bytes (the row is AttachmentContent.id).
_TABLE = AttachmentContent.__tablename__
_COLUMN = AttachmentContent.data.key


def content_pieces(session: Session, content_id: int, piece: int) -> Iterator[bytes]:
    """The bytes of content `content_id`, `piece` bytes at a time, read inside
    `session`'s transaction (one snapshot from the first piece to the last)."""
    raw = driver_connection(session.connection())
    with raw.blobopen(_TABLE, _COLUMN, content_id, readonly=True) as blob:
        while chunk := blob.read(piece):
            yield chunk

"""The data file's own id and the key sealing its return forms (core.return_seal), kept
in the table `file_secret`; and the task titles a returned form is checked against."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from dienchau_desktop.core import return_seal
from dienchau_desktop.db import raw_reads
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import FileSecret
from dienchau_desktop.services import audit

FILE_ID = "file_id"
RETURN_FORM_KEY = "return_form_key"


@dataclass(frozen=True, slots=True)
class FormKey:
    """The data file's id (written in its forms) and its sealing key (never written)."""

    file_id: str
    key: str


def form_key(db: Database) -> FormKey | None:
    """The file's id and key, or None when no return form was ever made from it."""
    with db.read() as session:
        found = dict(session.execute(select(FileSecret.name, FileSecret.value)).tuples().all())
    if FILE_ID in found and RETURN_FORM_KEY in found:
        return FormKey(found[FILE_ID], found[RETURN_FORM_KEY])
    return None


def ensure_form_key(db: Database) -> FormKey:
    """The file's id and key, made the first time they are needed (a file from an older
    version has none). In a write transaction: two exports at once make one key."""
    existing = form_key(db)
    if existing is not None:
        return existing
    with db.write() as session:
        found = {s.name: s for s in session.scalars(select(FileSecret))}
        for name, make in ((FILE_ID, return_seal.new_file_id),
                           (RETURN_FORM_KEY, return_seal.new_key)):  # fmt: skip
            if name not in found:
                found[name] = FileSecret(name=name, value=make(), created_at=audit.now())
                session.add(found[name])
        return FormKey(found[FILE_ID].value, found[RETURN_FORM_KEY].value)


def task_titles(db: Database, plan_id: int) -> dict[int, str]:
    """Each task of the plan and its title as it stands now."""
    with db.read() as session:
        return dict(raw_reads.task_title_rows(session, plan_id))

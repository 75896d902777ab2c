"""One application-level signal that says what changed; every view refreshes from it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from dienchau_desktop.core.errors import UserError


@dataclass(frozen=True, slots=True)
class Change:
    """What a finished operation changed.

    `what` is "items" (a plan's tree: structure or fields), "progress" (entries of
    tasks), "periods", "plan" (a plan's header), "plans" (plans added or removed) or
    "units".
    """

    what: str
    plan_id: int | None = None
    item_ids: tuple[int, ...] = ()
    #: False when only fields changed: views may update rows in place.
    structure: bool = True


class ChangeBus(QObject):
    """Carries `Change`s from the operations to the views, and failures to the window."""

    changed = Signal(object)
    failed = Signal(object)  # a UserError raised while undoing or redoing

    def announce(self, change: Change) -> None:
        self.changed.emit(change)

    def report(self, error: UserError) -> None:
        self.failed.emit(error)

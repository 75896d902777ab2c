"""Every user edit is one of these: a QUndoCommand that calls a service.

A command runs its service call once before it is pushed (`perform`), so a value the
service refuses is shown to the user and never enters the undo stack. Undo and redo
call the services again and announce what changed on the bus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from dienchau_desktop.core.errors import UserError
from dienchau_desktop.core.task_fields import FIELDS
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress, units
from dienchau_desktop.services.items import ItemNode, RemovedSubtree
from dienchau_desktop.ui.change_bus import Change, ChangeBus

if TYPE_CHECKING:  # the importer is loaded when a return is imported, not at start-up
    from dienchau_desktop.importers.returns import ReturnContents


class ServiceCommand(QUndoCommand):
    """Base: `apply()` does the change (first time and on redo), `revert()` undoes it."""

    def __init__(self, db: Database, bus: ChangeBus, text: str) -> None:
        super().__init__(text)
        self.db = db
        self.bus = bus
        self._skip_first_redo = False

    def apply(self) -> Change:
        raise NotImplementedError

    def revert(self) -> Change:
        raise NotImplementedError

    def changed_nothing(self) -> bool:
        """True when the first apply left everything as it was (nothing to undo)."""
        return False

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], Change]) -> None:
        try:
            change = step()
        except UserError as error:
            # The data file went away or got locked between two clicks: say so; the
            # stack cannot be trusted to match the data any more, so it is cleared.
            self.setObsolete(True)
            self.bus.report(error)
            return
        self.bus.announce(change)


def perform(stack: QUndoStack, command: ServiceCommand) -> Change:
    """Run `command` now and push it; a `UserError` propagates and nothing is pushed."""
    change = command.apply()
    if command.changed_nothing():
        return change
    command._skip_first_redo = True
    stack.push(command)
    command.bus.announce(change)
    return change


def edit_text(field: str) -> str:
    """The name of an edit of an item's `field` in the Edit menu: "Change deadline"
    (core.task_fields names it; its translations are the form's)."""
    return QCoreApplication.translate("TaskForm", FIELDS[field].undo_text)


class EditItemCommand(ServiceCommand):
    """Change one or more fields of an item."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        node: ItemNode,
        new: dict[str, Any],
        old: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(db, bus, text)
        self.item_id, self.plan_id = node.id, node.plan_id
        self.new, self.old = new, old

    def _set(self, values: dict[str, Any]) -> Change:
        items.update_item(self.db, self.item_id, **values)
        # A paragraph of text takes no number: its siblings' numbers follow its kind.
        placed = (self.item_id,) if "kind" in values else ()
        return Change("items", self.plan_id, (self.item_id,), placed=placed)

    def apply(self) -> Change:
        return self._set(self.new)

    def revert(self) -> Change:
        return self._set(self.old)


class AddLeadUnitCommand(ServiceCommand):
    """Add the unit typed into "Chủ trì" and make it the item's lead, in one step."""

    def __init__(self, db: Database, bus: ChangeBus, node: ItemNode, name: str,
                 text: str) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.item_id, self.plan_id, self.name = node.id, node.plan_id, name
        self.old_lead = node.lead_unit_id
        self.unit_id: int | None = None

    def apply(self) -> Change:
        self.unit_id = units.create_unit(self.db, self.name).id
        items.update_item(self.db, self.item_id, lead_unit_id=self.unit_id)
        return Change("units", self.plan_id, (self.item_id,))

    def revert(self) -> Change:
        items.update_item(self.db, self.item_id, lead_unit_id=self.old_lead)
        if self.unit_id is not None:
            units.delete_unit(self.db, self.unit_id)
        return Change("units", self.plan_id, (self.item_id,))


class AddItemCommand(ServiceCommand):
    """Add a section, task or paragraph; undo removes it, redo puts the same one back."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        plan_id: int,
        kind: str,
        title: str,
        parent_id: int | None,
        position: int | None,
        text: str,
        **fields: Any,
    ) -> None:
        super().__init__(db, bus, text)
        self.plan_id, self.kind, self.title = plan_id, kind, title
        self.parent_id, self.position, self.fields = parent_id, position, fields
        self.item_id: int | None = None
        self._removed: RemovedSubtree | None = None

    def apply(self) -> Change:
        if self._removed is None:
            item_id, part = items.add_item_placed(
                self.db, self.plan_id, self.kind, self.title,
                parent_id=self.parent_id, position=self.position, **self.fields,
            )  # fmt: skip
        else:
            item_id, part = items.restore_subtree_placed(self.db, self._removed)
        self.item_id = item_id
        return Change("items", self.plan_id, (item_id,), placed=(item_id,), nodes=tuple(part))

    def revert(self) -> Change:
        assert self.item_id is not None
        self._removed, part = items.delete_item_placed(self.db, self.item_id)
        return Change("items", self.plan_id, removed=(self.item_id,), nodes=tuple(part))


class DeleteItemCommand(ServiceCommand):
    """Delete an item and its subtree; undo restores every row with its id."""

    def __init__(self, db: Database, bus: ChangeBus, node: ItemNode, text: str) -> None:
        super().__init__(db, bus, text)
        self.item_id, self.plan_id = node.id, node.plan_id
        self._removed: RemovedSubtree | None = None

    def apply(self) -> Change:
        self._removed, part = items.delete_item_placed(self.db, self.item_id)
        return Change("items", self.plan_id, removed=(self.item_id,), nodes=tuple(part))

    def revert(self) -> Change:
        assert self._removed is not None
        item_id, part = items.restore_subtree_placed(self.db, self._removed)
        return Change("items", self.plan_id, (item_id,), placed=(item_id,), nodes=tuple(part))


class MoveItemCommand(ServiceCommand):
    """Move an item (up, down, indent, outdent, drag and drop): back to where it was on undo."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        node: ItemNode,
        move: Callable[[], ItemNode],
        text: str,
    ) -> None:
        super().__init__(db, bus, text)
        self.item_id, self.plan_id = node.id, node.plan_id
        self.before = (node.parent_id, node.position)
        self.after: tuple[int | None, int] | None = None
        self._first_move: Callable[[], ItemNode] | None = move

    def apply(self) -> Change:
        if self._first_move is not None:
            node = self._first_move()
            self._first_move = None
            self.after = (node.parent_id, node.position)
        else:
            assert self.after is not None
            items.move_item(self.db, self.item_id, *self.after)
        return Change("items", self.plan_id, (self.item_id,), placed=(self.item_id,))

    def revert(self) -> Change:
        items.move_item(self.db, self.item_id, *self.before)
        return Change("items", self.plan_id, (self.item_id,), placed=(self.item_id,))

    def changed_nothing(self) -> bool:
        return self.after == self.before


class EditPlanCommand(ServiceCommand):
    """Change a plan's header or closing fields."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        plan_id: int,
        new: dict[str, Any],
        old: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(db, bus, text)
        self.plan_id, self.new, self.old = plan_id, new, old

    def apply(self) -> Change:
        plans.update_plan(self.db, self.plan_id, **self.new)
        return Change("plan", self.plan_id)

    def revert(self) -> Change:
        plans.update_plan(self.db, self.plan_id, **self.old)
        return Change("plan", self.plan_id)


class RecordProgressCommand(ServiceCommand):
    """Add a progress entry; undo withdraws it, redo records it again."""

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        node: ItemNode,
        period_id: int,
        values: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(db, bus, text)
        self.item_id, self.plan_id, self.period_id = node.id, node.plan_id, period_id
        self.values = values
        self.entry_id: int | None = None

    def apply(self) -> Change:
        entry = progress.record_progress(self.db, self.item_id, self.period_id, **self.values)
        self.entry_id = entry.id
        return Change("progress", self.plan_id, (self.item_id,))

    def revert(self) -> Change:
        assert self.entry_id is not None
        progress.withdraw_entry(self.db, self.entry_id)
        return Change("progress", self.plan_id, (self.item_id,))


class ImportReturnCommand(ServiceCommand):
    """Record what a unit's return brings; undo withdraws every entry it recorded.

    Recording compares each row again with what is recorded, under the write lock
    (importers.returns.record_return): the same return imported at the same moment
    from the command line, or from a second window, is not recorded twice."""

    def __init__(self, db: Database, bus: ChangeBus, contents: ReturnContents,
                 text: str) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.contents = contents
        self.plan_id = contents.period.plan_id
        self.recorded: list[progress.ProgressInfo] = []

    def apply(self) -> Change:
        from dienchau_desktop.importers.returns import record_return

        self.recorded = record_return(self.db, self.contents)
        return self._change()

    def revert(self) -> Change:
        progress.withdraw_entries(self.db, [e.id for e in self.recorded])
        return self._change()

    def changed_nothing(self) -> bool:
        return not self.recorded

    def _change(self) -> Change:
        return Change("progress", self.plan_id, tuple(e.item_id for e in self.recorded))


class DeletePeriodCommand(ServiceCommand):
    """Delete a reporting period that holds no entries; undo puts it back with its id."""

    def __init__(self, db: Database, bus: ChangeBus, period: periods.PeriodInfo,
                 text: str) -> None:  # fmt: skip
        super().__init__(db, bus, text)
        self.period_id, self.plan_id = period.id, period.plan_id
        self._removed: periods.DeletedPeriod | None = None

    def apply(self) -> Change:
        self._removed = periods.delete_period(self.db, self.period_id)
        return Change("periods", self.plan_id)

    def revert(self) -> Change:
        assert self._removed is not None
        # Its id may have gone to a period added since: redo deletes the one restored.
        self.period_id = periods.restore_period(self.db, self._removed).id
        return Change("periods", self.plan_id)

"""The plan tree as a Qt item model over a `PlanTree` snapshot from the services.

It never touches the database: edits made in the view (a title typed in place, a drag
and drop) are passed on as signals, which the window turns into undoable commands.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.folding import search_key
from dienchau_desktop.core.status import Urgency, roll_up, urgency
from dienchau_desktop.services.items import ItemNode, PlanTree, outline_numbers
from dienchau_desktop.services.progress import ProgressInfo

log = logging.getLogger(__name__)

MIME_TYPE = "application/x-dienchau-item-id"

# Custom roles, for the window and the tests.
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

# The roles as plain ints: the view asks data() seven roles for each painted cell,
# and reading an enum member in Python costs as much as answering.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ITEM_ID = int(ITEM_ID_ROLE)
_KIND = int(KIND_ROLE)
_URGENCY = int(URGENCY_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Look(NamedTuple):
    """What a row shows, worked out once and kept until its item or state changes:
    a repaint after an edit then asks Python only for the rows that changed."""

    texts: tuple[str, str, str, str, str, str]  # one per column
    font: QFont | None
    background: QBrush | None
    icon: QIcon  # in the status column
    urgency: int


def _same_look(one: _Look, other: _Look) -> bool:
    """Whether two looks paint the same row. The font, icon and background follow
    from the item's kind and state: the fonts and icons are shared objects, and a
    background is made anew each time from the state's colour."""
    return (
        one.texts == other.texts
        and one.font is other.font
        and one.icon is other.icon
        and one.urgency == other.urgency
        and (one.background is None) == (other.background is None)
    )


_ROOT = QModelIndex()  # the invisible root, as a default argument

# Light backgrounds, with dark text, so the row stays readable; the status column
# also carries an icon and a word, so the colour is never the only signal.
URGENCY_BACKGROUNDS = {
    Urgency.OVERDUE: QColor("#f8d0d0"),
    Urgency.DUE_SOON: QColor("#fbe5b6"),
    Urgency.COMPLETED: QColor("#d3efd6"),
}


def status_icon(kind: Urgency) -> QIcon:
    """Small shape icons: circle for overdue, triangle for due soon, square for done."""
    colours = {
        Urgency.OVERDUE: "#c62828",
        Urgency.DUE_SOON: "#e69500",
        Urgency.COMPLETED: "#2e7d32",
    }
    if kind not in colours:
        return QIcon()
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours[kind]))
    if kind is Urgency.OVERDUE:
        painter.drawEllipse(1, 1, 12, 12)
    elif kind is Urgency.DUE_SOON:
        painter.drawPolygon(QPolygonF([QPointF(7, 1), QPointF(13, 13), QPointF(1, 13)]))
    else:
        painter.drawRect(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


_BASE_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
)
_ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
#: An item's flags by (may hold children, holds none now, is the title column).
#: "Never has children" on a row without any spares the view a call of hasChildren
#: for each such row when it lays the tree out again (after every add, delete and
#: move: 2,000 calls into Python with a search active in a district plan); the view
#: asks the flags again once the row has children.
_FLAGS = {
    (holds, empty, title): _BASE_FLAGS
    | (Qt.ItemFlag.ItemIsDropEnabled if holds else Qt.ItemFlag.NoItemFlags)
    | (Qt.ItemFlag.ItemNeverHasChildren if empty else Qt.ItemFlag.NoItemFlags)
    | (Qt.ItemFlag.ItemIsEditable if title else Qt.ItemFlag.NoItemFlags)
    for holds in (False, True)
    for empty in (False, True)
    for title in (False, True)
}


def _searchable(node: ItemNode) -> str:
    """What a search looks in: titles, units, people, products, notes, deadlines."""
    return " ".join(
        (
            node.number, node.title, node.body, node.lead_unit_name, *node.coordinator_names,
            node.responsible_person, node.expected_product, node.notes, node.deadline_text,
            node.indicator_text,
        )
    )  # fmt: skip


class PlanTreeModel(QAbstractItemModel):
    """Sections, tasks and paragraphs of one plan, with computed numbers and states."""

    NUMBER, TITLE, LEAD, DEADLINE, STATUS, PERCENT = range(6)

    #: An edit typed in the view: item id, field name, new value.
    edit_requested = Signal(int, str, object)
    #: A drop: item id, new parent id (or None), new position.
    move_requested = Signal(int, object, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tree = PlanTree(0, ())
        # The rows shown: each shown item's children, row and parent.
        self._children: dict[int | None, list[int]] = {None: []}
        self._row: dict[int, int] = {}
        self._parent: dict[int, int | None] = {}
        self._gone: dict[int, ItemNode] = {}  # items a patch is taking out of view
        self._visible: set[int] | None = None  # None: every item is shown
        self._urgency: dict[int, Urgency] = {}
        self._task_urgency: dict[int, Urgency] = {}  # the tasks' alone, for counting
        #: How many tasks are in each state, kept as they change: counting 10,000
        #: tasks after each edit took a millisecond of it.
        self._urgency_counts: Counter[Urgency] = Counter()
        self._percent: dict[int, float | None] = {}
        #: Each item's tasks' sums for a group's percent (the weighted mean):
        #: (weights, percents × weights, tasks, any percent reported). A parent adds
        #: its children's, so an edit deep in a big section does not go through all of
        #: its tasks again for each group above it.
        self._sums: dict[int, tuple[float, float, int, bool]] = {}
        self._progress: dict[int, ProgressInfo] = {}
        self._folded: dict[int, str] | None = None
        self._outlines: dict[int, str] | None = None
        self._today = date.today()
        self._icons: dict[Urgency, QIcon] = {}
        self._state_words: dict[str | None, str] | None = None
        self._looks: dict[int, _Look] = {}
        # Looks of rows whose item or state changed, kept until the row is shown again:
        # the same object is kept when the row shows the same (ui.row_images).
        self._old_looks: dict[int, _Look] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # ------------------------------------------------------------------ snapshot

    @property
    def tree(self) -> PlanTree:
        return self._tree

    def set_tree(self, tree: PlanTree, today: date | None = None) -> None:
        """Show a new snapshot. Same shape: rows are updated in place; else a reset."""
        self._today = today or date.today()
        same_shape = [(n.id, n.parent_id, n.child_ids) for n in tree.nodes] == [
            (n.id, n.parent_id, n.child_ids) for n in self._tree.nodes
        ]
        if same_shape and tree.nodes and self._visible is None:
            changed = [n.id for n in tree.nodes if n != self._tree.node(n.id)]
            self._tree = tree
            self._compute_states()
            self._folded = None
            self._outlines = None
            for item_id in changed:
                self._emit_row_changed(item_id)
            return
        self.beginResetModel()
        self._tree = tree
        self._visible = None
        self._compute_states()
        self._folded = None
        self._outlines = None
        self._index_rows()
        self.endResetModel()

    def set_visible(self, visible: set[int] | None) -> None:
        """Show only the items in `visible` (a filter's result); None shows them all."""
        self.beginResetModel()
        self._visible = visible
        self._index_rows()
        self.endResetModel()

    @property
    def visible_rows(self) -> set[int] | None:
        """The items the filter shows (None: all of them)."""
        return self._visible

    def is_shown(self, item_id: int) -> bool:
        return item_id in self._row

    def _index_rows(self) -> None:
        shown = self._visible
        self._children = {}
        self._row = {}
        self._parent = {}
        roots = [n.id for n in self._tree.roots()]
        for parent_id, kids in [(None, roots)] + [(n.id, n.child_ids) for n in self._tree.nodes]:
            if shown is not None:
                if parent_id is not None and parent_id not in shown:
                    continue
                kids = [k for k in kids if k in shown]
            self._children[parent_id] = list(kids)
            for row, child in enumerate(kids):
                self._row[child] = row
                self._parent[child] = parent_id

    def _emit_row_changed(self, item_id: int) -> None:
        # The state of the ancestors may change with the item's: refresh them too.
        current: int | None = item_id
        while current is not None:
            left = self.index_for_id(current, self.NUMBER)
            right = self.index_for_id(current, self.PERCENT)
            self.dataChanged.emit(left, right)
            current = self._tree.node(current).parent_id

    def set_progress(self, entries: dict[int, ProgressInfo]) -> None:
        """Show each task's latest progress (status colour and percent)."""
        self._progress = dict(entries)
        self.layoutAboutToBeChanged.emit()
        self._compute_states()
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ patching

    def patch(
        self,
        fresh: Iterable[ItemNode] = (),
        removed: Iterable[int] = (),
        entries: Mapping[int, ProgressInfo | None] | None = None,
        visible: Callable[[set[int], set[int], set[int]], set[int] | None] | None = None,
    ) -> list[int]:
        """Apply a change in place: `fresh` nodes (as `items.nodes` returns them) put
        in, the items `removed` taken out with what they hold, tasks' latest `entries`
        (None: none any more) set. `visible` works out the filter's rows afterwards
        from the items whose text or place changed, those whose state may have
        changed and those removed (None: every row is shown). Rows are inserted,
        removed and moved, and changed rows announced with dataChanged, so the view
        keeps its expanded rows, its selection and its scroll position. Returns the
        rows put in view (each with what it holds)."""
        old = self._tree
        fresh = list(fresh)
        removed = [r for r in removed if self._old_node(old, r) is not None]
        gone: dict[int, ItemNode] = {}
        for top in removed:
            below = [top]
            while below:
                node = old.node(below.pop())
                gone[node.id] = node
                below.extend(node.child_ids)
        changed = [n for n in fresh if self._old_node(old, n.id) != n]
        self._tree = old.patched(changed, removed)
        self._gone = gone
        try:
            touched = self._patch_data(old, changed, gone, removed, entries or {})
            new_visible = None
            if visible is not None:
                new_visible = visible({n.id for n in changed}, touched, set(gone))
            placed = self._patch_rows(old, changed, gone, new_visible)
        finally:
            self._gone = {}
        for item_id in touched:
            if item_id in self._row:
                self.dataChanged.emit(
                    self.createIndex(self._row[item_id], self.NUMBER, item_id),
                    self.createIndex(self._row[item_id], self.PERCENT, item_id),
                )
        return placed

    @staticmethod
    def _old_node(tree: PlanTree, item_id: int) -> ItemNode | None:
        try:
            return tree.node(item_id)
        except KeyError:
            return None

    def _patch_data(
        self,
        old: PlanTree,
        changed: list[ItemNode],
        gone: dict[int, ItemNode],
        removed: list[int],
        entries: Mapping[int, ProgressInfo | None],
    ) -> set[int]:
        """States, search keys and full numbers of what changed; returns the items
        whose row shows something new."""
        for item_id in gone:
            if item_id in self._task_urgency:
                self._urgency_counts[self._task_urgency[item_id]] -= 1
            for table in (self._urgency, self._task_urgency, self._percent, self._sums,
                          self._progress, self._looks, self._old_looks):  # fmt: skip
                table.pop(item_id, None)
            if self._folded is not None:
                self._folded.pop(item_id, None)
            if self._outlines is not None:
                self._outlines.pop(item_id, None)
        tree = self._tree
        for item_id, entry in entries.items():
            if entry is None:
                self._progress.pop(item_id, None)
            elif item_id not in gone:
                self._progress[item_id] = entry
        # Children before parents: a new subtree's states are made from the bottom.
        stale = {n.id for n in changed}
        stale.update(i for i in entries if self._old_node(tree, i) is not None)
        stale.update(old.node(r).parent_id for r in removed if old.node(r).parent_id is not None)
        touched = set()
        for item_id in stale:
            current: int | None = item_id
            while current is not None and current not in touched:
                touched.add(current)
                current = tree.node(current).parent_id
        for node in sorted((tree.node(i) for i in touched), key=lambda n: -n.depth):
            self._compute_state(node)
        if self._folded is not None:
            for node in changed:
                self._folded[node.id] = search_key(_searchable(node))
        if self._outlines is not None:
            # A new number, depth or parent changes the full number of all it holds.
            renumbered = [
                n for n in changed
                if (before := self._old_node(old, n.id)) is None
                or (before.number, before.depth, before.parent_id)
                != (n.number, n.depth, n.parent_id)
            ]  # fmt: skip
            done: set[int] = set()
            for node in sorted(renumbered, key=lambda n: n.depth):
                if node.id not in done:
                    done.update(self._outline_below(node.id))
        return touched

    def _outline_below(self, item_id: int) -> list[int]:
        """Full numbers of an item and all it holds (its parent's is up to date);
        returns the items renumbered."""
        assert self._outlines is not None
        tree = self._tree
        below = [item_id]
        done = []
        while below:
            node = tree.node(below.pop())
            done.append(node.id)
            above = self._outlines.get(node.parent_id, "") if node.parent_id is not None else ""
            part = node.number
            if not part:
                self._outlines[node.id] = above
            elif part in {"-", "+"} or above.endswith(")"):
                self._outlines[node.id] = f"{above} {part}".strip()
            else:
                self._outlines[node.id] = above + part
            below.extend(node.child_ids)
        return done

    def _patch_rows(
        self,
        old: PlanTree,
        changed: list[ItemNode],
        gone: dict[int, ItemNode],
        visible: set[int] | None,
    ) -> list[int]:
        """Bring the rows shown to the new tree and `visible` with row removals, moves
        and insertions. Returns the rows inserted."""
        tree = self._tree
        shown_before = set(self._row)
        shown_after = visible if visible is not None else {n.id for n in tree.nodes}
        self._visible = visible
        # The parents whose list of rows may differ.
        parents: set[int | None] = {None} if not shown_before else set()
        for node in changed:
            parents.add(node.id)
            parents.add(node.parent_id)
            if node.id in self._parent:
                parents.add(self._parent[node.id])
        for item_id in gone:
            if item_id in self._parent:
                parents.add(self._parent[item_id])
        for item_id in shown_before ^ shown_after:
            if item_id in self._parent:
                parents.add(self._parent[item_id])
            if item_id in shown_after:
                parents.add(tree.node(item_id).parent_id)
        # Only lists of rows shown before and after are patched; a parent coming into
        # view brings its rows with it, one going out takes them away.
        targets: dict[int | None, list[int]] = {}
        for parent_id in parents:
            if parent_id is None:
                kids = [n.id for n in tree.roots()]
            elif parent_id in shown_before and parent_id in shown_after:
                kids = list(tree.node(parent_id).child_ids)
            else:
                continue
            targets[parent_id] = [k for k in kids if k in shown_after]
        try:
            self._remove_rows(targets, self._leaving(targets, shown_after))
            self._move_rows(targets)
            return self._insert_rows(targets)
        except _Refused:
            log.error("the tree's rows could not be patched; shown again from the start")
            self.beginResetModel()
            self._index_rows()
            self.endResetModel()
            return []

    def _takes(self, parent_id: int | None, targets: dict[int | None, list[int]]) -> bool:
        return parent_id is None or parent_id in targets

    def _leaving(
        self, targets: dict[int | None, list[int]], shown_after: set[int]
    ) -> dict[int | None, list[int]]:
        """The rows to remove from each parent: those going out of view, and those
        going to a parent whose rows are not patched (they come back with it). A
        parent in `targets` inside a row removed is dropped from `targets`: its rows
        go with that row and come back, if at all, with what is inserted."""
        while True:
            leaving: dict[int | None, list[int]] = {}
            for parent_id, target in targets.items():
                keep = set(target)
                leaving[parent_id] = [
                    row for row, item_id in enumerate(self._children[parent_id])
                    if item_id not in keep and (
                        item_id not in shown_after
                        or not self._takes(self._tree.node(item_id).parent_id, targets)
                    )
                ]  # fmt: skip
            lost: set[int] = set()
            for parent_id, rows in leaving.items():
                below = [self._children[parent_id][row] for row in rows]
                while below:
                    item_id = below.pop()
                    lost.add(item_id)
                    below.extend(self._children.get(item_id, ()))
            dropped = [p for p in targets if p is not None and p in lost]
            if not dropped:
                return leaving
            for parent_id in dropped:
                del targets[parent_id]

    def _remove_rows(
        self, targets: dict[int | None, list[int]], leaving: dict[int | None, list[int]]
    ) -> None:
        for parent_id in targets:
            current = self._children[parent_id]
            for first, last in reversed(_runs(leaving[parent_id])):
                self.beginRemoveRows(self._index_of(parent_id), first, last)
                taken = current[first : last + 1]
                del current[first : last + 1]
                self._renumber_rows(parent_id)
                self.endRemoveRows()
                for item_id in taken:
                    self._forget(item_id)

    def _move_rows(self, targets: dict[int | None, list[int]]) -> None:
        for parent_id, target in targets.items():
            current = self._children[parent_id]
            for row, item_id in enumerate(k for k in target if k in self._row):
                if row < len(current) and current[row] == item_id:
                    continue
                source = self._parent[item_id]
                source_row = self._row[item_id]
                if not self.beginMoveRows(
                    self._index_of(source), source_row, source_row, self._index_of(parent_id), row
                ):
                    raise _Refused
                self._children[source].pop(source_row)
                current.insert(row, item_id)
                self._parent[item_id] = parent_id
                self._renumber_rows(source)
                self._renumber_rows(parent_id)
                self.endMoveRows()

    def _insert_rows(self, targets: dict[int | None, list[int]]) -> list[int]:
        inserted: list[int] = []
        for parent_id, target in targets.items():
            current = self._children[parent_id]
            row = 0
            while row < len(target):
                if row < len(current) and current[row] == target[row]:
                    row += 1
                    continue
                if target[row] in self._row:
                    raise _Refused  # a row shown elsewhere: the moves missed it
                end = row
                while end < len(target) and target[end] not in self._row:
                    end += 1
                self.beginInsertRows(self._index_of(parent_id), row, end - 1)
                current[row:row] = target[row:end]
                self._renumber_rows(parent_id)
                for item_id in target[row:end]:
                    self._parent[item_id] = parent_id
                    self._show_below(item_id)
                self.endInsertRows()
                inserted.extend(target[row:end])
                row = end
        return inserted

    def _show_below(self, item_id: int) -> None:
        """The rows under an item coming into view."""
        shown = self._visible
        below = [item_id]
        while below:
            node = self._tree.node(below.pop())
            kids = [k for k in node.child_ids if shown is None or k in shown]
            self._children[node.id] = kids
            for row, child in enumerate(kids):
                self._row[child] = row
                self._parent[child] = node.id
            below.extend(kids)

    def _forget(self, item_id: int) -> None:
        """An item gone out of view, with the rows it held."""
        below = [item_id]
        while below:
            current = below.pop()
            self._row.pop(current, None)
            self._parent.pop(current, None)
            below.extend(self._children.pop(current, ()))

    def _renumber_rows(self, parent_id: int | None) -> None:
        for row, item_id in enumerate(self._children[parent_id]):
            self._row[item_id] = row

    def _index_of(self, item_id: int | None) -> QModelIndex:
        if item_id is None:
            return QModelIndex()
        return self.createIndex(self._row[item_id], 0, item_id)

    def _node(self, item_id: int) -> ItemNode:
        """The node of a row, also of one a patch is taking out of view."""
        try:
            return self._tree.node(item_id)
        except KeyError:
            return self._gone[item_id]

    def progress_of(self, item_id: int) -> ProgressInfo | None:
        return self._progress.get(item_id)

    def progress_entries(self) -> dict[int, ProgressInfo]:
        """Every task's latest entry as last loaded (as of today)."""
        return self._progress

    def _compute_states(self) -> None:
        """Each task's urgency today and percent; a group shows the most pressing state
        and the weighted mean percent of the tasks it holds."""
        self._urgency = {}
        self._task_urgency = {}
        self._urgency_counts = Counter()
        self._percent = {}
        self._sums = {}
        self._looks = {}
        self._old_looks = {}
        for node in reversed(self._tree.nodes):  # children before parents
            self._compute_state(node)

    def _compute_state(self, node: ItemNode) -> None:
        """One item's state and percent, from its own and its children's."""
        # Every change to a row's text or state comes here (for an item changed, and
        # for each item above it, whose state and percent may follow).
        look = self._looks.pop(node.id, None)
        if look is not None:
            self._old_looks[node.id] = look
        states = [self._urgency[c] for c in node.child_ids]
        weights = weighted = 0.0
        tasks = 0
        reported = False
        for child in node.child_ids:
            child_weights, child_weighted, child_tasks, child_reported = self._sums[child]
            weights += child_weights
            weighted += child_weighted
            tasks += child_tasks
            reported = reported or child_reported
        if node.kind == "task":
            entry = self._progress.get(node.id)
            done = (
                entry is not None
                and entry.status == "completed"
                and entry.completed_on is not None
                and entry.completed_on <= self._today
            )
            states.append(
                urgency(
                    node.due_date,
                    recurring=node.deadline_kind == "recurring",
                    completed=done,
                    today=self._today,
                )
            )
            percent = None if entry is None else entry.percent
            if done and percent is None:
                percent = 100
            weights += node.weight
            weighted += (percent or 0.0) * node.weight
            tasks += 1
            reported = reported or percent is not None
            self._percent[node.id] = percent
        else:
            # As core.buckets.mean_percent: a task not reported counts as 0.
            self._percent[node.id] = (
                round(weighted / weights, 1) if reported and tasks and weights > 0 else None
            )
        self._sums[node.id] = (weights, weighted, tasks, reported)
        self._urgency[node.id] = state = roll_up(states)
        before = self._task_urgency.pop(node.id, None)
        if before is not None:
            self._urgency_counts[before] -= 1
        if node.kind == "task":
            self._task_urgency[node.id] = state
            self._urgency_counts[state] += 1

    def task_count(self) -> int:
        """How many tasks the plan holds, kept as they come and go (counting 10,000
        nodes after each add or delete took a millisecond and more)."""
        return len(self._task_urgency)

    def task_urgency_counts(self) -> Counter[Urgency]:
        """How many tasks are in each state today (the notice's figures)."""
        return +self._urgency_counts  # a copy, without the states no task is in

    def prepare_search(self) -> None:
        """Make every item's search key now (once per snapshot)."""
        if self._folded is None:
            self._folded = {n.id: search_key(_searchable(n)) for n in self._tree.nodes}

    def search_text(self, item_id: int) -> str:
        """The item's searchable text as a search key."""
        self.prepare_search()
        assert self._folded is not None
        return self._folded[item_id]

    def outline(self, item_id: int) -> str:
        """The item's full number ("II.4.c) -"), made once per snapshot."""
        if self._outlines is None:
            self._outlines = outline_numbers(self._tree)
        return self._outlines.get(item_id, "")

    def urgency_of(self, item_id: int) -> Urgency:
        return self._urgency.get(item_id, Urgency.NONE)

    def look_of(self, item_id: int) -> _Look:
        """What the row of `item_id` shows (texts, font, colour, icon): an object made
        again whenever any of it changes, so a picture of the row painted from it is
        current while it is the same object (ui.row_images)."""
        look = self._looks.get(item_id)
        if look is None:
            look = self._look(self._node(item_id))
            # Unchanged to the eye (a section above a task edited, most often): the old
            # object, so the row is drawn from its picture instead of painted again.
            old = self._old_looks.pop(item_id, None)
            if old is not None and _same_look(old, look):
                look = old
            self._looks[item_id] = look
        return look

    def row_shape(self, item_id: int) -> tuple[bool, ...] | None:
        """The row's place in the outline as its branch lines show it: whether it has
        rows under it, then for it and each row above it whether a row follows it
        (None: not a row shown)."""
        shape = [bool(self._children.get(item_id))]
        current: int | None = item_id
        while current is not None:
            if current not in self._parent:
                return None
            parent_id = self._parent[current]
            shape.append(self._row[current] < len(self._children[parent_id]) - 1)
            current = parent_id
        return tuple(shape)

    def parent_id_of(self, item_id: int) -> int | None:
        """The item a shown row is under (None: the top level)."""
        return self._parent.get(item_id)

    def row_of(self, item_id: int) -> int:
        """The shown row's place among its parent's shown rows (-1: not shown)."""
        return self._row.get(item_id, -1)

    def index_for_id(self, item_id: int, column: int = 0) -> QModelIndex:
        if item_id not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[item_id], column, item_id)

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        kids = self._children.get(parent.internalId() if parent.isValid() else None)
        if kids is not None and 0 <= row < len(kids) and 0 <= column < 6:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent[index.internalId()]
        if parent_id is None:
            return QModelIndex()
        return self.createIndex(self._row[parent_id], 0, parent_id)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children.get(parent.internalId(), ()))
        return len(self._children.get(None, ()))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 6

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    # ------------------------------------------------------------------ data

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("No."),
            self.tr("Title"),
            self.tr("Lead unit"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("%"),
        )[section]

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        item_id = index.internalId()
        look = self.look_of(item_id)
        if role == _DISPLAY:
            return look.texts[index.column()]
        if role == _FONT:
            return look.font
        if role == _BACKGROUND:
            return look.background
        if role == _DECORATION:
            return look.icon if index.column() == self.STATUS else None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == self.PERCENT else None
        if role == _EDIT:
            column = index.column()
            return self._node(item_id).title if column == self.TITLE else look.texts[column]
        if role == _TOOLTIP:
            return self._tooltip(self._node(item_id))
        if role == _ITEM_ID:
            return item_id
        if role == _KIND:
            return self._node(item_id).kind
        if role == _URGENCY:
            return look.urgency
        return None

    def _look(self, node: ItemNode) -> _Look:
        state = self._urgency.get(node.id, Urgency.NONE)
        if state not in self._icons:
            self._icons[state] = status_icon(state)
        colour = URGENCY_BACKGROUNDS.get(state) if node.kind == "task" else None
        texts = (
            self._display(node, self.NUMBER), self._display(node, self.TITLE),
            self._display(node, self.LEAD), self._display(node, self.DEADLINE),
            self._display(node, self.STATUS), self._display(node, self.PERCENT),
        )  # fmt: skip
        font = {"section": self._bold, "text": self._italic}.get(node.kind)
        return _Look(texts, font, None if colour is None else QBrush(colour),
                     self._icons[state], int(state))  # fmt: skip

    def _display(self, node: ItemNode, column: int) -> str:
        if column == self.NUMBER:
            return node.number
        if column == self.TITLE:
            # One line in the tree; the full text is in the tooltip and the form.
            return node.title.replace("\n", " ")
        if column == self.LEAD:
            return node.lead_unit_name
        if column == self.DEADLINE:
            return node.deadline_text
        if column == self.STATUS:
            state = self._urgency.get(node.id, Urgency.NONE)
            if node.kind == "task":
                return self.task_status_text(node.id, state)
            return self.status_text(state)
        if column == self.PERCENT:
            percent = self._percent.get(node.id)
            return "" if percent is None else f"{percent:.0f}"
        return ""

    def status_text(self, state: Urgency) -> str:
        return {
            Urgency.OVERDUE: self.tr("Overdue"),
            Urgency.DUE_SOON: self.tr("Due soon"),
            Urgency.COMPLETED: self.tr("Completed"),
            Urgency.ON_TRACK: self.tr("Within time"),
            Urgency.RECURRING: self.tr("Recurring"),
            Urgency.NO_DEADLINE: self.tr("No deadline"),
        }.get(state, "")

    def task_status_text(self, item_id: int, state: Urgency) -> str:
        """A task's state as entered ("Paused", "Not reported"), after "Overdue" or
        "Due soon" when it is: the urgency alone hid paused and not-started work
        behind "Recurring" or "Within time" (the deadline column says those)."""
        if state is Urgency.COMPLETED:
            return self.status_text(state)
        if self._state_words is None:  # made once: the view asks per painted cell
            self._state_words = {
                None: self.tr("Not reported"),
                "not_started": self.tr("Not started"),
                "in_progress": self.tr("In progress"),
                "completed": self.tr("Completed"),
                "paused": self.tr("Paused"),
                "cancelled": self.tr("Not carried out"),
            }
        entry = self._progress.get(item_id)
        status = None if entry is None else entry.status
        entered = self._state_words.get(status, status or "")
        if state in (Urgency.OVERDUE, Urgency.DUE_SOON):
            return f"{self.status_text(state)} · {entered}"
        return entered

    def _tooltip(self, node: ItemNode) -> str:
        lines = [f"{node.number} {node.title}".strip()]
        if node.kind == "task":  # the status column may be too narrow for all of it
            status = self.task_status_text(node.id, self._urgency.get(node.id, Urgency.NONE))
            lines.append(self.tr("Status: %1").replace("%1", status))
        if node.lead_unit_name:
            lines.append(self.tr("Lead unit: %1").replace("%1", node.lead_unit_name))
        if node.coordinator_names:
            lines.append(
                self.tr("Coordinating: %1").replace("%1", "; ".join(node.coordinator_names))
            )
        if node.due_date:
            lines.append(self.tr("Due: %1").replace("%1", format_date(node.due_date)))
        return "\n".join(lines)

    # ------------------------------------------------------------------ editing

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _ROOT_FLAGS
        # The four combinations made once: the view asks for thousands of cells'
        # flags per keystroke, and combining Qt's enums in Python is slow.
        item_id = index.internalId()
        node = self._node(item_id)
        return _FLAGS[
            node.kind != "text", not self._children.get(item_id), index.column() == self.TITLE
        ]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() != self.TITLE:
            return False
        node = self._tree.node(index.internalId())
        if str(value) == node.title:
            return False
        # The window runs the undoable edit; the model changes when the data does.
        self.edit_requested.emit(node.id, "title", str(value))
        return False

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = {i.internalId() for i in indexes if i.isValid()}
        if len(ids) == 1:
            data.setData(MIME_TYPE, QByteArray(str(ids.pop()).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        item_id = self._dragged_id(data)
        if item_id is None or action != Qt.DropAction.MoveAction or self._visible is not None:
            return False  # while filtered, a row's place among its siblings is not known
        target = parent.internalId() if parent.isValid() else None
        # Not onto itself or into its own subtree, and not under a paragraph.
        while target is not None:
            if target == item_id:
                return False
            target = self._tree.node(target).parent_id
        return not (parent.isValid() and self._tree.node(parent.internalId()).kind == "text")

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = self._dragged_id(data)
        assert item_id is not None
        parent_id = parent.internalId() if parent.isValid() else None
        siblings = self._children.get(parent_id, [])
        position = len(siblings) if row < 0 else row
        if item_id in siblings and siblings.index(item_id) < position:
            position -= 1  # the item leaves its old place first
        # After the view has finished with the drop: the move resets the model.
        QTimer.singleShot(0, self, lambda: self.move_requested.emit(item_id, parent_id, position))
        return False

    @staticmethod
    def _dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            return int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return None


class _Refused(Exception):
    """Qt refused a row move: the rows are shown again from the start."""


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs

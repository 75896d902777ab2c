"""Reading a plan of the data file into the window: the plan chooser, then the chosen
plan's units, periods and tree, and its progress once the tree is on screen.

Its strings keep the translation context of the main window they came from.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer

from dienchau_desktop.services import items, periods, plans, progress, units
from dienchau_desktop.services.overview import choose_period

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow

#: How long after showing a plan its progress is loaded (ms): after the first paint.
PROGRESS_DELAY_MS = 150


class PlanLoading:
    """Shows in `window` the plan chosen, read afresh from the data file."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def reload_plans(self) -> None:
        """Fill the plan chooser; show the chosen plan (or the newest)."""
        window = self.window
        chooser = window.plan_chooser
        summaries = plans.list_plans(window.db)
        with QSignalBlocker(chooser):
            chooser.clear()
            for summary in summaries:
                label = f"{summary.reference} — {summary.title}"
                chooser.addItem(label[:120], summary.id)
                chooser.setItemData(chooser.count() - 1, summary.title,
                                    Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        several = len(summaries) > 1
        window.plan_label_action.setVisible(several)
        window.plan_chooser_action.setVisible(several)
        keep = window.plan_id if any(s.id == window.plan_id for s in summaries) else None
        self.show_plan(keep or plans.default_plan_id(window.db, summaries))

    def show_plan(self, plan_id: int | None) -> None:
        window = self.window
        window.plan_id = plan_id
        index = window.plan_chooser.findData(plan_id)
        if index >= 0:
            window.plan_chooser.setCurrentIndex(index)
        self.reload_units()
        self.reload_periods()
        window.filtering.forget_open_rows()  # another plan's rows
        self.reload_tree(first_show=True)
        # Qt adds the program's name itself ("ke-hoach.sqlite3 — Theo dõi kế hoạch").
        window.setWindowTitle(Path(window.db.path).name)
        window.backups.update_label()
        window.notice.reserve()  # its place taken now: the tree does not move later
        # Progress after the tree is on screen: a district plan's 200,000 entries must
        # not hold up the first paint (a zero timer would run before the paint).
        QTimer.singleShot(PROGRESS_DELAY_MS, window, self.reload_progress)

    def reload_periods(self) -> None:
        window = self.window
        plan_periods = periods.list_periods(window.db, window.plan_id) if window.plan_id else []
        current = choose_period(plan_periods, date.today())
        window.form.progress.set_periods(plan_periods, current)
        window.overview.set_periods(plan_periods, current)

    def reload_progress(self) -> None:
        """Latest progress of every task (as of today): colours, percents, the notice."""
        window = self.window
        if window.plan_id is None:
            return
        latest = progress.latest_entries_as_of(window.db, window.plan_id, date.today())
        window.model.set_progress(latest)
        window.notice.show_counts(window.model.task_urgency_counts())
        window.show_progress_of(window.current_node())
        window.overview.refresh_if_shown()
        window.reminders.progress_loaded()  # offered once a day

    def reload_units(self) -> None:
        window = self.window
        unit_list = units.list_units(window.db)
        window.form.set_units(unit_list)
        window.filter_bar.set_units(unit_list)

    def reload_tree(self, first_show: bool = False) -> None:
        """The plan's tree read again; the selection and the open rows kept (on a first
        show: the first task selected, the default rows open)."""
        window = self.window
        model = window.model
        selected = window.selected_id()
        expanded = None if first_show else self.expanded_ids()
        tree = items.plan_tree(window.db, window.plan_id) if window.plan_id else None
        model.set_tree(tree or items.PlanTree(0, ()))
        if window.filtering.active:
            window.filtering.refilter()
            window.filtering.expand_matches()
        elif expanded is None:
            window.filtering.expand_default()
        else:
            self.expand_ids(expanded)
        self.update_people()
        shown = {n.id for n in model.tree.nodes}
        if selected not in shown and first_show and model.tree.tasks():
            # Open on the first task, not a blank form (also after switching plans, when
            # the selection was a row of the other plan).
            selected = model.tree.tasks()[0].id
        if selected in shown:
            window.select_item(selected)
        else:
            window.show_in_form(window.current_node())
        # Prepare the search text once the window is painted, not on the first keystroke.
        QTimer.singleShot(300, model, model.prepare_search)
        self.update_count()
        window.update_action_states()

    def update_people(self) -> None:
        """The names the form offers for "responsible person": those of the plan."""
        nodes = self.window.model.tree.nodes
        self.window.form.set_people(
            sorted({n.responsible_person for n in nodes if n.responsible_person})
        )

    def update_count(self) -> None:
        tasks = self.window.model.task_count()
        self.window.count_label.setText(
            QCoreApplication.translate("MainWindow", "%1 tasks").replace("%1", str(tasks))
        )

    def expanded_ids(self) -> set[int]:
        """The rows open now (by item id)."""
        window = self.window
        expanded = set()
        for node in window.model.tree.nodes:
            if node.child_ids:
                index = window.model.index_for_id(node.id)
                if index.isValid() and window.tree.isExpanded(index):
                    expanded.add(node.id)
        return expanded

    def expand_ids(self, ids: set[int]) -> None:
        """Open the rows of `ids` (those still in the tree)."""
        window = self.window
        for item_id in ids:
            index = window.model.index_for_id(item_id)
            if index.isValid():
                window.tree.setExpanded(index, True)

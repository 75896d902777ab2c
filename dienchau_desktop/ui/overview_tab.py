"""The main window's Overview tab: which period it counts, and its figures made by the
overview service from the plan the window holds, only while the tab is shown."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dienchau_desktop.services.overview import Overview, overview_of_snapshot
from dienchau_desktop.services.periods import PeriodInfo

if TYPE_CHECKING:
    from dienchau_desktop.ui.main_window import MainWindow


class OverviewTab:
    """Keeps `window.overview_page` showing the plan for the period chosen on it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.page = window.overview_page
        #: The periods of the plan shown, and the one the overview counts (None: today).
        self.periods: list[PeriodInfo] = []
        self.period_id: int | None = None

    def set_periods(self, plan_periods: list[PeriodInfo], current: PeriodInfo | None) -> None:
        """The periods of the plan now shown; the choice stays while it is one of them."""
        self.periods = plan_periods
        if self.period_id not in {p.id for p in plan_periods}:
            self.period_id = current.id if current else None
        self.page.set_periods(plan_periods, self.period_id)

    def show(self) -> None:
        self.window.tabs.setCurrentWidget(self.page)

    def show_overdue_list(self) -> None:
        """The notice's link: the overview, on its list of overdue and due-soon tasks."""
        self.show()
        self.page.show_overdue_list()

    def period_chosen(self, period_id: int | None) -> None:
        self.period_id = period_id
        self.refresh_if_shown()

    def refresh_if_shown(self) -> None:
        if self.window.tabs.currentWidget() is self.page and self.window.plan_id is not None:
            self.page.show_overview(self.compute())

    def compute(self) -> Overview:
        """The overview of the shown plan for the chosen period, from the snapshot: the
        tree already holds every task's latest entry as of today."""
        window = self.window
        period = next((p for p in self.periods if p.id == self.period_id), None)
        return overview_of_snapshot(
            window.db, window.model.tree, period, window.model.progress_entries(), date.today()
        )

    def open_item(self, item_id: int) -> None:
        """Show a task from a list of the overview in the tree and its form."""
        window = self.window
        window.show_plan_tab()
        if not window.model.is_shown(item_id):
            window.filtering.clear()
        window.select_item(item_id)
        window.tree.setFocus()

"""The words a filtered list prints under its title: which part of the plan it is."""

from __future__ import annotations

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.ui.filtered_export import describe_filter
from dienchau_desktop.ui.main_window import MainWindow
from dienchau_desktop.ui.tree_filter import TreeFilter


def test_every_condition_is_named(window: MainWindow) -> None:
    tree = window.model.tree
    police = next(t for t in tree.tasks() if t.lead_unit_name == "Công an xã")
    assert describe_filter(TreeFilter(), tree) == ""
    everything = TreeFilter(text=" an ninh ", lead_unit_id=police.lead_unit_id,
                            states=frozenset({Urgency.DUE_SOON, Urgency.OVERDUE}),
                            due_within_days=30, breakthrough_only=True)  # fmt: skip
    assert describe_filter(everything, tree) == (
        "chủ trì: Công an xã; quá hạn; đến hạn trong 7 ngày; đến hạn trong 30 ngày; "
        "nhiệm vụ đột phá; có chữ «an ninh»"
    )

"""The appendix of the tree as filtered: only the tasks shown, under their sections."""

from __future__ import annotations

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.appendix import build_appendix
from dienchau_desktop.services import items


def test_only_the_tasks_asked_for_under_their_sections(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    police = [t for t in tree.tasks() if t.lead_unit_name == "Công an xã"]
    assert len(police) == 4
    # What the window's filter shows: the tasks and the sections above them.
    shown = {t.id for t in police}
    for task in police:
        parent = task.parent_id
        while parent is not None:
            shown.add(parent)
            parent = tree.node(parent).parent_id
    appendix = build_appendix(sample_db, 1, only=shown)
    rows = [r for r in appendix.rows if r.kind == "task"]
    assert [r.cells[:3] for r in rows] == [
        (str(n), t.title, "Công an xã") for n, t in enumerate(police, start=1)
    ]  # numbered from 1, in the plan's order
    sections = [r.cells[0] for r in appendix.rows if r.kind == "section"]
    holding = {p for t in police for p in _ancestors(tree, t.id)}
    assert sections == [
        f"{n.number} {n.title}".strip() for n in tree.sections() if n.id in holding
    ]  # only the sections holding one of them, none left empty
    assert appendix.note == build_appendix(sample_db, 1).note


def test_nothing_asked_for_gives_an_empty_table(sample_db: Database) -> None:
    assert build_appendix(sample_db, 1, only=set()).rows == ()
    everything = build_appendix(sample_db, 1)
    assert build_appendix(sample_db, 1, only=None).rows == everything.rows


def _ancestors(tree: items.PlanTree, item_id: int) -> list[int]:
    found, parent = [], tree.node(item_id).parent_id
    while parent is not None:
        found.append(parent)
        parent = tree.node(parent).parent_id
    return found

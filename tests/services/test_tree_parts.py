"""Parts of a plan read after a change (`items.nodes`, `progress.latest_entries_of`):
patched into the tree the window holds, they give what a whole fresh read gives."""

from __future__ import annotations

from datetime import date

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, progress


def test_nodes_are_the_nodes_of_a_whole_read(sample_db: Database) -> None:
    tree = items.plan_tree(sample_db, 1)
    every = items.nodes(sample_db, 1, [n.id for n in tree.nodes])
    assert sorted(every) == sorted(tree.nodes)
    task = tree.tasks()[7]
    assert items.nodes(sample_db, 1, [task.id]) == [task]
    assert items.nodes(sample_db, 1, [999_999]) == []  # gone: left out


def test_after_each_change_the_patched_tree_is_a_fresh_read(sample_db: Database) -> None:
    """Add, edit a kind, move (up, into another section, to the top level), delete and
    put back: the nodes the change touched, patched in, give the tree read afresh."""
    db = sample_db
    tree = items.plan_tree(db, 1)

    def after(part: list[items.ItemNode], removed: tuple[int, ...] = ()) -> items.PlanTree:
        nonlocal tree
        fresh = items.plan_tree(db, 1)
        patched = tree.patched(part, removed)
        assert patched.nodes == fresh.nodes
        tree = fresh
        return fresh

    task = tree.tasks()[3]
    added = items.add_item(db, 1, "task", "Mới", parent_id=task.parent_id, position=0)
    after(items.nodes(db, 1, placed=[added.id]))  # its siblings renumbered

    items.update_item(db, added.id, kind="text")  # a paragraph takes no number
    after(items.nodes(db, 1, placed=[added.id]))

    section = tree.sections()[2]
    old_parent = section.parent_id
    items.move_up(db, section.id)
    after(items.nodes(db, 1, placed=[section.id], children_of=[old_parent]))

    target = tree.sections()[5]
    items.move_item(db, section.id, target.id, 0)  # deeper: its whole subtree renumbered
    after(items.nodes(db, 1, placed=[section.id], children_of=[old_parent]))

    old_parent = tree.node(section.id).parent_id
    items.move_item(db, section.id, None, 0)  # to the top: I., II., III. follow
    after(items.nodes(db, 1, placed=[section.id], children_of=[old_parent]))

    last = tree.roots()[-1]  # the last of the top level, into the one above it
    items.indent(db, last.id)
    after(items.nodes(db, 1, placed=[last.id], children_of=[None]))

    removed = items.delete_item(db, section.id)
    after(items.nodes(db, 1, children_of=[None]), (section.id,))

    items.restore_subtree(db, removed)
    after(items.nodes(db, 1, placed=[section.id]))


def test_an_add_a_delete_and_a_delete_put_back_return_the_part_a_later_read_gives(
    sample_db: Database,
) -> None:
    """What the window patches from after an add or an undone delete, read in the
    operation's own transaction, is what `nodes` reads afterwards, and gives the tree
    read afresh."""
    db = sample_db
    tree = items.plan_tree(db, 1)
    task = tree.tasks()[3]
    item_id, part = items.add_item_placed(db, 1, "task", "Mới", parent_id=task.parent_id,
                                          position=0)  # fmt: skip
    assert sorted(part) == sorted(items.nodes(db, 1, placed=[item_id]))
    assert tree.patched(part, ()).nodes == items.plan_tree(db, 1).nodes
    assert items.get_item(db, item_id).title == "Mới"

    tree = items.plan_tree(db, 1)
    section = tree.sections()[2]
    removed, part = items.delete_item_placed(db, section.id)
    assert sorted(part) == sorted(items.nodes(db, 1, children_of=[section.parent_id]))
    below = [n.id for n in tree.nodes if n.id == section.id or section.id in _above(tree, n)]
    after_delete = items.plan_tree(db, 1)
    assert tree.patched(part, (section.id,)).nodes == after_delete.nodes
    assert not set(below) & {n.id for n in after_delete.nodes}
    top, part = items.restore_subtree_placed(db, removed)
    assert top == section.id
    assert sorted(part) == sorted(items.nodes(db, 1, placed=[section.id]))
    assert after_delete.patched(part, ()).nodes == items.plan_tree(db, 1).nodes == tree.nodes


def _above(tree: items.PlanTree, node: items.ItemNode) -> list[int]:
    found = []
    while node.parent_id is not None:
        found.append(node.parent_id)
        node = tree.node(node.parent_id)
    return found


def test_latest_entries_of_some_tasks(sample_db: Database) -> None:
    db = sample_db
    today = date.today()
    tasks = items.plan_tree(db, 1).tasks()
    period = next(p for p in periods.list_periods(db, 1) if not p.is_closed)
    for n, task in enumerate(tasks[:4]):
        progress.record_progress(db, task.id, period.id, status="in_progress", percent=10 * n)
    every = progress.latest_entries_as_of(db, 1, today)
    wanted = [t.id for t in tasks[1:6]]
    some = progress.latest_entries_of(db, 1, today, wanted)
    assert some == {i: every[i] for i in wanted if i in every}
    assert set(some) == {t.id for t in tasks[1:4]}  # tasks with no entry are left out
    assert progress.latest_entries_of(db, 1, today, [t.id for t in tasks]) == every

"""The units' view: each unit's led and coordinated tasks, their states, deadlines and
last reports, and its counts, against a plan built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from dienchau_desktop.core.status import Urgency
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress, units
from dienchau_desktop.services.unit_view import (
    LEAD,
    build_units_view,
    units_view_of_plan,
)

TODAY = date(2026, 6, 10)


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    """Three units; police lead two tasks and coordinate one; the school has no task."""
    p = plans.create_plan(db, "Kế hoạch thử", year=2026).id
    half, _year = periods.create_standard_periods(db, p, 2026)
    police = units.create_unit(db, "Công an xã").id
    culture = units.create_unit(db, "Phòng Văn hoá - Xã hội").id
    school = units.create_unit(db, "Trường Tiểu học").id
    section = items.add_item(db, p, "section", "AN NINH TRẬT TỰ").id
    ids = {"plan": p, "half": half.id, "police": police, "culture": culture,
           "school": school, "section": section}  # fmt: skip

    def task(key: str, lead: int | None, deadline: str, coordinators=(), parent=section) -> None:
        ids[key] = items.add_item(
            db, p, "task", f"Nhiệm vụ {key}", parent_id=parent, lead_unit_id=lead,
            deadline=deadline, coordinator_ids=list(coordinators),
        ).id  # fmt: skip

    task("late", police, "31/5/2026", coordinators=[culture])
    task("done", police, "Tháng 4/2026")
    task("shared", culture, "Quý IV/2026", coordinators=[police])
    task("nobody", None, "Thường xuyên")
    progress.record_progress(db, ids["done"], half.id, status="completed",
                             completed_on=date(2026, 4, 20))  # fmt: skip
    progress.record_progress(db, ids["shared"], half.id, status="in_progress", percent=40)
    return ids


def test_each_unit_lists_what_it_leads_and_coordinates(db: Database, plan) -> None:
    view = units_view_of_plan(db, plan["plan"], TODAY)

    # Only units with a task, in the units' list order; the school has none.
    assert [u.unit.name for u in view] == ["Công an xã", "Phòng Văn hoá - Xã hội"]
    police, culture = view
    assert [t.id for t in police.leads] == [plan["late"], plan["done"]]
    assert [t.id for t in police.coordinates] == [plan["shared"]]
    assert [t.id for t in culture.leads] == [plan["shared"]]
    assert [t.id for t in culture.coordinates] == [plan["late"]]
    assert police.tasks(LEAD) == police.leads

    late, done = police.leads
    assert (late.number, late.title, late.deadline_text) == ("I.1.", "Nhiệm vụ late", "31/5/2026")
    assert late.urgency is Urgency.OVERDUE
    assert (late.status, late.percent, late.reported_on) == (None, None, None)
    # Completed without a percent: 100, as the plan tree shows it; reported today.
    assert done.urgency is Urgency.COMPLETED
    assert (done.status, done.percent, done.reported_on) == ("completed", 100, date.today())
    shared = police.coordinates[0]
    assert (shared.lead_unit, shared.status, shared.percent) == ("Phòng Văn hoá - Xã hội",
                                                                 "in_progress", 40)  # fmt: skip
    assert shared.urgency is Urgency.ON_TRACK

    # Overdue counts the unit's tasks, led or coordinated.
    assert (police.overdue, culture.overdue) == (1, 1)


def test_a_filter_keeps_only_its_tasks_and_their_units(db: Database, plan) -> None:
    tree = items.plan_tree(db, plan["plan"])
    latest = progress.latest_entries_as_of(db, plan["plan"], TODAY)
    view = build_units_view(tree, latest, units.list_units(db), TODAY, shown={plan["done"]})
    assert [(u.unit.name, [t.id for t in u.leads], u.coordinates) for u in view] == [
        ("Công an xã", [plan["done"]], ())
    ]
    assert view[0].overdue == 0


def test_a_task_shows_the_state_of_its_subtasks(db: Database, plan) -> None:
    """A task holding an overdue subtask is overdue, as its row in the plan tree says."""
    parent = items.add_item(db, plan["plan"], "task", "Cha", parent_id=plan["section"],
                            lead_unit_id=plan["school"], deadline="Quý IV/2026").id  # fmt: skip
    items.add_item(db, plan["plan"], "task", "Con", parent_id=parent,
                   lead_unit_id=plan["culture"], deadline="1/6/2026")  # fmt: skip
    view = {u.unit.name: u for u in units_view_of_plan(db, plan["plan"], TODAY)}
    school = view["Trường Tiểu học"]
    assert [(t.title, t.number, t.urgency) for t in school.leads] == [
        ("Cha", "I.5.", Urgency.OVERDUE)
    ]
    assert school.overdue == 1
    assert [t.title for t in view["Phòng Văn hoá - Xã hội"].leads] == ["Nhiệm vụ shared", "Con"]


def test_a_rebuild_after_an_edit_shows_the_edit_and_keeps_the_rest(db: Database, plan) -> None:
    """The window keeps the lines of the last build; what changed is made again."""
    from dienchau_desktop.services.unit_view import LineCache

    tree = items.plan_tree(db, plan["plan"])
    latest = progress.latest_entries_as_of(db, plan["plan"], TODAY)
    unit_list = units.list_units(db)
    cache: LineCache = {}
    first = build_units_view(tree, latest, unit_list, TODAY, cache=cache)
    assert set(cache) == {plan["late"], plan["done"], plan["shared"], plan["nobody"]}

    # The overdue task completed, the shared one renamed: as the window patches them.
    progress.record_progress(db, plan["late"], plan["half"], status="completed",
                             completed_on=date(2026, 6, 5), percent=100)  # fmt: skip
    latest = progress.latest_entries_as_of(db, plan["plan"], TODAY)
    renamed = items.update_item(db, plan["shared"], title="Nhiệm vụ chung")
    tree = tree.patched([renamed])
    police, culture = build_units_view(tree, latest, unit_list, TODAY, cache=cache)

    late, done = police.leads
    assert (late.urgency, late.percent, late.status) == (Urgency.COMPLETED, 100, "completed")
    assert police.overdue == 0
    assert [t.title for t in police.coordinates] == ["Nhiệm vụ chung"]
    assert culture.leads == police.coordinates
    assert done == first[0].leads[1]
    assert police == build_units_view(tree, latest, unit_list, TODAY)[0]  # as made afresh


def test_a_view_updated_for_the_tasks_touched_is_the_view_made_afresh(db: Database, plan) -> None:
    """`update_units_view` changes only the units of the tasks touched (their lead
    changed, a task added with a new unit, one deleted, one completed); the result
    is what a build from scratch gives, and the units not concerned are the very
    objects they were."""
    from dienchau_desktop.services.items import outline_numbers
    from dienchau_desktop.services.unit_view import LineCache, update_units_view

    unit_list = units.list_units(db)
    tree = items.plan_tree(db, plan["plan"])
    latest = progress.latest_entries_as_of(db, plan["plan"], TODAY)
    cache: LineCache = {}
    before = build_units_view(tree, latest, unit_list, TODAY, cache=cache)

    moved = items.update_item(db, plan["late"], lead_unit_id=plan["school"])
    added = items.add_item(db, plan["plan"], "task", "Nhiệm vụ mới", parent_id=plan["section"],
                           lead_unit_id=plan["culture"], deadline="1/7/2026")  # fmt: skip
    items.delete_item(db, plan["done"])
    progress.record_progress(db, plan["shared"], plan["half"], status="completed",
                             completed_on=date(2026, 6, 1))  # fmt: skip
    new_tree = items.plan_tree(db, plan["plan"])
    new_latest = progress.latest_entries_as_of(db, plan["plan"], TODAY)
    touched = {moved.id, added.id, plan["done"], plan["shared"]}
    numbers = outline_numbers(new_tree)
    places = {node.id: at for at, node in enumerate(new_tree.nodes)}

    def states(item_id: int) -> Urgency:
        fresh = build_units_view(new_tree, new_latest, unit_list, TODAY)
        return next(t.urgency for u in fresh for t in (*u.leads, *u.coordinates)
                    if t.id == item_id)  # fmt: skip

    after = update_units_view(
        before, tree, new_tree, new_latest, unit_list, TODAY, touched, None, None, cache,
        states, numbers.__getitem__, lambda: places,
    )  # fmt: skip

    assert after == build_units_view(new_tree, new_latest, unit_list, TODAY)
    names = [u.unit.name for u in after]
    assert names == ["Công an xã", "Phòng Văn hoá - Xã hội", "Trường Tiểu học"]
    nothing_touched = update_units_view(
        after, new_tree, new_tree, new_latest, unit_list, TODAY, set(), None, None, cache,
        states, numbers.__getitem__, lambda: places,
    )  # fmt: skip
    assert all(a is b for a, b in zip(after, nothing_touched, strict=True))

"""Recording progress: history kept, corrections are new entries, closed periods locked."""

from __future__ import annotations

from datetime import date

import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.periods import PeriodKind, PeriodSpec
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, items, periods, plans, progress


@pytest.fixture
def setup(db: Database) -> tuple[int, int, int, int]:
    plan = plans.create_plan(db, "KH", year=2026).id
    half, year = periods.create_standard_periods(db, plan, 2026)
    task = items.add_item(db, plan, "task", "Số hóa hồ sơ", deadline="Tháng 5/2026").id
    return plan, half.id, year.id, task


def test_corrections_are_new_entries_and_the_latest_counts(db: Database, setup) -> None:
    plan, half, _year, task = setup
    first = progress.record_progress(db, task, half, status="in_progress", percent=40)
    second = progress.record_progress(
        db, task, half, status="completed", completed_on=date(2026, 5, 20), result_text="Xong"
    )
    assert second.percent == 100  # completed means 100 % unless said otherwise
    assert [e.id for e in progress.history(db, task)] == [second.id, first.id]
    latest = progress.latest_entries(db, plan, date(2026, 6, 14))
    assert latest[task].id == second.id
    assert latest[task].completed_on == date(2026, 5, 20)
    rows = audit.history(db, "progress_entry")
    assert [r.action for r in rows] == ["create", "create"]


def test_earlier_periods_carry_forward(db: Database, setup) -> None:
    plan, half, year, task = setup
    progress.record_progress(db, task, half, status="completed", completed_on=date(2026, 5, 2))
    # Nothing entered in the annual period: the task is still completed at its cut-off.
    latest = progress.latest_entries(db, plan, date(2026, 12, 14))
    assert latest[task].period_id == half
    # But the 6-month cut-off does not see entries of the annual period.
    other = items.add_item(db, plan, "task", "Khác", deadline="Năm 2026").id
    progress.record_progress(db, other, year, status="in_progress", percent=10)
    assert other not in progress.latest_entries(db, plan, date(2026, 6, 14))


def test_periods_sharing_a_cut_off_count_the_entry_recorded_last(db: Database, setup) -> None:
    """A quarter and the half year both cut off on the same day: whichever period the
    last entry went into, it is the one that counts, at that cut-off and after it."""
    plan, half, year, task = setup
    cutoff = periods.list_periods(db, plan)[0].cutoff
    quarter = periods.create_period(
        db, plan,
        PeriodSpec(PeriodKind.QUARTER, "Quý II", date(2026, 3, 15), cutoff, cutoff),
    ).id  # fmt: skip
    progress.record_progress(db, task, quarter, status="in_progress", percent=30)
    in_half = progress.record_progress(db, task, half, status="in_progress", percent=60)
    assert progress.latest_entries(db, plan, cutoff)[task].id == in_half.id
    in_quarter = progress.record_progress(db, task, quarter, status="in_progress", percent=70)
    assert progress.latest_entries(db, plan, cutoff)[task].id == in_quarter.id
    assert progress.latest_entries_as_of(db, plan, cutoff)[task].id == in_quarter.id
    # The overview's slim reading finds the same entry.
    state = progress.latest_states(db, plan, cutoff)[task]
    assert (state.status, state.percent) == ("in_progress", 70)
    assert progress.latest_states_as_of(db, plan, cutoff)[task] == state
    # An entry of a later period counts only from that period's cut-off (or start).
    in_year = progress.record_progress(db, task, year, status="in_progress", percent=80)
    assert progress.latest_entries(db, plan, cutoff)[task].id == in_quarter.id
    year_period = periods.list_periods(db, plan)[-1]
    assert progress.latest_entries(db, plan, year_period.cutoff)[task].id == in_year.id
    assert progress.latest_entries_as_of(db, plan, year_period.start)[task].id == in_year.id
    assert progress.latest_states(db, plan, year_period.cutoff)[task].percent == 80
    assert progress.latest_states(db, plan, cutoff)[task].percent == 70
    # Another plan's periods and entries change nothing here.
    other_plan = plans.create_plan(db, "KH khác", year=2026).id
    other_half = periods.create_standard_periods(db, other_plan, 2026)[0].id
    other_task = items.add_item(db, other_plan, "task", "Khác", deadline="Tháng 5/2026").id
    progress.record_progress(db, other_task, other_half, status="in_progress", percent=5)
    assert progress.latest_entries(db, plan, cutoff)[task].id == in_quarter.id
    assert set(progress.latest_entries(db, other_plan, cutoff)) == {other_task}


def test_a_closed_period_refuses_entries(db: Database, setup) -> None:
    _plan, half, _year, task = setup
    periods.set_period_closed(db, half, True)
    with pytest.raises(ValidationError) as info:
        progress.record_progress(db, task, half, status="in_progress", percent=10)
    assert "đã khóa" in info.value.message
    periods.set_period_closed(db, half, False)
    progress.record_progress(db, task, half, status="in_progress", percent=10)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"status": "done"}, "status"),
        ({"status": "in_progress", "percent": 120}, "percent"),
        ({"status": "in_progress", "percent": "nhiều"}, "percent"),
        ({"status": "completed"}, "completed_on"),
        ({"status": "in_progress", "completed_on": date(2026, 5, 1)}, "completed_on"),
        ({"status": "completed", "completed_on": date(2099, 1, 1)}, "completed_on"),
        ({"status": "completed", "percent": 50, "completed_on": date(2026, 5, 1)}, "percent"),
        ({"status": "in_progress", "indicator_actual": "-3"}, "indicator_actual"),
    ],
)
def test_bad_entries_are_refused(db: Database, setup, values: dict, field: str) -> None:
    _plan, half, _year, task = setup
    with pytest.raises(ValidationError) as info:
        progress.record_progress(db, task, half, **values)
    assert info.value.field == field
    assert progress.history(db, task) == []


def test_withdraw_removes_an_entry(db: Database, setup) -> None:
    _plan, half, _year, task = setup
    entry = progress.record_progress(db, task, half, status="in_progress", percent=30)
    progress.withdraw_entry(db, entry.id)
    assert progress.history(db, task) == []
    assert audit.history(db, "progress_entry", entry.id)[-1].action == "delete"


def test_the_history_gives_back_each_entry_whole_the_later_period_first(
    db: Database, setup
) -> None:
    """What the form's history shows: every entry as it was recorded (its dates, the
    indicator's value, who reported it, a contribution), the later period's first, and
    within a period the last recorded first."""
    _plan, half, year, task = setup
    first = progress.record_progress(
        db, task, half, status="completed", completed_on=date(2026, 5, 20),
        indicator_actual="12,5", result_text="Xong", reported_by="Văn phòng",
    )  # fmt: skip
    later = progress.record_progress(db, task, year, status="in_progress", percent=30)
    again = progress.record_progress(db, task, half, status="paused", percent=80)
    [helped] = progress.record_entries(db, [progress.NewEntry(
        task, half, "in_progress", 50, "Phần phối hợp", reported_by="Công an xã",
        source="import", source_file="cong-an.xlsx", contribution=True)])  # fmt: skip

    assert progress.history(db, task) == [later, helped, again, first]
    assert progress.history(db, task)[3].indicator_actual == 12.5
    assert progress.history(db, task)[3].completed_on == date(2026, 5, 20)


def test_a_coordinators_contribution_is_history_not_state(db: Database, setup) -> None:
    plan, half, year, task = setup
    lead = progress.record_progress(db, task, half, status="in_progress", percent=40)
    [helped] = progress.record_entries(db, [progress.NewEntry(
        task, year, "completed", 100, "Phần phối hợp xong", date(2026, 5, 2),
        reported_by="Công an xã", source="import", contribution=True)])  # fmt: skip
    assert [e.id for e in progress.history(db, task)] == [helped.id, lead.id]
    assert helped.contribution and not lead.contribution
    for day in (date(2026, 6, 14), date(2026, 12, 14)):
        assert progress.latest_entries(db, plan, day)[task].id == lead.id
        assert progress.latest_states(db, plan, day)[task].percent == 40
        assert progress.latest_entries_as_of(db, plan, day)[task].id == lead.id
        assert progress.latest_states_as_of(db, plan, day)[task].status == "in_progress"
    assert progress.latest_contributions(db, plan, date(2026, 12, 14), "Công an xã") == {
        task: helped
    }
    assert progress.latest_contributions(db, plan, date(2026, 6, 14), "Công an xã") == {}
    assert progress.latest_contributions(db, plan, date(2026, 12, 14), "Trường học") == {}

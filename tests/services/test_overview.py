"""The overview's numbers against a plan built by hand, where every answer is known."""

from __future__ import annotations

from datetime import date

import pytest

from dienchau_desktop.core.buckets import Bucket
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress, units
from dienchau_desktop.services.overview import (
    build_overview,
    choose_period,
    overview,
    overview_of_snapshot,
)

TODAY = date(2026, 6, 10)


@pytest.fixture
def plan(db: Database) -> dict[str, int]:
    """Two sections, two units, six tasks; the 6-month period is cut off on 14/6/2026."""
    p = plans.create_plan(db, "Kế hoạch thử", year=2026).id
    half, year = periods.create_standard_periods(db, p, 2026)
    police = units.create_unit(db, "Công an xã").id
    culture = units.create_unit(db, "Phòng Văn hoá - Xã hội").id
    s1 = items.add_item(db, p, "section", "CẢI CÁCH HÀNH CHÍNH").id
    s2 = items.add_item(db, p, "section", "CHUYỂN ĐỔI SỐ").id
    ids = {"plan": p, "half": half.id, "year": year.id, "s1": s1, "s2": s2}

    def task(key, parent, lead, deadline, **extra):
        ids[key] = items.add_item(
            db, p, "task", key, parent_id=parent, lead_unit_id=lead, deadline=deadline, **extra
        ).id

    task("on_time", s1, police, "31/5/2026")
    task("late", s1, police, "Tháng 4/2026")
    task("overdue", s1, culture, "10/6/2026")  # due on or before the cut-off, not done
    task("in_progress", s2, culture, "Quý IV/2026")
    task("recurring", s2, culture, "Thường xuyên")
    task("due_soon", s2, police, "15/6/2026", indicator_target=100, indicator_unit="%")

    def done(key, day, percent=100):
        progress.record_progress(db, ids[key], half.id, status="completed", completed_on=day,
                                 percent=percent)  # fmt: skip

    done("on_time", date(2026, 5, 30))
    done("late", date(2026, 5, 5))
    progress.record_progress(db, ids["overdue"], half.id, status="in_progress", percent=50)
    progress.record_progress(db, ids["in_progress"], half.id, status="in_progress", percent=20)
    done("recurring", date(2026, 6, 1))
    progress.record_progress(
        db, ids["due_soon"], half.id, status="in_progress", percent=60, indicator_actual=75
    )
    return ids


def test_overall_buckets_and_percent(db: Database, plan) -> None:
    view = overview(db, plan["plan"], plan["half"], today=TODAY)
    assert view.cutoff == date(2026, 6, 14)
    assert view.buckets[plan["on_time"]] is Bucket.COMPLETED_ON_TIME
    assert view.buckets[plan["late"]] is Bucket.COMPLETED_LATE
    assert view.buckets[plan["overdue"]] is Bucket.OVERDUE
    assert view.buckets[plan["in_progress"]] is Bucket.IN_PROGRESS
    assert view.buckets[plan["recurring"]] is Bucket.COMPLETED
    assert view.buckets[plan["due_soon"]] is Bucket.IN_PROGRESS  # due after the cut-off
    counts = dict(view.overall.counts)
    assert counts == {
        Bucket.COMPLETED_ON_TIME: 1,
        Bucket.COMPLETED_LATE: 1,
        Bucket.COMPLETED: 1,
        Bucket.IN_PROGRESS: 2,
        Bucket.OVERDUE: 1,
    }
    assert view.overall.percent(Bucket.OVERDUE) == pytest.approx(16.7)
    # (100 + 100 + 50 + 20 + 100 + 60) / 6
    assert view.percent == pytest.approx(71.7)


def test_by_section_and_by_lead_unit(db: Database, plan) -> None:
    view = overview(db, plan["plan"], plan["half"], today=TODAY)
    first, second = view.sections
    assert (first.number, first.title, first.counts.total) == ("I.", "CẢI CÁCH HÀNH CHÍNH", 3)
    assert first.counts.count(Bucket.OVERDUE) == 1
    assert first.percent == pytest.approx(83.3)
    assert (second.number, second.counts.completed) == ("II.", 1)
    by_unit = {u.title: u for u in view.units}
    assert by_unit["Công an xã"].counts.total == 3
    assert by_unit["Công an xã"].counts.count(Bucket.COMPLETED_ON_TIME) == 1
    assert by_unit["Phòng Văn hoá - Xã hội"].counts.count(Bucket.OVERDUE) == 1


def test_overdue_and_due_soon_lists_are_about_today(db: Database, plan) -> None:
    view = overview(db, plan["plan"], plan["half"], today=TODAY)
    assert [line.title for line in view.overdue] == []  # 10/6 is today: not late yet
    assert [line.title for line in view.due_soon] == ["overdue", "due_soon"]
    later = overview(db, plan["plan"], plan["half"], today=date(2026, 6, 16))
    assert [line.title for line in later.overdue] == ["overdue", "due_soon"]
    assert later.overdue[0].status == "Đang thực hiện"
    assert later.overdue[0].number == "I.3."


def test_indicators_against_targets(db: Database, plan) -> None:
    [line] = overview(db, plan["plan"], plan["half"], today=TODAY).indicators
    assert (line.target, line.unit, line.actual) == (100, "%", 75)


def test_the_annual_period_carries_the_first_half_forward(db: Database, plan) -> None:
    view = overview(db, plan["plan"], plan["year"], today=date(2026, 12, 1))
    assert view.buckets[plan["on_time"]] is Bucket.COMPLETED_ON_TIME
    assert view.buckets[plan["overdue"]] is Bucket.OVERDUE
    # "Quý IV/2026" is due 31/12/2026, after the annual cut-off of 14/12: within time.
    assert view.buckets[plan["in_progress"]] is Bucket.IN_PROGRESS


def test_default_period_is_the_one_holding_today(db: Database, plan) -> None:
    candidates = periods.list_periods(db, plan["plan"])
    assert choose_period(candidates, date(2026, 3, 1)).label == "6 tháng đầu năm 2026"
    assert choose_period(candidates, date(2026, 9, 1)).label == "Năm 2026"
    assert choose_period(candidates, date(2027, 3, 1)).label == "Năm 2026"  # the latest
    assert choose_period([], date(2026, 3, 1)) is None


@pytest.mark.parametrize("period_key", ["half", "year"])
def test_the_slim_reading_gives_the_overview_the_whole_entries_give(
    db: Database, plan, period_key: str
) -> None:
    """overview() reads four columns of each latest entry; the window's lists and the
    reports read whole entries: the same overview either way, for the period under way
    and for one whose lists (today) and counts (its cut-off) differ."""
    period = next(p for p in periods.list_periods(db, plan["plan"]) if p.id == plan[period_key])
    tree = items.plan_tree(db, plan["plan"])
    today = date(2027, 2, 1) if period_key == "half" else TODAY
    whole = build_overview(
        tree, period, period.cutoff,
        progress.latest_entries(db, plan["plan"], period.cutoff),
        progress.latest_entries_as_of(db, plan["plan"], today), today,
    )  # fmt: skip
    assert overview(db, plan["plan"], period.id, today=today) == whole
    assert whole.indicators[0].actual == 75
    assert whole.overall.completed == 3  # on time, late, and the recurring one


@pytest.mark.parametrize("period_key", ["half", "year", None])
def test_the_overview_of_a_snapshot_is_the_overview(db: Database, plan, period_key) -> None:
    """The window's overview from the tree and today's entries it holds is the one the
    services compute, for a past period (its entries read), the period under way and
    "as of today"."""
    today = date(2026, 12, 1)  # the first half is past, the year under way
    period = next(
        (p for p in periods.list_periods(db, plan["plan"]) if p.id == plan.get(period_key)), None
    )
    tree = items.plan_tree(db, plan["plan"])
    now = progress.latest_entries_as_of(db, plan["plan"], today)
    view = overview_of_snapshot(db, tree, period, now, today)
    if period is None:
        assert view == overview(db, plan["plan"], as_of=today, today=today)
    else:
        assert view == overview(db, plan["plan"], period.id, today=today)
        assert view.cutoff == period.cutoff

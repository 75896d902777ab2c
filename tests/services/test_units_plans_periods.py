"""Units, plan headers and reporting periods."""

from __future__ import annotations

from datetime import date

import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.periods import PeriodKind, PeriodSpec
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, items, periods, plans, units


def test_unit_names_are_unique_once_folded(db: Database) -> None:
    units.create_unit(db, "Phòng Văn hoá - Xã hội", short_name="VHXH")
    with pytest.raises(ValidationError) as info:
        units.create_unit(db, "PHÒNG VĂN HÓA - XÃ HỘI")
    assert "trùng tên" in info.value.message
    assert [u.name for u in units.list_units(db)] == ["Phòng Văn hoá - Xã hội"]


def test_units_are_listed_in_folded_order_with_use_counts(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    b = units.create_unit(db, "Đoàn Thanh niên").id
    a = units.create_unit(db, "Công an xã").id
    units.create_unit(db, "Ban Chỉ huy quân sự")
    items.add_item(db, plan.id, "task", "t", lead_unit_id=a, coordinator_ids=[b])
    listed = units.list_units(db)
    assert [u.name for u in listed] == ["Ban Chỉ huy quân sự", "Công an xã", "Đoàn Thanh niên"]
    assert [(u.lead_count, u.coordinate_count) for u in listed] == [(0, 0), (1, 0), (0, 1)]


def test_a_unit_in_use_needs_a_replacement_before_removal(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    old = units.create_unit(db, "Phòng VH-XH").id
    new = units.create_unit(db, "Phòng Văn hoá - Xã hội").id
    other = units.create_unit(db, "Công an xã").id
    t1 = items.add_item(db, plan.id, "task", "a", lead_unit_id=old).id
    t2 = items.add_item(db, plan.id, "task", "b", lead_unit_id=other, coordinator_ids=[old]).id
    t3 = items.add_item(db, plan.id, "task", "c", lead_unit_id=new, coordinator_ids=[old]).id
    with pytest.raises(ValidationError) as info:
        units.delete_unit(db, old)
    assert "chủ trì 1 và phối hợp 2" in info.value.message
    assert units.get_unit(db, old).in_use

    merged = units.merge_units(db, old, new)
    assert (merged.lead_count, merged.coordinate_count) == (2, 1)
    assert items.get_item(db, t1).lead_unit_name == "Phòng Văn hoá - Xã hội"
    assert items.get_item(db, t2).coordinator_names == ("Phòng Văn hoá - Xã hội",)
    assert items.get_item(db, t3).coordinator_ids == ()  # it leads, so it does not coordinate
    assert [u.name for u in units.list_units(db)] == ["Công an xã", "Phòng Văn hoá - Xã hội"]
    assert audit.history(db, "unit", old)[-1].action == "delete"


def test_rename_and_bad_email(db: Database) -> None:
    unit = units.create_unit(db, "Cong an xa")
    renamed = units.update_unit(db, unit.id, name="Công an xã", email="ca@dienchau.vn")
    assert renamed.name == "Công an xã"
    with pytest.raises(ValidationError):
        units.update_unit(db, unit.id, email="không phải thư")
    rows = audit.history(db, "unit", unit.id)
    assert ("name", "Cong an xa", "Công an xã") in [
        (r.field, r.old_value, r.new_value) for r in rows
    ]


def test_plan_header_fields(db: Database) -> None:
    plan = plans.create_plan(
        db,
        "Thực hiện chuyển đổi số năm 2026",
        symbol="KH-UBND",
        issuing_body="ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU",
        legal_bases=["Căn cứ Luật Tổ chức chính quyền địa phương;", "  ", "Căn cứ Nghị quyết 57;"],
        year=2026,
    )
    assert plan.reference == "   /KH-UBND"
    assert plan.legal_bases == (
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Căn cứ Nghị quyết 57;",
    )
    plan = plans.update_plan(db, plan.id, number="15", issue_date=date(2026, 1, 5))
    assert plan.reference == "15/KH-UBND"
    with pytest.raises(ValidationError):
        plans.update_plan(db, plan.id, year=1800)
    with pytest.raises(ValidationError):
        plans.update_plan(db, plan.id, numbering_scheme=["roman", "hebrew"])
    assert plans.get_plan(db, plan.id).year == 2026
    summary = plans.list_plans(db)
    assert [(p.reference, p.task_count) for p in summary] == [("15/KH-UBND", 0)]


def test_standard_periods_once(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    created = periods.create_standard_periods(db, plan.id, 2026)
    assert [(p.kind, p.start, p.cutoff, p.due) for p in created] == [
        (PeriodKind.HALF_YEAR, date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 16)),
        (PeriodKind.YEAR, date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 16)),
    ]
    assert periods.create_standard_periods(db, plan.id, 2026) == []
    assert len(periods.list_periods(db, plan.id)) == 2
    closed = periods.set_period_closed(db, created[0].id, True)
    assert closed.is_closed


def test_period_dates_must_be_in_order(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    with pytest.raises(ValidationError) as info:
        periods.create_period(
            db,
            plan.id,
            PeriodSpec(PeriodKind.AD_HOC, "Đột xuất", date(2026, 5, 1), date(2026, 4, 1), None),
        )
    assert "trước ngày bắt đầu" in info.value.message
    assert periods.list_periods(db, plan.id) == []


def test_quarterly_periods_and_editing(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    created = periods.create_standard_periods(db, plan.id, 2027, quarterly=True)
    quarters = [p for p in created if p.kind is PeriodKind.QUARTER]
    assert [(q.label, q.start, q.cutoff) for q in quarters] == [
        ("Quý I năm 2027", date(2026, 12, 15), date(2027, 3, 14)),
        ("Quý II năm 2027", date(2027, 3, 15), date(2027, 6, 14)),
        ("Quý III năm 2027", date(2027, 6, 15), date(2027, 9, 14)),
        ("Quý IV năm 2027", date(2027, 9, 15), date(2027, 12, 14)),
    ]
    # 14/3/2027 is a Sunday: the report is due on Tuesday 16/3.
    assert quarters[0].due == date(2027, 3, 16)
    first = quarters[0]
    edited = periods.update_period(
        db, first.id,
        PeriodSpec(PeriodKind.QUARTER, "Quý I/2027", first.start, first.cutoff, date(2027, 3, 20)),
    )  # fmt: skip
    assert (edited.label, edited.due) == ("Quý I/2027", date(2027, 3, 20))
    periods.set_period_closed(db, first.id, True)
    with pytest.raises(ValidationError):
        periods.update_period(
            db, first.id,
            PeriodSpec(PeriodKind.QUARTER, "x", first.start, first.cutoff, None),
        )  # fmt: skip


def test_use_counts_are_tasks_as_every_other_screen_counts_them(db: Database) -> None:
    """A walk found the units' dialog saying 17 led tasks where the units' view, the
    overview and the report said 16: a section with a lead unit was counted."""
    plan = plans.create_plan(db, "KH")
    lead = units.create_unit(db, "UBND xã").id
    helper = units.create_unit(db, "Đoàn Thanh niên").id
    only_sections = units.create_unit(db, "Hội Nông dân").id
    section = items.add_item(db, plan.id, "section", "II.4", lead_unit_id=lead).id
    items.add_item(db, plan.id, "task", "a", parent_id=section, lead_unit_id=lead,
                   coordinator_ids=[helper])  # fmt: skip
    items.add_item(db, plan.id, "section", "II.5", lead_unit_id=only_sections,
                   coordinator_ids=[helper])  # fmt: skip
    listed = {u.name: u for u in units.list_units(db)}
    assert (listed["UBND xã"].lead_count, listed["UBND xã"].other_uses) == (1, 1)
    assert (listed["Đoàn Thanh niên"].coordinate_count, listed["Đoàn Thanh niên"].other_uses) == (
        1, 1)  # fmt: skip
    sections_only = listed["Hội Nông dân"]
    assert (sections_only.lead_count, sections_only.coordinate_count) == (0, 0)
    assert sections_only.in_use  # still named by a section: not removed without a successor
    assert units.get_unit(db, only_sections) == sections_only
    with pytest.raises(ValidationError) as info:
        units.delete_unit(db, only_sections)
    assert "được ghi ở 1 mục hoặc đoạn văn" in info.value.message


def test_a_body_written_in_full_or_by_initials_is_one_unit(db: Database) -> None:
    """A plan naming "Ủy ban nhân dân xã Diễn Châu" made a second unit beside the file's
    "UBND xã Diễn Châu", and her reminders and returns would split between them."""
    known = units.create_unit(db, "UBND xã Diễn Châu").id
    council = units.create_unit(db, "Ủy ban MTTQ Việt Nam xã").id
    with db.write() as session:
        assert units.find_or_create_unit_row(session, "Ủy ban nhân dân xã Diễn Châu").id == known
        assert units.find_or_create_unit_row(session, "ubnd XÃ DIỄN CHÂU").id == known
        assert units.find_or_create_unit_row(
            session, "Ủy ban Mặt trận Tổ quốc Việt Nam xã").id == council  # fmt: skip
        other = units.find_or_create_unit_row(session, "Ủy ban nhân dân xã Diễn Kim").id
    assert other not in (known, council)
    assert len(units.list_units(db)) == 3

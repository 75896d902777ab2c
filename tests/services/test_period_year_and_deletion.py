"""The year of a plan's usual periods (the year it is carried out, not the year it was
issued), and deleting a period made by mistake."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.periods import PeriodKind, PeriodSpec, year_carried_out, year_named
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.plan_document import import_plan
from dienchau_desktop.services import audit, items, periods, plans, progress

TODAY = date(2025, 12, 22)

#: A plan issued in December 2025 for 2026, as communes issue them.
DECEMBER_PLAN = """ỦY BAN NHÂN DÂN
XÃ DIỄN CHÂU
Số: 210/KH-UBND
Diễn Châu, ngày 20 tháng 12 năm 2025
KẾ HOẠCH
Thực hiện Kết luận ngày 05 tháng 12 năm 2025 của Tỉnh ủy về chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Bảo đảm thống nhất trong tổ chức thực hiện.
II. NHIỆM VỤ
1. Chuyển đổi số
- Số hóa hồ sơ hộ tịch.
- Cập nhật dữ liệu dân cư.
"""


def test_the_year_a_title_names_is_not_the_year_of_a_date_it_cites() -> None:
    assert (
        year_named("Thực hiện Kết luận ngày 05 tháng 12 năm 2025 về chuyển đổi số năm 2026") == 2026
    )
    assert year_named("Kế hoạch tuyên truyền ngày 05 tháng 12 năm 2025") is None
    assert year_named("Kế hoạch thực hiện Đề án 06") is None


def test_the_year_carried_out_weighs_the_clues_in_order() -> None:
    def year(field=None, text="", title="", dues=()) -> int:
        return year_carried_out(year_field=field, issued=None, issue_text=text, title=title,
                                due_dates=dues, today=TODAY)  # fmt: skip

    december = "ngày 20 tháng 12 năm 2025"
    # Older imports copied the issue year into the Year field: it says nothing more.
    assert year(2025, december, "Kế hoạch chuyển đổi số năm 2026") == 2026
    # A Year field that differs from the issue year was set on purpose.
    assert year(2027, december, "Kế hoạch chuyển đổi số năm 2026") == 2027
    assert year(2025, december, "Kế hoạch", [date(2026, 3, 31), date(2026, 10, 1)]) == 2026
    # Nothing but a December issue date: the plan is for the coming year.
    assert year(2025, december) == 2026
    assert year(None, "ngày 10 tháng 03 năm 2026") == 2026
    assert year() == TODAY.year


def test_an_imported_december_plan_is_a_plan_for_the_next_year(
    db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text(DECEMBER_PLAN, encoding="utf-8")
    plan_id = import_plan(db, source).plan_id
    assert plan_id is not None
    plan = plans.get_plan(db, plan_id)
    assert plan.issue_date_text == "ngày 20 tháng 12 năm 2025"
    assert plan.year == 2026
    assert periods.usual_year(db, plan_id, TODAY) == 2026


def test_a_plan_imported_before_the_fix_still_gets_its_own_year(db: Database) -> None:
    """Plans imported earlier carry the issue year in their Year field."""
    plan = plans.create_plan(db, "Kế hoạch chuyển đổi số năm 2026", year=2025,
                             issue_date_text="ngày 20 tháng 12 năm 2025")  # fmt: skip
    assert periods.usual_year(db, plan.id, TODAY) == 2026
    # No year in the title: the deadlines tell it.
    other = plans.create_plan(db, "Kế hoạch chuyển đổi số", year=2025,
                              issue_date_text="ngày 02 tháng 12 năm 2025")  # fmt: skip
    items.add_item(db, other.id, "task", "a", deadline="Quý II/2026")
    items.add_item(db, other.id, "task", "b", deadline="30/09/2026")
    items.add_item(db, other.id, "task", "c", deadline="Thường xuyên")
    assert periods.usual_year(db, other.id, TODAY) == 2026


def test_the_sample_plan_keeps_its_year(sample_db: Database) -> None:
    assert periods.usual_year(sample_db, 1, TODAY) == 2026


def test_an_empty_period_is_deleted_and_restored_with_its_id(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    half, year = periods.create_standard_periods(db, plan.id, 2025)
    removed = periods.delete_period(db, year.id)
    assert [p.id for p in periods.list_periods(db, plan.id)] == [half.id]
    assert audit.history(db, "reporting_period", year.id)[-1].action == "delete"
    restored = periods.restore_period(db, removed)
    assert restored == year
    assert periods.list_periods(db, plan.id) == [half, year]


def test_a_restored_period_takes_a_new_id_if_its_own_was_given_out(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    _half, year = periods.create_standard_periods(db, plan.id, 2026)
    removed = periods.delete_period(db, year.id)
    spec = PeriodSpec(PeriodKind.AD_HOC, "Đột xuất", date(2026, 3, 1), date(2026, 3, 31), None)
    added = periods.create_period(db, plan.id, spec)
    assert added.id == year.id  # SQLite gives the freed id out again
    restored = periods.restore_period(db, removed)
    assert restored.id != year.id and restored.label == "Năm 2026"
    assert [p.label for p in periods.list_periods(db, plan.id)] == [
        "Đột xuất", "6 tháng đầu năm 2026", "Năm 2026",
    ]  # fmt: skip


def test_a_period_made_again_is_not_restored_twice(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    _half, year = periods.create_standard_periods(db, plan.id, 2026)
    removed = periods.delete_period(db, year.id)
    periods.create_standard_periods(db, plan.id, 2026)
    with pytest.raises(ValidationError) as info:
        periods.restore_period(db, removed)
    assert "Không khôi phục được kỳ «Năm 2026»" in info.value.message
    assert [p.label for p in periods.list_periods(db, plan.id)].count("Năm 2026") == 1


def test_a_period_with_entries_is_not_deleted(db: Database) -> None:
    plan = plans.create_plan(db, "KH")
    half, _year = periods.create_standard_periods(db, plan.id, 2026)
    first = items.add_item(db, plan.id, "task", "a").id
    second = items.add_item(db, plan.id, "task", "b").id
    for task in (first, second):
        progress.record_progress(db, task, half.id, status="in_progress", percent=30)
    with pytest.raises(ValidationError) as info:
        periods.delete_period(db, half.id)
    assert "đã có 2 mục tiến độ" in info.value.message
    assert half in periods.list_periods(db, plan.id)
    assert len(progress.history(db, first)) == 1

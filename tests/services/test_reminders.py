"""Reminders: which tasks a secretary chases on a day, in which band, under which unit."""

from __future__ import annotations

from datetime import date, timedelta

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import overview
from dienchau_desktop.services.reminders import Band, band_of, reminders
from tests.services.reminder_plan import DAY, HEALTH, POLICE, SCHOOL, plan_with_reminders


def listed(found) -> dict[str, list[tuple[str, int, Band]]]:
    return {u.unit_name: [(t.title, t.days_left, t.band) for t in u.tasks] for u in found.units}


def test_bands_at_their_thresholds() -> None:
    assert [band_of(n) for n in (-30, -1, 0, 1, 2, 3, 4, 7, 8)] == [
        Band.OVERDUE, Band.OVERDUE, Band.WITHIN_1, Band.WITHIN_1, Band.WITHIN_3,
        Band.WITHIN_3, Band.WITHIN_7, Band.WITHIN_7, None,
    ]  # fmt: skip


def test_the_tasks_due_and_overdue_by_lead_unit(db: Database) -> None:
    plan_id, _ids = plan_with_reminders(db)
    found = reminders(db, plan_id, DAY)
    assert listed(found) == {
        # Most overdue first; inside a unit, the longest overdue first, then by due date.
        POLICE: [
            ("Rà soát hồ sơ dân cư", -10, Band.OVERDUE),  # "Tháng 5/2026": due 31/5
            ("Sửa chữa trụ sở", -5, Band.OVERDUE),  # completed only on 12/6, after the day
            ("Báo cáo Đề án 06", -1, Band.OVERDUE),
        ],  # "Số hóa sổ hộ tịch" completed 8/6 and "Thường xuyên" work are not there
        SCHOOL: [
            ("Tổng kết năm học", 0, Band.WITHIN_1),
            ("Tuyển sinh lớp 6", 1, Band.WITHIN_1),  # "Trước ngày 11/6/2026"
            ("Kiểm định chất lượng", 2, Band.WITHIN_3),
            ("Báo cáo thi đua", 3, Band.WITHIN_3),
        ],
        HEALTH: [
            ("Tiêm chủng mở rộng", 4, Band.WITHIN_7),
            ("Vệ sinh an toàn thực phẩm", 7, Band.WITHIN_7),
        ],  # due in 8 days: not yet
        overview.NO_LEAD_UNIT: [("Họp giao ban", 2, Band.WITHIN_3)],  # last
    }
    assert [found.count(b) for b in Band] == [3, 2, 3, 2]
    assert found.total == 10 and not found.is_empty


def test_each_line_says_what_she_needs(db: Database) -> None:
    plan_id, _ids = plan_with_reminders(db)
    police = reminders(db, plan_id, DAY).units[0]
    first, _second, third = police.tasks
    assert (first.number, first.deadline_text, first.due_date, first.days_overdue) == (
        "I.1.", "Tháng 5/2026", date(2026, 5, 31), 10,
    )  # fmt: skip
    assert (first.state, first.percent) == ("Chưa báo cáo", None)
    assert (third.title, third.state, third.percent) == ("Báo cáo Đề án 06", "Đang thực hiện", 60)
    assert police.unit_id is not None and len(police.overdue) == 3 and police.due == ()


def test_a_day_later_and_after_the_late_completion(db: Database) -> None:
    plan_id, _ids = plan_with_reminders(db)
    later = listed(reminders(db, plan_id, date(2026, 6, 12)))
    # Completed on 12/6: done that day, so no longer chased.
    assert "Sửa chữa trụ sở" not in [t for t, _d, _b in later[POLICE]]
    assert later[SCHOOL][0] == ("Tổng kết năm học", -2, Band.OVERDUE)
    # "Khám sức khỏe" (18/6) is now 6 days off.
    assert ("Khám sức khỏe người cao tuổi", 6, Band.WITHIN_7) in later[HEALTH]


def test_nothing_to_remind_of_far_from_any_deadline(db: Database) -> None:
    plan_id, _ids = plan_with_reminders(db)
    found = reminders(db, plan_id, date(2026, 1, 5))
    assert found.is_empty and found.total == 0
    assert reminders(db, plan_id, DAY - timedelta(days=400)).units == ()

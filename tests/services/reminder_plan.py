"""A plan whose tasks fall due around the reminders' thresholds on DAY (10/6/2026): the
data the reminder tests (service, drafts, window) share, made through the services."""

from __future__ import annotations

from datetime import date

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress, units

DAY = date(2026, 6, 10)

POLICE = "Công an xã"
SCHOOL = "Trường THCS Diễn Châu"
HEALTH = "Trạm Y tế xã"  # no email address

#: (title, lead unit, deadline as written): due DAY + n for the n in the comments.
TASKS = (
    ("Rà soát hồ sơ dân cư", POLICE, "Tháng 5/2026"),  # 31/5: overdue by 10
    ("Báo cáo Đề án 06", POLICE, "9/6/2026"),  # overdue by 1, in progress 60 %
    ("Số hóa sổ hộ tịch", POLICE, "9/6/2026"),  # completed 8/6: not listed
    ("Sửa chữa trụ sở", POLICE, "5/6/2026"),  # overdue by 5, completed 12/6 (after DAY)
    ("Tuần tra an ninh", POLICE, "Thường xuyên"),  # recurring: never listed
    ("Tổng kết năm học", SCHOOL, "10/6/2026"),  # due today: within 1 day
    ("Tuyển sinh lớp 6", SCHOOL, "Trước ngày 11/6/2026"),  # 1: within 1 day
    ("Kiểm định chất lượng", SCHOOL, "12/6/2026"),  # 2: within 3 days
    ("Báo cáo thi đua", SCHOOL, "13/6/2026"),  # 3: within 3 days
    ("Tiêm chủng mở rộng", HEALTH, "14/6/2026"),  # 4: within 7 days
    ("Vệ sinh an toàn thực phẩm", HEALTH, "17/6/2026"),  # 7: within 7 days
    ("Khám sức khỏe người cao tuổi", HEALTH, "18/6/2026"),  # 8: not yet
    ("Họp giao ban", None, "12/6/2026"),  # no lead unit: 2, within 3 days
    ("Cập nhật cơ sở dữ liệu", None, "Tháng 12/2026"),  # far off
)


def plan_with_reminders(db: Database) -> tuple[int, dict[str, int]]:
    """The plan's id and its tasks' ids by title."""
    plan = plans.create_plan(
        db, "Kế hoạch thực hiện nhiệm vụ năm 2026", number="12", year=2026,
        issuing_body="ỦY BAN NHÂN DÂN XÃ DIỄN CHÂU",
    )  # fmt: skip
    half, _year = periods.create_standard_periods(db, plan.id, 2026)
    unit_ids = {
        POLICE: units.create_unit(db, POLICE, email="congan@dienchau.gov.vn").id,
        SCHOOL: units.create_unit(db, SCHOOL, email="thcs@dienchau.edu.vn").id,
        HEALTH: units.create_unit(db, HEALTH).id,
    }
    part = items.add_item(db, plan.id, "section", "NHIỆM VỤ TRỌNG TÂM").id
    other = items.add_item(db, plan.id, "section", "NHIỆM VỤ KHÁC").id
    ids = {}
    for title, lead, deadline in TASKS:
        node = items.add_item(
            db, plan.id, "task", title, parent_id=part if lead else other,
            lead_unit_id=unit_ids[lead] if lead else None, deadline=deadline,
        )  # fmt: skip
        ids[title] = node.id
    progress.record_progress(db, ids["Báo cáo Đề án 06"], half.id, status="in_progress",
                             percent=60)  # fmt: skip
    progress.record_progress(db, ids["Số hóa sổ hộ tịch"], half.id, status="completed",
                             completed_on=date(2026, 6, 8))  # fmt: skip
    progress.record_progress(db, ids["Sửa chữa trụ sở"], half.id, status="completed",
                             completed_on=date(2026, 6, 12))  # fmt: skip
    return plan.id, ids

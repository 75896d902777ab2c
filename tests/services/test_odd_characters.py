"""Code points that are not characters (U+FFFE, U+FFFF, the other non-characters, lone
surrogates) never reach the data file, whichever service stores the text: XML refuses
them, so any Excel export of a plan holding one failed with a traceback."""

from __future__ import annotations

import sqlite3
from datetime import date

from dienchau_desktop.core.periods import PeriodKind, PeriodSpec
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import items, periods, plans, progress, units

ODD = "\ufffe\uffff\ufdd0\U0010ffff\ud800"


def test_text_with_non_characters_is_stored_without_them(db: Database) -> None:
    plan = plans.create_plan(db, f"Kế hoạch{ODD} số 1", recipients=[f"Huyện ủy{ODD}"])
    unit = units.create_unit(db, f"Công an{ODD} xã")
    section = items.add_item(db, plan.id, "section", f"NHIỆM VỤ{ODD}")
    task = items.add_item(db, plan.id, "task", f"Số hóa{ODD} văn bản", parent_id=section.id)
    items.update_item(db, task.id, expected_product=f"Báo cáo{ODD}", lead_unit_id=unit.id)
    period = periods.create_period(
        db, plan.id, PeriodSpec(PeriodKind.HALF_YEAR, f"6 tháng{ODD}", date(2026, 1, 1),
                                date(2026, 6, 15), date(2026, 6, 20)),
    )  # fmt: skip
    progress.record_progress(db, task.id, period.id, status="in_progress",
                             result_text=f"Đã số hóa{ODD} 80%", reported_by=f"Lan{ODD}")  # fmt: skip

    assert plans.get_plan(db, plan.id).title == "Kế hoạch số 1"
    assert plans.get_plan(db, plan.id).recipients == ("Huyện ủy",)
    assert units.get_unit(db, unit.id).name == "Công an xã"
    node = items.get_item(db, task.id)
    assert (node.title, node.expected_product) == ("Số hóa văn bản", "Báo cáo")
    assert items.get_item(db, section.id).title == "NHIỆM VỤ"
    assert periods.list_periods(db, plan.id)[0].label == "6 tháng"
    [entry] = progress.history(db, task.id)
    assert (entry.result_text, entry.reported_by) == ("Đã số hóa 80%", "Lan")

    # What the file itself holds, read without the program.
    raw = sqlite3.connect(db.path)
    texts = [value for table in ("plan", "unit", "plan_item", "reporting_period", "progress_entry")
             for row in raw.execute(f"SELECT * FROM {table}") for value in row
             if isinstance(value, str)]  # fmt: skip
    raw.close()
    assert texts
    assert not [t for t in texts if any(ch in t for ch in ODD)]

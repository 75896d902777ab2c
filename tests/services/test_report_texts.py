"""The free texts of a period's progress report, kept in the data file (#16)."""

from __future__ import annotations

import pytest

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, periods, plans, report_texts


def two_periods(db: Database) -> tuple[int, int]:
    plan = plans.create_plan(db, "Kế hoạch năm 2026", year=2026)
    half, year = periods.create_standard_periods(db, plan.id, 2026)
    return half.id, year.id


def test_saved_per_period_cleaned_and_audited(db: Database) -> None:
    half, year = two_periods(db)
    assert report_texts.report_texts(db, half) == {}
    stored = report_texts.save_report_texts(
        db, half, {"direction": "  Đã ban hành 05 văn bản.\r\n", "shortcomings": "Cha\u0323m."}
    )
    assert stored == {"direction": "Đã ban hành 05 văn bản.", "shortcomings": "Chạm."}
    report_texts.save_report_texts(db, half, {"shortcomings": "Còn chậm."})
    assert report_texts.report_texts(db, half) == {
        "direction": "Đã ban hành 05 văn bản.",
        "shortcomings": "Còn chậm.",
    }
    assert report_texts.report_texts(db, year) == {}
    changes = [
        (r.action, r.field, r.old_value, r.new_value) for r in audit.history(db, "report_text")
    ]
    assert changes == [
        ("create", "direction", None, "Đã ban hành 05 văn bản."),
        ("create", "shortcomings", None, "Chạm."),
        ("update", "shortcomings", "Chạm.", "Còn chậm."),
    ]
    # Saving the same again changes nothing and records nothing.
    report_texts.save_report_texts(db, half, {"shortcomings": "Còn chậm."})
    assert len(audit.history(db, "report_text")) == 3


def test_bad_input_refused_naming_the_part_and_nothing_saved(db: Database) -> None:
    half, _year = two_periods(db)
    with pytest.raises(ValidationError) as raised:
        report_texts.save_report_texts(
            db, half, {"direction": "Đã họp.", "proposals": "x" * 20_001}
        )
    assert raised.value.field == "proposals"
    assert "«V. Đề xuất, kiến nghị» dài 20.001 ký tự" in raised.value.message
    with pytest.raises(ValidationError, match="Không có phần văn bản «part_vi»"):
        report_texts.save_report_texts(db, half, {"part_vi": "?"})
    with pytest.raises(NotFoundError):
        report_texts.save_report_texts(db, 999, {"direction": "?"})
    assert report_texts.report_texts(db, half) == {}


def test_deleting_a_period_and_undoing_keeps_its_texts(db: Database) -> None:
    _half, year = two_periods(db)
    report_texts.save_report_texts(db, year, {"proposals": "Đề nghị hỗ trợ."})
    removed = periods.delete_period(db, year)
    with pytest.raises(NotFoundError):
        report_texts.report_texts(db, year)
    again = periods.restore_period(db, removed)
    assert report_texts.report_texts(db, again.id) == {"proposals": "Đề nghị hỗ trợ."}

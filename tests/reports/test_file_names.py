"""The file name proposed for each report names it and what it covers."""

from __future__ import annotations

from datetime import date

from dienchau_desktop.core.periods import (
    PeriodKind,
    annual_period,
    half_year_period,
    quarter_periods,
)
from dienchau_desktop.reports.file_names import report_file_name, slug
from dienchau_desktop.services.periods import PeriodInfo


def period(spec, kind: PeriodKind | None = None) -> PeriodInfo:
    return PeriodInfo(1, 1, kind or spec.kind, spec.label, spec.start, spec.cutoff, spec.due,
                      False)  # fmt: skip


def test_names() -> None:
    half, year = period(half_year_period(2026)), period(annual_period(2026))
    second_quarter = period(quarter_periods(2027)[1])
    assert report_file_name("progress", "pdf", period=half) == "bao-cao-6-thang-2026.pdf"
    assert report_file_name("progress", "xlsx", period=year) == "bao-cao-nam-2026.xlsx"
    assert report_file_name("progress", "pdf", period=second_quarter) == "bao-cao-quy-ii-2027.pdf"
    assert (report_file_name("appendix", "xlsx", plan_number="125", plan_year=2026)
            == "phu-luc-nhiem-vu-ke-hoach-125-2026.xlsx")  # fmt: skip
    assert (report_file_name("return-form", "xlsx", unit="Công an xã", period=half)
            == "mau-bao-cao-cong-an-xa-6-thang-2026.xlsx")  # fmt: skip
    assert report_file_name("unit", "pdf", unit="Đoàn Thanh niên") == "nhiem-vu-doan-thanh-nien.pdf"
    assert (report_file_name("due", "pdf", today=date(2026, 11, 28))
            == "nhiem-vu-qua-han-28-11-2026.pdf")  # fmt: skip
    ad_hoc = period(half_year_period(2026), PeriodKind.AD_HOC)
    assert report_file_name("progress", "pdf", period=ad_hoc) == (
        "bao-cao-6-thang-dau-nam-2026.pdf"  # an ad-hoc period by the label she gave it
    )


def test_slug_keeps_only_what_every_file_system_takes() -> None:
    assert slug("Trường THCS Diễn Châu / số 2: «mới»") == "truong-thcs-dien-chau-so-2-moi"
    assert slug("ĐẢNG ỦY") == "dang-uy"

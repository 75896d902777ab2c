"""A sixth report, added the way the registry promises: one entry plus its build and
render code, and nothing else. The tests put it in the registry for their duration."""

from __future__ import annotations

from pathlib import Path

import pytest

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports import registry
from dienchau_desktop.reports.export import ExportRequest
from dienchau_desktop.reports.files import write_atomically
from dienchau_desktop.reports.registry import ReportKind


def build_unit_list(db: Database, request: ExportRequest) -> list[str]:
    from dienchau_desktop.services import units

    return [unit.name for unit in units.list_units(db)]


def unit_list_xlsx(names: list[str], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Đơn vị"])
    for name in names:
        sheet.append([name])
    write_atomically(out, book.save)


UNIT_LIST = ReportKind(
    key="unit-list",
    label="Danh sách đơn vị",
    summary="danh sách đơn vị",
    build=build_unit_list,
    renderers={"xlsx": unit_list_xlsx},
    written=lambda names, out: f"Đã xuất {len(names)} đơn vị ra «{out}».",
    file_stem="danh-sach-don-vi",
    file_parts=("day",),
)


def add_the_sixth_report(monkeypatch: pytest.MonkeyPatch) -> ReportKind:
    monkeypatch.setattr(registry, "REPORT_KINDS", (*registry.REPORT_KINDS, UNIT_LIST))
    monkeypatch.setattr(registry, "REPORTS", {**registry.REPORTS, UNIT_LIST.key: UNIT_LIST})
    return UNIT_LIST

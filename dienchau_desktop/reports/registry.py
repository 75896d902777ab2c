"""Every report the program exports, declared once: its key, its Vietnamese name, the
formats it is rendered in, what it needs (a unit, a period), which optional fields
apply to it, how its file is named, and how it is built and rendered.

`export_report`, the command line (`export`'s choices, help and usage errors) and the
reports dialog (its list, the fields it shows, the formats it offers) read this table:
a new report is one entry here plus the code that builds and renders it.

Importing this module is cheap (the command line reads it to build its parser before
it knows what it will do): the build and render code is imported when a report is
exported, not before."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from dienchau_desktop.db.database import Database
    from dienchau_desktop.reports.export import ExportRequest
    from dienchau_desktop.reports.table import TableReport

#: The formats a report can have, and their names in a sentence, in the order the
#: command line lists them.
FORMAT_NAMES = {"xlsx": "Excel", "pdf": "PDF"}

#: Optional fields of an `ExportRequest` that some reports read (the others ignore them):
#: the appendix's columns; the progress report's number, "Kính gửi", header and closing,
#: and parts III and V.
Option = Literal["columns", "number", "addressee", "header", "parts"]
#: What a file name says after the report's stem (see file_names.report_file_name):
#: the plan's number and year, the unit, the period, the day it is made on.
NamePart = Literal["plan", "unit", "period", "day"]

Build = Callable[["Database", "ExportRequest"], Any]
Render = Callable[[Any, Path], None]


@dataclass(frozen=True)
class ReportKind:
    """One report: what it is, what it needs, and how it is made."""

    key: str  # on the command line and in the settings: "appendix"
    label: str  # its Vietnamese name: "Phụ lục danh mục nhiệm vụ"
    summary: str  # a few words for `export --help`: "phụ lục nhiệm vụ"
    build: Build  # its data, from the data file and the request
    #: Its renderers by format (FORMAT_NAMES' keys): the formats it has, in the order
    #: a refusal names them ("return-form chỉ có dạng xlsx").
    renderers: Mapping[str, Render]
    #: The sentence said once it is written, from what was built and the file.
    written: Callable[[Any, Path], str]
    file_stem: str  # "phu-luc-nhiem-vu"
    file_parts: tuple[NamePart, ...] = ()
    needs_unit: bool = False  # it covers one unit: none chosen is an error
    needs_period: bool = False  # it covers a period (default: the one under way)
    options: frozenset[Option] = field(default_factory=frozenset)

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.renderers)

    def formats_in_words(self) -> str:
        """Which formats it has, for a sentence: "Excel", "Excel hoặc PDF"."""
        return " hoặc ".join(FORMAT_NAMES[fmt] for fmt in self.formats)


# The build and render code, imported when a report is made (see the module's note).


def _build_appendix(db: Database, request: ExportRequest) -> TableReport:
    from dienchau_desktop.reports.appendix import DEFAULT_COLUMNS, build_appendix

    return build_appendix(db, request.plan_id, request.columns or DEFAULT_COLUMNS)


def _build_due_list(db: Database, request: ExportRequest) -> TableReport:
    from dienchau_desktop.reports.due_list import build_due_list

    return build_due_list(db, request.plan_id)


def _build_unit_sheet(db: Database, request: ExportRequest) -> TableReport:
    from dienchau_desktop.reports.unit_sheet import build_unit_sheet, find_unit

    return build_unit_sheet(db, request.plan_id, find_unit(db, request.unit or ""))


def _table_renderers(sheet_title: str) -> dict[str, Render]:
    """A table report in Excel (on a sheet named `sheet_title`) and in PDF."""

    def xlsx(table: TableReport, out: Path) -> None:
        from dienchau_desktop.reports.xlsx import export_xlsx

        export_xlsx(table, out, sheet_title)

    def pdf(table: TableReport, out: Path) -> None:
        from dienchau_desktop.reports.pdf import export_pdf

        export_pdf(table, out)

    return {"xlsx": xlsx, "pdf": pdf}


def _tasks_written(key: str) -> Callable[[Any, Path], str]:
    return lambda table, out: f"Đã xuất {key} ({table.task_count} nhiệm vụ) ra «{out}»."


def _period_of(request: ExportRequest) -> int:
    """The period of a report that needs one: export_report chose it if none was asked."""
    if request.period_id is None:
        raise ValueError(f"{request.report}: no period")
    return request.period_id


def _build_progress(db: Database, request: ExportRequest) -> Any:
    from dienchau_desktop.reports.progress_report import build_progress_report

    return build_progress_report(
        db, request.plan_id, _period_of(request), number=request.number,
        addressee=request.addressee, header=request.header,
        shortcomings=request.shortcomings, proposals=request.proposals,
        report_date=request.report_date, texts=request.texts,
    )  # fmt: skip


def _progress_pdf(built: Any, out: Path) -> None:
    from dienchau_desktop.reports.progress_pdf import export_progress_pdf

    export_progress_pdf(built, out)


def _progress_xlsx(built: Any, out: Path) -> None:
    from dienchau_desktop.reports.progress_xlsx import export_progress_xlsx

    export_progress_xlsx(built, out)


def _progress_written(built: Any, out: Path) -> str:
    return f"Đã xuất báo cáo kết quả kỳ «{built.period.label}» ra «{out}»."


@dataclass(frozen=True)
class _ReturnFormJob:
    """The return form is built as it is written (reports/return_form.py): building it
    finds the unit (a wrong name is refused before any file is touched)."""

    db: Database
    plan_id: int
    unit: Any  # services.units.UnitInfo
    period_id: int


def _build_return_form(db: Database, request: ExportRequest) -> _ReturnFormJob:
    from dienchau_desktop.reports.unit_sheet import find_unit

    return _ReturnFormJob(db, request.plan_id, find_unit(db, request.unit or ""),
                          _period_of(request))  # fmt: skip


def _return_form_xlsx(job: _ReturnFormJob, out: Path) -> None:
    from dienchau_desktop.reports.return_form import export_return_form

    export_return_form(job.db, job.plan_id, job.unit, job.period_id, out)


#: Every report, in the order the command line and the dialog list them.
REPORT_KINDS: tuple[ReportKind, ...] = (
    ReportKind(
        key="appendix",
        label="Phụ lục danh mục nhiệm vụ",
        summary="phụ lục nhiệm vụ",
        build=_build_appendix,
        renderers=_table_renderers("Phụ lục"),
        written=_tasks_written("appendix"),
        file_stem="phu-luc-nhiem-vu",
        file_parts=("plan",),
        options=frozenset({"columns"}),
    ),
    ReportKind(
        key="progress",
        label="Báo cáo kết quả thực hiện theo kỳ",
        summary="báo cáo kết quả của một kỳ",
        build=_build_progress,
        renderers={"xlsx": _progress_xlsx, "pdf": _progress_pdf},
        written=_progress_written,
        file_stem="bao-cao",
        file_parts=("period",),
        needs_period=True,
        options=frozenset({"number", "addressee", "header", "parts"}),
    ),
    ReportKind(
        key="due",
        label="Nhiệm vụ quá hạn và đến hạn trong 7 ngày",
        summary="quá hạn và sắp đến hạn",
        build=_build_due_list,
        renderers=_table_renderers("Quá hạn"),
        written=_tasks_written("due"),
        file_stem="nhiem-vu-qua-han",
        file_parts=("day",),  # a list of the day it is made on
    ),
    ReportKind(
        key="unit",
        label="Nhiệm vụ của một đơn vị",
        summary="nhiệm vụ của một đơn vị",
        build=_build_unit_sheet,
        renderers=_table_renderers("Nhiệm vụ đơn vị"),
        written=_tasks_written("unit"),
        file_stem="nhiem-vu",
        file_parts=("unit",),
        needs_unit=True,
    ),
    ReportKind(
        key="return-form",
        label="Mẫu báo cáo gửi đơn vị",
        summary="mẫu báo cáo Excel gửi đơn vị",
        build=_build_return_form,
        renderers={"xlsx": _return_form_xlsx},
        written=lambda job, out: f"Đã xuất mẫu báo cáo cho «{job.unit.name}» ra «{out}».",
        file_stem="mau-bao-cao",
        file_parts=("unit", "period"),
        needs_unit=True,
        needs_period=True,
    ),
)

#: The reports by key.
REPORTS: dict[str, ReportKind] = {kind.key: kind for kind in REPORT_KINDS}


def formats() -> tuple[str, ...]:
    """Every format some report has, in FORMAT_NAMES' order."""
    return tuple(fmt for fmt in FORMAT_NAMES if any(fmt in k.renderers for k in REPORT_KINDS))


def keys_with(test: Callable[[ReportKind], bool]) -> list[str]:
    """The keys of the reports that pass `test`, in order: for help texts such as
    "đơn vị (cho unit, return-form)"."""
    return [kind.key for kind in REPORT_KINDS if test(kind)]

"""One draft per unit: its tasks (PDF) and its return form (Excel), to its address.

The two files are exported into a temporary folder and carried inside the draft (an
.eml holds its attachments), so the outbox holds drafts only. A unit with no address,
or one that is not an address, gets no draft and is named in the result, so she can
add the address in the units' list and draft again.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.mail_address import is_address
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.file_names import report_file_name
from dienchau_desktop.reports.mail_drafts import Draft, WrittenDraft, sender_name, write_draft
from dienchau_desktop.services import items, periods, plans, progress, units
from dienchau_desktop.services.items import PlanTree
from dienchau_desktop.services.overview import choose_period
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.plans import PlanHeader
from dienchau_desktop.services.units import UnitInfo

if TYPE_CHECKING:  # reportlab and openpyxl load when a draft is made, not at start-up
    from dienchau_desktop.reports.return_form import PlanRead


@dataclass(frozen=True)
class UnitDrafts:
    """What drafting for the units made, and the units left without a draft."""

    written: tuple[tuple[UnitInfo, WrittenDraft], ...]
    without_address: tuple[UnitInfo, ...]


def units_of_plan(db: Database, plan_id: int, tree: PlanTree | None = None) -> list[UnitInfo]:
    """The units that lead or coordinate a task of the plan, in the units' list order."""
    used: set[int] = set()
    for task in (tree or items.plan_tree(db, plan_id)).tasks():
        if task.lead_unit_id is not None:
            used.add(task.lead_unit_id)
        used.update(task.coordinator_ids)
    return [unit for unit in units.list_units(db) if unit.id in used]


def draft_for_units(
    db: Database, plan_id: int, period_id: int | None, folder: Path, now: datetime | None = None
) -> UnitDrafts:
    """A draft for each unit of the plan that has an address, into `folder`."""
    plan = plans.get_plan(db, plan_id)
    period = _period(db, plan_id, period_id)
    written: list[tuple[UnitInfo, WrittenDraft]] = []
    missing: list[UnitInfo] = []
    read = _read(db, plan_id, period)  # once for all the units: the tree is the slow part
    with tempfile.TemporaryDirectory(prefix="dienchau-drafts-") as work:
        for unit in units_of_plan(db, plan_id, read.tree):
            if is_address(unit.email):
                made = _unit_draft(db, plan, period, unit, read, Path(work), folder, now)
                written.append((unit, made))
            else:
                missing.append(unit)
    return UnitDrafts(tuple(written), tuple(missing))


def draft_for_unit(
    db: Database,
    plan_id: int,
    period_id: int | None,
    unit_id: int,
    folder: Path,
    now: datetime | None = None,
) -> WrittenDraft:
    """The draft `draft_for_units` makes for one unit (from the units' view); a unit
    without an address is refused, saying where to add it."""
    unit = units.get_unit(db, unit_id)
    if not is_address(unit.email):
        raise ValidationError(
            "email",
            f"{unit.name} chưa có địa chỉ thư điện tử.",
            "Hãy thêm địa chỉ trong Kế hoạch → Đơn vị rồi soạn lại.",
        )
    plan = plans.get_plan(db, plan_id)
    period = _period(db, plan_id, period_id)
    with tempfile.TemporaryDirectory(prefix="dienchau-drafts-") as work:
        return _unit_draft(db, plan, period, unit, _read(db, plan_id, period), Path(work),
                           folder, now)  # fmt: skip


def _read(db: Database, plan_id: int, period: PeriodInfo) -> PlanRead:
    from dienchau_desktop.reports.return_form import PlanRead

    return PlanRead(
        items.plan_tree(db, plan_id), progress.latest_entries(db, plan_id, period.cutoff)
    )


def _unit_draft(
    db: Database, plan: PlanHeader, period: PeriodInfo, unit: UnitInfo, read: PlanRead,
    work: Path, folder: Path, now: datetime | None,
) -> WrittenDraft:  # fmt: skip
    """The unit's draft in `folder`, its files exported into `work` first."""
    sender = sender_name(plan)
    draft = Draft(
        to=(unit.email.strip(),),
        subject=f"{sender} gửi {unit.name}: nhiệm vụ và mẫu báo cáo {period.label}",
        body=_unit_body(sender, unit, period),
        attachments=_unit_files(db, plan, period, unit, work / str(unit.id), read),
    )
    return write_draft(db, draft, folder, now)


def _period(db: Database, plan_id: int, period_id: int | None) -> PeriodInfo:
    known = periods.list_periods(db, plan_id)
    if not known:
        raise NotFoundError("Kế hoạch chưa có kỳ báo cáo nào.", "Hãy tạo kỳ báo cáo trước.")
    if period_id is None:
        chosen = choose_period(known, datetime.now().date())
        return chosen or known[-1]
    for period in known:
        if period.id == period_id:
            return period
    raise NotFoundError(f"Không có kỳ báo cáo số {period_id} trong kế hoạch này.")


def _unit_files(
    db: Database, plan: PlanHeader, period: PeriodInfo, unit: UnitInfo, folder: Path,
    read: PlanRead,
) -> tuple[Path, ...]:  # fmt: skip
    """The unit's task sheet (PDF) and return form (Excel), exported into `folder`, as
    `export` makes them, from the plan read once for all the units."""
    from dienchau_desktop.reports.pdf import export_pdf
    from dienchau_desktop.reports.return_form import export_return_form
    from dienchau_desktop.reports.unit_sheet import build_unit_sheet

    folder.mkdir(parents=True)
    sheet = folder / report_file_name(
        "unit", "pdf", plan_number=plan.number, plan_year=plan.year, unit=unit.name
    )
    export_pdf(build_unit_sheet(db, plan.id, unit, read.tree), sheet)
    form = folder / report_file_name(
        "return-form", "xlsx", plan_number=plan.number, plan_year=plan.year, period=period,
        unit=unit.name,
    )  # fmt: skip
    export_return_form(db, plan.id, unit, period.id, form, read)
    return sheet, form


def _unit_body(sender: str, unit: UnitInfo, period: PeriodInfo) -> str:
    # A deadline already past is not asked for again: "as soon as possible" instead.
    if period.due is None:
        due = ""
    elif period.due >= date.today():
        due = f" trước ngày {period.due:%d/%m/%Y}"
    else:
        due = " trong thời gian sớm nhất"
    return "\n".join([
        f"Kính gửi: {unit.name},",
        "",
        f"{sender or 'Ủy ban nhân dân'} gửi kèm theo thư này:",
        f"- Danh mục nhiệm vụ {unit.name} chủ trì và phối hợp thực hiện (tệp PDF);",
        f"- Mẫu báo cáo kết quả thực hiện {period.label} (tệp Excel).",
        "",
        f"Đề nghị {unit.name} điền kết quả vào mẫu báo cáo (không đổi tên tệp, không thêm "
        f"hoặc xóa dòng) và gửi lại{due}.",
        "",
        "Trân trọng./.",
        "",
        sender,
    ]).rstrip() + "\n"  # fmt: skip

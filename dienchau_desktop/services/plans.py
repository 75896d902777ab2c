"""Plans (Kế hoạch): their header and closing fields, listing, creating, editing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dienchau_desktop.core import numbering
from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.mail_address import addresses
from dienchau_desktop.core.text import MAX_LONG_TEXT, clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import Plan, PlanItem
from dienchau_desktop.services import audit

FIELD_LABELS = {
    "number": "Số văn bản",
    "symbol": "Ký hiệu",
    "doc_type": "Loại văn bản",
    "title": "Trích yếu",
    "parent_body": "Cơ quan chủ quản",
    "issuing_body": "Cơ quan ban hành",
    "place": "Địa danh",
    "issue_date": "Ngày ban hành",
    "issue_date_text": "Ngày ban hành (như ghi trên văn bản)",
    "year": "Năm",
    "signer_name": "Người ký",
    "signer_authority": "Thẩm quyền ký",
    "signer_title": "Chức vụ người ký",
    "legal_bases": "Căn cứ",
    "recipients": "Nơi nhận",
    "report_email": "Thư điện tử nhận báo cáo",
    "closing_text": "Đoạn kết",
    "numbering_scheme": "Kiểu đánh số",
    "status": "Trạng thái",
}
_LONG_TEXT = {"title", "closing_text"}
_LISTS = {"legal_bases", "recipients"}
STATUSES = ("draft", "active", "closed")


@dataclass(frozen=True, slots=True)
class PlanHeader:
    """A plan's own fields: what its header and closing print."""

    id: int
    number: str
    symbol: str
    doc_type: str
    title: str
    parent_body: str
    issuing_body: str
    place: str
    issue_date: date | None
    issue_date_text: str
    year: int | None
    signer_name: str
    signer_authority: str
    signer_title: str
    legal_bases: tuple[str, ...]
    recipients: tuple[str, ...]
    closing_text: str
    report_email: str
    numbering_scheme: tuple[str, ...] | None
    status: str

    @property
    def reference(self) -> str:
        """ "Số: 15/KH-UBND", or with the number left blank "Số:    /KH-UBND"."""
        return f"{self.number or '   '}/{self.symbol}"


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One line of the plan chooser."""

    id: int
    reference: str
    title: str
    year: int | None
    section_count: int
    task_count: int


def _header(plan: Plan) -> PlanHeader:
    return PlanHeader(
        id=plan.id,
        number=plan.number,
        symbol=plan.symbol,
        doc_type=plan.doc_type,
        title=plan.title,
        parent_body=plan.parent_body,
        issuing_body=plan.issuing_body,
        place=plan.place,
        issue_date=plan.issue_date,
        issue_date_text=plan.issue_date_text,
        year=plan.year,
        signer_name=plan.signer_name,
        signer_authority=plan.signer_authority,
        signer_title=plan.signer_title,
        legal_bases=tuple(plan.legal_bases or ()),
        recipients=tuple(plan.recipients or ()),
        closing_text=plan.closing_text,
        report_email=plan.report_email,
        numbering_scheme=tuple(plan.numbering_scheme) if plan.numbering_scheme else None,
        status=plan.status,
    )


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"unknown plan fields: {sorted(unknown)}")
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        label = FIELD_LABELS[name]
        if name == "title":
            cleaned[name] = clean_text(
                value, name, max_length=MAX_LONG_TEXT, required=True, label=label
            )
        elif name in _LONG_TEXT:
            cleaned[name] = clean_text(value, name, max_length=MAX_LONG_TEXT, label=label)
        elif name in _LISTS:
            lines = [clean_text(v, name, max_length=MAX_LONG_TEXT, label=label) for v in value]
            cleaned[name] = [line for line in lines if line]
        elif name == "issue_date":
            if value is not None and not isinstance(value, date):
                raise ValidationError(name, f"«{label}» phải là một ngày (dd/mm/yyyy).")
            cleaned[name] = value
        elif name == "year":
            cleaned[name] = _clean_year(value, label)
        elif name == "numbering_scheme":
            scheme = numbering.parse_scheme(value)
            cleaned[name] = [s.value for s in scheme] if scheme else None
        elif name == "report_email":
            typed = clean_text(value, name, max_length=500, label=label)
            cleaned[name] = ", ".join(addresses(typed, name)) if typed else ""
        elif name == "status":
            if value not in STATUSES:
                raise ValidationError(name, f"Trạng thái «{value}» không hợp lệ.")
            cleaned[name] = value
        else:
            cleaned[name] = clean_text(value, name, label=label)
    return cleaned


def _clean_year(value: Any, label: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError("year", f"«{label}» phải là một số năm, như 2026.") from None
    if not 1990 <= year <= 2100:
        raise ValidationError("year", f"Năm {year} nằm ngoài khoảng 1990–2100.")
    return year


def _snapshot(plan: Plan) -> dict[str, Any]:
    return {name: getattr(plan, name) for name in FIELD_LABELS}


def _plan_row(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch số {plan_id}.", "Có thể kế hoạch đã bị xóa.")
    return plan


def list_plans(db: Database) -> list[PlanSummary]:
    """Every plan with its counts, newest first."""
    with db.read() as session:
        counts = dict(
            (plan_id, (sections, tasks))
            for plan_id, sections, tasks in session.execute(
                select(
                    PlanItem.plan_id,
                    func.sum(case((PlanItem.kind == "section", 1), else_=0)),
                    func.sum(case((PlanItem.kind == "task", 1), else_=0)),
                ).group_by(PlanItem.plan_id)
            )
        )
        plans = session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.id.desc())).all()
        return [
            PlanSummary(p.id, _header(p).reference, p.title, p.year, *counts.get(p.id, (0, 0)))
            for p in plans
        ]


def get_plan(db: Database, plan_id: int) -> PlanHeader:
    with db.read() as session:
        return _header(_plan_row(session, plan_id))


def create_plan(db: Database, title: str, **fields: Any) -> PlanHeader:
    """A new, empty plan."""
    values = _clean({"title": title, **fields})
    with db.write() as session:
        stamp = audit.now()
        plan = Plan(created_at=stamp, updated_at=stamp, **values)
        session.add(plan)
        session.flush()
        audit.record(session, "create", "plan", plan.id, new=_snapshot(plan))
        return _header(plan)


def update_plan(db: Database, plan_id: int, **changes: Any) -> PlanHeader:
    """Change header or closing fields of a plan."""
    values = _clean(changes)
    with db.write() as session:
        plan = _plan_row(session, plan_id)
        old = _snapshot(plan)
        for name, value in values.items():
            setattr(plan, name, value)
        if audit.record_changes(session, "plan", plan_id, old, _snapshot(plan)):
            plan.updated_at = audit.now()
        session.flush()
        return _header(plan)


def default_plan_id(db: Database, plans: Sequence[PlanSummary] | None = None) -> int | None:
    """The plan to show when none is named: the only one, else the newest."""
    plans = list_plans(db) if plans is None else plans
    return plans[0].id if plans else None

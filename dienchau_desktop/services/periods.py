"""Reporting periods of a plan (kỳ báo cáo): the usual ones in one call, or custom ones;
one made by mistake deleted while nothing was recorded in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dienchau_desktop.core.errors import NotFoundError, ValidationError
from dienchau_desktop.core.periods import (
    PeriodKind,
    PeriodSpec,
    annual_period,
    half_year_period,
    quarter_periods,
    year_carried_out,
)
from dienchau_desktop.core.text import clean_text
from dienchau_desktop.db.database import Database
from dienchau_desktop.db.models import (
    Attachment,
    Plan,
    PlanItem,
    ProgressEntry,
    ReportingPeriod,
    ReportText,
)
from dienchau_desktop.services import audit


@dataclass(frozen=True, slots=True)
class PeriodInfo:
    """A reporting period as the UI and reports see it."""

    id: int
    plan_id: int
    kind: PeriodKind
    label: str
    start: date
    cutoff: date
    due: date | None
    is_closed: bool

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.cutoff


def _info(period: ReportingPeriod) -> PeriodInfo:
    return PeriodInfo(
        period.id,
        period.plan_id,
        PeriodKind(period.kind),
        period.label,
        period.start_date,
        period.cutoff_date,
        period.due_date,
        period.is_closed,
    )


def _snapshot(period: ReportingPeriod) -> dict[str, Any]:
    return {
        "kind": period.kind,
        "label": period.label,
        "start_date": period.start_date,
        "cutoff_date": period.cutoff_date,
        "due_date": period.due_date,
        "is_closed": period.is_closed,
    }


def validate_spec(spec: PeriodSpec) -> PeriodSpec:
    label = clean_text(spec.label, "label", required=True, label="Tên kỳ báo cáo")
    if not isinstance(spec.kind, PeriodKind):
        raise ValidationError("kind", f"Loại kỳ báo cáo «{spec.kind}» không hợp lệ.")
    if spec.cutoff < spec.start:
        raise ValidationError(
            "cutoff",
            f"Ngày chốt số liệu {spec.cutoff:%d/%m/%Y} trước ngày bắt đầu {spec.start:%d/%m/%Y}.",
        )
    if spec.due is not None and spec.due < spec.cutoff:
        raise ValidationError(
            "due",
            f"Hạn gửi báo cáo {spec.due:%d/%m/%Y} trước ngày chốt số liệu {spec.cutoff:%d/%m/%Y}.",
        )
    return PeriodSpec(spec.kind, label, spec.start, spec.cutoff, spec.due)


def list_periods(db: Database, plan_id: int) -> list[PeriodInfo]:
    """A plan's periods by cut-off date, then start date."""
    with db.read() as session:
        rows = session.scalars(
            select(ReportingPeriod)
            .where(ReportingPeriod.plan_id == plan_id)
            .order_by(ReportingPeriod.cutoff_date, ReportingPeriod.start_date, ReportingPeriod.id)
        )
        return [_info(p) for p in rows]


def add_period_row(session: Session, plan_id: int, spec: PeriodSpec) -> ReportingPeriod:
    """Add a period inside an open transaction."""
    if session.get(Plan, plan_id) is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch số {plan_id}.")
    spec = validate_spec(spec)
    period = ReportingPeriod(
        plan_id=plan_id,
        kind=spec.kind.value,
        label=spec.label,
        start_date=spec.start,
        cutoff_date=spec.cutoff,
        due_date=spec.due,
        is_closed=False,
    )
    session.add(period)
    session.flush()
    audit.record(session, "create", "reporting_period", period.id, new=_snapshot(period))
    return period


def create_period(db: Database, plan_id: int, spec: PeriodSpec) -> PeriodInfo:
    with db.write() as session:
        return _info(add_period_row(session, plan_id, spec))


def create_standard_periods(
    db: Database, plan_id: int, year: int, *, quarterly: bool = False
) -> list[PeriodInfo]:
    """The 6-month and annual periods of `year` (and its quarters), skipping any there."""
    with db.write() as session:
        existing = {
            (p.kind, p.start_date, p.cutoff_date)
            for p in session.scalars(
                select(ReportingPeriod).where(ReportingPeriod.plan_id == plan_id)
            )
        }
        created = []
        specs = [half_year_period(year), annual_period(year)]
        if quarterly:
            specs += quarter_periods(year)
        for spec in specs:
            if (spec.kind.value, spec.start, spec.cutoff) not in existing:
                created.append(_info(add_period_row(session, plan_id, spec)))
        return created


def update_period(db: Database, period_id: int, spec: PeriodSpec) -> PeriodInfo:
    """Change a period's kind, label or dates (not a closed one)."""
    spec = validate_spec(spec)
    with db.write() as session:
        period = _period_row(session, period_id)
        if period.is_closed:
            raise ValidationError(
                "period", f"Kỳ báo cáo «{period.label}» đã khóa.", "Hãy mở khóa trước khi sửa."
            )
        old = _snapshot(period)
        period.kind = spec.kind.value
        period.label = spec.label
        period.start_date = spec.start
        period.cutoff_date = spec.cutoff
        period.due_date = spec.due
        audit.record_changes(session, "reporting_period", period_id, old, _snapshot(period))
        return _info(period)


def _period_row(session: Session, period_id: int) -> ReportingPeriod:
    period = session.get(ReportingPeriod, period_id)
    if period is None:
        raise NotFoundError(f"Không tìm thấy kỳ báo cáo số {period_id}.")
    return period


def set_period_closed(db: Database, period_id: int, closed: bool) -> PeriodInfo:
    """Close a period (its entries become read-only) or reopen it."""
    with db.write() as session:
        period = _period_row(session, period_id)
        old = _snapshot(period)
        period.is_closed = closed
        audit.record_changes(session, "reporting_period", period_id, old, _snapshot(period))
        return _info(period)


def usual_year(db: Database, plan_id: int, today: date | None = None) -> int:
    """The year whose usual periods a plan needs: the year it is carried out
    (core.periods.year_carried_out), from its header and its tasks' deadlines."""
    with db.read() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFoundError(f"Không tìm thấy kế hoạch số {plan_id}.")
        due_dates = session.scalars(
            select(PlanItem.due_date).where(
                PlanItem.plan_id == plan_id,
                PlanItem.kind == "task",
                PlanItem.due_date.is_not(None),
                PlanItem.deadline_kind.is_distinct_from("recurring"),
            )
        ).all()
        return year_carried_out(
            year_field=plan.year,
            issued=plan.issue_date,
            issue_text=plan.issue_date_text,
            title=plan.title,
            due_dates=[d for d in due_dates if d is not None],  # None filtered above
            today=today or date.today(),
        )


@dataclass(frozen=True, slots=True)
class DeletedPeriod:
    """What `delete_period` removed, to put back as it was (same id) on undo."""

    info: PeriodInfo
    attachment_ids: tuple[int, ...]  # evidence filed under the period, unlinked with it
    #: Its report's free texts (services.report_texts), deleted with it.
    texts: dict[str, str] = field(default_factory=dict)


def delete_period(db: Database, period_id: int) -> DeletedPeriod:
    """Delete a period made by mistake. One holding progress entries is refused: the
    entries are the record of what units reported, and would go with it."""
    with db.write() as session:
        period = _period_row(session, period_id)
        entries = session.scalar(
            select(func.count())
            .select_from(ProgressEntry)
            .where(ProgressEntry.period_id == period_id)
        )
        if entries:
            raise ValidationError(
                "period",
                f"Kỳ báo cáo «{period.label}» đã có {entries} mục tiến độ nên không xóa được.",
                "Chỉ xóa được kỳ chưa ghi tiến độ nào; kỳ đã dùng thì có thể khóa lại.",
            )
        attachments = tuple(
            session.scalars(select(Attachment.id).where(Attachment.period_id == period_id))
        )
        texts = dict(
            session.execute(
                select(ReportText.key, ReportText.value).where(ReportText.period_id == period_id)
            )
            .tuples()
            .all()
        )
        removed = DeletedPeriod(_info(period), attachments, texts)
        audit.record(session, "delete", "reporting_period", period_id, old=_snapshot(period))
        session.delete(period)
        return removed


def restore_period(db: Database, removed: DeletedPeriod) -> PeriodInfo:
    """Put back a period `delete_period` removed (undo), with its id while that is free.

    SQLite gives a deleted row's id to the next new row, so a period added since may
    hold it: the restored one then gets a new id (nothing refers to it but its
    evidence, relinked here). One made again since (same kind and dates) is not
    doubled: that is refused.
    """
    info = removed.info
    with db.write() as session:
        if session.get(Plan, info.plan_id) is None:
            raise NotFoundError(f"Không tìm thấy kế hoạch số {info.plan_id}.")
        again = session.scalar(
            select(ReportingPeriod.label).where(
                ReportingPeriod.plan_id == info.plan_id,
                ReportingPeriod.kind == info.kind.value,
                ReportingPeriod.start_date == info.start,
                ReportingPeriod.cutoff_date == info.cutoff,
            )
        )
        if again is not None:
            raise ValidationError(
                "period",
                f"Không khôi phục được kỳ «{info.label}»: kế hoạch đã có lại kỳ «{again}» "
                "cùng loại, cùng ngày.",
            )
        free = session.get(ReportingPeriod, info.id) is None
        period = ReportingPeriod(
            id=info.id if free else None, plan_id=info.plan_id, kind=info.kind.value,
            label=info.label, start_date=info.start, cutoff_date=info.cutoff,
            due_date=info.due, is_closed=info.is_closed,
        )  # fmt: skip
        session.add(period)
        session.flush()
        if removed.attachment_ids:
            session.execute(
                update(Attachment)
                .where(Attachment.id.in_(removed.attachment_ids))
                .values(period_id=period.id)
            )
        for key, value in removed.texts.items():
            session.add(ReportText(period_id=period.id, key=key, value=value,
                                   updated_at=audit.now()))  # fmt: skip
        audit.record(session, "create", "reporting_period", period.id, "restored",
                     None, _snapshot(period))  # fmt: skip
        return _info(period)

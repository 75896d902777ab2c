"""ORM models of the data file (SQLAlchemy 2, typed).

Only services touch these; the UI receives plain dataclasses. Numbering of items is
computed from the tree (core.numbering), never stored. Text is stored NFC (services
normalise it before it gets here).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so later migrations (batch mode on SQLite) can name them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ITEM_KINDS = ("section", "task", "text")
PROGRESS_SOURCES = ("manual", "import")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Plan(Base):
    """A plan document (Kế hoạch) with its header and closing fields."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(50), default="")  # "15" in "15/KH-UBND"
    symbol: Mapped[str] = mapped_column(String(100), default="KH-UBND")
    doc_type: Mapped[str] = mapped_column(String(100), default="KẾ HOẠCH")
    title: Mapped[str] = mapped_column(Text)  # trích yếu
    parent_body: Mapped[str] = mapped_column(String(300), default="")  # cơ quan chủ quản
    issuing_body: Mapped[str] = mapped_column(String(300), default="")  # cơ quan ban hành
    place: Mapped[str] = mapped_column(String(100), default="")
    issue_date: Mapped[date | None] = mapped_column(Date)
    # As printed: "ngày    tháng 01 năm 2026" keeps a blank day the way the original does.
    issue_date_text: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int | None] = mapped_column(Integer)
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_authority: Mapped[str] = mapped_column(String(200), default="")  # "TM. ỦY BAN…"
    signer_title: Mapped[str] = mapped_column(String(200), default="")  # "CHỦ TỊCH"
    legal_bases: Mapped[list[str]] = mapped_column(JSON, default=list)  # căn cứ
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)  # nơi nhận
    # Where its reports are emailed (addresses separated by commas): a draft's "To".
    report_email: Mapped[str] = mapped_column(String(500), default="", server_default="")
    closing_text: Mapped[str] = mapped_column(Text, default="")
    # None: the usual Roman / Arabic / letter / - / + scheme (core.numbering).
    numbering_scheme: Mapped[list[str] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    items: Mapped[list[PlanItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )
    periods: Mapped[list[ReportingPeriod]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (CheckConstraint("status IN ('draft', 'active', 'closed')", name="status"),)


class Unit(Base):
    """A unit (cơ quan, đơn vị) that leads or coordinates tasks; shared by all plans."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # Folded name (core.folding) keeps "Phòng Văn hoá" and "Phòng Văn hóa" one unit.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(500), default="")


class PlanItem(Base):
    """One node of a plan's tree: a section heading, a task, or a paragraph of text.

    Task fields are empty on sections and text; a section may carry them too, as the
    "task group" of the breakthrough task does (lead unit, responsible person, funding).
    """

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("plan_item.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 0-based among siblings
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text, default="")

    lead_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT")
    )  # chủ trì
    responsible_person: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str] = mapped_column(String(300), default="")  # as written
    deadline_kind: Mapped[str | None] = mapped_column(String(20))
    deadline_start: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    expected_product: Mapped[str] = mapped_column(Text, default="")  # sản phẩm
    indicator_target: Mapped[float | None] = mapped_column(Float)
    indicator_unit: Mapped[str] = mapped_column(String(100), default="")
    indicator_text: Mapped[str] = mapped_column(Text, default="")
    is_breakthrough: Mapped[bool] = mapped_column(Boolean, default=False)  # đột phá
    # Share of this task in its group's percent; equal (1) unless the user says otherwise.
    weight: Mapped[float] = mapped_column(Float, default=1.0, server_default="1")
    # Kinh phí: the planned amount in million đồng (None: not stated) and its source.
    funding_amount: Mapped[float | None] = mapped_column(Float)
    funding_source: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    plan: Mapped[Plan] = relationship(back_populates="items")
    lead_unit: Mapped[Unit | None] = relationship()
    coordinators: Mapped[list[TaskCoordinator]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="TaskCoordinator.position",
    )

    __table_args__ = (
        CheckConstraint("kind IN ('section', 'task', 'text')", name="kind"),
        CheckConstraint("weight >= 0", name="weight"),
        Index("ix_plan_item_plan_parent_position", "plan_id", "parent_id", "position"),
        Index("ix_plan_item_lead_unit", "lead_unit_id"),
        # The items under one being deleted (parent_id's ON DELETE CASCADE).
        Index("ix_plan_item_parent", "parent_id"),
    )


class TaskCoordinator(Base):
    """A coordinating unit (phối hợp) of a task, in the order the plan lists them."""

    __tablename__ = "task_coordinator"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("plan_item.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    unit: Mapped[Unit] = relationship()

    __table_args__ = (Index("ix_task_coordinator_unit", "unit_id"),)


class ReportingPeriod(Base):
    """A reporting period (kỳ báo cáo) of a plan: its range, cut-off and due date."""

    __tablename__ = "reporting_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    cutoff_date: Mapped[date] = mapped_column(Date)  # ngày chốt số liệu
    due_date: Mapped[date | None] = mapped_column(Date)  # hạn gửi báo cáo lên trên
    is_closed: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan] = relationship(back_populates="periods")

    __table_args__ = (
        CheckConstraint("kind IN ('half_year', 'year', 'quarter', 'month', 'ad_hoc')", name="kind"),
        CheckConstraint("cutoff_date >= start_date", name="range"),
        # A plan's periods newest first (start date for the "as of a day" lookup): the
        # latest-entry query walks them per task and stops at the first with an entry.
        Index("ix_reporting_period_plan_cutoff", "plan_id", "cutoff_date", "start_date"),
    )


class ProgressEntry(Base):
    """A task's state in a period. Never overwritten: a correction is a new entry."""

    __tablename__ = "progress_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("plan_item.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    percent: Mapped[int | None] = mapped_column(Integer)
    result_text: Mapped[str] = mapped_column(Text, default="")  # kết quả
    indicator_actual: Mapped[float | None] = mapped_column(Float)
    completed_on: Mapped[date | None] = mapped_column(Date)
    reported_by: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(20), default="manual")
    source_file: Mapped[str] = mapped_column(String(1000), default="")
    # A coordinating unit's report on the task: kept and shown in the history, but the
    # task's state is decided by the lead unit's reports and what is typed here.
    contribution: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    __table_args__ = (
        CheckConstraint(
            "status IN ('not_started', 'in_progress', 'completed', 'paused', 'cancelled')",
            name="status",
        ),
        CheckConstraint("percent IS NULL OR (percent BETWEEN 0 AND 100)", name="percent"),
        CheckConstraint("source IN ('manual', 'import')", name="source"),
        Index("ix_progress_entry_period_item", "period_id", "item_id", "recorded_at"),
        # Each task's entries in period order: the latest-entry query walks this per task,
        # skipping contributions without reading the rows.
        Index(
            "ix_progress_entry_item_period", "item_id", "period_id", "contribution", "recorded_at"
        ),
    )


class ReportText(Base):
    """A free text of a period's progress report, by key ("direction": part I,
    "shortcomings": III, "next_tasks": IV, "proposals": V, "recipients": one a line).
    A key never saved has no row: the report then shows its default."""

    __tablename__ = "report_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("reporting_period.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("period_id", "key"),)


class AttachmentContent(Base):
    """The bytes of an evidence file, kept inside the data file (services/evidence.py
    says why). One row per distinct content (its SHA-256): the same scan attached to
    two entries is stored once. Its own table, so reading the attachments' names,
    sizes and dates never touches a page of their content."""

    __tablename__ = "attachment_content"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)  # last: the row's overflow pages


class Attachment(Base):
    """Evidence (minh chứng) attached to a task's progress entry: a file's name, size
    and when it was added; its bytes are an `AttachmentContent`. The task and period
    are the entry's, kept here so a task's evidence is found without the entries.

    No cascade reaches the content: deleting a task (undoable) or an entry leaves it,
    so that undo can put the attachment back; content no attachment refers to is
    purged when the data file is opened (services.evidence.purge_unreferenced)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("plan_item.id", ondelete="CASCADE"))
    period_id: Mapped[int | None] = mapped_column(
        ForeignKey("reporting_period.id", ondelete="SET NULL")
    )
    entry_id: Mapped[int] = mapped_column(ForeignKey("progress_entry.id", ondelete="CASCADE"))
    content_id: Mapped[int] = mapped_column(
        ForeignKey("attachment_content.id", ondelete="RESTRICT")
    )
    file_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_attachment_item", "item_id"),
        Index("ix_attachment_entry", "entry_id"),
        Index("ix_attachment_content", "content_id"),
    )


class AuditEntry(Base):
    """One recorded change: which row, which field, old and new value, when, by whom."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100), default="")
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON

    __table_args__ = (
        CheckConstraint("action IN ('create', 'update', 'delete', 'move')", name="action"),
        Index("ix_audit_entry_entity", "entity", "entity_id"),
    )


class FileSecret(Base):
    """A value kept in the data file for the program's own use, never shown: the file's
    id and the key that signs the return forms made from it (core.return_seal). Made
    on first need; a copy of the file (a backup) carries them along."""

    __tablename__ = "file_secret"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


__all__ = [
    "ITEM_KINDS",
    "PROGRESS_SOURCES",
    "Attachment",
    "AttachmentContent",
    "AuditEntry",
    "Base",
    "FileSecret",
    "Plan",
    "PlanItem",
    "ProgressEntry",
    "ReportText",
    "ReportingPeriod",
    "TaskCoordinator",
    "Unit",
]

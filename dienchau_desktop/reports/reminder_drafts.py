"""Reminder drafts ("Soạn thư nhắc"): one email draft per lead unit, listing its tasks
overdue and due within seven days, in a plain text body she can edit before sending.

A unit with no address, or one that is not an address, gets no draft and is named in
the result; the tasks without a lead unit have nobody to write to and are counted.
The drafts go where every draft goes (reports.mail_drafts: the outbox, the audit log).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dienchau_desktop.core.deadline import format_date
from dienchau_desktop.core.mail_address import is_address
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import document_info
from dienchau_desktop.reports.mail_drafts import Draft, WrittenDraft, sender_name, write_draft
from dienchau_desktop.services import plans, units
from dienchau_desktop.services.reminders import BAND_WORDS, Band, Reminder, Reminders, UnitReminders
from dienchau_desktop.services.units import UnitInfo


@dataclass(frozen=True)
class ReminderDrafts:
    """The drafts written, the units left without one, and how many tasks listed have
    no lead unit (nobody to remind)."""

    written: tuple[tuple[UnitInfo, WrittenDraft], ...]
    without_address: tuple[UnitInfo, ...]
    unassigned: int


def reminder_drafts(
    db: Database, found: Reminders, folder: Path, now: datetime | None = None
) -> ReminderDrafts:
    """A draft for each unit of `found` that has an address, into `folder`."""
    plan = plans.get_plan(db, found.plan_id)
    info = document_info(db, found.plan_id)
    sender = sender_name(plan)
    plan_words = f"{info.doc_type.capitalize()} số {info.reference}"
    known = {unit.id: unit for unit in units.list_units(db)}
    written: list[tuple[UnitInfo, WrittenDraft]] = []
    missing: list[UnitInfo] = []
    unassigned = 0
    for group in found.units:
        unit = known.get(group.unit_id) if group.unit_id is not None else None
        if unit is None:
            unassigned += len(group.tasks)
            continue
        if not is_address(unit.email):
            missing.append(unit)
            continue
        draft = Draft(
            to=(unit.email.strip(),),
            subject=reminder_subject(sender, unit.name, group, found),
            body=reminder_body(sender, unit.name, plan_words, group, found),
        )
        written.append((unit, write_draft(db, draft, folder, now)))
    return ReminderDrafts(tuple(written), tuple(missing), unassigned)


def reminder_subject(sender: str, unit: str, group: UnitReminders, found: Reminders) -> str:
    """ "UBND xã Diễn Châu nhắc Công an xã: 3 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn
    (ngày 10/06/2026)"."""
    parts = []
    if group.overdue:
        parts.append(f"{len(group.overdue)} nhiệm vụ quá hạn")
    if group.due:
        parts.append(f"{len(group.due)} nhiệm vụ sắp đến hạn")
    who = f"{sender} nhắc {unit}" if sender else f"Nhắc {unit}"
    return f"{who}: {', '.join(parts)} (ngày {format_date(found.day)})"


def reminder_body(
    sender: str, unit: str, plan_words: str, group: UnitReminders, found: Reminders
) -> str:
    """The tasks of `group`, overdue first, then by how near they fall due."""
    lines = [
        f"Kính gửi: {unit},",
        "",
        f"{sender or 'Ủy ban nhân dân'} nhắc các nhiệm vụ {unit} chủ trì theo {plan_words} "
        f"đã quá hạn hoặc sắp đến hạn (tính đến ngày {format_date(found.day)}):",
    ]
    number = 0
    for band in Band:
        tasks = [t for t in group.tasks if t.band is band]
        if not tasks:
            continue
        lines += ["", f"{BAND_WORDS[band]} ({len(tasks)}):"]
        for task in tasks:
            number += 1
            lines.append(f"{number}. {_task_line(task)}")
    lines += [
        "",
        f"Đề nghị {unit} khẩn trương thực hiện, báo cáo kết quả (kèm minh chứng nếu có) "
        "về Ủy ban nhân dân; nhiệm vụ nào đã hoàn thành, xin báo ngày hoàn thành để cập nhật.",
        "",
        "Trân trọng./.",
        "",
        sender,
    ]
    return "\n".join(lines).rstrip() + "\n"


def _task_line(task: Reminder) -> str:
    number = f"{task.number} " if task.number else ""
    if task.days_left < 0:
        when = f"quá hạn {task.days_overdue} ngày"
    elif task.days_left == 0:
        when = "đến hạn hôm nay"
    else:
        when = f"còn {task.days_left} ngày"
    deadline, due = task.deadline_text, task.due_date
    if f"{due.day}/{due.month}/{due.year}" not in deadline and format_date(due) not in deadline:
        deadline = f"{deadline} (hạn {format_date(due)})"  # "Quý II/2026 (hạn 30/06/2026)"
    state = task.state if task.percent is None else f"{task.state} {task.percent}%"
    return f"{number}{task.title}\n   Thời hạn: {deadline}; {when}. Tình hình: {state}."

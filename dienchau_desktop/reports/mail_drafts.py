"""Email drafts made offline, to be sent when the line is up.

A draft is an .eml file (RFC 5322, MIME attachments) with the header `X-Unsent: 1`:
Outlook opens such a file as a new message ready to send, not as a received one;
Thunderbird and other programs open it too. Nothing here needs the network: the
secretary drafts when she exports and sends when the line is up.

Drafts go to the outbox folder beside the data file ("Thư đi"). Each draft made is
written to the audit trail (entity "mail_draft"): to whom, what subject, which files, when.
Vietnamese in headers and file names is encoded by the standard library's `email`
package (RFC 2047 for the subject, RFC 2231 for attachment names).
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from dienchau_desktop.core.errors import BadInputFileError, ValidationError, os_reason
from dienchau_desktop.core.mail_address import addresses
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.document import reference
from dienchau_desktop.reports.file_names import draft_slug
from dienchau_desktop.reports.files import write_atomically
from dienchau_desktop.reports.progress_report import period_words
from dienchau_desktop.services import audit, plans
from dienchau_desktop.services.periods import PeriodInfo
from dienchau_desktop.services.plans import PlanHeader

#: The outbox, beside the data file.
OUTBOX_NAME = "Thư đi"
#: Most mail services refuse a message over 25 MB (Gmail, Outlook.com, the
#: government's mail): a draft above it is still made, and said to be too large.
MAIL_SIZE_LIMIT = 25 * 1024 * 1024
#: One attachment larger than this is refused: no mail service carries it.
ATTACHMENT_LIMIT = 50 * 1024 * 1024
#: The audit trail's entity for drafts: each draft made is a "create" of one.
AUDIT_ENTITY = "mail_draft"


class _DraftPolicy(policy.EmailPolicy):
    """policy.SMTP, but a Vietnamese subject is folded by `email.header.Header`, which
    keeps the spaces inside the encoded words. The policy's own folder puts a space
    between two encoded words, where RFC 2047 says to drop it: «6 tháng» came out
    «6tháng» in every mail program."""

    def _encoded(self, name: str, value: str) -> str | None:
        text = str(value)
        if name.lower() != "subject" or text.isascii():
            return None
        folded = Header(text, "utf-8", header_name=name).encode(linesep=self.linesep)
        return f"{name}: {folded}{self.linesep}"

    def fold(self, name: str, value: str) -> str:
        return self._encoded(name, value) or super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        encoded = self._encoded(name, value)
        return encoded.encode("ascii") if encoded else super().fold_binary(name, value)


_POLICY = _DraftPolicy(linesep="\r\n")


@dataclass(frozen=True)
class Draft:
    """A message to be written as a draft."""

    to: tuple[str, ...]
    subject: str
    body: str
    attachments: tuple[Path, ...] = ()


@dataclass(frozen=True)
class WrittenDraft:
    """A draft as written: where, to whom, and whether it is over what mail carries."""

    path: Path
    to: tuple[str, ...]
    subject: str
    attachments: tuple[str, ...]
    size: int

    @property
    def too_large(self) -> bool:
        return self.size > MAIL_SIZE_LIMIT


def outbox_of(data_file: Path) -> Path:
    """The outbox folder of a data file: "Thư đi" beside it."""
    return data_file.resolve().parent / OUTBOX_NAME


def compose(draft: Draft, now: datetime | None = None) -> EmailMessage:
    """The message of `draft`, with its attachments read whole (each checked first)."""
    if not draft.subject.strip():
        raise ValidationError("subject", "Thư chưa có tiêu đề.")
    message = EmailMessage(policy=_POLICY)
    message["To"] = ", ".join(draft.to)
    message["Subject"] = " ".join(draft.subject.split())
    message["Date"] = format_datetime((now or datetime.now()).astimezone())
    message["Message-ID"] = make_msgid(domain="dienchau-desktop.local")
    message["X-Unsent"] = "1"  # Outlook: open as a new message, ready to send
    message.set_content(draft.body)
    for path in draft.attachments:
        data = _attachment_bytes(path)
        kind, _encoding = mimetypes.guess_type(path.name)
        maintype, subtype = (kind or "application/octet-stream").split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return message


def _attachment_bytes(path: Path) -> bytes:
    """An attachment's bytes, read once; a missing, unreadable or oversized file is
    refused with what is wrong and where."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BadInputFileError(
                f"«{path}» không phải là một tệp.", "Hãy chọn một tệp để đính kèm."
            )
        if size > ATTACHMENT_LIMIT:
            raise BadInputFileError(
                f"Tệp «{path.name}» nặng {size / 1024 / 1024:.0f} MB, quá "
                f"{ATTACHMENT_LIMIT // 1024 // 1024} MB mà thư điện tử mang được.",
                "Hãy gửi tệp này bằng cách khác (ổ USB, dịch vụ chia sẻ tệp).",
            )
        return path.read_bytes()
    except OSError as exc:
        raise BadInputFileError(
            f"Không đọc được tệp đính kèm «{path}» ({os_reason(exc)}).",
            "Hãy kiểm tra tệp còn ở đó và không bị chương trình khác khóa.",
        ) from exc


def write_draft(
    db: Database, draft: Draft, folder: Path, now: datetime | None = None
) -> WrittenDraft:
    """Write `draft` into `folder` as "<time> <subject>.eml", whole or not at all, and
    log it in the audit trail."""
    now = now or datetime.now()
    message = compose(draft, now)
    data = message.as_bytes()
    out = _free_name(folder, f"{now:%Y-%m-%d %H%M%S} {draft_slug(draft.subject) or 'thu'}.eml")
    write_atomically(out, lambda temporary: Path(temporary).write_bytes(data))
    names = tuple(p.name for p in draft.attachments)
    with db.write() as session:
        logged = {"file": out.name, "to": list(draft.to), "subject": draft.subject,
                  "attachments": list(names)}  # fmt: skip
        audit.record(session, "create", AUDIT_ENTITY, 0, new=logged)
    return WrittenDraft(out, draft.to, draft.subject, names, len(data))


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, numbered if a draft of that name is already there."""
    out = folder / name
    stem, number = out.stem, 2
    while out.exists():
        out = folder / f"{stem} ({number}).eml"
        number += 1
    return out


@dataclass(frozen=True)
class DraftLogEntry:
    """One draft made, as the log shows it."""

    at: datetime
    user: str
    file: str
    to: tuple[str, ...]
    subject: str
    attachments: tuple[str, ...]


def draft_log(db: Database) -> list[DraftLogEntry]:
    """Every draft made with this data file, oldest first."""
    return [
        DraftLogEntry(
            row.at,
            row.user,
            row.new_value.get("file", ""),
            tuple(row.new_value.get("to", ())),
            row.new_value.get("subject", ""),
            tuple(row.new_value.get("attachments", ())),
        )
        for row in audit.history(db, AUDIT_ENTITY)
        if row.action == "create" and isinstance(row.new_value, dict)
    ]


def report_subject(sender: str, what: Sequence[str]) -> str:
    """ "UBND xã Diễn Châu gửi Báo cáo số 15/BC-UBND ngày …": who sends what."""
    listed = "; ".join(w for w in what if w)
    return f"{sender} gửi {listed}".strip() if sender else listed


def report_body(sender: str, what: Iterable[str]) -> str:
    """The short standard body she can edit before saving."""
    lines = [
        "Kính gửi: Quý cơ quan,",
        "",
        f"{sender or 'Chúng tôi'} trân trọng gửi kèm theo thư này:",
        *[f"- {w};" for w in what if w],
        "",
        "Đề nghị Quý cơ quan xem xét. Trân trọng cảm ơn./.",
        "",
        sender,
    ]
    return "\n".join(lines).rstrip() + "\n"


def sender_name(plan: PlanHeader) -> str:
    """The issuing body as a sender is named in a subject: "ỦY BAN NHÂN DÂN XÃ DIỄN
    CHÂU" → "UBND xã Diễn Châu"."""
    body = " ".join(plan.issuing_body.split())
    if not body:
        return ""
    upper = body.upper()
    for long, short in (("ỦY BAN NHÂN DÂN", "UBND"), ("UỶ BAN NHÂN DÂN", "UBND")):
        if upper.startswith(long):
            rest = body[len(long) :].split()
            return " ".join([short, *[_place_word(w, i) for i, w in enumerate(rest)]])
    return body if body != upper else body.capitalize()


_LEVELS = {"xã", "phường", "thị", "trấn", "huyện", "quận", "tỉnh", "thành", "phố"}


def _place_word(word: str, position: int) -> str:
    lower = word.lower()
    return lower if lower in _LEVELS and position < 2 else word.capitalize()


def report_draft(
    db: Database, plan_id: int, files: Sequence[Path], to: str = "", subject: str = ""
) -> Draft:
    """A draft sending exported `files` upward: to `to`, or to the plan's report address;
    the subject and body name the sender and the files, unless `subject` is given."""
    plan = plans.get_plan(db, plan_id)
    typed = to.strip() or plan.report_email
    if not typed:
        raise ValidationError(
            "to",
            "Chưa biết gửi thư đến địa chỉ nào.",
            "Hãy ghi địa chỉ người nhận, hoặc đặt «Thư điện tử nhận báo cáo» trong thông tin "
            "kế hoạch.",
        )
    sender = sender_name(plan)
    what = files_described(db, plan_id, files)
    return Draft(
        to=addresses(typed),
        subject=subject.strip() or report_subject(sender, what),
        body=report_body(sender, what),
        attachments=tuple(files),
    )


def files_described(db: Database, plan_id: int, files: Sequence[Path]) -> list[str]:
    """What `files` are, as a mail's subject and body name them: a report this program
    exported under the name it proposes is named as the report ("Báo cáo kết quả thực
    hiện Kế hoạch số 12/KH-UBND (6 tháng đầu năm 2026)", "Danh mục nhiệm vụ của Công an
    xã"); the same report in two formats once; any other file by its name."""
    known = _export_names(db, plan_id)
    described: list[str] = []
    for path in files:
        name = path.name.lower()
        words = known.get(name) or _due_list_words(name) or path.stem
        if words not in described:
            described.append(words)
    return described


def _export_names(db: Database, plan_id: int) -> dict[str, str]:
    """The names `report_file_name` proposes for the plan's reports, each with the words
    that name the report: for every period and every unit of the plan."""
    from dienchau_desktop.reports.file_names import report_file_name
    from dienchau_desktop.services import periods, units

    plan = plans.get_plan(db, plan_id)
    where = {"plan_number": plan.number, "plan_year": plan.year}
    names: dict[str, str] = {}

    def add(report: str, words: str, **covers: object) -> None:
        for fmt in ("pdf", "xlsx"):
            names[report_file_name(report, fmt, **where, **covers).lower()] = words  # type: ignore[arg-type]

    add("appendix", f"Phụ lục danh mục nhiệm vụ {plan_words(plan)}")
    plan_periods = periods.list_periods(db, plan_id)
    for period in plan_periods:
        add("progress", progress_report_words(plan, period), period=period)
    for unit in units.list_units(db):
        add("unit", f"Danh mục nhiệm vụ của {unit.name}", unit=unit.name)
        for period in plan_periods:
            add("return-form", f"Mẫu báo cáo {period.label} của {unit.name}",
                unit=unit.name, period=period)  # fmt: skip
    return names


def plan_words(plan: PlanHeader) -> str:
    """The plan as a mail names it: "Kế hoạch số 15/KH-UBND", or by its year while it
    has no number ("Kế hoạch năm 2026")."""
    if plan.number.strip():
        return f"Kế hoạch số {reference(plan.number, plan.symbol)}"
    return f"Kế hoạch năm {plan.year}" if plan.year else "Kế hoạch"


def progress_report_words(
    plan: PlanHeader, period: PeriodInfo, number: str = "", day: date | None = None
) -> str:
    """The progress report as a mail's subject names it, with its period and, once it
    has one, its number and date: "Báo cáo số 45/BC-UBND ngày 20/06/2026 về kết quả thực
    hiện Kế hoạch số 15/KH-UBND (6 tháng đầu năm 2026)". A period that only repeats the
    year of a plan named by its year is said as what the report is: "Báo cáo kết quả
    thực hiện Kế hoạch năm 2026 (tổng kết năm)", not "… năm 2026 (Năm 2026)"."""
    named = plan_words(plan)
    label = " ".join(period.label.split())
    year = f" {plan.year}"
    if plan.year and named.endswith(year) and label.lower() == f"năm{year}":
        label = period_words(period).removesuffix(year)
    what = f"kết quả thực hiện {named} ({label})" if label else f"kết quả thực hiện {named}"
    if number.strip():
        dated = f" ngày {day:%d/%m/%Y}" if day is not None else ""
        return f"Báo cáo số {reference(number, 'BC-UBND')}{dated} về {what}"
    return f"Báo cáo {what}"


def _due_list_words(name: str) -> str:
    """The due list's name carries the day it was made on ("nhiem-vu-qua-han-05-06-2026")."""
    from dienchau_desktop.reports.registry import REPORTS

    found = re.fullmatch(rf"{REPORTS['due'].file_stem}-(\d\d)-(\d\d)-(\d{{4}})\.(pdf|xlsx)", name)
    if found is None:
        return ""
    day = f"{found[1]}/{found[2]}/{found[3]}"
    return f"Danh sách nhiệm vụ quá hạn và đến hạn trong 7 ngày (ngày {day})"

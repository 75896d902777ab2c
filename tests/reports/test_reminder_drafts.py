"""Reminder drafts: one per lead unit with an address, its tasks in the body."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.mail_drafts import draft_log
from dienchau_desktop.reports.reminder_drafts import reminder_drafts
from dienchau_desktop.services.reminders import reminders
from tests.services.reminder_plan import DAY, HEALTH, POLICE, SCHOOL, plan_with_reminders


def parsed(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def test_one_draft_per_unit_with_an_address(db: Database, tmp_path: Path) -> None:
    plan_id, _ids = plan_with_reminders(db)
    outbox = tmp_path / "Thư đi"
    outbox.mkdir()
    made = reminder_drafts(db, reminders(db, plan_id, DAY), outbox, datetime(2026, 6, 10, 8))
    assert [u.name for u, _w in made.written] == [POLICE, SCHOOL]
    assert [u.name for u in made.without_address] == [HEALTH]  # no address: named
    assert made.unassigned == 1  # "Họp giao ban" has no lead unit
    assert len(list(outbox.glob("*.eml"))) == 2

    police = parsed(made.written[0][1].path)
    assert police["To"] == "congan@dienchau.gov.vn" and police["X-Unsent"] == "1"
    assert police["Subject"] == (
        "UBND xã Diễn Châu nhắc Công an xã: 3 nhiệm vụ quá hạn (ngày 10/06/2026)"
    )
    assert not police.is_multipart()  # plain text, nothing attached
    body = police.get_content().replace("\r\n", "\n")
    assert body.startswith("Kính gửi: Công an xã,\n")
    assert "Kế hoạch số 12/" in body and "tính đến ngày 10/06/2026" in body
    assert "Quá hạn, chưa hoàn thành (3):" in body
    assert (
        "1. I.1. Rà soát hồ sơ dân cư\n   Thời hạn: Tháng 5/2026 (hạn 31/05/2026); "
        "quá hạn 10 ngày. Tình hình: Chưa báo cáo." in body
    )
    assert (
        "3. I.2. Báo cáo Đề án 06\n   Thời hạn: 9/6/2026; quá hạn 1 ngày. "
        "Tình hình: Đang thực hiện 60%." in body
    )
    for not_listed in ("Số hóa sổ hộ tịch", "Tuần tra an ninh", "Tổng kết năm học"):
        assert not_listed not in body

    school = parsed(made.written[1][1].path)
    assert school["Subject"].endswith("4 nhiệm vụ sắp đến hạn (ngày 10/06/2026)")
    text = school.get_content().replace("\r\n", "\n")
    assert "Đến hạn hôm nay hoặc ngày mai (2):" in text
    assert "Tổng kết năm học\n   Thời hạn: 10/6/2026; đến hạn hôm nay." in text
    assert "Tuyển sinh lớp 6\n   Thời hạn: Trước ngày 11/6/2026; còn 1 ngày." in text
    assert "Đến hạn trong 3 ngày tới (2):" in text and "Báo cáo thi đua" in text
    assert "Đến hạn trong 7 ngày tới" not in text  # none of the school's

    logged = draft_log(db)  # each draft in the audit trail, to whom
    assert [entry.to for entry in logged] == [("congan@dienchau.gov.vn",),
                                              ("thcs@dienchau.edu.vn",)]  # fmt: skip


def test_nothing_due_makes_no_draft(db: Database, tmp_path: Path) -> None:
    plan_id, _ids = plan_with_reminders(db)
    made = reminder_drafts(db, reminders(db, plan_id, DAY.replace(month=1)), tmp_path)
    assert made.written == () and made.without_address == () and made.unassigned == 0
    assert list(tmp_path.glob("*.eml")) == []

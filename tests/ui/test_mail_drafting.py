"""Email drafts from the window's Reports menu, as the secretary makes them."""

from __future__ import annotations

from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from dienchau_desktop.reports.mail_drafts import OUTBOX_NAME, draft_log
from dienchau_desktop.services import plans, units
from dienchau_desktop.ui.mail_drafting import MailDraftDialog, UnitDraftsDialog
from dienchau_desktop.ui.main_window import MainWindow
from tests.ui.conftest import answer_file_dialogs
from tests.ui.driving import retype, when_modal


def parsed(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def outbox_of(window: MainWindow) -> Path:
    return Path(window.db.path).parent / OUTBOX_NAME


def click_dialog_button(qtbot: QtBot, dialog, text: str) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    (button,) = [b for b in buttons.buttons() if b.text().replace("&", "") == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_message(qtbot: QtBot, seen: list[str], button_text: str) -> None:
    """The message that follows: read, then the button `button_text` clicked."""

    def answer(box: QMessageBox) -> None:
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, answer)


def test_compose_an_email_with_an_exported_report(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    opened_urls: list[Path],
) -> None:  # fmt: skip
    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn")
    report = tmp_path / "Báo cáo 6 tháng 2026.pdf"
    report.write_bytes(b"%PDF-1.4 " + b"\x00\x01" * 3000)
    answer_file_dialogs(monkeypatch, report)
    seen: list[str] = []
    refused: list[str] = []

    def check_and_save(dialog: MailDraftDialog) -> None:
        seen.append(dialog.to.text())
        seen.append(dialog.subject.text())
        retype(qtbot, dialog.to, "vanphong@nghean")  # a slip: no end to the domain
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")
        refused.append(dialog.error.text() if dialog.isVisible() else "")
        retype(qtbot, dialog.to, "vanphong@nghean.gov.vn, snv@nghean.gov.vn")
        answer_message(qtbot, seen, "Mở thư nháp")
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    when_modal(MailDraftDialog, check_and_save)
    window.act_compose.trigger()

    assert seen[0] == "vanphong@nghean.gov.vn"  # the plan's report address, prefilled
    assert seen[1].startswith("UBND xã Diễn Châu gửi Báo cáo 6 tháng 2026")
    assert "«vanphong@nghean» không phải là một địa chỉ thư" in refused[0]
    (draft,) = outbox_of(window).glob("*.eml")
    assert "1 thư nháp" in seen[2] and draft.name in seen[2]
    assert opened_urls == [outbox_of(window), draft]  # the outbox, then the draft itself
    message = parsed(draft)
    assert message["To"] == "vanphong@nghean.gov.vn, snv@nghean.gov.vn"
    assert message["X-Unsent"] == "1"
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == report.name
    assert part.get_payload(decode=True) == report.read_bytes()
    assert [e.file for e in draft_log(window.db)] == [draft.name]


def test_files_exported_earlier_are_named_as_the_reports_they_are(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reports → Compose an email with files she exported earlier under the names the
    program proposed: the subject says which reports they are, not the files' names."""
    from dienchau_desktop.reports.export import ExportRequest, export_report
    from dienchau_desktop.reports.file_names import report_file_name
    from dienchau_desktop.services import periods

    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn", number="15")
    half = periods.list_periods(window.db, 1)[0]
    files = [
        tmp_path / report_file_name("progress", fmt, period=half) for fmt in ("pdf", "xlsx")
    ] + [tmp_path / report_file_name("unit", "pdf", unit="Công an xã"), tmp_path / "ảnh.jpg"]
    for out in files[:2]:
        export_report(window.db, ExportRequest("progress", out.suffix[1:], 1, half.id), out)
    export_report(window.db, ExportRequest("unit", "pdf", 1, unit="Công an xã"), files[2])
    files[3].write_bytes(b"\xff\xd8\xff")
    answer_file_dialogs(monkeypatch, *files)
    seen: list[str] = []

    def read_and_close(dialog: MailDraftDialog) -> None:
        seen.extend([dialog.subject.text(), dialog.body.toPlainText()])
        seen.extend(p.name for p in dialog.attached())
        dialog.reject()

    when_modal(MailDraftDialog, read_and_close)
    window.act_compose.trigger()

    assert seen[0] == (
        "UBND xã Diễn Châu gửi Báo cáo kết quả thực hiện Kế hoạch số 15/KH-UBND "
        f"({half.label}); Danh mục nhiệm vụ của Công an xã; ảnh"
    )
    assert f"- Báo cáo kết quả thực hiện Kế hoạch số 15/KH-UBND ({half.label});" in seen[1]
    assert seen[2:] == [f.name for f in files]  # every file attached, the report twice


def test_send_to_the_units_lists_who_gets_a_draft_first(
    window: MainWindow, qtbot: QtBot, opened_urls: list[Path]
) -> None:
    for unit in units.list_units(window.db):
        if unit.name == "Công an xã":
            units.update_unit(window.db, unit.id, email="congan@nghean.gov.vn")
    listed: list[list[str]] = []
    seen: list[str] = []

    def make(dialog: UnitDraftsDialog) -> None:
        listed.append([dialog.units.item(r).text() for r in range(dialog.units.count())])
        answer_message(qtbot, seen, "Đóng")
        click_dialog_button(qtbot, dialog, "Soạn 1 thư")

    when_modal(UnitDraftsDialog, make)
    window.act_units_mail.trigger()

    assert "Công an xã — congan@nghean.gov.vn" in listed[0]
    assert "Đoàn Thanh niên — chưa có địa chỉ thư, không soạn" in listed[0]
    (draft,) = outbox_of(window).glob("*.eml")
    assert opened_urls == [outbox_of(window)]
    assert "Đoàn Thanh niên" in seen[0]  # named among those without an address
    message = parsed(draft)
    assert message["To"] == "congan@nghean.gov.vn"
    names = sorted(p.get_filename() for p in message.iter_attachments())
    assert sorted(n.rsplit(".", 1)[1] for n in names) == ["pdf", "xlsx"]


def test_the_outbox_opens_from_the_menu(window: MainWindow, opened_urls: list[Path]) -> None:
    window.act_outbox.trigger()
    assert opened_urls == [outbox_of(window)] and outbox_of(window).is_dir()
    QApplication.processEvents()


def test_a_report_just_exported_is_sent_from_the_message_that_says_so(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    opened_urls: list[Path],
) -> None:  # fmt: skip
    from tests.ui.driving import choose, open_tab, press_button
    from tests.ui.test_reports_dialog import PROGRESS, in_reports_dialog

    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn")
    out = tmp_path / "bao-cao-6-thang-2026.pdf"
    answer_file_dialogs(monkeypatch, out)
    seen: list[str] = []

    def save_draft(dialog: MailDraftDialog) -> None:
        seen.append(dialog.subject.text())
        seen.append(", ".join(dialog.attached()[0].name for _ in [0]))
        answer_message(qtbot, seen, "Đóng")
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    def export(dialog) -> None:  # the reports dialog
        choose(qtbot, dialog.report, PROGRESS)
        choose(qtbot, dialog.period, "6 tháng đầu năm 2026")
        open_tab(qtbot, dialog.tabs, dialog.header_tab)
        retype(qtbot, dialog.number, "45/BC-UBND")  # with its symbol, as the field suggests
        when_modal(MailDraftDialog, save_draft)

        def export_anyway(box: QMessageBox) -> None:
            """Parts I, III and V not written: sent as it is (the button that says so)."""
            (button,) = [b for b in box.buttons()
                         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]  # fmt: skip
            answer_message(qtbot, seen, "Soạn thư gửi…")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        when_modal(QMessageBox, export_anyway)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_reports_dialog(window, export)

    # Its number and date once, then what it reports on: the plan and the period.
    assert seen[1] == (
        f"UBND xã Diễn Châu gửi Báo cáo số 45/BC-UBND ngày {date.today():%d/%m/%Y} về kết "
        "quả thực hiện Kế hoạch năm 2026 (6 tháng đầu năm 2026)"
    )
    assert seen[2] == out.name
    (draft,) = outbox_of(window).glob("*.eml")
    (part,) = list(parsed(draft).iter_attachments())
    assert part.get_filename() == out.name
    assert part.get_payload(decode=True) == out.read_bytes()


def test_a_report_without_a_number_is_sent_under_its_period(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    opened_urls: list[Path],
) -> None:  # fmt: skip
    """The annual report of a plan named by its year, exported before it has a number:
    the subject says which report it is, the year once, and the draft's file is named
    after the subject up to a whole word."""
    from tests.ui.driving import choose, press_button
    from tests.ui.test_reports_dialog import PROGRESS, in_reports_dialog

    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn")
    out = tmp_path / "bao-cao-nam-2026.pdf"
    answer_file_dialogs(monkeypatch, out)
    seen: list[str] = []

    def save_draft(dialog: MailDraftDialog) -> None:
        seen.append(dialog.subject.text())
        answer_message(qtbot, seen, "Đóng")
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    def export(dialog) -> None:  # the reports dialog
        choose(qtbot, dialog.report, PROGRESS)
        choose(qtbot, dialog.period, "Năm 2026")
        when_modal(MailDraftDialog, save_draft)

        def export_anyway(box: QMessageBox) -> None:
            (button,) = [b for b in box.buttons()
                         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]  # fmt: skip
            answer_message(qtbot, seen, "Soạn thư gửi…")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        when_modal(QMessageBox, export_anyway)
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_reports_dialog(window, export)

    subject = "UBND xã Diễn Châu gửi Báo cáo kết quả thực hiện Kế hoạch năm 2026 (tổng kết năm)"
    assert seen[1] == subject
    (draft,) = outbox_of(window).glob("*.eml")
    assert parsed(draft)["Subject"] == subject
    assert draft.name.endswith(" ubnd-xa-dien-chau-gui-bao-cao-ket-qua-thuc-hien-ke-hoach-nam.eml")

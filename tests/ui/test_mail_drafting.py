"""Email drafts from the window's Reports menu, as the secretary makes them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox
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


def export_anyway(qtbot: QtBot, seen: list[str]) -> Callable[[QMessageBox], None]:
    """The answer to "parts I, III and V not written": sent as it is (the button that
    says so), then «Soạn thư gửi…» in the message that the report is exported."""

    def answer(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons()
                     if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]  # fmt: skip
        answer_message(qtbot, seen, "Soạn thư gửi…")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return answer


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

        when_modal(QMessageBox, export_anyway(qtbot, seen))
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

        when_modal(QMessageBox, export_anyway(qtbot, seen))
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_reports_dialog(window, export)

    subject = "UBND xã Diễn Châu gửi Báo cáo kết quả thực hiện Kế hoạch năm 2026 (tổng kết năm)"
    assert seen[1] == subject
    (draft,) = outbox_of(window).glob("*.eml")
    assert parsed(draft)["Subject"] == subject
    assert draft.name.endswith(" ubnd-xa-dien-chau-gui-bao-cao-ket-qua-thuc-hien-ke-hoach-nam.eml")


def test_the_address_typed_for_a_plan_without_one_is_kept_for_the_next_draft(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The sample plan has no report address: the one she types in her first draft is
    kept as the plan's (the box says so, ticked), and the next draft starts with it."""
    from dienchau_desktop.services import audit

    assert plans.get_plan(window.db, 1).report_email == ""
    report = tmp_path / "Báo cáo năm 2026.pdf"
    report.write_bytes(b"%PDF-1.4 a report")
    answer_file_dialogs(monkeypatch, report)
    seen: list[str] = []
    boxes: list[tuple[bool, bool, str]] = []

    def read_box(dialog: MailDraftDialog) -> None:
        box = dialog.keep_address
        boxes.append((box.isVisible() and box.isEnabled(), box.isChecked(), box.text()))

    def first(dialog: MailDraftDialog) -> None:
        seen.append(dialog.to.text())
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        retype(qtbot, dialog.to, "vanphong@nghean.gov.vn")
        read_box(dialog)
        answer_message(qtbot, [], "Đóng")
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    when_modal(MailDraftDialog, first)
    window.act_compose.trigger()

    assert seen[0] == ""  # nothing to prefill yet
    # Where the plan's address is set, in the menus' own words.
    assert any("Kế hoạch → Thông tin kế hoạch, «Thư điện tử nhận báo cáo»" in t for t in seen)
    assert boxes[0][:2] == (True, True)  # shown, ticked: the plan has none
    assert plans.get_plan(window.db, 1).report_email == "vanphong@nghean.gov.vn"
    (change,) = [r for r in audit.history(window.db, "plan", 1) if r.field == "report_email"]
    assert (change.old_value, change.new_value) == ("", "vanphong@nghean.gov.vn")

    def second(dialog: MailDraftDialog) -> None:
        seen.append(dialog.to.text())
        read_box(dialog)
        dialog.reject()

    when_modal(MailDraftDialog, second)
    window.act_compose.trigger()

    assert seen[-1] == "vanphong@nghean.gov.vn"  # remembered
    assert boxes[1][0] is False  # nothing new to keep


def test_another_address_for_a_plan_with_one_is_kept_only_if_asked(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn")
    report = tmp_path / "Phụ lục.pdf"
    report.write_bytes(b"%PDF-1.4 an appendix")
    answer_file_dialogs(monkeypatch, report)
    boxes: list[tuple[bool, bool]] = []

    def once_elsewhere(dialog: MailDraftDialog) -> None:
        retype(qtbot, dialog.to, "snv@nghean.gov.vn")
        boxes.append((dialog.keep_address.isEnabled(), dialog.keep_address.isChecked()))
        answer_message(qtbot, [], "Đóng")
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    when_modal(MailDraftDialog, once_elsewhere)
    window.act_compose.trigger()

    assert boxes == [(True, False)]  # offered, not ticked: the plan has its address
    assert plans.get_plan(window.db, 1).report_email == "vanphong@nghean.gov.vn"
    (draft,) = outbox_of(window).glob("*.eml")
    assert parsed(draft)["To"] == "snv@nghean.gov.vn"


def test_files_to_send_are_chosen_where_the_last_report_was_exported(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Báo cáo → Soạn thư gửi kèm tệp… opens its file dialog in the folder she last
    exported to (not the program's working folder), as «Xuất cây đang lọc» does; the
    draft's «Thêm tệp…» then where the attached files are."""
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from tests.ui.driving import choose, press_button
    from tests.ui.test_reports_dialog import in_reports_dialog

    exported = tmp_path / "Báo cáo gửi huyện" / "phu-luc-nhiem-vu.pdf"
    exported.parent.mkdir()
    answer_file_dialogs(monkeypatch, exported)

    def export(dialog) -> None:  # the reports dialog: the appendix, as PDF
        choose(qtbot, dialog.report, "Phụ lục danh mục nhiệm vụ")
        answer_message(qtbot, [], "Đóng")
        press_button(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_reports_dialog(window, export)
    assert exported.is_file()

    opened_in: list[str] = []

    def choose_files(parent, caption="", folder="", *args, **kwargs):
        opened_in.append(folder)
        return [str(exported)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose_files)

    def add_more(dialog: MailDraftDialog) -> None:
        (add,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Thêm tệp…"]
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        dialog.reject()

    when_modal(MailDraftDialog, add_more)
    window.act_compose.trigger()

    assert [Path(f) for f in opened_in] == [exported.parent, exported.parent]


def test_an_outbox_no_program_opens_is_named_with_its_path_to_copy(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Báo cáo → Mở thư mục Thư đi on a machine where no file manager opens a folder:
    not silence, but where the folder is, and its path copied on request."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices, QGuiApplication

    asked: list[Path] = []

    def nothing_opens(url: QUrl) -> bool:
        asked.append(Path(url.toLocalFile()))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", nothing_opens)
    said: list[str] = []

    def copy_path(box: QMessageBox) -> None:
        said.append(box.text())
        (copy,) = [b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]  # fmt: skip
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, copy_path)
    window.act_outbox.trigger()

    assert asked == [outbox_of(window)]
    assert str(outbox_of(window)) in said[0]
    assert QGuiApplication.clipboard().text() == str(outbox_of(window))


def test_a_draft_saved_where_no_program_opens_the_outbox_offers_its_path(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtGui import QDesktopServices, QGuiApplication

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no file manager
    plans.update_plan(window.db, 1, report_email="vanphong@nghean.gov.vn")
    report = tmp_path / "Phụ lục.pdf"
    report.write_bytes(b"%PDF-1.4 an appendix")
    answer_file_dialogs(monkeypatch, report)
    said: list[str] = []

    def copy_path(box: QMessageBox) -> None:
        said.append(box.text())
        (copy,) = [b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]  # fmt: skip
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)

    def save(dialog: MailDraftDialog) -> None:
        when_modal(QMessageBox, copy_path)
        click_dialog_button(qtbot, dialog, "Lưu thư nháp")

    when_modal(MailDraftDialog, save)
    window.act_compose.trigger()

    (draft,) = outbox_of(window).glob("*.eml")
    assert str(outbox_of(window)) in said[0] and draft.name in said[0]
    assert QGuiApplication.clipboard().text() == str(outbox_of(window))

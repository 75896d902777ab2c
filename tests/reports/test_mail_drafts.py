"""Email drafts made offline: parsed back as a mail program would read them."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dienchau_desktop.core.errors import BadInputFileError, ValidationError
from dienchau_desktop.core.mail_address import addresses
from dienchau_desktop.db.database import Database
from dienchau_desktop.reports import mail_drafts
from dienchau_desktop.reports.mail_drafts import Draft, draft_log, write_draft
from dienchau_desktop.reports.unit_drafts import draft_for_units, sender_name
from dienchau_desktop.services import plans, units


def read_back(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def attachments_of(message: EmailMessage) -> dict[str, bytes]:
    found = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found[part.get_filename() or ""] = payload
    return found


def test_a_draft_carries_vietnamese_headers_and_the_files_byte_for_byte(
    db: Database, tmp_path: Path
) -> None:
    report = tmp_path / "Báo cáo sơ kết 6 tháng đầu năm 2026.pdf"
    report.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    table = tmp_path / "Phụ lục nhiệm vụ.xlsx"
    table.write_bytes(b"PK\x03\x04" + b"\x00\xff" * 5000)
    # Long enough to be folded over three lines, a space between "6" and "tháng" at a
    # fold: mail programs drop a space between two encoded words.
    subject = ("UBND xã Diễn Châu gửi Phòng Văn hoá - Xã hội: nhiệm vụ và mẫu báo cáo "
               "6 tháng đầu năm 2026")  # fmt: skip
    draft = Draft(addresses("vanphong@nghean.gov.vn; sonoivu@nghean.gov.vn"), subject,
                  "Kính gửi: Sở Nội vụ,\nTrân trọng gửi kèm báo cáo./.\n", (report, table))  # fmt: skip

    written = write_draft(db, draft, tmp_path / "Thư đi")

    assert written.path.parent == tmp_path / "Thư đi" and written.path.suffix == ".eml"
    message = read_back(written.path)
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == subject
    assert message["To"] == "vanphong@nghean.gov.vn, sonoivu@nghean.gov.vn"
    body = message.get_body(("plain",))
    assert body is not None and "Trân trọng gửi kèm báo cáo" in body.get_content()
    assert attachments_of(message) == {report.name: report.read_bytes(),
                                       table.name: table.read_bytes()}  # fmt: skip
    # The raw file is plain ASCII headers: Vietnamese is encoded, never sent as 8-bit.
    raw_headers = written.path.read_bytes().split(b"\r\n\r\n", 1)[0]
    assert raw_headers.isascii() and b"=?utf-8?" in raw_headers
    # Logged: to whom, what, when.
    (entry,) = draft_log(db)
    assert entry.to == ("vanphong@nghean.gov.vn", "sonoivu@nghean.gov.vn")
    assert entry.subject == subject and entry.file == written.path.name
    assert entry.attachments == (report.name, table.name)


def test_two_drafts_of_the_same_minute_do_not_overwrite_each_other(
    db: Database, tmp_path: Path
) -> None:
    draft = Draft(("a@b.vn",), "Báo cáo", "Nội dung")
    first = write_draft(db, draft, tmp_path)
    second = write_draft(db, draft, tmp_path, now=None)
    assert first.path != second.path and first.path.exists() and second.path.exists()


@pytest.mark.parametrize(
    "typed, wrong",
    [
        ("vhxh@dienchau", "vhxh@dienchau"),
        ("vhxh dienchau.gov.vn", "vhxh"),
        ("a@b.vn, <script>@x", "<script>@x"),
        ("", ""),
    ],
)
def test_an_address_that_is_not_one_is_named(typed: str, wrong: str) -> None:
    with pytest.raises(ValidationError) as info:
        addresses(typed)
    assert wrong in info.value.message


def test_a_missing_or_oversized_attachment_makes_no_draft(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outbox = tmp_path / "Thư đi"
    gone = tmp_path / "đã xóa.pdf"
    with pytest.raises(BadInputFileError) as info:
        write_draft(db, Draft(("a@b.vn",), "Báo cáo", "x", (gone,)), outbox)
    assert "đã xóa.pdf" in info.value.message
    big = tmp_path / "ảnh chụp.jpg"
    big.write_bytes(b"\xff" * 2048)
    monkeypatch.setattr(mail_drafts, "ATTACHMENT_LIMIT", 1024)
    with pytest.raises(BadInputFileError) as info:
        write_draft(db, Draft(("a@b.vn",), "Báo cáo", "x", (big,)), outbox)
    assert "ảnh chụp.jpg" in info.value.message
    folder = tmp_path / "một thư mục.pdf"
    folder.mkdir()
    with pytest.raises(BadInputFileError):
        write_draft(db, Draft(("a@b.vn",), "Báo cáo", "x", (folder,)), outbox)
    assert not outbox.exists() or not list(outbox.iterdir())
    assert draft_log(db) == []


def test_the_sender_is_named_as_officials_write_it(sample_db: Database) -> None:
    plan = plans.get_plan(sample_db, 1)
    assert plan.issuing_body == "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU"  # two lines, as printed
    assert sender_name(plan) == "UBND xã Diễn Châu"


def test_one_draft_per_unit_with_its_sheet_and_return_form(
    sample_db: Database, tmp_path: Path
) -> None:
    police = next(u for u in units.list_units(sample_db) if u.name == "Công an xã")
    culture = next(u for u in units.list_units(sample_db) if u.name.startswith("Phòng Văn"))
    units.update_unit(sample_db, police.id, email="congan.dienchau@nghean.gov.vn")
    units.update_unit(sample_db, culture.id, email="vhxh@dienchau.gov.vn")

    result = draft_for_units(sample_db, 1, None, tmp_path / "Thư đi")

    assert [u.name for u, _ in result.written] == ["Công an xã", culture.name]
    assert "Đoàn Thanh niên" in [u.name for u in result.without_address]
    assert len(list((tmp_path / "Thư đi").glob("*.eml"))) == 2
    police_draft = read_back(result.written[0][1].path)
    assert police_draft["To"] == "congan.dienchau@nghean.gov.vn"
    assert police_draft["Subject"].startswith("UBND xã Diễn Châu gửi Công an xã")
    files = attachments_of(police_draft)
    pdf_name = next(n for n in files if n.endswith(".pdf"))
    xlsx_name = next(n for n in files if n.endswith(".xlsx"))
    assert files[pdf_name].startswith(b"%PDF")
    sheet_pdf = tmp_path / pdf_name
    sheet_pdf.write_bytes(files[pdf_name])
    form = tmp_path / xlsx_name
    form.write_bytes(files[xlsx_name])
    cells = [c for row in load_workbook(form).active.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and "Công an xã" in c for c in cells)
    # Nothing but drafts left in the outbox: the exports travelled inside them.
    assert {p.suffix for p in (tmp_path / "Thư đi").iterdir()} == {".eml"}


def test_one_unit_drafted_alone_as_among_all_and_one_without_address_refused(
    sample_db: Database, tmp_path: Path
) -> None:
    """The units' view drafts for one unit: the same draft, only its own."""
    from dienchau_desktop.reports.unit_drafts import draft_for_unit

    police = next(u for u in units.list_units(sample_db) if u.name == "Công an xã")
    youth = next(u for u in units.list_units(sample_db) if u.name.startswith("Đoàn Thanh"))
    units.update_unit(sample_db, police.id, email="congan.dienchau@nghean.gov.vn")
    outbox = tmp_path / "Thư đi"

    written = draft_for_unit(sample_db, 1, None, police.id, outbox)

    assert list(outbox.glob("*.eml")) == [written.path]
    draft = read_back(written.path)
    assert draft["To"] == "congan.dienchau@nghean.gov.vn"
    assert draft["Subject"].startswith("UBND xã Diễn Châu gửi Công an xã: nhiệm vụ và mẫu")
    assert draft["X-Unsent"] == "1"
    names = sorted(attachments_of(draft))
    assert sorted(n.rsplit(".", 1)[1] for n in names) == ["pdf", "xlsx"]
    assert all("cong-an-xa" in n for n in names)
    with pytest.raises(ValidationError) as refused:
        draft_for_unit(sample_db, 1, None, youth.id, outbox)
    assert refused.value.message == f"{youth.name} chưa có địa chỉ thư điện tử."
    assert list(outbox.glob("*.eml")) == [written.path]  # nothing more written


def test_a_units_draft_asks_for_the_return_by_a_date_still_ahead(
    sample_db: Database, tmp_path: Path
) -> None:
    from datetime import date, timedelta

    from dienchau_desktop.core.periods import PeriodKind, PeriodSpec
    from dienchau_desktop.reports.unit_drafts import draft_for_unit
    from dienchau_desktop.services import periods

    police = next(u for u in units.list_units(sample_db) if u.name == "Công an xã")
    units.update_unit(sample_db, police.id, email="congan@nghean.gov.vn")
    period = periods.list_periods(sample_db, 1)[0]

    def body_with_due(due: date) -> str:
        spec = PeriodSpec(PeriodKind(period.kind), period.label, period.start, period.cutoff, due)
        periods.update_period(sample_db, period.id, spec)
        written = draft_for_unit(sample_db, 1, period.id, police.id, tmp_path / "out")
        body = read_back(written.path).get_body(("plain",))
        assert body is not None
        return body.get_content()

    ahead = date.today() + timedelta(days=10)
    assert f"gửi lại trước ngày {ahead:%d/%m/%Y}." in body_with_due(ahead)
    past = body_with_due(date.today() - timedelta(days=30))
    assert "trước ngày" not in past and "gửi lại trong thời gian sớm nhất." in past


def test_a_units_attachments_are_the_files_export_writes_for_it(
    sample_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drafts build every unit's files from one read of the plan; what they carry is
    still what `export unit` and `export return-form` write for that unit: the same
    pages, and the workbook byte for byte but for its save time (the form's time made
    held still)."""
    import zipfile
    from datetime import datetime

    from dienchau_desktop.reports import return_form
    from dienchau_desktop.reports.export import ExportRequest, export_report
    from dienchau_desktop.services import periods

    class _Moment(datetime):
        @classmethod
        def now(cls, tz: object = None) -> _Moment:  # type: ignore[override]
            return cls(2026, 6, 10, 8, 30, 0)

    monkeypatch.setattr(return_form, "datetime", _Moment)
    for unit in units.list_units(sample_db)[:3]:
        units.update_unit(sample_db, unit.id, email=f"u{unit.id}@dienchau.gov.vn")
    period = periods.list_periods(sample_db, 1)[0]

    made = draft_for_units(sample_db, 1, period.id, tmp_path / "Thư đi")

    assert len(made.written) == 3
    for unit, written in made.written:
        files = attachments_of(read_back(written.path))
        (sheet,) = [name for name in files if name.endswith(".pdf")]
        (form,) = [name for name in files if name.endswith(".xlsx")]
        exported = tmp_path / "xuat" / str(unit.id)
        export_report(sample_db, ExportRequest("unit", "pdf", 1, unit=unit.name),
                      exported / sheet)  # fmt: skip
        export_report(sample_db, ExportRequest("return-form", "xlsx", 1, period.id, unit.name),
                      exported / form)  # fmt: skip
        ours_pages = _pages(files[sheet], tmp_path / "trang" / f"{unit.id}-thu")
        assert ours_pages and ours_pages == _pages((exported / sheet).read_bytes(),
                                                   tmp_path / "trang" / f"{unit.id}-xuat")  # fmt: skip
        carried = tmp_path / "mang-theo.xlsx"
        carried.write_bytes(files[form])
        with zipfile.ZipFile(carried) as ours, zipfile.ZipFile(exported / form) as theirs:
            assert ours.namelist() == theirs.namelist()
            for member in ours.namelist():
                if member != "docProps/core.xml":  # the workbook's own save time
                    assert ours.read(member) == theirs.read(member), member


def _pages(pdf: bytes, folder: Path) -> list[bytes]:
    """The PDF's pages as they print (rendered by poppler, 50 dpi, grey): what two
    writings of the same report must share, whatever names reportlab gave their
    objects inside."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "in.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(folder / "in.pdf"), str(folder / "p")],
                   check=True)  # fmt: skip
    return [page.read_bytes() for page in sorted(folder.glob("p-*.pgm"))]


def test_a_drafts_file_is_named_after_its_subject_up_to_a_whole_word(
    db: Database, tmp_path: Path
) -> None:
    subject = "UBND xã Diễn Châu gửi Báo cáo kết quả thực hiện Kế hoạch năm 2026 (tổng kết năm)"
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-1.4")
    draft = Draft(("vanphong@nghean.gov.vn",), subject, "Kính gửi", (report,))

    written = write_draft(db, draft, tmp_path / "Thư đi")

    stem = written.path.stem.split(" ", 2)[2]  # after the day and the time
    assert stem == "ubnd-xa-dien-chau-gui-bao-cao-ket-qua-thuc-hien-ke-hoach-nam"
    assert read_back(written.path)["Subject"] == subject  # the whole subject inside


def test_a_progress_report_is_named_with_its_period_and_number(sample_db: Database) -> None:
    """As a mail's subject names it: the period always, the year of a plan named by its
    year once, the number and date once the report has them."""
    from datetime import date

    from dienchau_desktop.services import periods

    plan = plans.get_plan(sample_db, 1)
    listed = {p.label: p for p in periods.list_periods(sample_db, 1)}
    half, year = listed["6 tháng đầu năm 2026"], listed["Năm 2026"]
    words = mail_drafts.progress_report_words

    assert words(plan, half) == (
        "Báo cáo kết quả thực hiện Kế hoạch năm 2026 (6 tháng đầu năm 2026)"
    )
    assert words(plan, year) == "Báo cáo kết quả thực hiện Kế hoạch năm 2026 (tổng kết năm)"
    assert words(plan, year, "45", date(2026, 12, 20)) == (
        "Báo cáo số 45/BC-UBND ngày 20/12/2026 về kết quả thực hiện Kế hoạch năm 2026 "
        "(tổng kết năm)"
    )
    numbered = plans.update_plan(sample_db, 1, number="15")
    assert words(numbered, year, "45/BC-UBND") == (
        "Báo cáo số 45/BC-UBND về kết quả thực hiện Kế hoạch số 15/KH-UBND (Năm 2026)"
    )

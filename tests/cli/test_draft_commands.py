"""`draft report` and `draft units`: the same drafts as the window, from a script."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from dienchau_desktop.db.database import Database
from dienchau_desktop.services import plans, units
from tests.cli.test_cli import run_cli


def parsed(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def with_addresses(
    data_file: Path, plan_email: str = "", unit_emails: dict[str, str] | None = None
) -> None:
    """Set the plan's report address and some units' addresses (by unit name)."""
    db = Database.open(data_file, create=False)
    try:
        if plan_email:
            plans.update_plan(db, 1, report_email=plan_email)
        for unit in units.list_units(db):
            if unit.name in (unit_emails or {}):
                units.update_unit(db, unit.id, email=(unit_emails or {})[unit.name])
    finally:
        db.close()


def test_draft_report_attaches_the_files_to_the_plan_address(
    tmp_path: Path, data_file: Path
) -> None:
    report = tmp_path / "bao-cao-6-thang-2026.pdf"
    out = run_cli("export", "progress", "--format", "pdf", "--out", str(report),
                  "--db", str(data_file), data_dir=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    with_addresses(data_file, plan_email="vanphong@nghean.gov.vn")
    outbox = tmp_path / "Thư đi"

    result = run_cli(
        "draft",
        "report",
        str(report),
        "--out",
        str(outbox),
        "--db",
        str(data_file),
        data_dir=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    (eml,) = outbox.glob("*.eml")
    assert str(eml) in result.stdout and "vanphong@nghean.gov.vn" in result.stdout
    message = parsed(eml)
    assert message["To"] == "vanphong@nghean.gov.vn" and message["X-Unsent"] == "1"
    # The report named as it is, not as its file is named: the sample plan has no number.
    assert message["Subject"] == (
        "UBND xã Diễn Châu gửi Báo cáo kết quả thực hiện Kế hoạch năm 2026 (6 tháng đầu năm 2026)"
    )
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == report.name
    assert part.get_payload(decode=True) == report.read_bytes()


def test_draft_report_with_its_own_address_and_subject(tmp_path: Path, data_file: Path) -> None:
    report = tmp_path / "Phụ lục.xlsx"
    report.write_bytes(b"PK\x03\x04 not really a workbook, sent as it is")
    result = run_cli("draft", "report", str(report), "--to", "sokhdt@nghean.gov.vn",
                     "--subject", "Gửi phụ lục kèm Báo cáo số 45/BC-UBND",
                     "--out", str(tmp_path / "out"), "--db", str(data_file), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    (eml,) = (tmp_path / "out").glob("*.eml")
    message = parsed(eml)
    assert message["Subject"] == "Gửi phụ lục kèm Báo cáo số 45/BC-UBND"
    assert message["To"] == "sokhdt@nghean.gov.vn"


def test_draft_report_refuses_what_it_cannot_send(tmp_path: Path, data_file: Path) -> None:
    report = tmp_path / "a.pdf"
    report.write_bytes(b"%PDF-1.4")
    # No address anywhere: said, nothing written.
    result = run_cli("draft", "report", str(report), "--out", str(tmp_path / "o"),
                     "--db", str(data_file), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 3 and "Chưa biết gửi thư đến địa chỉ nào" in result.stderr
    # A wrong address: named.
    result = run_cli("draft", "report", str(report), "--to", "vanphong.nghean.gov.vn",
                     "--out", str(tmp_path / "o"), "--db", str(data_file), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 3 and "«vanphong.nghean.gov.vn»" in result.stderr
    # A file that is not there: named, exit 3.
    result = run_cli("draft", "report", str(tmp_path / "khong-co.pdf"), "--to", "a@b.vn",
                     "--out", str(tmp_path / "o"), "--db", str(data_file), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 3 and "khong-co.pdf" in result.stderr
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").glob("*.eml"))
    # Wrong usage: no file.
    assert (
        run_cli(
            "draft", "report", "--out", "x", "--db", str(data_file), data_dir=tmp_path
        ).returncode
        == 2
    )


def test_draft_units_one_each_and_names_those_without_an_address(
    tmp_path: Path, data_file: Path
) -> None:
    with_addresses(data_file, unit_emails={"Công an xã": "congan@nghean.gov.vn",
                                           "Đoàn Thanh niên": "doanthanhnien@dienchau.gov.vn"})  # fmt: skip
    outbox = tmp_path / "Thư đi"

    result = run_cli(
        "draft", "units", "--out", str(outbox), "--db", str(data_file), data_dir=tmp_path
    )

    assert result.returncode == 0, result.stderr
    drafts = sorted(outbox.glob("*.eml"))
    assert len(drafts) == 2
    to = sorted(parsed(d)["To"] for d in drafts)
    assert to == ["congan@nghean.gov.vn", "doanthanhnien@dienchau.gov.vn"]
    for draft in drafts:
        names = sorted(p.get_filename() for p in parsed(draft).iter_attachments())
        assert sorted(n.rsplit(".", 1)[1] for n in names) == ["pdf", "xlsx"]
    assert "Chưa có địa chỉ thư" in result.stderr and "Phòng Văn hoá - Xã hội" in result.stderr
    assert "Công an xã" not in result.stderr

"""`reminders`: the window's list of tasks to chase, and its «Soạn thư nhắc», from a
script (the same service and the same drafts)."""

from __future__ import annotations

import json
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from dienchau_desktop.db.database import Database
from dienchau_desktop.reports.reminder_drafts import reminder_drafts
from dienchau_desktop.services.overview import NO_LEAD_UNIT
from dienchau_desktop.services.reminders import reminders
from tests.cli.test_cli import run_cli
from tests.services.reminder_plan import DAY, HEALTH, POLICE, SCHOOL, plan_with_reminders


@pytest.fixture
def reminder_file(tmp_path: Path) -> Path:
    """A data file whose plan has tasks overdue and due around DAY (10/06/2026)."""
    path = tmp_path / "du-lieu.sqlite3"
    db = Database.open(path)
    try:
        plan_with_reminders(db)
    finally:
        db.close()
    return path


def parsed(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def test_the_tasks_to_chase_by_lead_unit(tmp_path: Path, reminder_file: Path) -> None:
    result = run_cli("reminders", "--today", "10/06/2026", "--db", str(reminder_file),
                     data_dir=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "Ngày 10/06/2026: 10 nhiệm vụ (3 quá hạn, 2 đến hạn hôm nay hoặc ngày mai, "
        "3 trong 3 ngày tới, 2 trong 7 ngày tới)"
    )
    # The units as the window lists them: the most overdue first, no lead unit last.
    units = [line[:-1] for line in lines if line.endswith(":") and not line.startswith(" ")]
    assert units == [POLICE, SCHOOL, HEALTH, NO_LEAD_UNIT]
    police = result.stdout.split(f"{POLICE}:\n")[1].split(f"{SCHOOL}:\n")[0]
    assert "  Quá hạn, chưa hoàn thành (3):" in police
    assert "I.1. Rà soát hồ sơ dân cư — hạn 31/05/2026 (Tháng 5/2026); quá hạn 10 ngày; " \
        "Chưa báo cáo" in police  # fmt: skip
    assert "Báo cáo Đề án 06 — hạn 09/06/2026 (9/6/2026); quá hạn 1 ngày; " \
        "Đang thực hiện 60%" in police  # fmt: skip
    assert "Số hóa sổ hộ tịch" not in result.stdout  # completed on 8/6
    assert "Tuần tra an ninh" not in result.stdout  # recurring
    assert "Tổng kết năm học — hạn 10/06/2026 (10/6/2026); đến hạn hôm nay" in result.stdout


def test_json_is_the_windows_list(tmp_path: Path, reminder_file: Path) -> None:
    result = run_cli("reminders", "--today", "10/06/2026", "--json", "--db", str(reminder_file),
                     data_dir=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["ok"] and document["day"] == "2026-06-10" and document["total"] == 10
    assert document["counts"] == {"overdue": 3, "within_1_day": 2, "within_3_days": 3,
                                  "within_7_days": 2}  # fmt: skip
    db = Database.open(reminder_file, create=False)
    try:
        found = reminders(db, document["plan"]["id"], DAY)
    finally:
        db.close()
    assert [(g["unit"], [t["id"] for t in g["tasks"]]) for g in document["by_lead_unit"]] == [
        (group.unit_name, [t.id for t in group.tasks]) for group in found.units
    ]
    police = document["by_lead_unit"][0]["tasks"][-1]  # the longest overdue first
    assert police["title"] == "Báo cáo Đề án 06"
    assert (police["band"], police["days_left"], police["due_date"]) == (
        "overdue",
        -1,
        "2026-06-09",
    )
    assert (police["state"], police["percent"]) == ("Đang thực hiện", 60)


def test_drafts_as_the_window_writes_them(tmp_path: Path, reminder_file: Path) -> None:
    outbox = tmp_path / "Thư đi"
    result = run_cli("reminders", "--today", "10/06/2026", "--draft", "--out", str(outbox),
                     "--db", str(reminder_file), data_dir=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    drafts = sorted(outbox.glob("*.eml"))
    assert len(drafts) == 2
    for draft in drafts:
        assert f"«{draft}»" in result.stdout
    # The unit without an address is named; the task without a lead unit counted.
    assert f"không soạn thư nhắc cho: {HEALTH}." in result.stderr
    assert "1 nhiệm vụ chưa có cơ quan chủ trì" in result.stderr
    # The same drafts the window's «Soạn thư nhắc» makes on that day.
    db = Database.open(reminder_file, create=False)
    try:
        window_made = reminder_drafts(db, reminders(db, 1, DAY), tmp_path / "cửa sổ")
    finally:
        db.close()
    for (_unit, theirs), ours in zip(window_made.written, drafts, strict=True):
        mine, window = parsed(ours), parsed(theirs.path)
        assert (mine["To"], mine["Subject"], mine["X-Unsent"]) == (
            window["To"],
            window["Subject"],
            window["X-Unsent"],
        )
        assert mine.get_content() == window.get_content()
    assert parsed(drafts[0])["To"] == "congan@dienchau.gov.vn"


def test_json_names_the_drafts_and_the_units_without_address(
    tmp_path: Path, reminder_file: Path
) -> None:
    outbox = tmp_path / "out"
    result = run_cli("reminders", "--today", "10/06/2026", "--json", "--draft", "--out",
                     str(outbox), "--db", str(reminder_file), data_dir=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [d["unit"] for d in document["drafts"]] == [POLICE, SCHOOL]
    assert all(Path(d["file"]).parent == outbox for d in document["drafts"])
    assert document["without_address"] == [HEALTH]
    assert document["without_lead_unit"] == 1


def test_a_day_with_nothing_due(tmp_path: Path, reminder_file: Path) -> None:
    result = run_cli("reminders", "--today", "01/01/2026", "--db", str(reminder_file),
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0
    assert "Ngày 01/01/2026: không có nhiệm vụ nào quá hạn hoặc đến hạn trong 7 ngày tới." in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--draft"], "--draft cần --out DIR"),
        (["--out", "thu-muc"], "--draft cần --out DIR"),
        (["--today", "31/02/2026"], "không có thật"),
        (["--today", "hôm nay"], "dd/mm/yyyy"),
    ],
)
def test_wrong_usage_exits_2(
    tmp_path: Path, reminder_file: Path, args: list[str], said: str
) -> None:
    result = run_cli("reminders", *args, "--db", str(reminder_file), data_dir=tmp_path)
    assert result.returncode == 2
    assert said in result.stderr
    assert not (tmp_path / "thu-muc").exists()


def test_an_unknown_plan_or_a_missing_file_is_refused(tmp_path: Path, reminder_file: Path) -> None:
    result = run_cli("reminders", "--plan", "99", "--json", "--db", str(reminder_file),
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode != 0
    assert json.loads(result.stdout)["ok"] is False
    missing = run_cli("reminders", "--db", str(tmp_path / "khong-co.sqlite3"), data_dir=tmp_path)
    assert missing.returncode == 4
    assert "Lỗi:" in missing.stderr

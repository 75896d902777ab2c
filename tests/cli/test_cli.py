"""The command line: --version, check on the default file and on bad files, bad usage."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dienchau_desktop import cli, paths, version


def run_program(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The real program in a fresh process, as a script or a scheduled task would call it:
    for what only a process shows (its entry point, its output encoding, Qt, locks held
    by another program)."""
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "dienchau_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The command line run in this process: the same `main`, arguments, output and exit
    code as the program, without a Python start-up (a second) for each call."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get(paths.DATA_DIR_ENV)
    os.environ[paths.DATA_DIR_ENV] = str(data_dir)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exit_:  # argparse's usage errors, --version, --help
                code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    finally:
        if saved is None:
            del os.environ[paths.DATA_DIR_ENV]
        else:
            os.environ[paths.DATA_DIR_ENV] = saved
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_version(tmp_path: Path) -> None:
    result = run_program("--version", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"dienchau-desktop {version()}"
    assert version() != "0+unknown"


def test_check_on_first_run_creates_the_default_file_with_the_sample_plan(tmp_path: Path) -> None:
    result = run_cli("check", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["data_file"] == str(tmp_path / "ke-hoach.sqlite3")
    assert report["integrity"] == "ok"
    assert report["schema_current"] is True
    [plan] = report["plans"]
    assert plan["title"].startswith("Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh")
    assert (plan["sections"], plan["tasks"], plan["texts"], plan["periods"]) == (21, 36, 16, 2)
    assert report["units"] == 7
    # The second run opens the same file and finds the same plan, not a second copy.
    again = json.loads(run_cli("check", "--json", data_dir=tmp_path).stdout)
    assert again["plans"] == report["plans"]


def test_check_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "Toàn vẹn: ok" in out
    assert "21 mục, 36 nhiệm vụ, 16 đoạn văn, 2 kỳ báo cáo" in out


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "NotADatabaseError"),
        (b"this is a Word document, not a database" * 50, "NotADatabaseError"),
    ],
)
def test_check_on_a_bad_file_exits_4_with_a_clear_message(
    tmp_path: Path, content: bytes, error: str
) -> None:
    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(content)
    result = run_cli("check", "--db", str(bad), "--json", data_dir=tmp_path / "data")
    assert result.returncode == 4
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["error"] == error
    assert str(bad) in report["message"]
    assert "Lỗi:" in result.stderr
    assert bad.read_bytes() == content


def test_check_on_a_missing_file_exits_4(tmp_path: Path) -> None:
    result = run_cli("check", "--db", str(tmp_path / "khong-co.sqlite3"), data_dir=tmp_path)
    assert result.returncode == 4
    assert "Không tìm thấy tệp dữ liệu" in result.stderr
    assert not (tmp_path / "khong-co.sqlite3").exists()


@pytest.mark.parametrize("args", [["frobnicate"], ["check", "--bogus"], ["--db"]])
def test_wrong_usage_exits_2_with_usage(tmp_path: Path, args: list[str]) -> None:
    result = run_cli(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert "usage: dienchau-desktop" in result.stderr


def test_summary_counts_per_bucket_and_lead_unit(tmp_path: Path) -> None:
    from datetime import date

    from dienchau_desktop.db.database import Database
    from dienchau_desktop.services import items, periods, progress

    assert run_cli("check", data_dir=tmp_path).returncode == 0  # first run: the sample plan
    db = Database.open(tmp_path / "ke-hoach.sqlite3")
    half = periods.list_periods(db, 1)[0]
    police_tasks = [t for t in items.plan_tree(db, 1).tasks() if t.lead_unit_name == "Công an xã"]
    progress.record_progress(
        db, police_tasks[0].id, half.id, status="completed", completed_on=date(2026, 5, 4)
    )
    db.close()

    result = run_cli("summary", "--period", str(half.id), "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["period"]["label"] == "6 tháng đầu năm 2026"
    assert report["cutoff"] == "2026-06-14"
    assert report["total"] == 36
    assert report["buckets"]["completed"]["count"] == 1  # recurring work, done
    assert report["buckets"]["in_progress"]["count"] == 35
    assert report["buckets"]["completed"]["percent"] == 2.8
    police = next(u for u in report["by_lead_unit"] if u["unit"] == "Công an xã")
    assert (police["total"], police["buckets"]["completed"]["count"]) == (4, 1)

    # The "Năm 2026" tasks are due on 31/12/2026: as of 01/01/2027 they are overdue.
    late = json.loads(
        run_cli("summary", "--as-of", "01/01/2027", "--json", data_dir=tmp_path).stdout
    )
    assert late["buckets"]["overdue"]["count"] == 16
    words = run_cli("summary", "--period", str(half.id), data_dir=tmp_path).stdout
    assert "Hoàn thành" in words and "Công an xã: 4 nhiệm vụ" in words


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["summary", "--as-of", "31/02/2026"], "không có thật"),
        (["summary", "--period", "99"], "không có kỳ báo cáo số 99"),
        (["summary", "--plan", "5"], "Không tìm thấy kế hoạch số 5"),
    ],
)
def test_summary_wrong_usage_exits_2(tmp_path: Path, args: list[str], words: str) -> None:
    result = run_cli(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    import sqlite3

    assert run_cli("check", data_dir=tmp_path).returncode == 0
    data = tmp_path / "ke-hoach.sqlite3"
    copy = tmp_path / "usb" / "sao-luu.sqlite3"
    result = run_cli("backup", "--out", str(copy), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert run_cli("backup", "--out", str(copy), data_dir=tmp_path).returncode == 3  # no overwrite
    with sqlite3.connect(data) as conn:
        conn.execute("DELETE FROM task_coordinator")
        conn.execute("DELETE FROM plan_item WHERE kind = 'task'")
    conn.close()
    result = run_cli("restore", str(copy), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Đã khôi phục" in result.stdout
    report = json.loads(run_cli("check", "--json", data_dir=tmp_path).stdout)
    assert report["plans"][0]["tasks"] == 36
    assert list((tmp_path / "backups").glob("*before-restore*.sqlite3"))


def test_restore_refuses_a_file_open_in_the_program(tmp_path: Path) -> None:
    assert run_cli("check", data_dir=tmp_path).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert run_cli("backup", "--out", str(copy), data_dir=tmp_path).returncode == 0
    from dienchau_desktop.ui.single_instance import SingleInstance

    window = SingleInstance(tmp_path / "ke-hoach.sqlite3")  # the lock an open window holds
    assert window.acquire()
    try:
        result = run_program("restore", str(copy), data_dir=tmp_path)
    finally:
        window.release()
    assert result.returncode == 4
    assert "đang bị một chương trình khác giữ" in result.stderr


def test_check_on_a_file_locked_by_a_writer_exits_4(tmp_path: Path) -> None:
    import sqlite3

    assert run_cli("check", data_dir=tmp_path).returncode == 0
    data = tmp_path / "ke-hoach.sqlite3"
    other = sqlite3.connect(data, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = 'đang sửa'")
    try:
        result = run_program("check", "--db", str(data), "--json", data_dir=tmp_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 4
    assert json.loads(result.stdout)["error"] == "DataFileLockedError"


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_export_the_appendix(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "bao-cao" / f"phu-luc.{fmt}"
    result = run_cli("export", "appendix", "--format", fmt, "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "36 nhiệm vụ" in result.stdout
    assert out.stat().st_size > 1000
    assert not [p for p in out.parent.iterdir() if p != out]  # no temporary file left


def test_export_wrong_usage(tmp_path: Path) -> None:
    result = run_cli("export", "appendix", "--format", "docx", "--out", "x.docx", data_dir=tmp_path)
    assert result.returncode == 2
    result = run_cli("export", "appendix", "--format", "pdf", "--out", str(tmp_path / "a.pdf"),
                     "--plan", "9", data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 2
    assert "Không tìm thấy kế hoạch số 9" in result.stderr


def test_export_the_due_list(tmp_path: Path) -> None:
    out = tmp_path / "qua-han.pdf"
    result = run_cli("export", "due", "--format", "pdf", "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


def test_export_a_unit_sheet_and_its_return_form(tmp_path: Path) -> None:
    sheet = tmp_path / "cong-an.xlsx"
    result = run_cli("export", "unit", "--unit", "Công an xã", "--format", "xlsx",
                     "--out", str(sheet), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "7 nhiệm vụ" in result.stdout
    form = tmp_path / "mau.xlsx"
    result = run_cli("export", "return-form", "--unit", "cong an xa", "--format", "xlsx",
                     "--out", str(form), data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert form.exists()
    assert run_cli("export", "return-form", "--unit", "x", "--format", "pdf", "--out",
                   str(tmp_path / "m.pdf"), data_dir=tmp_path).returncode == 2  # fmt: skip
    assert run_cli("export", "unit", "--format", "pdf", "--out", str(tmp_path / "u.pdf"),
                   data_dir=tmp_path).returncode == 2  # fmt: skip


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_the_progress_report(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"bao-cao.{fmt}"
    result = run_cli("export", "progress", "--format", fmt, "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Đã xuất báo cáo kết quả" in result.stdout
    assert out.stat().st_size > 1000


def test_quit_after_paint_opens_the_window_and_closes_it_as_a_user_would(tmp_path: Path) -> None:
    """The packaged program's smoke test: the window is painted, then closed normally
    (the data file made with the sample plan, the closing backup written)."""
    # Qt's own options reach Qt, not our command line (Wine needs `-platform windows`).
    result = run_program("--quit-after-paint", "-platform", "offscreen", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["PAINTED"]
    assert (tmp_path / paths.DATA_FILE_NAME).is_file()
    assert [p.name.endswith("-close.sqlite3") for p in (tmp_path / "backups").iterdir()] == [True]


def test_vietnamese_output_survives_a_pipe_in_a_narrow_code_page(tmp_path: Path) -> None:
    """Piped on Windows, Python would write in cp1252 and fail on the first "ự"
    (seen in the frozen program under Wine). The output is UTF-8 whatever the locale."""
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path), "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run([sys.executable, "-m", "dienchau_desktop", "check", "--json"],
                            capture_output=True, env=env, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    report = json.loads(result.stdout.decode("utf-8"))
    assert "Thực hiện Thông báo kết luận" in report["plans"][0]["title"]


@pytest.mark.parametrize(
    "args",
    [["summary"], ["check", "--json"], ["export", "appendix", "--format", "pdf", "--out", "{out}"]],
)
def test_a_reader_that_goes_away_is_no_failure(tmp_path: Path, args: list[str]) -> None:
    """`dienchau-desktop summary | head -1`: the output's reader leaves early. The work
    is done (the export is written), and the program ends quietly with 0."""
    from tests.conftest import make_sample_file

    data = make_sample_file(tmp_path)
    out = tmp_path / "phu-luc.pdf"
    argv = [a.replace("{out}", str(out)) for a in args]
    child = subprocess.Popen(
        [sys.executable, "-m", "dienchau_desktop", *argv, "--db", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the program writes
    with child.stderr:
        error = child.stderr.read().decode("utf-8", "replace")
    assert child.wait(timeout=120) == 0, error
    assert "Traceback" not in error and "Lỗi" not in error
    if "export" in argv:
        assert out.stat().st_size > 1000


def test_check_counts_the_evidence_and_names_a_damaged_file(
    data_file: Path, tmp_path: Path
) -> None:
    import sqlite3

    from dienchau_desktop.db.database import Database
    from dienchau_desktop.services import evidence, items, periods, progress

    scan = tmp_path / "Biên bản kiểm tra.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 400)
    db = Database.open(data_file, create=False)
    task = items.plan_tree(db, 1).tasks()[0]
    period = periods.list_periods(db, 1)[0]
    entry = progress.record_progress(db, task.id, period.id, status="in_progress", percent=40)
    evidence.add_files(db, entry.id, [scan])
    db.close()

    result = run_cli("check", "--db", str(data_file), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Minh chứng: 1 tệp, 0,1 MB" in result.stdout

    # One byte of the stored file changed behind the program's back (same size).
    conn = sqlite3.connect(data_file)
    (content_id,) = conn.execute("SELECT id FROM attachment_content").fetchone()
    with conn.blobopen("attachment_content", "data", content_id) as blob:
        blob.seek(100)
        blob.write(b"X")
    conn.commit()
    conn.close()
    result = run_cli("check", "--db", str(data_file), "--json", data_dir=tmp_path)
    assert result.returncode == 4
    document = json.loads(result.stdout)
    assert document["ok"] is False and document["damaged_evidence"] == [scan.name]
    assert document["evidence_files"] == 1 and document["evidence_bytes"] == scan.stat().st_size
    result = run_cli("check", "--db", str(data_file), data_dir=tmp_path)
    assert result.returncode == 4 and scan.name in result.stderr

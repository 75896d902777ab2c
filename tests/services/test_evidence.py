"""Evidence (minh chứng) kept in the data file: added whole or not at all, listed without
its content, opened byte-identical, removed and put back, and never half-stored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import event, text

from dienchau_desktop.core.errors import (
    BadInputFileError,
    NotFoundError,
    OutputFileError,
    ValidationError,
)
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, evidence, items, periods, plans, progress

SCAN = "Biên bản kiểm tra số 12.pdf"


@pytest.fixture
def entry(db: Database) -> progress.ProgressInfo:
    plan = plans.create_plan(db, "KH", year=2026).id
    half, _year = periods.create_standard_periods(db, plan, 2026)
    task = items.add_item(db, plan, "task", "Số hóa hồ sơ", deadline="Tháng 5/2026").id
    return progress.record_progress(db, task, half.id, status="in_progress", percent=40)


def a_file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stored_rows(db: Database) -> tuple[int, int]:
    """(attachments, contents) in the data file."""
    with db.read() as session:
        return (
            session.execute(text("SELECT count(*) FROM attachment")).scalar_one(),
            session.execute(text("SELECT count(*) FROM attachment_content")).scalar_one(),
        )


def test_files_are_attached_listed_and_read_back_byte_identical(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    scan = a_file(tmp_path / "in", SCAN, os.urandom(300_000))
    photo = a_file(tmp_path / "in", "ảnh hiện trường.jpg", b"\xff\xd8\xff" + os.urandom(5000))

    added = evidence.add_files(db, entry.id, [scan, photo])

    assert [a.file_name for a in added] == [SCAN, "ảnh hiện trường.jpg"]
    listed = evidence.for_entry(db, entry.id)
    assert [(a.file_name, a.size, a.item_id, a.period_id) for a in listed] == [
        (SCAN, 300_000, entry.item_id, entry.period_id),
        ("ảnh hiện trường.jpg", 5003, entry.item_id, entry.period_id),
    ]
    assert evidence.for_task(db, entry.item_id) == listed
    assert evidence.total_for_task(db, entry.item_id) == evidence.EvidenceTotal(2, 305_003)
    opened = evidence.copy_for_opening(db, listed[0].id)
    assert opened.name == SCAN
    assert opened.read_bytes() == scan.read_bytes()
    out = evidence.copy_out(db, listed[1].id, tmp_path / "ra.jpg")
    assert out.read_bytes() == photo.read_bytes()
    rows = audit.history(db, "attachment")
    assert [(r.action, r.new_value["file_name"]) for r in rows] == [
        ("create", SCAN),
        ("create", "ảnh hiện trường.jpg"),
    ]


def test_the_same_content_twice_is_stored_once(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    data = os.urandom(10_000)
    evidence.add_files(db, entry.id, [a_file(tmp_path / "a", "x.pdf", data)])
    evidence.add_files(db, entry.id, [a_file(tmp_path / "b", "bản sao.pdf", data)])
    assert stored_rows(db) == (2, 1)


def refused(db: Database, entry_id: int, paths: list[Path]) -> BadInputFileError:
    with pytest.raises(BadInputFileError) as caught:
        evidence.add_files(db, entry_id, paths)
    assert stored_rows(db) == (0, 0)  # nothing half-stored
    assert "Chưa lưu tệp nào" in caught.value.hint
    return caught.value


def test_a_missing_file_is_refused_by_name_and_nothing_is_stored(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    good = a_file(tmp_path, "tốt.pdf", b"%PDF-1.4 ...")
    error = refused(db, entry.id, [good, tmp_path / "đã xóa.pdf"])
    assert error.message == f"Không tìm thấy tệp «{tmp_path / 'đã xóa.pdf'}»."


def test_a_folder_is_not_a_file(db: Database, entry: progress.ProgressInfo, tmp_path: Path) -> None:
    (tmp_path / "Hồ sơ").mkdir()
    error = refused(db, entry.id, [tmp_path / "Hồ sơ"])
    assert "không phải là một tệp" in error.message and "Hồ sơ" in error.message


def test_a_file_over_50_mb_is_refused(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    big = tmp_path / "bản quét 51MB.pdf"
    with open(big, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    error = refused(db, entry.id, [a_file(tmp_path, "nhỏ.pdf", b"x"), big])
    assert error.message == (
        "Tệp «bản quét 51MB.pdf» nặng 51 MB, quá giới hạn 50 MB cho một minh chứng."
    )


def test_a_file_of_exactly_50_mb_is_kept(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    path = tmp_path / "50MB.pdf"
    data = os.urandom(1024) * (50 * 1024)
    path.write_bytes(data)
    [added] = evidence.add_files(db, entry.id, [path])
    assert added.size == evidence.MAX_BYTES
    assert evidence.copy_out(db, added.id, tmp_path / "back.pdf").read_bytes() == data


def test_an_empty_file_is_refused(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    error = refused(db, entry.id, [a_file(tmp_path, "rỗng.pdf", b"")])
    assert "rỗng (0 byte)" in error.message


def test_a_file_that_cannot_be_read_is_refused(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read error midway (a USB stick pulled out, a bad sector) after a first file
    was read and stored in the transaction: the first goes too."""
    first = a_file(tmp_path, "một.pdf", b"first file")
    second = a_file(tmp_path, "hai.pdf", b"second file")
    real = evidence._read_chunk

    def failing(handle: BinaryIO, size: int) -> bytes:
        if Path(handle.name).name == "hai.pdf":  # type: ignore[attr-defined]
            raise OSError(5, "Input/output error")
        return real(handle, size)

    monkeypatch.setattr(evidence, "_read_chunk", failing)
    error = refused(db, entry.id, [first, second])
    assert error.message == f"Không đọc được tệp «{second}» (lỗi đọc ghi ổ đĩa)."


def test_a_file_changed_while_it_is_read_is_refused(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scanner still writing its PDF: the file grows after the first piece is read."""
    path = a_file(tmp_path, "đang quét.pdf", os.urandom(4096))
    real = evidence._read_chunk
    monkeypatch.setattr(evidence, "CHUNK_BYTES", 1024)

    def scanner_writes(handle: BinaryIO, size: int) -> bytes:
        chunk = real(handle, size)
        if handle.tell() == 1024:
            with open(path, "ab") as more:
                more.write(b"page two")
        return chunk

    monkeypatch.setattr(evidence, "_read_chunk", scanner_writes)
    error = refused(db, entry.id, [path])
    assert error.message == "Tệp «đang quét.pdf» đã thay đổi trong lúc đang đọc."


def test_removed_then_put_back_with_its_content(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    data = os.urandom(20_000)
    [added] = evidence.add_files(db, entry.id, [a_file(tmp_path, SCAN, data)])

    removed = evidence.remove(db, added.id)
    assert evidence.for_entry(db, entry.id) == []
    assert stored_rows(db) == (0, 1)  # the content waits for an undo

    back = evidence.restore(db, removed)
    assert back == added
    assert evidence.copy_out(db, back.id, tmp_path / "b.pdf").read_bytes() == data
    assert [(r.action, r.field) for r in audit.history(db, "attachment")] == [
        ("create", ""),
        ("delete", ""),
        ("create", "restored"),
    ]


def test_unreferenced_content_is_purged_and_referenced_content_kept(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    [kept, gone] = evidence.add_files(
        db, entry.id, [a_file(tmp_path, "a.pdf", b"aaa"), a_file(tmp_path, "b.pdf", b"bbb")]
    )
    evidence.remove(db, gone.id)
    assert evidence.purge_unreferenced(db) == 1
    assert stored_rows(db) == (1, 1)
    assert evidence.copy_out(db, kept.id, tmp_path / "k").read_bytes() == b"aaa"
    with pytest.raises(NotFoundError, match="không còn trong tệp dữ liệu"):
        evidence.restore(db, gone)


def test_a_task_deleted_and_put_back_keeps_its_evidence(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    data = os.urandom(8000)
    [added] = evidence.add_files(db, entry.id, [a_file(tmp_path, SCAN, data)])
    removed = items.delete_item(db, entry.item_id)
    assert stored_rows(db) == (0, 1)
    items.restore_subtree(db, removed)
    assert evidence.for_task(db, entry.item_id) == [added]
    assert evidence.copy_out(db, added.id, tmp_path / "b").read_bytes() == data


def test_a_closed_period_refuses_new_evidence(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    periods.set_period_closed(db, entry.period_id, True)
    with pytest.raises(ValidationError, match="đã khóa"):
        evidence.add_files(db, entry.id, [a_file(tmp_path, "a.pdf", b"a")])
    assert stored_rows(db) == (0, 0)


def test_an_entry_of_another_task_is_refused(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        evidence.add_files(db, entry.id, [a_file(tmp_path, "a.pdf", b"a")], item_id=-5)
    assert stored_rows(db) == (0, 0)


def test_listing_reads_no_content(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    """The tree, the history, the evidence lists and the report's names never select
    the content table: a task with 50 MB of scans costs them nothing."""
    evidence.add_files(db, entry.id, [a_file(tmp_path, SCAN, os.urandom(1000))])
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        items.plan_tree(db, 1)
        progress.history(db, entry.item_id)
        evidence.for_task(db, entry.item_id)
        evidence.for_entry(db, entry.id)
        evidence.total_for_task(db, entry.item_id)
        assert evidence.names_by_task(db, 1) == {entry.item_id: [SCAN]}
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert statements
    assert not [s for s in statements if "attachment_content" in s]


def test_damaged_content_is_found(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    evidence.add_files(db, entry.id, [a_file(tmp_path, SCAN, b"original bytes")])
    assert evidence.damaged_content(db) == []
    with db.write() as session:
        session.execute(text("UPDATE attachment_content SET data = X'00112233'"))
    assert evidence.damaged_content(db) == [SCAN]


def test_sizes_in_words() -> None:
    assert [evidence.size_in_words(n) for n in (820, 12_800, 3_565_158, 51 * 1024**2)] == [
        "820 byte",
        "12,5 KB",
        "3,4 MB",
        "51 MB",
    ]


def test_a_copy_that_cannot_be_written_leaves_nothing(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    [added] = evidence.add_files(db, entry.id, [a_file(tmp_path / "in", SCAN, b"%PDF")])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OutputFileError, match="Không ghi được tệp"):
        evidence.copy_out(db, added.id, out / "không có thư mục" / SCAN)
    evidence.remove(db, added.id)
    with pytest.raises(NotFoundError):
        evidence.copy_out(db, added.id, out / SCAN)
    assert list(out.iterdir()) == []


def test_several_removed_and_put_back_all_or_none(
    db: Database, entry: progress.ProgressInfo, tmp_path: Path
) -> None:
    added = evidence.add_files(
        db, entry.id, [a_file(tmp_path, "a.pdf", b"a"), a_file(tmp_path, "b.pdf", b"b")]
    )
    with pytest.raises(NotFoundError):
        evidence.remove_all(db, [added[0].id, 999])
    assert evidence.for_entry(db, entry.id) == added  # the first was not removed
    removed = evidence.remove_all(db, [a.id for a in added])
    assert evidence.for_entry(db, entry.id) == []
    assert evidence.restore_all(db, removed) == added

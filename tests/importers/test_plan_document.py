"""A plan read from the document it arrives as: the seed plan's text gives the same
tree as the built-in sample; a .docx reads the same; bad files change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dienchau_desktop import paths
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers.plan_document import import_plan
from dienchau_desktop.services import items, plans, units

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def shape(db: Database, plan_id: int) -> list[tuple[str, str, str, str]]:
    tree = items.plan_tree(db, plan_id)
    numbers = items.outline_numbers(tree)
    return [(numbers[n.id], n.kind, n.title, n.lead_unit_name) for n in tree.nodes]


def test_the_seed_text_reads_as_the_sample_plan(sample_db: Database) -> None:
    summary = import_plan(sample_db, SEED)
    assert (summary.sections, summary.tasks, summary.texts) == (21, 36, 16)
    imported, sample = shape(sample_db, summary.plan_id), shape(sample_db, 1)
    # Same numbering, kinds and titles, item by item, as the hand-made sample.
    assert [(n, k, t) for n, k, t, _u in imported] == [(n, k, t) for n, k, t, _u in sample]
    # Units: the duties of part III are led by the unit that heads them.
    leads = {t: u for _n, k, t, u in imported if k == "task"}
    police = next(t for _n, k, t, _u in imported if t.startswith("Kịp thời tham mưu, đề xuất"))
    assert leads[police] == "Công an xã"
    plan = plans.get_plan(sample_db, summary.plan_id)
    assert plan.place == "Diễn Châu" and plan.year == 2026 and plan.symbol == "KH-UBND"
    assert plan.signer_name == "Nguyễn Văn Lợi" and plan.signer_title == "CHỦ TỊCH"
    assert plan.recipients[-1] == "Lưu: VT, VHXH"
    assert plan.legal_bases[0].startswith("Căn cứ Thông báo kết luận")
    assert plan.closing_text.startswith("Trên đây là Kế hoạch hành động")
    # "Hội Phụ huynh học sinh và các cơ quan, đơn vị liên quan khác" names one unit;
    # "hoá"/"hóa" spellings of one unit stay one unit.
    names = [u.name for u in units.list_units(sample_db)]
    assert "Hội Phụ huynh học sinh" in names and not any(n.startswith("đơn vị") for n in names)
    assert sum(1 for n in names if n.startswith("Phòng Văn h")) == 1


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A minimal .docx (what Word writes, reduced to the parts the reader uses)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        "<w:p>" + "<w:r><w:br/></w:r>".join(
            f'<w:r><w:t xml:space="preserve">{line}</w:t></w:r>' for line in p.split("\n")
        ) + "</w:p>"
        for p in paragraphs
    )  # fmt: skip
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
                         f"<w:body>{body}</w:body></w:document>")  # fmt: skip
    return path


def test_a_docx_reads_like_the_text(db: Database, tmp_path: Path) -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Word keeps the signature's two lines in one paragraph with a line break.
    assert lines[-3].endswith("TM. ỦY BAN NHÂN DÂN") and lines[-2].startswith("CHỦ TỊCH")
    docx = write_docx(tmp_path / "ke-hoach.docx",
                      [*lines[:-3], "\n".join(lines[-3:-1]), lines[-1]])  # fmt: skip
    summary = import_plan(db, docx)
    assert (summary.sections, summary.tasks, summary.texts) == (21, 36, 16)


def test_the_benchmark_plan_document_reads(db: Database, tmp_path: Path) -> None:
    """The 100-page .docx the benchmark generates with python-docx (Word's own layout)."""
    from benchmarks.generate import generate_plan_document  # python-docx: a dev dependency

    path = generate_plan_document(tmp_path / "dai.docx", pages=3)
    summary = import_plan(db, path)
    assert summary.tasks > 20 and summary.sections > 5
    plan = plans.get_plan(db, summary.plan_id)
    assert plan.number == "15" and plan.issuing_body == "ỦY BAN NHÂN DÂN\nXÃ DIỄN CHÂU"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("trong.txt", b"", "không tìm thấy phần nào"),
    ("van-xuoi.txt", "Chỉ là một đoạn văn, không có phần I., II.\n".encode(), "không tìm thấy phần nào"),
    ("nhi-phan.txt", b"\x00\x01\x02I. A\n", "không phải văn bản"),
    ("hong.docx", b"PK\x03\x04 broken", "không phải tệp Word"),
    ("cu.doc", b"\xd0\xcf\x11\xe0 an old Word file", "không phải tệp Word"),
    ("bang.xlsx", b"PK", "không phải tệp Excel"),
    ("ban-in.pdf", b"%PDF-1.4", "chưa đọc được"),
])  # fmt: skip
def test_files_that_are_not_plans(db: Database, tmp_path: Path, name: str, content: bytes,
                                  words: str) -> None:  # fmt: skip
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(BadInputFileError) as info:
        import_plan(db, bad)
    assert words in info.value.message and name in info.value.message
    assert plans.list_plans(db) == []  # nothing stored


def test_odd_encodings_and_damaged_xml(db: Database, tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\nThử nghiệm\nII. NHIỆM VỤ\n1. Việc chung\nLàm việc một.\n"
        "1.000 hộ dân được hỗ trợ cài đặt định danh điện tử.\n"
    )  # a number, not an item
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    summary = import_plan(db, utf16)
    assert (summary.sections, summary.tasks) == (2, 2)
    broken = write_docx(tmp_path / "cat.docx", ["II. A", "1. B", "Việc."])
    with zipfile.ZipFile(broken) as archive:
        xml = archive.read("word/document.xml")
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", xml[: len(xml) // 2])
    with pytest.raises(BadInputFileError, match="bị hỏng"):
        import_plan(db, broken)


def test_command_line_dry_run_then_import(tmp_path: Path) -> None:
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path / "data")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dienchau_desktop", *args], env=env,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip

    dry = cli("import-plan", str(SEED), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert (report["tasks"], report["plan_id"], report["dry_run"]) == (36, None, True)
    done = cli("import-plan", str(SEED))
    assert done.returncode == 0 and "Đã thêm kế hoạch số 2" in done.stdout  # 1 is the sample
    bad = cli("import-plan", str(tmp_path / "khong-co.docx"))
    assert bad.returncode == 3 and "không đọc được" in bad.stderr

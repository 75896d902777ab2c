"""Plan documents the tester sent back: a UTF-8 file with one bad byte read as code page
1258 (every accented letter garbled, and the dry run said OK), a paragraph too long
reported with the length read so far as its length, and 14,500 paragraphs taking 10 s
to import and slowing every export after."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from dienchau_desktop.importers import plan_document
from dienchau_desktop.importers.plan_document import import_plan, read_lines
from dienchau_desktop.services import plans
from tests.cli.test_cli import run_cli
from tests.conftest import make_sample_file
from tests.importers.test_hostile_plan_documents import PLAN_TEXT, docx, para
from tests.importers.test_plan_document import SEED, shape

TONES = "\u0300\u0301\u0303\u0309\u0323"  # the five tone marks cp1258 writes apart


def cp1258(text: str) -> bytes:
    """`text` as Vietnamese Windows saves it: the letter (with its circumflex, breve or
    horn) in one byte, its tone mark in a second, combining one."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def refused(tmp_path: Path, file: Path) -> str:
    """Import `file` on the command line (dry run, then for real): exit 3 and the same
    sentence each time, and the data file as it was."""
    data_file = make_sample_file(tmp_path / "data")
    before = data_file.read_bytes()
    messages = set()
    for options in [("--dry-run",), ("--json",)]:
        result = run_cli("import-plan", str(file), "--db", str(data_file), *options,
                         data_dir=tmp_path)  # fmt: skip
        assert result.returncode == 3, (result.stdout, result.stderr)
        messages.add(result.stderr.splitlines()[0])
        if "--json" in options:
            assert json.loads(result.stdout)["ok"] is False
    assert data_file.read_bytes() == before
    [message] = messages
    return message


# ------------------------------------------------------------------ text encodings


def test_one_bad_byte_in_utf8_is_named_not_read_as_cp1258(tmp_path: Path) -> None:
    raw = SEED.read_bytes()
    at = raw.index(b"Nguy")
    line = raw[:at].count(b"\n") + 1
    broken = tmp_path / "ke-hoach.txt"
    broken.write_bytes(raw[:at] + b"\xff" + raw[at:])
    message = refused(tmp_path, broken)
    byte = f"{at + 1:,}".replace(",", ".")
    assert message == (f"Lỗi: Tệp «ke-hoach.txt»: là văn bản UTF-8 nhưng có byte không hợp lệ "
                       f"(0xFF) ở dòng {line}, byte thứ {byte} của tệp (tệp có thể đã bị "
                       f"hỏng)."), message  # fmt: skip
    # Two bad bytes (a cut sequence, a stray continuation byte): the first is named.
    twice = tmp_path / "hai-cho.txt"
    cut = raw.index("KẾ HOẠCH".encode())
    twice.write_bytes(raw[:cut] + b"\xe1\xbb" + raw[cut:at] + b"\x80" + raw[at:])
    line = raw[:cut].count(b"\n") + 1
    assert f"(0xE1) ở dòng {line}, byte thứ {cut + 1} của tệp" in refused(tmp_path, twice)


def test_a_cp1258_file_still_reads_right(sample_db, tmp_path: Path) -> None:
    """Code page 1258 is not UTF-8 at all: it is read as what it is."""
    text = SEED.read_text(encoding="utf-8")
    old = tmp_path / "ke-hoach-cu.txt"
    old.write_bytes(cp1258(text))
    assert b"\xd2" in old.read_bytes()  # a tone mark written apart: real cp1258
    expected = [unicodedata.normalize("NFC", line) for line in read_lines(SEED)]
    assert read_lines(old) == expected
    summary = import_plan(sample_db, old)
    assert (summary.sections, summary.tasks, summary.texts) == (21, 36, 16)
    assert summary.title.startswith("Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh")
    assert [t for _n, _k, t, _u in shape(sample_db, summary.plan_id)] == [
        t for _n, _k, t, _u in shape(sample_db, 1)]  # fmt: skip
    plan = plans.get_plan(sample_db, summary.plan_id)
    assert plan.signer_name == "Nguyễn Văn Lợi"


def test_a_stray_high_byte_in_an_ascii_file_is_still_read(tmp_path: Path) -> None:
    """No accented letter in UTF-8 at all: not a UTF-8 file, read as code page 1258."""
    plain = tmp_path / "khong-dau.txt"
    plain.write_bytes(b"KE HOACH\nThu\nII. NHIEM VU\n1. Viec chung\n- Lam viec \xe0.\n")
    assert read_lines(plain)[-1] == "- Lam viec à."


# ------------------------------------------------------------ overlong paragraphs


@pytest.mark.parametrize("length", [200_000, 1_000_000])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_paragraph_too_long_to_read_is_said_longer_than(tmp_path: Path, length: int,
                                                          suffix: str) -> None:  # fmt: skip
    """The reading stops past 80,000 characters: the message says "more than" that, not
    the length read so far as if it were the paragraph's (it said 131.028)."""
    long = "- " + "Việc " * (length // 5)
    file = tmp_path / f"dai{suffix}"
    if suffix == ".txt":
        file.write_text(PLAN_TEXT + long + "\n", encoding="utf-8")
    else:
        docx(file, para(long))
    message = refused(tmp_path, file)
    assert "dài hơn 80.000 ký tự" in message, message
    assert "dài 8" not in message and "dài 1" not in message


def test_a_paragraph_read_whole_keeps_its_length(tmp_path: Path) -> None:
    file = tmp_path / "dai.txt"
    file.write_text(PLAN_TEXT + "- " + "x" * 49_998 + "\n", encoding="utf-8")
    assert "dài 50.000 ký tự, quá giới hạn 20.000 ký tự của một mục" in refused(tmp_path, file)


# ------------------------------------------------------------ too many paragraphs


def test_paragraphs_are_capped_at_12000(tmp_path: Path) -> None:
    """14,500 paragraphs (a 122 KB .docx) took 10 s to import; 12,000 still hold the
    largest real plan (a district's, ~11,000 items)."""
    assert plan_document.MAX_PARAGRAPHS == 12_000
    many = docx(tmp_path / "nhieu.docx", *(para(f"- Việc {n}.") for n in range(14_500)))
    assert "có hơn 12.000 đoạn, quá nhiều cho một kế hoạch" in refused(tmp_path, many)
    lines = len(PLAN_TEXT.splitlines())
    just = tmp_path / "vua-du.txt"
    just.write_text(PLAN_TEXT + "".join(f"- Việc {n}.\n" for n in range(12_000 - lines)),
                    encoding="utf-8")  # fmt: skip
    assert len(read_lines(just)) == 12_000
    over = tmp_path / "qua.txt"
    over.write_text(just.read_text(encoding="utf-8") + "- Một việc nữa.\n", encoding="utf-8")
    assert "có hơn 12.000 đoạn" in refused(tmp_path, over)

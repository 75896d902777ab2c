"""Plan documents built to hurt: small files that unpack or nest without end, headers that
lie, endless lines, entity bombs, files that cannot be read or decoded. Each ends as a
sentence naming the file and the reason (exit 3, and `{"ok": false}` with --json), and
the data file keeps exactly the plans it had. The limits, not a clock, show that the
reading stopped early: each message names the limit that stopped it."""

from __future__ import annotations

import errno
import json
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dienchau_desktop import cli
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import bounded, plan_document
from dienchau_desktop.importers.plan_document import import_plan
from dienchau_desktop.services import items, plans
from tests.conftest import make_sample_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
TAIL = "</w:body></w:document>"
PLAN_TEXT = "KẾ HOẠCH\nThử nghiệm\nII. NHIỆM VỤ\n1. Việc chung\n- Làm việc một.\n"


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


BODY = "".join(para(line) for line in PLAN_TEXT.splitlines())


def docx(path: Path, *pieces: str | bytes, method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A .docx whose document.xml is the plan above followed by `pieces`, written as a
    stream (a 200 MB member never sits in memory)."""
    with (
        zipfile.ZipFile(path, "w", method, compresslevel=1) as archive,
        archive.open("word/document.xml", "w") as member,
    ):
        member.write((HEAD + BODY).encode())
        for piece in pieces:
            member.write(piece.encode() if isinstance(piece, str) else piece)
        member.write(TAIL.encode())
    return path


def repeated(piece: bytes, total: int) -> list[bytes]:
    """`piece` repeated to about `total` bytes, in 1 MB blocks."""
    block = piece * max(1, (1 << 20) // len(piece))
    return [block] * (total // len(block))


def lie_about_size(path: Path, claimed: int) -> Path:
    """Make the local and central headers of the zip's one member claim `claimed` bytes."""
    data = bytearray(path.read_bytes())
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<L", data, 22, claimed)  # local header: uncompressed size
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<L", data, central + 24, claimed)
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == claimed
    return path


def stored(data_file: Path) -> list[tuple[int, str, int]]:
    """Each plan in the data file with its number of items."""
    db = Database.open(data_file, create=False)
    try:
        every = sorted(plans.list_plans(db), key=lambda p: p.id)
        return [(p.id, p.title, len(items.plan_tree(db, p.id).nodes)) for p in every]
    finally:
        db.close()


def import_plan_cli(file: Path, data_file: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dienchau_desktop", "import-plan", str(file), "--db", str(data_file), *options],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    return make_sample_file(tmp_path / "data")


def assert_refused(file: Path, data_file: Path, *words: str) -> str:
    """Import `file` on the command line, as JSON, and as a dry run in words: each is
    refused with exit 3 and the same sentence naming the file, and nothing is stored."""
    before = stored(data_file)
    messages = set()
    for options in [("--json",), ("--dry-run",)]:
        result = import_plan_cli(file, data_file, *options)
        assert result.returncode == 3, (options, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        first = result.stderr.splitlines()[0]
        assert first.startswith("Lỗi: ") and f"«{file.name}»" in first
        for word in words:
            assert word in first, (word, first)
        if "--json" in options:
            report = json.loads(result.stdout)
            assert report["ok"] is False and report["error"] == "BadInputFileError"
            assert f"Lỗi: {report['message']}" == first
        messages.add(first)
    assert len(messages) == 1  # the dry run says what the import says
    assert stored(data_file) == before
    return messages.pop()


# ------------------------------------------------------------- small files, huge work


def test_twenty_thousand_nested_paragraphs(tmp_path: Path, data_file: Path) -> None:
    """4.5 KB that took 146 s and 2.35 GB, then imported."""
    deep = docx(tmp_path / "long-nhau.docx", "<w:p>" * 20_000, "<w:r><w:t>- việc</w:t></w:r>",
                "</w:p>" * 20_000)  # fmt: skip
    assert deep.stat().st_size < 5_000
    assert_refused(deep, data_file, "lồng nhau quá 100 cấp")


def test_a_deflate_bomb(tmp_path: Path, data_file: Path) -> None:
    """200 MB of XML in a file of a few hundred KB: refused from its header..."""
    bomb = docx(tmp_path / "bom.docx", *repeated(para("- Làm việc.").encode(), 200_000_000))
    assert bomb.stat().st_size < 2_000_000
    assert_refused(bomb, data_file, "giải nén ra hơn 64 MB")


def test_a_bomb_whose_header_lies(tmp_path: Path, data_file: Path) -> None:
    """...and when the header claims 1 KB or 60 MB, the member is read in chunks (it was
    unpacked whole, 2.1 GB for a 2.1 GB member, before its size was looked at) and what
    comes out past the claimed size is a damaged file."""
    for claimed in (1_000, 60_000_000):
        # Spaces between paragraphs: XML that passes every other limit.
        liar = docx(tmp_path / f"noi-doi-{claimed}.docx", *repeated(b" ", 200_000_000))
        lie_about_size(liar, claimed)
        assert_refused(liar, data_file, "nội dung Word bị hỏng")


def test_a_zip_of_many_members(tmp_path: Path, data_file: Path) -> None:
    """The zip's table of contents is read whole before anything else (450,000 empty
    members, 39 MB, took 300 MB): one larger than 1 MB is not Word's."""
    many = docx(tmp_path / "nhieu-phan.docx", para("- Việc."))
    with zipfile.ZipFile(many, "a", zipfile.ZIP_STORED) as archive:
        for number in range(25_000):
            archive.writestr(f"word/media/hinh-{number:06d}-khong-co-gi-ca.png", b"")
    assert_refused(many, data_file, "tệp nén có 25.001 phần")


def test_a_member_packed_with_bzip2_is_refused(tmp_path: Path, data_file: Path) -> None:
    """bzip2 and lzma members unpack without bound in one call; Word only deflates."""
    packed = docx(tmp_path / "bzip2.docx", para("- Việc."), method=zipfile.ZIP_BZIP2)
    assert_refused(packed, data_file, "nén theo cách Word không dùng")


def test_an_endless_tag_or_comment(tmp_path: Path, data_file: Path) -> None:
    """One 60 MB attribute or comment: expat re-reads an unfinished piece of markup from
    its start at every chunk (113 s for the attribute before the bound)."""
    tag = docx(tmp_path / "the-dai.docx", '<w:p w:x="', *repeated(b"a", 60_000_000), '"/>')
    assert_refused(tag, data_file, "thẻ hoặc chú thích XML dài hơn 1 MB")
    comment = docx(tmp_path / "chu-thich.docx", "<!--", *repeated(b"a", 60_000_000), "-->")
    assert_refused(comment, data_file, "thẻ hoặc chú thích XML dài hơn 1 MB")


@pytest.mark.parametrize("declaration", [
    # A billion laughs: each entity ten of the one before.
    '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)),
    '<!ENTITY secret SYSTEM "file:///etc/passwd">',  # an outside file read into the plan
    "",  # any DOCTYPE at all: Word never writes one
])  # fmt: skip
def test_entities_are_never_expanded(tmp_path: Path, data_file: Path, declaration: str) -> None:
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{declaration}]>'
           f'<w:document xmlns:w="{W}"><w:body>{BODY}{para("- &a9;")}{TAIL}')  # fmt: skip
    laughs = tmp_path / "cuoi.docx"
    with zipfile.ZipFile(laughs, "w") as archive:
        archive.writestr("word/document.xml", xml)
    assert_refused(laughs, data_file, "khai báo DOCTYPE")


def test_48_mb_of_continued_lines(tmp_path: Path, data_file: Path) -> None:
    """Over 400 s before (each lower-case line joined onto the paragraph before it by
    copying the whole paragraph again)."""
    line = ("tiếp tục đoạn văn bản của kế hoạch được ngắt trang " * 50).strip() + "\n"
    text = tmp_path / "noi-dong.txt"
    with text.open("w", encoding="utf-8") as out:
        out.write(PLAN_TEXT)
        out.writelines([line * 1000] * (48_000_000 // len(line.encode()) // 1000))
    assert text.stat().st_size > 47_000_000
    assert_refused(text, data_file, "có hơn 10.000.000 ký tự")
    # Within the limits, a continued paragraph longer than an item may be is named.
    shorter = tmp_path / "noi-dong-ngan.txt"
    shorter.write_text(PLAN_TEXT + line * 20, encoding="utf-8")
    assert_refused(shorter, data_file, "đoạn «Làm việc một.…» dài", "quá giới hạn 20.000 ký tự")


def test_one_endless_line(tmp_path: Path, data_file: Path) -> None:
    endless = tmp_path / "mot-dong.txt"
    endless.write_text(PLAN_TEXT + "- " + "việc " * 2_000_000, encoding="utf-8")
    # Refused as it grows: "more than" the limit, not the length read so far.
    assert_refused(endless, data_file, "có một đoạn («- việc việc", "dài hơn 80.000 ký tự")
    # In Word, refused as it grows: 7 million "ạ" written as character references (one
    # string each as expat reported them: 20 s and 670 MB before they were refused).
    refs = docx(tmp_path / "mot-doan.docx", "<w:p><w:r><w:t>", *[b"&#x1EA1;" * 1_000_000] * 7,
                "</w:t></w:r></w:p>")  # fmt: skip
    assert_refused(refs, data_file, "có một đoạn («ạạạ", "dài hơn 80.000 ký tự")
    long = tmp_path / "dong-dai.txt"
    long.write_text(PLAN_TEXT + "- " + "việc " * 5_000, encoding="utf-8")
    assert_refused(long, data_file, "dài 25.001 ký tự, quá giới hạn 20.000 ký tự")
    in_word = docx(tmp_path / "dong-dai.docx", para("- " + "việc " * 5_000))
    assert_refused(in_word, data_file, "dài 25.001 ký tự, quá giới hạn 20.000 ký tự")


def test_header_lines_of_spaces(tmp_path: Path, db: Database) -> None:
    """A "Số:" line of 19,000 spaces without "/" took 5 s to read (the plan number's
    pattern went back over the spaces once for each space); twenty of them, 100 s."""
    spaces = tmp_path / "khoang-trang.txt"
    spaces.write_text(("Số:" + " " * 19_000 + "x\n") * 20 + PLAN_TEXT, encoding="utf-8")
    summary = import_plan(db, spaces)
    plan = plans.get_plan(db, summary.plan_id)
    assert (plan.number, len(plan.legal_bases), summary.tasks) == ("", 20, 1)


def test_too_many_paragraphs(tmp_path: Path, data_file: Path) -> None:
    """200,000 "- x" lines (2.4 MB) took 126 s and 513 MB to add as tasks."""
    limit = f"có hơn {plan_document.MAX_PARAGRAPHS:,} đoạn".replace(",", ".")
    many = tmp_path / "nhieu-dong.txt"
    many.write_text(PLAN_TEXT + "- Làm việc.\n" * 200_000, encoding="utf-8")
    assert_refused(many, data_file, limit)
    in_word = docx(tmp_path / "nhieu-doan.docx", *repeated(para("- Việc.").encode(), 2_000_000))
    assert_refused(in_word, data_file, limit)


def test_too_many_elements_and_characters(tmp_path: Path, data_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The same counting with the limits lowered, so the test stays quick."""
    db = Database.open(data_file, create=False)
    try:
        low = bounded.Limits(unpacked_bytes=1 << 20, elements=1_000, depth=100, chars=2_000,
                             lines=1_000, line_chars=10_000)  # fmt: skip
        monkeypatch.setattr(plan_document, "LIMITS", low)
        empty = docx(tmp_path / "rong.docx", "<w:p/>" * 1_000)
        with pytest.raises(BadInputFileError, match=r"có hơn 1\.000 thành phần XML"):
            import_plan(db, empty)
        with pytest.raises(BadInputFileError, match=r"có hơn 2\.000 ký tự"):
            import_plan(db, docx(tmp_path / "chu.docx", para("- " + "x" * 2_000)))
        # 900 line breaks: 900 empty lines, within the limits, and nothing to store.
        breaks = docx(tmp_path / "xuong-dong.docx", "<w:p><w:r>", "<w:br/>" * 900, "</w:r></w:p>")
        assert import_plan(db, breaks, dry_run=True).tasks == 1
        with pytest.raises(BadInputFileError, match="giải nén ra hơn 1 MB"):
            import_plan(db, docx(tmp_path / "lon.docx", *repeated(b"<w:p/>", 2 << 20)))
        text = tmp_path / "chu.txt"
        text.write_text(PLAN_TEXT + "- " + "x" * 2_000, encoding="utf-8")
        with pytest.raises(BadInputFileError, match=r"có hơn 2\.000 ký tự"):
            import_plan(db, text)
    finally:
        db.close()


# --------------------------------------------------------- files that cannot be read


def test_a_folder_named_like_a_document(tmp_path: Path, data_file: Path) -> None:
    for name in ("x.txt", "x.docx"):
        (tmp_path / name).mkdir()
        assert_refused(tmp_path / name, data_file, "không đọc được (đây là một thư mục")


@pytest.mark.parametrize(("raw", "what"), [
    ("KẾ HOẠCH\nII. A\n".encode("utf-16") + b"\x41", "odd number of bytes"),
    (b"\xff\xfe" + "II. A\n1. B\n- việc ".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"),
     "lone surrogate"),
    (b"\xfe\xff" + "II. A\n".encode("utf-16-be") + b"\xdc\x00", "lone low surrogate, big-endian"),
])  # fmt: skip
def test_broken_utf16(tmp_path: Path, data_file: Path, raw: bytes, what: str) -> None:
    broken = tmp_path / "utf16.txt"
    broken.write_bytes(raw)
    assert_refused(broken, data_file, "văn bản UTF-16 bị hỏng từ byte thứ")


@pytest.mark.parametrize("error", [
    PermissionError(errno.EACCES, "Permission denied"),
    OSError(errno.EIO, "Input/output error"),
])  # fmt: skip
@pytest.mark.parametrize("name", ["ke-hoach.txt", "ke-hoach.docx"])
def test_a_file_that_cannot_be_opened(tmp_path: Path, data_file: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], error: OSError, name: str) -> None:  # fmt: skip
    """Read as root, chmod 000 does not stop the tests: the opening fails as it would.
    A .docx that cannot be read is not called "not a Word file"."""
    document = tmp_path / name
    if name.endswith(".docx"):
        docx(document)
    else:
        document.write_text(PLAN_TEXT, encoding="utf-8")
    real_open = Path.open

    def refuse(path: Path, *args: object, **kwargs: object) -> object:
        if path == document:
            raise error
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    before = stored(data_file)
    reason = (
        "không có quyền truy cập" if isinstance(error, PermissionError) else "lỗi đọc ghi ổ đĩa"
    )
    for dry_run in ([], ["--dry-run"]):
        code = cli.main(["import-plan", str(document), "--json", "--db", str(data_file), *dry_run])
        out, err = capsys.readouterr()
        assert code == 3
        report = json.loads(out)
        assert report["ok"] is False
        assert report["message"] == f"Tệp «{name}»: không đọc được ({reason})."
        assert "Word" not in report["message"] and "Traceback" not in err
    monkeypatch.undo()
    assert stored(data_file) == before


def test_a_read_error_midway_through_a_docx(tmp_path: Path, data_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    document = docx(tmp_path / "usb.docx", para("- Việc."))

    def fail(*_args: object) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", fail)
    db = Database.open(data_file, create=False)
    try:
        with pytest.raises(BadInputFileError) as info:
            import_plan(db, document)
    finally:
        db.close()
    assert info.value.message == "Tệp «usb.docx»: không đọc được (lỗi đọc ghi ổ đĩa)."


# -------------------------------------------------- files that are not what they say


@pytest.mark.parametrize(("name", "content", "words"), [
    ("trong.txt", b"", "không tìm thấy phần nào"),
    ("khoang-trang.txt", b" \n\t\r\n   \n\xc2\xa0\n", "không tìm thấy phần nào"),
    ("khoang-trang.docx", None, "không tìm thấy phần nào"),
    ("van-ban.docx", PLAN_TEXT.encode(), "không phải tệp Word (.docx) đọc được"),
    ("nen.txt", None, "là một tệp nén"),
    ("cat-cut.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "không phải tệp Word (.docx) đọc được"),
])  # fmt: skip
def test_files_that_are_not_what_they_say(tmp_path: Path, data_file: Path, name: str,
                                          content: bytes | None, words: str) -> None:  # fmt: skip
    path = tmp_path / name
    if name == "khoang-trang.docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>'
                             f"{para('   ')}<w:p/>{TAIL}")  # fmt: skip
    elif name == "nen.txt":
        docx(path)
    else:
        path.write_bytes(content or b"")
    assert_refused(path, data_file, words)


def test_odd_unicode_is_read_and_non_characters_dropped(tmp_path: Path, data_file: Path) -> None:
    odd = tmp_path / "ky-tu-la.txt"
    odd.write_text(
        "KẾ HOẠCH\nThử\uffff nghiệm\nII. NHIỆM VỤ\n1. Việc\n"
        "- Làm\u202eviệc\u202c một\n"  # a right-to-left override
        "- Nhà\u200dvăn\u200c hóa\n"  # zero-width joiner and non-joiner
        "- Bá\ufffeo cá\U0010ffffo\ufdd0\n"  # non-characters
        "- Ho\u0323c ta\u0302\u0323p\n",  # combining marks: composed ("Học tập")
        encoding="utf-8",
    )  # fmt: skip
    result = import_plan_cli(odd, data_file)
    assert result.returncode == 0, result.stderr
    db = Database.open(data_file, create=False)
    try:
        plan = max(plans.list_plans(db), key=lambda p: p.id)
        titles = [n.title for n in items.plan_tree(db, plan.id).nodes]
    finally:
        db.close()
    assert plan.title == "Thử nghiệm"
    # Direction marks and joiners are the writer's business (kept here; dropping them
    # elsewhere would not matter); the non-characters are gone.
    shown = [t.translate(dict.fromkeys(map(ord, "\u202e\u202c\u200d\u200c"))) for t in titles]
    assert shown[-4:] == ["Làmviệc một", "Nhàvăn hóa", "Báo cáo", "Học tập"]


# ------------------------------------------------------------ dry run = the import


@pytest.mark.parametrize(("text", "words"), [
    # An issuing body past the 500 characters it may have (a unit's name that long is
    # no name: the importer keeps it in the task's notes).
    ("ỦY BAN " * 80 + "\n" + PLAN_TEXT, "(ở plan.issuing_body): «Cơ quan ban hành» dài"),
    # A title of two lines in capitals, 24,000 characters together.
    ("KẾ HOẠCH\n" + "TIÊU ĐỀ " * 1500 + "\n" + "TIÊU ĐỀ " * 1500 + "\nII. NHIỆM VỤ\n1. Việc\n- Làm.\n",
     "(ở plan.title): «Trích yếu» dài"),
    ("Số: " + "1" * 600 + "/KH-UBND\n" + PLAN_TEXT, "(ở plan.number): «Số văn bản» dài"),
    (PLAN_TEXT + "a) Tổ chức thực hiện\n- Người chịu trách nhiệm: " + "Ông A " * 100 + "\n",
     "responsible_person"),
])  # fmt: skip
def test_the_dry_run_refuses_what_the_import_refuses(tmp_path: Path, data_file: Path, text: str,
                                                     words: str) -> None:  # fmt: skip
    """It used to say "Sẽ thêm…" (exit 0) for each of these, which the import then refused."""
    document = tmp_path / "ke-hoach.txt"
    document.write_text(text, encoding="utf-8")
    message = assert_refused(document, data_file)
    assert words in message


def test_the_dry_run_and_the_import_agree_on_good_files(tmp_path: Path, data_file: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "ke-hoach-dien-chau-2026.txt"
    good = [seed, docx(tmp_path / "ngan.docx"), tmp_path / "utf16.txt"]
    (tmp_path / "utf16.txt").write_bytes(PLAN_TEXT.encode("utf-16"))
    for document in good:
        before = stored(data_file)
        dry = import_plan_cli(document, data_file, "--dry-run", "--json")
        assert dry.returncode == 0, dry.stderr
        assert stored(data_file) == before  # the rehearsal keeps nothing
        done = import_plan_cli(document, data_file, "--json")
        assert done.returncode == 0, done.stderr
        preview, summary = json.loads(dry.stdout), json.loads(done.stdout)
        assert preview.pop("plan_id") is None and preview.pop("dry_run") is True
        new_id = summary.pop("plan_id")
        assert summary.pop("dry_run") is False
        assert preview == summary
        after = stored(data_file)
        assert after[:-1] == before and after[-1][0] == new_id


# ------------------------------------------------------------------ no traceback, ever


def test_damaged_files_never_crash(tmp_path: Path, db: Database) -> None:
    """Bytes of a good .docx and .txt flipped, cut or repeated at random (seeded): each is
    read or refused with a sentence, never a traceback."""
    chance = random.Random(14)
    good_docx = docx(
        tmp_path / "goc.docx", para("a) Tổ chức thực hiện"), para("- Cơ quan chủ trì: Công an xã")
    )
    originals = {".docx": good_docx.read_bytes(),
                 ".txt": (PLAN_TEXT + "tiếp theo\n- Việc hai\n").encode("utf-8")}  # fmt: skip
    for round_ in range(300):
        suffix = ".docx" if round_ % 2 else ".txt"
        data = bytearray(originals[suffix])
        for _ in range(chance.randint(1, 6)):
            at = chance.randrange(len(data))
            action = chance.randrange(4)
            if action == 0:
                data[at] = chance.randrange(256)
            elif action == 1:
                del data[at : at + chance.randint(1, 40)]
            elif action == 2:
                data[at:at] = data[at : at + chance.randint(1, 40)] * chance.randint(1, 30)
            else:
                data = data[:at]
                break
        damaged = tmp_path / f"hong-{round_}{suffix}"
        damaged.write_bytes(bytes(data))
        try:
            import_plan(db, damaged, dry_run=True)
        except BadInputFileError as error:
            assert damaged.name in error.message

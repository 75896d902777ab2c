"""The Linux build's cut-down ICU data (build/icu_data.py): what it keeps, that the
package it writes is well formed, and that Qt still collates and upper-cases Vietnamese
with it, as with the whole of PySide6's ICU data."""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "build" / "icu_data.py")
assert _spec is not None and _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

ICU_DATA = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))


def test_keeps_root_english_vietnamese_and_what_is_no_locale() -> None:
    kept = [
        "root.res", "vi.res", "en.res", "res_index.res", "pool.res", "supplementalData.res",
        "likelySubtags.res", "cnvalias.icu", "coll/root.res", "coll/vi.res", "coll/ucadata.icu",
        "coll/res_index.res", "brkitr/char.brk", "brkitr/root.res", "curr/vi.res",
        "zone/tzdbNames.res", "uprops.icu", "nfkc.nrm",
    ]  # fmt: skip
    dropped = [
        "fr.res", "zh_Hant_TW.res", "coll/zh.res", "curr/de.res", "brkitr/cjdict.dict",
        "brkitr/thaidict.dict", "translit/root.res", "ibm-1390_P110-2003.cnv", "gb18030.cnv",
        "lang/ja.res", "zone/ko.res",
    ]  # fmt: skip
    assert [n for n in kept if not icu_data.keep(n)] == []
    assert [n for n in dropped if icu_data.keep(n)] == []


def package(items: dict[str, bytes]) -> bytes:
    """A small common-data package as ICU writes one (names sorted)."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\x14\x00\x00\x00\x00\x02\x00\x00CmnD"
    header += b"\x01\x00\x00\x00" * 2
    header = header.ljust(32, b"\0")
    names = sorted(items)
    table = 4 + 8 * len(names)
    blob_names = b"".join(f"icudt73l/{n}".encode() + b"\0" for n in names)
    offsets, at = [], table
    for n in names:
        offsets.append(at)
        at += len(f"icudt73l/{n}") + 1
    data_at = -(-at // 16) * 16
    body, data_offsets = b"", []
    for n in names:
        body += b"\0" * (-len(body) % 16)
        data_offsets.append(data_at + len(body))
        body += items[n]
    toc = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", o, d) for o, d in zip(offsets, data_offsets, strict=True)
    )
    toc = (toc + blob_names).ljust(data_at, b"\0")
    return header + toc + body


def read(packed: bytes) -> dict[str, bytes]:
    header_size = struct.unpack_from("<H", packed, 0)[0]
    toc = packed[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    pairs = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [d for _, d in pairs[1:]] + [len(toc)]
    out = {}
    for (name_at, data_at), end in zip(pairs, ends, strict=True):
        assert data_at % 16 == 0
        name = toc[name_at : toc.index(b"\0", name_at)].decode().split("/", 1)[1]
        out[name] = toc[data_at:end]
    return out


def test_repack_keeps_the_kept_items_byte_for_byte() -> None:
    items = {"coll/vi.res": b"V" * 21, "fr.res": b"F" * 40, "root.res": b"R" * 7,
             "translit/root.res": b"T" * 3, "vi.res": b"v" * 16}  # fmt: skip
    packed, before, after = icu_data.repack(package(items))
    assert (before, after) == (5, 3)
    kept = read(packed)
    assert list(kept) == ["coll/vi.res", "root.res", "vi.res"]
    for name, data in kept.items():
        assert data.rstrip(b"\0") == items[name]
    assert read(package(items)).keys() == items.keys()  # the reader reads ICU's layout


PROBE = """
import json
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
vi = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
words = ["Đường", "Dương", "ăn", "an", "ấm", "Bắc", "bạc", "ơ", "o", "ô", "Zê", "y"]
print(json.dumps({"order": sorted(words, key=QCollator(vi).sortKey),
                  "upper": vi.toUpper("đường phố ơi")}, ensure_ascii=False))
"""


def qt_with(library: Path | None) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if library is not None:
        env["LD_PRELOAD"] = str(library)  # the same soname: it stands in for the wheel's
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                            text=True, check=True)  # fmt: skip
    return json.loads(result.stdout)


def test_qt_collates_vietnamese_with_the_cut_down_data(tmp_path: Path) -> None:
    small = tmp_path / ICU_DATA.name
    figures = icu_data.trim(ICU_DATA, small)
    assert figures["bytes_kept"] < figures["bytes"] / 5
    assert small.stat().st_size < 8_000_000
    expected = {"order": ["an", "ăn", "ấm", "bạc", "Bắc", "Dương", "Đường", "o", "ô", "ơ",
                          "y", "Zê"], "upper": "ĐƯỜNG PHỐ ƠI"}  # fmt: skip
    assert qt_with(None) == expected
    assert qt_with(small) == expected

"""ICU's data library, cut down to what Qt uses in this program (the Linux build only).

PySide6's Linux wheels carry ICU 73, whose data library (libicudata.so.73) is 32 MB, a
quarter of the Linux folder: every locale's names of languages, countries, currencies,
units and time zones, the collation of every language, the line-break dictionaries of
Chinese, Japanese, Thai, Khmer, Lao and Burmese, the transliterators and 200 legacy
code pages. Qt reaches ICU for collation (QCollator), locale-aware case mapping (whose
tables are compiled into libicuuc, not data) and legacy code pages (QStringConverter);
the program itself names none of them: it reads and writes UTF-8, SQLite and Excel and
formats its dates and numbers itself. Kept: the root, English and Vietnamese locales
(their top level and each category), the collation root with its tables, the break
rules without the dictionaries, and every data item that is not a locale, a code page
or a transliterator. A missing locale falls back to the root in ICU, as on a system
without it; a code page that cannot be opened makes Qt use its own converters.

    python build/icu_data.py ORIGINAL.so OUT.so   (the spec calls trim())

The data is the library's one exported array (icudt<N>_dat): an ICU "common data" package
(a header, a table of contents of (name offset, data offset) pairs sorted by name, the
names, the items). The kept items are packed again in the same order and linked into a
library with the same soname and symbol, with gcc.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALES_KEPT = ("root", "en", "en_US", "en_001", "vi", "vi_VN")
#: Top-level items that are data of a kind, not one locale's bundle.
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")


def keep(name: str) -> bool:
    """`name` is an item's path inside the package, without its first part
    ("icudt73l/coll/vi.res" → "coll/vi.res")."""
    folder, _, file = name.rpartition("/")
    stem, _, suffix = file.rpartition(".")
    if folder == "translit" or suffix == "cnv" or suffix == "dict":
        return False
    if suffix == "res" and (folder or LOCALE_NAME.match(stem)):
        return (
            stem in LOCALES_KEPT or stem in ("res_index", "pool") or (not LOCALE_NAME.match(stem))
        )
    return True


def exported_data(library: Path) -> tuple[str, bytes]:
    """The name and bytes of the library's data symbol (icudt<N>_dat)."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    found = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT.*\s(icudt\d+_dat)$",
                      symbols, re.M)  # fmt: skip
    if found is None:
        raise SystemExit(f"no icudt*_dat in {library}")
    address, size, name = int(found[1], 16), int(found[2], 0), found[3]
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    for line in sections.splitlines():
        fields = re.match(r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)",
                          line)  # fmt: skip
        if fields:
            start, offset, length = (int(fields[i], 16) for i in (2, 3, 4))
            if start <= address < start + length:
                raw = library.read_bytes()
                at = offset + address - start
                return name, raw[at : at + size]
    raise SystemExit(f"{name} lies in no section of {library}")


def repack(package: bytes) -> tuple[bytes, int, int]:
    """The package with only the kept items; how many items there were and are kept."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise SystemExit("ICU data is not a common-data package")
    toc = package[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    pairs = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in pairs[1:]] + [len(toc)]
    items = []
    for (name_at, data_at), end in zip(pairs, ends, strict=True):
        name = toc[name_at : toc.index(b"\0", name_at)]
        if keep(name.decode("ascii").split("/", 1)[1]):
            items.append((name, toc[data_at:end]))
    names = b""
    name_offsets = []
    table = 4 + 8 * len(items)
    for name, _ in items:
        name_offsets.append(table + len(names))
        names += name + b"\0"
    data_start = -(-(table + len(names)) // 16) * 16
    body, data_offsets = b"", []
    for _, data in items:
        body += b"\0" * (-len(body) % 16)
        data_offsets.append(data_start + len(body))
        body += data
    out = struct.pack("<I", len(items))
    out += b"".join(struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets,
                                                              strict=True))  # fmt: skip
    out += names
    out += b"\0" * (data_start - len(out))
    return package[:header_size] + out + body, count, len(items)


def trim(original: Path, out: Path) -> dict:
    """Write the cut-down library to `out`; what was kept, in items and bytes."""
    symbol, package = exported_data(original)
    small, before, after = repack(package)
    soname = re.search(r"SONAME\)\s+Library soname: \[(.+)\]", subprocess.run(
        ["readelf", "-d", str(original)], capture_output=True, text=True, check=True
    ).stdout)[1]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        blob = Path(folder) / "data.bin"
        blob.write_bytes(small)
        source = Path(folder) / "data.S"
        source.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign 16\n{symbol}:\n\t.incbin "{blob}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n'
        )  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out),
                        str(source)], check=True)  # fmt: skip
    return {"items": before, "items_kept": after, "bytes": len(package),
            "bytes_kept": len(small)}  # fmt: skip


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))

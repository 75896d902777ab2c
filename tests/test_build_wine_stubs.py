"""The Wine smoke test's stand-ins (build/wine/*.c, compiled by build/wine_build.py into
its own prefix only): each builds with mingw-w64, warning-free, and exports what Qt and
pdfium look up by name."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("wine_build", ROOT / "build" / "wine_build.py")
assert _spec is not None and _spec.loader is not None
wine_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wine_build)

EXPORTS = {
    "icuuc.dll": {"ucnv_open", "ucnv_close", "ucnv_toUnicode", "ucnv_fromUnicode"},
    "bcryptprimitives.dll": {"ProcessPrng"},
    "dienchau_uisettings_stub.dll": {"DllGetActivationFactory", "DllCanUnloadNow"},
}


def exported(dll: Path) -> set[str]:
    dump = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(dll)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    table = dump.split("[Ordinal/Name Pointer] Table", 1)[1].split("\n\n", 1)[0]
    return {line.split("]", 1)[1].strip() for line in table.splitlines() if "]" in line}


@pytest.mark.parametrize("dll", sorted(wine_build.STUBS))
def test_stub_builds_and_exports_what_is_looked_up(dll: str, tmp_path: Path) -> None:
    source, libraries = wine_build.STUBS[dll]
    out = tmp_path / dll
    result = subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-Wall", "-Wextra", "-Werror", "-o",
         str(out), str(ROOT / "build" / "wine" / source), *libraries],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert EXPORTS[dll] <= exported(out)


def test_the_stubs_are_registered_in_the_prefix_only() -> None:
    """The UISettings class is registered in the Wine prefix's registry, nowhere else; no
    stub is in the spec's data or binaries."""
    assert wine_build.UISETTINGS_KEY.endswith(r"\Windows.UI.ViewManagement.UISettings")
    spec = (ROOT / "build" / "dienchau_desktop.spec").read_text(encoding="utf-8")
    assert "build/wine" not in spec and '"wine"' not in spec
    assert all(name not in spec for name in wine_build.STUBS)

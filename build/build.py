"""Build the packaged program for the platform this runs on, and zip it.

    uv run --locked --group package python build/build.py [--smoke] [--installer]

Steps: compile the translations (.ts → .qm), draw the icon from resources/icons/app.svg
(.ico on Windows, .png elsewhere), run PyInstaller on build/dienchau_desktop.spec with
its work and output folders under dist/<platform>/ (ignored by git, never under build/),
then zip the one-folder bundle. Prints the sizes. With --smoke, runs
build/smoke_test.py on the result; with --installer (Windows), builds the NSIS installer
from build/installer.nsi. The same script runs on Windows (CI), under Wine
(build/wine_build.py drives it), and on Linux.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "dienchau_desktop.spec"
NAME = "dienchau-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def platform_tag() -> str:
    if sys.platform == "win32":
        return "windows-x64"
    return f"{sys.platform}-{platform.machine()}"


def dist_dir(tag: str | None = None) -> Path:
    """Where a platform's build goes: dist/<platform>/ (the Linux and the Wine build of
    one checkout sit side by side)."""
    return ROOT / "dist" / (tag or platform_tag())


DIST = dist_dir()
WORK = DIST / "pyinstaller-work"


def compile_translations() -> list[Path]:
    """Every resources/translations/*.ts to its .qm, with PySide6's own lrelease."""
    compiled = []
    for ts_file in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run(
            [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
             "-silent", str(ts_file), "-qm", str(qm_file)],
            check=True,
        )  # fmt: skip
        compiled.append(qm_file)
    return compiled


def make_icon(out_dir: Path) -> Path:
    """The program's icon from its SVG: a multi-size .ico for Windows (Pillow writes the
    sizes; Qt draws them), a 256 px .png elsewhere."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = out_dir / "app.png"
    if not image.save(str(png)):
        raise RuntimeError(f"cannot write {png}")
    if sys.platform != "win32":
        return png
    from PIL import Image

    ico = out_dir / "app.ico"
    Image.open(png).save(ico, sizes=[(s, s) for s in ICON_SIZES])
    return ico


def run_pyinstaller(icon: Path) -> Path:
    env = {**os.environ, "DIENCHAU_ICON": str(icon)}
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
        check=True, env=env, cwd=ROOT,
    )  # fmt: skip
    return DIST / NAME


def zip_bundle(bundle: Path) -> Path:
    archive = DIST / f"{NAME}-{project_version()}-{platform_tag()}.zip"
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(bundle.rglob("*")):
            name = str(Path(NAME) / path.relative_to(bundle))
            if path.is_symlink():
                # PyInstaller links Linux libraries to one copy: keep them links.
                link = zipfile.ZipInfo(name)
                link.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(link, os.readlink(path))
            else:
                zf.write(path, name)
    return archive


def folder_mb(path: Path) -> float:
    """The folder's size on disk as a user sees it: each file once, links not followed."""
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def installer_command(makensis: str, bundle: Path, icon: Path, out: Path,
                      path=str) -> list[str]:  # fmt: skip
    """The makensis call that packs `bundle` into the installer `out`; `path` turns a
    path into what makensis reads (a Windows path when the bundle was built under Wine
    but makensis runs natively, and the other way round)."""
    return [makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={project_version()}",
            f"-DSOURCE={path(bundle)}", f"-DOUTFILE={path(out)}", f"-DICON={path(icon)}",
            path(ROOT / "build" / "installer.nsi")]  # fmt: skip


def installer_file(dist: Path) -> Path:
    return dist / f"{NAME}-{project_version()}-setup.exe"


def find_makensis() -> str:
    candidates = [
        shutil.which("makensis"),
        r"C:\Program Files (x86)\NSIS\makensis.exe",
        r"C:\Program Files\NSIS\makensis.exe",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("makensis (NSIS 3) is needed for --installer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the smoke test afterwards")
    parser.add_argument("--installer", action="store_true", help="build the NSIS installer")
    args = parser.parse_args()
    compile_translations()
    icon = make_icon(WORK / "icon")
    bundle = run_pyinstaller(icon)
    archive = zip_bundle(bundle)
    sizes = {
        "bundle": str(bundle),
        "bundle_mb": round(folder_mb(bundle), 1),
        "zip": str(archive),
        "zip_mb": round(archive.stat().st_size / 1e6, 1),
    }
    if args.installer:
        out = installer_file(DIST)
        subprocess.run(installer_command(find_makensis(), bundle, icon, out), check=True)
        sizes["installer"] = str(out)
        sizes["installer_mb"] = round(out.stat().st_size / 1e6, 1)
    print(json.dumps(sizes, ensure_ascii=False))
    if args.smoke:
        return subprocess.run(
            [sys.executable, str(ROOT / "build" / "smoke_test.py"), str(executable(bundle))],
            check=False,
        ).returncode
    return 0


if __name__ == "__main__":
    shutil.rmtree(WORK / "icon", ignore_errors=True)
    sys.exit(main())

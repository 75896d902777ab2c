"""The Vietnamese translation is complete and current, and is what the user sees."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from dienchau_desktop.ui.translations import translations_dir

ROOT = Path(__file__).resolve().parents[2]


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_no_vietnamese_entry_is_unfinished_or_empty() -> None:
    for ts_file in translations_dir().glob("*_vi.ts"):
        for (context, source), translation in messages(ts_file).items():
            where = f"{ts_file.name}: {context} «{source}»"
            assert translation.get("type") not in {"unfinished", "obsolete", "vanished"}, where
            forms = translation.findall("numerusform") or [translation]  # "%n trang"
            assert all((form.text or "").strip() for form in forms), where


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    sources = [str(ROOT / "dienchau_desktop" / "app.py")]
    sources += sorted(str(p) for p in (ROOT / "dienchau_desktop" / "ui").glob("*.py"))
    # The task fields' labels are marked in the registry (QT_TRANSLATE_NOOP, "TaskForm").
    sources.append(str(ROOT / "dienchau_desktop" / "core" / "task_fields.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(messages(fresh))
    catalogue = set(messages(translations_dir() / "dienchau_vi.ts"))
    assert in_code - catalogue == set(), "run pyside6-lupdate and translate the new strings"
    assert catalogue - in_code == set(), "strings no longer in the code: run lupdate -no-obsolete"


def test_the_running_program_speaks_vietnamese(qapp) -> None:
    from dienchau_desktop.app import application

    application()
    assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy bỏ"
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"

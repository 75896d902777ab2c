"""Installing the translations: ours and Qt's own, Vietnamese unless English is chosen.

The source strings are English; `resources/translations/dienchau_vi.ts` holds the
Vietnamese. Qt ships no Vietnamese for its own dialogs, so `qtbase_vi.ts` there
translates the standard buttons and text-field menus the program shows. The `.ts`
files are compiled to `.qm` by `pyside6-lrelease` (the build does it for the frozen
program; in a checkout it is done here when a `.qm` is missing or older than its `.ts`).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dienchau_desktop import paths

log = logging.getLogger(__name__)
CATALOGUES = ("dienchau", "qtbase")


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def lrelease_program() -> str | None:
    """PySide6's lrelease, beside the running Python (absent in the frozen program)."""
    beside = Path(sys.executable).parent / (
        "pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease"
    )
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compile_catalogue(ts_file: Path) -> Path:
    """The `.qm` of `ts_file`, compiled now if it is missing or stale."""
    qm_file = ts_file.with_suffix(".qm")
    if qm_file.exists() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime:
        return qm_file
    program = lrelease_program()
    if program is None:
        raise FileNotFoundError("pyside6-lrelease is needed to compile the translations")
    subprocess.run(
        [program, "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )
    return qm_file


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the catalogues for `language` into `app`; English needs none."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    for name in CATALOGUES:
        ts_file = translations_dir() / f"{name}_{language}.ts"
        qm_file = ts_file.with_suffix(".qm")
        try:
            if ts_file.exists():
                qm_file = compile_catalogue(ts_file)
        except (OSError, subprocess.CalledProcessError) as error:
            # A translation that cannot be compiled must not stop the program opening.
            log.warning("cannot compile %s: %s", ts_file, error)
        translator = QTranslator(app)
        if qm_file.exists() and translator.load(str(qm_file)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not loaded", qm_file)
    return installed

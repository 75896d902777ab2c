"""The program's own settings (language, window layout), kept apart from the data file.

One INI file in the data folder, so a portable copy carries its settings with it and
tests can point it at a temporary folder.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from dienchau_desktop import paths
from dienchau_desktop.db.backup import KEEP_DAILY, KEEP_MONTHLY

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


class AppSettings:
    """Typed access to the settings, with every default in one place."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            settings = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.qsettings = settings

    @property
    def language(self) -> str:
        value = str(self.qsettings.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.qsettings.setValue("ui/language", value)

    @property
    def backups_kept_daily(self) -> int:
        """How many days back one backup a day is kept (DESIGN: 10)."""
        return _bounded_int(self.qsettings.value("backup/keep_daily", KEEP_DAILY), 1, 365)

    @property
    def backups_kept_monthly(self) -> int:
        """How many months back one backup a month is kept."""
        return _bounded_int(self.qsettings.value("backup/keep_monthly", KEEP_MONTHLY), 0, 120)

    def set_backups_kept(self, daily: int, monthly: int) -> None:
        self.qsettings.setValue("backup/keep_daily", int(daily))
        self.qsettings.setValue("backup/keep_monthly", int(monthly))

    def layout(self, key: str) -> QByteArray | None:
        """Saved geometry or state of a window part ("window/geometry", "tree/header"…)."""
        value = self.qsettings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{key}", value)

    def sync(self) -> None:
        self.qsettings.sync()


def _bounded_int(value: object, low: int, high: int) -> int:
    """A setting read back from the INI file (text), kept within sane bounds."""
    try:
        number = int(str(value))
    except ValueError:
        return low
    return max(low, min(high, number))

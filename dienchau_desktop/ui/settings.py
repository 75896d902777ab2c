"""The program's own settings (language, window layout), kept apart from the data file.

One INI file in the data folder, so a portable copy carries its settings with it and
tests can point it at a temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from PySide6.QtCore import QByteArray, QSettings

from dienchau_desktop import paths
from dienchau_desktop.services.data_file import KEEP_DAILY, KEEP_MONTHLY
from dienchau_desktop.services.periods import PeriodInfo

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
#: The progress report's header and closing fields the export dialog remembers; one
#: never set is taken from the plan.
EXPORT_HEADER = ("parent_body", "issuing_body", "place", "addressee", "signer_authority",
                 "signer_title", "signer_name", "recipients")  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the export dialog was last set to; None where nothing was chosen yet."""

    report: str | None = None
    fmt: str | None = None
    unit: str | None = None
    columns: tuple[str, ...] | None = None
    folder: str | None = None


@dataclass(frozen=True, slots=True)
class WindowLayout:
    """How the main window was left: its geometry, its toolbar and dock state, the split
    between the tree and the form, the tree's columns and the form's own split, each as
    Qt saved it (None: never saved, Qt's defaults apply)."""

    geometry: QByteArray | None = None
    state: QByteArray | None = None
    splitter: QByteArray | None = None
    tree_header: QByteArray | None = None
    form_splitter: QByteArray | None = None


#: WindowLayout's parts, in its order, under "layout/" in the settings file.
_LAYOUT_KEYS = ("window/geometry", "window/state", "window/splitter", "tree/header",
                "form/splitter")  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReportDraft:
    """What belongs to one report, for one plan and period, written over several days:
    its number, its date (None: not set, today), and a copy of its free texts (parts I,
    III, IV, V and the recipients), which are kept in the data file (services.report_texts):
    the copy serves when the file could not be written, and holds the texts written
    before they were kept there. "" is "not written"."""

    number: str = ""
    report_date: date | None = None
    shortcomings: str = ""
    proposals: str = ""
    direction: str = ""
    next_text: str = ""
    recipients: str = ""


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

    def window_layout(self) -> WindowLayout:
        """The main window's layout as last saved (parts never saved are None)."""

        def saved(key: str) -> QByteArray | None:
            value = self.qsettings.value(f"layout/{key}")
            return value if isinstance(value, QByteArray) else None

        return WindowLayout(*(saved(key) for key in _LAYOUT_KEYS))

    def set_window_layout(self, layout: WindowLayout) -> None:
        for key, part in zip(_LAYOUT_KEYS, fields(layout), strict=True):
            value = getattr(layout, part.name)
            if value is not None:
                self.qsettings.setValue(f"layout/{key}", value)

    # The export dialog's last choices and the drafts of reports are the user's work,
    # kept in groups of their own ("export/", "drafts/"), apart from "layout/": forgetting
    # a window's layout must never lose a text she wrote.

    def export_choices(self) -> ExportChoices:
        def text(key: str) -> str | None:
            value = self.qsettings.value(f"export/{key}")
            return None if value is None else str(value)

        columns = text("columns")
        return ExportChoices(
            text("report"), text("format"), text("unit"),
            None if columns is None else tuple(c for c in columns.split(",") if c),
            text("folder") or None,
        )  # fmt: skip

    def set_export_choices(self, choices: ExportChoices) -> None:
        for key, value in (("report", choices.report), ("format", choices.fmt),
                           ("unit", choices.unit), ("folder", choices.folder)):  # fmt: skip
            if value is not None:
                self.qsettings.setValue(f"export/{key}", value)
        if choices.columns is not None:
            self.qsettings.setValue("export/columns", ",".join(choices.columns))

    def export_header(self) -> dict[str, str]:
        """The header and closing fields last used (only those ever set; see EXPORT_HEADER)."""
        found = {}
        for key in EXPORT_HEADER:
            value = self.qsettings.value(f"export/{key}")
            if value is not None:
                found[key] = str(value)
        return found

    def set_export_header(self, values: dict[str, str]) -> None:
        for key in EXPORT_HEADER:
            if key in values:
                self.qsettings.setValue(f"export/{key}", values[key])

    def export_period(self, plan_id: int) -> int | None:
        """The period last chosen for `plan_id`'s reports (periods belong to one plan)."""
        value = self.qsettings.value(f"export/period/{plan_id}")
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def set_export_period(self, plan_id: int, period_id: int | None) -> None:
        if period_id is not None:
            self.qsettings.setValue(f"export/period/{plan_id}", int(period_id))

    @staticmethod
    def _draft_group(plan_id: int, period: PeriodInfo) -> str:
        # By what the period is, not its id: SQLite gives a deleted period's id to the
        # next one made, which must not inherit a report it never had.
        return f"drafts/{plan_id}-{period.kind.value}-{period.cutoff.isoformat()}"

    def report_draft(self, plan_id: int, period: PeriodInfo) -> ReportDraft:
        group = self._draft_group(plan_id, period)
        # Texts written before drafts had a group of their own.
        older = f"export/texts/{plan_id}-{period.id}"

        def text(key: str) -> str:
            value = self.qsettings.value(f"{group}/{key}")
            if value is None:
                value = self.qsettings.value(f"{older}/{key}", "")
            return str(value)

        try:
            day = date.fromisoformat(text("date")) if text("date") else None
        except ValueError:
            day = None
        return ReportDraft(text("number"), day, text("shortcomings"), text("proposals"),
                           text("direction"), text("next_text"), text("recipients"))  # fmt: skip

    def set_report_draft(self, plan_id: int, period: PeriodInfo, draft: ReportDraft) -> None:
        group = self._draft_group(plan_id, period)
        self.qsettings.setValue(f"{group}/number", draft.number)
        self.qsettings.setValue(
            f"{group}/date", draft.report_date.isoformat() if draft.report_date else ""
        )
        self.qsettings.setValue(f"{group}/shortcomings", draft.shortcomings)
        self.qsettings.setValue(f"{group}/proposals", draft.proposals)
        self.qsettings.setValue(f"{group}/direction", draft.direction)
        self.qsettings.setValue(f"{group}/next_text", draft.next_text)
        self.qsettings.setValue(f"{group}/recipients", draft.recipients)

    @property
    def reminders_closed_on(self) -> date | None:
        """The day the reminders' list was last closed: it does not open by itself
        again that day (ui.reminders)."""
        try:
            return date.fromisoformat(str(self.qsettings.value("reminders/closed_on", "")))
        except ValueError:
            return None

    @reminders_closed_on.setter
    def reminders_closed_on(self, day: date) -> None:
        self.qsettings.setValue("reminders/closed_on", day.isoformat())

    def sync(self) -> None:
        self.qsettings.sync()


def _bounded_int(value: object, low: int, high: int) -> int:
    """A setting read back from the INI file (text), kept within sane bounds."""
    try:
        number = int(str(value))
    except ValueError:
        return low
    return max(low, min(high, number))

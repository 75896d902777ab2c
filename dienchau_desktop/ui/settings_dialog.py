"""Program settings: the language of the window (Vietnamese by default, or English)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.ui.settings import AppSettings
from dienchau_desktop.ui.wheel_guard import GuardedComboBox, GuardedSpinBox
from dienchau_desktop.ui.widgets import ok_cancel


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = GuardedComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.keep_daily = GuardedSpinBox()
        self.keep_daily.setRange(1, 365)
        self.keep_daily.setValue(settings.backups_kept_daily)
        self.keep_daily.setSuffix(self.tr(" days"))
        self.keep_monthly = GuardedSpinBox()
        self.keep_monthly.setRange(0, 120)
        self.keep_monthly.setValue(settings.backups_kept_monthly)
        self.keep_monthly.setSuffix(self.tr(" months"))
        note = QLabel(self.tr("A new language is used the next time the program starts."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Keep one backup a day for"), self.keep_daily)
        form.addRow(self.tr("and one a month for"), self.keep_monthly)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.language = self.language.currentData()
        self.settings.set_backups_kept(self.keep_daily.value(), self.keep_monthly.value())
        self.settings.sync()
        super().accept()

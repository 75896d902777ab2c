"""Trợ giúp → Hướng dẫn sử dụng (F1): the user guide that ships with the program.

The guide is plain HTML in the resources folder (`resources/help/huong-dan.html`), so it
works offline and can be opened in a web browser too. It is shown in a QTextBrowser with
its contents beside it: a click on a heading there, or on a link inside the guide, moves
to that section; the heading of the section being read stays marked as one scrolls.
A box above finds words in the guide. One window per main window: F1 again raises it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop import paths
from dienchau_desktop.ui.widgets import ERROR_STYLE

#: The guide, inside the resources folder (packaged by build/dienchau_desktop.spec).
GUIDE_PARTS = ("help", "huong-dan.html")
#: The in-text table of contents: a heading the side list does not repeat.
CONTENTS_ANCHOR = "muc-luc"
#: Sized to sit on a 1366×768 screen (taskbar included) with the main window behind it.
PREFERRED_SIZE = (1040, 660)
MARGIN = 40


def guide_file() -> Path:
    return paths.resources_dir().joinpath(*GUIDE_PARTS)


@dataclass(frozen=True)
class Section:
    """A second-level heading of the guide: its text, its anchor and where it starts."""

    title: str
    anchor: str
    position: int  # of its block in the document


def sections(document: QTextDocument) -> list[Section]:
    """The guide's sections, from the headings that carry an anchor (`<h2 id=…>`)."""
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            anchors = [
                name
                for fragment in _fragments(block)
                for name in fragment.charFormat().anchorNames()
            ]
            if anchors and anchors[0] != CONTENTS_ANCHOR:
                found.append(Section(block.text().strip(), anchors[0], block.position()))
        block = block.next()
    return found


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            yield fragment
        it += 1


class HelpDialog(QDialog):
    """The user guide beside its table of contents, with a find box."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        # A window she reads beside her work: resizable, maximizable, never modal.
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.path = path or guide_file()

        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.contents = QListWidget()
        self.contents.setWordWrap(True)
        self.contents.setSpacing(3)
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.itemClicked.connect(self._section_chosen)
        self.contents.itemActivated.connect(self._section_chosen)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("Find in the guide… (Enter: next)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textChanged.connect(lambda _t: self.not_found.hide())
        self.not_found = QLabel(self.tr("Not found"))
        self.not_found.setStyleSheet(ERROR_STYLE)
        self.not_found.hide()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        contents_label = QLabel(self.tr("Contents"))
        contents_label.setBuddy(self.contents)
        side_layout.addWidget(contents_label)
        side_layout.addWidget(self.contents)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, PREFERRED_SIZE[0] - 290])
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_box, 1)
        find_row.addWidget(self.not_found)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.sections: list[Section] = []
        self._load()
        self.browser.verticalScrollBar().valueChanged.connect(lambda _v: self._mark_section())
        self._fit_screen()

    # ------------------------------------------------------------------ content

    def _load(self) -> None:
        if not self.path.is_file():
            self.browser.setPlainText(
                self.tr("The user guide is missing: %1").replace("%1", str(self.path))
            )
            return
        # As a source (not setHtml): links inside it resolve against its folder.
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        self.sections = sections(self.browser.document())
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.anchor)
            self.contents.addItem(item)

    def _fit_screen(self) -> None:
        width, height = PREFERRED_SIZE
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - MARGIN)
            height = min(height, room.height() - MARGIN)
        self.resize(width, height)

    # ------------------------------------------------------------------ moving

    def go_to(self, anchor: str) -> None:
        """Show the section `anchor` at the top of the page."""
        self.browser.scrollToAnchor(anchor)
        self._mark_section()

    def _section_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(str(item.data(Qt.ItemDataRole.UserRole)))

    def current_section(self) -> Section | None:
        """The section whose heading is at, or last above, the top of the page."""
        layout = self.browser.document().documentLayout()
        top = self.browser.verticalScrollBar().value() + 4
        current = None
        for section in self.sections:
            block = self.browser.document().findBlock(section.position)
            if layout.blockBoundingRect(block).top() > top:
                break
            current = section
        return current

    def _mark_section(self) -> None:
        section = self.current_section()
        row = self.sections.index(section) if section is not None else -1
        with QSignalBlocker(self.contents):
            self.contents.setCurrentRow(row)

    def find_next(self) -> bool:
        """Select the next place the find box's words appear, from the top again at the
        end; False (and "not found" shown) when they appear nowhere."""
        text = self.find_box.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.browser.find(text)
        self.not_found.setVisible(not found)
        return found


def show_help(parent: QWidget) -> HelpDialog:
    """Show the guide beside `parent`: the window already open, or a new one."""
    dialog = parent.findChild(HelpDialog, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if dialog is None:
        dialog = HelpDialog(parent)
    elif dialog.isVisible():
        dialog.raise_()  # open behind the main window: brought to the front
    dialog.show()
    dialog.activateWindow()
    return dialog

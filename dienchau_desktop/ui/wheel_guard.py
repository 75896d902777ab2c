"""The mouse wheel scrolls the form; it never changes a field the user is not in.

Qt lets a combo box or spin box take the wheel as soon as the pointer is over it, so
scrolling down a form changed a task's lead unit and its progress status. The program's
value fields are therefore made from the classes here, not from QComboBox and QSpinBox:
such a field gets the wheel only once she has put the focus in it (a click, Tab, a
shortcut; not a dialog's first field focused as it opens); otherwise it
ignores the wheel and Qt passes it on to the parent widgets, so the scroll area around
it scrolls. They also take focus by click or Tab only (Qt.StrongFocus): Qt's default,
Qt.WheelFocus, would let the first notch give the field focus and the next change it.

The rule lives in the fields themselves, not in an event filter on the application: a
Python filter there sees every event of the program (about 200 for each edit, 1-2 ms of
each selection, add, delete and undo). The price is that a field made elsewhere keeps
Qt's behaviour: Qt's own dialogs (QInputDialog.getItem, for a unit's or a plan's name,
and QFileDialog) take the wheel over their combo boxes as Qt does; they hold no form to
scroll. tests/ui/test_every_action.py checks that every dialog of the program uses
these classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

# For the type checker the rule below is a widget's; at run time a plain mixin, put
# before the Qt class it guards.
_Widget = QWidget if TYPE_CHECKING else object


#: How a field may have been given focus by her: a click, Tab or Shift+Tab, or a
#: shortcut (a label's Alt+letter). A dialog giving its first field the focus as it
#: opens (Qt's "other" or window reasons) does not count.
_HER_FOCUS = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
#: The focus coming back after a moment away, which keeps what she chose: from the
#: field's own drop-down list, a menu, another window.
_FOCUS_BACK = (
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.MenuBarFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
)


class _WheelWithFocusOnly(_Widget):
    """The rule: focus by click or Tab, and the wheel only once she has put the focus
    in the field herself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._chosen = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        # A field given focus by the program (a dialog's first field) is not chosen;
        # one she chose keeps the wheel when the focus comes back to it.
        if event.reason() in _HER_FOCUS:
            self._chosen = True
        elif event.reason() not in _FOCUS_BACK:
            self._chosen = False
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._chosen = True  # a click in it, even while it already has the focus
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._chosen = True  # she is typing in it
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not (self.hasFocus() and self._chosen):
            event.ignore()  # on to the parent: the scroll area scrolls
            return
        super().wheelEvent(event)


class GuardedComboBox(_WheelWithFocusOnly, QComboBox):
    """A combo box that takes the wheel only when it has focus."""


class GuardedSpinBox(_WheelWithFocusOnly, QSpinBox):
    """A spin box that takes the wheel only when it has focus."""


#: The guarded value-field classes (for the tests that every field is one of them).
GUARDED = (GuardedComboBox, GuardedSpinBox)

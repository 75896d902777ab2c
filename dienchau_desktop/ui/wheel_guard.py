"""The mouse wheel scrolls the form; it never changes a field the user is not in.

Qt lets a combo box, spin box or date field take the wheel as soon as the pointer is
over it, so scrolling down a form changed a task's lead unit and its progress status.
One filter on the application covers every such field, in every window and dialog,
including those made later: the field gets the wheel only once it has focus (a click
or Tab), otherwise the wheel goes on to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

#: Fields whose value the wheel steps through.
_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Application-wide event filter: no wheel for an unfocused value field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, _GUARDED) and not watched.hasFocus():
                # Ignored and filtered: Qt passes the wheel on to the parent widgets,
                # so the scroll area around the field scrolls.
                event.ignore()
                return True
        elif kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # By default the wheel also gives these fields focus (Qt.WheelFocus), which
            # would let the next notch change them: focus by click or Tab only.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_wheel_guard(app: QApplication) -> None:
    guard = WheelGuard(app)
    app.installEventFilter(guard)

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
    """Guard every value field from now on (once per application).

    Installed once the first window is painted: no wheel can reach a field before,
    and a Python filter on the application sees every event (about 7,000 while the
    window opens). Fields made before then get their focus policy here.
    """
    if app.property("dienchau-wheel-guard"):
        return
    for widget in app.allWidgets():
        if isinstance(widget, _GUARDED):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    app.installEventFilter(WheelGuard(app))
    app.setProperty("dienchau-wheel-guard", True)

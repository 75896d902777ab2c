"""How a cell of the plan tree is painted: as Qt's own delegate paints it, without
laying its text out again on every paint.

After a row is added, deleted or moved, QTreeView repaints every visible cell (about
210 at 1366x768). Qt's delegate asks the model for seven roles per cell and the style
lays out and elides the cell's text with a QTextLayout each time: most of the repaint.
Here the style still draws the background (urgency colour, selection), the icon and
the focus frame, so the look follows the system's style; the text is drawn from a
QStaticText laid out and elided once per (text, font, width) and kept.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QStaticText,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)

_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_OPEN = QStyle.StateFlag.State_Open.value
#: What the style draws for a cell besides its text and colours: selection, focus, hover.
_STYLED = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
).value
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ITEM = QStyle.ControlElement.CE_ItemViewItem

#: Laid-out texts kept at most (about 2.3 KB each): some twenty screens of cells;
#: beyond, the store starts again and the cells on screen are laid out anew once.
_MOST_TEXTS = 4_000


class PlanTreeDelegate(QStyledItemDelegate):
    """Paints a plan tree cell; editing (F2, a title typed in place) is Qt's own.

    Each paint reads Qt's enums and objects as little as it can: in PySide each one
    read is a Python object made, and the view paints a few hundred cells at a time.
    What it works out is kept, keyed by what it depends on; the view calls `forget`
    when its font, palette or style changes."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        #: (text, font key, width, height, alignment) -> the laid-out text and where it
        #: goes in the text's rectangle. Keyed by everything it depends on, so a changed
        #: row or a resized column finds a new entry rather than a stale one.
        self._texts: dict[tuple[str, str, int, int, int], tuple[QStaticText, int, int]] = {}
        #: (cell width, height, icon width, alignment, font key) -> the text's rectangle
        #: inside the cell (x, y, width, height), as the style lays the cell out.
        self._text_rects: dict[tuple[int, int, int, int, str], tuple[int, int, int, int]] = {}
        #: id of the model's font -> (that font, kept so the id stays its own; the font
        #: resolved against the view's; its key).
        self._fonts: dict[int, tuple[QFont | None, QFont, str]] = {}
        #: (selected, colour group) -> the text's colour.
        self._pens: dict[tuple[bool, QPalette.ColorGroup], QColor] = {}
        #: (id of the icon, mode, open) -> (the icon, its size as drawn).
        self._icons: dict[tuple[int, QIcon.Mode, bool], tuple[QIcon, QSize]] = {}
        #: The alignments the model gives (ints) as Qt's flags.
        self._alignments: dict[int, Qt.AlignmentFlag] = {}
        #: The view's features for the cell (alternate row or not) with the text's.
        self._features: dict[object, object] = {}

    def forget(self) -> None:
        """Drop what was worked out: the view's font, palette or style changed."""
        self._texts.clear()
        self._text_rects.clear()
        self._fonts.clear()
        self._pens.clear()
        self._icons.clear()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        data = index.model().data
        text = data(index, _DISPLAY)
        font_role = data(index, _FONT)
        background = data(index, _BACKGROUND)
        icon = data(index, _DECORATION)
        alignment = data(index, _ALIGNMENT)

        font_entry = self._fonts.get(id(font_role))
        if font_entry is None or font_entry[0] is not font_role:
            font_entry = self._fonts[id(font_role)] = _resolved(font_role, option.font)
        font, font_key = font_entry[1], font_entry[2]

        if alignment is not None:
            flag = self._alignments.get(alignment)
            if flag is None:
                flag = self._alignments[alignment] = Qt.AlignmentFlag(alignment)
            align = alignment
        else:
            flag = None
            align = -1  # the view's, the same for every cell
        state = option.state.value
        icon_width = 0
        opt = None
        # A cell without a colour, an icon, selection, focus or the mouse over it gives
        # the style nothing to draw: most cells, and the option is not even copied.
        if background is not None or icon is not None or state & _STYLED:
            opt = self._option(option, font, flag)
            if background is not None:
                opt.backgroundBrush = background
            if icon is not None:
                icon_width = self._put_icon(opt, icon, state)
            # The style draws all but the text: background, selection, icon, focus frame.
            widget = option.widget
            style = widget.style() if widget is not None else QApplication.style()
            style.drawControl(_ITEM, opt, painter, widget)
        if not text:
            return

        rect = option.rect
        x, y, width, height = rect.x(), rect.y(), rect.width(), rect.height()
        place = (width, height, icon_width, align, font_key)
        inner = self._text_rects.get(place)
        if inner is None:
            if opt is None:
                opt = self._option(option, font, flag)
            inner = self._text_rects[place] = _text_rect(opt)
        inner_x, inner_y, inner_width, inner_height = inner
        key = (text, font_key, inner_width, inner_height, align)
        laid = self._texts.get(key)
        if laid is None:
            if len(self._texts) >= _MOST_TEXTS:
                self._texts.clear()
            if opt is None:
                opt = self._option(option, font, flag)
            laid = self._texts[key] = _lay_out(text, font, inner_width, inner_height, opt)

        selected = bool(state & _SELECTED)
        group = (
            QPalette.ColorGroup.Disabled
            if not state & _ENABLED
            else QPalette.ColorGroup.Normal
            if state & _ACTIVE
            else QPalette.ColorGroup.Inactive
        )
        colour = self._pens.get((selected, group))
        if colour is None:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            colour = self._pens[(selected, group)] = option.palette.color(group, role)
        static, at_x, at_y = laid
        painter.save()
        painter.setClipRect(rect)  # as the style does: marks stacked on capitals (Ệ) stay in
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawStaticText(x + inner_x + at_x, y + inner_y + at_y, static)
        painter.restore()

    def _option(
        self, option: QStyleOptionViewItem, font: QFont, flag: Qt.AlignmentFlag | None
    ) -> QStyleOptionViewItem:
        """The view's option for this cell as Qt's delegate fills it, but for the text
        (drawn here) and the background and icon (`paint` puts them in)."""
        opt = QStyleOptionViewItem(option)
        opt.font = font
        if flag is not None:
            opt.displayAlignment = flag
        features = opt.features
        with_display = self._features.get(features)
        if with_display is None:
            with_display = self._features[features] = features | _HAS_DISPLAY
        opt.features = with_display
        return opt

    def _put_icon(self, opt: QStyleOptionViewItem, icon: QIcon, state: int) -> int:
        """The icon into the option at the size Qt's delegate gives it; its width."""
        mode = (
            QIcon.Mode.Disabled
            if not state & _ENABLED
            else QIcon.Mode.Selected
            if state & _SELECTED
            else QIcon.Mode.Normal
        )
        icon_key = (id(icon), mode, bool(state & _OPEN))
        icon_entry = self._icons.get(icon_key)
        if icon_entry is None or icon_entry[0] is not icon:
            icon_entry = self._icons[icon_key] = (icon, _icon_size(icon, opt, icon_key))
        size = icon_entry[1]
        if not size.isValid():
            return 0
        opt.icon = icon
        opt.decorationSize = size
        opt.features = opt.features | _HAS_DECORATION
        return size.width()


def _resolved(font_role: QFont | None, view_font: QFont) -> tuple[QFont | None, QFont, str]:
    """The cell's font as Qt's delegate makes it: the model's over the view's."""
    # Copies: the option's font lives only as long as this paint.
    font = QFont(view_font) if font_role is None else QFont(font_role).resolve(view_font)
    return font_role, font, font.key()


def _icon_size(icon: QIcon, option: QStyleOptionViewItem, key: tuple) -> QSize:
    """The icon's size as Qt's delegate asks for it (invalid: no icon to draw)."""
    if icon.isNull():
        return QSize()
    _id, mode, is_open = key
    return icon.actualSize(
        option.decorationSize, mode, QIcon.State.On if is_open else QIcon.State.Off
    )


def _text_rect(opt: QStyleOptionViewItem) -> tuple[int, int, int, int]:
    """Where the style puts the cell's text, relative to the cell, less the margin the
    style keeps on each side of it."""
    style = opt.widget.style() if opt.widget is not None else QApplication.style()
    probe = QStyleOptionViewItem(opt)
    probe.text = "x"
    probe.fontMetrics = QFontMetrics(opt.font)
    area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, opt.widget)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
    cell = opt.rect
    return (
        area.x() + margin - cell.x(),
        area.y() - cell.y(),
        area.width() - 2 * margin,
        area.height(),
    )


def _lay_out(
    text: str, font: QFont, width: int, height: int, opt: QStyleOptionViewItem
) -> tuple[QStaticText, int, int]:
    """The text on one line, elided with "…" if it is wider than the rectangle, and
    where it sits in it (the cell's alignment), as the style would place it."""
    # Laid out as the style lays it out (QCommonStyle's viewItemDrawText): one line as
    # wide as the rectangle, the text aligned in it, or elided and drawn from its left.
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    option.setTextDirection(opt.direction)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    layout.endLayout()
    if line.naturalTextWidth() > width:
        text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
    else:
        option.setAlignment(QStyle.visualAlignment(opt.direction, opt.displayAlignment))
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextOption(option)
    static.setTextWidth(width)
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    static.prepare(font=font)
    box = QSize(width, int(line.height()))
    placed = QStyle.alignedRect(
        opt.direction, opt.displayAlignment, box, QRect(0, 0, width, height)
    )
    return static, placed.x(), placed.y()

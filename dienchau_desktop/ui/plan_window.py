"""The main window: the plan's tree (number, title, lead unit, deadline).

It shows a snapshot from the services (`PlanTree` dataclasses), never ORM objects.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dienchau_desktop.services.items import ItemNode, PlanTree
from dienchau_desktop.services.plans import PlanHeader


class PlanWindow(QMainWindow):
    """Shows one plan as a tree of its sections, tasks and paragraphs."""

    COLUMNS = ("number", "title", "lead", "deadline")

    def __init__(self, data_file: str, header: PlanHeader | None, tree: PlanTree | None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Theo dõi kế hoạch — %1").replace("%1", data_file))
        self.resize(1280, 720)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels(
            [self.tr("Số"), self.tr("Nội dung"), self.tr("Chủ trì"), self.tr("Thời hạn")]
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header_view = self.tree.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(2, 220)
        self.tree.setColumnWidth(3, 150)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tree)
        self.setCentralWidget(body)
        self.show_plan(header, tree)

    def show_plan(self, header: PlanHeader | None, tree: PlanTree | None) -> None:
        self.tree.clear()
        if header is None or tree is None:
            self.title_label.setText(self.tr("Tệp dữ liệu chưa có kế hoạch nào."))
            return
        self.title_label.setText(f"{header.doc_type} số {header.reference}: {header.title}")
        widgets: dict[int, QTreeWidgetItem] = {}
        for node in tree.nodes:
            parent = widgets.get(node.parent_id) if node.parent_id else None
            item = QTreeWidgetItem(
                [node.number, node.title, node.lead_unit_name, node.deadline_text]
            )
            item.setToolTip(1, node.title)
            item.setData(0, Qt.ItemDataRole.UserRole, node.id)
            _style(item, node)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            widgets[node.id] = item
        self.tree.expandAll()
        self.statusBar().showMessage(
            self.tr("%1 mục, %2 nhiệm vụ")
            .replace("%1", str(len(tree.sections())))
            .replace("%2", str(len(tree.tasks())))
        )


def _style(item: QTreeWidgetItem, node: ItemNode) -> None:
    if node.kind == "section":
        font = item.font(1)
        font.setBold(True)
        for column in range(4):
            item.setFont(column, font)
    elif node.kind == "text":
        font = item.font(1)
        font.setItalic(True)
        item.setFont(1, font)

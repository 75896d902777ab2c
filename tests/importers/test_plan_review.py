"""A plan document edited before it is added: kinds, lead units and deadlines of several
items at once, items dropped; what is added is what the review shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.db.database import Database
from dienchau_desktop.importers import plan_review
from dienchau_desktop.importers.plan_document import NotAPlanError
from dienchau_desktop.services import items, plans, units
from tests.importers import plan_docs

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "ke-hoach-dien-chau-2026.txt"


def flat(rows: list[dict[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    out = []
    for row in rows:
        out.append((row["number"], row["kind"], row["title"], row.get("lead_unit", ""),
                    row.get("deadline", "")))  # fmt: skip
        out.extend(flat(row.get("children", [])))
    return out


def stored(db: Database, plan_id: int) -> list[tuple[str, str, str, str, str]]:
    return [(n.number, n.kind, n.title, n.lead_unit_name or "", n.deadline_text or "")
            for n in items.plan_tree(db, plan_id).nodes]  # fmt: skip


def path_of(review: plan_review.Review, title: str) -> tuple[int, ...]:
    def walk(nodes: list[dict[str, Any]], at: tuple[int, ...]) -> tuple[int, ...] | None:
        for index, node in enumerate(nodes):
            if node["title"].startswith(title):
                return (*at, index)
            found = walk(node.get("children", []), (*at, index))
            if found:
                return found
        return None

    found = walk(review.document["items"], ())
    assert found is not None, title
    return found


def test_the_review_shows_what_the_import_would_add(db: Database) -> None:
    review = plan_review.read_for_review(db, SEED)
    assert review.title.startswith("Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh")
    assert review.reference == "KẾ HOẠCH · Số: …/KH-UBND · Diễn Châu, ngày tháng 01 năm 2026"
    rows = flat(review.rows())
    assert sum(r[1] == "task" for r in rows) == review.summary.tasks == 36
    assert rows[0][:3] == ("I.", "section", "MỤC ĐÍCH, YÊU CẦU")
    assert plans.list_plans(db) == []  # reading adds nothing
    plan_id = plan_review.add(db, review)
    assert stored(db, plan_id) == rows


def test_kinds_leads_and_deadlines_of_several_items(db: Database, tmp_path: Path) -> None:
    plan_docs.department_plan(tmp_path / "so.docx")
    review = plan_review.read_for_review(db, tmp_path / "so.docx")
    document = review.document
    first = path_of(review, "Rà soát văn bản")
    second = path_of(review, "Kiểm tra việc thực hiện")
    group = path_of(review, "CẢI CÁCH THỂ CHẾ")
    # A group holding tasks cannot become a paragraph; nothing changes.
    with pytest.raises(ValidationError, match="Mục có mục con không thể đổi thành đoạn văn"):
        plan_review.set_kind(document, [first, group], "text")
    assert plan_review.item_at(document["items"], first)["kind"] == "task"

    assert plan_review.set_lead(document, [first, second], "Văn phòng Sở") == 2
    assert plan_review.set_deadline(document, [first, second], "Quý III/2026") == 2
    with pytest.raises(ValidationError, match="Quý V/2026"):
        plan_review.set_deadline(document, [first], "Quý V/2026")
    task = plan_review.item_at(document["items"], first)
    assert (task["lead_unit"], task["deadline"]) == ("Văn phòng Sở", "Quý III/2026")
    # The lead is not also a coordinator; a unit no item names any more is not created.
    plan_review.set_lead(document, [first], "Các phòng thuộc Sở")
    assert "coordinators" not in plan_review.item_at(document["items"], first)
    assert "Phòng Pháp chế" not in [u["name"] for u in document["units"]]

    # A task made a paragraph keeps only its text; a section made a task keeps its children.
    assert plan_review.set_kind(document, [second], "text") == 1
    paragraph = plan_review.item_at(document["items"], second)
    assert paragraph == {"kind": "text", "title": "Kiểm tra việc thực hiện văn bản sau ban hành"}
    with pytest.raises(ValidationError):
        plan_review.set_lead(document, [second], "Văn phòng Sở")  # a paragraph has no lead
    plan_review.set_kind(document, [group], "task")

    plan_id = plan_review.add(db, review)
    rows = stored(db, plan_id)
    assert rows == flat(review.rows())
    assert ("a)", "task", "Rà soát văn bản quy phạm pháp luật do Sở tham mưu",
            "Các phòng thuộc Sở", "Quý III/2026") in rows  # fmt: skip
    assert ("", "text", "Kiểm tra việc thực hiện văn bản sau ban hành", "", "") in rows
    assert ("1.", "task", "CẢI CÁCH THỂ CHẾ", "", "") in rows
    assert "Phòng Pháp chế" not in [u.name for u in units.list_units(db)]


def test_dropped_items_go_with_what_they_hold(db: Database) -> None:
    review = plan_review.read_for_review(db, SEED)
    document = review.document
    part = path_of(review, "MỤC ĐÍCH, YÊU CẦU")
    inside = path_of(review, "Mục đích")
    task = path_of(review, "Tổ chức quán triệt")
    before = len(flat(review.rows()))
    # The part with its 2 items and their 7 paragraphs, the item inside it counted once,
    # and one task.
    assert plan_review.drop(document, [inside, task, part]) == 11
    rows = flat(review.rows())
    assert len(rows) == before - 11
    assert rows[0][:3] == ("I.", "section", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    # The next task is numbered a) in its place.
    assert rows[2][:2] == ("a)", "task")
    assert rows[2][2].startswith("Xác định rõ trách nhiệm của người đứng đầu")
    plan_id = plan_review.add(db, review)
    assert stored(db, plan_id) == rows


def test_nothing_left_is_not_added(db: Database) -> None:
    review = plan_review.read_for_review(db, SEED)
    plan_review.drop(review.document, [(i,) for i in range(len(review.document["items"]))])
    with pytest.raises(ValidationError, match="không còn mục nào"):
        plan_review.add(db, review)
    assert plans.list_plans(db) == []


def test_a_notice_is_read_as_a_plan_only_when_asked(db: Database, tmp_path: Path) -> None:
    document = plan_docs.notice(tmp_path / "thong-bao.docx")
    with pytest.raises(NotAPlanError, match="THÔNG BÁO"):
        plan_review.read_for_review(db, document)
    review = plan_review.read_for_review(db, document, as_plan=True)
    assert review.reference.startswith("THÔNG BÁO · Số: 20/TB-VP · Nghệ An, ngày 15 tháng 01")
    assert [r[1] for r in flat(review.rows())].count("task") == 2
    assert plans.list_plans(db) == []


def test_what_is_added_is_what_was_reviewed(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document is read once for the review; adding uses that reading, so a file
    replaced on disk between the review and «Thêm kế hoạch» does not change what is
    added (nor does a file gone)."""
    from dienchau_desktop.importers import plan_document

    reads: list[Path] = []
    read_document = plan_document.read_document

    def counted(path: Path) -> Any:
        reads.append(path)
        return read_document(path)

    monkeypatch.setattr(plan_document, "read_document", counted)
    path = tmp_path / "so.docx"
    plan_docs.department_plan(path)
    review = plan_review.read_for_review(db, path)
    assert reads == [path]
    rows = flat(review.rows())
    plan_docs.notice(path)  # another document under the same name
    plan_id = plan_review.add(db, review)
    assert stored(db, plan_id) == rows
    path.unlink()
    assert stored(db, plan_review.add(db, review)) == rows
    assert reads == [path]

"""Loading plan documents: a bad file is refused with its place named; nothing changes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dienchau_desktop import paths
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import audit, items, plans, units
from dienchau_desktop.services.plan_file import _ItemRows, load_plan_document, load_plan_file

BATCH = _ItemRows.BATCH  # rows written to the file at a time

SAMPLE = json.loads(paths.sample_plan_file().read_text(encoding="utf-8"))


def broken(change) -> dict:
    document = copy.deepcopy(SAMPLE)
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (
            lambda d: d["items"][1]["children"][2]["children"][0].update(deadline="31/02/2026"),
            "items[1].children[2].children[0].deadline",
        ),
        (lambda d: d["items"][0].update(title=""), "items[0].title"),
        (
            lambda d: d["items"][2]["children"][0].update(kind="chapter"),
            "items[2].children[0].kind",
        ),
        (lambda d: d["items"][2]["children"][0].update(colour="red"), "items[2].children[0]"),
        (lambda d: d["items"][0].update(children="none"), "items[0].children"),
        (lambda d: d["items"].append("a string"), "items[3]"),
        (lambda d: d["periods"][0].update(cutoff="14/06/2026"), "periods[0].cutoff"),
        (lambda d: d["plan"].update(year="năm nay"), "plan.year"),
        (lambda d: d["units"].append({"name": ""}), "units[7].name"),
    ],
)
def test_bad_documents_name_the_place_and_store_nothing(db: Database, change, place: str) -> None:
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, broken(change), source="ke-hoach.json")
    assert f"(ở {place}):" in info.value.message
    assert "ke-hoach.json" in info.value.message
    assert plans.list_plans(db) == []
    assert units.list_units(db) == []


def test_not_our_format_or_a_newer_one(db: Database, tmp_path: Path) -> None:
    with pytest.raises(BadInputFileError):
        load_plan_document(db, {"hello": 1})
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, {**SAMPLE, "version": 2})
    assert "phiên bản" in info.value.message
    garbage = tmp_path / "x.json"
    garbage.write_bytes(b"\xff\xfe{not json")
    with pytest.raises(BadInputFileError) as info:
        load_plan_file(db, garbage)
    assert "x.json" in info.value.message
    assert plans.list_plans(db) == []


def test_hostile_depth_is_refused(db: Database) -> None:
    node: dict = {"kind": "section", "title": "đáy"}
    for depth in range(200):
        node = {"kind": "section", "title": f"cấp {depth}", "children": [node]}
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, {**SAMPLE, "items": [node]})
    assert "sâu quá" in info.value.message
    assert plans.list_plans(db) == []


def test_loading_twice_shares_the_units(db: Database) -> None:
    load_plan_document(db, SAMPLE)
    load_plan_document(db, SAMPLE)
    assert len(plans.list_plans(db)) == 2
    assert len(units.list_units(db)) == 7


def _long_plan(tasks: int, bad_at: int | None = None) -> dict:
    """The sample's header and units with one section of `tasks` tasks (more than one
    batch of plan_file's writer); the task at `bad_at` has an impossible deadline."""
    children = [
        {"kind": "task", "title": f"Nhiệm vụ số {n} — rà soát hồ sơ", "lead_unit": "UBND xã Diễn Châu",
         "deadline": "31/02/2026" if n == bad_at else "Tháng 6/2026"}
        for n in range(tasks)
    ]  # fmt: skip
    return {**SAMPLE, "items": [{"kind": "section", "title": "I. NHIỆM VỤ", "children": children}]}


def test_a_plan_longer_than_a_batch_loads_whole_with_its_audit(db: Database) -> None:
    first = load_plan_document(db, SAMPLE)
    before = items.plan_tree(db, first)
    second = load_plan_document(db, _long_plan(BATCH * 2 + 7))
    tree = items.plan_tree(db, second)
    tasks = tree.tasks()
    assert len(tasks) == BATCH * 2 + 7
    assert [t.number for t in tasks[:3]] == ["1.", "2.", "3."]
    assert tasks[-1].title == f"Nhiệm vụ số {BATCH * 2 + 6} — rà soát hồ sơ"
    assert tasks[-1].lead_unit_name == "UBND xã Diễn Châu"
    # Ids given out by the loader follow the first plan's, which is untouched.
    assert min(n.id for n in tree.nodes) > max(n.id for n in before.nodes)
    assert items.plan_tree(db, first) == before
    # Every new item has its "create" audit row, with the values the database gave it.
    created = {r.entity_id: r for r in audit.history(db, "plan_item") if r.action == "create"}
    assert {n.id for n in tree.nodes} <= set(created)
    assert created[tasks[-1].id].new_value["weight"] == 1.0
    assert created[tasks[-1].id].new_value["due_date"] == "2026-06-30"


def test_a_bad_item_after_a_written_batch_stores_nothing(db: Database) -> None:
    first = load_plan_document(db, SAMPLE)
    before = (items.plan_tree(db, first), len(audit.history(db)))
    bad_at = BATCH + 20  # after the first batch went to the database
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, _long_plan(BATCH + 50, bad_at), source="dai.json")
    assert f"(ở items[0].children[{bad_at}].deadline):" in info.value.message
    assert [p.id for p in plans.list_plans(db)] == [first]
    assert (items.plan_tree(db, first), len(audit.history(db))) == before


def test_a_plan_file_carries_every_field_of_the_registry(db: Database) -> None:
    """Kinh phí and the start date come in with the other fields (a new field of
    core.task_fields is a key of the file without more code)."""
    document = broken(
        lambda d: d["items"][1]["children"][2]["children"][0].update(
            funding_amount="1.500,5", funding_source="Ngân sách xã", start_date="2026-02-01"
        )
    )
    document["items"][1]["children"][2].update(funding_amount=80)  # a task group
    plan_id = load_plan_document(db, document)
    tree = items.plan_tree(db, plan_id)
    task = next(n for n in tree.nodes if n.funding_source == "Ngân sách xã")
    assert (task.funding_amount, str(task.start_date)) == (1500.5, "2026-02-01")
    assert [n.funding_amount for n in tree.sections() if n.funding_amount] == [80.0]


def test_a_bad_amount_in_a_plan_file_names_its_place(db: Database) -> None:
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, broken(lambda d: d["items"][0].update(funding_amount="abc")))
    assert "(ở items[0].funding_amount): «Kinh phí» phải là một số tiền" in info.value.message
    with pytest.raises(BadInputFileError) as info:
        load_plan_document(db, broken(lambda d: d["items"][0].update(start_date="1/2/2026")))
    assert "(ở items[0].start_date)" in info.value.message
    assert plans.list_plans(db) == []

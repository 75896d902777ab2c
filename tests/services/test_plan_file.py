"""Loading plan documents: a bad file is refused with its place named; nothing changes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dienchau_desktop import paths
from dienchau_desktop.core.errors import BadInputFileError
from dienchau_desktop.db.database import Database
from dienchau_desktop.services import plans, units
from dienchau_desktop.services.plan_file import load_plan_document, load_plan_file

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
    assert f"tại {place}:" in info.value.message
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

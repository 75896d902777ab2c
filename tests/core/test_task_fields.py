"""The registry of task fields: one entry per field, read by validation, the tree's
nodes, the form, the appendix and the return form; amounts typed the Vietnamese way."""

from __future__ import annotations

import pytest

from dienchau_desktop.core import task_fields
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.task_fields import (
    FIELDS,
    MAX_MONEY,
    TASK_FIELDS,
    FieldKind,
    format_money,
    parse_money,
)
from dienchau_desktop.db.models import ITEM_KINDS, PlanItem
from dienchau_desktop.services.items import ItemNode


def test_every_field_writes_columns_the_data_file_has() -> None:
    stored = {c.key for c in PlanItem.__table__.columns}
    for field in TASK_FIELDS:
        assert set(field.columns) <= stored, field.name
        assert set(field.node_columns) <= set(field.columns), field.name
        assert field.item_kinds <= set(ITEM_KINDS), field.name
    assert task_fields.ITEM_KINDS == ITEM_KINDS
    assert len(FIELDS) == len(TASK_FIELDS)


def test_the_tree_nodes_carry_what_the_registry_says_in_its_order() -> None:
    assert ItemNode._fields[6:-1] == task_fields.NODE_COLUMNS + task_fields.NODE_EXTRAS
    assert {f.attribute for f in TASK_FIELDS} <= set(ItemNode._fields)


def test_funding_amount_is_money_in_million_dong_on_tasks_and_task_groups() -> None:
    funding = FIELDS["funding_amount"]
    assert (funding.label, funding.kind, funding.suffix) == (
        "Kinh phí",
        FieldKind.MONEY,
        "triệu đồng",
    )
    assert funding.item_kinds == {"task", "section"}
    assert funding.appendix is not None and funding.appendix.heading == "Kinh phí (triệu đồng)"
    assert funding.clean("1.500,5") == {"funding_amount": 1500.5}
    assert funding.clean("") == {"funding_amount": None}
    assert (
        funding.text_of(ItemNode(1, 1, None, 0, 1, "a)", "task", "T", funding_amount=1500.5))
        == "1.500,5"
    )
    assert (
        funding.cell_of(ItemNode(1, 1, None, 0, 1, "a)", "task", "T", funding_amount=12.0)) == 12.0
    )
    assert funding.cell_of(ItemNode(1, 1, None, 0, 1, "a)", "task", "T")) is None


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.500,5", 1500.5),
        ("12,5", 12.5),
        ("1.500", 1500.0),
        ("12.345.678,9", 12345678.9),
        ("1 500,5", 1500.5),
        ("1\u00a0500", 1500.0),
        ("  250  ", 250.0),
        ("1.5", 1.5),
        ("0.500", 0.5),
        (",5", 0.5),
        ("1.500 triệu đồng", 1500.0),
        ("80 triệu", 80.0),
        ("0", 0.0),
        ("", None),
        ("   ", None),
        (None, None),
        (1500, 1500.0),
        (2.25, 2.25),
    ],
)
def test_amounts_typed_the_vietnamese_way(typed: object, amount: float | None) -> None:
    assert parse_money(typed) == amount


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (
            "abc",
            "phải là một số tiền, tính bằng triệu đồng (ví dụ 1.500 hoặc 12,5), không phải «abc»",
        ),
        ("-5", "không được là số âm"),
        ("-1.500,5", "không được là số âm"),
        (-3.0, "không được là số âm"),
        ("1,2,3", "phải là một số tiền"),
        ("1.5,3", "phải là một số tiền"),
        ("1e5", "phải là một số tiền"),
        ("nan", "phải là một số tiền"),
        (float("inf"), "phải là một số tiền"),
        (True, "phải là một số tiền"),
        (MAX_MONEY * 10, "quá lớn"),
    ],
)
def test_what_is_no_amount_is_refused_naming_the_field(typed: object, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        FIELDS["funding_amount"].clean(typed)
    assert info.value.field == "funding_amount"
    assert info.value.message.startswith("«Kinh phí»")
    assert words in info.value.message


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (1500.5, "1.500,5"),
        (12.0, "12"),
        (0.0, "0"),
        (100.0, "100"),
        (1234567.25, "1.234.567,25"),
        (0.000001, "0,000001"),
        (None, ""),
    ],
)
def test_amounts_shown_the_vietnamese_way(amount: float | None, shown: str) -> None:
    assert format_money(amount) == shown
    if amount is not None:
        assert parse_money(shown) == amount  # what is shown reads back the same


def test_the_form_makes_no_edit_of_an_amount_retyped_the_same() -> None:
    funding = FIELDS["funding_amount"]
    assert funding.same("1.500,5", 1500.5)
    assert funding.same("1500,5", 1500.5)
    assert funding.same("", None)
    assert not funding.same("1.500", 1500.5)
    assert not funding.same("abc", 1500.5)  # refused by the service, with its message
    assert not funding.same("", 12.0)

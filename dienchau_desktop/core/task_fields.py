"""Every field of a plan's item (a task, a section, a paragraph), declared once.

An entry says what the field is called (in code, in Vietnamese, in the form), what
kind of value it holds, which kinds of item carry it, how a typed value is cleaned,
what its edit is called in the Edit menu, which columns of `plan_item` it writes and
which attributes of the tree's nodes (`services.items.ItemNode`) it fills, and the
column it has in the task appendix. Validation, the tree's nodes, the task form, the
appendix and the return form read it: a new field is a new entry here (plus its
column in a migration and its attribute in ItemNode, which is checked against this).

Qt-free: the form's label and the undo text are English sources marked for
translation (`QT_TRANSLATE_NOOP`, in the context "TaskForm" of the form that shows
them); the window translates them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from dienchau_desktop.core.deadline import parse_deadline
from dienchau_desktop.core.errors import ValidationError
from dienchau_desktop.core.text import MAX_LONG_TEXT, MAX_SHORT_TEXT, clean_text

#: The kinds of item a plan holds (db.models.ITEM_KINDS says the same to the database).
ITEM_KINDS = ("section", "task", "text")

#: Largest amount accepted, in million đồng: a thousand trillion đồng, beyond any plan,
#: so that a slip of the finger (or a hostile file) cannot print as "1e+300".
MAX_MONEY = 1e12


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation and returns it: pyside6-lupdate knows the name."""
    return text


class FieldKind(StrEnum):
    """What a field holds, which says how it is cleaned, shown and typed in."""

    CHOICE = "choice"  # one of a few words (the item's kind)
    TEXT = "text"  # one line, up to MAX_SHORT_TEXT characters
    LONG_TEXT = "long_text"  # a paragraph, up to MAX_LONG_TEXT characters
    DATE = "date"  # one day
    DEADLINE = "deadline"  # as officials write it ("Quý IV/2026"), read by core.deadline
    NUMBER = "number"  # a number ≥ 0 ("1,5" or "1.5")
    MONEY = "money"  # an amount ≥ 0 in million đồng, typed the Vietnamese way ("1.500,5")
    BOOL = "bool"  # a tick
    UNIT = "unit"  # one unit, by id
    UNITS = "units"  # units, by id, in the plan's order


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """The field's column in the task appendix (reports.appendix)."""

    key: str  # the name the appendix's column choice uses ("lead", "deadline")
    heading: str
    width: float  # Excel characters; the PDF's widths are in the same proportions
    centred: bool = False


@dataclass(frozen=True, slots=True)
class TaskField:
    """One field of an item, as everything that reads or writes it sees it."""

    name: str  # the key of an edit: items.update_item(id, **{name: value})
    label: str  # Vietnamese, for messages that name the field and for reports
    kind: FieldKind
    item_kinds: frozenset[str]  # the kinds of item whose form shows it
    form_label: str  # English source of the form's label (translated, "TaskForm")
    undo_text: str  # English source of the edit's name in the Edit menu
    #: The columns of plan_item it writes (a deadline is kept four ways).
    columns: tuple[str, ...]
    #: The ones of `columns` that the tree's nodes carry, read as stored.
    node_columns: tuple[str, ...]
    #: What the nodes carry of it beyond its columns (a unit's name, the linked units).
    node_extras: tuple[str, ...] = ()
    required: bool = False
    #: A NUMBER left empty: None (not stated), or this value.
    empty: float | None = None
    #: The unit a MONEY value is in, as reports name it ("triệu đồng").
    suffix: str = ""
    appendix: ReportColumn | None = None
    #: The form: lines of a text field (1: a one-line field), the greyed example in an
    #: empty field, the tooltip, the unit after the value (English sources, translated).
    lines: int = 1
    hint: str = ""
    tooltip: str = ""
    form_suffix: str = ""

    @property
    def attribute(self) -> str:
        """The node attribute an edit of this field replaces (the deadline as written)."""
        return (self.node_columns or self.node_extras)[0]

    def value_of(self, node: Any) -> Any:
        """What the form shows and an edit replaces: the value as stored."""
        return getattr(node, self.attribute)

    def clean(self, value: Any) -> dict[str, Any]:
        """`value` checked and turned into the values of this field's columns; raises
        `ValidationError` naming the field. UNIT and UNITS only take ids here: that
        the units exist is for the caller to check, who holds the data file."""
        name, label, kind = self.name, self.label, self.kind
        if kind is FieldKind.CHOICE:
            if value not in ITEM_KINDS:
                raise ValidationError(name, f"Loại mục «{value}» không hợp lệ.")
            return {name: value}
        if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            limit = MAX_LONG_TEXT if kind is FieldKind.LONG_TEXT else MAX_SHORT_TEXT
            text = clean_text(value, name, max_length=limit, required=self.required, label=label)
            return {name: text}
        if kind is FieldKind.DATE:
            if value is not None and not isinstance(value, date):
                raise ValidationError(name, f"«{label}» phải là một ngày (dd/mm/yyyy).")
            return {name: value}
        if kind is FieldKind.DEADLINE:
            deadline = parse_deadline(value)
            return {
                "deadline_text": deadline.text if deadline else "",
                "deadline_kind": deadline.kind.value if deadline else None,
                "deadline_start": deadline.start if deadline else None,
                "due_date": deadline.due if deadline else None,
            }
        if kind is FieldKind.NUMBER:
            number = _clean_number(value, name, label)
            return {name: self.empty if number is None else number}
        if kind is FieldKind.MONEY:
            return {name: parse_money(value, name, label)}
        if kind is FieldKind.BOOL:
            return {name: bool(value)}
        if kind is FieldKind.UNIT:
            return {name: value}
        ids = [int(v) for v in value or ()]
        if len(set(ids)) != len(ids):
            raise ValidationError(name, "Một đơn vị được chọn phối hợp hai lần.")
        return {name: tuple(ids)}

    def same(self, typed: Any, old: Any) -> bool:
        """Whether `typed` (as the form holds it) says what `old` (as stored) says: leaving
        a field untouched, or retyped to the same value, makes no edit."""
        kind = self.kind
        if kind is FieldKind.UNITS:
            return tuple(typed) == tuple(old)
        if kind in (FieldKind.NUMBER, FieldKind.MONEY):
            if typed is None or (isinstance(typed, str) and not typed.strip()):
                return old is None
            try:
                if kind is FieldKind.MONEY:
                    return bool(parse_money(typed, self.name, self.label) == old)
                return bool(float(str(typed).strip().replace(",", ".")) == old)
            except (ValueError, ValidationError):
                return False
        if isinstance(old, str) and isinstance(typed, str):
            return typed.strip() == old.strip()
        return bool(typed == old)

    def text_of(self, node: Any) -> str:
        """The field of `node` as reports print it ("" when not stated)."""
        kind = self.kind
        if kind is FieldKind.UNIT:
            return str(getattr(node, self.node_extras[0]))
        if kind is FieldKind.UNITS:
            return "; ".join(getattr(node, self.node_extras[1]))
        value = self.value_of(node)
        if kind is FieldKind.MONEY:
            return format_money(value)
        if kind is FieldKind.NUMBER:
            return "" if value is None else format_number(value)
        if kind is FieldKind.DATE:
            return value.strftime("%d/%m/%Y") if value else ""
        if kind is FieldKind.BOOL:
            return "x" if value else ""
        return str(value)

    def cell_of(self, node: Any) -> str | float | None:
        """The field of `node` as a report's cell holds it: a number stays a number (an
        Excel cell keeps it as one, for sums), everything else is its text."""
        if self.kind in (FieldKind.MONEY, FieldKind.NUMBER):
            value = self.value_of(node)
            return None if value is None else float(value)
        return self.text_of(node)


def _field(
    name: str, label: str, kind: FieldKind, item_kinds: str, form_label: str, undo_text: str,
    *, columns: tuple[str, ...] | None = None, node_columns: tuple[str, ...] | None = None,
    **more: Any,
) -> TaskField:  # fmt: skip
    stored = (name,) if columns is None else columns
    return TaskField(
        name, label, kind, frozenset(item_kinds.split()), form_label, undo_text, stored,
        stored if node_columns is None else node_columns, **more,
    )  # fmt: skip


_ALL, _HEADINGS, _TASKS = "section task text", "section task", "task"

#: Every field, in the form's order. A section may be a task group (the breakthrough
#: task): it carries the lead, the people and the funding, not dates or targets.
TASK_FIELDS: tuple[TaskField, ...] = (
    _field("kind", "Loại mục", FieldKind.CHOICE, _ALL,
           QT_TRANSLATE_NOOP("TaskForm", "Kind"), QT_TRANSLATE_NOOP("TaskForm", "Change kind")),
    _field("title", "Tiêu đề", FieldKind.LONG_TEXT, _ALL,
           QT_TRANSLATE_NOOP("TaskForm", "Title"), QT_TRANSLATE_NOOP("TaskForm", "Change title"),
           required=True, appendix=ReportColumn("title", "Nhiệm vụ", 60), lines=4),
    _field("body", "Nội dung", FieldKind.LONG_TEXT, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Description"),
           QT_TRANSLATE_NOOP("TaskForm", "Change description"),
           lines=3),
    _field("lead_unit_id", "Cơ quan chủ trì", FieldKind.UNIT, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Lead unit"),
           QT_TRANSLATE_NOOP("TaskForm", "Change lead unit"),
           node_extras=("lead_unit_name",),
           appendix=ReportColumn("lead", "Cơ quan chủ trì", 22)),
    _field("coordinator_ids", "Cơ quan phối hợp", FieldKind.UNITS, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Coordinating units"),
           QT_TRANSLATE_NOOP("TaskForm", "Change coordinating units"),
           columns=(), node_extras=("coordinator_ids", "coordinator_names"),
           appendix=ReportColumn("coordinators", "Cơ quan phối hợp", 26)),
    _field("responsible_person", "Người chịu trách nhiệm", FieldKind.TEXT, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Responsible person"),
           QT_TRANSLATE_NOOP("TaskForm", "Change responsible person"),
           appendix=ReportColumn("responsible", "Người chịu trách nhiệm", 20)),
    _field("start_date", "Ngày bắt đầu", FieldKind.DATE, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Start date"),
           QT_TRANSLATE_NOOP("TaskForm", "Change start date"),
           hint=QT_TRANSLATE_NOOP("TaskForm", "dd/mm/yyyy")),
    _field("deadline", "Thời hạn", FieldKind.DEADLINE, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Deadline"),
           QT_TRANSLATE_NOOP("TaskForm", "Change deadline"),
           columns=("deadline_text", "deadline_kind", "deadline_start", "due_date"),
           node_columns=("deadline_text", "deadline_kind", "due_date"),
           appendix=ReportColumn("deadline", "Thời gian hoàn thành", 16, centred=True),
           hint=QT_TRANSLATE_NOOP("TaskForm", "e.g. Quý IV/2026, 30/11/2026, Thường xuyên")),
    _field("expected_product", "Sản phẩm", FieldKind.LONG_TEXT, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Expected product"),
           QT_TRANSLATE_NOOP("TaskForm", "Change expected product"),
           appendix=ReportColumn("product", "Sản phẩm", 22), lines=3),
    _field("indicator_target", "Chỉ tiêu", FieldKind.NUMBER, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Indicator"),
           QT_TRANSLATE_NOOP("TaskForm", "Change indicator target"),
           hint=QT_TRANSLATE_NOOP("TaskForm", "target, e.g. 100")),
    _field("indicator_unit", "Đơn vị tính", FieldKind.TEXT, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Indicator unit"),
           QT_TRANSLATE_NOOP("TaskForm", "Change indicator unit"),
           hint=QT_TRANSLATE_NOOP("TaskForm", "unit, e.g. % schools")),
    _field("indicator_text", "Mô tả chỉ tiêu", FieldKind.LONG_TEXT, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Indicator description"),
           QT_TRANSLATE_NOOP("TaskForm", "Change indicator description")),
    _field("is_breakthrough", "Nhiệm vụ đột phá", FieldKind.BOOL, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Breakthrough task"),
           QT_TRANSLATE_NOOP("TaskForm", "Change breakthrough flag")),
    _field("weight", "Trọng số", FieldKind.NUMBER, _TASKS,
           QT_TRANSLATE_NOOP("TaskForm", "Weight"),
           QT_TRANSLATE_NOOP("TaskForm", "Change weight"), empty=1.0,
           hint=QT_TRANSLATE_NOOP("TaskForm", "1 = equal share"),
           tooltip=QT_TRANSLATE_NOOP(
               "TaskForm",
               "The task's share in its group's percent done; 2 counts twice as much.")),
    _field("funding_amount", "Kinh phí", FieldKind.MONEY, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Funding"),
           QT_TRANSLATE_NOOP("TaskForm", "Change funding amount"),
           suffix="triệu đồng",
           appendix=ReportColumn("funding", "Kinh phí (triệu đồng)", 14, centred=True),
           hint=QT_TRANSLATE_NOOP("TaskForm", "e.g. 1.500,5"),
           form_suffix=QT_TRANSLATE_NOOP("TaskForm", "million đồng")),
    _field("funding_source", "Nguồn kinh phí", FieldKind.LONG_TEXT, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Funding source"),
           QT_TRANSLATE_NOOP("TaskForm", "Change funding source"),
           appendix=ReportColumn("funding_source", "Nguồn kinh phí", 20)),
    _field("notes", "Ghi chú", FieldKind.LONG_TEXT, _HEADINGS,
           QT_TRANSLATE_NOOP("TaskForm", "Notes"),
           QT_TRANSLATE_NOOP("TaskForm", "Change notes"), lines=3),
)  # fmt: skip

#: The fields by name.
FIELDS: Mapping[str, TaskField] = {f.name: f for f in TASK_FIELDS}

#: The columns of plan_item that the tree's nodes carry as stored, in the nodes' order.
NODE_COLUMNS: tuple[str, ...] = tuple(c for f in TASK_FIELDS for c in f.node_columns)
#: What the nodes carry beyond NODE_COLUMNS (units' names, linked units), in order.
NODE_EXTRAS: tuple[str, ...] = tuple(c for f in TASK_FIELDS for c in f.node_extras)


def fields_of(item_kind: str) -> Iterator[TaskField]:
    """The fields an item of `item_kind` ("task", "section", "text") carries."""
    return (f for f in TASK_FIELDS if item_kind in f.item_kinds)


# ---------------------------------------------------------------------------- numbers


def _clean_number(value: Any, name: str, label: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValidationError(name, f"«{label}» phải là một số, không phải «{value}».") from None
    if not math.isfinite(number) or number < 0:
        raise ValidationError(name, f"«{label}» phải là một số không âm.")
    return number


# "1.500", "12.000.000": dots that group thousands, as Vietnamese writes them.
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
_PLAIN = re.compile(r"[0-9]+(\.[0-9]+)?")
# What may stand around the number: spaces (a space groups thousands too), the unit.
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_UNIT = re.compile(r"(triệu đồng|triệu)$", re.IGNORECASE)


def parse_money(value: Any, name: str = "funding_amount", label: str = "Kinh phí") -> float | None:
    """An amount in million đồng as a Vietnamese office types it; None when empty.

    "1.500,5" and "1 500,5" are 1500.5 (dots or spaces group thousands, the comma is
    the decimal point); "12,5" is 12.5; "1.500" is 1500, "1.5" and "0.500" are 1.5 and
    0.5 (a dot not followed by groups of three digits is a decimal point); "1.500
    triệu đồng" is 1500. A number from a file is taken as it is. Refused, with a
    message naming the field: what is no number, a negative amount, one over
    MAX_MONEY. Kept to the đồng (six decimals of a million).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError(name, _not_money(label, value))
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = _UNIT.sub("", unicodedata.normalize("NFC", value).strip()).strip()
        text = _SPACES.sub("", text)
        if not text:
            return None
        negative = text.startswith(("-", "\u2212"))
        whole, comma, decimals = text.lstrip("-\u2212").partition(",")
        if comma and not whole:
            whole = "0"  # ",5"
        if _GROUPED.fullmatch(whole):
            whole = whole.replace(".", "")
        elif not _PLAIN.fullmatch(whole) or (comma and "." in whole):
            raise ValidationError(name, _not_money(label, value))
        if comma and not re.fullmatch(r"[0-9]+", decimals):
            raise ValidationError(name, _not_money(label, value))
        number = float(f"{whole}.{decimals}" if comma else whole)
        if negative and number:
            raise ValidationError(name, _negative(label, value))
    else:
        raise ValidationError(name, _not_money(label, value))
    if not math.isfinite(number):
        raise ValidationError(name, _not_money(label, value))
    if number < 0:
        raise ValidationError(name, _negative(label, format_money(number)))
    if number > MAX_MONEY:
        raise ValidationError(
            name, f"«{label}» quá lớn: giới hạn là {format_money(MAX_MONEY)} triệu đồng."
        )
    return round(number, 6)


def _negative(label: str, value: Any) -> str:
    return f"«{label}» không được là số âm (đã nhập «{value}»)."


def _not_money(label: str, value: Any) -> str:
    return (
        f"«{label}» phải là một số tiền, tính bằng triệu đồng (ví dụ 1.500 hoặc 12,5), "
        f"không phải «{value}»."
    )


def format_money(value: float | None) -> str:
    """An amount as Vietnamese print it: 1500.5 → "1.500,5", 12 → "12"; "" for none."""
    if value is None:
        return ""
    return format_number(value, decimals=6)


def format_number(value: float, decimals: int = 6) -> str:
    """`value` with thousands grouped by "." and "," before the decimals, trailing
    zeros dropped: 1234567.25 → "1.234.567,25"."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")

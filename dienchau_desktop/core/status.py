"""How urgent a task is today, for the colours of the tree and the filters.

The official report buckets for a cut-off date (completed on time, completed late,
overdue, in progress within time) come with progress tracking; this is the day-to-day
view: is it late, is it due within a week, is it done.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import IntEnum

#: "Due soon" means due within this many days (amber in the tree).
DUE_SOON_DAYS = 7


class Urgency(IntEnum):
    """Ordered so that the most pressing state of a group's tasks is its maximum."""

    NONE = 0  # not a task, or nothing to say
    COMPLETED = 1
    NO_DEADLINE = 2
    RECURRING = 3
    ON_TRACK = 4
    DUE_SOON = 5
    OVERDUE = 6


def urgency(
    due: date | None,
    *,
    recurring: bool,
    completed: bool,
    today: date,
    soon_days: int = DUE_SOON_DAYS,
) -> Urgency:
    """The urgency of one task on `today`."""
    if completed:
        return Urgency.COMPLETED
    if recurring:
        return Urgency.RECURRING
    if due is None:
        return Urgency.NO_DEADLINE
    if due < today:
        return Urgency.OVERDUE
    if due <= today + timedelta(days=soon_days):
        return Urgency.DUE_SOON
    return Urgency.ON_TRACK


def roll_up(children: Iterable[Urgency]) -> Urgency:
    """A group shows the most pressing state among its tasks."""
    return max(children, default=Urgency.NONE)

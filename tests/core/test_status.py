from datetime import date

import pytest

from dienchau_desktop.core.status import Urgency, roll_up, urgency

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("due", "recurring", "completed", "expected"),
    [
        (date(2026, 11, 27), False, False, Urgency.OVERDUE),
        (date(2026, 11, 28), False, False, Urgency.DUE_SOON),  # due today is not late yet
        (date(2026, 12, 5), False, False, Urgency.DUE_SOON),  # 7 days ahead
        (date(2026, 12, 6), False, False, Urgency.ON_TRACK),
        (date(2026, 11, 1), False, True, Urgency.COMPLETED),
        (None, True, False, Urgency.RECURRING),
        (None, False, False, Urgency.NO_DEADLINE),
    ],
)
def test_urgency(due, recurring, completed, expected) -> None:
    assert urgency(due, recurring=recurring, completed=completed, today=TODAY) == expected


def test_a_group_shows_its_most_pressing_task() -> None:
    assert roll_up([Urgency.ON_TRACK, Urgency.OVERDUE, Urgency.COMPLETED]) == Urgency.OVERDUE
    assert roll_up([]) == Urgency.NONE

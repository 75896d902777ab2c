"""The official buckets, at every edge (table-driven)."""

from datetime import date

import pytest

from dienchau_desktop.core.buckets import Bucket, BucketCounts, bucket_for, mean_percent
from dienchau_desktop.core.deadline import parse_deadline

CUTOFF = date(2026, 6, 14)


def due(text: str) -> date | None:
    deadline = parse_deadline(text)
    return deadline.due if deadline else None


@pytest.mark.parametrize(
    ("deadline", "completed_on", "expected"),
    [
        # Due on the cut-off day itself counts as due: it must be done by then.
        ("14/6/2026", None, Bucket.OVERDUE),
        ("14/6/2026", date(2026, 6, 14), Bucket.COMPLETED_ON_TIME),
        # Completed the day after the deadline: late, even though before the cut-off.
        ("10/6/2026", date(2026, 6, 11), Bucket.COMPLETED_LATE),
        ("10/6/2026", date(2026, 6, 10), Bucket.COMPLETED_ON_TIME),
        # Completed after the cut-off: at the cut-off it was not done.
        ("10/6/2026", date(2026, 6, 20), Bucket.OVERDUE),
        # Due after the cut-off.
        ("15/6/2026", None, Bucket.IN_PROGRESS),
        ("15/6/2026", date(2026, 6, 1), Bucket.COMPLETED),
        # A month is due on its last day: "Tháng 6/2026" is due 30/6, after the cut-off.
        ("Tháng 6/2026", None, Bucket.IN_PROGRESS),
        ("Tháng 5/2026", None, Bucket.OVERDUE),
        ("Tháng 5/2026", date(2026, 5, 31), Bucket.COMPLETED_ON_TIME),
        ("Tháng 5/2026", date(2026, 6, 1), Bucket.COMPLETED_LATE),
        # A quarter on the last day of its last month.
        ("Quý I/2026", date(2026, 3, 31), Bucket.COMPLETED_ON_TIME),
        ("Quý II/2026", None, Bucket.IN_PROGRESS),
        # No deadline, and recurring work: completed or in progress.
        ("", None, Bucket.IN_PROGRESS),
        ("", date(2026, 2, 1), Bucket.COMPLETED),
        ("Thường xuyên", None, Bucket.IN_PROGRESS),
        ("Thường xuyên", date(2026, 2, 1), Bucket.COMPLETED),
    ],
)
def test_bucket_edges(deadline: str, completed_on: date | None, expected: Bucket) -> None:
    recurring = deadline.startswith("Thường xuyên")
    got = bucket_for(due(deadline), recurring=recurring, completed_on=completed_on, cutoff=CUTOFF)
    assert got is expected


def test_counts_and_percentages() -> None:
    counts = BucketCounts.of(
        [Bucket.OVERDUE, Bucket.COMPLETED_ON_TIME, Bucket.COMPLETED_ON_TIME, Bucket.IN_PROGRESS]
    )
    assert counts.total == 4
    assert counts.count(Bucket.COMPLETED_ON_TIME) == 2
    assert counts.percent(Bucket.COMPLETED_ON_TIME) == 50.0
    assert counts.percent(Bucket.COMPLETED_LATE) == 0.0
    assert counts.completed == 2
    assert BucketCounts.of([]).percent(Bucket.OVERDUE) == 0.0
    assert Bucket.OVERDUE.label_vi == "Chưa hoàn thành, quá hạn"


def test_mean_percent_weights() -> None:
    assert mean_percent([(100, 1), (0, 1)]) == 50.0
    assert mean_percent([(100, 3), (0, 1)]) == 75.0
    assert mean_percent([(None, 1), (60, 1)]) == 30.0  # unreported counts as 0
    assert mean_percent([]) is None
    assert mean_percent([(50, 0)]) is None

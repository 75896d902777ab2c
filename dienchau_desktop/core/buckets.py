"""The official status buckets for a report's cut-off date, and roll-ups of a group.

For a cut-off date D (DESIGN.md, "Status, the way officials count it"):
- a task due on or before D is completed on time, completed late, or not completed
  (overdue);
- a task due after D, or recurring, or with no deadline, is completed, or in progress
  within time.
Every task falls in exactly one bucket. "Completed" means its latest progress entry
up to D says so, with a completion date on or before D.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Bucket(StrEnum):
    COMPLETED_ON_TIME = "completed_on_time"  # hoàn thành đúng hạn
    COMPLETED_LATE = "completed_late"  # hoàn thành quá hạn
    OVERDUE = "overdue"  # chưa hoàn thành, đã quá hạn
    IN_PROGRESS = "in_progress"  # đang thực hiện, trong hạn
    COMPLETED = "completed"  # hoàn thành (việc thường xuyên, hoặc chưa đến hạn)

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]

    @property
    def is_completed(self) -> bool:
        return self in {Bucket.COMPLETED_ON_TIME, Bucket.COMPLETED_LATE, Bucket.COMPLETED}


_LABELS_VI = {
    Bucket.COMPLETED_ON_TIME: "Hoàn thành đúng hạn",
    Bucket.COMPLETED_LATE: "Hoàn thành quá hạn",
    Bucket.OVERDUE: "Chưa hoàn thành, quá hạn",
    Bucket.IN_PROGRESS: "Đang thực hiện, trong hạn",
    Bucket.COMPLETED: "Hoàn thành",
}

#: The order buckets are listed in reports.
BUCKET_ORDER = (
    Bucket.COMPLETED_ON_TIME,
    Bucket.COMPLETED_LATE,
    Bucket.COMPLETED,
    Bucket.IN_PROGRESS,
    Bucket.OVERDUE,
)


def bucket_for(
    due: date | None,
    *,
    recurring: bool,
    completed_on: date | None,
    cutoff: date,
) -> Bucket:
    """The bucket of one task at `cutoff`; `completed_on` None means not completed."""
    done = completed_on is not None and completed_on <= cutoff
    if recurring or due is None or due > cutoff:
        return Bucket.COMPLETED if done else Bucket.IN_PROGRESS
    if not done:
        return Bucket.OVERDUE
    assert completed_on is not None
    return Bucket.COMPLETED_ON_TIME if completed_on <= due else Bucket.COMPLETED_LATE


@dataclass(frozen=True, slots=True)
class BucketCounts:
    """How many tasks fall in each bucket, with percentages of the total."""

    counts: tuple[tuple[Bucket, int], ...]

    @classmethod
    def of(cls, buckets: Iterable[Bucket]) -> BucketCounts:
        tally = dict.fromkeys(BUCKET_ORDER, 0)
        for bucket in buckets:
            tally[bucket] += 1
        return cls(tuple(tally.items()))

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, bucket: Bucket) -> int:
        return dict(self.counts)[bucket]

    def percent(self, bucket: Bucket) -> float:
        """Share of the total, in percent, rounded to one decimal (0 for no tasks)."""
        return round(100 * self.count(bucket) / self.total, 1) if self.total else 0.0

    @property
    def completed(self) -> int:
        return sum(n for b, n in self.counts if b.is_completed)


def mean_percent(values: Sequence[tuple[float | None, float]]) -> float | None:
    """A group's percent: the weighted mean of its tasks' (percent, weight).

    A task with no percent counts as 0: work not reported is work not shown done.
    None when the group holds no task (or all weights are zero).
    """
    total_weight = sum(w for _, w in values)
    if not values or total_weight <= 0:
        return None
    return round(sum((p or 0.0) * w for p, w in values) / total_weight, 1)

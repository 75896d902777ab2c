from datetime import date

from dienchau_desktop.core.periods import (
    PeriodKind,
    add_working_days,
    annual_period,
    half_year_period,
)


def test_working_days_skip_the_weekend() -> None:
    friday = date(2026, 6, 12)
    assert add_working_days(friday, 1) == date(2026, 6, 15)  # Monday
    sunday = date(2026, 6, 14)
    assert add_working_days(sunday, 2) == date(2026, 6, 16)  # Tuesday
    assert add_working_days(friday, 0) == friday


def test_the_usual_periods_of_2026() -> None:
    half = half_year_period(2026)
    assert half.kind is PeriodKind.HALF_YEAR
    assert (half.start, half.cutoff) == (date(2025, 12, 15), date(2026, 6, 14))
    assert half.due == date(2026, 6, 16)  # the cut-off is a Sunday
    year = annual_period(2026)
    assert (year.start, year.cutoff, year.due) == (
        date(2025, 12, 15),
        date(2026, 12, 14),
        date(2026, 12, 16),
    )
    assert year.kind.label_vi == "Năm"

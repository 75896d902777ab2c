"""The layout of the Excel return form a unit fills in: written by
reports/return_form.py, read back by importers/returns.py. One definition, so the two
always agree."""

from __future__ import annotations

FORMAT = "dienchau-return-form"
VERSION = 1
#: The hidden sheet naming the plan, unit, period and the tasks of the form.
META_SHEET = "_dienchau"
#: (heading, width, open for the unit to fill in)
COLUMNS = (
    ("Mã", 8, False),
    ("Số hiệu", 11, False),
    ("Nhiệm vụ", 50, False),
    ("Vai trò", 11, False),
    ("Thời hạn", 15, False),
    ("Trạng thái", 18, True),
    ("% hoàn thành", 12, True),
    ("Kết quả thực hiện", 45, True),
    ("Ngày hoàn thành (dd/mm/yyyy)", 16, True),
    ("Chỉ tiêu đạt được", 12, True),
)

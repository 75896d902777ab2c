"""The layout of the Excel return form a unit fills in: written by
reports/return_form.py, read back by importers/returns.py. One definition, so the two
always agree."""

from __future__ import annotations

from dienchau_desktop.core.task_fields import FIELDS

FORMAT = "dienchau-return-form"
#: 2: the hidden sheet is sealed (core.return_seal); forms of version 1 had no seal.
VERSION = 2
#: The hidden sheet naming the data file, plan, unit, period and the tasks of the form:
#: one (key, value) row per fact, then one ("task", id, title key) row per task.
META_SHEET = "_dienchau"
#: The first cell of a task's row in the hidden sheet.
TASK_ROW = "task"
#: (heading, width, open for the unit to fill in). The headings are the file's format:
#: forms already sent out are read back by them, whatever the fields are called now.
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
#: The task fields (core.task_fields) the locked columns «Nhiệm vụ» and «Thời hạn» show,
#: as the task appendix prints them.
TITLE_FIELD, DEADLINE_FIELD = FIELDS["title"], FIELDS["deadline"]

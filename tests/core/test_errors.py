"""The operating system's reasons, in Vietnamese."""

import errno

from dienchau_desktop.core.errors import os_reason


def test_os_reasons_are_vietnamese_not_the_systems_english():
    assert (
        os_reason(FileExistsError(errno.EEXIST, "File exists"))
        == "đã có một tệp hoặc thư mục cùng tên"
    )
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    assert (
        os_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    )
    assert "lỗi hệ thống" in os_reason(OSError(9999, "Weird"))

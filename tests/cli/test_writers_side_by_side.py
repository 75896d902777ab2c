"""Command-line writers side by side, as a scheduled task and a script run by hand:
a restore never swallows an import that said it was done, and a writer waits for
another instead of failing after a second."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dienchau_desktop import paths
from tests.cli.test_cli import run_cli
from tests.conftest import make_sample_file

SEED = Path(__file__).parents[1] / "fixtures" / "ke-hoach-dien-chau-2026.txt"
SEED_TITLE = "Thực hiện Thông báo kết luận của Ban Chỉ đạo tỉnh về phát triển khoa học"


def plan_file(folder: Path, title: str) -> Path:
    """The sample plan's text with its own title, to be told apart once imported."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index(SEED_TITLE)
    end = text.index("\n", start)
    path = folder / f"{title}.txt"
    path.write_text(text[:start] + title + text[end:], encoding="utf-8")
    return path


def titles(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM plan")}
    finally:
        conn.close()


def start_cli(*args: str, data_dir: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, paths.DATA_DIR_ENV: str(data_dir)} if data_dir else None
    return subprocess.Popen(
        [sys.executable, "-m", "dienchau_desktop", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def test_an_import_reported_done_during_restores_is_never_lost(tmp_path: Path) -> None:
    data = make_sample_file(tmp_path)
    backup = tmp_path / "sao-luu.sqlite3"
    assert run_cli("backup", "--db", str(data), "--out", str(backup),
                   data_dir=tmp_path).returncode == 0  # fmt: skip
    reported = 0
    for turn in range(6):
        title = f"Kế hoạch nhập lần {turn}"
        source = plan_file(tmp_path, title)
        importing = start_cli("import-plan", str(source), "--db", str(data))
        time.sleep(0.05 * turn)  # the restore lands at a different moment each turn
        restoring = start_cli("restore", str(backup), "--db", str(data))
        out, err = importing.communicate(timeout=120)
        r_out, r_err = restoring.communicate(timeout=120)
        assert restoring.returncode == 0, r_err
        assert "Traceback" not in err + r_err
        if importing.returncode != 0:
            assert err.startswith("Lỗi:"), err
            continue
        assert "Đã thêm kế hoạch" in out
        reported += 1
        # Imported after the restore: in the file; before it: in the copy it kept.
        kept_copy = Path(r_out.split("Tệp trước khi khôi phục được giữ ở «")[1].split("»")[0])
        assert title in titles(data) | titles(kept_copy), (out, r_out)
    assert reported, "no import finished"


def test_a_second_writer_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    data = make_sample_file(tmp_path)
    other = sqlite3.connect(data, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE plan SET title = title")  # a long import under way
    importing = start_cli("import-plan", str(plan_file(tmp_path, "Kế hoạch chờ lượt")),
                          "--db", str(data), data_dir=tmp_path)  # fmt: skip
    # The first writer lets go only once the second says it waits: on a loaded machine
    # the second's start-up alone can outlast any fixed delay.
    assert importing.stderr is not None
    first_line = importing.stderr.readline()
    time.sleep(0.5)  # still waiting, not failing, while the first goes on
    other.execute("COMMIT")
    other.close()
    out, rest = importing.communicate(timeout=120)
    assert importing.returncode == 0, first_line + rest
    assert "đang được một chương trình khác ghi; đang chờ" in first_line
    assert "Đã thêm kế hoạch" in out
    assert "Kế hoạch chờ lượt" in titles(data)

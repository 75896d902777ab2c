"""The layer rules of DESIGN.md hold: import-linter's contracts pass."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a dev dependency and must be installed"
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_sql_past_the_orm_lives_in_the_db_package() -> None:
    """The driver's cursor (and the SQL text it runs) is reached only inside `db/`, in
    `db/raw_reads.py` for what the services read: the one place a second database
    engine has to provide again."""
    package = ROOT / "dienchau_desktop"
    outside = [
        str(path.relative_to(ROOT))
        for path in package.rglob("*.py")
        if package / "db" not in path.parents and "driver_connection" in path.read_text("utf-8")
    ]
    assert outside == []


def test_the_window_starts_without_the_report_writers() -> None:
    """reportlab and openpyxl (a quarter of a second to import) load with the first
    export or draft, not at start-up: a module the window imports that pulls them in at
    its top made the district plan's first paint 0.3 s later."""
    import os

    code = (
        "import sys; import dienchau_desktop.ui.main_window;"
        "print(sorted(m for m in ('reportlab', 'openpyxl') if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"

"""The command line (see DESIGN.md): opens the window, or works without one.

Exit codes: 0 done; 2 wrong usage; 3 bad input file; 4 the data file cannot be used.
Nothing here imports Qt: the window is loaded only when it is asked for.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dienchau_desktop import paths, version
from dienchau_desktop.core.errors import UserError

EXIT_OK = 0
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FILE",
        help="tệp dữ liệu (mặc định: tệp trong thư mục dữ liệu của người dùng)",
    )
    parser = argparse.ArgumentParser(
        prog="dienchau-desktop",
        description="Theo dõi kế hoạch, tiến độ và báo cáo của UBND xã.",
        parents=[db_option],
    )
    parser.add_argument("--version", action="version", version=f"dienchau-desktop {version()}")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    check = commands.add_parser(
        "check",
        parents=[db_option],
        help="kiểm tra tính toàn vẹn, phiên bản dữ liệu và nội dung tệp dữ liệu",
    )
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)  # exits 2 with a usage message on bad usage
    db_path: Path | None = getattr(args, "db", None)
    if args.command == "check":
        return _check(db_path, as_json=args.json)
    from dienchau_desktop.app import run

    return run(db_path)


def _resolve_data_file(db_path: Path | None) -> Path:
    """The file to work on. The default file is created with the sample plan on first use."""
    if db_path is not None:
        return db_path.expanduser().absolute()
    path = paths.default_data_file()
    if not path.exists():
        from dienchau_desktop.services.startup import open_data_file

        open_data_file(path, paths.sample_plan_file()).close()
    return path


def _check(db_path: Path | None, *, as_json: bool) -> int:
    from dienchau_desktop.db.inspect import inspect_file

    try:
        path = _resolve_data_file(db_path)
        report = inspect_file(path)
    except UserError as error:
        return _fail(error, as_json)
    if as_json:
        document: dict[str, Any] = {
            "ok": True,
            "data_file": str(report.path),
            "integrity": report.integrity,
            "schema_revision": report.revision,
            "schema_head": report.head,
            "schema_current": report.schema_current,
            "plans": [asdict(p) for p in report.plans],
            "units": report.units,
            "progress_entries": report.progress_entries,
            "audit_entries": report.audit_entries,
        }
        print(json.dumps(document, ensure_ascii=False))
        return EXIT_OK
    print(f"Tệp dữ liệu: {report.path}")
    print(f"Toàn vẹn: {report.integrity}")
    state = "mới nhất" if report.schema_current else f"cần nâng cấp lên {report.head}"
    print(f"Phiên bản dữ liệu: {report.revision or '(trống)'} ({state})")
    for plan in report.plans:
        print(
            f"Kế hoạch {plan.id}: {plan.reference} — {plan.title[:80]}\n"
            f"  {plan.sections} mục, {plan.tasks} nhiệm vụ, {plan.texts} đoạn văn, "
            f"{plan.periods} kỳ báo cáo"
        )
    print(f"Đơn vị: {report.units}; mục tiến độ: {report.progress_entries}")
    return EXIT_OK


def _fail(error: UserError, as_json: bool) -> int:
    """Say what went wrong (stderr, and stdout as JSON when asked) and pick the exit code."""
    if as_json:
        document = {
            "ok": False,
            "error": type(error).__name__,
            "message": error.message,
            "hint": error.hint,
        }
        print(json.dumps(document, ensure_ascii=False))
    print(f"Lỗi: {error.message}", file=sys.stderr)
    if error.hint:
        print(error.hint, file=sys.stderr)
    return error.exit_code

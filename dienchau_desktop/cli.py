"""The command line (see DESIGN.md): opens the window, or works without one.

Exit codes: 0 done; 2 wrong usage; 3 bad input file; 4 the data file cannot be used.
Nothing here imports Qt: the window is loaded only when it is asked for.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dienchau_desktop import paths, version
from dienchau_desktop.core.errors import UserError

if TYPE_CHECKING:  # the database layer is imported only by commands that open a file
    from dienchau_desktop.db.database import Database

EXIT_OK = 0
#: `check` found evidence whose bytes no longer match their hash: the file is usable,
#: but something in it is damaged (exit code 4, as for a data file in trouble).
EXIT_DAMAGED_EVIDENCE = 4


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
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="mở cửa sổ, chờ vẽ xong thì đóng lại (kiểm tra bản đóng gói)",
    )
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    check = commands.add_parser(
        "check",
        parents=[db_option],
        help="kiểm tra tính toàn vẹn, phiên bản dữ liệu và nội dung tệp dữ liệu",
    )
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    summary = commands.add_parser(
        "summary",
        parents=[db_option],
        help="số nhiệm vụ theo từng nhóm trạng thái, chung và theo cơ quan chủ trì",
    )
    summary.add_argument("--plan", type=int, metavar="ID", help="kế hoạch (mặc định: mới nhất)")
    when = summary.add_mutually_exclusive_group()
    when.add_argument("--period", type=int, metavar="ID", help="kỳ báo cáo")
    when.add_argument(
        "--as-of",
        type=_date_option("--as-of"),
        metavar="DD/MM/YYYY",
        help="tính đến ngày (thay cho kỳ)",
    )
    summary.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    _export_parser(commands, db_option)
    backup = commands.add_parser(
        "backup", parents=[db_option], help="sao lưu tệp dữ liệu ra một tệp (kiểm tra sau khi ghi)"
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="tệp sao lưu")
    restore = commands.add_parser(
        "restore",
        parents=[db_option],
        help="khôi phục tệp dữ liệu từ một bản sao lưu (tệp hiện tại được sao lưu trước)",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="bản sao lưu")
    plan = commands.add_parser(
        "import-plan",
        parents=[db_option],
        help="thêm một kế hoạch mới từ văn bản Word (.docx), .txt hoặc bảng nhiệm vụ Excel "
        "(.xlsx) (không sửa gì khác)",
    )
    plan.add_argument(
        "file", type=Path, metavar="FILE.docx|FILE.txt|FILE.xlsx", help="văn bản kế hoạch"
    )
    plan.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ đọc và kiểm tra, không ghi gì (với --json: in cả cây mục và các cảnh báo)",
    )
    plan.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    plan.add_argument(
        "--as-plan",
        action="store_true",
        help="đọc như một kế hoạch cả văn bản loại khác (thông báo kết luận, báo cáo…)",
    )
    returns = commands.add_parser(
        "import-returns",
        parents=[db_option],
        help="nhập tiến độ từ mẫu báo cáo Excel đơn vị gửi lại (kiểm tra hết rồi mới ghi)",
    )
    returns.add_argument("file", type=Path, metavar="FILE.xlsx", help="tệp đơn vị gửi lại")
    returns.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    returns.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    _draft_parser(commands, db_option)
    _reminders_parser(commands, db_option)
    return parser


def _reminders_parser(commands: Any, db_option: argparse.ArgumentParser) -> None:
    """`reminders [--plan ID] [--today DATE] [--json] [--draft --out DIR]`."""
    reminders = commands.add_parser(
        "reminders", parents=[db_option],
        help="nhắc việc: nhiệm vụ quá hạn và đến hạn trong 7, 3, 1 ngày, theo cơ quan chủ trì",
    )  # fmt: skip
    reminders.add_argument("--plan", type=int, metavar="ID", help="kế hoạch (mặc định: mới nhất)")
    reminders.add_argument(
        "--today", type=_date_option("--today"), metavar="DD/MM/YYYY",
        help="tính như vào ngày này (mặc định: hôm nay)",
    )  # fmt: skip
    reminders.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    reminders.add_argument(
        "--draft", action="store_true",
        help="soạn thư nhắc: mỗi đơn vị chủ trì có địa chỉ một thư (.eml) vào --out",
    )  # fmt: skip
    reminders.add_argument("--out", type=Path, metavar="DIR",
                           help="thư mục lưu thư nhắc (cùng --draft)")  # fmt: skip


def _draft_parser(commands: Any, db_option: argparse.ArgumentParser) -> None:
    """`draft report FILE… --to ADDRESS --out DIR [--subject TEXT]` and `draft units`."""
    draft = commands.add_parser(
        "draft", parents=[db_option],
        help="soạn thư điện tử (tệp .eml, mở bằng Outlook/Thunderbird để gửi khi có mạng)",
    )  # fmt: skip
    kinds = draft.add_subparsers(dest="draft_kind", metavar="LOẠI", required=True)
    report = kinds.add_parser("report", parents=[db_option], help="một thư gửi các tệp báo cáo")
    report.add_argument("files", nargs="+", type=Path, metavar="FILE", help="tệp đính kèm")
    report.add_argument(
        "--to", default="", metavar="ADDRESS",
        help="người nhận (mặc định: thư điện tử nhận báo cáo của kế hoạch)",
    )  # fmt: skip
    report.add_argument("--subject", default="", metavar="TEXT", help="tiêu đề thư")
    units = kinds.add_parser(
        "units", parents=[db_option],
        help="mỗi đơn vị một thư: danh mục nhiệm vụ (PDF) và mẫu báo cáo (Excel) của đơn vị",
    )  # fmt: skip
    units.add_argument(
        "--period", type=int, metavar="ID", help="kỳ báo cáo (mặc định: kỳ hiện tại)"
    )
    for parser in (report, units):
        parser.add_argument("--plan", type=int, metavar="ID", help="kế hoạch (mặc định: mới nhất)")
        parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                            help="thư mục lưu thư (như «Thư đi» bên tệp dữ liệu)")  # fmt: skip


def _export_parser(commands: Any, db_option: argparse.ArgumentParser) -> None:
    """`export REPORT`, its choices, help and options as the reports' registry says."""
    from dienchau_desktop.reports.registry import REPORT_KINDS, formats, keys_with

    def which(test: Callable[[Any], bool]) -> str:
        return ", ".join(keys_with(test))

    export = commands.add_parser(
        "export", parents=[db_option], help="xuất báo cáo ra tệp Excel hoặc PDF"
    )
    export.add_argument(
        "report",
        choices=[kind.key for kind in REPORT_KINDS],
        help="báo cáo: " + ", ".join(f"{kind.key} ({kind.summary})" for kind in REPORT_KINDS),
    )
    export.add_argument("--format", choices=list(formats()), required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--plan", type=int, metavar="ID", help="kế hoạch (mặc định: mới nhất)")
    unit, period = which(lambda k: k.needs_unit), which(lambda k: k.needs_period)
    export.add_argument("--unit", metavar="NAME", help=f"đơn vị (cho {unit})")
    export.add_argument("--period", type=int, metavar="ID", help=f"kỳ báo cáo ({period})")
    number, to = which(lambda k: "number" in k.options), which(lambda k: "addressee" in k.options)
    export.add_argument("--number", default="", help=f"số của báo cáo ({number})")
    export.add_argument("--to", default="", metavar="TEXT", help=f"Kính gửi ({to})")
    parts = which(lambda k: "parts" in k.options)
    export.add_argument("--shortcomings", default="", metavar="TEXT",
                        help=f"phần III. Tồn tại, hạn chế ({parts})")  # fmt: skip
    export.add_argument("--proposals", default="", metavar="TEXT",
                        help=f"phần V. Đề xuất, kiến nghị ({parts})")  # fmt: skip
    export.add_argument("--direction", metavar="TEXT",
                        help=f"phần I. Công tác chỉ đạo, điều hành ({parts})")  # fmt: skip
    export.add_argument("--next-text", metavar="TEXT",
                        help=f"phần IV. Nhiệm vụ, giải pháp kỳ tới ({parts})")  # fmt: skip
    export.add_argument("--recipient", action="append", metavar="TEXT",
                        help=f"Nơi nhận, mỗi lần một dòng ({parts})")  # fmt: skip
    export.add_argument("--save-texts", action="store_true",
                        help="lưu các phần văn bản đã cho vào tệp dữ liệu cho kỳ báo cáo, "
                             "cho những lần xuất sau và cửa sổ Xuất báo cáo")  # fmt: skip


def _export_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with `export`'s arguments that argparse cannot tell, or None."""
    from dienchau_desktop.reports.registry import REPORTS

    kind = REPORTS[args.report]
    if kind.needs_unit and not args.unit:
        return f"export {args.report} cần --unit NAME"
    if args.format not in kind.formats:
        return f"{args.report} chỉ có dạng {' hoặc '.join(kind.formats)}"
    return None


def _date_option(option: str) -> Callable[[str], date]:
    """The argparse type of a date option typed as dd/mm/yyyy (`--as-of`, `--today`),
    whose message names the option."""

    def read(text: str) -> date:
        from dienchau_desktop.core.deadline import parse_date

        try:
            day = parse_date(text, option.lstrip("-").replace("-", "_"), option)
        except UserError as error:
            raise argparse.ArgumentTypeError(error.message) from None
        if day is None:
            raise argparse.ArgumentTypeError("cần một ngày dạng dd/mm/yyyy")
        return day

    return read


def _utf8_output() -> None:
    """Vietnamese on every output: piped or redirected on Windows, Python would encode
    it in the ANSI code page (cp1252) and fail on the first "ự". A console is written
    as Unicode whatever this says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in {"utf-8", "utf8"}:
            reconfigure(encoding="utf-8", errors="replace")


#: Qt's own command-line options (QGuiApplication reads them from sys.argv): passed to
#: the window, not to our commands. `-platform windows` is how Wine is told which
#: platform plugin to use.
QT_OPTIONS_WITH_VALUE = frozenset(
    {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-style", "-stylesheet",
     "-qwindowgeometry", "-qwindowicon", "-qwindowtitle", "-session", "-display"}
)  # fmt: skip
QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def without_qt_options(argv: Sequence[str]) -> list[str]:
    kept: list[str] = []
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
        elif arg in QT_OPTIONS_WITH_VALUE:
            skip_value = True
        elif arg not in QT_FLAGS:
            kept.append(arg)
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    argv = without_qt_options(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)  # exits 2 with a usage message on bad usage
    try:
        return _run(args)
    except BrokenPipeError:
        # The output's reader went away (`… | head -1`). Each command prints its outcome
        # once its work is done, so the work stands: leave without a traceback, and
        # point stdout at nothing so Python's own flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    db_path: Path | None = getattr(args, "db", None)
    if args.command == "check":
        return _check(db_path, as_json=args.json)
    if args.command == "summary":
        return _summary(db_path, args.plan, args.period, args.as_of, as_json=args.json)
    if args.command == "export":
        wrong = _export_usage_error(args)
        if wrong is not None:
            _parser().error(wrong)
        return _export(db_path, args)
    if args.command == "backup":
        return _backup(db_path, args.out)
    if args.command == "restore":
        return _restore(db_path, args.file)
    if args.command == "import-plan":
        return _import_plan(
            db_path, args.file, dry_run=args.dry_run, as_json=args.json, as_plan=args.as_plan
        )
    if args.command == "import-returns":
        return _import_returns(db_path, args.file, dry_run=args.dry_run, as_json=args.json)
    if args.command == "draft":
        return _draft(db_path, args)
    if args.command == "reminders":
        if args.draft != (args.out is not None):
            _parser().error("reminders: --draft cần --out DIR (và --out chỉ dùng cùng --draft)")
        return _reminders(db_path, args)
    from dienchau_desktop.app import run

    return run(db_path, quit_after_paint=args.quit_after_paint)


def _resolve_data_file(db_path: Path | None) -> Path:
    """The file to work on. The default file is created with the sample plan on first use."""
    if db_path is not None:
        return db_path.expanduser().absolute()
    path = paths.default_data_file()
    if not path.exists():
        from dienchau_desktop.services.startup import open_data_file

        open_data_file(path, paths.sample_plan_file()).close()
    return path


def _open_existing(db_path: Path | None) -> Database:
    """The data file a command reads or changes, opened (and migrated if it must be).
    Another program writing it is waited for, as long as a write may take."""
    from dienchau_desktop import heap
    from dienchau_desktop.db.database import WRITER_WAIT_S, Database

    path = _resolve_data_file(db_path)
    db = Database.open(path, create=False, lock_wait=WRITER_WAIT_S, on_wait=_waiting_notice(path))
    heap.settle()
    return db


def _waiting_notice(path: Path) -> Callable[[float], None]:
    """Say once, on stderr, why the command pauses: a script's log then tells a slow
    run from a hung one."""
    said = False

    def notice(_waited: float) -> None:
        nonlocal said
        if not said:
            from dienchau_desktop.db.database import WRITER_WAIT_S

            print(f"Tệp dữ liệu «{path}» đang được một chương trình khác ghi; "
                  f"đang chờ (tối đa {WRITER_WAIT_S:.0f} giây)…",
                  file=sys.stderr, flush=True)  # fmt: skip
            said = True

    return notice


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
            "evidence_files": report.evidence_files,
            "evidence_bytes": report.evidence_bytes,
            "damaged_evidence": list(report.damaged_evidence),
        }
        if report.damaged_evidence:
            document["ok"] = False
        print(json.dumps(document, ensure_ascii=False))
        return EXIT_DAMAGED_EVIDENCE if report.damaged_evidence else EXIT_OK
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
    megabytes = report.evidence_bytes / 1024 / 1024
    print(f"Minh chứng: {report.evidence_files} tệp, {megabytes:.1f} MB".replace(".", ","))
    if report.damaged_evidence:
        print(f"Lỗi: {len(report.damaged_evidence)} tệp minh chứng bị hỏng (nội dung không còn "
              f"như lúc đính kèm): {', '.join(report.damaged_evidence)}. Hãy khôi phục từ một "
              f"bản sao lưu.", file=sys.stderr)  # fmt: skip
        return EXIT_DAMAGED_EVIDENCE
    return EXIT_OK


def _summary(
    db_path: Path | None, plan_id: int | None, period_id: int | None, as_of: date | None,
    *, as_json: bool,
) -> int:  # fmt: skip
    from dienchau_desktop.core.buckets import BUCKET_ORDER
    from dienchau_desktop.services import plans
    from dienchau_desktop.services.overview import overview

    try:
        db = _open_existing(db_path)
    except UserError as error:
        return _fail(error, as_json)
    try:
        plan_id = plan_id or plans.default_plan_id(db)
        if plan_id is None:
            from dienchau_desktop.core.errors import NotFoundError

            raise NotFoundError("Tệp dữ liệu chưa có kế hoạch nào.")
        plan = plans.get_plan(db, plan_id)
        view = overview(db, plan_id, period_id, as_of)
    except UserError as error:
        return _fail(error, as_json)
    finally:
        db.close()

    def buckets(counts: Any) -> dict[str, Any]:
        return {
            b.value: {"label": b.label_vi, "count": counts.count(b), "percent": counts.percent(b)}
            for b in BUCKET_ORDER
        }

    if as_json:
        document = {
            "ok": True,
            "plan": {"id": plan.id, "reference": plan.reference, "title": plan.title},
            "period": None
            if view.period is None
            else {"id": view.period.id, "label": view.period.label,
                  "start": view.period.start.isoformat(), "cutoff": view.period.cutoff.isoformat()},
            "cutoff": view.cutoff.isoformat(),
            "total": view.overall.total,
            "percent_done": view.percent,
            "buckets": buckets(view.overall),
            "by_lead_unit": [
                {"unit": u.title, "total": u.counts.total, "percent_done": u.percent,
                 "buckets": buckets(u.counts)}
                for u in view.units
            ],
            "by_section": [
                {"number": s.number, "title": s.title, "total": s.counts.total,
                 "percent_done": s.percent, "buckets": buckets(s.counts)}
                for s in view.sections
            ],
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False))
        return EXIT_OK
    where = view.period.label if view.period else f"đến ngày {view.cutoff:%d/%m/%Y}"
    print(f"Kế hoạch số {plan.reference}: {plan.title[:90]}")
    print(f"Kỳ: {where} (chốt số liệu {view.cutoff:%d/%m/%Y}); {view.overall.total} nhiệm vụ")
    for bucket in BUCKET_ORDER:
        n, pct = view.overall.count(bucket), view.overall.percent(bucket)
        print(f"  {bucket.label_vi:<28} {n:>6}  {pct:5.1f}%")
    print("Theo cơ quan chủ trì:")
    for unit in view.units:
        parts = ", ".join(
            f"{b.label_vi.lower()} {unit.counts.count(b)}"
            for b in BUCKET_ORDER if unit.counts.count(b)
        )  # fmt: skip
        print(f"  {unit.title}: {unit.counts.total} nhiệm vụ ({parts})")
    return EXIT_OK


def _export(db_path: Path | None, args: argparse.Namespace) -> int:
    from dienchau_desktop.reports.export import ExportRequest, export_report, unwritten_parts
    from dienchau_desktop.services import plans

    try:
        db = _open_existing(db_path)
    except UserError as error:
        return _fail(error, False)
    target = args.out.expanduser().absolute()
    try:
        plan_id = args.plan or plans.default_plan_id(db)
        if plan_id is None:
            from dienchau_desktop.core.errors import NotFoundError

            raise NotFoundError("Tệp dữ liệu chưa có kế hoạch nào.")
        texts = _export_texts(args)
        request = ExportRequest(
            args.report, args.format, plan_id, args.period, args.unit, number=args.number,
            addressee=args.to, shortcomings=args.shortcomings, proposals=args.proposals,
            texts=texts,
        )  # fmt: skip
        if args.save_texts and texts:
            request = _save_texts(db, request)
        said = export_report(db, request, target)
        unwritten = unwritten_parts(db, request)
    except UserError as error:
        return _fail(error, False)
    except OSError as exc:
        from dienchau_desktop.core.errors import OutputFileError, os_reason

        return _fail(OutputFileError(f"Không ghi được tệp «{target}» ({os_reason(exc)})."), False)
    finally:
        db.close()
    print(said)
    if unwritten:
        # The file is made (a draft to read over is useful), but she is told before she
        # sends upward a report whose own words are missing (#16).
        print(_unwritten_warning(unwritten), file=sys.stderr)
    return EXIT_OK


#: The option that writes each part a report must not go upward without.
_PART_OPTIONS = {"direction": "--direction", "shortcomings": "--shortcomings",
                 "proposals": "--proposals"}  # fmt: skip


def _unwritten_warning(keys: tuple[str, ...]) -> str:
    from dienchau_desktop.services.report_texts import TEXT_LABELS

    names = ", ".join(f"«{TEXT_LABELS[key]}»" for key in keys)
    options = ", ".join(_PART_OPTIONS[key] for key in keys)
    return (f"Cảnh báo: báo cáo còn để trống hoặc để nguyên khung soạn sẵn: {names}. "
            f"Hãy viết các phần này ({options}; --save-texts để lưu cho kỳ báo cáo) "
            "trước khi gửi báo cáo lên cấp trên.")  # fmt: skip


def _export_texts(args: argparse.Namespace) -> dict[str, str]:
    """The report's free texts given on the command line, by services.report_texts' keys
    (an empty --shortcomings or --proposals is not given: it always was the default)."""
    recipients = None if args.recipient is None else "\n".join(args.recipient)
    texts = {"direction": args.direction, "next_tasks": args.next_text,
             "shortcomings": args.shortcomings or None, "proposals": args.proposals or None,
             "recipients": recipients}  # fmt: skip
    return {key: value for key, value in texts.items() if value is not None}


def _save_texts(db: Any, request: Any) -> Any:
    """Keep the texts given for the period's report in the data file (--save-texts); the
    request, with the period it covers chosen as the export would choose it."""
    from dataclasses import replace

    from dienchau_desktop.core.errors import NotFoundError, ValidationError
    from dienchau_desktop.reports.registry import REPORTS
    from dienchau_desktop.services import periods, report_texts
    from dienchau_desktop.services.overview import choose_period

    if "parts" not in REPORTS[request.report].options:
        raise ValidationError("save_texts", f"Báo cáo «{request.report}» không có phần văn bản.")
    if request.period_id is None:
        chosen = choose_period(periods.list_periods(db, request.plan_id), date.today())
        if chosen is None:
            raise NotFoundError("Kế hoạch chưa có kỳ báo cáo nào.", "Hãy tạo kỳ báo cáo trước.")
        request = replace(request, period_id=chosen.id)
    elif request.period_id not in {p.id for p in periods.list_periods(db, request.plan_id)}:
        raise NotFoundError(f"Kế hoạch không có kỳ báo cáo số {request.period_id}.")
    report_texts.save_report_texts(db, request.period_id, request.texts)
    return request


def _backup(db_path: Path | None, out: Path) -> int:
    from dienchau_desktop.services import data_file

    try:
        source = _resolve_data_file(db_path)
        target = out.expanduser().absolute()
        data_file.save_copy(source, target)
    except UserError as error:
        return _fail(error, False)
    print(f"Đã sao lưu «{source}» ra «{target}».")
    return EXIT_OK


def _restore(db_path: Path | None, backup: Path) -> int:
    from dienchau_desktop.services import data_file

    target = (db_path or paths.default_data_file()).expanduser().absolute()
    # Never under an open window: it would go on showing (and saving over) the old data.
    lock = data_file.DataFileLock(target)
    try:
        if not lock.acquire():
            from dienchau_desktop.db import errors

            raise errors.locked(target)
        safety = data_file.restore(
            backup.expanduser().absolute(), target, on_wait=_waiting_notice(target)
        )
    except UserError as error:
        return _fail(error, False)
    finally:
        lock.release()
    print(f"Đã khôi phục «{target}» từ «{backup}».")
    if safety is not None:
        print(f"Tệp trước khi khôi phục được giữ ở «{safety}».")
    return EXIT_OK


def _run_import(
    db_path: Path | None, as_json: bool, work: Callable[[Any], Any], sentence: Callable[[Any], str]
) -> int:
    """Open the data file, run one import (`work(db)` returns its summary), then print the
    summary as JSON or as `sentence(summary)`; a bad file or data file gets its exit code."""

    try:
        db = _open_existing(db_path)
    except UserError as error:
        return _fail(error, as_json)
    try:
        summary = work(db)
    except UserError as error:
        return _fail(error, as_json)
    finally:
        db.close()
    if as_json:
        print(json.dumps({"ok": True, **asdict(summary)}, ensure_ascii=False))
    else:
        print(sentence(summary))
    return EXIT_OK


def _import_plan(
    db_path: Path | None, file: Path, *, dry_run: bool, as_json: bool, as_plan: bool = False
) -> int:
    from dienchau_desktop.importers.plan_document import import_plan

    def sentence(summary: Any) -> str:
        verb = "Sẽ thêm" if dry_run else f"Đã thêm kế hoạch số {summary.plan_id}"
        lines = [f"{verb}: «{_shortened(summary.title)}» — {summary.sections} mục, "
                 f"{summary.tasks} nhiệm vụ, {summary.texts} đoạn văn, "
                 f"{summary.units} đơn vị."]  # fmt: skip
        lines += [f"Cảnh báo: {warning}" for warning in summary.warnings]
        return "\n".join(lines)

    path = file.expanduser().absolute()
    return _run_import(
        db_path,
        as_json,
        lambda db: import_plan(db, path, dry_run=dry_run, as_plan=as_plan),
        sentence,
    )


def _import_returns(db_path: Path | None, file: Path, *, dry_run: bool, as_json: bool) -> int:
    from dienchau_desktop.importers.returns import import_return

    def sentence(summary: Any) -> str:
        verb = "Sẽ ghi" if dry_run else "Đã ghi"
        helped = (f" (trong đó {summary.contributions} mục là phần việc phối hợp: lưu vào "
                  f"lịch sử, không thay đổi trạng thái nhiệm vụ)" if summary.contributions
                  else "")  # fmt: skip
        return (f"{verb} {summary.recorded} mục tiến độ của «{summary.unit}» cho kỳ "
                f"«{summary.period}»{helped}; {summary.unchanged} dòng như đã có, "
                f"{summary.empty} dòng để trống.")  # fmt: skip

    path = file.expanduser().absolute()
    return _run_import(db_path, as_json, lambda db: import_return(db, path, dry_run=dry_run),
                       sentence)  # fmt: skip


def _draft(db_path: Path | None, args: argparse.Namespace) -> int:
    """Write the drafts asked for; print each one's file, and on stderr the units left
    without a draft for want of an address."""
    from dienchau_desktop.reports import mail_drafts, unit_drafts
    from dienchau_desktop.services import plans

    try:
        db = _open_existing(db_path)
    except UserError as error:
        return _fail(error, False)
    folder = args.out.expanduser().absolute()
    try:
        plan_id = args.plan or plans.default_plan_id(db)
        if plan_id is None:
            from dienchau_desktop.core.errors import NotFoundError

            raise NotFoundError("Tệp dữ liệu chưa có kế hoạch nào.")
        if args.draft_kind == "report":
            files = [f.expanduser().absolute() for f in args.files]
            draft = mail_drafts.report_draft(db, plan_id, files, args.to, args.subject)
            written = [mail_drafts.write_draft(db, draft, folder)]
            without: tuple[Any, ...] = ()
        else:
            made = unit_drafts.draft_for_units(db, plan_id, args.period, folder)
            written = [w for _unit, w in made.written]
            without = made.without_address
    except UserError as error:
        return _fail(error, False)
    finally:
        db.close()
    for draft_written in written:
        size = " (quá 25 MB: nhiều hộp thư sẽ không nhận)" if draft_written.too_large else ""
        print(f"Đã soạn thư gửi {', '.join(draft_written.to)}: «{draft_written.path}»{size}")
    if without:
        names = ", ".join(unit.name for unit in without)
        print(f"Chưa có địa chỉ thư, không soạn thư cho: {names}.", file=sys.stderr)
    return EXIT_OK


def _reminders(db_path: Path | None, args: argparse.Namespace) -> int:
    """The plan's reminders on the day, by lead unit, as the window's list has them;
    with --draft, the reminder drafts the window's «Soạn thư nhắc» writes."""
    from dienchau_desktop.reports.reminder_drafts import reminder_drafts
    from dienchau_desktop.services import plans
    from dienchau_desktop.services.reminders import reminders

    try:
        db = _open_existing(db_path)
    except UserError as error:
        return _fail(error, args.json)
    made = None
    try:
        plan_id = args.plan or plans.default_plan_id(db)
        if plan_id is None:
            from dienchau_desktop.core.errors import NotFoundError

            raise NotFoundError("Tệp dữ liệu chưa có kế hoạch nào.")
        plan = plans.get_plan(db, plan_id)
        found = reminders(db, plan_id, args.today or date.today())
        if args.draft:
            made = reminder_drafts(db, found, args.out.expanduser().absolute())
    except UserError as error:
        return _fail(error, args.json)
    finally:
        db.close()
    if args.json:
        print(json.dumps(_reminders_document(plan, found, made), ensure_ascii=False))
    else:
        _print_reminders(plan, found)
        if made is not None:
            for _unit, written in made.written:
                print(f"Đã soạn thư nhắc gửi {', '.join(written.to)}: «{written.path}»")
    if made is not None and made.without_address:
        names = ", ".join(unit.name for unit in made.without_address)
        print(f"Chưa có địa chỉ thư, không soạn thư nhắc cho: {names}.", file=sys.stderr)
    if made is not None and made.unassigned:
        print(f"{made.unassigned} nhiệm vụ chưa có cơ quan chủ trì: không có ai để nhắc.",
              file=sys.stderr)  # fmt: skip
    return EXIT_OK


#: The bands' keys in --json, from the most pressing.
_BAND_KEYS = {0: "overdue", 1: "within_1_day", 3: "within_3_days", 7: "within_7_days"}


def _reminders_document(plan: Any, found: Any, made: Any) -> dict[str, Any]:
    from dienchau_desktop.services.reminders import Band

    def counts(group: Any) -> dict[str, int]:
        return {_BAND_KEYS[band.value]: group.count(band) for band in Band}

    document: dict[str, Any] = {
        "ok": True,
        "plan": {"id": plan.id, "reference": plan.reference, "title": plan.title},
        "day": found.day.isoformat(),
        "total": found.total,
        "counts": counts(found),
        "by_lead_unit": [
            {"unit_id": group.unit_id, "unit": group.unit_name, "counts": counts(group),
             "tasks": [
                 {"id": t.id, "number": t.number, "title": t.title,
                  "deadline": t.deadline_text, "due_date": t.due_date.isoformat(),
                  "days_left": t.days_left, "band": _BAND_KEYS[t.band.value],
                  "state": t.state, "percent": t.percent}
                 for t in group.tasks
             ]}
            for group in found.units
        ],
    }  # fmt: skip
    if made is not None:
        document["drafts"] = [
            {"unit": unit.name, "to": list(w.to), "file": str(w.path), "too_large": w.too_large}
            for unit, w in made.written
        ]
        document["without_address"] = [unit.name for unit in made.without_address]
        document["without_lead_unit"] = made.unassigned
    return document


def _print_reminders(plan: Any, found: Any) -> None:
    from dienchau_desktop.services.reminders import BAND_WORDS, Band

    print(f"Kế hoạch số {plan.reference}: {_shortened(plan.title, 90)}")
    if found.is_empty:
        print(f"Ngày {found.day:%d/%m/%Y}: không có nhiệm vụ nào quá hạn hoặc đến hạn "
              "trong 7 ngày tới.")  # fmt: skip
        return
    short = {Band.OVERDUE: "quá hạn", Band.WITHIN_1: "đến hạn hôm nay hoặc ngày mai",
             Band.WITHIN_3: "trong 3 ngày tới", Band.WITHIN_7: "trong 7 ngày tới"}  # fmt: skip
    parts = ", ".join(f"{found.count(b)} {short[b]}" for b in Band if found.count(b))
    print(f"Ngày {found.day:%d/%m/%Y}: {found.total} nhiệm vụ ({parts})")
    for group in found.units:
        print(f"{group.unit_name}:")
        for band in Band:
            tasks = [t for t in group.tasks if t.band is band]
            if not tasks:
                continue
            print(f"  {BAND_WORDS[band]} ({len(tasks)}):")
            for t in tasks:
                if t.days_left < 0:
                    when = f"quá hạn {t.days_overdue} ngày"
                elif t.days_left == 0:
                    when = "đến hạn hôm nay"
                else:
                    when = f"còn {t.days_left} ngày"
                state = t.state if t.percent is None else f"{t.state} {t.percent}%"
                number = f"{t.number} " if t.number else ""
                print(f"    {number}{_shortened(t.title)} — hạn {t.due_date:%d/%m/%Y} "
                      f"({t.deadline_text}); {when}; {state}")  # fmt: skip


def _shortened(text: str, limit: int = 150) -> str:
    """A title as a sentence names it: a 10,000-character title is not printed whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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

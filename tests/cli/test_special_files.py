"""Files that are not files: a named pipe (FIFO) blocked the import forever, and a link to
/dev/zero or /dev/urandom read without end (24 GB in 87 s). Each importer now refuses
anything but a regular file before opening it: exit 3, a sentence naming it, at once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import run_cli
from tests.conftest import make_sample_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")

COMMANDS = [("import-plan", ".txt"), ("import-plan", ".docx"), ("import-returns", ".xlsx")]


@contextlib.contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the import has not ended after `seconds`."""

    def stop(*_args: object) -> None:
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def special(folder: Path, kind: str, suffix: str) -> Path:
    path = folder / f"x{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(f"/dev/{kind}")
    return path


@pytest.mark.parametrize(("command", "suffix"), COMMANDS)
@pytest.mark.parametrize(("kind", "words"), [
    ("fifo", "là một đường ống FIFO"),
    ("zero", "là một thiết bị, đường dẫn tới «/dev/zero»"),
    ("urandom", "là một thiết bị, đường dẫn tới «/dev/urandom»"),
])  # fmt: skip
def test_a_pipe_or_a_device_is_refused_at_once(tmp_path: Path, command: str, suffix: str,
                                               kind: str, words: str) -> None:  # fmt: skip
    if kind != "fifo" and not Path(f"/dev/{kind}").exists():
        pytest.skip(f"no /dev/{kind}")
    data_file = make_sample_file(tmp_path / "data")
    before = data_file.read_bytes()
    path = special(tmp_path, kind, suffix)
    for options in [("--dry-run",), ("--json",)]:
        started = time.monotonic()
        with at_most(10):
            result = run_cli(command, str(path), "--db", str(data_file), *options,
                             data_dir=tmp_path)  # fmt: skip
        assert time.monotonic() - started < 5
        assert result.returncode == 3, (result.stdout, result.stderr)
        first = result.stderr.splitlines()[0]
        assert first == f"Lỗi: Tệp «x{suffix}»: không phải một tệp thông thường ({words}).", first
        if "--json" in options:
            report = json.loads(result.stdout)
            assert report["ok"] is False and report["error"] == "BadInputFileError"
    assert data_file.read_bytes() == before


def test_a_link_to_a_real_file_still_imports(tmp_path: Path) -> None:
    """Links are followed: only what they lead to counts."""
    data_file = make_sample_file(tmp_path / "data")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(
        "KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Việc chung\n- Làm việc một.\n", encoding="utf-8"
    )
    link = tmp_path / "lien-ket.txt"
    link.symlink_to(plan)
    result = run_cli("import-plan", str(link), "--db", str(data_file), "--dry-run", "--json",
                     data_dir=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tasks"] == 1

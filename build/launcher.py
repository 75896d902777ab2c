"""The packaged program's entry point: the same as the `dienchau-desktop` command.

The Windows program is built windowed (no console box behind the window), so Windows
gives it no console. Typed in a Command Prompt (`dienchau-desktop.exe check`), it
attaches to that prompt's console, so what the command line prints is seen there; with
its output piped or redirected it keeps the handles it was given."""

import os
import sys


def _attach_parent_console() -> None:
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


if __name__ == "__main__":
    if sys.platform == "win32" and sys.stdout is None and len(sys.argv) > 1:
        _attach_parent_console()
    if sys.stdout is None:  # started from a shortcut: nowhere to print, and nothing to
        # print but the window's own messages, which go to the log
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = sys.stdout
    checks = os.environ.get("DIENCHAU_FROZEN_CHECKS")
    if checks:
        # The smoke test's checks of the window (build/frozen_checks.py), run inside the
        # frozen program with its own Python, Qt and plugins: the bundle has no test
        # runner. Nothing sets this on a user's machine.
        with open(checks, encoding="utf-8") as source:
            code = compile(source.read(), checks, "exec")
        exec(code, {"__name__": "__main__", "__file__": checks})
        sys.exit(0)
    from dienchau_desktop.cli import main

    sys.exit(main())

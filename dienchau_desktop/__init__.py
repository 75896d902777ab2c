"""Theo dõi kế hoạch UBND xã — the commune plan tracker."""

from __future__ import annotations


def version() -> str:
    """The program's version, as recorded in pyproject.toml (installed metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("dienchau-desktop")
    except PackageNotFoundError:
        return "0+unknown"

"""The optional C extensions, imported in one place so that one switch turns them all off."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

__all__ = ["import_extension"]


def import_extension(name: str) -> ModuleType | None:
    """``newsmodel.<name>``, or None when it was not built or ``NEWSMODEL_PURE_PYTHON`` is set.

    Each caller still checks that the module matches what it expects before using it.
    """
    if os.environ.get("NEWSMODEL_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        return importlib.import_module(f"newsmodel.{name}")
    except ImportError:
        return None

"""Piggy Desk: a shop-counter program for the Piggy (Leat) loyalty API."""

import sys
from types import ModuleType

__version__ = "0.1.0"


def skip_pyside_source_scan() -> None:
    """WORKAROUND for PySide6's import hook (``PySide6.support.feature``): once PySide6 is
    imported, every module imported after it has its whole source read
    (``inspect.getsource``, kept in ``linecache``) to guess whether it might select a
    ``__feature__`` (snake_case, true_property). Piggy Desk selects none, and a module
    that did would still select it by its own ``from __feature__ import``: every module is
    taken as one that does not (the -1 "ignore this module" of that hook). About 15 ms of
    CPU for the 177 modules the counter's start imports after PySide6. Does nothing before
    PySide6 is imported (call it again after) or where the hook is not there."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _selects_no_feature  # type: ignore[attr-defined]
        # What the hook read before this (PySide6's own modules, enum.py: about 0.2 MB of
        # lines) is kept in linecache, a cache of lines for tracebacks: let it go.
        linecache = sys.modules.get("linecache")
        if linecache is not None:
            linecache.clearcache()


def _selects_no_feature(module: ModuleType) -> bool:
    return False


skip_pyside_source_scan()

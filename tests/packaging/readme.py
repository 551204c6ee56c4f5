"""The README's commands, read as a person reads them (what CI runs too)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def apt_packages(marker: str) -> set[str]:
    """The packages of the first ``apt-get install`` line after ``<!-- marker -->``."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"<!-- {marker} -->")
    match = re.search(r"apt-get install ([^`\n]+)", text[start:])
    assert match, f"README.md has no apt-get line after <!-- {marker} -->"
    return {word for word in match.group(1).split() if not word.startswith("-")}


def commands(marker: str) -> list[str]:
    """The lines of the fenced block after ``<!-- marker -->``."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index(f"<!-- {marker} -->") :].split("```")[1]
    return [line.strip() for line in block.splitlines() if line.strip()]


def debian_deps() -> ModuleType:
    """packaging/debian_deps.py (packaging/ is not a Python package)."""
    if shutil.which("dpkg-query") is None or shutil.which("ldd") is None:
        pytest.skip("derives Debian packages: needs dpkg and ldd")
    spec = importlib.util.spec_from_file_location(
        "debian_deps", ROOT / "packaging" / "debian_deps.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["debian_deps"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module

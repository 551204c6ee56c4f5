"""How the tests are laid out: a test module imports nothing from another test module (what
tests share lives in tests/helpers/, a conftest, or a helper module beside them), and the
window's tests sit in tests/ui/<feature>/ as the program's code sits in piggy_desk/ui/<feature>/."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
UI = TESTS.parent / "piggy_desk" / "ui"


def _is_test_module(name: str) -> bool:
    return name.rsplit(".", 1)[-1].startswith("test_")


def _test_modules_imported(path: Path) -> list[str]:
    """The test modules ``path`` imports from, as dotted names (relative ones resolved)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if _is_test_module(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import: resolve against the file's package
                parts = path.relative_to(TESTS.parent).with_suffix("").parts[: -node.level]
                base = ".".join(p for p in (*parts, base) if p)
            if _is_test_module(base):
                found.append(base)
            # "from tests.ui import test_keyboard" imports a test module too.
            found += [f"{base}.{a.name}" for a in node.names if _is_test_module(a.name)]
    return found


def _offenders() -> dict[str, list[str]]:
    imports = {
        str(path.relative_to(TESTS.parent)): _test_modules_imported(path)
        for path in sorted(TESTS.rglob("*.py"))
    }
    return {file: names for file, names in imports.items() if names}


def test_no_module_imports_from_a_test_module() -> None:
    assert _offenders() == {}, "move what is shared to tests/helpers/ or a conftest"


def test_the_checker_sees_an_import_from_a_test_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "tests" / "ui"
    folder.mkdir(parents=True)
    (folder / "test_bad.py").write_text(
        "from tests.ui.counter.test_redemption import enter\n"
        "from .test_keyboard import tab_to\n"
        "from tests.ui import test_vouchers\n"
        "import tests.api.test_plain_http\n"
        "from tests.ui.conftest import until\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "TESTS", tmp_path / "tests")
    assert _offenders() == {
        "tests/ui/test_bad.py": [
            "tests.ui.counter.test_redemption",
            "tests.ui.test_keyboard",
            "tests.ui.test_vouchers",
            "tests.api.test_plain_http",
        ]
    }


def test_the_window_tests_are_in_a_folder_per_ui_package() -> None:
    assert sorted(p.name for p in (TESTS / "ui").glob("test_*.py")) == []
    features = {p.parent.name for p in UI.glob("*/__init__.py")}
    folders = {p.parent.name for p in (TESTS / "ui").glob("*/__init__.py")}
    assert folders <= features, "a tests/ui/ folder is named after a piggy_desk/ui/ package"

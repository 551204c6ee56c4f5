"""The layer rules of design.md, read from the source: imports point down only."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from piggy_desk.sandbox import RunningSandbox

PACKAGE = Path(__file__).resolve().parents[1] / "piggy_desk"
QT_FREE = ("api", "counter", "sandbox", "manager")


def _imports(layer: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")) if (PACKAGE / layer).exists() else []:
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative import: resolve against the file's package
                    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                    base = ".".join((*parts, base)) if base else ".".join(parts)
                names.add(base)
                # "from piggy_desk import api" imports piggy_desk.api too.
                names.update(f"{base}.{alias.name}" for alias in node.names if base)
        found[str(path.relative_to(PACKAGE.parent))] = names
    return found


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt(layer: str) -> None:
    offenders = {
        file: sorted(n for n in names if n.split(".")[0] in {"PySide6", "shiboken6", "qasync"})
        for file, names in _imports(layer).items()
    }
    assert {f: n for f, n in offenders.items() if n} == {}


def test_sandbox_shares_no_code_with_the_client() -> None:
    offenders = {
        file: sorted(
            n
            for n in names
            if n.startswith(("piggy_desk.api", "piggy_desk.counter", "piggy_desk.ui"))
        )
        for file, names in _imports("sandbox").items()
    }
    assert {f: n for f, n in offenders.items() if n} == {}


def test_client_knows_nothing_above_it() -> None:
    offenders = {
        file: sorted(
            n
            for n in names
            if n.startswith(
                ("piggy_desk.counter", "piggy_desk.ui", "piggy_desk.sandbox", "piggy_desk.app")
            )
        )
        for file, names in _imports("api").items()
    }
    assert {f: n for f, n in offenders.items() if n} == {}


def test_the_manager_knows_nothing_above_it() -> None:
    """``manager/`` (the manager's checks and export) sits beside ``counter/``: it uses the
    client, never a screen."""
    found = _imports("manager")
    assert found, "piggy_desk/manager is there"
    offenders = {
        file: sorted(
            n
            for n in names
            if n.startswith(
                ("piggy_desk.counter", "piggy_desk.ui", "piggy_desk.sandbox", "piggy_desk.app")
            )
        )
        for file, names in found.items()
    }
    assert {f: n for f, n in offenders.items() if n} == {}


def test_the_checker_sees_a_forbidden_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layer = tmp_path / "piggy_desk" / "api"
    layer.mkdir(parents=True)
    (layer / "bad.py").write_text("from PySide6 import QtWidgets\nfrom ..ui import window\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "piggy_desk")
    names = _imports("api")["piggy_desk/api/bad.py"]
    assert {"PySide6", "piggy_desk.ui", "piggy_desk.ui.window"} <= names


def test_the_checker_sees_from_package_import_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layer = tmp_path / "piggy_desk" / "sandbox"
    layer.mkdir(parents=True)
    (layer / "bad.py").write_text("from piggy_desk import api\nfrom .. import api as client\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "piggy_desk")
    assert "piggy_desk.api" in _imports("sandbox")["piggy_desk/sandbox/bad.py"]


@pytest.mark.parametrize(
    "package",
    [
        "piggy_desk.api",
        "piggy_desk.counter.flow",
        "piggy_desk.sandbox",
        "piggy_desk.notices",
        "piggy_desk.manager.drafts",
        "piggy_desk.manager.export",
    ],
)
def test_importing_a_lower_layer_loads_no_qt(package: str) -> None:
    probe = (
        f"import sys, {package}; "
        "qt = ('PySide6', 'shiboken6', 'qasync'); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    finished = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr


@pytest.mark.parametrize(
    "module", ["logs.py", "settings.py", "token_store.py", "notices.py", "native_memory.py"]
)
def test_top_level_helpers_never_import_qt(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text())
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {n for n in names if n.split(".")[0] in {"PySide6", "shiboken6", "qasync"}}


@pytest.mark.parametrize(
    ("module", "unwanted"),
    [
        # httpx's command-line tool and the sandbox's web server
        ("piggy_desk.api", ("click", "pygments", "uvicorn", "starlette")),
        # ... and what the counter's start does not need: the key store (looked up on its
        # worker thread), the manager and first-run screens (built when first opened)
        (
            "piggy_desk.app",
            (
                "click",
                "uvicorn",
                "starlette",
                "keyring",
                "piggy_desk.ui.vouchers.screen",
                "piggy_desk.ui.promotions.screen",
                "piggy_desk.ui.contacts.screen",
                "piggy_desk.ui.journal.screen",
                "piggy_desk.ui.settings.screen",
                "piggy_desk.ui.first_run.screen",
                # ... and, until the window is painted, the client (httpx, httpcore), the
                # sandbox (the demo starts it after the paint) and printing (issue 20)
                "httpx",
                "httpcore",
                "h11",
                "piggy_desk.api.client",
                "piggy_desk.sandbox.app",
                "piggy_desk.sandbox.server",
                "piggy_desk.ui.printing",
                "piggy_desk.voucher_print",
                "PySide6.QtPrintSupport",
                "segno",
                "barcode",
                # ... and the one-copy guard's call socket (it listens after the paint)
                "PySide6.QtNetwork",
                # ... and the loop: the demo's counter is painted before asyncio and qasync
                # are imported (app._paint_before_the_loop)
                "asyncio",
                "qasync",
                "piggy_desk.counter.flow",
                # ... and the API's models (the window shows no voucher before its paint)
                "piggy_desk.api.models",
                # ... and the sound players' helper, with subprocess (when first played)
                "piggy_desk.processes",
                # ... and OpenSSL's hashlib (hmac, secrets: the PIN, the one-copy socket's
                # name) and platform's regular expressions (issue 20)
                "hashlib",
                "hmac",
                "secrets",
                "platform",
            ),
        ),
        # The manager's screens print only when asked: QtPrintSupport and the printing
        # modules are about 1.4 MB of memory (issue 20).
        *(
            (
                screen,
                ("piggy_desk.ui.printing", "PySide6.QtPrintSupport", "segno", "barcode"),
            )
            for screen in ("piggy_desk.ui.vouchers.screen", "piggy_desk.ui.contacts.screen")
        ),
        # ... and Vouchers makes its dialogs (new voucher, new batch, where to save the
        # export) when first asked for: 0.36 MB with their Qt classes (issue 20).
        (
            "piggy_desk.ui.vouchers.screen",
            ("piggy_desk.ui.vouchers.dialogs", "piggy_desk.ui.widgets.save_dialog"),
        ),
        # ... and csv at the first export; the counter's sounds are written without the
        # wave module (0.1 MB each, issue 20).
        ("piggy_desk.ui.vouchers.screen", ("csv",)),
        ("piggy_desk.app", ("wave",)),
        # ... and the log rotates without logging.handlers, which imports pickle and the
        # network handlers (0.6 MB, issue 20)
        ("piggy_desk.logs", ("logging.handlers", "pickle")),
        # The demo's sandbox serves over h11 itself: uvicorn's package imported its command
        # line (click), logging.config and multiprocessing, about 40 ms of CPU before the
        # first scan could be answered (issue 20).
        ("piggy_desk.sandbox.server", ("uvicorn", "click", "logging.config", "multiprocessing")),
    ],
)
def test_start_up_imports_nothing_it_does_not_use(module: str, unwanted: tuple[str, ...]) -> None:
    code = f"import sys, {module}; print(sorted(set({unwanted!r}) & set(sys.modules)))"
    assert _printed(code) == "[]"


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs itself decides elsewhere")
def test_the_start_finds_its_folders_without_platformdirs() -> None:
    """The per-user folders the start asks for: platformdirs' modules stayed for the
    program's life for four paths (0.3 MB, issue 20)."""
    code = (
        "import sys, piggy_desk.app; from piggy_desk import logs, settings; "
        "settings.data_dir(), settings.config_dir(), settings.cache_dir(), "
        "logs.default_log_dir(); print('platformdirs' in sys.modules)"
    )
    assert _printed(code) == "False"


def _printed(code: str) -> str:
    """What ``code`` prints, run by this Python in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


# A client's requests to Piggy, whose host name is in ASCII, as every shop's are.
CLIENT_REQUESTS = """
import asyncio, sys

from piggy_desk.api import PiggyClient


async def main() -> None:
    async with PiggyClient(sys.argv[1], sys.argv[2]) as client:
        await client.promotions.list()
        await client.vouchers.find("ACTIEF0001")


asyncio.run(main())
print(sorted(name for name in sys.modules if name.startswith("idna.")))
"""


def test_a_client_on_an_ascii_host_runs_no_idna(sandbox: RunningSandbox) -> None:
    """httpx and anyio import idna, whose tables (about 0.3 MB) only a host name outside
    ASCII needs: it runs when first used (issue 20)."""
    done = subprocess.run(
        [sys.executable, "-c", CLIENT_REQUESTS, sandbox.base_url, sandbox.token],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"


def test_a_host_name_outside_ascii_still_has_idna() -> None:
    """... and where a host name needs it, idna is there as before: httpx's URLs, anyio's
    connections (IDNA 2008) and an ``import idna`` of its own."""
    code = (
        "import piggy_desk.api, httpx, idna\n"
        "from anyio._core._sockets import idna2008_resolve\n"
        "from idna import IDNAError\n"
        "print(httpx.URL('https://b\u00fccher.example/').raw_host.decode(),"
        " httpx.URL('https://xn--bcher-kva.example/').host,"
        " idna2008_resolve('b\u00fccher.example').decode(),"
        " idna.encode('b\u00fccher.example').decode(), issubclass(IDNAError, UnicodeError))"
    )
    assert _printed(code) == (
        "xn--bcher-kva.example b\u00fccher.example xn--bcher-kva.example xn--bcher-kva.example True"
    )


# The window as the program builds it, without the loop; Vouchers opened (its tab asked for).
OPEN_VOUCHERS = """
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from piggy_desk.app import attach_client, build_counter_window
from piggy_desk.settings import Settings

app = QApplication([])
settings = Settings()
window = build_counter_window(data_dir=Path(sys.argv[1]), settings=settings, training=True)
attach_client(window, base_url="http://127.0.0.1:9", token="token", settings=settings)
window.vouchers
names = ("journal", "promotions", "contacts", "settings")
others = {f"piggy_desk.ui.{name}.screen" for name in names}
print(sorted(others & set(sys.modules)))
"""


def _window_script(script: str, folder: Path) -> str:
    """What ``script`` prints, run in a process of its own with ``folder`` as its data."""
    return subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_opening_vouchers_imports_no_other_manager_screen(tmp_path: Path) -> None:
    """Each manager screen's modules come when it is first opened: about 0.6 MB of Python
    objects that a manager who only looks at vouchers never uses (issue 20)."""
    assert _window_script(OPEN_VOUCHERS, tmp_path) == "[]"


# The same window, Vouchers shown with a page of vouchers and its columns fitted to them.
FIT_VOUCHERS = """
import sys
from pathlib import Path

from PySide6 import QtWidgets

from piggy_desk.api import Voucher
from piggy_desk.app import attach_client, build_counter_window
from piggy_desk.settings import Settings

app = QtWidgets.QApplication([])
settings = Settings()
window = build_counter_window(data_dir=Path(sys.argv[1]), settings=settings, training=True)
attach_client(window, base_url="http://127.0.0.1:9", token="token", settings=settings)
window.show()
window.tabs.setCurrentWidget(window.vouchers)
app.processEvents()
vouchers = [Voucher(uuid=f"uuid-{n}", code=f"CODE{n:04}", status="ACTIVE") for n in range(50)]
window.vouchers.model.append_page(vouchers)
window.vouchers.table.fit_columns()
print("QMdiArea" in vars(QtWidgets))
"""


def test_fitting_the_vouchers_columns_sets_up_no_unrelated_qt_class(tmp_path: Path) -> None:
    """PySide6 makes the Python type of every QWidget class it knows, with their enums, the
    first time it hands Python a widget of a class it does not know, as a scroll area's
    viewport is: the list's columns are fitted without asking for it (0.46 MB, issue 20).
    QMdiArea stands for the classes nothing in the program uses."""
    assert _window_script(FIT_VOUCHERS, tmp_path) == "False"


# The counter's window as the demo's start builds it, shown and painted before any loop.
COUNTER_PAINTED = """
import sys
from pathlib import Path

from PySide6 import QtGui, QtWidgets

from piggy_desk.app import build_counter_window
from piggy_desk.settings import Settings

app = QtWidgets.QApplication([])
window = build_counter_window(data_dir=Path(sys.argv[1]), settings=Settings(), training=True)
window.show()
app.processEvents()
# (QScrollArea is the counter's own now: the voucher card scrolls on a small screen.)
names = ("QDialogButtonBox", "QComboBox", "QToolButton", "QPainter", "QPen")
made = sorted(name for name in names if name in vars(QtWidgets) or name in vars(QtGui))
print(window.is_painted, made)
"""


def test_the_counters_first_paint_sets_up_no_qt_class_it_does_not_use(tmp_path: Path) -> None:
    """PySide6 makes a Qt class's Python type and enums when it is first imported or met:
    the PIN dialog's buttons, the screen reader's labelling (run after the paint) and the
    status glyphs' painting (at their first paint, which the empty counter does not have)
    are not set up before the window's first paint (issue 20)."""
    assert _window_script(COUNTER_PAINTED, tmp_path) == "True []"


# The training window the self-test, the screenshots and the benchmarks drive.
TRAINING_WINDOW = """
import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_training_window
from piggy_desk.ui.core.loop import CounterEventLoop


async def build() -> None:
    folder = Path(sys.argv[1])
    window = build_training_window(base_url="http://127.0.0.1:9", token="token", folder=folder)
    await window.shutdown()


app = QApplication([])
with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
    runner.run(build())
print(sorted({"piggy_desk.sandbox.seed", "piggy_desk.sandbox.state"} & set(sys.modules)))
"""


def test_the_training_window_loads_no_sandbox_data(tmp_path: Path) -> None:
    """A training window may talk to any server: the sandbox's seeded data and state (0.8
    MB) belong to the sandbox's own process, not to the window's (issue 20)."""
    assert _window_script(TRAINING_WINDOW, tmp_path) == "[]"


@pytest.mark.parametrize(
    "first", ["import piggy_desk.app", "import PySide6.QtWidgets; import piggy_desk.app"]
)
def test_the_start_reads_no_modules_source(first: str) -> None:
    """PySide6's import hook reads the whole source of each module imported after PySide6
    (into ``linecache``) unless ``skip_pyside_source_scan`` has run: about 15 ms of the
    start. Whether the program imports PySide6 (its start) or a driver or a test did first.
    (The package's own small ``__init__`` is read once in the first case, before the
    workaround it holds can run.)"""
    code = (
        f"import linecache, sys; {first}; "
        "print(sorted(f for f in linecache.cache if ('piggy_desk' in f or 'asyncio' in f) "
        "and not f.endswith('piggy_desk/__init__.py')))"
    )
    assert _printed(code) == "[]"


@pytest.mark.parametrize(
    "first", ["import piggy_desk.app", "import PySide6.QtWidgets; import piggy_desk.app"]
)
def test_the_start_keeps_no_lines_pyside6s_hook_read(first: str) -> None:
    """What the hook read before the workaround could stop it (PySide6's and shiboken6's
    own ``__init__``, enum.py: about 0.2 MB of lines in ``linecache``, a cache of lines
    for tracebacks) is not kept (issue 20)."""
    assert _printed(f"import linecache; {first}; print(sorted(linecache.cache))") == "[]"


# Widgets have no ``async def``: a screen's controller (a QObject) owns its tasks, the widget
# shows what it is told and says what the person did (docs/architecture.md).


def _async_methods_in_widgets(package: Path) -> dict[str, set[str]]:
    """Per QWidget subclass (its bases followed by name, across the package) under
    ``package``: its ``async def`` methods."""
    from PySide6 import QtWidgets

    classes: dict[str, ast.ClassDef] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = node

    def is_widget(name: str, seen: frozenset[str] = frozenset()) -> bool:
        qt = getattr(QtWidgets, name, None)
        if isinstance(qt, type) and issubclass(qt, QtWidgets.QWidget):
            return True
        node = classes.get(name)
        if node is None or name in seen:
            return False
        bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
        return any(is_widget(base, seen | {name}) for base in bases)

    found: dict[str, set[str]] = {}
    for name, node in classes.items():
        methods = {f.name for f in node.body if isinstance(f, ast.AsyncFunctionDef)}
        if methods and is_widget(name):
            found[name] = methods
    return found


def test_widgets_have_no_async_methods() -> None:
    found = _async_methods_in_widgets(PACKAGE / "ui")
    assert found == {}, "move these into the screen's controller"


def test_the_checker_sees_an_async_method_in_a_widget(tmp_path: Path) -> None:
    (tmp_path / "base.py").write_text("class Screen(QDialog):\n    pass\n")
    (tmp_path / "bad.py").write_text(
        "class Mine(Screen):\n    async def load(self): ...\n\n"
        "class Controller(QObject):\n    async def load(self): ...\n"
    )
    assert _async_methods_in_widgets(tmp_path) == {"Mine": {"load"}}

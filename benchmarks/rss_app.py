"""Peak-memory driver: the real main window on a running sandbox, its data folder held
with its call socket listening as every start holds it, the Vouchers screen opened and
every voucher (10,000 in the benchmark) loaded into it; prints
``rows <n>`` and ``rss_kb <peak RSS>`` (``getrusage`` of this process) and quits.

    python benchmarks/rss_app.py BASE_URL TOKEN DIR
    python benchmarks/rss_app.py --trust AUTHORITY.pem

``--trust`` puts an authority among certifi's in the program's folder of them (in its
cache, ``api.authorities``), as Piggy's is, so that the program reaches a TLS server with a
certificate from it (``run.py``'s ``TlsFront``) the way a shop's reaches Piggy; it runs in
a process of its own before the measured ones, with their environment.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from peak_memory import peak_rss_kb  # benchmarks/ is on sys.path when run as a script
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from piggy_desk.app import build_training_window
from piggy_desk.ui.core import theme
from piggy_desk.ui.core.loop import CounterEventLoop
from piggy_desk.ui.shell.one_copy import take_data_folder
from piggy_desk.ui.vouchers.screen import VoucherFilter

TIMEOUT = 60.0


async def measure(base_url: str, token: str, folder: Path) -> int:
    # The data folder held and its call socket listening, as every start of the program
    # holds it (app.py: the lock before the window, the socket once it is painted).
    guard = take_data_folder(folder / "data", listen=False)
    assert guard is not None
    window = build_training_window(base_url=base_url, token=token, folder=folder)
    guard.called.connect(window.come_to_front)
    window.show()
    assert window.ready is not None
    await asyncio.wait_for(asyncio.shield(window.ready), TIMEOUT)
    guard.listen()
    # A manager opens the Vouchers screen (its promotions and first page load, and it is
    # shown and painted), then scrolls to the end of the list (each page as it is wanted).
    window.tabs.setCurrentWidget(window.vouchers)
    model = window.vouchers.model
    assert window.vouchers.isVisible()
    assert model.loading
    assert model.filter == VoucherFilter()
    deadline = asyncio.get_running_loop().time() + TIMEOUT
    while model.loading or model.canFetchMore(QModelIndex()):
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("vouchers did not load in time")
        model.fetchMore(QModelIndex())
        await asyncio.sleep(0.005)
    rows = model.row_total()
    print(f"rows {rows}", flush=True)
    print(f"rss_kb {peak_rss_kb()}", flush=True)
    await window.shutdown()
    window.hide()
    guard.release()
    return rows


def trust(authority: Path) -> None:
    from piggy_desk.api import authorities
    from piggy_desk.settings import authorities_dir

    folder = authorities.certifi_folder(authorities_dir())
    pem = authority.read_text(encoding="ascii")
    if all(path.read_text(encoding="ascii") != pem for path in folder.iterdir()):
        authorities.write_folder(pem, folder)


def main() -> int:
    if sys.argv[1] == "--trust":
        trust(Path(sys.argv[2]))
        return 0
    base_url, token, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    theme.install(app)  # the theme a fresh install shows, as app.py installs it
    with asyncio.Runner(loop_factory=lambda: CounterEventLoop(app)) as runner:
        runner.run(measure(base_url, token, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One running copy of Piggy Desk per data folder.

Two copies on one journal took each other's locks for orphans: the second start
released, as "left by an earlier run", the voucher the first copy was confirming. The
guard is an operating-system lock on a file in the data folder: the OS lets go of it when
its process ends, however it ends (a crash, a kill, a power cut), so a lock found held
means its owner is alive, and one found free means the journal's open locks are orphans.

Beside it, a local socket named after the folder lets a second start ask the running copy
to bring its window to the front. The socket is only a messenger: one a crashed copy left
behind is removed by the next copy that holds the folder lock. The program's start listens
on it (``listen``) a second after its window is painted and its client made, not on the
first scan's way (issue 20); the lock, which is what keeps a second copy out, is taken
before the window is built. A second start in between finds no socket and calls again for
a while (``NOT_LISTENING_YET_WAIT``), then says the folder is open.

On Linux and macOS the socket is a Unix socket where QLocalServer would put it
(``QDir.tempPath()`` and the name), served with Python's socket module and a
``QSocketNotifier``: QtNetwork, which QLocalServer would load, costs about 3 MB of memory
for the program's life (issue 20); a copy of an earlier version, which listened with
QLocalServer at the same path, still answers and is still answered. On Windows it is Qt's
local socket (a named pipe) as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, QSocketNotifier, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE = "piggy-desk.lock"
CALL = b"show\n"
ANSWER = b"shown\n"
# A running copy listens a second after its window is painted and its client made (app.
# SETTLE_SECONDS: its first scan goes first): a later start that finds no socket calls
# again for this long, in seconds.
NOT_LISTENING_YET_WAIT = 2.5
NOT_LISTENING_YET_PAUSE = 0.05


def _lock(descriptor: int) -> bool:
    """Take the OS lock on the open file without waiting; False when another holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError on POSIX, PermissionError on Windows
        return False
    return True


def server_name(folder: Path) -> str:
    """The local socket's name for this data folder (and this user)."""
    import getpass
    import hashlib  # (OpenSSL's: asked for once the window is painted)

    key = f"{getpass.getuser()}\n{folder.resolve()}".encode()
    return "piggy-desk-" + hashlib.sha256(key).hexdigest()[:24]


def _socket_path(name: str) -> str:
    """Where QLocalServer puts the socket of ``name`` on Linux and macOS."""
    return f"{QDir.cleanPath(QDir.tempPath())}/{name}"


class _UnixEar(QObject):
    """The call socket on Linux and macOS: a Unix socket for this user only, served on the
    Qt event loop; ``on_call`` for each start that says ``CALL``, which is answered."""

    def __init__(self, name: str, on_call: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_call = on_call
        self._path = _socket_path(name)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)  # we hold the folder: one a crashed copy left behind
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._socket.bind(self._path)
            os.chmod(self._path, 0o600)  # as QLocalServer's UserAccessOption
            self._socket.listen(8)
            self._socket.setblocking(False)
        except OSError:
            self._socket.close()
            raise
        self._callers: dict[socket.socket, tuple[QSocketNotifier, bytearray]] = {}
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for caller in list(self._callers):
            self._hang_up(caller)
        self._socket.close()
        with contextlib.suppress(OSError):
            os.unlink(self._path)

    def _on_notifier_activated(self) -> None:
        while True:
            try:
                caller, _ = self._socket.accept()
            except OSError:  # BlockingIOError: no one more is calling
                return
            caller.setblocking(False)
            notifier = QSocketNotifier(caller.fileno(), QSocketNotifier.Type.Read, self)
            notifier.activated.connect(lambda *_, caller=caller: self._on_caller_ready(caller))
            self._callers[caller] = (notifier, bytearray())

    def _on_caller_ready(self, caller: socket.socket) -> None:
        if caller not in self._callers:
            return
        heard = self._callers[caller][1]
        try:
            chunk = caller.recv(64)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        heard += chunk
        if heard.startswith(CALL):
            self._on_call()
            with contextlib.suppress(OSError):
                caller.sendall(ANSWER)
        elif chunk and len(heard) < len(CALL) and CALL.startswith(heard):
            return  # the rest of the call is on its way
        self._hang_up(caller)

    def _hang_up(self, caller: socket.socket) -> None:
        notifier, _ = self._callers.pop(caller)
        notifier.setEnabled(False)
        notifier.deleteLater()
        caller.close()


class DataFolderGuard(QObject):
    """This copy's hold on its data folder, and its ear for later starts on the same folder.

    Signals:
        called(): another start on this folder asked for this copy's window.
    """

    called = Signal()

    def __init__(self, folder: Path, descriptor: int) -> None:
        super().__init__()
        self.folder = folder
        self._descriptor: int | None = descriptor
        self._server: QLocalServer | _UnixEar | None = None

    def listen(self) -> None:
        """Answer later starts on this folder (``called``)."""
        if self._server is not None or self._descriptor is None:
            return
        if sys.platform != "win32":
            try:
                self._server = _UnixEar(server_name(self.folder), self._called, self)
            except OSError as error:
                log.warning("no call socket for later starts: %s", error)
            return
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(self.folder)
        # We hold the folder: a socket of that name is one a crashed copy left behind.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("no call socket for later starts: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_server_new_connection)

    def release(self) -> None:
        """Let go of the folder (the program is ending)."""
        if self._server is not None:
            self._server.close()
        if self._descriptor is not None:
            os.close(self._descriptor)  # the OS lock goes with it
            self._descriptor = None

    def _called(self) -> None:
        log.info("another start on the data folder %s: this window comes to the front", self.folder)
        self.called.emit()

    def _on_server_new_connection(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(self._server, QLocalServer)
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._on_socket_ready_read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(CALL):
            self._called()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()


def take_data_folder(folder: Path, *, listen: bool = True) -> DataFolderGuard | None:
    """Hold ``folder`` for this copy; None when a running copy holds it. ``listen=False``:
    the guard answers later starts only once its ``listen()`` is called.

    Raises OSError when the lock file cannot be made (a read-only folder, say).
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    if not _lock(descriptor):
        os.close(descriptor)
        return None
    guard = DataFolderGuard(folder, descriptor)
    if listen:
        guard.listen()
    return guard


def call_running_copy(folder: Path, timeout_ms: int = 3000) -> bool:
    """Ask the copy that holds ``folder`` to bring its window to the front; True when it
    answered that it did. Blocks for at most about ``timeout_ms`` (this copy has no window
    yet, so nothing waits on it)."""
    if sys.platform != "win32":
        return _call_unix(server_name(folder), timeout_ms)
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    deadline = time.monotonic() + min(timeout_ms / 1000, NOT_LISTENING_YET_WAIT)
    try:
        while True:
            socket.connectToServer(server_name(folder))
            if socket.waitForConnected(timeout_ms):
                break
            not_yet = socket.error() == QLocalSocket.LocalSocketError.ServerNotFoundError
            if not not_yet or time.monotonic() + NOT_LISTENING_YET_PAUSE > deadline:
                return False
            time.sleep(NOT_LISTENING_YET_PAUSE)
        socket.write(CALL)
        socket.flush()
        answer = b""
        while ANSWER not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        return ANSWER in answer
    finally:
        socket.abort()


def _call_unix(name: str, timeout_ms: int) -> bool:
    """``call_running_copy`` on Linux and macOS: the Unix socket of ``_UnixEar``."""
    deadline = time.monotonic() + min(timeout_ms / 1000, NOT_LISTENING_YET_WAIT)
    while True:
        caller = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        caller.settimeout(timeout_ms / 1000)
        try:
            caller.connect(_socket_path(name))
            break
        except FileNotFoundError:  # not listening yet
            caller.close()
            if time.monotonic() + NOT_LISTENING_YET_PAUSE > deadline:
                return False
            time.sleep(NOT_LISTENING_YET_PAUSE)
        except OSError:  # refused: a socket its copy left behind
            caller.close()
            return False
    with caller:
        try:
            caller.sendall(CALL)
            answer = b""
            while ANSWER not in answer and (chunk := caller.recv(64)):
                answer += chunk
        except OSError:  # the timeout too
            return False
        return ANSWER in answer

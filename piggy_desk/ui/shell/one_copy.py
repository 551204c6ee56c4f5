"""One running copy of Piggy Desk per data folder.

Two copies on one journal took each other's locks for orphans: the second start
released, as "left by an earlier run", the voucher the first copy was confirming. The
guard is an operating-system lock on a file in the data folder: the OS lets go of it when
its process ends, however it ends (a crash, a kill, a power cut), so a lock found held
means its owner is alive, and one found free means the journal's open locks are orphans.

Beside it, a local socket named after the folder lets a second start ask the running copy
to bring its window to the front. The socket is only a messenger: one a crashed copy left
behind is removed by the next copy that holds the folder lock.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE = "piggy-desk.lock"
CALL = b"show\n"
ANSWER = b"shown\n"


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
    key = f"{getpass.getuser()}\n{folder.resolve()}".encode()
    return "piggy-desk-" + hashlib.sha256(key).hexdigest()[:24]


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
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(folder)
        # We hold the folder: a socket of that name is one a crashed copy left behind.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("no call socket for later starts: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_server_new_connection)

    def release(self) -> None:
        """Let go of the folder (the program is ending)."""
        self._server.close()
        if self._descriptor is not None:
            os.close(self._descriptor)  # the OS lock goes with it
            self._descriptor = None

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._on_socket_ready_read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(CALL):
            log.info(
                "another start on the data folder %s: this window comes to the front", self.folder
            )
            self.called.emit()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()


def take_data_folder(folder: Path) -> DataFolderGuard | None:
    """Hold ``folder`` for this copy; None when a running copy holds it.

    Raises OSError when the lock file cannot be made (a read-only folder, say).
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    if not _lock(descriptor):
        os.close(descriptor)
        return None
    return DataFolderGuard(folder, descriptor)


def call_running_copy(folder: Path, timeout_ms: int = 3000) -> bool:
    """Ask the copy that holds ``folder`` to bring its window to the front; True when it
    answered that it did. Blocks for at most about ``timeout_ms`` (this copy has no window
    yet, so nothing waits on it)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    try:
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(CALL)
        socket.flush()
        answer = b""
        while ANSWER not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        return ANSWER in answer
    finally:
        socket.abort()

"""The manager PIN in front of the manager screens."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from piggy_desk.settings import pin_matches
from piggy_desk.ui.core.tasks import TaskRunner, off_loop
from piggy_desk.ui.widgets.scanner_enter import ScannerEnter

MAX_PIN_LENGTH = 32


class PinDialog(QDialog):
    """Asks for the manager PIN; checking is the gate's business.

    Signals:
        pin_entered(str): OK was pressed with this PIN.
    """

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerPinDialog")
        ScannerEnter(self)
        self.setWindowTitle(self.tr("Manager PIN"))
        prompt = QLabel(self.tr("The manager screens need the manager PIN."), self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("managerPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(MAX_PIN_LENGTH)
        self.pin.setAccessibleName(self.tr("Manager PIN"))
        self.error = QLabel(self)
        self.error.setObjectName("managerPinError")
        self.error.hide()
        from PySide6.QtWidgets import QDialogButtonBox  # its enums: when a PIN is asked

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(lambda: self.pin_entered.emit(self.pin.text()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def refuse(self) -> None:
        self.pin.clear()
        self.error.setText(self.tr("That is not the manager PIN."))
        self.error.show()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)


class ManagerGate(QObject):
    """Keeps the manager screens shut until the PIN is given; shut again on leaving them.

    Without a PIN in the settings the gate is open.

    Signals:
        unlocked(QWidget): the PIN was right; the screen that was asked for.
    """

    unlocked = Signal(object)

    def __init__(
        self, pin_hash: str | None, tasks: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pin_hash = pin_hash
        self._tasks = tasks
        self.is_open = pin_hash is None
        self.dialog: PinDialog | None = None

    def set_pin_hash(self, pin_hash: str | None) -> None:
        """A new PIN (or none) from the settings; it counts from now on."""
        self._pin_hash = pin_hash
        self.lock()

    def lock(self) -> None:
        self.is_open = self._pin_hash is None

    def ask(self, screen: QWidget, parent: QWidget) -> None:
        """Ask for the PIN; ``unlocked(screen)`` follows when it is right."""
        if self.dialog is not None:
            return
        self.dialog = PinDialog(parent)
        self.dialog.pin_entered.connect(
            lambda pin: self._tasks.start(self._check(pin, screen), name="pin")
        )
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    async def _check(self, pin: str, screen: QWidget) -> None:
        assert self._pin_hash is not None
        pin_hash = self._pin_hash
        # The hash is slow on purpose (PBKDF2): worked out off the loop thread.
        right = await off_loop(lambda: pin_matches(pin, pin_hash))
        if self.dialog is None:
            return
        if not right:
            self.dialog.refuse()
            return
        self.is_open = True
        self.dialog.accept()
        self.unlocked.emit(screen)

    def _on_dialog_finished(self, result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

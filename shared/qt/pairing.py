"""Finding the hub and pairing with it, for every app: `--server URL` or zeroconf, and a token.

`QtHubLocator` reports the hub's URL (the given one at once, else the first hub zeroconf
finds). `QtPairingScreen` asks for the device token printed by
``aufruf device add --role <role> --name …``, checks it against the hub (``GET /site``) and
emits it; the app keeps it in a `shared.pairing.TokenStore` for the next start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from shared.discovery import HubAddress
from shared.pairing import looks_like_token
from shared.qt.client import ApiError, QtHubClient
from shared.qt.discovery import QtHubFinder

log = logging.getLogger(__name__)

__all__ = ["QtHubLocator", "QtPairingScreen"]


class QtHubLocator(QObject):
    """Finds the hub once. Signals: ``located(str)`` with its base URL."""

    located = Signal(str)

    def __init__(
        self,
        server_url: str | None,
        *,
        site_id: str | None = None,
        interfaces: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.site_id = site_id
        self._finder: QtHubFinder | None = None
        if server_url is None:
            self._finder = QtHubFinder(interfaces, self)
            self._finder.hub_found.connect(self._found)

    def start(self) -> None:
        """Report the given URL (on the next loop turn), or start browsing."""
        if self.server_url is not None:
            url = self.server_url.rstrip("/")
            QTimer.singleShot(0, lambda: self.located.emit(url))
        elif self._finder is not None:
            log.info("looking for the hub with zeroconf")
            self._finder.start()

    def stop(self) -> None:
        """Stop browsing."""
        if self._finder is not None:
            self._finder.stop()

    def _found(self, address: HubAddress) -> None:
        if self.site_id is not None and address.site_id != self.site_id:
            log.info("ignoring hub of site %s", address.site_id)
            return
        self.stop()
        self.located.emit(address.url)


class QtPairingScreen(QWidget):
    """Shown on a first start without a token: staff enter the device token.

    Signals: ``paired(str)`` with a token the hub accepted.
    """

    paired = Signal(str)

    def __init__(self, role: str, client: QtHubClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairingScreen")
        self.role = role
        self.client = client
        title = QLabel("Pair this device with the Aufruf server")
        title.setObjectName("title")
        title.setWordWrap(True)
        hint = QLabel(
            "On the server, run:\n"
            f"    aufruf device add --role {role} --name <name of this device>\n"
            "and type the token it prints here."
        )
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field = QLineEdit()
        self.field.setPlaceholderText("device token")
        self.field.returnPressed.connect(self.submit)
        self.button = QPushButton("Pair")
        self.button.setMinimumHeight(64)
        self.button.clicked.connect(self.submit)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addStretch(1)
        for widget in (title, hint, self.field, self.button, self.message):
            box.addWidget(widget)
        box.addStretch(1)

    def submit(self) -> None:
        """Check the typed token with the hub."""
        token = self.field.text().strip()
        if not looks_like_token(token):
            self.message.setText("That is not a device token. Copy it exactly as printed.")
            return
        self.button.setEnabled(False)
        self.message.setText("Checking with the server …")
        self.client.set_token(token)
        reply = self.client.site()
        reply.succeeded.connect(lambda _answer: self._accepted(token))
        reply.failed.connect(self._refused)

    def _accepted(self, token: str) -> None:
        self.button.setEnabled(True)
        self.message.setText("Paired.")
        log.info("paired with %s", self.client.base_url)
        self.paired.emit(token)

    def _refused(self, error: ApiError) -> None:
        self.button.setEnabled(True)
        if error.status == 401:
            self.message.setText("The server does not know this token (or it was revoked).")
        elif error.status == 403:
            self.message.setText(f"This token is not for a {self.role}.")
        else:
            self.message.setText(f"The server cannot be reached: {error.detail}")

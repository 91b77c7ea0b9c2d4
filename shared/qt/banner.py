"""The connection banner: a calm line at the top while the hub cannot be reached."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from shared.client_state import ConnectionState

__all__ = ["QtConnectionBanner"]


class QtConnectionBanner(QLabel):
    """Hidden while connected; otherwise says the app is connecting again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.state = ConnectionState.CONNECTED
        self._render()

    def show_state(self, state: object) -> None:
        """Show the stream's `ConnectionState`."""
        if isinstance(state, ConnectionState):
            self.state = state
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Re-render in a new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        self.setVisible(self.state is not ConnectionState.CONNECTED)
        self.setText(self.tr("Connecting to the server. Please wait a moment."))

"""The supervisor's view: every counter, the queues, every device's last contact, today's
figures, and open / pause / close for any counter."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.model import CounterModel
from counter.state import ViewState
from shared.domain import CounterState

_STATE = {"open": "geöffnet", "paused": "Pause", "closed": "geschlossen"}
_ROLE = {"kiosk": "Kiosk", "display": "Anzeige", "counter": "Schalter-PC"}


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[str] | None = None) -> None:
    table.blockSignals(True)  # noqa: FBT003 (Qt API)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    table.blockSignals(False)  # noqa: FBT003 (Qt API)


def _ago(stamp: Any, now: datetime) -> str:
    if not stamp:
        return "noch nie seit Serverstart"
    seen = datetime.fromisoformat(str(stamp))
    seconds = max(int((now - seen).total_seconds()), 0)
    if seconds < 60:
        return "gerade eben"
    return f"vor {seconds // 60} Min."


def _minutes(value: Any) -> str:
    return "–" if value is None else f"{float(value):.0f} Min."


class QtSupervisorView(QWidget):
    """Counters with remote actions, queues per concern, devices, and today's key figures."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle("Aufruf – Übersicht")
        self.counters = _table(["Schalter", "Zustand", "Sachbearbeitung", "Nummer"], self)
        self.counters.setObjectName("supervisorCounters")
        self.queues = _table(["Anliegen", "Wartend", "Längste Wartezeit"], self)
        self.devices = _table(["Gerät", "Art", "Letzter Kontakt", "Drucker"], self)
        self.figures = QLabel(self)
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.remote = {
            state: QPushButton(text, self)
            for state, text in (
                (CounterState.OPEN, "Öffnen"),
                (CounterState.PAUSED, "Pausieren"),
                (CounterState.CLOSED, "Schließen"),
            )
        }
        self.refresh = QPushButton("Kennzahlen aktualisieren", self)
        buttons = QHBoxLayout()
        for state, button in self.remote.items():
            button.setObjectName(f"remote_{state.value}")
            button.clicked.connect(lambda _=False, s=state: self._remote(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Heute bisher</b>"))
        layout.addWidget(self.figures)
        layout.addWidget(QLabel("<b>Schalter</b>"))
        layout.addWidget(self.counters)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel("<b>Warteschlangen</b>"))
        left.addWidget(self.queues)
        right.addWidget(QLabel("<b>Geräte</b>"))
        right.addWidget(self.devices)
        row.addLayout(left)
        row.addLayout(right)
        layout.addLayout(row)
        self.refresh.clicked.connect(model.load_overview)
        self.chosen: str | None = None
        """The counter the remote buttons act on (none at first: they wait)."""
        self.counters.itemSelectionChanged.connect(self._choose)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Render what changed while hidden."""
        super().showEvent(event)
        self._render(self.model.view_state())

    def _render(self, state: ViewState) -> None:
        """Show counters, queues, devices and figures (only while shown: tables are costly)."""
        if not self.isVisible():
            return
        _fill(
            self.counters,
            [
                [c.name, _STATE[c.state.value], c.clerk or "–", c.ticket_number or "–"]
                for c in state.board
            ],
            [c.id for c in state.board],
        )
        _fill(
            self.queues,
            [
                [q.name, str(q.count), f"{q.longest_minutes} Min." if q.count else "–"]
                for q in state.office_queue.concerns
            ],
        )
        overview: Mapping[str, Any] = state.overview or {}
        now = datetime.fromisoformat(str(overview["at"])) if "at" in overview else None
        rows = [
            [
                d["name"],
                _ROLE.get(d["role"], d["role"]),
                _ago(d["last_seen"], now),
                state.printers.get(d["id"], "–"),
            ]
            for d in overview.get("devices", [])
            if now is not None and not d["revoked"]
        ]
        rows += [
            [s["display_name"] or s["username"], "Arbeitsplatz", _ago(s["last_seen"], now), "–"]
            for s in overview.get("staff", [])
            if now is not None and s["last_seen"]
        ]
        _fill(self.devices, rows)
        figures = overview.get("figures")
        if figures:
            self.figures.setText(
                f"{figures['tickets']} Nummern ausgegeben · {figures['called']} aufgerufen · "
                f"{figures['waiting']} wartend · {figures['done']} erledigt · "
                f"{figures['no_shows']} nicht erschienen\n"
                f"Wartezeit bis zum Aufruf: Median {_minutes(figures['median_wait_minutes'])}, "
                f"90 % bis {_minutes(figures['p90_wait_minutes'])}, "
                f"längste {_minutes(figures['longest_wait_minutes'])}"
            )
        else:
            self.figures.setText("Kennzahlen werden geladen …")
        ids = [c.id for c in state.board]
        if self.chosen in ids:
            self.counters.blockSignals(True)  # noqa: FBT003 (Qt API)
            self.counters.selectRow(ids.index(self.chosen))
            self.counters.blockSignals(False)  # noqa: FBT003 (Qt API)
        enabled = not state.busy and self.chosen in ids
        for button in self.remote.values():
            button.setEnabled(enabled)

    def _choose(self) -> None:
        rows = self.counters.selectionModel().selectedRows()
        item = self.counters.item(rows[0].row(), 0) if rows else None
        self.chosen = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self._render(self.model.view_state())

    def _remote(self, state: CounterState) -> None:
        if self.chosen is not None:
            self.model.set_counter_state(self.chosen, state)

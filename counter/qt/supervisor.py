"""The supervisor's view: every counter, the queues, every device's last contact, today's
figures, and open / pause / close for any counter."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.model import CounterModel
from counter.qt import texts
from counter.qt.texts import translate
from counter.state import AlertKind, ViewState
from shared.domain import CounterState

OUT_OF_CONTACT = frozenset({AlertKind.KIOSK, AlertKind.DISPLAY})


def _role(role: str) -> str:
    return {
        "kiosk": translate("counter", "kiosk"),
        "display": translate("counter", "display"),
        "counter": translate("counter", "counter PC"),
    }.get(role, role)


def _table(columns: int, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
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
        return translate("counter", "not since the server started")
    seen = datetime.fromisoformat(str(stamp))
    seconds = max(int((now - seen).total_seconds()), 0)
    if seconds < 60:
        return translate("counter", "just now")
    return translate("counter", "{minutes} ago").format(minutes=texts.minutes(seconds // 60))


def _contact(ago: str, *, lost: bool) -> str:
    """The last contact, and whether the hub reports the device out of contact now."""
    if not lost:
        return ago
    return translate("counter", "{ago} – no connection").format(ago=ago)


def _minutes(value: Any) -> str:
    return "–" if value is None else texts.minutes(round(float(value)))


def _figures(figures: Mapping[str, Any]) -> str:
    counts = translate(
        "counter",
        "{tickets} tickets issued · {called} called · {waiting} waiting · {done} done · "
        "{no_shows} no-shows",
    ).format(**{k: figures[k] for k in ("tickets", "called", "waiting", "done", "no_shows")})
    waits = translate(
        "counter", "Wait until called: median {median}, 90 % within {p90}, longest {longest}"
    ).format(
        median=_minutes(figures["median_wait_minutes"]),
        p90=_minutes(figures["p90_wait_minutes"]),
        longest=_minutes(figures["longest_wait_minutes"]),
    )
    return f"{counts}\n{waits}"


class QtSupervisorView(QWidget):
    """Counters with remote actions, queues per concern, devices, and today's key figures."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.counters = _table(4, self)
        self.counters.setObjectName("supervisorCounters")
        self.queues = _table(3, self)
        self.devices = _table(4, self)
        self.figures = QLabel(self)
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.alerts = QListWidget(self)
        self.alerts.setObjectName("supervisorAlerts")
        self.alerts.setMaximumHeight(90)
        self.alerts.setStyleSheet("color: #8a0000; font-weight: bold;")
        self.remote = {state: QPushButton(self) for state in CounterState}
        self.refresh = QPushButton(self)
        self.titles = [QLabel(self) for _ in range(5)]
        buttons = QHBoxLayout()
        for state, button in self.remote.items():
            button.setObjectName(f"remote_{state.value}")
            button.clicked.connect(lambda _=False, s=state: self._remote(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.titles[0])
        layout.addWidget(self.figures)
        layout.addWidget(self.titles[4])
        layout.addWidget(self.alerts)
        layout.addWidget(self.titles[1])
        layout.addWidget(self.counters)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.titles[2])
        left.addWidget(self.queues)
        right.addWidget(self.titles[3])
        right.addWidget(self.devices)
        row.addLayout(left)
        row.addLayout(right)
        layout.addLayout(row)
        self.refresh.clicked.connect(model.load_overview)
        self.chosen: str | None = None
        """The counter the remote buttons act on (none at first: they wait)."""
        self.counters.itemSelectionChanged.connect(self._choose)
        self.retranslate()
        model.changed.connect(self._render)
        self._render(model.view_state())

    def retranslate(self) -> None:
        """Titles, column headers and buttons in the clerk's language."""
        self.setWindowTitle(translate("counter", "Aufruf – overview"))
        titles = (
            translate("counter", "Today so far"),
            translate("counter", "Counters"),
            translate("counter", "Queues"),
            translate("counter", "Devices"),
            translate("counter", "Alerts"),
        )
        for label, title in zip(self.titles, titles, strict=True):
            label.setText(f"<b>{title}</b>")
        self.counters.setHorizontalHeaderLabels(
            [
                translate("counter", "Counter"),
                translate("counter", "State"),
                translate("counter", "Clerk"),
                translate("counter", "Number"),
            ]
        )
        self.queues.setHorizontalHeaderLabels(
            [
                translate("counter", "Concern"),
                translate("counter", "Waiting"),
                translate("counter", "Longest wait"),
            ]
        )
        self.devices.setHorizontalHeaderLabels(
            [
                translate("counter", "Device"),
                translate("counter", "Kind"),
                translate("counter", "Last contact"),
                translate("counter", "Printer"),
            ]
        )
        self.remote[CounterState.OPEN].setText(translate("counter", "Open counter"))
        self.remote[CounterState.PAUSED].setText(translate("counter", "Pause counter"))
        self.remote[CounterState.CLOSED].setText(translate("counter", "Close counter"))
        self.refresh.setText(translate("counter", "Refresh figures"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: every text again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render(self.model.view_state())
        super().changeEvent(event)

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
                [c.name, texts.counter_state(c.state), c.clerk or "–", c.ticket_number or "–"]
                for c in state.board
            ],
            [c.id for c in state.board],
        )
        _fill(
            self.queues,
            [
                [q.name, str(q.count), texts.minutes(q.longest_minutes) if q.count else "–"]
                for q in state.office_queue.concerns
            ],
        )
        self._render_alerts(state)
        overview: Mapping[str, Any] = state.overview or {}
        now = datetime.fromisoformat(str(overview["at"])) if "at" in overview else None
        gone = {a.device_id for a in state.alerts if a.kind in OUT_OF_CONTACT}
        rows = [
            [
                d["name"],
                _role(d["role"]),
                _contact(_ago(d["last_seen"], now), lost=d["id"] in gone),
                texts.printer(state.printers[d["id"]]) if d["id"] in state.printers else "–",
            ]
            for d in overview.get("devices", [])
            if now is not None and not d["revoked"]
        ]
        rows += [
            [
                s["display_name"] or s["username"],
                translate("counter", "workstation"),
                _ago(s["last_seen"], now),
                "–",
            ]
            for s in overview.get("staff", [])
            if now is not None and s["last_seen"]
        ]
        _fill(self.devices, rows)
        figures = overview.get("figures")
        if figures:
            self.figures.setText(_figures(figures))
        else:
            self.figures.setText(translate("counter", "Loading the figures …"))
        ids = [c.id for c in state.board]
        if self.chosen in ids:
            self.counters.blockSignals(True)  # noqa: FBT003 (Qt API)
            self.counters.selectRow(ids.index(self.chosen))
            self.counters.blockSignals(False)  # noqa: FBT003 (Qt API)
        enabled = not state.busy and self.chosen in ids
        for button in self.remote.values():
            button.setEnabled(enabled)

    def _render_alerts(self, state: ViewState) -> None:
        """The office alerts, as every counter shows them (each once, until resolved)."""
        lines = [texts.alert(alert) for alert in state.alerts]
        if [self.alerts.item(i).text() for i in range(self.alerts.count())] != lines:
            self.alerts.clear()
            self.alerts.addItems(lines)
        self.alerts.setVisible(bool(lines))
        self.titles[4].setVisible(bool(lines))

    def _choose(self) -> None:
        rows = self.counters.selectionModel().selectedRows()
        item = self.counters.item(rows[0].row(), 0) if rows else None
        self.chosen = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self._render(self.model.view_state())

    def _remote(self, state: CounterState) -> None:
        if self.chosen is not None:
            self.model.set_counter_state(self.chosen, state)

"""The devices view: how the LED sign and the receipt printer are, what to do, and another
port or address picked at run time (no restart), kept on this PC until the clerk goes back to
the site's setting."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.desk_devices import DeviceKind, DeviceReport, Health, serial_ports
from counter.qt import texts
from counter.qt.devices import QtDeskDevices
from counter.qt.texts import translate


class QtDevicesView(QWidget):
    """State, advice and a new port or address for the sign and the printer."""

    def __init__(self, devices: QtDeskDevices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesView")
        self.devices = devices
        self.titles = {kind: QLabel(self) for kind in DeviceKind}
        self.states = {kind: QLabel(self) for kind in DeviceKind}
        self.advice = {kind: QLabel(self) for kind in DeviceKind}
        for label in self.advice.values():
            label.setWordWrap(True)
            label.setStyleSheet("color: #8a0000;")
        self.sign_port = QComboBox(self)
        self.sign_port.setObjectName("signPort")
        self.sign_port.setEditable(True)
        self.printer_address = QLineEdit(self)
        self.printer_address.setObjectName("printerAddress")
        self.use = {kind: QPushButton(self) for kind in DeviceKind}
        self.local = {kind: QLabel(self) for kind in DeviceKind}
        """Shown while this PC uses its own port or address, not the site file's."""
        self.back = {kind: QPushButton(self) for kind in DeviceKind}
        """Back to the site's setting (shown with `local`)."""
        for label in self.local.values():
            label.setStyleSheet("color: #8a5a00;")
        self.check = QPushButton(self)
        self.message = QLabel(self)
        self.message.setObjectName("devicesMessage")
        grid = QGridLayout()
        for row, kind in enumerate(DeviceKind):
            field = self.sign_port if kind is DeviceKind.SIGN else self.printer_address
            grid.addWidget(self.titles[kind], 4 * row, 0)
            grid.addWidget(self.states[kind], 4 * row, 1, 1, 2)
            grid.addWidget(self.advice[kind], 4 * row + 1, 1, 1, 2)
            grid.addWidget(field, 4 * row + 2, 1)
            grid.addWidget(self.use[kind], 4 * row + 2, 2)
            grid.addWidget(self.local[kind], 4 * row + 3, 1)
            grid.addWidget(self.back[kind], 4 * row + 3, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.check)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()
        self.use[DeviceKind.SIGN].clicked.connect(self._use_sign)
        self.use[DeviceKind.PRINTER].clicked.connect(self._use_printer)
        for kind, button in self.back.items():
            button.clicked.connect(lambda _=False, k=kind: devices.use_site(k))
        self.check.clicked.connect(devices.check_now)
        devices.reported.connect(self._render)
        devices.local_changed.connect(self._render_local)
        for report in devices.reports.values():
            self._render(report)
        self._render_local()

    def retranslate(self) -> None:
        """The fixed labels in the clerk's language."""
        self.setWindowTitle(translate("counter", "Aufruf – devices"))
        self.titles[DeviceKind.SIGN].setText(translate("counter", "LED sign"))
        self.titles[DeviceKind.PRINTER].setText(translate("counter", "Receipt printer"))
        self.use[DeviceKind.SIGN].setText(translate("counter", "Use this port"))
        self.use[DeviceKind.PRINTER].setText(translate("counter", "Use this address"))
        self.check.setText(translate("counter", "Check now"))
        for button in self.back.values():
            button.setText(translate("counter", "Back to the site's setting"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: every text again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for report in self.devices.reports.values():
                self._render(report)
            self._render_local()
        super().changeEvent(event)

    def list_ports(self) -> None:
        """Offer the serial devices present now (the sign's own first)."""
        current = self.devices.picks.where(DeviceKind.SIGN)
        ports = serial_ports()
        self.sign_port.clear()
        for port in [current, *ports] if current and current not in ports else ports:
            self.sign_port.addItem(port)
        self.sign_port.setEditText(current)

    def _render(self, report: DeviceReport) -> None:
        kind = report.kind
        state = texts.device_health(report)
        if report.where:
            state = f"{state} ({report.where})"
        self.states[kind].setText(state)
        self.advice[kind].setText(texts.device_advice(report))
        usable = report.health is not Health.NONE
        field = self.sign_port if kind is DeviceKind.SIGN else self.printer_address
        field.setEnabled(usable)
        self.use[kind].setEnabled(usable)

    def _render_local(self) -> None:
        """Which device this PC sets itself, and the fields at what is used now."""
        for kind in DeviceKind:
            local = kind in self.devices.picks.local
            self.local[kind].setText(
                translate("counter", "Set on this PC; the site's setting is {where}.").format(
                    where=self.devices.picks.site[kind]
                )
                if local
                else ""
            )
            self.local[kind].setVisible(local)
            self.back[kind].setVisible(local)
        self.printer_address.setText(self.devices.picks.where(DeviceKind.PRINTER))
        self.sign_port.setEditText(self.devices.picks.where(DeviceKind.SIGN))

    def _use_sign(self) -> None:
        port = self.sign_port.currentText().strip()
        if port:
            self.message.setText("")
            self.devices.use_sign(port)

    def _use_printer(self) -> None:
        try:
            self.devices.use_printer(self.printer_address.text())
        except ValueError as exc:
            self.message.setText(
                translate("counter", "This address does not fit: {error}").format(error=exc)
            )
            return
        self.message.setText("")

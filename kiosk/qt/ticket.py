"""The ticket screen: the number large, the wait, the QR code, "please keep your ticket"."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.qrcode_label import QtQrLabel
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["QtTicketScreen"]


class QtTicketScreen(QtScreen):
    """What the printed ticket says, and what happens next."""

    kind = Screen.TICKET
    has_back = False

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.heading = self.title(layout=left)
        self.number = self.title("number", left)
        self.concern = self.title(layout=left)
        self.appointment = self.title(layout=left)
        self.wait = self.title(layout=left)
        row.addLayout(left, 3)
        self.qr = QtQrLabel(280)
        row.addWidget(self.qr, 1)
        self.body.addLayout(row, 1)
        self.keep = self.title("notice")
        self.next_step = self.title("muted")
        self.finished = QtWrapButton(role="primary")
        self.finished.clicked.connect(model.done)
        self.body.addWidget(self.finished)

    def show_state(self, state: ViewState) -> None:
        """The issued ticket."""
        issued = state.issued
        if issued is None:
            return
        self.heading.setText(texts.your_number())
        self.number.setText(issued.number)
        self.concern.setText(state.concern.name if state.concern else issued.service_name)
        booked = issued.booked_at
        if booked is not None:
            local = booked.astimezone(ZoneInfo(self.model.site.timezone))
            self.appointment.setText(texts.your_appointment(local.strftime("%H:%M")))
        self.appointment.setVisible(booked is not None)
        wait = issued.expected_wait_minutes
        self.wait.setText(texts.wait_minutes(round(wait)) if wait is not None else "")
        self.wait.setVisible(wait is not None)
        self.qr.show_data(issued.status_url)
        self.keep.setText(texts.printing() if state.printing else texts.keep_ticket())
        self.next_step.setText(texts.watch_screens())
        self.finished.setText(texts.finished())

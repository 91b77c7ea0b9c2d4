"""The clerk's main screen: the ticket in hand, the actions, the waiting picture, alerts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.actions import Verb, available
from counter.model import CounterModel
from counter.qt import texts
from counter.qt.buttons import QtActionButtons
from counter.qt.texts import translate
from counter.state import ViewState
from counter.waiting import NextLine
from shared.client_state import ConnectionState
from shared.qt.banner import QtConnectionBanner

_DESK_VERBS = (
    Verb.NEXT,
    Verb.RECALL,
    Verb.START,
    Verb.FINISH,
    Verb.NO_SHOW,
    Verb.PARK,
    Verb.TRANSFER,
    Verb.RECEIPT,
    Verb.PAUSE,
    Verb.RESUME,
    Verb.CLOSE,
)


def _big(text: str = "", size: int = 12, bold: bool = False) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class QtDeskScreen(QWidget):
    """The main screen of a clerk at work.

    Signals: ``transfer_requested()`` (the window opens the transfer dialog).
    """

    transfer_requested = Signal()

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.banner = QtConnectionBanner(self)
        self.header = _big(size=14, bold=True)
        self.number = _big(size=40, bold=True)
        self.number.setObjectName("currentNumber")
        self.details = _big(size=12)
        self.why = _big(size=11)
        self.why.setObjectName("why")
        self.message = _big(size=12)
        self.message.setObjectName("message")
        self.alerts = QListWidget(self)
        self.alerts.setObjectName("alerts")
        self.alerts.setMaximumHeight(110)
        self.alerts.setStyleSheet("color: #8a0000; font-weight: bold;")
        self.alerts_title = QLabel(self)
        self.ack = QPushButton(self)
        self.concerns_title = QLabel(self)
        self.upcoming_title = QLabel(self)
        self.parked_title = QLabel(self)
        self.concerns = QListWidget(self)
        self.concerns.setMaximumHeight(130)
        self.upcoming = QListWidget(self)
        self.upcoming.setObjectName("upcoming")
        self.parked = QListWidget(self)
        self.parked.setObjectName("parked")
        self.parked.setMaximumHeight(110)
        self.concerns.setObjectName("concerns")
        self._shown: dict[str, list[tuple[str, int | None]]] = {}
        self.verbs = QtActionButtons(_DESK_VERBS, self._press, self)
        self.call = QtActionButtons((Verb.CALL,), self._press, self)
        self.alarm = QtActionButtons((Verb.ALARM,), self._press, self)
        self._layout()
        self.retranslate()
        self.ack.clicked.connect(self._acknowledge)
        self.alerts.itemDoubleClicked.connect(lambda _: self._acknowledge())
        self.upcoming.itemDoubleClicked.connect(lambda _: self._press(Verb.CALL))
        self.parked.itemDoubleClicked.connect(self._call_parked)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def _layout(self) -> None:
        ticket = QFrame(self)
        ticket.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(ticket)
        for widget in (self.number, self.details, self.why):
            box.addWidget(widget)
        grid = QGridLayout()
        for i, button in enumerate(self.verbs.buttons.values()):
            grid.addWidget(button, i // 4, i % 4)
        left = QVBoxLayout()
        left.addWidget(ticket)
        left.addLayout(grid)
        left.addWidget(self.message)
        left.addWidget(self.alerts_title)
        left.addWidget(self.alerts)
        left.addWidget(self.ack)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.concerns_title)
        right.addWidget(self.concerns)
        right.addWidget(self.upcoming_title)
        right.addWidget(self.upcoming)
        right.addWidget(self.call.buttons[Verb.CALL])
        right.addWidget(self.parked_title)
        right.addWidget(self.parked)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.alarm.buttons[Verb.ALARM])
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addLayout(top)
        outer.addLayout(body)

    def retranslate(self) -> None:
        """The fixed labels in the clerk's language."""
        self.alerts_title.setText(translate("counter", "Alerts"))
        self.ack.setText(translate("counter", "I am coming"))
        self.concerns_title.setText(translate("counter", "Waiting by concern"))
        self.upcoming_title.setText(translate("counter", "Next (in the order of calling)"))
        self.parked_title.setText(translate("counter", "Parked (double-click calls)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: every text again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._shown.clear()
            self._render(self.model.view_state())
        super().changeEvent(event)

    def _render(self, state: ViewState) -> None:
        """Show the state."""
        self.banner.show_state(_connection(state))
        self.header.setText(
            translate("counter", "{counter} – {state} – {clerk}  ·  {waiting} waiting").format(
                counter=state.counter_name,
                state=texts.counter_state(state.counter_state),
                clerk=state.clerk or state.username,
                waiting=state.waiting.total,
            )
        )
        self._render_current(state)
        self.message.setText(texts.message(state.message))
        self.message.setStyleSheet("color: #a00000;" if state.error else "color: #004000;")
        self._fill(self.alerts, [(texts.alert(a), a.alarm_id) for a in state.alerts])
        self.alerts.setVisible(bool(state.alerts))
        self.alerts_title.setVisible(bool(state.alerts))
        self.ack.setVisible(any(a.alarm_id is not None for a in state.alerts))
        if state.my_alarm is not None:
            self.message.setText(translate("counter", "Help requested – waiting for an answer."))
        self._fill(
            self.concerns,
            [(_concern(c.name, c.count, c.longest_minutes), None) for c in state.waiting.concerns],
        )
        self._fill(self.upcoming, [(_line(n), n.ticket_id) for n in state.waiting.next_tickets])
        self._fill(self.parked, [(p.name, int(p.id)) for p in state.parked])
        enabled = available(state)
        self.verbs.render(enabled)
        self.call.render(enabled if self.upcoming.count() else frozenset())
        self.alarm.render(enabled)

    def _render_current(self, state: ViewState) -> None:
        current = state.current
        if current is None:
            self.number.setText("")
            self.details.setText(
                translate("counter", "Nobody at the counter. Call the next number with F5.")
            )
            self.why.setText("")
            return
        kind = (
            translate("counter", "appointment")
            if current.appointment
            else translate("counter", "walk-in")
        )
        status = (
            translate("counter", "is here")
            if current.status.value == "serving"
            else translate("counter", "called")
        )
        details = translate(
            "counter", "{concern} · {kind} · waited {waited} · language {language} · {status}"
        ).format(
            concern=current.concern,
            kind=kind,
            waited=texts.minutes(current.waited_minutes),
            language=current.language,
            status=status,
        )
        if current.note:
            details += "\n" + translate("counter", "Note: {note}").format(note=current.note)
        self.number.setText(current.number)
        self.details.setText(details)
        why = texts.reason(current.why)
        self.why.setText(translate("counter", "Why: {why}").format(why=why) if why else "")

    def _fill(self, widget: QListWidget, rows: list[tuple[str, int | None]]) -> None:
        if self._shown.get(widget.objectName()) == rows:
            return  # unchanged: keep the items (and the clerk's selection)
        self._shown[widget.objectName()] = rows
        chosen = (
            widget.currentItem().data(Qt.ItemDataRole.UserRole) if widget.currentItem() else None
        )
        widget.clear()
        for text, data in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            widget.addItem(item)
            if data is not None and data == chosen:
                widget.setCurrentItem(item)

    def _press(self, verb: Verb) -> None:
        model = self.model
        simple = {
            Verb.NEXT: model.call_next,
            Verb.RECALL: model.recall,
            Verb.START: model.start,
            Verb.FINISH: model.finish,
            Verb.NO_SHOW: model.no_show,
            Verb.PARK: model.park,
            Verb.PAUSE: model.pause,
            Verb.RESUME: model.resume,
            Verb.CLOSE: model.close,
            Verb.RECEIPT: model.print_receipt,
            Verb.ALARM: model.raise_alarm,
        }
        if verb in simple:
            simple[verb]()
        elif verb is Verb.TRANSFER:
            self.transfer_requested.emit()
        elif verb is Verb.CALL:
            item = self.upcoming.currentItem() or self.upcoming.item(0)
            if item is not None:
                model.call_ticket(int(item.data(Qt.ItemDataRole.UserRole)))

    def _call_parked(self, item: QListWidgetItem) -> None:
        self.model.call_ticket(int(item.data(Qt.ItemDataRole.UserRole)))

    def _acknowledge(self) -> None:
        item = self.alerts.currentItem()
        rows = [self.alerts.item(i) for i in range(self.alerts.count())]
        for candidate in [item, *rows]:
            alarm = candidate.data(Qt.ItemDataRole.UserRole) if candidate else None
            if alarm is not None:
                self.model.acknowledge_alarm(int(alarm))
                return


def _concern(name: str, count: int, longest: int) -> str:
    if not count:
        return translate("counter", "{concern}: nobody waiting").format(concern=name)
    return translate("counter", "{concern}: {count} waiting, longest {longest}").format(
        concern=name, count=count, longest=texts.minutes(longest)
    )


def _line(line: NextLine) -> str:
    marks = []
    if line.emergency:
        marks.append(translate("counter", "EMERGENCY"))
    if line.overdue:
        marks.append(translate("counter", "overdue"))
    if line.appointment:
        marks.append(translate("counter", "appointment"))
    tag = f"  [{', '.join(marks)}]" if marks else ""
    return f"{line.number}  {line.concern}, {texts.minutes(line.waited_minutes)}{tag}"


def _connection(state: ViewState) -> ConnectionState:
    return ConnectionState.CONNECTED if state.connected else ConnectionState.CONNECTING

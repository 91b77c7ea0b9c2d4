"""Text mode: lines word-wrapped to the paper's columns, printed in the printer's font."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.emulator import NetworkPrinterEmulator, interpret
from hardware.emulator.interpreter import CHAR_WIDTH
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.text import (
    closing_lines,
    columns,
    encode_text_ticket,
    ticket_text_lines,
    wrap_words,
)
from hardware.ticket import TicketPrint
from hardware.ticket_sample import sample_ticket
from shared.config.printer import PaperWidth, PrintMode

from .conftest import NetworkPrinterAt

NBSP = "\u00a0"


def test_columns_of_font_a() -> None:
    assert columns(PaperWidth.MM58.dots) == 32
    assert columns(PaperWidth.MM80.dots) == 48
    assert columns(PaperWidth.MM58.dots, 2) == 16
    assert columns(PaperWidth.MM80.dots, 2) == 24
    assert columns(PaperWidth.MM58.dots, 8) == 4


def test_words_wrap_at_spaces_and_the_no_break_space_holds() -> None:
    line = f"Voraussichtliche Wartezeit: 35{NBSP}Min."
    assert wrap_words(line, 48) == [line]
    assert wrap_words(line, 32) == ["Voraussichtliche Wartezeit:", f"35{NBSP}Min."]
    assert wrap_words(line, 29) == ["Voraussichtliche Wartezeit:", f"35{NBSP}Min."]
    assert wrap_words("Bitte halten Sie bereit:", 16) == ["Bitte halten Sie", "bereit:"]


def test_a_long_word_breaks_at_its_soft_hyphen() -> None:
    """The site file marks where a German term may break; elsewhere the mark prints as nothing."""
    shy = "\u00ad"
    name = f"Ziyaret vizesi için taahhütname (Verpflichtungs{shy}erklärung)"
    assert wrap_words(name, 32) == ["Ziyaret vizesi için taahhütname", "(Verpflichtungserklärung)"]
    assert wrap_words(name, 16) == [
        "Ziyaret vizesi",
        "için taahhütname",
        "(Verpflichtungs-",
        "erklärung)",
    ]
    assert wrap_words(f"ab (Wohnungs{shy}geber{shy}bestätigung)", 20, "  ") == [
        "ab (Wohnungsgeber-",
        "  bestätigung)",
    ]
    assert wrap_words(f"Melde{shy}bescheinigung", 48) == ["Meldebescheinigung"]
    assert wrap_words(f"Kranken{shy}versicherungsnachweis", 10) == [
        "Kranken-",
        "versicheru",
        "ngsnachwei",
        "s",
    ]


def test_only_words_longer_than_a_line_are_cut() -> None:
    assert wrap_words("ab Krankenversicherungsnachweis cd", 10) == [
        "ab",
        "Krankenver",
        "sicherungs",
        "nachweis",
        "cd",
    ]


def test_list_items_hang_under_their_text() -> None:
    item = f"-{NBSP}Nachweis der Krankenversicherung"
    assert wrap_words(item, 32, "  ") == [f"-{NBSP}Nachweis der", "  Krankenversicherung"]
    assert wrap_words(item, 48, "  ") == [item]
    assert wrap_words(f"-{NBSP}Aufenthaltstitelverlängerungsantrag", 16, "  ") == [
        f"-{NBSP}Aufenthaltstit",
        "  elverlängerung",
        "  santrag",
    ]


def test_empty_and_odd_input() -> None:
    assert wrap_words("", 32) == [""]
    assert wrap_words("   ", 32) == [""]
    assert wrap_words("a  b", 32) == ["a b"]
    assert wrap_words("abc def", 1, "  ") == ["a", "b", "c", "d", "e", "f"]


words = st.text(st.characters(codec="latin-1", exclude_characters=" \n\r\xad"), min_size=1)


@given(st.lists(words, max_size=12), st.integers(1, 48), st.sampled_from(["", "  "]))
def test_wrapping_keeps_every_word_and_every_line_fits(
    parts: list[str], width: int, hanging: str
) -> None:
    lines = wrap_words(" ".join(parts), width, hanging)
    assert all(len(line) <= width for line in lines)
    indent = hanging if len(hanging) < width else ""
    body = [lines[0], *(line.removeprefix(indent) for line in lines[1:])]
    assert "".join(body).replace(" ", "") == "".join(parts)
    for part in parts:
        if len(part) <= width - len(indent):
            assert any(part in line.split(" ") for line in body), "a short word is never cut"


@given(st.lists(st.lists(words, min_size=1, max_size=4), max_size=8), st.integers(1, 48))
def test_soft_hyphens_break_or_vanish_and_every_line_fits(
    syllables: list[list[str]], width: int
) -> None:
    """Words with soft hyphens: no line too long, no soft hyphen printed, no letter lost."""
    text = " ".join("\xad".join(word) for word in syllables)
    lines = wrap_words(text, width)
    assert all(len(line) <= width and "\xad" not in line for line in lines)
    printed = "".join(lines).replace(" ", "").replace("-", "")
    assert printed == "".join("".join(word) for word in syllables).replace("-", "")


def _ticket(**changes: object) -> TicketPrint:
    base = sample_ticket("de")
    values = {
        "office_name": base.office_name,
        "number": base.number,
        "concern": base.concern,
        "language": "de",
        "issued_at": datetime(2026, 11, 23, 9, 5, tzinfo=UTC),
        "expected_wait_minutes": 35,
        "documents": base.documents,
        "status_url": base.status_url,
    }
    values.update(changes)
    return TicketPrint(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", list(PaperWidth))
def test_every_printed_line_fits_the_paper(paper: PaperWidth) -> None:
    dots = paper.dots
    ticket = _ticket(
        concern="Verlängerung des Aufenthaltstitels nach Paragraf 31 Aufenthaltsgesetz",
        documents=("Nachweis der Krankenversicherung (Versicherungsbescheinigung)",),
        counter="Schalter 12 im Erdgeschoss links",
    )
    profile = PrinterProfile(paper=paper)
    lines = [*ticket_text_lines(ticket, dots), *closing_lines(ticket, dots)]
    assert all(len(line.text) <= columns(dots, line.width) for line in lines)
    printout = interpret(encode_text_ticket(ticket, profile), dots)
    for run in printout.text_runs:
        assert run.x >= 0
        assert run.x + len(run.text) * CHAR_WIDTH * run.width <= dots, run.text
    printed = " ".join(printout.lines()).split()
    logical = " ".join(
        [ticket.office_name, ticket.concern, *ticket.documents, ticket.texts.watch_screens]
    ).split()
    assert all(word in printed for word in logical), "no word lost or cut"
    assert any(line.endswith(f"35{NBSP}Min.") for line in printout.lines())


def test_a_text_ticket_prints_its_lines(
    emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    ticket = sample_ticket("de")
    printer = network_printer(emulator, PrintMode.TEXT)
    printer.print_ticket(ticket)
    printer.close()
    printout = emulator.interpret(emulator.wait_for_jobs(1)[0])
    paper = emulator.paper_width
    expected = [
        line.text
        for line in [*ticket_text_lines(ticket, paper), *closing_lines(ticket, paper)]
        if line.text
    ]
    assert printout.lines() == expected
    assert printout.lines()[-2:] == [
        "Bitte achten Sie auf die Bildschirme. Ihre",
        "Nummer wird aufgerufen.",
    ]
    assert printout.cuts == 1
    assert printout.unknown_commands == 0

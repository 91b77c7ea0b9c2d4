"""Everything that touches a device: printers, ticket rendering, scanners, counter signs.

A ticket's way, top down: what to print (`ticket`, `texts`) -> its picture (`qt.render`,
into `picture.TicketPicture`) -> bytes (`escpos`) -> a transport (`transports`).
`printer` is what the apps see of a printer; `qt/` holds everything that needs Qt (the
renderer, the print queue, the serial scanner's notifier, the wedge filter). Scanners
(`scanner`, `wedge`), counter signs (`sign`) and their serial ports (`serialport`) stand
beside the printer; `emulator/` is test and demo equipment that shipped code never imports.
"""

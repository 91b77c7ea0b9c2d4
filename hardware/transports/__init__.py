"""Byte pipes to a printer, one module per transport, chosen by the site file's printer entry.

`base` says what a transport is (`Transport`, `Timeouts`); `network`, `serial`, `usb` and
`file` wrap python-escpos devices; `opener.open_transport` matches on the site config's
tagged union (`shared.config.printer`) to open the right one; `memory` is an in-memory
printer (tests, and the emulators' job recorder) that needs no python-escpos.
"""

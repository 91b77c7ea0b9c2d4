"""ESC/POS, Qt-free: a ticket (and its rendered picture) to the bytes of one print job, and back.

`ticket` makes the job (text mode from `text`, or the picture as raster with native QR and
number), `encode` holds every command's bytes, `profile` what a printer model can do,
`status` asks the printer how it is, `printer` is the `EscposPrinter` that sends jobs over a
transport, and `commands` splits a byte stream back into commands (the memory transport and
the emulator read with it).
"""

"""Everything that touches a device: printers, ticket rendering, scanners, counter signs."""

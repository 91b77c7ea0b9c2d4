"""Aufruf: the kiosk package."""

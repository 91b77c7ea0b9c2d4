"""Aufruf: the display package."""

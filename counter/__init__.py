"""Aufruf: the counter package."""

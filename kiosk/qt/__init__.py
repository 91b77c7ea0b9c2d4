"""The kiosk's Qt side: one thin view per screen, the window, and the composition root."""

"""The display's sounds: the chime and the script that makes it."""

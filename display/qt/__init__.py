"""The wall display's Qt views and its composition root."""

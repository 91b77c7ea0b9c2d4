"""The counter app's Qt views and its composition root (`counter.qt.app`)."""

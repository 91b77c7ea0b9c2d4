"""`aufruf demo`: a real hub and a scripted office that uses it, with or without windows.

`office` starts the hub and pairs the demo's devices, `script` is the scripted office over
HTTP (`aufruf demo FILE`), `stream` prints each call as a display sees it, `windows` runs the
real apps as windows (`--windows`), `children` keeps their processes and `layout` places them.
"""

"""A TCP proxy in front of the hub that can hold every answer back for a while (a slow hub)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class SlowProxy:
    """Forwards 127.0.0.1:<port> to the hub; answers are delayed by `delay` seconds."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.delay = 0.0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._spawn(self._accept)

    @property
    def url(self) -> str:
        """The proxy's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            self._sockets += [client, upstream]
            self._spawn(self._pump, client, upstream, 0.0)
            self._spawn(self._answers, upstream, client)

    def _answers(self, source: socket.socket, target: socket.socket) -> None:
        self._pump(source, target, None)

    def _pump(self, source: socket.socket, target: socket.socket, delay: float | None) -> None:
        """Copy one direction; `delay` None means "the proxy's current delay"."""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                wait = self.delay if delay is None else delay
                if wait:
                    time.sleep(wait)
                target.sendall(data)
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Stop accepting and close every connection."""
        self._stop.set()
        self._server.close()
        for sock in self._sockets:
            sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

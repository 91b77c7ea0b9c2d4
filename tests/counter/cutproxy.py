"""A TCP proxy in front of the hub that lets a request through and cuts its answer, or
answers one itself as a gateway does.

`cut_answer_to(marker)` arms it: the next request whose bytes contain `marker` (e.g.
``b"POST /api/v1/counters/c1/call-next"``) reaches the hub unchanged — the hub acts on it —
but the connection is reset as the answer comes back, so the client never hears it.
`answer_instead(marker, status)`: the next such request never reaches the hub; the proxy
answers it with `status` (503: the hub restarting; 500 stands in for a bug) and closes.
Everything else passes both ways untouched (REST and the event stream).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to the hub; cuts the answer of one armed request."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.cut = 0
        """How many answers were cut."""
        self.seen: list[bytes] = []
        """Every request head that matched an armed or passed marker (for the test to read)."""
        self._marker: bytes | None = None
        self._instead: tuple[bytes, int] | None = None
        self.answered = 0
        """How many requests the proxy answered itself."""
        self._watch: bytes | None = None
        self._lock = threading.Lock()
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

    def cut_answer_to(self, marker: bytes) -> None:
        """Cut the answer of the next request containing `marker`; remember every such one."""
        with self._lock:
            self._marker = self._watch = marker

    def answer_instead(self, marker: bytes, status: int) -> None:
        """Answer the next request containing `marker` with `status` (the hub never sees it);
        remember every such one."""
        with self._lock:
            self._instead = (marker, status)
            self._watch = marker

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
            doomed = threading.Event()  # set: this connection's next answer is cut
            self._spawn(self._requests, client, upstream, doomed)
            self._spawn(self._answers, upstream, client, doomed)

    def _requests(
        self, source: socket.socket, target: socket.socket, doomed: threading.Event
    ) -> None:
        """Copy requests to the hub; arm the cut before an armed request reaches it."""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                with self._lock:
                    if self._watch is not None and self._watch in data:
                        self.seen.append(data.split(b"\r\n\r\n", 1)[0])
                    if self._marker is not None and self._marker in data:
                        self._marker = None
                        doomed.set()
                    status = self._answer_here(data)
                if status:
                    source.sendall(_gateway_answer(status))
                    break
                target.sendall(data)
        if doomed.is_set():  # cut: the client's socket lingers 0, so closing it resets it
            for sock in (source, target):
                sock.close()
            return
        _close(source, target)

    def _answer_here(self, data: bytes) -> int:
        """The status to answer `data` with here (0: pass it on); the lock is held."""
        if self._instead is None or self._instead[0] not in data:
            return 0
        status = self._instead[1]
        self._instead = None
        self.answered += 1
        return status

    def _answers(
        self, source: socket.socket, target: socket.socket, doomed: threading.Event
    ) -> None:
        """Copy answers back, unless this connection's answer is to be cut: then reset it."""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if doomed.is_set():
                    with self._lock:
                        self.cut += 1
                    _reset(target)  # the request thread, woken, closes it with a reset
                    return
                target.sendall(data)
        _close(source, target)

    def close(self) -> None:
        """Stop accepting and close every connection."""
        self._stop.set()
        self._server.close()
        for sock in self._sockets:
            _close(sock)  # wakes the thread reading from it
            sock.close()
        for thread in self._threads:
            thread.join(timeout=5)


def _gateway_answer(status: int) -> bytes:
    """A gateway's own short answer that closes the connection."""
    body = b"the proxy answered"
    head = f"HTTP/1.1 {status} Proxy\r\nContent-Type: text/plain\r\n"
    head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    return head.encode("ascii") + body


def _reset(sock: socket.socket) -> None:
    """Make closing `sock` a TCP reset (linger 0) and wake the thread reading from it."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.shutdown(socket.SHUT_RD)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

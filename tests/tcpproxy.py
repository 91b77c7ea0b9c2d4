"""A TCP proxy in front of the hub, with a hook on each direction for the tests that need one.

- Answers (hub → app) can be held back: `delay` seconds after each chunk arrived (a slow hub;
  not cumulative, the proxy keeps reading meanwhile).
- A request (app → hub) can be armed: `cut_answer_to(marker)`; the next request whose bytes
  contain `marker` (e.g. ``b"POST /api/v1/counters/c1/call-next"``) reaches the hub unchanged,
  so the hub acts on it, but the connection is reset as its answer comes back: the app never
  hears it. `seen` keeps the head of every request that contained the marker.
- Or a request is answered by the proxy itself, as a gateway does:
  `answer_instead(marker, status)`; the next such request never reaches the hub, the proxy
  answers it with `status` (503: the hub restarting; 500 stands in for a bug) and closes.

Everything else passes both ways untouched (REST and the event stream). A test that needs
another rule overrides the hooks `on_request` (each chunk before it goes to the hub) and
`on_answer` (each chunk of an answer as it comes; it may block to hold the answer back).
"""

from __future__ import annotations

import contextlib
import queue
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

_CUT = (0.0, b"")
"""In a link's queue of answers: the connection was reset, send nothing more, close nothing."""


@dataclass(eq=False)
class Link:
    """One proxied connection: the app's socket, the hub's, and whether its answer is cut."""

    client: socket.socket
    upstream: socket.socket
    doomed: threading.Event = field(default_factory=threading.Event)
    """Set: this connection's next answer is cut."""
    answers: queue.SimpleQueue[tuple[float, bytes] | None] = field(
        default_factory=queue.SimpleQueue
    )
    """Chunks of answers with the moment each is due; then `_CUT`, or None: the hub closed."""


class TcpProxy:
    """Forwards 127.0.0.1:<port> to the hub; delays answers, cuts the answer of an armed request.

    Subclasses may override `on_request` and `on_answer` (no-ops here).
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.delay = 0.0
        """Seconds each chunk of an answer is held back."""
        self.cut = 0
        """How many answers were cut."""
        self.seen: list[bytes] = []
        """Every request head that matched an armed or passed marker (for the test to read)."""
        self.answered = 0
        """How many requests the proxy answered itself."""
        self._marker: bytes | None = None
        self._instead: tuple[bytes, int] | None = None
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

    def on_request(self, data: bytes, link: Link) -> None:
        """Hook: a chunk of a request on `link`, about to go to the hub."""

    def on_answer(self, data: bytes, link: Link) -> None:
        """Hook: a chunk of an answer on `link`, just arrived (blocking here holds it back)."""

    def close(self) -> None:
        """Stop accepting and close every connection."""
        self._stop.set()
        self._server.close()
        for sock in self._sockets:
            _close(sock)  # wakes the thread reading from it
            sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

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
            link = Link(client, upstream)
            self._spawn(self._requests, link)
            self._spawn(self._answers, link)
            self._spawn(self._release, link)

    # ------------------------------------------------------------------ app → hub
    def _requests(self, link: Link) -> None:
        """Copy requests to the hub; arm the cut before an armed request reaches it."""
        with contextlib.suppress(OSError):
            while data := link.client.recv(65536):
                if status := self._arm(data, link):
                    link.client.sendall(_gateway_answer(status))
                    break
                self.on_request(data, link)
                link.upstream.sendall(data)
        if link.doomed.is_set():  # cut: the app's socket lingers 0, so closing it resets it
            link.client.close()
            link.upstream.close()
            return
        _close(link.client, link.upstream)

    def _arm(self, data: bytes, link: Link) -> int:
        """Note a watched request; doom the link of an armed one; the status to answer it
        with here (0: pass it on)."""
        with self._lock:
            if self._watch is not None and self._watch in data:
                self.seen.append(data.split(b"\r\n\r\n", 1)[0])
            if self._marker is not None and self._marker in data:
                self._marker = None
                link.doomed.set()
            if self._instead is None or self._instead[0] not in data:
                return 0
            status = self._instead[1]
            self._instead = None
            self.answered += 1
            return status

    # ------------------------------------------------------------------ hub → app
    def _answers(self, link: Link) -> None:
        """Read answers as they come; queue each chunk with its due time, or cut the link."""
        with contextlib.suppress(OSError):
            while data := link.upstream.recv(65536):
                if link.doomed.is_set():
                    with self._lock:
                        self.cut += 1
                    _reset(link.client)  # the request thread, woken, closes it with a reset
                    link.answers.put(_CUT)
                    return
                self.on_answer(data, link)
                link.answers.put((time.monotonic() + self.delay, data))
        link.answers.put(None)

    @staticmethod
    def _release(link: Link) -> None:
        """Send each queued chunk to the app when it is due; close the app's side at the end."""
        with contextlib.suppress(OSError):
            while (chunk := link.answers.get()) is not None:
                due, data = chunk
                if not data:  # cut: the request thread resets the connection
                    return
                time.sleep(max(due - time.monotonic(), 0.0))
                link.client.sendall(data)
        _close(link.upstream, link.client)


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

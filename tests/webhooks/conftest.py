"""A real HTTP receiver on 127.0.0.1, and webhook endpoints pointing at it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from talentdrive.webhooks.models import WebhookEndpoint

GARBAGE = 0  # in a script: answer bytes that are not an HTTP response


@dataclass
class Received:
    headers: Message  # names are case-insensitive, as in HTTP
    body: bytes


@dataclass
class Receiver:
    """Answers each POST with the next scripted status (200 once the script runs out) and keeps it."""

    url: str
    script: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.requests.append(Received(headers=self.headers, body=body))
            status = state.script.pop(0) if state.script else 200
            if status == GARBAGE:
                self.wfile.write(b"this is not HTTP\r\n\r\n")
                return
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/talentdrive"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def quick_webhooks(settings):
    # A short timeout keeps a broken test from hanging; the backoff stays at its real value so the
    # tests drive retries with an injected clock, not by sleeping.
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "WEBHOOK_TIMEOUT_SECONDS": 3, "WEBHOOK_MAX_ATTEMPTS": 5}


@pytest.fixture
def endpoint(db, receiver: Receiver, admin_user) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(url=receiver.url, description="ATS sync", created_by=admin_user)


@pytest.fixture
def no_proxy(monkeypatch):
    # The receiver is local: a proxy in the environment must not carry the request elsewhere.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

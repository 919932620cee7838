"""A tiny threaded HTTP server on 127.0.0.1 for client tests.

It records every request (method, path, query, headers, body) and answers
from a queue of canned responses (the last one repeats).  ``Recorder.url``
is its base URL; use it as a context manager so it stops by itself.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Canned:
    status: int = 200
    body: bytes | str | object = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass
class Recorded:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()

    def parsed_body(self) -> object:
        """JSON as data, multipart as sorted parts, forms as pairs, else bytes."""
        kind = self.content_type()
        if not self.body:
            return None
        if kind == "application/json" or kind.endswith("+json"):
            return json.loads(self.body)
        if kind.startswith("multipart/"):
            return multipart_parts(self.headers["content-type"], self.body)
        if kind == "application/x-www-form-urlencoded":
            return sorted(parse_qsl(self.body.decode(), keep_blank_values=True))
        return self.body


def multipart_parts(content_type: str, body: bytes) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, filename, content type, bytes) of each part, sorted."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    parts = []
    for part in message.iter_parts():  # type: ignore[attr-defined]
        ctype = part.get("content-type")
        parts.append((part.get_param("name", header="content-disposition"), part.get_filename(),
                      str(ctype).split(";")[0] if ctype else None, part.get_payload(decode=True)))
    return sorted(parts, key=lambda p: (p[0] or "", p[1] or ""))


class Recorder:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.responses: list[Canned] = [Canned()]
        self._lock = threading.Lock()
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                with recorder._lock:
                    recorder.requests.append(Recorded(
                        method=self.command, path=url.path,
                        query=parse_qsl(url.query, keep_blank_values=True),
                        headers={k.lower(): v for k, v in self.headers.items()}, body=body,
                    ))
                    canned = recorder.responses.pop(0) if len(recorder.responses) > 1 else recorder.responses[0]
                if canned.delay:
                    threading.Event().wait(canned.delay)
                payload = canned.payload()
                self.send_response(canned.status)
                if payload or canned.status != 204:
                    self.send_header("content-type", canned.content_type)
                for key, value in canned.headers.items():
                    self.send_header(key, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def respond(self, *canned: Canned) -> None:
        with self._lock:
            self.responses = list(canned) or [Canned()]
            self.requests.clear()

    def __enter__(self) -> Recorder:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()

"""The built site served on 127.0.0.1 as a host serves it to readers, for the browser tests and
Lighthouse.

As GitHub Pages (the free host the README names) serves a site: the files as they are, text
types gzip-compressed when the browser asks for it (GitHub Pages compresses HTML, CSS,
JavaScript, JSON, XML and SVG), and ``Cache-Control: max-age=600`` on everything.
``compress=False`` is Python's ``http.server`` as it is, which compresses nothing: no host a
reader meets does that, but benchmarks/RESULTS.md reports it too.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".jsonld"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    compress = True

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = os.path.join(path, "index.html")
        if Path(path).suffix not in COMPRESSED or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, port: int = 0, compress: bool = True):
    """Serves the ``site`` folder on 127.0.0.1:``port`` (0: a free one); yields its base URL."""
    handler = type("Handler", (_Handler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()

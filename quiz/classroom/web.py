"""The browser pages, served by the session server on its own port: a plain GET gets a
page or a file from quiz/classroom/web/, a WebSocket upgrade goes on to the protocol.

The pages are static package data (no build step); what they show comes over the same
protocol `quiz join` speaks. The only generated file is the join link's QR code.
"""

from __future__ import annotations

import functools
import http
import mimetypes
from importlib import resources
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

PAGES = {"/": "student.html", "/index.html": "student.html", "/screen": "screen.html",
         "/favicon.ico": "favicon.svg"}
"""Addresses a person types or scans, and the page each one gets."""
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml"}
SECURITY = [
    # Only our own files run and only our own server is spoken to; no inline script can
    # run even if some text were ever shown as HTML by mistake.
    ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                                "img-src 'self'; connect-src 'self' ws: wss:; "
                                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
]
PAGE_CACHE = "no-cache"
"""Pages are checked each time (they are tiny); their files can be kept for a while: the
pages name them with the package version, so an upgrade fetches the new ones."""
ASSET_CACHE = "public, max-age=3600"


def is_upgrade(request: Request) -> bool:
    return "websocket" in request.headers.get("Upgrade", "").lower()


@functools.cache
def asset(name: str) -> bytes | None:
    """A file shipped in quiz/classroom/web/, or None. Only plain names: no folders."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    try:
        return resources.files("quiz.classroom").joinpath("web", name).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _response(connection: ServerConnection, status: int, body: bytes,
              content_type: str, cache: str = PAGE_CACHE) -> Response:
    response = connection.respond(status, "")
    response.body = body
    response.headers = Headers([(k, v) for k, v in response.headers.raw_items()
                                if k not in ("Content-Length", "Content-Type")])
    response.headers["Content-Type"] = content_type
    response.headers["Content-Length"] = str(len(body))
    for key, value in SECURITY:
        response.headers[key] = value
    response.headers["Cache-Control"] = cache
    return response


def page(connection: ServerConnection, request: Request, join_link: str) -> Response:
    """The answer to a plain GET: a page, a file, the join QR code, or 404."""
    path = urlsplit(request.path).path
    if path == "/qr.svg":
        return _response(connection, 200, qr_svg(join_link), TYPES[".svg"])
    name = PAGES.get(path) or (path.removeprefix("/static/") if path.startswith("/static/")
                               else None)
    body = (page_text(name) if path in PAGES else asset(name)) if name else None
    if body is None:
        return _response(connection, http.HTTPStatus.NOT_FOUND,
                         b"Not found. Students join at / and the class screen is /screen.\n",
                         "text/plain; charset=utf-8")
    kind = TYPES.get("." + name.rsplit(".", 1)[-1]) or mimetypes.guess_type(name)[0]
    return _response(connection, 200, body, kind or "application/octet-stream",
                     PAGE_CACHE if path in PAGES else ASSET_CACHE)


@functools.cache
def page_text(name: str) -> bytes | None:
    """A page with its files' addresses marked with the package version (`?v=0.1.0`)."""
    from quiz import __version__

    body = asset(name)
    if body is None or not name.endswith(".html"):
        return body
    return body.replace(b'.js"', f'.js?v={__version__}"'.encode()).replace(
        b'.css"', f'.css?v={__version__}"'.encode())


@functools.cache
def qr_svg(link: str) -> bytes:
    """The join link as a QR code (segno), black on white, with its quiet zone."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=8, border=4, dark="#000",
                                     light="#fff", xmldecl=False,
                                     title="QR code of the join link")
    return buffer.getvalue()


def terminal_qr(link: str) -> str:
    """The join link as a QR code in text, two modules a character with half blocks,
    dark on light as scanners expect (the quiet zone included)."""
    import segno

    rows = [list(row) for row in segno.make(link, error="m").matrix_iter(scale=1, border=2)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    blocks = {(0, 0): "█", (1, 0): "▄", (0, 1): "▀", (1, 1): " "}
    return "\n".join("".join(blocks[(top, bottom)] for top, bottom in zip(upper, lower,
                                                                          strict=True))
                     for upper, lower in zip(rows[::2], rows[1::2], strict=True))

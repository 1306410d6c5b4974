"""What every request passes before a route sees it, and the headers every answer carries.

In this order:

- **Host** (when ``hosts`` is given): only a loopback name (``localhost``, ``127.0.0.1``, ``[::1]``, any
  port) or one of ``hosts``; else ``403``.  A DNS-rebinding page sends its own name and is refused.
- **Token** (when set): ``Authorization: Bearer T`` (the scheme in any case), ``?token=T``, or the cookie
  that opening ``/?token=T`` sets (HttpOnly, SameSite=Strict); else ``401``.
- **Origin**: a write (POST, PUT, PATCH, DELETE) from a browser page of another origin gets ``403``; a
  request without ``Origin`` (curl, scripts) passes.
- **Body**: at most ``max_body`` bytes, counted as they arrive, whatever ``Content-Length`` or
  ``Transfer-Encoding`` say; else ``413``, and the rest is never read.
- **Headers**: every answer gets ``SECURITY_HEADERS`` (a route may set its own ``Content-Security-Policy``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Collection
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "newsgraph_token"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def csp_hash(source: str) -> str:
    """The CSP source that allows exactly this inline script or style text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


#: the one ``<style>`` element Cytoscape.js adds to the page (its container's position); the policy allows that text only
CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"
#: the web page loads its own script, style sheet and API answers, and nothing else
CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        f"style-src 'self' {csp_hash(CYTOSCAPE_STYLE)}",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def host_name(host: str) -> str:
    """The name in a ``Host`` header (or a name given to ``--allow-host``): lower case, no port, IPv6 in brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    if host.count(":") > 1:  # a bare IPv6 address
        return f"[{host}]"
    return host.partition(":")[0]


def presented_token(request: Request) -> str:
    """The token the request carries: the bearer credentials, else ``?token=``, else the cookie ("" for none)."""
    scheme, _, credentials = request.headers.get("authorization", "").strip().partition(" ")
    bearer = credentials.strip() if scheme.lower() == "bearer" else ""
    return bearer or request.query_params.get("token", "") or request.cookies.get(COOKIE, "")


def token_cookie(token: str, secure: bool) -> str:
    """The ``Set-Cookie`` value that lets a page opened with ``?token=`` carry the token (HttpOnly, SameSite=Strict)."""
    cookie: SimpleCookie = SimpleCookie()
    cookie[COOKIE] = token
    morsel = cookie[COOKIE]
    morsel["path"], morsel["httponly"], morsel["samesite"], morsel["secure"] = "/", True, "strict", secure
    return morsel.OutputString()


def refused(status: int, detail: str) -> JSONResponse:
    """A short error answer that closes the connection (so the rest of the body is never read) and repeats nothing sent."""
    return JSONResponse({"detail": detail}, status_code=status, headers={"connection": "close"})


class Guard:
    """ASGI middleware: the Host, token, Origin and body-size checks, and the security headers (see the module)."""

    def __init__(self, app: ASGIApp, *, token: str | None, hosts: Collection[str] | None, max_body: int) -> None:
        self.app = app
        self.token = token
        self.hosts = None if hosts is None else LOOPBACK_HOSTS | {host_name(h) for h in hosts}
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        send = self.headed(request, send)
        refusal = self.refusal(request)
        if refusal is None:
            body = await read_body(receive, self.max_body)
            if body is not None:
                await self.app(scope, replay(body, receive), send)
                return
            refusal = refused(413, f"request body over {self.max_body} bytes")
        await refusal(scope, receive, send)

    def refusal(self, request: Request) -> JSONResponse | None:
        """The answer to a request that fails a check before its body is read; None when it passes."""
        headers = request.headers
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            return refused(403, "this server answers only to its own host names (newsgraph serve --allow-host NAME adds one)")
        if self.token is not None and not hmac.compare_digest(presented_token(request).encode(), self.token.encode()):
            return refused(401, "a valid token is required (Authorization: Bearer TOKEN, or open /?token=TOKEN)")
        origin = headers.get("origin")
        if request.method in WRITES and origin is not None and urlsplit(origin).netloc.lower() != headers.get("host", "").lower():
            return refused(403, "a write from a page of another origin is refused")
        size = headers.get("content-length")
        if size is not None and (not size.isdigit() or int(size) > self.max_body):
            return refused(413, f"request body over {self.max_body} bytes")
        return None

    def headed(self, request: Request, send: Send) -> Send:
        """``send`` that adds the security headers to the answer, and the token cookie to a page opened with ``?token=``."""
        cookie = self.token is not None and request.url.path == "/" and request.query_params.get("token")

        async def send_headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if cookie and message["status"] < 400:
                    headers.append("set-cookie", token_cookie(str(self.token), secure=request.url.scheme == "https"))
            await send(message)

        return send_headed


async def read_body(receive: Receive, limit: int) -> Message | None:
    """The request's body as one message, read as it arrives; None once it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            return message
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}


def replay(first: Message, receive: Receive) -> Receive:
    """``receive`` that gives ``first`` (the body read already), then what the client sends next (a disconnect)."""
    pending = [first]

    async def receive_again() -> Message:
        return pending.pop() if pending else await receive()

    return receive_again

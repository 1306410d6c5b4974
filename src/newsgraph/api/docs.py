"""``/api/docs``: Swagger UI over ``/api/openapi.json``, served only when asked for (``newsgraph serve --docs``).

Swagger UI is not shipped with newsgraph: the page loads it from jsDelivr, pinned to one release of
``swagger-ui-dist`` and checked by Subresource Integrity (the hashes of that release's files on npm,
which jsDelivr serves unchanged).  Its Content-Security-Policy allows that host and the page's one
inline script, and nothing else.
"""

from __future__ import annotations

from starlette.responses import HTMLResponse

from newsgraph.api.guard import csp_hash

VERSION = "5.35.0"
CDN = f"https://cdn.jsdelivr.net/npm/swagger-ui-dist@{VERSION}"
SCRIPT_INTEGRITY = "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9"
STYLE_INTEGRITY = "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I"
INIT = 'SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui"});'
CSP = "; ".join(
    (
        "default-src 'none'",
        f"script-src https://cdn.jsdelivr.net {csp_hash(INIT)}",
        "style-src https://cdn.jsdelivr.net 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsgraph API</title>
<link rel="stylesheet" href="{CDN}/swagger-ui.css" integrity="{STYLE_INTEGRITY}" crossorigin="anonymous">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{CDN}/swagger-ui-bundle.js" integrity="{SCRIPT_INTEGRITY}" crossorigin="anonymous"></script>
<script>{INIT}</script>
</body>
</html>
"""


def swagger_page() -> HTMLResponse:
    """The Swagger UI page, with its own Content-Security-Policy (``Guard`` adds the other headers)."""
    return HTMLResponse(PAGE, headers={"content-security-policy": CSP})

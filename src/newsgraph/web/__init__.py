"""The web page: static files (HTML, JS, CSS, vendored Cytoscape.js) served by the API app."""

from pathlib import Path

STATIC = Path(__file__).parent / "static"

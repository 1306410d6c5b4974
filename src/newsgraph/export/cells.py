"""Spreadsheet-safe CSV cells: a text that a spreadsheet would run as a formula is written as text.

A cell that begins with ``= + - @``, a tab or a carriage return (OWASP's list for CSV injection) gets a
leading ``'``, which spreadsheets read as "text" and do not show: ``=HYPERLINK(...)`` stays words.  So
that the mark can be taken off again without guessing (a text matching ``MARKED`` loses its first
character), a text that already begins with one or more ``'`` before such a character gets one more.
Numbers are never marked.
"""

from __future__ import annotations

import re
from typing import Any

#: the mark a spreadsheet reads as "this cell is text"
MARK = "'"
#: a text that needs the mark: any ``'`` then one of the characters that start a formula
_NEEDS_MARK = re.compile(r"'*[=+\-@\t\r]")
#: a marked text, as a whole-string regular expression that Java (Cypher's ``=~``) and Python read alike
MARKED = r"(?s)'+[=+\-@\t\r].*"


def safe(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet will not run: a text that needs it gets ``MARK`` before it."""
    if isinstance(value, str) and _NEEDS_MARK.match(value):
        return MARK + value
    return value

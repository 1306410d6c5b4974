"""Turn a web page into an article record with trafilatura: main text, title, date, author, canonical URL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import trafilatura

from newsgraph.ingest.text import InputError, checked, validate_date

if TYPE_CHECKING:
    from trafilatura.settings import Document


def read_html(html: bytes | str, url: str | None = None, where: str | None = None) -> dict[str, Any]:
    """The article record of one HTML page (bytes in any declared or detectable encoding).

    Its ``id`` and ``url`` are the page's canonical URL (else ``url``); paragraphs are separated by a
    blank line, as in a plain-text article.  A page with no main text, or one that cannot be read (see
    ``text.unreadable``), raises ``InputError``.
    """
    where = where or url or "page"
    # without as_dict, a Document (or None when nothing could be read)
    found = cast(
        "Document | None",
        trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True),
    )
    text = "\n\n".join(line.strip() for line in (found.text or "").splitlines() if line.strip()) if found else ""
    if not text or found is None:  # no text when nothing was found
        raise InputError(f"{where}: no article text found in the page")
    canonical = found.url if found.url and found.url.startswith(("http://", "https://")) else url
    try:
        published = validate_date(found.date, where)
    except InputError:
        published = None  # a page's unreadable date is no reason to lose its text
    record = {
        "id": canonical or where,
        "text": text,
        "title": found.title or None,
        "published": published,
        "url": canonical,
        "author": found.author or None,
    }
    return checked(record, where)

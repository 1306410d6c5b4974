"""Time expressions resolved against the publication date with dateparser.

Relative expressions dateparser does not read in a language ("el próximo jueves") are first rewritten
into the English form it does read, by the rules of ``time_rewrites.json`` of the language's pack.
"""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsgraph.lang import packs


@lru_cache(maxsize=64)
def _parser(base: datetime, lang: str = "en"):
    """A dateparser parser for ``lang`` anchored at ``base`` (one per publication date)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser

        return DateDataParser(languages=[lang], settings={"PREFER_DATES_FROM": "current_period", "RELATIVE_BASE": base})


def _period_bounds(d: datetime, period: str) -> tuple[date, date]:
    day = d.date()
    if period == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if period == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


@lru_cache(maxsize=8)
def _rewrites(lang: str) -> tuple[list[tuple[re.Pattern[str], str]], dict[str, str]]:
    """The rewrite rules of ``lang`` and the words they translate (none unless its pack has ``time_rewrites``)."""
    the_pack = packs().get(lang)
    data = the_pack.data("time_rewrites.json") if the_pack is not None and the_pack.time_rewrites else {}
    return [(re.compile(r["pattern"], re.IGNORECASE), r["to"]) for r in data.get("rules", [])], data.get("words", {})


def rewrite(text: str, lang: str) -> str | None:
    """``text`` in the English form dateparser reads, when a rewrite rule of ``lang`` matches it."""
    rules, words = _rewrites(lang)
    for rx, to in rules:
        m = rx.match(text.strip())
        if m is None:
            continue
        if not m.groups():
            return to
        if m.group(1).lower() in words:
            return to.replace("{1}", words[m.group(1).lower()])
    return None


@lru_cache(maxsize=4096)
def resolve(text: str, published: str | None, lang: str = "en") -> dict[str, str]:
    """``{"text"}`` plus ISO ``start``/``end`` when ``text`` (in ``lang``) resolves against ``published`` (YYYY-MM-DD)."""
    out = {"text": text}
    if not published:
        return out
    try:
        base = datetime.fromisoformat(published[:10])
    except ValueError:
        return out
    english = rewrite(text, lang)
    parser = _parser(base, "en" if english else lang)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(english or text)
    except Exception:  # dateparser raises on odd strings; an unresolved time is still a time text
        return out
    if data is None or data.date_obj is None:
        return out
    start, end = _period_bounds(data.date_obj, data.period or "day")
    out["start"], out["end"] = start.isoformat(), end.isoformat()
    return out

"""Time expressions resolved against the publication date with dateparser."""
from __future__ import annotations

import calendar
import warnings
from datetime import date, datetime, timedelta
from functools import lru_cache


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
    parser = _parser(base, lang)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(text)
    except Exception:  # dateparser raises on odd strings; an unresolved time is still a time text
        return out
    if data is None or data.date_obj is None:
        return out
    start, end = _period_bounds(data.date_obj, data.period or "day")
    out["start"], out["end"] = start.isoformat(), end.isoformat()
    return out

"""Time expressions resolved against the publication date (src/newsgraph/nlp/timex.py): ``resolve`` gives
ISO ``start``/``end`` of the day, week (Monday to Sunday), month or year the expression names, ``rewrite``
turns Spanish relative times dateparser does not read into English.  Publication date: Monday 2024-05-27."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsgraph.nlp.timex import _period_bounds, resolve, rewrite

PUBLISHED = "2024-05-27"  # a Monday


def span(text: str, published: str | None = PUBLISHED, lang: str = "en") -> tuple[str | None, str | None]:
    got = resolve(text, published, lang)
    assert got["text"] == text
    return got.get("start"), got.get("end")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("today", "2024-05-27", "2024-05-27"),
        ("yesterday", "2024-05-26", "2024-05-26"),
        ("tomorrow", "2024-05-28", "2024-05-28"),
        ("three days ago", "2024-05-24", "2024-05-24"),
        ("Monday", "2024-05-27", "2024-05-27"),  # the publication day itself
        ("on Monday", "2024-05-27", "2024-05-27"),
        ("Friday", "2024-05-24", "2024-05-24"),  # a bare weekday is the past one
        ("last Friday", "2024-05-24", "2024-05-24"),
        ("next Thursday", "2024-05-30", "2024-05-30"),
        ("5 March 2023", "2023-03-05", "2023-03-05"),
    ],
)
def test_english_days(text, start, end):
    """An expression of a day resolves to that one day."""
    assert span(text) == (start, end)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("this week", "2024-05-27", "2024-06-02"),
        ("next week", "2024-06-03", "2024-06-09"),
    ],
)
def test_english_weeks_run_monday_to_sunday(text, start, end):
    """A week is its Monday to its Sunday."""
    assert span(text) == (start, end)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("last month", "2024-04-01", "2024-04-30"),
        ("March", "2024-03-01", "2024-03-31"),  # a bare month is of the publication year
        ("June", "2024-06-01", "2024-06-30"),
        ("December", "2024-12-01", "2024-12-31"),  # even when it is still to come
        ("February", "2024-02-01", "2024-02-29"),  # a leap year's February
        ("March 2023", "2023-03-01", "2023-03-31"),
    ],
)
def test_english_months_run_first_to_last_day(text, start, end):
    """A month is its first to its last day."""
    assert span(text) == (start, end)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2023", "2023-01-01", "2023-12-31"),
        ("next year", "2025-01-01", "2025-12-31"),
    ],
)
def test_english_years_run_january_to_december(text, start, end):
    """A year is 1 January to 31 December."""
    assert span(text) == (start, end)


def test_relative_times_follow_the_publication_date():
    """The same words resolve against each publication date: a Sunday still belongs to its Monday's week,
    and "next month" crosses the year."""
    assert span("next week", "2024-06-02") == ("2024-06-03", "2024-06-09")  # Sunday 2 June
    assert span("next month", "2023-12-15") == ("2024-01-01", "2024-01-31")


def test_publication_timestamp_is_read_by_its_date():
    """Only the first ten characters (YYYY-MM-DD) of ``published`` are read."""
    assert span("next week", "2024-05-27T10:00:00Z") == ("2024-06-03", "2024-06-09")


@pytest.mark.parametrize("published", [None, "", "not a date", "27/05/2024"])
def test_no_usable_publication_date_gives_the_text_only(published):
    """Without a publication date in ISO form nothing is resolved: only ``{"text"}``."""
    assert resolve("next week", published) == {"text": "next week"}


@pytest.mark.parametrize("text", ["blah blorp", "the summer", ""])
def test_unparseable_text_gives_the_text_only(text):
    """Text dateparser cannot read stays a time text with no start or end."""
    assert resolve(text, PUBLISHED) == {"text": text}


# --- Spanish --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, start, end",
    [
        ("ayer", "2024-05-26", "2024-05-26"),  # read by dateparser in Spanish directly
        ("marzo", "2024-03-01", "2024-03-31"),
        ("el próximo jueves", "2024-05-30", "2024-05-30"),  # rewritten "next thursday"
        ("El Próximo Jueves", "2024-05-30", "2024-05-30"),  # rules ignore case
        ("  el próximo jueves  ", "2024-05-30", "2024-05-30"),  # ... and surrounding spaces
        ("la próxima semana", "2024-06-03", "2024-06-09"),  # "next week"
        ("el mes que viene", "2024-06-01", "2024-06-30"),  # "next month"
        ("el lunes pasado", "2024-05-20", "2024-05-20"),  # "last monday"
        ("la semana pasada", "2024-05-20", "2024-05-26"),  # "last week"
        ("el año pasado", "2023-01-01", "2023-12-31"),  # "last year"
        ("este martes", "2024-05-28", "2024-05-28"),  # "this tuesday"
        ("pasado mañana", "2024-05-29", "2024-05-29"),  # "in 2 days"
    ],
)
def test_spanish_times(text, start, end):
    """Spanish expressions resolve, through a rewrite when dateparser does not read them."""
    assert span(text, lang="es") == (start, end)


@pytest.mark.parametrize(
    "text, english",
    [
        ("el próximo jueves", "next thursday"),
        ("la próxima semana", "next week"),
        ("el martes próximo", "next tuesday"),
        ("el mes que viene", "next month"),
        ("el lunes pasado", "last monday"),
        ("la semana pasada", "last week"),
        ("este martes", "this tuesday"),
        ("esta semana", "this week"),
        ("pasado mañana", "in 2 days"),  # a rule with no captured word
        ("el miercoles pasado", "last wednesday"),  # unaccented spelling
    ],
)
def test_spanish_rewrites(text, english):
    """The Spanish pack's rules turn relative times into English, translating the captured word."""
    assert rewrite(text, "es") == english


@pytest.mark.parametrize("text", ["el próximo gobierno", "ayer", "marzo", "el presidente"])
def test_no_rewrite_without_a_rule_and_a_known_word(text):
    """A rule matches only with a word of its table; other text is not rewritten (dateparser reads it as is)."""
    assert rewrite(text, "es") is None


def test_no_rewrite_in_english():
    """English has no rewrite rules."""
    assert rewrite("el próximo jueves", "en") is None and rewrite("next week", "en") is None


def test_english_words_are_not_read_as_spanish():
    """Text is parsed in the given language: English words under ``es`` are not resolved."""
    assert resolve("next week", PUBLISHED, "es") == {"text": "next week"}


def test_next_weekend_is_rewritten_but_not_resolved():
    """Pins today's gap: "el próximo fin de semana" becomes "next weekend", which dateparser does not resolve."""
    assert rewrite("el próximo fin de semana", "es") == "next weekend"
    assert resolve("el próximo fin de semana", PUBLISHED, "es") == {"text": "el próximo fin de semana"}


# --- period bounds --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "period, start, end",
    [
        ("day", "2024-02-14", "2024-02-14"),
        ("week", "2024-02-12", "2024-02-18"),
        ("month", "2024-02-01", "2024-02-29"),
        ("year", "2024-01-01", "2024-12-31"),
        ("time", "2024-02-14", "2024-02-14"),  # any other period is the day
    ],
)
def test_period_bounds(period, start, end):
    """The day, Monday-to-Sunday week, month or year holding a date (Wednesday 14 February 2024)."""
    s, e = _period_bounds(datetime(2024, 2, 14, 15, 30), period)
    assert (s.isoformat(), e.isoformat()) == (start, end)

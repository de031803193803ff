"""Date normalization: one calendar expression to an ISO 8601 value, deterministically.

The one wrapper around dateparser. It always passes explicit settings (English, day-first numeric
dates, the reference date as the base), never the machine's clock, so a record does not change
with the calendar. A day or month without a year takes the reference's year (the previous year
when that would put it after the reference, unless the text says it is coming); with no
reference it is written with the year unknown: 'XXXX-07-31'.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
# Shapes of a calendar date's parts, shared by the stages that find dates in text (dates,
# documents' "dated <date>"). Months capitalized or in capitals whatever the flags: "may" is a verb.
MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December|"
               "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
MONTH_PATTERN = rf"(?-i:{MONTH_NAMES}|{MONTH_NAMES.upper()})\.?"
DAY_PATTERN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)
# A fixed base for parsing day and month when the year is unknown: a leap year, so 29 February
# parses; its year never reaches a record.
UNKNOWN_YEAR_BASE = datetime(2000, 12, 31)


@dataclass(frozen=True)
class DatePoint:
    """A normalized date: `value` in ISO 8601 ('2024-07-31', '2024-07', '2023', 'XXXX-07-31') and
    whether its year was inferred (taken from the reference, not written in the text)."""

    value: str
    precision: str  # "day", "month" or "year"
    inferred: bool = False


@functools.lru_cache(maxsize=64)
def _parser(base: datetime, prefer: str) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY",  # "31/7/2024": the genre writes day first
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Candidates are calendar expressions; relative words are resolved by the dates stage.
        "PARSERS": ["absolute-time"],
    })


@functools.lru_cache(maxsize=8192)  # pure, and articles repeat their dates
def normalize(text: str, reference: date | None = None, *, coming: bool = False) -> DatePoint | None:
    """The date one calendar expression ('July 31st', '31/7/2024', 'September 2015', '2023') states.

    `reference` settles a missing year; `coming` says the text speaks of the future ("will be held
    on August 14"), so a day after the reference stays in the reference's year rather than the last.
    Returns None for what states no calendar date: a weekday or a relative word alone ('Monday',
    'this year'), which dateparser would resolve against its base.
    """
    text = text.strip()
    if not (MONTH.search(text) or re.search(r"\d", text)):
        return None
    has_year = YEAR.search(text) is not None
    if has_year:
        base, prefer = UNKNOWN_YEAR_BASE, "past"
    elif reference is not None:
        base, prefer = datetime.combine(reference, datetime.min.time()), "future" if coming else "past"
        if coming:  # the reference day itself is still to come, not a year away
            base -= timedelta(days=1)
    else:
        base, prefer = UNKNOWN_YEAR_BASE, "past"
    data = _parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return DatePoint(f"{found.year:04d}", "year") if has_year else None
    year = f"{found.year:04d}" if has_year or reference is not None else "XXXX"
    month = f"{year}-{found.month:02d}"
    inferred = not has_year and reference is not None
    if data.period == "month":
        return DatePoint(month, "month", inferred)
    return DatePoint(f"{month}-{found.day:02d}", "day", inferred)

"""Date normalization: one calendar expression to an ISO 8601 value, deterministically.

The one wrapper around dateparser. It always passes explicit settings (English, day-first numeric
dates, the reference date as the base), never the machine's clock, so a record does not change
with the calendar. A day or month without a year takes the reference's year (the previous year
when that would put it after the reference, unless the text says it is coming); with no
reference it is written with the year unknown: 'XXXX-07-31'.

A reference may be any day of years 1-9999 (`datetime.date`'s range). Near those bounds the
arithmetic is done on the same day moved by whole 400-year cycles (`in_cycle`): the Gregorian
calendar repeats every 400 years, leap days and weekdays alike, so month and day come out the same;
a day whose year then falls outside 1-9999 is written with the year unknown (`iso_day`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateData, DateDataParser

from . import atoms

YEAR = re.compile(rf"\b{atoms.YEAR}\b")
# A normalized value that names a day, perhaps of an unknown year: "2024-07-31", "XXXX-07-31".
DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")
MONTH = re.compile(atoms.MONTH_WORD, re.IGNORECASE)
# A fixed base for parsing day and month when the year is unknown: a leap year, so 29 February
# parses; its year never reaches a record.
UNKNOWN_YEAR_BASE = datetime(2000, 12, 31)
CYCLE = 400  # years after which the Gregorian calendar repeats: the same leap days, the same weekdays
# References are moved into the cycle of years 1801-2200 (see `in_cycle`); the genre's own stay put.
CYCLE_END = 2200
FIRST_YEAR, LAST_YEAR = date.min.year, date.max.year


@dataclass(frozen=True)
class DatePoint:
    """A normalized date: `value` in ISO 8601 ('2024-07-31', '2024-07', '2023', 'XXXX-07-31') and
    whether its year was inferred (taken from the reference, not written in the text)."""

    value: str
    precision: str  # "day", "month" or "year"
    inferred: bool = False


def in_cycle(day: date) -> tuple[date, int]:
    """`day` moved by whole 400-year cycles into years 1801-2200, and the years it was moved by
    (0 for the genre's own years): a day or a year of arithmetic around it cannot leave years
    1-9999, and its month, day and weekday stay the same. Undo with `iso_day(moved, shift)`."""
    shift = CYCLE * ((CYCLE_END - day.year) // CYCLE)
    return (day.replace(year=day.year + shift) if shift else day), shift


def iso_day(day: date, shift: int = 0) -> str:
    """'YYYY-MM-DD' of `day` moved back by `shift` years (see `in_cycle`); 'XXXX-MM-DD' when that
    year is outside 1-9999, which no date holds."""
    year = day.year - shift
    written = f"{year:04d}" if FIRST_YEAR <= year <= LAST_YEAR else "XXXX"
    return f"{written}-{day.month:02d}-{day.day:02d}"


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
    shift = 0
    if has_year or reference is None:
        base, prefer = UNKNOWN_YEAR_BASE, "past"
    else:
        moved, shift = in_cycle(reference)
        base, prefer = datetime.combine(moved, datetime.min.time()), "future" if coming else "past"
        if coming:  # the reference day itself is still to come, not a year away
            base -= timedelta(days=1)
    data = _parse(text, base, prefer)
    if data is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return DatePoint(f"{found.year:04d}", "year") if has_year else None
    year = found.year if has_year or reference is not None else None
    if shift and _moves_with_base(text, base, prefer, found):
        year = found.year - shift  # the moved reference's year: move it back, before 1 or after 9999 is unknown
        year = year if FIRST_YEAR <= year <= LAST_YEAR else None
    month = f"{'XXXX' if year is None else f'{year:04d}'}-{found.month:02d}"
    inferred = not has_year and year is not None
    if data.period == "month":
        return DatePoint(month, "month", inferred)
    return DatePoint(f"{month}-{found.day:02d}", "day", inferred)


def _parse(text: str, base: datetime, prefer: str) -> DateData | None:
    """dateparser's reading of `text` against `base`, when it is a day, a month or a year."""
    data = _parser(base, prefer).get_date_data(text)
    if data is None or data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data


def _moves_with_base(text: str, base: datetime, prefer: str, found: date) -> bool:
    """Whether dateparser took `found`'s year from `base` (it moves when the base moves a cycle),
    not from the text ('January 1, 9999' names a year that YEAR does not know)."""
    again = _parse(text, base.replace(year=base.year + CYCLE), prefer)
    return again is not None and again.date_obj.year == found.year + CYCLE

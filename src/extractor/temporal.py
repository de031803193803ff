"""Date normalization: one calendar expression to an ISO 8601 value, deterministically.

The shapes the dates stage writes a day, month or year in ('31 July 2024', 'July 31st', 'Sept. 2015',
'2023': `WRITTEN`) are read directly, each naming its day, month and year; anything else goes to
the one wrapper around dateparser, which always passes explicit settings (English, day-first
numeric dates, the reference date as the base). Neither reads the machine's clock, so a record
does not change with the calendar. A day or month without a year takes the reference's year (the
previous year when that would put it after the reference; when the text says it is coming, the
next year when it would put it before); with no reference it is written with the year unknown:
'XXXX-07-31'.

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
from typing import TYPE_CHECKING

from . import atoms

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

YEAR = re.compile(rf"\b{atoms.YEAR}\b")
# A normalized value that names a day, perhaps of an unknown year: "2024-07-31", "XXXX-07-31".
DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")
MONTH = re.compile(atoms.MONTH_WORD, re.IGNORECASE)
# A fixed base for parsing day and month when the year is unknown: a leap year, so 29 February
# parses; its year never reaches a record.
UNKNOWN_YEAR_BASE = date(2000, 12, 31)
CYCLE = 400  # years after which the Gregorian calendar repeats: the same leap days, the same weekdays
# References are moved into the cycle of years 1801-2200 (see `in_cycle`); the genre's own stay put.
CYCLE_END = 2200
FIRST_YEAR, LAST_YEAR = date.min.year, date.max.year

# A month's number by its name's first three letters: "sep" of "Sept." is 9.
MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(atoms.MONTH_NAMES.split("|"), start=1)}
MONTH_NAME = rf"(?:{atoms.MONTH_NAMES}|(?:{atoms.MONTH_ABBREVIATIONS})\.?)"
DAY_NUMBER = r"(?:[12][0-9]|3[01]|0?[1-9])"
YEAR_AFTER = rf"(?:\s*,?\s+|\s+(?:of|in)\s+|[-/])(?P<year>{atoms.YEAR})"
# The shapes of a day, month or year the dates stage writes ("31st of July, 2024", "Sept. 30",
# "2024-Jul-31", "July 2024", "2023"), each naming its parts; dateparser reads them the same.
WRITTEN = tuple(re.compile(shape, re.IGNORECASE | re.VERBOSE) for shape in (
    rf"(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?\.?(?:\s+|[-/])(?:of\s+)?(?P<month>{MONTH_NAME})(?:{YEAR_AFTER})?",
    rf"(?P<month>{MONTH_NAME})(?:(?:\s+|[-/]|,\s*)(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?)?(?:{YEAR_AFTER})?",
    rf"(?P<year>{atoms.YEAR})[-/](?P<month>{MONTH_NAME})[-/](?P<day>{DAY_NUMBER})",
    rf"(?P<year>{atoms.YEAR})\s*,?\s+(?P<month>{MONTH_NAME})",
    rf"(?P<year>{atoms.YEAR})",
))


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
    from dateparser.date import DateDataParser  # imported when first needed: most texts never need it

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
        base, after = UNKNOWN_YEAR_BASE, False
    else:
        moved, shift = in_cycle(reference)
        # The text speaks of what is coming: the reference day itself is still to come, not a year away.
        base, after = (moved - timedelta(days=1), True) if coming else (moved, False)
    parts = written(text)
    placed = on_calendar(*parts, base, after) if parts else _parse(text, base, after)
    if placed is None:
        return None
    found, period = placed
    if period == "year":
        return DatePoint(f"{found.year:04d}", "year") if has_year else None
    year = found.year if has_year or reference is not None else None
    # A written shape without a year took the base's: the moved reference's (see `in_cycle`).
    if shift and (not has_year if parts else _moves_with_base(text, base, after, found)):
        year = found.year - shift  # the moved reference's year: move it back, before 1 or after 9999 is unknown
        year = year if FIRST_YEAR <= year <= LAST_YEAR else None
    month = f"{'XXXX' if year is None else f'{year:04d}'}-{found.month:02d}"
    inferred = not has_year and year is not None
    if period == "month":
        return DatePoint(month, "month", inferred)
    return DatePoint(f"{month}-{found.day:02d}", "day", inferred)


def written(text: str) -> tuple[int | None, int | None, int | None] | None:
    """The day, month and year of a text in one of the `WRITTEN` shapes, each None where it names
    none ('July 2024' -> (None, 7, 2024)); None for a text in no such shape."""
    for shape in WRITTEN:
        if m := shape.fullmatch(text):
            parts = m.groupdict()
            day, month, year = parts.get("day"), parts.get("month"), parts.get("year")
            return (int(day) if day else None, MONTH_NUMBERS[month[:3].lower()] if month else None,
                    int(year) if year else None)
    return None


def on_calendar(day: int | None, month: int | None, year: int | None, base: date,
                after: bool) -> tuple[date, str] | None:
    """The date written parts name and its period ('day', 'month' or 'year'), a missing day being
    the month's first: with no year, the last such day or month on or before `base`, or with
    `after` the first after it (29 February: the nearest leap year's, as dateparser reads it); None
    for a day the month lacks ('June 31', '29 February 2023')."""
    if year is not None and month is None:
        return date(year, 1, 1), "year"
    period = "month" if day is None else "day"
    try:
        if year is not None:
            return date(year, month, day or 1), period
        date(2000, month, day or 1)  # a leap year: a day no year has is refused, 29 February is not
    except ValueError:
        return None
    step = 1 if after else -1
    for candidate in range(base.year, base.year + 9 * step, step):  # 29 February comes at least every 8 years
        try:
            found = date(candidate, month, day or 1)
        except ValueError:  # 29 February of a common year
            continue
        if (found > base) if after else (found <= base):
            return found, period
    return None  # not reached: a day of some year within 8 either side of the base


def _parse(text: str, base: date, after: bool) -> tuple[date, str] | None:
    """dateparser's reading of `text` against `base`, preferring dates after it (`after`) or not,
    when it is a day, a month or a year: the date and its period."""
    data = _parser(datetime.combine(base, datetime.min.time()), "future" if after else "past").get_date_data(text)
    if data is None or data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    return data.date_obj.date(), data.period


def _moves_with_base(text: str, base: date, after: bool, found: date) -> bool:
    """Whether dateparser took `found`'s year from `base` (it moves when the base moves a cycle),
    not from the text ('January 1, 9999' names a year that YEAR does not know)."""
    again = _parse(text, base.replace(year=base.year + CYCLE), after)
    return again is not None and again[0].year == found.year + CYCLE

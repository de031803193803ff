"""Dates counted from the reference date: 'yesterday', 'last Tuesday', 'next week', 'three weeks
from tomorrow', 'the 20th of next month', 'the first Friday of July'; and periods: 'the past three
weeks', 'this weekend', 'the rest of the year', 'the last week of July', 'from 4 to 22 this month',
'early next year' (the year: no ISO value holds a modifier); their grammar and values.

The dates stage proposes these candidates beside its shapes (`find`) and reads each against the
reference date (`reading`): the caller's `published`, else the dateline, never the machine's clock.
News reports the past, so a weekday alone is the last one on or before the reference, unless its
sentence speaks of what is coming. Not read: 'two days later' and 'the next day', which news
counts from the narrative's event, not from the publication date; 'in 10 years' and 'over the past
10 years', durations; 'a few days ago' and 'the past few weeks', whose day or start no number
gives (any count read into 'few' or 'several' would state a boundary the text does not).
Weekday and month names match capitalized (or in capitals) unless the text writes no calendar word
capitalized (`DocContext.lowercase_calendar`); abbreviations only after 'on' or a direction.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from . import atoms, guards, lexicon, temporal

WORDS = "relative_dates.jsonl"
NUMBER_WORDS = "number_words.jsonl"
# The twelve months' first three letters, January first: a month name's number.
MONTH_STEMS = tuple(name[:3].lower() for name in atoms.MONTH_NAMES.split("|"))

Reading = Callable[[date], str | None]  # a candidate's value against a reference date


def words(kind: str) -> dict[str, int]:
    """The lexicon's words of one kind, lower-cased, with their values."""
    return {e.text.lower(): e.value for e in lexicon.load(WORDS) if e.kind == kind}


WEEKDAYS, ABBREVIATIONS = words("weekday"), words("weekday_abbreviation")
DAY_WORDS, DIRECTIONS, ORDINALS = words("day_word"), words("direction"), words("ordinal")
DAY_UNITS, MONTH_UNITS = words("day_unit"), words("month_unit")
PARTS, PARTS_AROUND_REFERENCE = words("part"), words("part_around_reference")
EDGES, RESTS, CHANGES, DURATIONS = words("edge"), words("rest"), words("change"), words("duration")
COUNTS = words("count") | {e.text: int(e.value) for e in lexicon.load(NUMBER_WORDS) if e.value == int(e.value)}
NOT_YEAR_UNITS = [unit for unit, months in MONTH_UNITS.items() if months % 12]  # "in 10 years" is a duration


def any_of(phrases) -> str:
    return rf"(?:{lexicon.phrase_regex(phrases)})"


def names(phrases, lowercase: bool) -> str:
    """Calendar names as a regex: in any case where the text writes none capitalized, else
    capitalized or in capitals only ('may' is a verb, 'sun' a noun)."""
    if lowercase:
        return any_of(phrases)
    return rf"(?-i:{lexicon.phrase_regex([p.capitalize() for p in phrases] + [p.upper() for p in phrases])})"


DIRECTION, DAY_WORD, ORDINAL = any_of(DIRECTIONS), any_of(DAY_WORDS), any_of(ORDINALS)
PART = any_of([*PARTS, *PARTS_AROUND_REFERENCE])
EDGE, REST = any_of(EDGES), any_of(RESTS)
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
COUNT = rf"(?:\d{{1,3}}|{any_of(COUNTS)})"
# A day of the month written as a word: "Friday the twenty-second".
DAY_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
               r"|twentieth|thirtieth|twenty|thirty)\b")


def amount(units) -> str:
    """'3 weeks', '2 years 1 month 21 days', 'a month and two days': counts of `units`."""
    part = rf"{COUNT}\s+{any_of(units)}s?"
    return rf"{part}(?:(?:\s*,\s*|\s+and\s+|\s+){part})*"


def keywords(phrases) -> tuple[str, ...]:
    """A word each phrase holds, lower-cased: a text holding none of them holds none of the phrases."""
    return tuple(sorted({max(phrase.lower().split(), key=len) for phrase in phrases}))


# Words without one of which a recognizer cannot match: a text that lacks them all is not scanned
# for it (most recognizers need "week", "month", a weekday or a day word, which many texts lack).
WEEKDAY_WORDS = keywords([*WEEKDAYS, *ABBREVIATIONS])
NEEDS = {
    "dates.nth_weekday": keywords(WEEKDAYS), "dates.day_of_relative_month": ("month",),
    "dates.days_of_relative_month": ("month",), "dates.nth_week": ("week",), "dates.week_of_day": ("week", "w/c"),
    "dates.weekday_of_week": ("week",), "dates.rest_of_period": keywords(RESTS), "dates.period_to_date": ("date",),
    "dates.after_next": ("next",), "dates.weekend": ("weekend",), "dates.relative_period": ("week", "month", "quarter"),
    "dates.relative_day": keywords(DAY_WORDS), "dates.weekday": WEEKDAY_WORDS,
    "dates.offset": ("ago", "now", "hence", *keywords(DAY_WORDS)),
    "dates.in_time": keywords([*DAY_UNITS, *NOT_YEAR_UNITS]),
}


def grammar(lowercase: bool) -> tuple[tuple[str, re.Pattern], ...]:
    """The recognizers, most specific first (an overlap keeps the earlier), for one case policy."""
    weekday = names(WEEKDAYS, lowercase)
    any_weekday = names([*WEEKDAYS, *ABBREVIATIONS], lowercase)
    month = (rf"(?:{names(atoms.MONTH_NAMES.split('|'), lowercase)}"  # "Sept.", not "May."
             rf"|{names(atoms.MONTH_ABBREVIATIONS.split('|'), lowercase)}\.?)")
    units = [*DAY_UNITS, *MONTH_UNITS]
    return tuple((rule, guards.compile(regex, re.IGNORECASE | re.VERBOSE)) for rule, regex in (
        ("dates.nth_weekday", rf"""\b(?:the\s+)?(?P<nth>{ORDINAL})\s+(?P<weekday>{weekday})\s+(?:of|in)\s+
            (?:(?:the\s+)?(?P<direction>{DIRECTION})\s+month\b
            |(?P<month>{month})(?:,?\s+(?P<year>{atoms.YEAR}))?(?![\w-]))"""),
        ("dates.day_of_relative_month", rf"""\b(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+
            (?:the\s+)?(?P<direction>{DIRECTION})\s+month\b"""),
        ("dates.days_of_relative_month", rf"""(?<![\d.,])\b(?:from\s+|(?P<between>between)\s+)?(?:the\s+)?(?P<first>{DAY_NUMBER})\s*
            (?:to|till|until|through|-|–|(?(between)and|(?!)))\s*(?:the\s+)?(?P<last>{DAY_NUMBER})\s+
            (?:(?:of|in)\s+)?(?:the\s+)?(?P<direction>{DIRECTION})\s+month\b"""),
        # A week of a month or year is the Monday-to-Sunday week whose Thursday it holds, as ISO 8601 numbers a year's.
        ("dates.nth_week", rf"""\b(?:the\s+)?(?P<nth>{ORDINAL})\s+week\s+
            (?:(?:of|in)\s+(?:the\s+)?(?P<direction>{DIRECTION})\s+(?P<unit>month|year)\b
            |(?P<years>{DIRECTION})\s+year\b
            |(?:of|in)\s+(?:(?P<month>{month})(?:,?\s+(?P<year>{atoms.YEAR}))?|(?P<year_alone>{atoms.YEAR}))(?![\w-]))"""),
        ("dates.week_of_day", rf"""\b(?:(?:the\s+)?week\s+(?:of|(?P<link>beginning|starting|commencing)(?:\s+on)?)|(?P<short>w/c))\s+
            (?:the\s+)?
            (?:(?P<month>{month})\.?\s*(?P<day>{DAY_NUMBER})|(?P<day_first>{DAY_NUMBER})\s+(?:of\s+)?(?P<month_after>{month}))
            (?:,?\s+(?P<year>{atoms.YEAR}))?(?![\w-])"""),
        ("dates.offset", rf"""\b(?P<amount>{amount(units)})\s+(?:(?P<ago>ago)|from\s+now|hence
            |(?P<side>before|after|from)\s+(?P<anchor>{DAY_WORD}))\b"""),
        ("dates.in_time", rf"\bin\s+(?P<amount>{amount([*DAY_UNITS, *NOT_YEAR_UNITS])})\b(?![\w-])"),
        ("dates.weekday_of_week", rf"""\b(?:(?:on\s+)?(?P<weekday>{any_weekday})\s+(?:of\s+)?(?:the\s+)?
            (?P<direction>{DIRECTION})\s+week
            |(?P<week>{DIRECTION})\s+week\s*,?\s+(?:on\s+)?(?P<day>{any_weekday}))\b"""),
        ("dates.relative_month_name", rf"""\b(?:(?P<direction>{DIRECTION})\s+(?P<month>{month})(?![\w-]|\s*\d)
            |(?P<month_of>{month})\s+(?:of\s+)?(?P<years>{DIRECTION})\s+year\b)"""),
        # A count of units before or after the reference: "the past three weeks"; not "the past few weeks",
        # whose start no number gives.
        ("dates.counted_period", rf"""\b(?:the\s+)?(?P<direction>{DIRECTION})\s+(?P<count>{COUNT})\s*(?P<unit>{any_of(units)})s?\b
            (?!\s+of\b)"""),  # "the last 6 months of 2025" is the year's
        ("dates.rest_of_period", rf"""\b(?:the\s+)?{REST}\s+(?:the\s+|this\s+|current\s+|my\s+)?(?P<unit>week|month|year)\b
            (?!\s*\d|\s+of\b)"""),
        ("dates.period_to_date", r"\b(?P<unit>week|month|year)[\s-]to[\s-]date\b"),
        ("dates.after_next", r"\bthe\s+(?P<unit>weekend|week|month|year)\s+after\s+(?:the\s+)?next\b"),
        ("dates.weekend", rf"\b(?:(?P<direction>{DIRECTION})|the)\s+weekend\b(?!\s+of\b)"),
        # A modifier names a time within the period; the value is the period, which no ISO value can modify.
        ("dates.modified_period", rf"""\b(?:(?P<part>{PART})|(?:the\s+)?(?P<edge>{EDGE}))[\s-]+
            (?:(?P<direction>{DIRECTION})\s+year|(?:in\s+)?the\s+(?P<unit>week|month|year))\b(?!\s*\d|\s+of\b)"""),
        # "the last week of July" is no week counted from the reference.
        ("dates.relative_period", rf"""\b(?:(?P<part>{PART})\s+|(?:the\s+)?(?P<edge>{EDGE})[\s-]+)?(?P<direction>{DIRECTION})
            \s+(?P<unit>week|month|quarter)\b(?!\s+of\b)"""),
        ("dates.relative_day", rf"\b(?P<word>{DAY_WORD})\b"),
        # A date right after the weekday is the fact: "Friday, March 15", "Friday the fifteenth".
        ("dates.weekday", rf"""\b(?:(?P<direction>{DIRECTION})\s+(?P<weekday>{any_weekday})
            |(?<=\bon\s)(?P<abbreviation>{any_weekday})
            |(?P<bare>{weekday}))\b(?!,?\s*[-(]?\s*(?:the\s+)?(?:\d|{month}|{DAY_ORDINAL}))"""),
    ))


GRAMMARS = {lowercase: grammar(lowercase) for lowercase in (False, True)}
RULES = frozenset(rule for rule, _ in GRAMMARS[False])
# A weekday after a capitalized word is a name's ("Black Friday", "Good Friday"), but after a
# capitalized preposition or function word ("On Friday", "By Monday").
CAPITALIZED_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
NOT_NAMING = frozenset(lexicon.texts("english_words.jsonl", "function") + lexicon.texts("date_cues.jsonl", "deadline")
                       + lexicon.texts("date_cues.jsonl", "sentence_preposition"))
# After these a weekday is no day: a set ("every Monday") or a weekday's place in a month ("second Sunday").
NOT_A_DAY = re.compile(rf"\b(?:every|each|{ORDINAL})\s+$", re.IGNORECASE)
# After these two numbers are amounts, not days: "rose from 4 to 22 this month".
CHANGED = re.compile(rf"\b{any_of(CHANGES)}\s+$", re.IGNORECASE)
# Without "the", "last" before a count is the verb: "is to last three days".
VERB_LAST = re.compile(r"last\b", re.IGNORECASE)
# After these a counted period is how long something lasts: "over the past 10 years".
LASTING = re.compile(rf"\b{any_of(DURATIONS)}\s+$", re.IGNORECASE)
# Months that are also verbs: lower-case "this may take" is no month, even where the text writes calendar words so.
VERB_MONTH = re.compile(r"(?-i:may|march)\s+[a-z]", re.IGNORECASE)


def named(before: str) -> bool:
    """Whether a capitalized word that is no preposition or function word ends `before`."""
    m = CAPITALIZED_BEFORE.search(before)
    return m is not None and m.group(1).lower() not in NOT_NAMING


def find(text: str, lowercase: bool) -> list[tuple[str, re.Match]]:
    """The relative dates of `text` as (rule, match), most specific recognizer first."""
    found, lowered = [], text.lower()
    for rule, regex in GRAMMARS[lowercase]:
        if rule in NEEDS and not any(word in lowered for word in NEEDS[rule]):
            continue
        for m in regex.finditer(text):
            before = text[max(m.start() - 30, 0):m.start()]
            if rule == "dates.weekday" and (NOT_A_DAY.search(before) or m.group("bare") and named(before)):
                continue
            if rule == "dates.relative_month_name" and m.group("month") and VERB_MONTH.match(text, m.start("month")):
                continue
            if rule == "dates.days_of_relative_month" and CHANGED.search(before):
                continue
            if rule == "dates.counted_period" and (LASTING.search(before) or VERB_LAST.match(m.group())):
                continue
            found.append((rule, m))
    return found


def reading(rule: str, m: re.Match, coming: bool, past: bool) -> Reading | None:
    """How the candidate `m` of `rule` reads against a reference date, or None when it is no date
    here ('in 3 weeks' in a sentence that speaks of no future is a duration). `coming`: its
    sentence speaks of what is coming; `past`: it tells what happened."""
    groups = {k: v.lower() for k, v in m.groupdict().items() if v}
    if rule in PERIOD_READINGS:
        return PERIOD_READINGS[rule](groups, coming, past)
    if rule == "dates.relative_day":
        return functools.partial(day, offset=DAY_WORDS[groups["word"]])
    if rule == "dates.weekday":
        wd = weekday_number(groups.get("weekday") or groups.get("abbreviation") or groups["bare"])
        direction = DIRECTIONS.get(groups.get("direction", ""))
        return functools.partial(nearest_weekday, weekday=wd, direction=direction, coming=coming)
    if rule == "dates.weekday_of_week":
        wd = weekday_number(groups.get("weekday") or groups["day"])
        weeks = DIRECTIONS[groups.get("direction") or groups["week"]]
        return functools.partial(weekday_of_week, weekday=wd, weeks=weeks)
    if rule == "dates.relative_period" and groups["unit"] == "quarter":
        return functools.partial(quarter_of, offset=DIRECTIONS[groups["direction"]])
    if rule == "dates.relative_period":
        return functools.partial(week if groups["unit"] == "week" else month_of, offset=DIRECTIONS[groups["direction"]],
                                 part=(PARTS | PARTS_AROUND_REFERENCE).get(groups.get("part")),
                                 around_reference=groups.get("part") in PARTS_AROUND_REFERENCE)
    if rule == "dates.relative_month_name":
        if "month_of" in groups:  # "June next year"
            return functools.partial(month_in_year, month=month_number(groups["month_of"]),
                                     years=DIRECTIONS[groups["years"]])
        return functools.partial(named_month, month=month_number(groups["month"]),
                                 direction=DIRECTIONS[groups["direction"]])
    if rule == "dates.day_of_relative_month":
        return functools.partial(day_of_month, day_number=int(groups["day"]), offset=DIRECTIONS[groups["direction"]])
    if rule == "dates.nth_weekday":
        return functools.partial(nth_weekday, nth=ORDINALS[groups["nth"]], weekday=weekday_number(groups["weekday"]),
                                 month=month_number(groups["month"]) if "month" in groups else None,
                                 offset=DIRECTIONS.get(groups.get("direction", "")),
                                 year=int(groups["year"]) if "year" in groups else None, coming=coming)
    months, days = counted(groups["amount"])
    if rule == "dates.in_time":
        return functools.partial(offset, months=months, days=days) if coming else None
    sign = -1 if "ago" in groups or groups.get("side") == "before" else 1
    return functools.partial(offset, months=sign * months, days=sign * days + DAY_WORDS.get(groups.get("anchor"), 0))


def weekday_number(word: str) -> int:
    return WEEKDAYS[word] if word in WEEKDAYS else ABBREVIATIONS[word]


def month_number(word: str) -> int:
    return MONTH_STEMS.index(word[:3]) + 1


COUNTED = re.compile(rf"(?P<count>{COUNT})\s+(?P<unit>{any_of([*DAY_UNITS, *MONTH_UNITS])})s?", re.IGNORECASE)


def counted(written: str) -> tuple[int, int]:
    """'2 years 1 month 21 days' -> (25, 21): the months and days it counts."""
    months = days = 0
    for part in COUNTED.finditer(written):
        count, unit = part.group("count").lower(), part.group("unit").lower()
        n = int(count) if count.isdigit() else COUNTS[count]
        if unit in MONTH_UNITS:
            months += n * MONTH_UNITS[unit]
        else:
            days += n * DAY_UNITS[unit]
    return months, days


def unresolved_warning(text: str, start: int, end: int) -> str:
    """The record warning for a relative date read against no reference date."""
    return (f"date {text[start:end]!r} at {start}-{end}: counted from the publication date, which neither the "
            f"caller nor a dateline gives; give a publication date (published) to resolve it")


# The values. Each reads a reference date moved into the cycle of years its arithmetic cannot
# leave (`temporal.in_cycle`) and writes what it finds moved back (`temporal.iso_day`), so a year
# outside 1-9999 is written 'XXXX'.

def in_cycle(read: Callable[..., str | None]) -> Reading:
    """`read(moved_reference, shift, ...)` as a Reading of any reference date."""
    @functools.wraps(read)
    def value(reference: date, **kwargs) -> str | None:
        return read(*temporal.in_cycle(reference), **kwargs)
    return value


def iso_month(first: date, shift: int) -> str:
    return temporal.iso_day(first, shift)[:7]


def monday(day_in_week: date) -> date:
    return day_in_week - timedelta(days=day_in_week.weekday())


def add_months(day_in_month: date, months: int) -> date:
    """The same day `months` later (earlier if negative), the month's last when it has no such day."""
    year, month = divmod(day_in_month.year * 12 + day_in_month.month - 1 + months, 12)
    return date(year, month + 1, min(day_in_month.day, calendar.monthrange(year, month + 1)[1]))


@in_cycle
def day(reference: date, shift: int, offset: int) -> str:
    return temporal.iso_day(reference + timedelta(days=offset), shift)


@in_cycle
def nearest_weekday(reference: date, shift: int, weekday: int, direction: int | None, coming: bool) -> str:
    """'Friday' alone: the last on or before the reference, the next on or after when the sentence
    speaks of what is coming; 'this Friday' the reference week's, 'next Friday' the next week's,
    'last Friday' the last before the reference ('last Friday' said on a Saturday is yesterday)."""
    if direction is None and coming:
        found = reference + timedelta(days=(weekday - reference.weekday()) % 7)
    elif direction is None:
        found = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    elif direction < 0:
        found = reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    else:
        found = monday(reference) + timedelta(days=7 * direction + weekday)
    return temporal.iso_day(found, shift)


@in_cycle
def weekday_of_week(reference: date, shift: int, weekday: int, weeks: int) -> str:
    """'Friday next week', 'this week on Friday': the weekday of the week `weeks` from the reference's."""
    return temporal.iso_day(monday(reference) + timedelta(days=7 * weeks + weekday), shift)


def part_of(reference: date, first: date, last: date, part: int | None, around_reference: bool, middle: int,
            shift: int) -> str:
    """Days `first` to `last`; with `part` -1 their first `middle` days, with 1 the rest; and
    `around_reference`, those before the reference (-1) or from it on (1)."""
    if part is not None:
        cut = first + timedelta(days=middle)
        first, last = (first, cut - timedelta(days=1)) if part < 0 else (cut, last)
    if around_reference:
        first, last = (first, min(last, reference - timedelta(days=1))) if part < 0 else (max(first, reference), last)
    return f"{temporal.iso_day(first, shift)}/{temporal.iso_day(last, shift)}" if first <= last else None


@in_cycle
def week(reference: date, shift: int, offset: int, part: int | None, around_reference: bool) -> str | None:
    """'next week': Monday to Sunday of the week `offset` from the reference's; 'early next week'
    Monday to Wednesday, 'late this week' Thursday to Sunday, 'later this week' from the reference."""
    first = monday(reference) + timedelta(days=7 * offset)
    return part_of(reference, first, first + timedelta(days=6), part, around_reference, 3, shift)


@in_cycle
def quarter_of(reference: date, shift: int, offset: int) -> str:
    """'last quarter': the months of the quarter `offset` from the reference's, as a quarter is
    written elsewhere ('2024-04/2024-06'); 'early next quarter' is that quarter too."""
    first = add_months(reference.replace(day=1, month=reference.month - (reference.month - 1) % 3), 3 * offset)
    return f"{iso_month(first, shift)}/{iso_month(add_months(first, 2), shift)}"


@in_cycle
def month_of(reference: date, shift: int, offset: int, part: int | None, around_reference: bool) -> str | None:
    """'next month': the month `offset` from the reference's; 'early next month' its 1st to 15th,
    'late next month' the rest."""
    first = add_months(reference.replace(day=1), offset)
    if part is None:
        return iso_month(first, shift)
    return part_of(reference, first, add_months(first, 1) - timedelta(days=1), part, around_reference, 15, shift)


@in_cycle
def month_in_year(reference: date, shift: int, month: int, years: int) -> str:
    """'June next year'."""
    return iso_month(date(reference.year + years, month, 1), shift)


def named_month_first(reference: date, month: int, direction: int) -> date:
    """'this March' is the reference year's, 'next March' the first after the reference's month,
    'last March' the last before it (said in November, the March of the same year)."""
    year = reference.year
    if direction > 0 and month <= reference.month:
        year += 1
    elif direction < 0 and month >= reference.month:
        year -= 1
    return date(year, month, 1)


@in_cycle
def named_month(reference: date, shift: int, month: int, direction: int) -> str:
    return iso_month(named_month_first(reference, month, direction), shift)


@in_cycle
def day_of_month(reference: date, shift: int, day_number: int, offset: int) -> str | None:
    """'the 20th of next month'; none for 'the 31st' of a shorter month."""
    first = add_months(reference.replace(day=1), offset)
    if day_number > calendar.monthrange(first.year, first.month)[1]:
        return None
    return temporal.iso_day(first.replace(day=day_number), shift)


@in_cycle
def nth_weekday(reference: date, shift: int, nth: int, weekday: int, month: int | None, offset: int | None,
                year: int | None, coming: bool) -> str | None:
    """'the first Friday of July', 'the last Monday of next month': none for a fifth the month lacks.
    A month named without a year is the last on or before the reference's, or the next on or after
    it when the sentence speaks of what is coming."""
    if year is not None:  # written: no cycle to undo
        first, shift = date(year, month, 1), 0
    elif month is not None:
        first = named_month_first(reference, month, (1 if coming else -1) if month != reference.month else 0)
    else:
        first = add_months(reference.replace(day=1), offset)
    if nth > 0:
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = add_months(first, 1) - timedelta(days=1)
        found = last - timedelta(days=(last.weekday() - weekday) % 7)
    return temporal.iso_day(found, shift) if found.month == first.month else None


@in_cycle
def offset(reference: date, shift: int, months: int, days: int) -> str:
    """'3 days ago', '2 years 1 month 21 days ago', 'three weeks from tomorrow': the day that far
    from the reference (the months first, then the days)."""
    return temporal.iso_day(add_months(reference, months) + timedelta(days=days), shift)


# The periods: their readings from a candidate's groups, by rule.

def counted_period(groups: dict, coming: bool, past: bool) -> Reading | None:
    direction, count = DIRECTIONS[groups["direction"]], groups["count"]
    if direction == 0:  # "this 3 days" counts nothing
        return None
    n, unit = int(count) if count.isdigit() else COUNTS[count], groups["unit"]
    months, days = (n * MONTH_UNITS[unit], 0) if unit in MONTH_UNITS else (0, n * DAY_UNITS[unit])
    return functools.partial(units_beside, months=months, days=days, direction=direction)


def rest_of_period(groups: dict, coming: bool, past: bool) -> Reading:
    return functools.partial(period_part, unit=groups["unit"], rest=1)


def period_to_date(groups: dict, coming: bool, past: bool) -> Reading:
    return functools.partial(period_part, unit=groups["unit"], rest=-1)


def after_next(groups: dict, coming: bool, past: bool) -> Reading:
    if groups["unit"] == "weekend":
        return functools.partial(weekend, offset=2)
    return period_reading(groups["unit"], 2, None)


def weekend_reading(groups: dict, coming: bool, past: bool) -> Reading:
    if "direction" in groups:
        return functools.partial(weekend, offset=DIRECTIONS[groups["direction"]])
    return functools.partial(weekend, offset=None if past else 0)


def modified_period(groups: dict, coming: bool, past: bool) -> Reading:
    """'early next year', 'the end of the month', 'later in the week': a year whole for a word
    that names a time within it, its days before or from the reference for 'earlier' or 'later'
    (as in 'later this month'); a week or month of the reference as 'this week' reads with the same word."""
    if "direction" in groups:
        return period_reading("year", DIRECTIONS[groups["direction"]], groups.get("part"))
    return period_reading(groups["unit"], 0, groups.get("part"))


def nth_week_reading(groups: dict, coming: bool, past: bool) -> Reading:
    nth = ORDINALS[groups["nth"]]
    if "month" in groups:
        return functools.partial(nth_week, nth=nth, month=month_number(groups["month"]),
                                 year=int(groups["year"]) if "year" in groups else None, coming=coming)
    if "year_alone" in groups:
        return functools.partial(nth_week, nth=nth, month=None, year=int(groups["year_alone"]), coming=coming)
    if groups.get("unit") == "month":
        return functools.partial(nth_week, nth=nth, month=None, year=None, coming=coming,
                                 months=DIRECTIONS[groups["direction"]])
    years = DIRECTIONS[groups.get("direction") or groups["years"]]
    return functools.partial(nth_week, nth=nth, month=None, year=None, coming=coming, years=years)


def week_of_day_reading(groups: dict, coming: bool, past: bool) -> Reading:
    written = f"{groups.get('month') or groups['month_after']} {groups.get('day') or groups['day_first']}"
    return functools.partial(week_of_day, written=f"{written} {groups['year']}" if "year" in groups else written,
                             coming=coming, starting="link" in groups or "short" in groups)


def days_of_relative_month(groups: dict, coming: bool, past: bool) -> Reading:
    return functools.partial(days_of_month, first_day=int(groups["first"].rstrip("stndrh")),
                             last_day=int(groups["last"].rstrip("stndrh")), offset=DIRECTIONS[groups["direction"]])


def period_reading(unit: str, offset: int, part: str | None) -> Reading:
    """A week, month or year `offset` from the reference's, with a `part` word as 'early next week'
    reads; a year's part only with 'earlier' or 'later', for 'early' and 'late' name no half of it."""
    if unit == "year":
        return functools.partial(year_of, offset=offset, around_reference=PARTS_AROUND_REFERENCE.get(part))
    return functools.partial(week if unit == "week" else month_of, offset=offset,
                             part=(PARTS | PARTS_AROUND_REFERENCE).get(part), around_reference=part in PARTS_AROUND_REFERENCE)


PERIOD_READINGS = {
    "dates.counted_period": counted_period, "dates.rest_of_period": rest_of_period,
    "dates.period_to_date": period_to_date, "dates.after_next": after_next, "dates.weekend": weekend_reading,
    "dates.modified_period": modified_period, "dates.nth_week": nth_week_reading,
    "dates.week_of_day": week_of_day_reading, "dates.days_of_relative_month": days_of_relative_month,
}


def interval(first: date, last: date, shift: int) -> str:
    return f"{temporal.iso_day(first, shift)}/{temporal.iso_day(last, shift)}"


def period_bounds(reference: date, unit: str) -> tuple[date, date]:
    """The first and last day of the reference's week, month or year."""
    if unit == "week":
        first = monday(reference)
        return first, first + timedelta(days=6)
    if unit == "month":
        first = reference.replace(day=1)
        return first, add_months(first, 1) - timedelta(days=1)
    return reference.replace(month=1, day=1), reference.replace(month=12, day=31)


@in_cycle
def units_beside(reference: date, shift: int, months: int, days: int, direction: int) -> str:
    """'the past 3 weeks': the days from 3 weeks before the reference to the day before it; 'the
    next 3 months' from the day after it to 3 months on. The reference day is neither past nor next."""
    if direction < 0:
        return interval(add_months(reference, -months) - timedelta(days=days), reference - timedelta(days=1), shift)
    return interval(reference + timedelta(days=1), add_months(reference, months) + timedelta(days=days), shift)


@in_cycle
def period_part(reference: date, shift: int, unit: str, rest: int) -> str:
    """'the rest of the year' (`rest` 1): the reference day to the period's last; 'year to date'
    (-1): the period's first day to the reference."""
    first, last = period_bounds(reference, unit)
    return interval(reference, last, shift) if rest > 0 else interval(first, reference, shift)


@in_cycle
def year_of(reference: date, shift: int, offset: int, around_reference: int | None) -> str | None:
    """The year `offset` from the reference's; with `around_reference` its half as 'later this month' reads."""
    first = date(reference.year + offset, 1, 1)
    if around_reference is not None:
        return part_of(reference, first, first.replace(month=12, day=31), around_reference, True,
                       (first.replace(month=7) - first).days, shift)
    year = temporal.iso_day(first, shift)[:4]
    return None if year == "XXXX" else year


@in_cycle
def weekend(reference: date, shift: int, offset: int | None) -> str:
    """Saturday and Sunday of the week `offset` from the reference's; with no offset (a past
    sentence's 'over the weekend') the last that began on or before the reference."""
    if offset is None:
        saturday = reference - timedelta(days=(reference.weekday() - 5) % 7)
    else:
        saturday = monday(reference) + timedelta(days=7 * offset + 5)
    return interval(saturday, saturday + timedelta(days=1), shift)


@in_cycle
def nth_week(reference: date, shift: int, nth: int, month: int | None, year: int | None, coming: bool,
             months: int | None = None, years: int = 0) -> str | None:
    """'the third week of this month' (`months` 0), 'the last week of July', 'the first week of 2027',
    'the second week of next year' (`years` 1): the `nth` Monday-to-Sunday week whose Thursday falls in
    the month or year, as ISO 8601 numbers a year's weeks. A month named without a year reads as in
    'the first Friday of July'."""
    if year is not None:  # written: no cycle to undo
        first, shift = date(year, month or 1, 1), 0
    elif month is not None:
        first = named_month_first(reference, month, (1 if coming else -1) if month != reference.month else 0)
    elif months is not None:
        first = add_months(reference.replace(day=1), months)
    else:
        first = date(reference.year + years, 1, 1)
    last = add_months(first, 1 if month is not None or months is not None else 12) - timedelta(days=1)
    if nth > 0:
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    if thursday > last:
        return None
    return interval(thursday - timedelta(days=3), thursday + timedelta(days=3), shift)


def week_of_day(reference: date, written: str, coming: bool, starting: bool) -> str | None:
    """'the week of November 30th': the Monday-to-Sunday week holding the day; 'the week beginning
    February 4', 'w/c February 4': seven days from it (the same week when it is a Monday, as such
    weeks begin; a week said to begin on a Sunday does not end on it). The day's year is read as
    the day's alone would be."""
    point = temporal.normalize(written, reference, coming=coming)
    if point is None or point.value.startswith("XXXX") or len(point.value) != 10:
        return None
    day_in_week = date.fromisoformat(point.value)
    first = day_in_week if starting else monday(day_in_week)
    return f"{first.isoformat()}/{(first + timedelta(days=6)).isoformat()}"


@in_cycle
def days_of_month(reference: date, shift: int, first_day: int, last_day: int, offset: int) -> str | None:
    """'from 4 to 22 this month': the days of the month `offset` from the reference's; none for a
    day the month lacks or an end before the start."""
    first = add_months(reference.replace(day=1), offset)
    if not first_day < last_day <= calendar.monthrange(first.year, first.month)[1]:
        return None
    return interval(first.replace(day=first_day), first.replace(day=last_day), shift)

"""extractor_dates: every calendar expression the text states, normalized to ISO 8601.

Recognizers find candidate spans by their shape (a regex each, with a rule id), and the model's
DATE entities add those no shape knows; `temporal.normalize` turns a single date into a value.
Periods ("2021-2025", "from 2006-07 to 2012-13", "October 9 to 12") become ISO intervals, and so do
two dates the text joins ("from 10/1 to 11/7"). A numeric date whose day and month could be either
is read in the order the user gives, else the text's own (`DatesComponent`). The year a day or month lacks comes from the reference date (the
caller's `published`, else the article's dateline), else from a month-year naming the same month
in the same paragraph, else in the text ("On February 23 ... the meeting in February 2023"), else
it stays 'XXXX'. Dates counted from the reference date ('yesterday', 'last Tuesday', 'next week')
are `relative_dates`' grammar; with no reference date they have no value and a record warning.
Not dates: durations, ages, times of day, document numbers ("78/2002/ND-CP"), copyright lines.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.attrs import IDX, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .. import atoms, guards, lexicon, relative_dates, temporal
from ..defaults import DATE_ORDERS
from ..facts import DateFact, Evidence
from ..overlaps import resolve_overlaps

DAY, YEAR = atoms.DAY, atoms.YEAR
# A year not glued to a code or number: not "78/2002/ND-CP", "2024-NQ", "12,2024" or "2024.5".
# Nor money: "$2000".
FREE = r"(?:(?<![\w/.,$€£¥₹₱-])|(?<=mid-))"  # but "mid-2025" is 2025
END = r"(?![\w/]|[-.,]\d|-[A-Za-z])"
NUMERIC = r"(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])"  # day/month, day first
DOTTED = rf"(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9])\.{YEAR}"  # "22.02.2016": two digits each, day first
# Two numbers of a numeric date, day and month in either order (`DateOrder` settles which).
DAY_OR_MONTH = r"(?:[12]\d|3[01]|0?[1-9])"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
RELATIVE_YEARS = {"this": 0, "the": 0, "last": -1, "previous": -1, "next": 1}  # "the first quarter of the year"
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11}
DATES_KEY = "dates"
CUES = "date_cues.jsonl"
COPYRIGHT = re.compile(rf"(?:{lexicon.cues(CUES, 'copyright')})\s*$", re.IGNORECASE)
# The text speaks of the future: a day after the reference date is then not last year's.
COMING = re.compile(rf"\b(?:{lexicon.cues(CUES, 'coming')})\b", re.IGNORECASE)
# "by the end of May, counties had received ...": a deadline already past (the past perfect says so;
# "it was approved ahead of the December 31 deadline" still looks forward).
PAST = re.compile(rf"\b(?:{lexicon.cues(CUES, 'past_perfect')})\b")
DEADLINE = re.compile(rf"\b(?:{lexicon.cues(CUES, 'deadline')})\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A candidate: characters [start, end) of the text and the recognizer that matched them."""

    start: int
    end: int
    rule: str
    match: re.Match


def pattern(regex: str) -> re.Pattern:
    return guards.compile(regex, re.IGNORECASE | re.VERBOSE)  # scanned over every text: guarded


NAMING_WORD = re.compile(atoms.NAMING_WORD)
# Weekday names and their abbreviations, as the months: "Friday the 22nd", "Tue, May 9".
# The names are `relative_dates`' lexicon's (patterns/relative_dates.jsonl), longest first.
WEEKDAY_NAMES = "|".join(sorted((w.capitalize() for w in relative_dates.WEEKDAYS), key=len, reverse=True))
WEEKDAY_ABBREVIATIONS = "|".join(sorted((w.capitalize() for w in relative_dates.ABBREVIATIONS), key=len, reverse=True))
WEEKDAY = rf"(?-i:{WEEKDAY_NAMES}|(?:{WEEKDAY_ABBREVIATIONS})\.?)"
WEEKDAY_ANY_CASE = rf"(?-i:{WEEKDAY_NAMES}|{WEEKDAY_NAMES.lower()}|(?:{WEEKDAY_ABBREVIATIONS}|{WEEKDAY_ABBREVIATIONS.lower()})\.?)"
DAY_WORD = atoms.DAY_WORD
# A day written as an ordinal word is no day when a noun follows: "May the third phase", "the second time".
NO_NOUN_AFTER = r"(?![ \t]+(?!(?:in|at|on|to|and|for|with|from|until)\b)[a-z0-9])"


def recognizers(month: str, weekday: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The recognizers, most specific first (an overlap keeps the earlier, then the longer one), for
    month and weekday names written as `month` and `weekday` say (capitalized, or any case)."""
    day_month_year = rf"""(?:{DAY}\.?(?:\s+|-|/)(?:of\s+)?{month}(?:,?\s+|\s+(?:of|in)\s+|-|/){YEAR}
                          |{month}(?:\s+|-|/)?(?:the\s+)?{DAY}(?:\s*,?\s+|\s+(?:of|in)\s+|(?<=\d)[-/]){YEAR}
                          |{YEAR}[-/]{month}[-/]{DAY}
                          |(?:the\s+)?{DAY_WORD}\s+of\s+{month},?\s+{YEAR}|{month}\s+(?:the\s+)?{DAY_WORD},?\s+{YEAR})"""
    day_month = rf"""(?:{DAY}(?:\s+|-)(?:of\s+)?{month}|{month}(?:\s+|-|/)(?:the\s+)?{DAY}|{month},\s*{DAY}(?<=st|nd|rd|th)
                    |(?:the\s+)?{DAY_WORD}\s+of\s+{month}|{month}\s+(?:the\s+)?{DAY_WORD}{NO_NOUN_AFTER})"""
    ordinal_day = rf"(?:(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?P<dw>{DAY_WORD}))"
    return (
        ("dates.fiscal_years_range", pattern(rf"""\bfrom\s+(?P<a>{YEAR})-(?P<a2>\d\d)\s+(?:to|till|until)\s+
                                           (?P<b1>{YEAR})-(?P<b>\d\d){END}""")),
        ("dates.day_range", pattern(rf"""\b(?:from\s+|(?P<between>between)\s+)?(?P<m>{month})\s+(?:the\s+)?(?P<d1>{DAY})\s*
                                  (?:to|until|till|through|-|–|(?(between)and|(?!)))\s*
                                  (?:(?P<m2>{month})\s+)?(?:the\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
        ("dates.days_then_month", pattern(rf"""\b(?:(?:from\s+)?(?P<d1>{DAY})\s*(?:[-–]|to|till|until|through)\s*
                                       |between\s+(?P<b1>{DAY})\s+and\s+)
                                       (?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
        ("dates.day_pair", pattern(rf"""\b(?P<m>{month})\s+(?P<d1>{DAY})\s+and\s+(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
        ("dates.iso_date", pattern(rf"{FREE}(?P<y>{YEAR})-(?P<mo>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9]){END}")),
        # Year first, any separator: "2015/08/12", "2015.5.13".
        ("dates.year_first_date", pattern(rf"""{FREE}(?P<y>{YEAR})(?P<sep>[/.-])(?P<mo>1[0-2]|0?[1-9])(?P=sep)
                                           (?P<d>[12]\d|3[01]|0?[1-9]){END}""")),
        # Day and month in either order, then the year: "31/7/2024", "22.02.2016", "9-18-15". Letters
        # may touch it: a page header runs "Viet Nam31/07/2024" together.
        ("dates.numeric_date", pattern(rf"""(?<![\d/.,-])(?P<a>{DAY_OR_MONTH})(?P<space>\s?)(?P<sep>[/.-])(?P=space)(?P<b>{DAY_OR_MONTH})
                                        (?P=space)(?P=sep)(?P=space)(?P<y>{YEAR}|\d\d){END}""")),
        ("dates.day_month_year", pattern(rf"(?<![\d.,$€£¥₹₱])\b(?P<date>{day_month_year}){END}")),  # not "6,107.31 August 2019"
        # Day/month without a year only after a preposition: "20/25 targets" is no date; a dash only after "on".
        ("dates.numeric_day_month", pattern(rf"""\b(?:(?:on|of|from|to|until|till|by|before|after|since|dated)\s+
                                              (?P<date>(?P<a>{DAY_OR_MONTH})/(?P<b>{DAY_OR_MONTH}))
                                              |on\s+(?P<dashed>(?P<a2>{DAY_OR_MONTH})-(?P<b2>{DAY_OR_MONTH}))){END}""")),
        # A weekday makes a numeric day and month a date: "Friday 7/6", "on Friday 7.6".
        ("dates.weekday_numeric_day_month", pattern(rf"""\b(?P<weekday>{weekday}),?\s+(?P<date>(?P<a>{DAY_OR_MONTH})(?P<sep>[/.-])
                                                 (?P<b>{DAY_OR_MONTH})){END}""")),
        ("dates.day_month", pattern(rf"(?<![\d.,$€£¥₹₱])(?<![$€£¥₹₱]\s)\b(?P<date>{day_month}){END}")),
        ("dates.year_quarter", pattern(rf"\b(?P<y>{YEAR})\s*[-/]?\s*Q(?P<q>[1-4]){END}")),  # "2016 Q3"
        ("dates.quarter", pattern(rf"""\b(?:(?P<rel>this|next|last)\s+year['’]s\s+)?
                                 (?:Q(?P<q>[1-4])(?:\s*[-/]?\s*(?P<y>{YEAR})|\s+(?P<rel3>this|next|last)\s+year\b)?
                                 |(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter
                                  (?:(?:\s+of)?\s+(?:(?P<y2>{YEAR})|(?P<rel2>this|next|last|the)\s+year\b))?){END}""")),
        ("dates.half", pattern(rf"""\b(?:(?:H(?P<h>[12])\s*/?\s*|(?:the\s+)?(?P<hw>first|second)\s+half\s+of\s+)(?P<y>{YEAR})
                              |(?P<y2>{YEAR})\s*-?\s*H(?P<h2>[12])){END}""")),
        ("dates.month_range", pattern(rf"""\b(?:(?:between|from)\s+(?:the\s+months?\s+of\s+)?(?P<m1>{month})\s+(?:and|to|till|until|through)\s+(?P<m2>{month})
                                    |(?P<m3>{month})\s*[-–]\s*(?P<m4>{month}))(?:,?\s+|\s+in\s+)?(?P<y>{YEAR})?(?![\w-])""")),
        # A day of the month alone needs the reference: "On the 5th, the delegation ..."
        ("dates.days_of_month", pattern(rf"""\bthe\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s*(?:[-–]|to|and)\s*
                                    (?:the\s+)?(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{month})""")),
        # "Friday the 22nd": the weekday settles the month.
        ("dates.weekday_day_of_month", pattern(rf"""\b(?P<date>(?P<weekday>{weekday}),?\s+(?:the\s+{ordinal_day}
                                            |(?P<dd>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)))\b
                                            (?!\s+(?:of\s+)?{month}){NO_NOUN_AFTER}""")),
        # "On the 5th, ..."; an ordinal word or another preposition only with no noun after it: "for the
        # second time", "on the first day".
        ("dates.day_of_month", pattern(rf"""\b(?:(?:on|from)\s+(?P<date>(?:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b
                                         |(?:on|from|for|by|until|till|since)\s+(?P<later>the\s+(?:(?P<dd>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?P<dw>{DAY_WORD})))
                                          \b{NO_NOUN_AFTER}
                                         # a bare number only where the sentence ends: "returned for the 27."
                                         |(?:on|for)\s+(?P<bare>the\s+(?P<dn>[12]\d|3[01]|0?[1-9]))(?=\s*(?:[.!?;]|$)))
                                   (?!\s+(?:of\s+)?{month})""")),
        ("dates.first_months", pattern(rf"""\b(?:the\s+)?first\s+(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+months
                                      (?:\s+of\s+(?P<y>{YEAR}|the\s+year|this\s+year))?""")),
        ("dates.month_year", pattern(rf"\b(?P<date>{month}(?:\s*,?\s+(?:of\s+)?|[-/]){YEAR}|{YEAR}\s*,?\s+{month}){END}")),
        # "11/2016", "2016-11", "2016 / 3" (but "2016-17" is a fiscal year): not a code's "Resolution 11/2016".
        ("dates.numeric_month_year", pattern(rf"""(?<![\w/.,-])(?:(?P<mo>1[0-2]|0?[1-9])\s*[/-]\s*(?P<y>{YEAR})
                                           |(?P<y2>{YEAR})\s*[/-]\s*(?P<mo2>1[0-2]|0?[1-9])){END}""")),
        ("dates.month_of", pattern(rf"\b(?P<date>(?:the\s+)?month\s+of\s+(?P<m>{month}))(?![\w-])")),
        # A month alone only after a preposition: "May" is also a verb.
        ("dates.month", pattern(rf"""\b(?:in|since|from|until|till|by|before|after|of|during|early|late|mid-?|end\s+of|up\s+to)
                               \s+(?P<date>{month})(?![\w-])""")),
        # A month's possessive is the month too: "February's meeting".
        ("dates.month_possessive", pattern(rf"\b(?P<date>{month})(?=['’]s\b)")),
        ("dates.year_range", pattern(rf"""{FREE}(?:from\s+)?(?P<a>{YEAR})\s*(?:-|–|/|to|till|until)\s*(?P<b>{YEAR}|\d\d){END}""")),
        ("dates.year", pattern(rf"{FREE}(?P<y>{YEAR}){END}")),
        ("dates.relative_year", pattern(r"\b(?P<which>this|last|next|previous)\s+year\b")),
    )


RECOGNIZERS = recognizers(atoms.MONTH, WEEKDAY)
# For a text that writes no month or weekday capitalized (`DocContext.lowercase_calendar`).
ANY_CASE_RECOGNIZERS = recognizers(atoms.MONTH_ANY_CASE, WEEKDAY_ANY_CASE)


@dataclass(frozen=True)
class Context:
    """What settles a missing year: the reference date, and the text around the expression."""

    reference: date | None
    text: str
    order: str = "DMY"  # how numeric dates whose day and month could be either are read (`day_and_month`)
    past_verbs: frozenset[int] = frozenset()  # where the model tags a verb in the past tense

    def paragraph(self, start: int) -> str:
        begin = self.text.rfind("\n", 0, start) + 1
        end = self.text.find("\n", start)
        return self.text[begin:end if end >= 0 else len(self.text)]

    def sentence_bounds(self, start: int) -> tuple[int, int]:
        end = self.text.find(".", start)
        return max(self.text.rfind(".", 0, start), 0), end if end >= 0 else len(self.text)

    def sentence_at(self, start: int) -> str:
        begin, end = self.sentence_bounds(start)
        return self.text[begin:end]

    def coming(self, start: int) -> bool:
        """Whether the sentence at `start` speaks of what is coming, or a deadline precedes it."""
        sentence = self.sentence_at(start)
        return bool(COMING.search(sentence) or (DEADLINE.search(self.text[max(start - 20, 0):start])
                                                and not PAST.search(sentence)))

    def past(self, start: int) -> bool:
        """Whether the sentence at `start` tells what happened: a verb in the past tense, nothing to come."""
        begin, end = self.sentence_bounds(start)
        return not self.coming(start) and any(begin <= i < end for i in self.past_verbs)

    def point(self, text: str, start: int) -> tuple[temporal.DatePoint | None, str | None]:
        """A single date, and where its year came from: 'text', 'reference', 'context' or None."""
        point = temporal.normalize(text, self.reference, coming=self.coming(start))
        if point is None:
            return None, None
        if not point.value.startswith("XXXX"):
            return point, "reference" if point.inferred else "text"
        month = point.value[5:7]
        year = month_year_in(self.paragraph(start), month) or month_year_in(self.text, month)
        if year is None:
            return point, None
        return temporal.normalize(text, date(year, 12, 31)), "context"


def month_year_in(paragraph: str, month: str) -> int | None:
    """The year of the one month-year ('February 2023') in a paragraph naming month `month` ('02')."""
    years = set()
    for m in RECOGNIZERS_BY_RULE["dates.month_year"].finditer(paragraph):
        point = temporal.normalize(m.group("date"))
        if point and point.value[5:7] == month:
            years.add(int(point.value[:4]))
    return years.pop() if len(years) == 1 else None


RECOGNIZERS_BY_RULE = dict(RECOGNIZERS)


HEADER_LINES = 6  # a page's header: menus, a date line, the headline, a dateline
# A preposition right before a header's date makes it a sentence's: "The meeting was held on 2nd July 2024".
SENTENCE_PREPOSITIONS = frozenset(lexicon.texts(CUES, "sentence_preposition"))
FULL_DATES = ("dates.numeric_date", "dates.iso_date", "dates.year_first_date", "dates.day_month_year")
LINE = re.compile(r"[^\n]*\S[^\n]*")


def header_lines(text: str) -> list[re.Match]:
    """The page's first HEADER_LINES lines that are not blank."""
    return list(itertools.islice(LINE.finditer(text), HEADER_LINES))


def header_dates(found: list[Found], text: str) -> list[Found]:
    """The dates of the page's header and datelines: on one of its first lines, after at most a
    place, an outlet or a label ('GENERAL SANTOS CITY (October 13, 2022) -', 'Ho, Feb. 22, GNA -',
    'Posted On: 14 FEB 2024'), or alone on a short line ('03/12/2019 - 14:15'); not a sentence's
    ('On March 30, 2021, Liuzhou held ...', '... was held on 2nd July 2024')."""
    lines = header_lines(text)
    dates = []
    for cand in found:
        if cand.rule not in FULL_DATES and cand.rule != "dates.day_month":
            continue
        line = next((ln for ln in lines if ln.start() <= cand.start < ln.end()), None)
        if line is None:
            continue
        before = text[line.start():cand.start]
        words = before.split()
        # A preposition before the date, perhaps then "the", makes it a sentence's: "On the 22nd of January".
        last = [w.lower() for w in words[-2:]]
        preposition = bool(last) and (last[-1] in SENTENCE_PREPOSITIONS
                                      or (last[-1] == "the" and len(last) == 2 and last[0] in SENTENCE_PREPOSITIONS))
        placed = len(before) <= 40 and not preposition and (len(words) <= 2 or not re.search(r"(?:^|\s)[a-z]", before))
        if placed or (len(line.group().split()) <= 12 and cand.rule in FULL_DATES):
            dates.append(cand)
    return dates


# The model's DATE entities that name a calendar day or month ("the 25th of December 2023"),
# for what the shapes above do not know; durations and relative phrases have no month name.
NER_DATE = re.compile(rf"(?P<date>(?:{DAY}\s+(?:of\s+)?)?{atoms.MONTH}(?:\s+{DAY})?,?(?:\s+{YEAR})?)")


def model_dates(doc: Doc) -> list[Found]:
    """Candidates from the model's DATE entities: the month-naming part of each."""
    found = []
    for ent in doc.ents:
        m = NER_DATE.search(ent.text) if ent.label_ == "DATE" else None
        if m is not None and re.search(r"\d", m.group()):
            start = ent.start_char + m.start()
            found.append(Found(start, start + len(m.group()), "dates.ner", m))
    return found


def past_verbs(doc: Doc) -> frozenset[int]:
    """Where the model tags a verb in the past tense (read as arrays: a Token per word costs more
    than all the date shapes)."""
    tags = doc.to_array([TAG, IDX])
    return frozenset(tags[tags[:, 0] == doc.vocab.strings["VBD"], 1].tolist()) if len(doc) else frozenset()


# Words without one of which a shape cannot match, lower-cased: a text that lacks them all is not
# scanned for it.
NEEDS = {
    "dates.quarter": ("quarter", "q1", "q2", "q3", "q4"), "dates.year_quarter": ("q1", "q2", "q3", "q4"),
    "dates.half": ("half", "h1", "h2"), "dates.first_months": ("months",), "dates.month_of": ("month",),
    "dates.relative_year": ("year",), "dates.fiscal_years_range": ("from",),
    "dates.weekday_day_of_month": relative_dates.WEEKDAY_WORDS,
    "dates.weekday_numeric_day_month": relative_dates.WEEKDAY_WORDS,
}


def shapes(text: str, endpos: int | None = None, recognizers=RECOGNIZERS) -> list[Found]:
    """The recognizers' candidates in `text[:endpos]`, most specific first; none after a copyright sign.
    A candidate's span is the date itself, without the preposition a shape may need before it."""
    endpos = len(text) if endpos is None else endpos
    found, lowered = [], text[:endpos].lower()
    for rule, regex in recognizers:
        if rule in NEEDS and not any(word in lowered for word in NEEDS[rule]):
            continue
        for m in regex.finditer(text, 0, endpos):
            if plausible(rule, m, text) and not COPYRIGHT.search(text[max(m.start() - 12, 0):m.start()]):
                groups = m.groupdict()
                part = next((name for name in ("date", "dashed", "later", "bare") if groups.get(name) is not None), 0)
                found.append(Found(*m.span(part), rule, m))
    return found


def plausible(rule: str, m: re.Match, text: str) -> bool:
    """Whether a shape's numbers can be what it reads, before it takes the span from other shapes:
    "2016-11" is November 2016 but "2016-17" a fiscal year, and "Ordinance No. 2023-07" a number;
    "2016-11" is no period of years."""
    if rule == "dates.numeric_month_year":
        if NAMING_WORD.search(text, max(m.start() - 30, 0), m.start()):
            return False
        return not m.group("y2") or int(m.group("mo2")) < int(m.group("y2")[2:])
    if rule == "dates.year_range" and len(m.group("b")) == 2:
        return int(m.group("b")) > int(m.group("a")[2:])
    if rule in ("dates.numeric_date", "dates.numeric_day_month", "dates.weekday_numeric_day_month"):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("a2"), m.group("b2"))
        # Points make versions too: "1.2.2016" is none, "13.5.2015" and "22.02.2016" are dates.
        # (after a weekday, "Friday 7.6" is a date all the same)
        dotted = m.groupdict().get("sep") == "." and rule != "dates.weekday_numeric_day_month"
        return min(int(a), int(b)) <= 12 and not (dotted and (len(m.groupdict().get("y") or "") == 2 or len(a) == 1))
    return True


# The recognizers a full date's candidate can lose to (the more specific ones) and the full dates'
# own: those after them take nothing from a full date, so the dateline reads only these.
UP_TO_FULL_DATES = RECOGNIZERS[:max(i for i, (rule, _) in enumerate(RECOGNIZERS) if rule in FULL_DATES) + 1]


def dateline_day(text: str) -> date | None:
    """The day of the page's first full header date ('GENERAL SANTOS CITY (October 13, 2022) -'):
    the reference date when the caller gives none."""
    lines = header_lines(text)
    if not lines:
        return None
    found = resolve_overlaps(shapes(text, lines[-1].end(), UP_TO_FULL_DATES))
    full = next((cand for cand in header_dates(found, text) if cand.rule in FULL_DATES), None)
    values = normalize(full, Context(None, text, written_order(text) or "DMY")) if full else []
    return date.fromisoformat(values[0][0]) if values else None


# The shapes whose day and month the order settles.
ORDERED_RULES = frozenset({"dates.numeric_date", "dates.numeric_day_month", "dates.weekday_numeric_day_month"})
# A numeric date whose first or second number can only be the day tells the text's order.
NUMERIC_DATE = re.compile(r"(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d\d)(?![\d/])")


def written_order(text: str) -> str | None:
    """How a text writes its numeric dates, where they say: 'MDY' when more of them can only be
    month-first ('02/22/2016') than day-first ('22/02/2016'), 'DMY' when fewer, else None."""
    day_first = month_first = 0
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        day_first += a > 12 >= b
        month_first += b > 12 >= a
    return None if day_first == month_first else "MDY" if month_first > day_first else "DMY"


class CountryDateOrder:
    """The order the outlets of the country an article names most write numeric dates in
    (`date_orders.jsonl`: 'Manila' says MDY, 'Hanoi' DMY); None when it names none."""

    def __init__(self, date_orders: str = "date_orders.jsonl") -> None:
        self.orders = {" ".join(e.text.split()): e.kind for e in lexicon.load(date_orders)}
        self.pattern = guards.compile(rf"(?<!\w)(?:{lexicon.phrase_regex(self.orders)})(?!\w)")

    def __call__(self, text: str) -> str | None:
        votes = Counter(self.orders[" ".join(m.group().split())] for m in self.pattern.finditer(text))
        return max(sorted(votes), key=votes.get) if votes else None


class DatesComponent:
    """`date_order` reads numeric dates whose day and month could be either ('05/03/2024'): 'DMY',
    'MDY' or 'YMD' as the user knows the outlet writes them, or 'auto': the text's own unambiguous
    numeric dates decide, else the convention of the country it names most (Philippine news writes
    month first), else day first, as most of the genre's outlets do."""

    def __init__(self, date_order: str = "auto", country_order: CountryDateOrder | None = None):
        if date_order not in DATE_ORDERS:
            raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
        self.date_order = date_order
        self.country_order = country_order or CountryDateOrder()

    def order(self, text: str) -> str:
        if self.date_order != "auto":
            return self.date_order
        return written_order(text) or self.country_order(text) or "DMY"

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        # The relative dates first: they hold the shapes' words ("the first Friday of July").
        relative = [Found(m.start(), m.end(), rule, m)
                    for rule, m in relative_dates.find(text, doc._.context.lowercase_calendar)]
        found = shapes(text, recognizers=ANY_CASE_RECOGNIZERS if doc._.context.lowercase_calendar else RECOGNIZERS)
        found = resolve_overlaps(relative + found + model_dates(doc))  # the shapes before the model's
        header = header_dates(found, text)
        # Only a day and month that could be either need the order: the country's is a scan of its own.
        ordered = any(cand.rule in ORDERED_RULES for cand in found)
        context = Context(doc._.context.reference_day, text, self.order(text) if ordered else "DMY", past_verbs(doc))
        read = [(cand, normalize(cand, context)) for cand in found]
        years = written_years(normalized for _, normalized in read if normalized)
        readings, warnings = [], []
        for cand, normalized in read:
            if normalized is None:
                warnings.append(relative_dates.unresolved_warning(text, cand.start, cand.end))
            elif normalized:
                in_header = cand in header
                readings.append(Reading(
                    modified_start(text, cand.start), cand.end, "dates.dateline" if in_header else cand.rule,
                    [with_written_year(value, year_from, years) for value, year_from in normalized],
                    "DATELINE" if in_header else label_of(cand.rule)))
        spans, values = [], {}
        for reading in joined(readings, text):
            span = doc.char_span(reading.start, reading.end, label=reading.label, alignment_mode="expand")
            span._.rule, span._.date_values = reading.rule, [value for value, _ in reading.values]
            spans.append(span)
            evidence = Evidence.at(text, reading.start, reading.end, reading.rule)
            for value, year_from in reading.values:
                # A day the text states beats the same day counted, and is listed where it is stated:
                # "last Friday [October 25, 2024]".
                known = values.get(value)
                if known is None or (known.evidence.rule in relative_dates.RULES
                                     and reading.rule not in relative_dates.RULES):
                    values.pop(value, None)
                    values[value] = DateFact(evidence.text, value, year_from, evidence)
        doc.spans[DATES_KEY] = spans
        doc._.dates = list(values.values())
        if warnings:  # other stages warn too: extend, never replace
            doc._.warnings = [*(doc._.warnings or []), *warnings]
        return doc


def written_years(readings: Iterable[list[tuple[str, str | None]]]) -> dict[str, set[str]]:
    """The years the text writes with each day, by the day ('10-04'), from its dates with a year
    written ('October 4, 2025', 'from October 2 to 4, 2025')."""
    years: dict[str, set[str]] = {}
    for values in readings:
        for value, year_from in values:
            if year_from == "text":
                for end in value.split("/"):
                    if temporal.DAY_VALUE.fullmatch(end):
                        years.setdefault(end[5:], set()).add(end[:4])
    return years


def with_written_year(value: str, year_from: str | None, years: dict[str, set[str]]) -> tuple[str, str | None]:
    """A day whose year nothing settled ('XXXX-10-04') takes the one year the text writes with the
    same day elsewhere: 'On October 4' after 'from October 2 to 4, 2025' is 2025's."""
    if not value.startswith("XXXX"):
        return value, year_from
    ends = value.split("/")
    found = [years.get(end[5:], set()) for end in ends]
    if any(len(options) != 1 for options in found):
        return value, year_from
    return "/".join(next(iter(options)) + end[4:] for options, end in zip(found, ends)), "context"


@dataclass(frozen=True)
class Reading:
    """A candidate read: its span (with any modifier before it: 'the end of 2025'), its values
    each with where its year came from, and its span's label."""

    start: int
    end: int
    rule: str
    values: list[tuple[str, str | None]]
    label: str


MODIFIER = re.compile(rf"\b(?:the\s+)?(?:{lexicon.cues(CUES, 'modifier')})[\s-]*$", re.IGNORECASE)


def modified_start(text: str, start: int) -> int:
    """Where a date's span starts: before a modifier that names part of it ('early March', 'the end
    of 2025', 'mid-2024'), whose value is the whole period named."""
    m = MODIFIER.search(text, max(start - 24, 0), start)
    return m.start() if m else start


# Two dates joined as a period's ends: "from 10/1 to 11/7", "between January 1st and April 5th",
# "today until next Sunday", "1st Jan until Wed, 22 of Jan".
JOINER = re.compile(rf"\s*(?:to|until|till|through|thru|[-–—])\s*(?:{WEEKDAY},?\s+)?", re.IGNORECASE)
BETWEEN_JOINER = re.compile(rf"\s+and\s+(?:{WEEKDAY},?\s+)?", re.IGNORECASE)
RANGE_OPENER = re.compile(r"\b(?P<word>from|between)\s+$", re.IGNORECASE)


def joined(readings: list[Reading], text: str) -> Iterator[Reading]:
    """The readings with each two joined as a period's ends made one period."""
    i = 0
    while i < len(readings):
        if i + 1 < len(readings) and (period := joined_pair(readings[i], readings[i + 1], text)):
            yield period
            i += 2
        else:
            yield readings[i]
            i += 1


def joined_pair(first: Reading, last: Reading, text: str) -> Reading | None:
    """The period `first` to `last` when the text joins them so; None when it does not, or when they
    are not two days or two months (years have their own ranges: '2015 to 2018')."""
    if len(first.values) != 1 or len(last.values) != 1:
        return None
    (a, a_from), (b, b_from) = first.values[0], last.values[0]
    # Days to days, months to months: "previous week - Monday" names no period.
    if "/" in a + b or len(a) != len(b) or len(a) < 7:
        return None
    opener = RANGE_OPENER.search(text, max(first.start - 10, 0), first.start)
    between = opener is not None and opener.group("word").lower() == "between"
    if not (BETWEEN_JOINER if between else JOINER).fullmatch(text, first.end, last.start):
        return None
    start, end = a, b
    if a_from == "text" and b_from != "text":  # "from 2015/08/12 until October 22": the end in the start's year
        end = in_year_of(end, start, after=True)
    elif b_from == "text" and a_from != "text":
        start = in_year_of(start, end, after=False)
    if start[:7] > end[:7] or (start[:7] == end[:7] and start > end):
        return None
    label = "RELATIVE_DATE" if "RELATIVE_DATE" in (first.label, last.label) else "DATE"
    return Reading(opener.start() if opener else first.start, last.end, "dates.date_range",
                   [(f"{start}/{end}", a_from if a_from == b_from else "text")], label)


def in_year_of(value: str, other: str, *, after: bool) -> str:
    """`value` ('2017-10-22', 'XXXX-10') moved to `other`'s year, or the year after (`after`) or
    before it, whichever keeps it on its side of `other`."""
    moved = other[:4] + value[4:]
    if after and moved[:len(other)] < other[:len(moved)]:
        moved = f"{int(other[:4]) + 1:04d}{value[4:]}"
    elif not after and moved[:len(other)] > other[:len(moved)]:
        moved = f"{int(other[:4]) - 1:04d}{value[4:]}"
    return moved


def label_of(rule: str) -> str:
    """A span's label: RELATIVE_DATE for a date counted from the reference date, so that a stage
    that reads the days the text states (the event's) can tell it apart; else DATE."""
    return "RELATIVE_DATE" if rule in relative_dates.RULES else "DATE"


def normalize(cand: Found, context: Context) -> list[tuple[str, str | None]] | None:
    """The values one candidate states, each with where its year came from; None for a date
    counted from the reference date when there is none."""
    m, rule = cand.match, cand.rule
    groups = m.groupdict()
    if rule in relative_dates.RULES:
        read = relative_dates.reading(rule, m, context.coming(cand.start), context.past(cand.start))
        if read is None:
            return []
        if context.reference is None:
            return None
        value = read(context.reference)
        if not value:
            return []
        year_from = "text" if groups.get("year") else "reference"  # "the first Friday of July 2024"
        return [(value, None if value.startswith("XXXX") else year_from)]
    if rule == "dates.year":
        return [(m.group("y"), "text")]
    if rule == "dates.year_range":
        a, b = m.group("a"), m.group("b")
        if len(b) == 2:  # "2006-07": a fiscal year; "2017-20": a period in the same century
            b = a[:2] + b
        return [(f"{a}/{b}", "text")] if int(a) < int(b) else []
    if rule == "dates.fiscal_years_range":
        return [(f"{m.group('a')}/{m.group('b1')[:2]}{m.group('b')}", "text")]
    if rule == "dates.relative_year":
        if context.reference is None:
            return []
        year = context.reference.year + RELATIVE_YEARS[m.group("which").lower()]
        return [(f"{year:04d}", "reference")] if temporal.FIRST_YEAR <= year <= temporal.LAST_YEAR else []
    if rule == "dates.iso_date":
        return [(m.group(), "text")]
    if rule in ("dates.year_first_date", "dates.numeric_date"):
        return numeric_date(m, context)
    if rule in ("dates.numeric_day_month", "dates.weekday_numeric_day_month"):
        a, b = (int(groups["a"]), int(groups["b"])) if groups["a"] else (int(groups["a2"]), int(groups["b2"]))
        readings = [day_and_month(a, b, context.order), day_and_month(a, b, "MDY" if context.order == "DMY" else "DMY")]
        points = [context.point(f"{day} {calendar.month_name[month]}", cand.start) for day, month in readings]
        if rule == "dates.weekday_numeric_day_month":  # "Friday 7/6": the reading that is a Friday, if one is
            weekday = relative_dates.weekday_number(m.group("weekday").lower().rstrip("."))
            points = [(p, y) for p, y in points if p and temporal.DAY_VALUE.fullmatch(p.value)
                      and not p.value.startswith("XXXX") and date.fromisoformat(p.value).weekday() == weekday] + points
        point, year_from = points[0]
        return [(point.value, year_from)] if point else []
    if rule == "dates.numeric_month_year":
        year, month = (groups["y"], groups["mo"]) if groups["y"] else (groups["y2"], groups["mo2"])
        return [(f"{year}-{int(month):02d}", "text")]
    if rule == "dates.month_of":
        point, year_from = context.point(m.group("m"), cand.start)
        return [(point.value, year_from)] if point else []
    if rule in ("dates.day_range", "dates.day_pair", "dates.days_then_month"):
        year = f" {groups['y']}" if groups.get("y") else ""
        first, y1 = context.point(f"{m.group('m')} {groups.get('d1') or groups.get('b1')}{year}", cand.start)
        second, y2 = context.point(f"{groups.get('m2') or m.group('m')} {m.group('d2')}{year}", cand.start)
        if first is None or second is None:
            return []
        if rule == "dates.day_pair":
            return [(first.value, y1), (second.value, y2)]  # "October 2 and 3"
        return [(f"{first.value}/{second.value}", y1)] if first.value < second.value else []
    if rule in ("dates.quarter", "dates.year_quarter", "dates.half", "dates.first_months"):
        return months_span(m, rule, context)
    if rule == "dates.month_range":
        year = f" {groups['y']}" if groups.get("y") else ""
        first, y1 = context.point(f"{groups['m1'] or groups['m3']}{year}", cand.start)
        if first is not None and not year and not first.value.startswith("XXXX"):
            year = f" {first.value[:4]}"  # the range's end is in its start's year: "May to July" of 2024
        last, _ = context.point(f"{groups['m2'] or groups['m4']}{year}", cand.start)
        return [(f"{first.value}/{last.value}", y1)] if first and last and first.value < last.value else []
    if rule in ("dates.day_of_month", "dates.days_of_month", "dates.weekday_day_of_month"):
        if context.reference is None:
            return []
        digits = m.group("d") or m.groupdict().get("dd") or m.groupdict().get("dn")
        day = int(digits) if digits else atoms.ORDINAL_DAYS[fold_spaces(m.group("dw"))]
        ref, shift = temporal.in_cycle(context.reference)  # any year 1-9999
        if rule == "dates.weekday_day_of_month" and (on_weekday := day_on_weekday(day, m.group("weekday"), ref)):
            value = temporal.iso_day(on_weekday, shift)
            return [(value, None if value.startswith("XXXX") else "reference")]
        month = date(ref.year, ref.month, 1) if day <= ref.day else date(ref.year, ref.month, 1) - timedelta(days=1)
        try:
            first = temporal.iso_day(date(month.year, month.month, day), shift)
            year_from = None if first.startswith("XXXX") else "reference"  # the month before January of year 1
            if rule != "dates.days_of_month":
                return [(first, year_from)]
            last = temporal.iso_day(date(month.year, month.month, int(m.group("d2"))), shift)  # "the 15th-16th"
            return [(f"{first}/{last}", year_from)] if first < last else []
        except ValueError:  # "the 31st" of a shorter month
            return []
    # After "before" in "before 30/6"; ordinal words as digits: "the second of August" is "2 August".
    # Where the candidate starts in the text: a model date's match is on the entity's own text.
    point, year_from = context.point(with_digits(m.group("date")), cand.start)
    return [(point.value, year_from)] if point else []


def fold_spaces(words: str) -> str:
    return " ".join(words.lower().split())


def with_digits(text: str) -> str:
    """`text` with a day written as an ordinal word in digits, for dateparser: 'May the eleventh' -> 'May 11'."""
    return DAY_WORD_OR_THE.sub(lambda w: str(atoms.ORDINAL_DAYS[fold_spaces(w.group())]) if w.group(1) else "", text)


DAY_WORD_OR_THE = re.compile(rf"\b({DAY_WORD})\b|\bthe\s+", re.IGNORECASE)


def day_and_month(a: int, b: int, order: str) -> tuple[int, int]:
    """The day and month of a numeric date's first two numbers: the one over 12 is the day, else
    `order` says ('DMY': day first; 'MDY' and 'YMD': month first)."""
    if a > 12 or (b <= 12 and order == "DMY"):
        return a, b
    return b, a


def numeric_date(m: re.Match, context: Context) -> list[tuple[str, str | None]]:
    """'31/7/2024', '9-18-15', '2015/08/12': the day; under 'YMD' a two-digit year comes first
    ('16/11/07')."""
    groups, order = m.groupdict(), context.order
    if groups.get("a") is None:
        year, month, day = int(groups["y"]), int(groups["mo"]), int(groups["d"])
    elif order == "YMD" and len(groups["y"]) == 2:
        year, month, day = two_digit_year(int(groups["a"]), context.reference), int(groups["b"]), int(groups["y"])
    else:
        day, month = day_and_month(int(groups["a"]), int(groups["b"]), order)
        year = int(groups["y"]) if len(groups["y"]) == 4 else two_digit_year(int(groups["y"]), context.reference)
    try:
        return [(date(year, month, day).isoformat(), "text")]
    except ValueError:  # "31/2/2024"
        return []


def two_digit_year(yy: int, reference: date | None) -> int:
    """A two-digit year's century: the one that puts it at most 20 years after the reference ('40'
    in 2016 is 1940, '27' is 2027); with no reference, as %y reads it (69-99 the 1900s)."""
    if reference is None:
        return (1900 if yy >= 69 else 2000) + yy
    year = reference.year - reference.year % 100 + yy
    return year - 100 if year > reference.year + 20 else year


def day_on_weekday(day: int, weekday: str, reference: date) -> date | None:
    """'Friday the 22nd': the 22nd nearest `reference` that falls on a Friday, within a year either
    side; None when none does (then it reads as 'the 22nd' alone)."""
    index = relative_dates.weekday_number(weekday.lower().rstrip("."))
    candidates = []
    for months in range(-12, 13):
        year, month = divmod(reference.year * 12 + reference.month - 1 + months, 12)
        try:
            candidates.append(date(year, month + 1, day))
        except ValueError:  # no 31st in that month
            continue
    return min((d for d in candidates if d.weekday() == index), key=lambda d: abs((d - reference).days), default=None)



def months_span(m: re.Match, rule: str, context: Context) -> list[tuple[str, str | None]]:
    """'Q3/2024' -> 2024-07/2024-09; 'H1 2024', 'the first six months of 2024' -> 2024-01/2024-06, and the year."""
    groups = m.groupdict()
    written = groups.get("y") or groups.get("y2")
    relative = (groups.get("rel") or groups.get("rel2") or groups.get("rel3") or "").lower()
    if written and written.isdigit():
        year, year_from = int(written), "text"
    elif relative and context.reference is not None:  # "next year's third quarter"
        year, year_from = context.reference.year + RELATIVE_YEARS[relative], "reference"
    elif context.reference is not None and (rule == "dates.first_months" or written or m.groupdict().get("q")):
        # "the first six months (of the year)" and "Q1" are this year's; a bare "second quarter meeting" may not be.
        year, year_from = context.reference.year, "reference"
    else:
        return []
    if rule in ("dates.quarter", "dates.year_quarter"):
        q = int(m.group("q")) if m.group("q") else ORDINALS[m.group("qw").lower()]
        first, last = 3 * q - 2, 3 * q
    elif rule == "dates.half":
        h = int(m.group("h") or m.group("h2")) if m.group("h") or m.group("h2") else ORDINALS[m.group("hw").lower()]
        first, last = 6 * h - 5, 6 * h
    else:
        n = m.group("n").lower()
        first, last = 1, int(n) if n.isdigit() else NUMBER_WORDS[n]
        if not 1 <= last <= 12:
            return []
    span = (f"{year:04d}-{first:02d}/{year:04d}-{last:02d}", year_from)
    return [span, (f"{year:04d}", year_from)] if year_from == "text" else [span]


@Language.factory("extractor_dates", assigns=["doc._.dates", "doc._.warnings"], requires=["doc._.context", "doc.ents"],
                  default_config={"date_order": "auto", **lexicon.defaults("date_orders")})
def make_dates(nlp: Language, name: str, date_order: str, date_orders: str) -> DatesComponent:
    return DatesComponent(date_order, CountryDateOrder(date_orders))

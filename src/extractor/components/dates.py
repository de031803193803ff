"""extractor_dates: every calendar expression the text states, normalized to ISO 8601.

Recognizers find candidate spans by their shape (a regex each, with a rule id), and the model's
DATE entities add those no shape knows; `temporal.normalize`
turns a single date into a value. Periods ("2021-2025", "from 2006-07 to 2012-13", "October 9 to
12") become ISO intervals. The year a day or month lacks comes from the reference date (the
caller's `published`, else the article's dateline), else from a month-year naming the same month
in the same paragraph, else in the text ("On February 23 ... the meeting in February 2023"), else
it stays 'XXXX'. Dates counted from the reference date ('yesterday', 'last Tuesday', 'next week')
are `relative_dates`' grammar; with no reference date they have no value and a record warning.
Not dates: durations, ages, times of day, document numbers ("78/2002/ND-CP"), copyright lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from .. import atoms, lexicon, relative_dates, temporal
from ..facts import DateFact, Evidence
from ..overlaps import resolve_overlaps

MONTH, DAY, YEAR = atoms.MONTH, atoms.DAY, atoms.YEAR
# A year not glued to a code or number: not "78/2002/ND-CP", "2024-NQ", "12,2024" or "2024.5".
FREE = r"(?:(?<![\w/.,-])|(?<=mid-))"  # but "mid-2025" is 2025
END = r"(?![\w/]|[-.,]\d|-[A-Za-z])"
DAY_MONTH_YEAR = rf"(?:{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY},?\s+{YEAR})"
DAY_MONTH = rf"(?:{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY})"  # "the 25th of December" too
NUMERIC = r"(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])"  # day/month, day first
DOTTED = rf"(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9])\.{YEAR}"  # "22.02.2016": two digits each, day first
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
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
    return re.compile(regex, re.IGNORECASE | re.VERBOSE)


# Recognizers, most specific first: an overlap keeps the earlier (then the longer) one.
RECOGNIZERS: tuple[tuple[str, re.Pattern], ...] = (
    ("dates.fiscal_years_range", pattern(rf"""\bfrom\s+(?P<a>{YEAR})-(?P<a2>\d\d)\s+(?:to|till|until)\s+
                                       (?P<b1>{YEAR})-(?P<b>\d\d){END}""")),
    ("dates.day_range", pattern(rf"""\b(?:from\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?:to|until|till|-|–)\s*
                              (?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
    ("dates.days_then_month", pattern(rf"""\b(?:(?:from\s+)?(?P<d1>{DAY})\s*(?:[-–]|to|till|until)\s*
                                   |between\s+(?P<b1>{DAY})\s+and\s+)
                                   (?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
    ("dates.day_pair", pattern(rf"""\b(?P<m>{MONTH})\s+(?P<d1>{DAY})\s+and\s+(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?{END}""")),
    ("dates.iso_date", pattern(rf"{FREE}(?P<y>{YEAR})-(?P<mo>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9]){END}")),
    # Letters may touch it: a page header runs "Viet Nam31/07/2024" together.
    ("dates.numeric_date", pattern(rf"(?<![\d/.,-])(?P<date>{NUMERIC}/{YEAR}|{DOTTED}){END}")),
    ("dates.day_month_year", pattern(rf"\b(?P<date>{DAY_MONTH_YEAR}){END}")),
    # Day/month without a year only after a preposition: "20/25 targets" is no date.
    ("dates.numeric_day_month", pattern(rf"\b(?:on|of|from|to|until|till|by|before|after|since|dated)\s+(?P<date>{NUMERIC}){END}")),
    ("dates.day_month", pattern(rf"\b(?P<date>{DAY_MONTH}){END}")),
    ("dates.year_quarter", pattern(rf"\b(?P<y>{YEAR})\s*[-/]?\s*Q(?P<q>[1-4]){END}")),  # "2016 Q3"
    ("dates.quarter", pattern(rf"""\b(?:Q(?P<q>[1-4])\s*/?\s*|(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)
                             \s+quarter(?:\s+of\s+)?)(?P<y>{YEAR})?{END}""")),
    ("dates.half", pattern(rf"""\b(?:H(?P<h>[12])\s*/?\s*|(?:the\s+)?(?P<hw>first|second)\s+half\s+of\s+)(?P<y>{YEAR}){END}""")),
    ("dates.month_range", pattern(rf"""\b(?:(?:between|from)\s+(?:the\s+months?\s+of\s+)?(?P<m1>{MONTH})\s+(?:and|to|till|until)\s+(?P<m2>{MONTH})
                                |(?P<m3>{MONTH})\s*[-–]\s*(?P<m4>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?(?![\w-])""")),
    # A day of the month alone needs the reference: "On the 5th, the delegation ..."
    ("dates.days_of_month", pattern(rf"""\bthe\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s*(?:[-–]|to|and)\s*
                                (?:the\s+)?(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})""")),
    ("dates.day_of_month", pattern(rf"""\b(?:[Oo]n|[Ff]rom)\s+the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b
                               (?!\s+(?:of\s+)?{MONTH})""")),
    ("dates.first_months", pattern(rf"""\b(?:the\s+)?first\s+(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+months
                                  (?:\s+of\s+(?P<y>{YEAR}|the\s+year|this\s+year))?""")),
    ("dates.month_year", pattern(rf"\b(?P<date>{MONTH}\s*,?\s+{YEAR}){END}")),
    # A month alone only after a preposition: "May" is also a verb.
    ("dates.month", pattern(rf"""\b(?:in|since|from|until|till|by|before|after|of|during|early|late|mid-?|end\s+of|up\s+to)
                           \s+(?P<date>{MONTH})(?![\w-])""")),
    # A month's possessive is the month too: "February's meeting".
    ("dates.month_possessive", pattern(rf"\b(?P<date>{MONTH})(?=['’]s\b)")),
    ("dates.year_range", pattern(rf"""{FREE}(?:from\s+)?(?P<a>{YEAR})\s*(?:-|–|/|to|till|until)\s*(?P<b>{YEAR}|\d\d){END}""")),
    ("dates.year", pattern(rf"{FREE}(?P<y>{YEAR}){END}")),
    ("dates.relative_year", pattern(r"\b(?P<which>this|last|next|previous)\s+year\b")),
)


@dataclass(frozen=True)
class Context:
    """What settles a missing year: the reference date, and the text around the expression."""

    reference: date | None
    text: str

    def paragraph(self, start: int) -> str:
        begin = self.text.rfind("\n", 0, start) + 1
        end = self.text.find("\n", start)
        return self.text[begin:end if end >= 0 else len(self.text)]

    def sentence_at(self, start: int) -> str:
        end = self.text.find(".", start)
        return self.text[max(self.text.rfind(".", 0, start), 0):end if end >= 0 else len(self.text)]

    def coming(self, start: int) -> bool:
        """Whether the sentence at `start` speaks of what is coming, or a deadline precedes it."""
        sentence = self.sentence_at(start)
        return bool(COMING.search(sentence) or (DEADLINE.search(self.text[max(start - 20, 0):start])
                                                and not PAST.search(sentence)))

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
FULL_DATES = ("dates.numeric_date", "dates.iso_date", "dates.day_month_year")
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
NER_DATE = re.compile(rf"(?P<date>(?:{DAY}\s+(?:of\s+)?)?{MONTH}(?:\s+{DAY})?,?(?:\s+{YEAR})?)")


def model_dates(doc: Doc) -> list[Found]:
    """Candidates from the model's DATE entities: the month-naming part of each."""
    found = []
    for ent in doc.ents:
        m = NER_DATE.search(ent.text) if ent.label_ == "DATE" else None
        if m is not None and re.search(r"\d", m.group()):
            start = ent.start_char + m.start()
            found.append(Found(start, start + len(m.group()), "dates.ner", m))
    return found


def shapes(text: str, endpos: int | None = None, recognizers=RECOGNIZERS) -> list[Found]:
    """The recognizers' candidates in `text[:endpos]`, most specific first; none after a copyright sign."""
    endpos = len(text) if endpos is None else endpos
    return [Found(m.start(), m.end(), rule, m) for rule, regex in recognizers for m in regex.finditer(text, 0, endpos)
            if not COPYRIGHT.search(text[max(m.start() - 12, 0):m.start()])]


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
    point = temporal.normalize(full.match.groupdict().get("date") or full.match.group()) if full else None
    return date.fromisoformat(point.value) if point else None


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        # The relative dates first: they hold the shapes' words ("the first Friday of July").
        relative = [Found(m.start(), m.end(), rule, m)
                    for rule, m in relative_dates.find(text, doc._.context.lowercase_calendar)]
        found = resolve_overlaps(relative + shapes(text) + model_dates(doc))  # the shapes before the model's
        header = header_dates(found, text)
        context = Context(doc._.context.reference_day, text)
        spans, values, warnings = [], {}, []
        for cand in found:
            in_header = cand in header
            rule = "dates.dateline" if in_header else cand.rule
            normalized = normalize(cand, context)
            if normalized is None:
                warnings.append(relative_dates.unresolved_warning(text, cand.start, cand.end))
                continue
            if not normalized:
                continue
            span = doc.char_span(cand.start, cand.end, label="DATELINE" if in_header else label_of(cand.rule),
                                 alignment_mode="expand")
            span._.rule, span._.date_values = rule, [value for value, _ in normalized]
            spans.append(span)
            evidence = Evidence.at(text, cand.start, cand.end, rule)
            for value, year_from in normalized:
                # A day the text states beats the same day counted, and is listed where it is stated:
                # "last Friday [October 25, 2024]".
                known = values.get(value)
                if known is None or (known.evidence.rule in relative_dates.RULES and rule not in relative_dates.RULES):
                    values.pop(value, None)
                    values[value] = DateFact(evidence.text, value, year_from, evidence)
        doc.spans[DATES_KEY] = spans
        doc._.dates = list(values.values())
        if warnings:  # other stages warn too: extend, never replace
            doc._.warnings = [*(doc._.warnings or []), *warnings]
        return doc


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
        read = relative_dates.reading(rule, m, context.coming(cand.start))
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
        year = context.reference.year + {"this": 0, "last": -1, "previous": -1, "next": 1}[m.group("which").lower()]
        return [(f"{year:04d}", "reference")] if temporal.FIRST_YEAR <= year <= temporal.LAST_YEAR else []
    if rule == "dates.iso_date":
        return [(m.group(), "text")]
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
    if rule in ("dates.day_of_month", "dates.days_of_month"):
        if context.reference is None:
            return []
        day, (ref, shift) = int(m.group("d")), temporal.in_cycle(context.reference)  # any year 1-9999
        month = date(ref.year, ref.month, 1) if day <= ref.day else date(ref.year, ref.month, 1) - timedelta(days=1)
        try:
            first = temporal.iso_day(date(month.year, month.month, day), shift)
            year_from = None if first.startswith("XXXX") else "reference"  # the month before January of year 1
            if rule == "dates.day_of_month":
                return [(first, year_from)]
            last = temporal.iso_day(date(month.year, month.month, int(m.group("d2"))), shift)  # "the 15th-16th"
            return [(f"{first}/{last}", year_from)] if first < last else []
        except ValueError:  # "the 31st" of a shorter month
            return []
    point, year_from = context.point(m.group("date"), m.start("date"))  # after "before" in "before 30/6"
    return [(point.value, year_from)] if point else []


def months_span(m: re.Match, rule: str, context: Context) -> list[tuple[str, str | None]]:
    """'Q3/2024' -> 2024-07/2024-09; 'H1 2024', 'the first six months of 2024' -> 2024-01/2024-06, and the year."""
    written = m.group("y")
    if written and written.isdigit():
        year, year_from = int(written), "text"
    elif context.reference is not None and (rule == "dates.first_months" or written):
        # "the first six months (of the year)" is this year's; a bare "second quarter meeting" may not be.
        year, year_from = context.reference.year, "reference"
    else:
        return []
    if rule in ("dates.quarter", "dates.year_quarter"):
        q = int(m.group("q")) if m.group("q") else ORDINALS[m.group("qw").lower()]
        first, last = 3 * q - 2, 3 * q
    elif rule == "dates.half":
        h = int(m.group("h")) if m.group("h") else ORDINALS[m.group("hw").lower()]
        first, last = 6 * h - 5, 6 * h
    else:
        n = m.group("n").lower()
        first, last = 1, int(n) if n.isdigit() else NUMBER_WORDS[n]
        if not 1 <= last <= 12:
            return []
    span = (f"{year:04d}-{first:02d}/{year:04d}-{last:02d}", year_from)
    return [span, (f"{year:04d}", year_from)] if year_from == "text" else [span]


@Language.factory("extractor_dates", assigns=["doc._.dates", "doc._.warnings"], requires=["doc._.context", "doc.ents"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()

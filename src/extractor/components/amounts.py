"""extractor_amounts: money, percentages, multipliers, counts and quantities, as numbers.

One regex over the text finds each number with what the genre writes around it: a currency
before or after ("VND 5,075.5 billion", "US$120 million", "1.2 trillion dong", "P14.5 million"),
scale words ("lakh crore"), a per-unit ("VND/person/year"), a percent sign or word, "-fold" or
"times". A currency's main unit and its sub-unit are one sum ("3 dollars 50 cents" is 3.50 USD);
"minus" makes a number negative. Lexicons (currencies, scales, number words, qualifiers, units)
are data in `patterns/`.
The model's entities are hints only: it misses many amounts, so they serve to rule out numbers
inside dates and times. Two numbers joined by "-", "to" or "and" are a range ("VND 5-7 billion",
"from 5 to 7 per cent"): each end is an amount, and both carry the range's `min` and `max`.

A number alone is a count or a quantity only when it counts something: a measure unit right after
it ("2,000 ha") or the noun it modifies ("602,836 households", "22 lakh cheap houses"). Years,
dates, times, document numbers ("40-CT/TW", "No. 02", "Directive 40"), ordinals and codes are not
amounts.

A number too large for a finite float ("VND 999...9 billion" with 300 nines, "trillion" stacked
thirty times) has no usable value: the amount, or the whole range it ends, is left out, and a
record warning names its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import atoms, guards, lexicon, numbers
from ..facts import AmountFact, Evidence
from ..temporal import MONTH
from .dates import DATES_KEY

# Spans that hold numbers which are not amounts: the model's entities, and the dates stage's dates.
NOT_AMOUNT_ENTITIES = {"DATE", "DATELINE", "TIME", "ORDINAL"}
CUES = "amount_cues.jsonl"
RANGE_JOINERS = re.compile(rf"\s*(?:-|–|{lexicon.cues(CUES, 'range_joiner')})\s*")
RANGE_OPENERS = re.compile(rf"\b(?:{lexicon.cues(CUES, 'range_opener')})\s+$", re.IGNORECASE)
# "28 times higher" is a multiplier; "met 3 times" is a frequency. A whole number before
# "times" is a multiplier only with a comparison after it.
COMPARISON = re.compile(rf"\s+(?:{lexicon.cues(CUES, 'comparison')})\b", re.IGNORECASE)
# "Directive 40", "No. 02", "Session 3": a number right after a capitalized word or "No." names a thing.
NAMING_WORD = re.compile(atoms.NAMING_WORD)
SIGNS = lexicon.cues(CUES, "sign")
NOT_PREFIXES = lexicon.cues(CUES, "not_prefix")
# A dollar written with the country's letters before it: 'US$', 'HK$', 'U.S.$', 'Mex$'.
DOLLAR_PREFIX = re.compile(r"[A-Za-z.]+\$")
# Between a currency's main unit and its sub-unit: '3 dollars 50 cents', 'thirteen dollars and forty-five cents'.
SUBUNIT_JOINER = re.compile(r"\s*,?\s+(?:and\s+)?")
YEAR = re.compile(atoms.YEAR)
DURATION = "duration"  # the units.jsonl kind of time units: "10 years" is a duration, not an amount


@dataclass(frozen=True)
class Found:
    """One number as the regex read it, before ranges are joined."""

    start: int
    end: int
    number_start: int  # where the digits or number words begin, after any qualifier or currency
    number: float | None  # None: too large for a finite float
    scale: str  # the scale words as written, "" for none
    kind: str | None  # money, percent, multiplier; None for a bare number
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    rule: str = "amounts.bare_number"
    subunits: int = 1  # written in a sub-unit of the currency: "34 cents" is 34 / 100 USD
    shared: bool = False  # the currency is written as several countries write it ('Rs', 'cents')

    @property
    def value(self) -> float | None:
        """The number times its scale words, in the currency's main unit; None when too large for a
        finite float."""
        if self.number is None:
            return None
        value = numbers.scaled(self.number, self.scale)
        return value / self.subunits if value is not None and self.subunits != 1 else value


class CountryCurrencies:
    """The currencies an article's country gives to shared symbols: the country whose words
    (`currency_signals.jsonl`: 'Pakistan', 'Lahore') the text names most, among those that could
    mean each default code ('Rs' is INR unless the text is Pakistani, Sri Lankan, Nepali news)."""

    def __init__(self, currency_signals: str = "currency_signals.jsonl") -> None:
        signals = lexicon.load(currency_signals)
        self.codes = {e.text: (e.kind, tuple(e.replaces)) for e in signals}
        self.pattern = guards.compile(rf"\b(?:{lexicon.phrase_regex(self.codes)})\b")

    def __call__(self, text: str) -> dict[str, str]:
        """Default code -> the code the text's country uses instead, where the text says."""
        votes: dict[str, dict[str, int]] = {}
        for m in self.pattern.finditer(text):
            code, replaces = self.codes[" ".join(m.group().split())]
            for default in replaces:
                votes.setdefault(default, {}).setdefault(code, 0)
                votes[default][code] += 1
        return {default: max(sorted(counts), key=counts.get) for default, counts in votes.items()}


def currency_key(written: str) -> str:
    """The lexicon key of a currency as written: lower case, one space; a prefixed dollar without
    its spaces and dots, so that 'US $', 'u.s.$' and 'US$' are one key."""
    key = re.sub(r"[\s-]+", " ", written).lower()
    return re.sub(r"[\s.]", "", key) if key.endswith("$") else key


def prefixed_dollars(texts: list[str]) -> str:
    """The regex of dollars with a prefix ('US$', 'U.S.$', 'C$'), the prefix in any case and the
    '$' after a space or not: wire copy writes 'US $150 million' and 'c $ 16.4 million'. A prefix that
    is also an English word before a spaced '$' ('a $5 grant', 'cost us $5') is no prefix there, nor
    the 's of a possessive ("the company's $5 million", "company ' s $ 5 million")."""
    prefixes = sorted({t[:-1].rstrip(".") for t in texts}, key=len, reverse=True)
    dotted = {t[:-1].rstrip(".") for t in texts if t.endswith(".$")}
    alternatives = "|".join(re.escape(p) + (r"\.?" if p in dotted else "") for p in prefixes)
    return rf"(?<!['’])(?<!['’]\s)(?!(?:{NOT_PREFIXES})\s)(?i:{alternatives})\s?\$"


class AmountMatcher:
    """Finds money, percentages, multipliers and bare numbers in the text with one regex."""

    def __init__(self, currencies: str = "currencies.jsonl", qualifiers: str = "qualifiers.jsonl",
                 currency_signals: str = "currency_signals.jsonl") -> None:
        currencies = lexicon.load(currencies)
        self.currency_codes = {currency_key(e.text): e.kind for e in currencies}
        self.shared = {currency_key(e.text) for e in currencies if e.shared}
        self.subunits = {currency_key(e.text): e.subunits for e in currencies if e.subunits != 1}
        self.countries = CountryCurrencies(currency_signals)
        # Codes and symbols stand before the number ("VND 5", "$2", "Rs.6,000"); any currency
        # with two letters or more, a sign alone, or one written in another script may follow it
        # ("5 billion dong", "5 billion VND", "20€", "100元"), after a hyphen too ("a 12-cent rise");
        # not a one-letter code ("5 P" is no peso).
        dollars = [e.text for e in currencies if DOLLAR_PREFIX.fullmatch(e.text)]
        before = prefixed_dollars(dollars) + "|" + lexicon.phrase_regex(
            e.text for e in currencies if not e.text.islower() and e.text not in dollars)
        after = lexicon.phrase_regex(e.text for e in currencies if sum(c.isalpha() for c in e.text) >= 2
                                     or not any(c.isalnum() for c in e.text) or not e.text.isascii())
        scales = lexicon.phrase_regex(e.text for e in lexicon.load("scales.jsonl"))
        words = lexicon.phrase_regex([e.text for e in lexicon.load("number_words.jsonl")] + ["hundred"])
        qualifiers = lexicon.phrase_regex(e.text for e in lexicon.load(qualifiers))
        number = rf"\d+(?:[.,]\d+)*|(?i:(?:{words})(?:[\s-]+(?:and\s+)?(?:{words}))*)"
        # "U-23", "COVID-19": a number hyphened to a word names a thing; "%2020" is URL encoding.
        self.pattern = re.compile(
            rf"(?:(?P<qualifier>(?i:{qualifiers}))\s+)?"
            rf"(?:(?P<sign>(?i:{SIGNS}))\s+)?"
            rf"(?<![\w.,/%])(?<![^\W\d_]-)(?P<before>{before})?\s?"
            rf"(?P<number>{number})(?![.,]\d)"
            # Scale words after a space or hyphen ("P412.7-million"), or glued to digits ("2bn").
            rf"(?P<scale>(?:(?:[\s-]+|(?<=\d))(?i:{scales})(?!\w))*)"
            rf"(?:[\s-]?(?P<after>(?i:{after}))(?P<per>(?:/[^\W\d]+)+)?(?!\w)"
            # "8 percent", "a 20-percent fund", "a 2.1-percentage-point drop", "a 10.14- percent rate"
            r"|(?P<points>(?:\s|-\s?)percentage[\s-]points?\b)"
            r"|(?P<percent>\s?%|(?:\s|-\s?)per\s?cent\b|(?:\s|-\s?)percent(?:s|age)?\b|\s+pct\b|(?-i:\s?pc)\b)"
            r"|(?P<fold>-?\s?fold\b)"
            r"|(?P<times>\s+times\b))?"
            r"(?![\w/]|-[A-Z])")
        # "per cent of twenty": the percent word first, its number ending the clause, so that
        # "percent of 10 provinces" is no percentage.
        self.percent_first = re.compile(
            rf"(?<![\w%])(?i:per\s?cent|percents?)\s+of\s+(?P<number>{number})(?=\s*(?:[.,;:!?)]|$))")

    def __call__(self, doc: Doc, decimal: str) -> list[Found]:
        found = []
        local = self.countries(doc._.text)
        for m in self.pattern.finditer(doc._.text):
            number = _number(m.group("number"), decimal)
            if number is None and not numbers.too_large(m.group("number"), decimal):
                continue  # no number ("1,20,3"); one too large is read, to be left out with a warning
            item = self.read(doc, m, number, local)
            if item is not None:
                found.append(item)
        return join_subunits(doc._.text, self.percents_first(doc._.text, decimal, found))

    def percents_first(self, text: str, decimal: str, found: list[Found]) -> list[Found]:
        """`found` with the percentages written percent word first ('per cent of 22') where it holds no
        other amount (only the bare number the percentage reads), in text order."""
        for m in self.percent_first.finditer(text):
            number = _number(m.group("number"), decimal)
            inside = [f for f in found if f.start < m.end() and m.start() < f.end]
            if number is not None and all(f.kind is None for f in inside):
                found = sorted([f for f in found if f not in inside] + [
                    Found(m.start(), m.end(), m.start("number"), number, "", "percent", unit="percent",
                          rule="amounts.percent_first")], key=lambda f: f.start)
        return found

    def read(self, doc: Doc, m: re.Match, number: float | None, local: dict[str, str]) -> Found | None:
        """The amount one match states, or None for a match that is no amount ('met 3 times').
        A shared currency symbol is read as the article's country's (`local`: default code -> code)."""
        scale = m.group("scale")
        currency = m.group("before") or m.group("after")
        start = next(m.start(g) for g in ("qualifier", "sign", "before", "number") if m.group(g))
        if m.group("sign") and number is not None:
            number = -number
        base = Found(start, m.end(), m.start("number"), number, scale, None, qualifier=m.group("qualifier"))
        if currency:
            written = currency_key(currency)
            code = self.currency_codes[written]
            code = local.get(code, code) if written in self.shared else code
            per = m.group("per")
            return replace(base, kind="money", currency=code, unit=per[1:] if per else None,
                           subunits=self.subunits.get(written, 1), shared=written in self.shared,
                           rule="amounts.currency_before" if m.group("before") else "amounts.currency_after")
        if any(len(w) == 1 for w in scale.split()):
            return None  # "m", "k" scale money only: "15m" is fifteen metres
        if m.group("percent"):
            return replace(base, kind="percent", unit="percent", rule="amounts.percent")
        if m.group("points"):
            return replace(base, kind="percent", unit="percentage point", rule="amounts.percentage_points")
        if m.group("fold"):
            return replace(base, kind="multiplier", rule="amounts.fold")
        if m.group("times"):
            whole = (number is None or number.is_integer()) and not scale  # past 2**53 every float is whole
            if whole and not COMPARISON.match(doc._.text, m.end()):
                return None
            return replace(base, kind="multiplier", rule="amounts.times")
        return base


def _number(text: str, decimal: str) -> float | None:
    return numbers.parse_numeral(text, decimal) if text[0].isdigit() else numbers.parse_words(text)


def join_subunits(text: str, found: list[Found]) -> list[Found]:
    """Money in a currency's main unit and the sub-unit right after it as one amount: '3 dollars 50
    cents' is 3.50 USD. A sub-unit several currencies share ('cents') takes the main unit's currency."""
    out: list[Found] = []
    for item in found:
        main = out[-1] if out else None
        if (main is not None and main.kind == item.kind == "money" and main.subunits == 1 and item.subunits != 1
                and (item.currency == main.currency or item.shared) and not item.qualifier
                and main.value is not None and item.value is not None
                and SUBUNIT_JOINER.fullmatch(text, main.end, item.start)):
            out[-1] = replace(main, end=item.end, number=main.value + item.value, scale="",
                              rule="amounts.main_and_subunit")
        else:
            out.append(item)
    return out


def join_ranges(text: str, found: list[Found]) -> list[tuple[Found, ...]]:
    """Groups the numbers into amounts: a range's two ends together, every other number alone.

    Two neighbours joined by '-', 'to' or 'and' are a range when one of them says what it is;
    an end without scale words or currency takes the other's ("VND 5-7 billion").
    """
    groups: list[tuple[Found, ...]] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _ranged(text, a, b):
            kind = a.kind or b.kind
            currency = a.currency or b.currency
            start = a.start
            opener = RANGE_OPENERS.search(text, max(0, a.start - 8), a.start)
            if opener and not a.qualifier:
                start = opener.start()
            ends = tuple(replace(x, kind=kind, currency=currency, unit=x.unit or y.unit, scale=x.scale or y.scale,
                                 rule=y.rule if x.kind is None else x.rule, start=start, end=b.end)
                         for x, y in ((a, b), (b, a)))
            groups.append(ends)
            i += 2
        else:
            groups.append((a,))
            i += 1
    return groups


def _ranged(text: str, a: Found, b: Found) -> bool:
    if a.kind is None and b.kind is None:
        return False
    if any(x.kind is None and YEAR.fullmatch(text[x.number_start:x.end]) for x in (a, b)):
        return False  # "from 22.4 percent in 2018 to 16.1 percent"
    if a.kind and b.kind and (a.kind != b.kind or a.currency != b.currency):
        return False
    joiner = RANGE_JOINERS.fullmatch(text, a.end, b.start)
    return joiner is not None and (joiner.group().strip() != "and" or RANGE_OPENERS.search(text, 0, a.start))


class CountReader:
    """Reads a bare number as a count of the noun it modifies, or a quantity of a measure unit."""

    def __init__(self, units: str = "units.jsonl", plurals: str = "plurals.jsonl") -> None:
        units = lexicon.load(units)
        self.units = {e.text.lower(): e.kind for e in units}
        self.unit_after = re.compile(rf"[\s-]?({lexicon.phrase_regex(e.text for e in units)})(?!\w)", re.IGNORECASE)
        self.plurals = {e.text: e.kind for e in lexicon.load(plurals)}

    def __call__(self, doc: Doc, item: Found, blocked: set[int]) -> Found | None:
        if self.not_a_count(doc, item, blocked):
            return None
        unit = self.unit_after.match(doc._.text, item.end)
        if unit:
            kind = self.units[unit.group(1).lower()]
            if kind == DURATION or self.modifies_noun(doc, unit.end()):
                return None  # "three years ahead", "500 kV lines"
            return replace(item, kind="quantity", unit=kind, end=unit.end(), rule="amounts.measure_unit")
        span = doc.char_span(item.number_start, item.end, alignment_mode="expand")
        noun = counted_noun(span) if span is not None else None
        if noun is None:
            return None
        return replace(item, kind="count", unit=self.singular(noun), rule="amounts.counted_noun")

    @staticmethod
    def modifies_noun(doc: Doc, char: int) -> bool:
        """A unit right before a noun rates that noun: '500 kV lines', '12 MW plant'."""
        span = doc.char_span(char, len(doc._.text), alignment_mode="expand")
        return span is not None and len(span) > 0 and span[0].pos_ == "NOUN" and not span[0].is_space

    @staticmethod
    def not_a_count(doc: Doc, item: Found, blocked: set[int]) -> bool:
        """Years, dates, times, ordinals, document numbers, codes and hyphenated modifiers ("51-member")."""
        start = item.number_start
        if YEAR.fullmatch(doc._.text[start:item.end]) or any(i in blocked for i in range(start, item.end)):
            return True
        before, after = doc._.text[max(0, item.start - 12):item.start], doc._.text[item.end:item.end + 12]
        if NAMING_WORD.search(before) and not before.rstrip().endswith((".", ",")):
            return True
        if re.search(r"[-/:]\s*$", before) or re.match(r"[-/:]\d|-[^\W\d]", after):
            return True
        words_before = before.split()[-1:] + after.split()[:1]
        return any(MONTH.fullmatch(w.strip(",.")) for w in words_before)

    def singular(self, noun: str) -> str:
        """'households' -> 'household', 'health workers' -> 'health worker', 'women' -> 'woman'."""
        head, _, last = noun.rpartition(" ")
        lower = last.lower()
        if lower in self.plurals:
            word = self.plurals[lower]
        elif lower.endswith("ies") and len(lower) > 4:
            word = last[:-3] + "y"
        elif lower.endswith(("ches", "shes", "sses", "xes")):
            word = last[:-2]
        elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            word = last[:-1]
        else:
            word = last
        return f"{head} {word}".strip()


# What may stand between a number and the noun it counts ("120,000 frontline health workers",
# "45 planned irrigation projects", "612 newly established enterprises").
MODIFIERS = {"ADJ", "NUM", "NOUN", "PROPN", "ADV", "VERB"}
MODIFYING_VERB_TAGS = {"VBN", "VBG"}  # "planned", "pending"; not "attended", "visited"
POSSESSIVES = {"'", "’", "'s", "’s"}


def counted_noun(number: Span) -> str | None:
    """The noun a number counts, with the one noun compounded right before it: '602,836
    households' -> 'households', '120,000 frontline health workers' -> 'health workers'. A gerund
    or a hyphenated modifier only says which kind ('farming households', 'five-star products').

    Read from the tags, as the last noun of the words after the number that can modify one: the
    counted noun follows its number, so no parse is needed. A possessive ("two countries' ties"),
    a line break or a sentence start ends the phrase."""
    doc = number.doc
    head = None
    for token in doc[number.end:]:
        if token.i > number.end and token.is_sent_start or "\n" in token.text or token.text in POSSESSIVES:
            break
        previous = doc[token.i - 1]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else token
        if token.text == "-" and not previous.whitespace_:
            continue
        if previous.text == "-" and not doc[token.i - 2].whitespace_:
            # the word a hyphen joins to the one before: "socio-economic" modifies, "five-star" too
            head = token if token.pos_ in ("NOUN", "PROPN") and not token.like_num else None
        elif token.pos_ in ("NOUN", "PROPN") and not token.like_num:
            head = token
        elif head is None and joins(token, following):
            continue
        elif head is not None and token.lower_ in ("and", "or") and head.tag_ in ("NN", "NNP") \
                and following.pos_ == "NOUN":
            continue  # "trade and logistics projects", not "provinces and cities"
        elif head is not None or token.pos_ not in MODIFIERS or (token.pos_ == "VERB" and (
                token.tag_ not in MODIFYING_VERB_TAGS or following.pos_ not in ("NOUN", "ADJ", "PUNCT"))):
            break
    if head is None:
        return None
    before = doc[head.i - 1]
    if (before.pos_ == "NOUN" and before.i >= number.end and not before.lower_.endswith("ing")
            and doc[before.i - 1].text != "-"):
        return f"{before.text} {head.text}"
    return head.text


def joins(token: Token, following: Token) -> bool:
    """Two numbers or two modifiers of one count: 'one or two sectors', '12 to 20 bags',
    'domestic and foreign investors' (not '20 out of 25 targets': the first is an achievement)."""
    if token.lower_ == "to":
        return following.like_num
    return token.lower_ in ("and", "or") and (following.like_num or following.pos_ in ("ADJ", "VERB"))


def as_facts(doc: Doc, groups: list[tuple[Found, ...]]) -> list[AmountFact]:
    """The amounts, one per number, in text order; a range's ends each carry the range."""
    out = []
    for group in groups:
        values = [f.value for f in group]
        for f in group:
            evidence = Evidence.at(doc._.text, f.start, f.end, f.rule)
            out.append(AmountFact(
                text=evidence.text, kind=f.kind, value=f.value, currency=f.currency, unit=f.unit,
                approximate=f.qualifier is not None, qualifier=f.qualifier,
                min=min(values) if len(group) > 1 else None, max=max(values) if len(group) > 1 else None,
                evidence=evidence,
            ))
    return out


def too_large_warning(text: str, found: Found) -> str:
    """The record warning for an amount left out because its value is too large for a float."""
    written = text[found.start:found.end]
    shown = written if len(written) <= 60 else f"{written[:30]}...{written[-25:]}"
    return f"amount {shown!r} at {found.start}-{found.end}: too large for a number, left out"


class AmountsComponent:
    def __init__(self, matcher: AmountMatcher | None = None, counts: CountReader | None = None) -> None:
        self.matcher = matcher or AmountMatcher()
        self.counts = counts or CountReader()

    def __call__(self, doc: Doc) -> Doc:
        usable, oversized = [], []
        for group in self.match(doc):
            (usable if all(f.value is not None for f in group) else oversized).append(group)
        doc._.amounts = as_facts(doc, usable)
        if oversized:  # other stages warn too: extend, never replace
            doc._.warnings = [*(doc._.warnings or []), *(too_large_warning(doc._.text, g[0]) for g in oversized)]
        return doc

    def match(self, doc: Doc) -> list[tuple[Found, ...]]:
        decimal = doc._.context.decimal_mark
        blocked = {i for span in [*doc.ents, *doc.spans[DATES_KEY]] if span.label_ in NOT_AMOUNT_ENTITIES
                   for i in range(span.start_char, span.end_char)}
        groups = []
        for group in join_ranges(doc._.text, self.matcher(doc, decimal)):
            if group[0].kind is not None:
                groups.append(group)
            elif (count := self.counts(doc, group[0], blocked)) is not None:
                groups.append((count,))
        return groups


# Number words and scale words are read by numbers.py's functions of any text, so they are not
# config: they are the bundled files.
@Language.factory("extractor_amounts", default_config=lexicon.defaults("currencies", "qualifiers", "units", "plurals",
                                                                       "currency_signals"),
                  assigns=["doc._.amounts", "doc._.warnings"],
                  requires=["doc._.context", "doc._.dates", "doc.ents", "token.is_sent_start", "token.tag"])
def make_amounts(nlp: Language, name: str, currencies: str, qualifiers: str, units: str,
                 plurals: str, currency_signals: str) -> AmountsComponent:
    return AmountsComponent(AmountMatcher(currencies, qualifiers, currency_signals), CountReader(units, plurals))

"""Number normalization: a number as written in an article to its value, as pure functions.

Numerals are read with the text's decimal mark (see `decimal_mark`), because the genre writes
both conventions: "5,075.5" (English) and "1.020" or "1,2" (Vietnamese and European habits
leaking into English copy). The rule, for a numeral with one mark written once:

- followed by exactly three digits ("1,020", "1.020") it is ambiguous: it is the decimal mark
  when it is the text's decimal mark, else a thousands separator;
- followed by any other number of digits ("1,2", "9.41") it is the decimal mark.

With both marks ("5,075.5", "1.020,5") the one written last is the decimal mark; a mark written
more than once ("1,020,000", "1.020.000") groups digits: in threes, or in the Indian way
("1,44,162": twos, then a last three). A grouping that is neither is no number.

Every value these functions return is a finite float. A number too large for one ("9" * 400,
"trillion" written thirty times) has no usable value: they return None for it as for no number,
and `too_large` tells the two apart for a caller that reports it.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Iterable

from . import lexicon

POINT, COMMA = ".", ","
NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")
# Digits grouped by each separator: in threes ("1,020,000"), or Indian ("1,44,162").
GROUPED = {sep: re.compile(rf"\d{{1,3}}(?:\{sep}\d{{3}})+|\d{{1,2}}(?:\{sep}\d{{2}})+\{sep}\d{{3}}")
           for sep in (POINT, COMMA)}


def _grouped(digits: str, separator: str) -> bool:
    """'1,020,000' and '1,44,162' group their digits with `separator`; '1,20,3' does not."""
    return GROUPED[separator].fullmatch(digits) is not None


def _split(numeral: str, decimal: str) -> tuple[str, str] | None:
    """The integer digits (with their separators) and the fraction digits, by the rule above."""
    marks = [c for c in numeral if c in (POINT, COMMA)]
    if not marks:
        return numeral, ""
    if len(set(marks)) == 2:
        decimal = marks[-1]
        whole, _, fraction = numeral.rpartition(decimal)
        return (whole, fraction) if decimal not in whole else None
    mark = marks[0]
    if len(marks) > 1:
        return numeral, ""
    whole, _, fraction = numeral.partition(mark)
    if len(fraction) == 3 and mark != decimal:
        return numeral, ""
    return whole, fraction


def parse_numeral(numeral: str, decimal: str = POINT) -> float | None:
    """The value of a numeral ('5,075.5', '1.020', '1,2', '1,44,162', '02'), read with the
    text's `decimal` mark; None when its separators make no number ('1,20,3', '1.2.3,4,5') or
    when it is too large for a finite float ('9' * 400)."""
    return _finite(_numeral_value(numeral, decimal))


def _numeral_value(numeral: str, decimal: str) -> float | None:
    """`parse_numeral` without the size check: inf for a numeral too large for a float."""
    if not NUMERAL.fullmatch(numeral):
        return None
    parts = _split(numeral, decimal)
    if parts is None:
        return None
    whole, fraction = parts
    separators = set(re.sub(r"\d", "", whole))
    if len(separators) > 1 or (separators and not _grouped(whole, separators.pop())):
        return None
    return float(re.sub(r"\D", "", whole) + "." + (fraction or "0"))


def decimal_mark(numerals: Iterable[str]) -> str:
    """The decimal mark a text uses, from the numerals that settle it: ',' when more of them
    read only with a decimal comma ('1,2', '1.020.000', '1.020,5') than only with a decimal point
    ('9.41', '1,020,000', '5,075.5'); '.' otherwise, the English default."""
    votes = {POINT: 0, COMMA: 0}
    for numeral in numerals:
        marks = [c for c in numeral if c in (POINT, COMMA)]
        if len(set(marks)) == 2:
            votes[marks[-1]] += 1
        elif len(marks) > 1 and _grouped(numeral, marks[0]):
            votes[COMMA if marks[0] == POINT else POINT] += 1
        elif len(marks) == 1 and len(numeral.partition(marks[0])[2]) != 3:
            votes[marks[0]] += 1
    return COMMA if votes[COMMA] > votes[POINT] else POINT


@functools.cache
def _word_values() -> dict[str, int]:
    return {e.text: int(e.value) for e in lexicon.load("number_words.jsonl")}


def parse_words(text: str) -> float | None:
    """The value of a number in words: 'three', 'twenty-five', 'one hundred and twenty'
    (scale words such as 'million' are applied by the caller, see `scaled`); None for other
    words, or for a number too large for a finite float ('hundred' written 160 times)."""
    return _finite(_words_value(text))


# Past the largest float a number in words only grows: it is held here, too large all the same.
WORDS_CAP = int(sys.float_info.max) * 10


def _words_value(text: str) -> int | None:
    """`parse_words` without the size check, as an integer: at least WORDS_CAP when too large."""
    values = _word_values()
    total = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word == "hundred":
            total = min(max(total, 1) * 100, WORDS_CAP)
        elif word in values:
            total = min(total + values[word], WORDS_CAP)
        else:
            return None
    return total


def too_large(number: str, decimal: str = POINT) -> bool:
    """Whether `number`, a numeral or number words, is a number too large for a finite float
    ('9' * 400): one `parse_numeral` or `parse_words` returns None for though it is well formed."""
    value = _numeral_value(number, decimal) if number[:1].isdigit() else _words_value(number)
    return value is not None and _finite(value) is None


def _finite(value: float | int | None) -> float | None:
    """`value` as a float, or None when it is None, infinite or NaN (an int past the largest float too)."""
    if value is None:
        return None
    try:
        value = float(value)
    except OverflowError:  # an int past the largest float
        return None
    return value if math.isfinite(value) else None


@functools.cache
def _scale_factors() -> dict[str, float]:
    return {e.text.lower(): e.value for e in lexicon.load("scales.jsonl")}


def scale_factor(words: str) -> float:
    """The factor of scale words as written after a number: 'billion' 1e9, 'lakh crore' 1e12
    (stacked words multiply), '' 1. Unknown words raise KeyError: callers match known words only.
    Stacked past the largest float ('trillion' thirty times) the factor is inf: see `scaled`."""
    factor = 1.0
    for word in re.split(r"[\s-]+", words.strip(" -").lower()):
        if word:
            factor *= _scale_factors()[word]
    return factor


def scaled(number: float, words: str) -> float | None:
    """`number` times the factor of its scale words (5, 'billion': 5e9); None when the product is
    too large for a finite float (5, 'trillion' written thirty times)."""
    if number == 0:
        return 0.0  # zero of any scale, not inf * 0
    return _finite(number * scale_factor(words))

"""Number normalization: numerals in the text's styles, number words and scale words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.numbers import COMMA, POINT, decimal_mark, parse_numeral, parse_words, scale_factor


@pytest.mark.parametrize("numeral, decimal, value", [
    # English style: comma groups, point decimals.
    ("5,075.5", POINT, 5075.5),
    ("1,020,000", POINT, 1020000),
    ("1,020", POINT, 1020),
    ("9.41", POINT, 9.41),
    ("36,359.375", POINT, 36359.375),
    # One mark followed by three digits: the text's decimal mark decides.
    ("1.020", POINT, 1.02),
    ("1.020", COMMA, 1020),
    ("1,020", COMMA, 1.02),
    # Decimal comma and dot groups.
    ("1,2", POINT, 1.2),
    ("1.020.000", POINT, 1020000),
    ("1.020,5", POINT, 1020.5),
    # Indian grouping.
    ("1,44,162", POINT, 144162),
    ("1,84,000", POINT, 184000),
    # Leading zeros, plain digits.
    ("02", POINT, 2),
    ("2024", POINT, 2024),
], ids=["grouped_decimal", "grouped_millions", "grouped_thousand", "decimal_point", "three_decimals",
        "dot_three_digits_in_point_text", "dot_three_digits_in_comma_text", "comma_three_digits_in_comma_text",
        "decimal_comma", "dot_groups", "dot_groups_comma_decimal", "indian_lakh", "indian_thousands",
        "leading_zero", "plain"])
def test_parse_numeral(numeral, decimal, value):
    assert parse_numeral(numeral, decimal) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["1,20,3", "22.05.2024", "1.2,3.4", "abc", ""],
                         ids=["bad_groups", "dotted_date", "mixed_marks_twice", "letters", "empty"])
def test_parse_numeral_refuses(numeral):
    assert parse_numeral(numeral) is None


@pytest.mark.parametrize("numerals, mark", [
    (["5,075.5", "9.41", "1,020"], POINT),
    (["1,2", "1.020.000", "3,85"], COMMA),
    (["1,020", "1.020"], POINT),  # nothing settles it: the English default
    ([], POINT),
], ids=["english", "decimal_comma", "undecided", "no_numbers"])
def test_decimal_mark(numerals, mark):
    assert decimal_mark(numerals) == mark


@pytest.mark.parametrize("words, value", [
    ("three", 3), ("Twenty", 20), ("twenty-five", 25), ("three hundred", 300),
    ("one hundred and twenty", 120), ("zebra", None),
], ids=["unit", "tens_capitalized", "hyphenated", "hundreds", "hundred_and", "not_a_number"])
def test_parse_words(words, value):
    assert parse_words(words) == value


@pytest.mark.parametrize("words, factor", [
    ("billion", 1e9), (" bn", 1e9), ("-million", 1e6), ("crore", 1e7), ("lakh", 1e5),
    ("lakh crore", 1e12), ("trillion", 1e12), ("", 1),
], ids=["billion", "bn", "hyphenated", "crore", "lakh", "stacked", "trillion", "none"])
def test_scale_factor(words, factor):
    assert scale_factor(words) == factor


# Property: a number written in any of the text's styles reads back as the number.

def _group(digits: str, separator: str, indian: bool) -> str:
    """'1234567' -> '1,234,567', or Indian '12,34,567'."""
    head, last = digits[:-3], digits[-3:]
    size = 2 if indian else 3
    groups = [head[max(0, i - size):i] for i in range(len(head), 0, -size)][::-1]
    return separator.join(groups + [last])


STYLES = {  # name: (group separator, decimal mark, Indian grouping)
    "english": (",", POINT, False),
    "vietnamese": (".", COMMA, False),
    "indian": (",", POINT, True),
    "plain_point": ("", POINT, False),
    "plain_comma": ("", COMMA, False),
}


def write(whole: int, fraction: str, style: str) -> str:
    separator, decimal, indian = STYLES[style]
    digits = _group(str(whole), separator, indian) if separator else str(whole)
    return digits + (decimal + fraction if fraction else "")


@given(whole=st.integers(min_value=0, max_value=10**13),
       fraction=st.text(alphabet="0123456789", max_size=3).map(lambda f: f.rstrip("0")),
       style=st.sampled_from(sorted(STYLES)))
def test_written_numbers_read_back(whole, fraction, style):
    numeral = write(whole, fraction, style)
    assert parse_numeral(numeral, STYLES[style][1]) == pytest.approx(float(f"{whole}.{fraction or 0}"))

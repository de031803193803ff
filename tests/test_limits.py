"""Inputs at the limits of the value types: numbers too large for a float, and reference dates
in the first and the last year a date holds (issue 10, faults 6 and 7b)."""

import math
import re
from datetime import date
from pathlib import Path

import pytest

from extractor import ArticleRecord, numbers, temporal

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NINES = "9" * 400
HUNDREDS = "one" + " hundred" * 200  # 10**400 in words


def finite_or_none(*values):
    return all(v is None or math.isfinite(v) for v in values)


def check_record(record, text):
    """Every number finite, every evidence span exact, and the record reads back from its JSON."""
    for amount in record.amounts:
        assert math.isfinite(amount.value) and finite_or_none(amount.min, amount.max), amount
    for target in record.targets:
        assert finite_or_none(target.value, target.achieved, target.total), target
    spans = [s for p in record.people for s in [*p.mentions, *(r.evidence for r in p.roles)]]
    spans += [s for o in record.organizations for s in o.mentions]
    spans += [d.evidence for d in record.dates] + [a.evidence for a in record.amounts]
    spans += [t.evidence for t in record.targets] + [m for d in record.documents for m in d.mentions]
    spans += [d.date_evidence for d in record.documents if d.date_evidence]
    if record.event is not None:
        spans += [record.event.evidence] + ([record.event.date.evidence] if record.event.date else [])
    for span in spans:
        assert text[span.start:span.end] == span.text, span
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record


# --- Fault 6: numbers too large for a finite float -------------------------------------------

@pytest.mark.parametrize("text, written", [
    (f"The budget is VND {'9' * 300} billion.", f"VND {'9' * 300} billion"),
    (f"The budget is VND {NINES}.", f"VND {NINES}"),
    (f"The budget is VND {NINES}.5 billion.", f"VND {NINES}.5 billion"),
    (f"Growth was {NINES} percent.", f"{NINES} percent"),
    (f"Output rose {NINES}-fold.", f"{NINES}-fold"),
    (f"Output is {NINES} times higher than last year.", f"{NINES} times"),
    (f"The province has {NINES} households.", NINES),
    (f"The province planted {NINES} ha of forest.", f"{NINES} ha"),
    (f"The plan costs VND 5-{NINES} billion.", f"VND 5-{NINES} billion"),
    (f"The plan costs from VND 5 billion to VND {NINES} billion.", f"from VND 5 billion to VND {NINES} billion"),
    ("The budget is VND 5" + " trillion" * 30 + " dong.", "VND 5" + " trillion" * 30 + " dong"),
    ("The budget is VND 5" + "-trillion" * 30 + ".", "VND 5" + "-trillion" * 30),
    (f"The budget is US$ {HUNDREDS} billion.", f"US$ {HUNDREDS} billion"),
], ids=["money", "money_no_scale", "money_decimals", "percent", "fold", "times", "count", "quantity",
        "range_dash", "range_from_to", "stacked_scales", "hyphenated_scales", "number_words"])
def test_a_number_too_large_for_a_float_is_left_out_with_a_warning(loaded, text, written):
    record = loaded.extract(text)
    check_record(record, text)
    assert record.amounts == []
    start = text.index(written)
    shown = written[:30] + "..." + written[-25:]
    assert [w for w in record.warnings if "too large" in w] == [
        f"amount {shown!r} at {start}-{start + len(written)}: too large for a number, left out"]


def test_the_other_amounts_stay(loaded):
    text = f"Revenue reached VND 5 billion, up 12 percent, while the fund claimed VND {NINES} billion."
    record = loaded.extract(text)
    check_record(record, text)
    assert [(a.text, a.value) for a in record.amounts] == [("VND 5 billion", 5e9), ("12 percent", 12)]
    assert len([w for w in record.warnings if "too large" in w]) == 1


@pytest.mark.parametrize("text", [
    f"The province aims to reach VND {'9' * 300} billion by 2030.",
    f"So far {NINES} out of {NINES} targets have been achieved.",
    f"So far 20 of {NINES} targets have been achieved.",
    f"The province set {NINES} targets, of which {NINES} were achieved.",
], ids=["goal", "out_of", "of", "of_which"])
def test_targets_take_no_value_too_large_for_a_float(loaded, text):
    record = loaded.extract(text, published="2024-07-31")
    check_record(record, text)


def test_numbers_return_finite_values_or_none():
    assert numbers.parse_numeral(NINES) is None and numbers.too_large(NINES)
    assert numbers.parse_numeral("9" * 300, numbers.COMMA) == 1e300
    assert numbers.parse_numeral("1,20,3") is None and not numbers.too_large("1,20,3")
    assert numbers.parse_words(HUNDREDS) is None and numbers.too_large(HUNDREDS)
    assert numbers.parse_words("one hundred and twenty") == 120 and not numbers.too_large("one hundred and twenty")
    assert numbers.scaled(5, "trillion " * 30) is None
    assert numbers.scaled(0, "trillion " * 30) == 0  # not inf * 0, which is NaN
    assert numbers.scaled(5, "lakh crore") == 5e12


# --- Fault 7b: reference dates in years 1 and 9999 --------------------------------------------

BOUNDS = [date(1, 1, 1), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 31)]
ISO = re.compile(r"(?:\d{4}|XXXX)(?:-\d\d){0,2}(?:/(?:\d{4}|XXXX)(?:-\d\d){0,2})?")
NEAR_BOUNDS = ("The People's Council held a meeting on Monday. Last year, this year and next year, the province "
               "grew. Yesterday it met on December 31 and on January 1, and on the 5th. In the first six months, "
               "the second quarter and in February, output rose. The conference will be held on January 2 and "
               "from March to May, on 31/12 and 1/1, from December 30 to 31. The province aims to reach VND 5 "
               "billion by December 31.")


@pytest.mark.parametrize("published", BOUNDS, ids=str)
@pytest.mark.parametrize("name", ["d000", "c006", "c011", "near_bounds"])
def test_any_published_date_of_years_1_to_9999_extracts(loaded, published, name):
    text = NEAR_BOUNDS if name == "near_bounds" else (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    record = loaded.extract(text, published=published.isoformat())
    check_record(record, text)
    assert record.source.published == published
    values = [d.value for d in record.dates] + [t.deadline for t in record.targets if t.deadline]
    values += [record.event.date.value] if record.event and record.event.date else []
    assert values and all(ISO.fullmatch(v) for v in values), values


def dates_of(record):
    """Each date text's first value and where its year came from."""
    found = {}
    for d in record.dates:
        found.setdefault(d.text, (d.value, d.year_from))
    return found


def test_days_before_year_1_have_no_year(loaded):
    record = loaded.extract(NEAR_BOUNDS, published="0001-01-01")
    dates = dates_of(record)
    assert dates["December 31"] == ("XXXX-12-31", None)
    assert dates["January 1"] == ("0001-01-01", "reference")
    assert dates["the 5th"] == ("XXXX-12-05", None)
    assert dates["this year"] == ("0001", "reference") and dates["next year"] == ("0002", "reference")
    assert "Last year" not in dates  # year 0
    assert dates["January 2"] == ("0001-01-02", "reference")
    assert (record.event.date.value, record.event.date.year_from) == ("0001-01-01", "reference")  # Monday


def test_days_after_year_9999_have_no_year(loaded):
    record = loaded.extract(NEAR_BOUNDS, published="9999-12-31")
    dates = dates_of(record)
    assert dates["January 2"] == ("XXXX-01-02", None)  # "will be held": the next one, in year 10000
    assert dates["December 31"] == ("9999-12-31", "reference")
    assert dates["Last year"] == ("9998", "reference") and dates["this year"] == ("9999", "reference")
    assert "next year" not in dates  # year 10000
    assert record.event.date.value == "9999-12-27"  # the Monday before


def test_a_relative_day_before_year_1_has_no_year(loaded):
    record = loaded.extract("The People's Council held a meeting yesterday to review the budget of the "
                            "province for the coming years.", published="0001-01-01")
    assert (record.event.date.value, record.event.date.year_from) == ("XXXX-12-31", None)


@pytest.mark.parametrize("text, reference, coming, value", [
    ("December 31", date(1, 1, 1), False, "XXXX-12-31"),
    ("January 1", date(1, 1, 1), True, "0001-01-01"),
    ("July 4", date(1, 6, 15), False, "XXXX-07-04"),
    ("February 29", date(1, 12, 31), True, "0004-02-29"),
    ("January 2", date(9999, 12, 31), True, "XXXX-01-02"),
    ("December 31", date(9999, 12, 31), True, "9999-12-31"),  # the reference day itself
    ("January", date(9999, 6, 15), True, "XXXX-01"),
    ("February 29", date(9999, 1, 1), False, "9996-02-29"),
    ("January 1, 9999", date(1, 1, 1), False, "9999-01-01"),  # a year the text writes stays
    ("31/12/2024", date(1, 1, 1), False, "2024-12-31"),
], ids=["past_before_1", "coming_same_day", "past_mid_year", "coming_leap", "coming_after_9999",
        "coming_same_month", "coming_month_after_9999", "past_leap", "written_year", "full_date"])
def test_normalize_near_the_first_and_last_year(text, reference, coming, value):
    point = temporal.normalize(text, reference, coming=coming)
    assert point is not None and point.value == value
    assert not (value.startswith("XXXX") and point.inferred)

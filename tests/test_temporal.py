from datetime import date

import pytest

from extractor import temporal

REFERENCE = date(2024, 7, 31)


@pytest.mark.parametrize("text, reference, coming, value", [
    # A day, month and year written: read as written.
    ("31 July 2024", REFERENCE, False, "2024-07-31"),
    ("31st of July, 2024", REFERENCE, False, "2024-07-31"),
    ("July 31, 2024", None, False, "2024-07-31"),
    ("2024-Jul-31", REFERENCE, False, "2024-07-31"),
    ("Sept. 2015", REFERENCE, False, "2015-09"),
    ("2024, July", REFERENCE, False, "2024-07"),
    ("2023", REFERENCE, False, "2023"),
    # No year: the last on or before the reference, or, coming, the first on or after it.
    ("Sept. 30", REFERENCE, False, "2023-09-30"),
    ("SEPT 30th", REFERENCE, True, "2024-09-30"),
    ("July 31", REFERENCE, True, "2024-07-31"),
    ("5 July", REFERENCE, True, "2025-07-05"),
    ("July", REFERENCE, False, "2024-07"),
    ("December", REFERENCE, False, "2023-12"),
    ("February 29", date(2023, 7, 31), False, "2020-02-29"),
    ("February 29", REFERENCE, True, "2028-02-29"),
    ("February", date(2024, 1, 30), False, "2023-02"),  # dateparser read 2020: 29 February moved a leap year
    ("February", REFERENCE, True, "2025-02"),
    ("July 31", None, False, "XXXX-07-31"),
    # Shapes no written shape knows: dateparser's.
    ("31/7/2024", REFERENCE, False, "2024-07-31"),
    ("the 31st of July", REFERENCE, False, "2024-07-31"),
], ids=["day_month_year", "ordinal_of", "month_day_year", "year_first", "abbreviation_year", "year_month", "year",
        "past", "coming", "coming_reference_day", "coming_next_year", "month_of_reference", "month_last_year",
        "leap_past", "leap_coming", "month_near_leap_day", "month_coming", "no_reference",
        "numeric", "with_the"])
def test_normalize(text, reference, coming, value):
    point = temporal.normalize(text, reference, coming=coming)
    assert point is not None and point.value == value


@pytest.mark.parametrize("text", ["June 31", "June 31, 2024", "February 29, 2023", "February 30", "31 Sept"])
def test_a_day_the_month_lacks_is_no_date(text):
    assert temporal.normalize(text, REFERENCE) is None


@pytest.mark.parametrize("text", ["31st of July, 2024", "Sept. 30", "FEB", "2024/Jul/31", "July-31", "2023"])
def test_written_shapes_need_no_dateparser(text, monkeypatch):
    monkeypatch.setattr(temporal, "_parse", lambda *args: pytest.fail(f"dateparser read {text!r}"))
    assert temporal.normalize.__wrapped__(text, REFERENCE) is not None

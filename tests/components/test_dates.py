"""Dates: every shape issue 3 lists, normalized; the reference-date rules; and what is no date."""

from datetime import date

import pytest
import time_machine


def values(loaded, text, published=None):
    return sorted({d.value for d in loaded.extract(text, published=published).dates})


CASES = [
    # Days, with and without a year, in the genre's shapes.
    ("day_with_suffix", "On the afternoon of July 31st, the province held a conference.", "2024-07-31",
     ["2024-07-31"]),
    ("day_month_year", "The meeting was held on 31 July 2024.", None, ["2024-07-31"]),
    ("numeric_day_first", "Signed on 31/7/2024 in Hanoi.", None, ["2024-07-31"]),
    ("ordinal_day_month", "The plant opens on 2nd July 2024.", None, ["2024-07-02"]),
    ("day_of_month_year", "It was approved on the 25th of December 2023.", None, ["2023-12-25"]),
    ("day_range", "The fair runs from July 8 to July 10, 2024.", None, ["2024-07-08/2024-07-10"]),
    ("day_range_short", "Floods from October 9 to 12 damaged crops.", None, ["XXXX-10-09/XXXX-10-12"]),
    ("day_pair", "The congress takes place on October 2 and 3.", None, ["XXXX-10-02", "XXXX-10-03"]),
    ("days_then_month", "The forum ran 1–3 July 2024 in Pattaya.", None, ["2024-07-01/2024-07-03"]),
    ("numeric_day_month_after_preposition", "On the afternoon of 22/5, the delegation arrived.", None, ["XXXX-05-22"]),
    # Months and years.
    ("month_year", "In September 2015, he was elected.", None, ["2015-09"]),
    # Issue 14: a two-digit period end, a month's possessive, "the months of".
    ("period_with_two_digit_end", "The plan for 2017-20 was approved.", None, ["2017/2020"]),
    ("month_possessive", "February's meeting approved the plan.", "2024-06-14", ["2024-02"]),
    ("between_the_months_of", "Between the months of May to July, the province planted trees.", "2024-06-14",
     ["2024-05/2024-07"]),
    ("historical_year", "The Party was founded in 1930.", None, ["1930"]),
    # Issue 15 (part): ranges of days written day first, dotted numeric dates, a quarter after its year.
    ("days_from_to_month", "The fair runs from 13th to 15th July 2025 in Da Nang.", None, ["2025-07-13/2025-07-15"]),
    ("between_days_of_month", "Floods hit between 3 and 12 of Sept 2025.", None, ["2025-09-03/2025-09-12"]),
    ("dotted_numeric_date", "The decree was signed on 22.02.2016.", None, ["2016-02-22"]),
    ("dotted_version_is_no_date", "Version 1.2.2016 of the software shipped.", None, []),
    ("year_then_quarter", "Results for 2016 Q3 were released.", None, ["2016", "2016-07/2016-09"]),
    ("in_year", "Exports grew in 2023.", None, ["2023"]),
    ("by_year", "By 2023, all communes met the criteria.", None, ["2023"]),
    ("compared_to_year", "Capital rose 3.07-fold compared to 2014.", None, ["2014"]),
    ("early_year", "Work will start in early 2025.", None, ["2025"]),
    ("first_months", "In the first six months of 2024, revenue rose.", None, ["2024", "2024-01/2024-06"]),
    ("quarter", "Growth in Q3/2024 reached 7%.", None, ["2024", "2024-07/2024-09"]),
    ("half_year", "Exports in H1 2024 rose.", None, ["2024", "2024-01/2024-06"]),
    ("mid_year", "The line opens in mid-2025.", None, ["2025"]),
    ("month_range", "Revenue between January and September 2024 rose.", None, ["2024-01/2024-09"]),
    ("quarter_without_slash", "Sales in Q1 2024 fell.", None, ["2024", "2024-01/2024-03"]),
    ("capital_month", "Posted On: 14 FEB 2024 6:35PM", None, ["2024-02-14"]),
    ("day_of_month_with_reference", "On the 5th, the delegation visited the port.", "2024-11-07", ["2024-11-05"]),
    ("days_of_month", "It closed after two working days, the 15th-16th.", "2025-10-17", ["2025-10-15/2025-10-16"]),
    # Periods.
    ("period_with_orientation", "for the period 2021-2025, with orientation to 2030", None, ["2021/2025", "2030"]),
    ("term", "the 2021-2026 term of the Council", None, ["2021/2026"]),
    ("spaced_period", "the medium-term plan 2026 - 2030", None, ["2026/2030"]),
    ("from_to_years", "from 2021 to 2025", None, ["2021/2025"]),
    ("fiscal_year", "in fiscal 2024-25", None, ["2024/2025"]),
    ("fiscal_years_range", "from 2006-07 to 2012-13", None, ["2006/2013"]),
    # Not dates.
    ("durations", "After 10 years, the plan was completed three years ahead of schedule.", None, []),
    ("document_numbers", "Directive 40 and Decree 78/2002/ND-CP took effect.", None, []),
    ("day_name_in_a_name", "Ms. Nguyen Thi Thu Ha spoke.", None, []),
    ("ordinal_session", "The 19th session of the 18th Council opened.", None, []),
    ("time_of_day", "The meeting began at 9:30 am.", None, []),
    ("copyright_line", "Copyright © 2012 Example News. All rights reserved.", None, []),
    ("fraction_of_targets", "20/25 targets were met.", None, []),
    ("may_the_verb", "Delegates may propose changes.", None, []),
]


@pytest.mark.parametrize("text, published, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dates(loaded, text, published, expected):
    assert values(loaded, text, published) == expected


@pytest.mark.parametrize("text, published, expected, year_from", [
    # The reference's year; the year before when that would pass the reference...
    ("The meeting was held on August 14.", "2024-07-31", "2023-08-14", "reference"),
    # ... unless the text speaks of what is coming.
    ("The congress will be held on August 14.", "2024-07-31", "2024-08-14", "reference"),
    ("Reports are due before August 14.", "2024-07-31", "2024-08-14", "reference"),
    # No reference: a month-year for the same month in the text settles it, else the year is unknown.
    ("On February 23, the committee held its regular meeting in February 2023.", None, "2023-02-23", "context"),
    ("On the afternoon of August 14, the bank held a conference.", None, "XXXX-08-14", None),
    # A month alone takes the reference's year.
    ("She was appointed in May.", "2020-10-12", "2020-05", "reference"),
    # A deadline already past: "by the end of May, counties had received ..."
    ("By the end of May, counties had received 76 percent of the funds.", "2024-06-13", "2024-05", "reference"),
    ("Districts must report before 30/6.", "2025-06-05", "2025-06-30", "reference"),
    # The reference day itself, spoken of as coming, is that day.
    ("The government will channel the funds from March 5.", "2024-03-05", "2024-03-05", "reference"),
], ids=["past_year_before_reference", "coming", "deadline", "month_year_context", "unknown_year", "month_alone",
        "past_deadline", "numeric_deadline", "coming_today"])
def test_the_year_of_a_day_or_month(loaded, text, published, expected, year_from):
    date, = [d for d in loaded.extract(text, published=published).dates if d.value != "2023-02"]
    assert (date.value, date.year_from) == (expected, year_from)


@pytest.mark.parametrize("text, published, expected", [
    ("Revenue this year rose 5% over last year.", "2024-07-31", ["2023", "2024"]),
    ("Revenue this year rose 5% over last year.", None, []),
], ids=["resolved", "left_out_without_reference"])
def test_relative_years(loaded, text, published, expected):
    assert values(loaded, text, published) == expected


def test_a_header_date_is_the_reference_when_none_is_given(loaded):
    text = "03/12/2019 - 14:15\n\nOn December 3, the conference of the Provincial Party Committee opened."
    record = loaded.extract(text)
    assert values(loaded, text) == ["2019-12-03"]
    assert record.dates[0].evidence.rule == "dates.dateline"


def test_output_does_not_depend_on_the_clock(loaded):
    text = "On August 14, the bank held a conference. Reports are due before May 15 and in early 2025."
    now = loaded.extract(text, published="2024-07-31").model_dump()
    with time_machine.travel("2031-03-01", tick=False):
        assert loaded.extract(text, published="2024-07-31").model_dump() == now
        assert [d.value for d in loaded.extract(text).dates][0] == "XXXX-08-14"


def test_the_model_s_date_entities_are_candidates_too(loaded):
    """Its month-naming DATE entities; durations ("ten years") are no candidates."""
    from extractor.components.dates import model_dates

    doc = loaded.nlp("Over ten years the fund grew. The board met on August 14, 2024 in Hanoi.")
    assert [(f.rule, f.match.group()) for f in model_dates(doc)] == [("dates.ner", "August 14, 2024")]


@pytest.mark.parametrize(("text", "value"), [
    ("The province will hold a forum next year. Last week the board met on December 20.", "2023-12-20"),
    ("The board met last week. The province will hold a forum on December 20.", "2024-12-20"),
])
def test_a_model_date_reads_its_own_sentence(text, value):
    """Whether a date is to come is read in the sentence it stands in: a model date's match is on
    the entity's text, and its offsets there once sent the question to the text's first sentence."""
    from extractor.components.dates import NER_DATE, Context, Found, normalize

    m = NER_DATE.search("December 20")
    start = text.index("December 20")
    assert normalize(Found(start, start + len(m.group()), "dates.ner", m), Context(date(2024, 7, 31), text)) == [
        (value, "reference")]

"""Relative dates (issue 15): days, weekdays, weeks, months and offsets counted from the reference
date, the caller's `published`; none without one, and a warning that says to give it."""

import pytest

from extractor.relative_dates import RULES


def dates(loaded, text, published):
    """The relative dates of the record: (text, value, rule)."""
    return [(d.text, d.value, d.evidence.rule) for d in loaded.extract(text, published=published).dates
            if d.evidence.rule in RULES]


# Published Thursday 2024-03-14 unless a row says otherwise.
CASES = [
    # Days named by their distance from the reference.
    ("yesterday", "The delegation arrived in Hanoi yesterday.", "2024-03-14", [("yesterday", "2024-03-13")]),
    ("today", "The province opens its trade fair today.", "2024-03-14", [("today", "2024-03-14")]),
    ("day_after_tomorrow", "Voting ends the day after tomorrow.", "2024-03-14",
     [("the day after tomorrow", "2024-03-16")]),
    # A weekday alone is the last one on or before the reference: news reports the past ...
    ("weekday_past", "The minister met the ambassador on Tuesday.", "2024-03-14", [("Tuesday", "2024-03-12")]),
    ("weekday_is_the_reference", "Ministers signed the accord on Thursday.", "2024-03-14",
     [("Thursday", "2024-03-14")]),
    # ... but the next one when the sentence speaks of what is coming.
    ("weekday_future", "The summit will open on Tuesday in Da Nang.", "2024-03-14", [("Tuesday", "2024-03-19")]),
    ("last_weekday", "Last Friday the council approved the budget.", "2024-03-14", [("Last Friday", "2024-03-08")]),
    ("next_weekday", "Talks resume next Monday.", "2024-03-14", [("next Monday", "2024-03-18")]),
    ("this_weekday", "The port reopens this Saturday.", "2024-03-14", [("this Saturday", "2024-03-16")]),
    ("weekday_of_next_week", "Inspectors arrive on Wednesday of next week.", "2024-03-14",
     [("on Wednesday of next week", "2024-03-20")]),
    ("next_week_weekday", "The board meets next week on Tuesday.", "2024-03-14",
     [("next week on Tuesday", "2024-03-19")]),
    # Weeks (Monday to Sunday), months, named months.
    ("this_week", "Exporters shipped more rice this week.", "2024-03-14", [("this week", "2024-03-11/2024-03-17")]),
    ("last_month", "Prices rose last month.", "2024-03-14", [("last month", "2024-02")]),
    ("early_next_week", "Results are expected early next week.", "2024-03-14",
     [("early next week", "2024-03-18/2024-03-20")]),
    ("later_this_month", "A second round will follow later this month.", "2024-03-14",
     [("later this month", "2024-03-16/2024-03-31")]),
    ("last_named_month", "The dam was finished last October.", "2024-03-14", [("last October", "2023-10")]),
    ("next_named_month", "The line opens next June.", "2024-03-14", [("next June", "2024-06")]),
    ("month_next_year", "Elections follow in May next year.", "2024-03-14", [("May next year", "2025-05")]),
    # Offsets from the reference.
    ("days_ago", "The storm struck 3 days ago.", "2024-03-14", [("3 days ago", "2024-03-11")]),
    ("month_ago", "The agency warned a month ago.", "2024-03-31", [("a month ago", "2024-02-29")]),
    ("compound_ago", "The plan began 1 year 2 months 3 days ago.", "2024-03-14",
     [("1 year 2 months 3 days ago", "2023-01-11")]),
    ("weeks_from_tomorrow", "The fair closes two weeks from tomorrow.", "2024-03-14",
     [("two weeks from tomorrow", "2024-03-29")]),
    ("in_weeks_future", "The new bridge will open in 3 weeks.", "2024-03-14", [("in 3 weeks", "2024-04-04")]),
    # Days and weekdays of a month.
    ("last_quarter", "Exports fell by a tenth last quarter.", "2024-05-10", [("last quarter", "2024-01/2024-03")]),
    ("next_quarter_across_a_year", "The port will open next quarter.", "2024-11-20", [("next quarter", "2025-01/2025-03")]),
    ("current_quarter", "Output in the current quarter rose.", "2024-05-10", [("current quarter", "2024-04/2024-06")]),
    ("day_of_next_month", "Registration closes on the 5th of next month.", "2024-03-14",
     [("the 5th of next month", "2024-04-05")]),
    ("first_weekday_of_month", "The forum is held on the first Monday of July.", "2024-03-14",
     [("the first Monday of July", "2023-07-03")]),
    ("last_weekday_of_next_month", "Payments fall due the last Friday of next month.", "2024-03-14",
     [("the last Friday of next month", "2024-04-26")]),
    # Lower case only where the text capitalizes no calendar word.
    ("lowercase_text", "see you friday, the team flies back tomorrow", "2024-03-14",
     [("friday", "2024-03-08"), ("tomorrow", "2024-03-15")]),
    ("lowercase_abbreviation_after_on", "the shipment left on tues", "2024-03-14", [("tues", "2024-03-12")]),
    # Not dates counted from the reference.
    ("narrative_later", "The flood came. Two days later the dyke broke.", "2024-03-14", []),
    ("in_years_is_a_duration", "The province will double output in 10 years.", "2024-03-14", []),
    ("in_weeks_past_is_a_duration", "The bridge was built in 3 weeks.", "2024-03-14", []),
    ("weekday_in_a_name", "Black Friday sales rose sharply.", "2024-03-14", []),
    ("every_weekday", "Every Monday the committee meets.", "2024-03-14", []),
    ("weekday_before_its_date", "On Friday, March 8, the port reopened.", "2024-03-14", []),  # its date is the fact
    ("lowercase_weekday_in_news", "The firm said friday was a holiday. In March it grew.", "2024-03-14", []),
    ("may_the_verb", "this may take longer than planned", "2024-03-14", []),
]


@pytest.mark.parametrize("text, published, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_relative_dates(loaded, text, published, expected):
    assert [(t, v) for t, v, _ in dates(loaded, text, published)] == expected


# Periods (issue 15): published Thursday 2024-03-14 unless a row says otherwise.
PERIOD_CASES = [
    # Units counted back or on from the reference, which is neither past nor next.
    ("past_weeks", "Turnout has fallen in the past three weeks.", "2024-03-14",
     [("the past three weeks", "2024-02-22/2024-03-13")]),
    ("next_days", "Ferries stay in port the next 2 days.", "2024-03-14", [("the next 2 days", "2024-03-15/2024-03-16")]),
    ("last_months", "Exports doubled in the last two months.", "2024-03-14",
     [("the last two months", "2024-01-14/2024-03-13")]),
    ("previous_weeks", "The previous 3 weeks brought heavy rain.", "2024-03-14",
     [("The previous 3 weeks", "2024-02-22/2024-03-13")]),
    # A count the text does not give, or a duration, is no period to date.
    ("vague_count", "Prices climbed in the past few weeks and the past several days.", "2024-03-14", []),
    ("a_few_days_ago", "The envoy arrived a few days ago.", "2024-03-14", []),
    ("duration_over", "Over the past 10 years the fund lent VND 5 trillion.", "2024-03-14", []),
    ("duration_for", "The subsidy is extended for the next five years.", "2024-03-14", []),
    ("last_the_verb", "The session is to last three days.", "2024-03-14", []),
    ("last_months_of_a_year", "Plans for the last 6 months of 2024 were set.", "2024-03-14", []),
    # Weekends: the reference week's; in a past sentence the last one.
    ("this_weekend", "Markets expect calm this weekend.", "2024-03-14", [("this weekend", "2024-03-16/2024-03-17")]),
    ("the_weekend_coming", "Crews will work over the weekend.", "2024-03-18", [("the weekend", "2024-03-23/2024-03-24")]),
    ("the_weekend_past", "Farmers protested over the weekend.", "2024-03-18", [("the weekend", "2024-03-16/2024-03-17")]),
    ("next_weekend", "The ferry resumes next weekend.", "2024-03-14", [("next weekend", "2024-03-23/2024-03-24")]),
    ("week_after_next", "Delegates return the week after next.", "2024-03-14",
     [("the week after next", "2024-03-25/2024-03-31")]),
    # The rest of a period, and a period to date.
    ("rest_of_week", "The bridge stays shut for the rest of the week.", "2024-03-14",
     [("the rest of the week", "2024-03-14/2024-03-17")]),
    ("remainder_of_year", "Rates hold for the remainder of the year.", "2024-03-14",
     [("the remainder of the year", "2024-03-14/2024-12-31")]),
    ("year_to_date", "Arrivals are up 12% year to date.", "2024-03-14", [("year to date", "2024-01-01/2024-03-14")]),
    # Weeks of a month or year: Monday to Sunday, the week whose Thursday the month or year holds.
    ("nth_week_of_this_month", "Audits start in the second week of this month.", "2024-03-14",
     [("the second week of this month", "2024-03-11/2024-03-17")]),
    ("last_week_of_named_month", "The harvest fair will run in the last week of May.", "2024-03-14",
     [("the last week of May", "2024-05-27/2024-06-02")]),
    ("first_week_of_year", "Rules apply from the first week of 2026.", "2024-03-14",
     [("the first week of 2026", "2025-12-29/2026-01-04")]),
    ("nth_week_next_year", "Tenders open in the third week of next year.", "2024-03-14",
     [("the third week of next year", "2025-01-13/2025-01-19")]),
    ("week_of_a_day", "Officials will visit the week of April 17th.", "2024-03-14",
     [("the week of April 17th", "2024-04-15/2024-04-21")]),
    ("week_beginning_a_day", "Hearings will be held the week beginning April 22.", "2024-03-14",
     [("the week beginning April 22", "2024-04-22/2024-04-28")]),
    # Days of a month counted from the reference's.
    ("days_of_this_month", "Stalls open from 5 to 20 this month.", "2024-03-14",
     [("from 5 to 20 this month", "2024-03-05/2024-03-20")]),
    ("days_between_next_month", "Voting runs between 8 and 12 next month.", "2024-03-14",
     [("between 8 and 12 next month", "2024-04-08/2024-04-12")]),
    ("days_till_of_this_month", "Roads close 3 till 9 of this month.", "2024-03-14",
     [("3 till 9 of this month", "2024-03-03/2024-03-09")]),
    ("last_day_of_this_month", "Bids close on the 31st of this month.", "2024-03-14",
     [("the 31st of this month", "2024-03-31")]),
    ("numbers_that_changed", "Cases rose from 4 to 22 this month.", "2024-03-14", [("this month", "2024-03")]),
    # A modifier widens the span; the value is the period named.
    ("early_next_year", "The line should open early next year.", "2024-03-14", [("early next year", "2025")]),
    ("mid_next_week", "Ministers meet mid next week.", "2024-03-14", [("mid next week", "2024-03-18/2024-03-24")]),
    ("end_of_next_week", "Ballots are counted by the end of next week.", "2024-03-14",
     [("the end of next week", "2024-03-18/2024-03-24")]),
    ("beginning_of_next_month", "Fees rise at the beginning of next month.", "2024-03-14",
     [("the beginning of next month", "2024-04")]),
    ("end_of_the_year", "The dyke will be finished by the end of the year.", "2024-03-14",
     [("the end of the year", "2024")]),
    ("later_this_year", "A second plant opens later this year.", "2024-03-14", [("later this year", "2024-07-01/2024-12-31")]),
]


@pytest.mark.parametrize("text, published, expected", [c[1:] for c in PERIOD_CASES], ids=[c[0] for c in PERIOD_CASES])
def test_relative_periods(loaded, text, published, expected):
    found = [d for d in loaded.extract(text, published=published).dates if d.evidence.rule in RULES]
    assert [(d.text, d.value) for d in found] == expected
    assert all(d.evidence.text == text[d.evidence.start:d.evidence.end] == d.text for d in found)


def test_a_period_without_a_reference_warns(loaded):
    record = loaded.extract("The bridge stays shut for the rest of the week.")
    assert record.dates == [] and "'the rest of the week' at 26-46" in record.warnings[0]


def test_evidence_is_the_input_s_text(loaded):
    text = "The delegation arrived in Hanoi yesterday and leaves next Monday."
    record = loaded.extract(text, published="2024-03-14")
    assert [(d.evidence.rule, text[d.evidence.start:d.evidence.end]) for d in record.dates] == [
        ("dates.relative_day", "yesterday"), ("dates.weekday", "next Monday")]
    assert {d.year_from for d in record.dates} == {"reference"}


def test_without_a_reference_there_is_a_warning_and_no_value(loaded):
    text = "The delegation arrived in Hanoi yesterday."
    record = loaded.extract(text)
    assert record.dates == []
    warning, = record.warnings
    assert "'yesterday' at 32-41" in warning and "publication date" in warning


def test_a_dateline_is_the_reference(loaded):
    text = "HANOI, March 14, 2024 -\n\nThe delegation arrived in Hanoi yesterday."
    assert ("yesterday", "2024-03-13", "dates.relative_day") in dates(loaded, text, None)


@pytest.mark.parametrize("published, expected", [
    ("0001-01-01", [("yesterday", "XXXX-12-31"), ("tomorrow", "0001-01-02")]),  # no year before year 1
    ("9999-12-31", [("yesterday", "9999-12-30"), ("tomorrow", "XXXX-01-01")]),
], ids=["first_day", "last_day"])
def test_references_at_the_calendar_s_ends(loaded, published, expected):
    found = dates(loaded, "The fair opened yesterday and closes tomorrow.", published)
    assert [(t, v) for t, v, _ in found] == expected


def test_a_day_the_text_states_beats_the_same_day_counted(loaded):
    record = loaded.extract("The assembly met last Friday [October 25, 2024] in Tamale.", published="2024-10-28")
    assert [(d.text, d.value, d.year_from) for d in record.dates] == [("October 25, 2024", "2024-10-25", "text")]


def test_the_event_s_day_is_one_the_text_states(loaded):
    """Relative spans are labelled apart (RELATIVE_DATE): the event stage reads its weekdays itself."""
    record = loaded.extract("The provincial congress closed on Thursday after two working days, the 15th-16th.",
                            published="2025-10-16")
    assert ("Thursday", "2025-10-16") in [(d.text, d.value) for d in record.dates]
    assert (record.event.date.value, record.event.date.text) == ("2025-10-15", "the 15th-16th")

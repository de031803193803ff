"""Issue 15: the date shapes other outlets write, each on a sentence of our own, and the date order.

Numeric dates in either order and with two-digit years, months glued to their days, days written as
ordinal words, a weekday naming a day of the month, lower-case calendar words in a lower-case text,
months and quarters named other ways; beside each, what looks like one of them and is no date.
"""

import pytest
from typer.testing import CliRunner

from extractor import Extractor
from extractor.cli import app


def dates(extractor, text, published=None):
    """(evidence text, value) of every date, each evidence checked against the text."""
    record = extractor.extract(text, published=published)
    for d in record.dates:
        assert text[d.evidence.start:d.evidence.end] == d.evidence.text == d.text
    return sorted((d.text, d.value) for d in record.dates)


CASES = [
    # Numeric dates: the number over 12 is the day; two-digit years as %y reads them.
    ("month_first_when_the_day_is_over_12", "The board approved the plan on 09/18/2023.", None,
     [("09/18/2023", "2023-09-18")]),
    ("day_first_by_default", "The board approved the plan on 05/03/2024.", None, [("05/03/2024", "2024-03-05")]),
    ("the_text_s_other_dates_set_the_order", "Filed 12/25/2023; the hearing was on 05/03/2024.", None,
     [("05/03/2024", "2024-05-03"), ("12/25/2023", "2023-12-25")]),
    ("two_digit_year", "The agreement signed on 21/04/19 took effect.", None, [("21/04/19", "2019-04-21")]),
    ("two_digit_year_of_the_last_century", "The school opened on 05/09/87.", None, [("05/09/87", "1987-09-05")]),
    ("dashed_numeric_date", "Ballots were counted on 14-11-2022.", None, [("14-11-2022", "2022-11-14")]),
    ("dotted_single_digit_month", "The law passed on 13.5.2015.", None, [("13.5.2015", "2015-05-13")]),
    ("year_first_with_slashes", "The contract is dated 2021/08/12.", None, [("2021/08/12", "2021-08-12")]),
    ("year_first_with_points", "Registered 2018.7.6 at the office.", None, [("2018.7.6", "2018-07-06")]),
    ("month_first_day_month_after_on", "The market reopened on 4-22.", "2024-05-01", [("4-22", "2024-04-22")]),
    ("month_and_year_in_numbers", "Exports fell in 11/2022 and rose in 2023-03.", None,
     [("11/2022", "2022-11"), ("2023-03", "2023-03")]),
    # Month names glued to numbers, with points and "of".
    ("month_dash_day", "The fair opened Oct-2.", "2024-10-20", [("Oct-2", "2024-10-02")]),
    ("day_dash_month", "Deliveries began 28-Nov in the north.", "2024-12-01", [("28-Nov", "2024-11-28")]),
    ("year_dash_month_word_dash_day", "Signed 2019-Sep-1 in Vientiane.", None, [("2019-Sep-1", "2019-09-01")]),
    ("day_point_month_point_year", "Adopted 16. Nov. 2021 by the council.", None, [("16. Nov. 2021", "2021-11-16")]),
    ("day_of_year", "The bridge opened January 12 of 2016.", None, [("January 12 of 2016", "2016-01-12")]),
    ("weekday_before_a_date_is_no_year", "It was held on Tuesday, May 9, 2023.", None, [("May 9, 2023", "2023-05-09")]),
    # Days as ordinal words, and a weekday naming the day.
    ("ordinal_word_of_month", "The festival opened on the second of August.", "2024-09-01",
     [("the second of August", "2024-08-02")]),
    ("month_then_ordinal_word", "Voting will end June twenty-first.", "2024-06-01", [("June twenty-first", "2024-06-21")]),
    ("ordinal_word_of_month_and_year", "It closed on the thirtieth of April, 1975.", None,
     [("the thirtieth of April, 1975", "1975-04-30")]),
    ("day_of_month_as_a_word", "Delegates return for the twenty-second.", "2024-03-05",
     [("the twenty-second", "2024-02-22")]),
    ("weekday_settles_the_month", "The talks resumed on Friday the 22nd.", "2024-04-02", [("Friday the 22nd", "2024-03-22")]),
    ("weekday_with_an_ordinal_word", "The summit opened Thursday the seventh.", "2024-11-10",
     [("Thursday the seventh", "2024-11-07")]),
    # Months and quarters named other ways.
    ("the_month_of", "Rainfall peaked in the month of October.", "2024-12-01", [("the month of October", "2024-10")]),
    ("year_then_month", "The count was taken in 2016 November.", None, [("2016 November", "2016-11")]),
    ("quarter_of_this_year", "Growth slowed in the third quarter this year.", "2024-12-01",
     [("the third quarter this year", "2024-07/2024-09")]),
    ("next_year_s_quarter", "The line opens in next year's second-quarter.", "2024-12-01",
     [("next year's second-quarter", "2025-04/2025-06")]),
    ("a_bare_quarter_is_this_year_s", "Revenue doubled during Q1.", "2024-06-01", [("Q1", "2024-01/2024-03")]),
    # Ranges with "through".
    ("days_through", "Schools closed between November 15th through the 19th.", "2024-11-25",
     [("between November 15th through the 19th", "2024-11-15/2024-11-19")]),
    # Two dates joined as a period's ends, and a modifier kept in the span.
    ("two_dates_joined_by_until", "Registration ran from 2023/08/14 until October 2.", None,
     [("from 2023/08/14 until October 2", "2023-08-14/2023-10-02")]),
    ("between_two_days", "Applications were taken between January 3rd and April 5th.", "2024-06-01",
     [("between January 3rd and April 5th", "2024-01-03/2024-04-05")]),
    ("numeric_days_joined", "The fair ran from 10/1 to 11/7 last year.", None, [("from 10/1 to 11/7", "XXXX-01-10/XXXX-07-11")]),
    ("months_of_two_years", "Sales from July 2024 to June 2025 rose.", None, [("from July 2024 to June 2025", "2024-07/2025-06")]),
    ("weekday_before_the_end", "Hearings ran 2nd Feb until Wed, 21 of Feb in Lagos.", "2024-03-01",
     [("2nd Feb until Wed, 21 of Feb", "2024-02-02/2024-02-21")]),
    ("no_period_backwards", "It was moved from 3 May 2024 to 1 April 2024.", None,
     [("1 April 2024", "2024-04-01"), ("3 May 2024", "2024-05-03")]),
    ("the_start_takes_the_end_s_year", "It ran from 3 May to 1 April 2024.", None, [("from 3 May to 1 April 2024", "2023-05-03/2024-04-01")]),
    ("end_of_a_year", "The road will open by the end of 2026.", None, [("the end of 2026", "2026")]),
    ("mid_year", "Prices fell in mid-2023 and early March.", "2024-06-01", [("early March", "2024-03"), ("mid-2023", "2023")]),
    # More ways to write a day, a month, a quarter or a half.
    ("weekday_and_day_number", "The board meets again on Thu 14th.", "2024-11-20", [("Thu 14th", "2024-11-14")]),
    ("space_before_the_comma", "The plant closed on Dec. 31 , 1994.", None, [("Dec. 31 , 1994", "1994-12-31")]),
    ("day_month_in_year", "Trials end on 28 June in 2026.", None, [("28 June in 2026", "2026-06-28")]),
    ("month_dash_day_dash_year", "Filed Sep-23-2020 with the court.", None, [("Sep-23-2020", "2020-09-23")]),
    ("month_of_year", "The dam was built in June of 1992.", None, [("June of 1992", "1992-06")]),
    ("month_dash_year", "The plan for Dec-2018 was met.", None, [("Dec-2018", "2018-12")]),
    ("spaced_numeric_date", "Published on 12 - 12 - 2022", None, [("12 - 12 - 2022", "2022-12-12")]),
    ("spaced_numeric_month_year", "Output in 2016 / 11 rose.", None, [("2016 / 11", "2016-11")]),
    ("quarter_dash_year", "Sales in Q1-2019 doubled.", None, [("Q1-2019", "2019"), ("Q1-2019", "2019-01/2019-03")]),
    ("quarter_this_year", "Exports rose during Q3 this year.", "2024-11-01", [("Q3 this year", "2024-07/2024-09")]),
    ("quarter_of_the_year", "The first quarter of the year was slower.", "2024-11-01",
     [("The first quarter of the year", "2024-01/2024-03")]),
    ("year_then_half", "The 2019 H2 outlook is weak.", None, [("2019 H2", "2019"), ("2019 H2", "2019-07/2019-12")]),
    ("months_in_year", "Sales from April to June in 2017 fell.", None, [("from April to June in 2017", "2017-04/2017-06")]),
    ("weekday_settles_the_order", "The council will vote on Monday 7/9 in Hanoi.", "2018-07-02", [("7/9", "2018-07-09")]),
    ("weekday_with_a_day_far_off", "The board meets Tue 13th.", "2022-05-01", [("Tue 13th", "2022-09-13")]),
    ("two_digit_year_near_the_reference", "He was born on 18/03/40 and retired on 1/7/27.", "2016-11-07",
     [("1/7/27", "2027-07-01"), ("18/03/40", "1940-03-18")]),
    ("a_day_number_ending_the_sentence", "The delegation came back for the 27.", "2024-05-30", [("the 27", "2024-05-27")]),
    ("a_week_and_a_day_are_no_period", "It happened last week - Monday.", "2024-05-30",
     [("Monday", "2024-05-27"), ("last week", "2024-05-20/2024-05-26")]),
    # What looks like a date and is none.
    ("a_count_after_for_the", "Funds went for the 27 provinces.", "2024-05-30", []),
    ("a_price_before_a_day", "It sold for $12 December 27 in Hue.", "2025-01-05", [("December 27", "2024-12-27")]),
    ("a_fiscal_year_is_no_month_either", "The 2011-12 season ended.", None, [("2011-12", "2011/2012")]),
    ("a_price_is_no_year", "The kit costs $2000 in Hanoi.", None, []),
    ("a_decimal_before_a_month", "Output was 6,107.31 August 2019 figures.", None, [("August 2019", "2019-08")]),
    ("a_number_of_a_document", "The council passed Ordinance No. 2023-07 and Resolution 11/2016.", None, []),
    ("a_fiscal_year_is_no_month", "The 2019-20 budget was approved.", None, [("2019-20", "2019/2020")]),
    ("a_version_number", "Version 1.2.2016 of the software shipped.", None, []),
    ("an_ordinal_before_a_noun", "For the second time, in March the first phase ended.", "2024-06-01",
     [("March", "2024-03")]),
    ("the_first_months", "Output rose for the first 9 months of the year.", "2024-10-01",
     [("the first 9 months of the year", "2024-01/2024-09")]),
    ("an_anniversary", "They marked the 27th anniversary on 2 July 2024.", None, [("2 July 2024", "2024-07-02")]),
    ("may_is_a_verb_in_news", "Officials said prices may 15 times rise in March 2024.", None,
     [("March 2024", "2024-03")]),
]


@pytest.mark.parametrize("text, published, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_date_shapes(loaded, text, published, expected):
    assert dates(loaded, text, published) == sorted(expected)


LOWER_CASE = [
    ("month_and_day", "minutes: the committee met again april 22.", "2024-05-01", [("april 22", "2024-04-22")]),
    ("weekday_and_ordinal", "notes from the desk: we go back saturday the 9th.", "2024-11-05",
     [("saturday the 9th", "2024-11-09")]),
    ("month_and_year", "archive entry: report of june 2016.", None, [("june 2016", "2016-06")]),
    ("in_month", "field notes: planting ends in may.", "2024-09-01", [("may", "2024-05")]),
]


@pytest.mark.parametrize("text, published, expected", [c[1:] for c in LOWER_CASE], ids=[c[0] for c in LOWER_CASE])
def test_lower_case_calendar_words_in_a_lower_case_text(loaded, text, published, expected):
    assert dates(loaded, text, published) == sorted(expected)


def test_lower_case_months_are_words_where_the_text_capitalizes_them(loaded):
    text = "In March 2024 the board said it may 15 members add and march 3 km."
    assert dates(loaded, text) == [("March 2024", "2024-03")]


@pytest.fixture(scope="module")
def month_first():
    return Extractor(date_order="MDY")


def test_date_order_reads_ambiguous_numeric_dates(loaded, month_first):
    text = "The council met on 05/03/2024 and again on 06/04/24."
    assert dates(loaded, text) == [("05/03/2024", "2024-03-05"), ("06/04/24", "2024-04-06")]
    assert dates(month_first, text) == [("05/03/2024", "2024-05-03"), ("06/04/24", "2024-06-04")]


@pytest.mark.parametrize("text, expected", [
    ("QUEZON CITY, Philippines - The Senate met on 05/03/2024 in Manila.", "2024-05-03"),
    ("HANOI - The National Assembly met on 05/03/2024 in Hanoi.", "2024-03-05"),
    ("The Philippine envoy met Vietnamese officials in Hanoi on 05/03/2024; Vietnam and Hanoi hosted.", "2024-03-05"),
    ("Filed 12/25/2023 in Hanoi; the hearing was on 05/03/2024.", "2024-05-03"),
], ids=["philippine_news_writes_month_first", "vietnamese_news_day_first", "the_country_named_most",
        "the_text_s_own_dates_before_its_country"])
def test_auto_order_follows_the_text_then_its_country(loaded, text, expected):
    assert ("05/03/2024", expected) in dates(loaded, text)


def test_date_order_cannot_make_a_thirteenth_month(month_first):
    assert dates(month_first, "Signed on 22/04/2016.") == [("22/04/2016", "2016-04-22")]


def test_year_first_order_reads_a_two_digit_year_first():
    assert dates(Extractor(date_order="YMD"), "Filed on 16/11/07.") == [("16/11/07", "2016-11-07")]


def test_an_unknown_date_order_is_refused():
    with pytest.raises(ValueError, match="date_order must be one of auto, DMY, MDY, YMD, not 'DM'"):
        Extractor(date_order="DM")


def test_the_cli_takes_the_date_order(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council met on 05/03/2024.", encoding="utf-8")
    runner = CliRunner()
    day_first = runner.invoke(app, ["extract", str(article)])
    month_first = runner.invoke(app, ["extract", str(article), "--date-order", "mdy"])
    assert day_first.exit_code == month_first.exit_code == 0
    assert '"value": "2024-03-05"' in day_first.stdout and '"value": "2024-05-03"' in month_first.stdout
    refused = runner.invoke(app, ["extract", str(article), "--date-order", "dm"])
    assert refused.exit_code == 2 and "--date-order" in refused.output

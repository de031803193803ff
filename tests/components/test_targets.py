"""extractor_targets: goals with their values, and attainment against them."""

import pytest


def targets(loaded, text, published="2024-06-30"):
    return loaded.extract(text, published=published).targets


def one(loaded, text, published="2024-06-30"):
    found = targets(loaded, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, achieved, total, status, rule", [
    # "X out of Y", "X of (the) Y <noun>", "X/Y <noun>".
    ("So far 14 out of 17 goals of the plan have been achieved or exceeded.", 14, 17, "achieved/exceeded", "targets.out_of"),
    ("All 9 out of 9 wards had completed the work.", 9, 9, "completed", "targets.out_of"),
    ("Only 3 of 8 provinces met the deadline.", 3, 8, "achieved", "targets.of"),
    ("The town finished 12 of its 15 roads.", 12, 15, "completed", "targets.of"),
    ("The county reached 16/20 targets last year.", 16, 20, "achieved", "targets.slash"),
    ("The congress set 30 targets, of which 26 were achieved.", 26, 30, "achieved", "targets.of_which"),
    ("Of the 12 targets set for the year, 10 were met.", 10, 12, "achieved", "targets.of_the_total"),
], ids=["out_of", "all_of_all", "of_plural_noun", "of_its", "slash", "of_which", "of_the_total"])
def test_attainment(loaded, text, achieved, total, status, rule):
    target = one(loaded, text)
    assert (target.achieved, target.total, target.status, target.evidence.rule) == (achieved, total, status, rule)


def test_attainment_subject_and_document(loaded):
    target = one(loaded, "To date, 9 out of 12 targets of Resolution 08-NQ/TU have been achieved.")
    assert target.subject == "targets of Resolution 08-NQ/TU"
    assert target.document == "08-NQ/TU"


@pytest.mark.parametrize("text, value, unit, comparator", [
    # A goal noun with its value, a goal verb, a goal noun used as a verb.
    ("The province set a growth target of 9 per cent or higher.", 9, "percent", "at_least"),
    ("The city strives to attract USD 4 billion in investment.", 4e9, "USD", None),
    ("The district aims to cut the poverty rate by 1.5%.", 1.5, "percent", None),
    ("The plan sets a target of 100% of communes meeting the standard.", 100, "percent", None),
    ("For 2025 the ministry targets export growth of 6%.", 6, "percent", None),
    ("The forest cover will be raised to over 45 percent.", 45, "percent", "over"),
    ("The province aims to train 2,000 health workers.", 2000, "health worker", None),
    ("He said the town aims to collect P40 million next year.", 40e6, "PHP", None),
    # A share of people with a future verb after it.
    ("Next year, 60 percent of workers will receive training.", 60, "percent", None),
    # The value before the word "target".
    ("It is far from the 20 per cent target set by the law.", 20, "percent", None),
    # Asked for: an infinitive after the request, or the subjunctive.
    ("He asked ministries to abolish at least 30 percent of business conditions.", 30, "percent", "at_least"),
    ("They proposed that the time be cut by at least 30 percent.", 30, "percent", "at_least"),
], ids=["growth_target_or_higher", "strive_to_attract", "aim_to_reduce", "target_of_share", "targets_as_verb",
        "will_be_raised", "count_goal", "aims_to_collect", "future_share", "value_then_target", "asked_to_abolish",
        "subjunctive"])
def test_goals(loaded, text, value, unit, comparator):
    target = one(loaded, text)
    assert (target.value, target.unit, target.comparator) == (pytest.approx(value), unit, comparator)


@pytest.mark.parametrize("text, deadline", [
    ("The province aims to attract USD 2 billion of FDI by 2030.", "2030"),
    ("Officials must ensure 100 per cent coverage by March 31, 2025.", "2025-03-31"),
], ids=["by_year", "by_day"])
def test_deadlines(loaded, text, deadline):
    assert one(loaded, text).deadline == deadline


def test_a_past_deadline_is_a_result(loaded):
    assert targets(loaded, "Exports reached USD 5 billion by 2020.") == []


@pytest.mark.parametrize("text, subject", [
    ("The province set an average growth target of 8% for the year.", "average growth target"),
    ("The city aims to reduce traffic accidents by 5 percent.", "traffic accidents"),
    ("The council aims to bring it down to 12 percent by 2027.", "it"),
    ("The district targets GRDP per capita of USD 4,000 by 2030.", "GRDP per capita"),
    ("The utility aims to raise treated water coverage to 60 percent.", "treated water coverage"),
    ("The province is tasked with achieving GDP growth of 6% this year.", "GDP growth"),
], ids=["noun_before_of", "object_before_by", "pronoun_and_particle", "per_capita", "past_participle", "not_a_gerund"])
def test_subject(loaded, text, subject):
    assert one(loaded, text).subject == subject


def test_period(loaded):
    target = one(loaded, "The district aims to raise incomes by 8% in the 2021-2025 period.")
    assert target.period == "2021/2025"


def test_unquantified_goal(loaded):
    target = one(loaded, "By 2023 the province had completed the goals of the national rural program "
                         "for the 2021-2025 period ahead of schedule.")
    assert (target.value, target.status, target.period) == (None, "completed", "2021/2025")
    assert target.subject == "national rural program"


@pytest.mark.parametrize("text", [
    # Results reported beside a goal, in another clause.
    "Growth was 4.6 percent, below the target of 5 percent, while income reached 2,310 US dollars.",
    # The baseline of a change.
    "The city aims to raise the rate from 28% to 50%.",
    # The share of a target reached is a result.
    "Revenue reached 86 percent of the target and a 1.5-fold increase.",
    # Estimates of results.
    "Losses are estimated to reach 2,437 billion VND.",
    # The size of each item.
    "The county will land 30 projects with investment of more than 100 million yuan each.",
    # An allocation, not a goal.
    "The government will set aside VND 1.5 trillion for the programme.",
    # The size of a change.
    "Water supply capacity would increase 2.5 times by 2027.",
    # The cost of the means, after the change's size.
    "Rice output would rise 1.8 times by 2028 under a 9-billion-baht irrigation plan.",
    # A document's number and year.
    "Presidential Regulation No. 12 of 2024 sets the rules.",
], ids=["result_in_another_clause", "baseline_of_a_change", "share_of_target", "estimate", "per_item",
        "set_aside", "multiplier", "cost_after_multiplier", "number_of_year"])
def test_not_goals(loaded, text):
    found = targets(loaded, text)
    values = {t.value for t in found} | {t.achieved for t in found}
    assert not values & {2310.0, 28.0, 86.0, 1.5, 2_437_000_000_000.0, 100_000_000.0, 1_500_000_000_000.0, 2.5, 12.0,
                         9_000_000_000.0}


def test_evidence_points_into_the_text(loaded):
    text = "The province aims to attract USD 2 billion by 2030; 7 out of 9 targets were met."
    for target in targets(loaded, text):
        evidence = target.evidence
        assert text[evidence.start:evidence.end] == evidence.text == target.text


def values(loaded, text, published="2024-12-10"):
    """(value, unit) of each target, in text order."""
    return [(t.value, t.unit) for t in targets(loaded, text, published)]


# Issue 13: a plan's list of targets under a header; every figure of it is a target, whatever its verb.
@pytest.mark.parametrize("text, expected", [
    ("The resolution sets the following main targets: 1. GRDP growth of 8%; 2. GRDP per capita of USD 5,000; "
     "3. the rate of trained workers reaches 75%.",
     [(8.0, "percent"), (5000.0, "USD"), (75.0, "percent")]),
    ("Targets for 2025 are as follows:\n- GRDP growth of 8.5%;\n- budget revenue of VND 20 trillion;\n"
     "- the poverty rate falls by 1.5%.",
     [(8.5, "percent"), (20e12, "VND"), (1.5, "percent")]),
    ("Key indicators: the rate of households using clean water reaches 95%; forest cover is 42%.",
     [(95.0, "percent"), (42.0, "percent")]),
    ("The People's Council approved 28 main targets for 2023.\n\nOf which, GRDP growth reached 9-10%. "
     "Services account for about 42-43%.\n\nBudget revenue reached VND 15,857 billion.\n\nThe session closed.",
     [(9.0, "percent"), (10.0, "percent"), (42.0, "percent"), (43.0, "percent"), (15_857e9, "VND")]),
    ("By 2030, the economic structure will be as follows: agriculture will account for 19.5% - 20%; "
     "industry for 36% - 36.5%.",
     [(19.5, "percent"), (20.0, "percent"), (36.0, "percent"), (36.5, "percent")]),
    ("The resolution sets the following main targets:\n\n1. GRDP growth of 8%.\n\n2. GRDP per capita of USD 6,000.\n\n"
     "3. 20,000 new jobs are created.\n\n4. Forest cover is kept at 52.5%.",
     [(8.0, "percent"), (6000.0, "USD"), (20000.0, "job"), (52.5, "percent")]),
    ("For 2025, the conference agreed on GRDP growth of at least 9% and GRDP per capita of VND 68 million.",
     [(9.0, "percent"), (68e6, "VND")]),
], ids=["numbered_items", "dashed_items", "run_on_items", "approved_then_of_which", "will_be_as_follows",
        "numbered_paragraphs", "agreed_on"])
def test_plan_lists(loaded, text, expected):
    assert values(loaded, text) == expected


@pytest.mark.parametrize("text", [
    # A header that reports results opens no list.
    "The district achieved 21 out of 23 key targets: growth averaged 11.6% and income rose to VND 68.5 million.",
    # A list of results under criteria, not a plan's.
    "Traffic accidents fell on all 3 criteria: cases decreased 8.6 percent and deaths 11.2 percent.",
    # The list ends at its paragraph: the next one reports a vote.
    "The congress set 20 key targets, including growth of 12-13% a year.\n\n"
    "Mr. Tuan was re-elected with 100% of the votes.",
], ids=["results_header", "criteria_of_results", "list_ends_at_its_paragraph"])
def test_plan_lists_not(loaded, text):
    found = {t.value for t in targets(loaded, text)}
    assert not found & {11.6, 68_500_000.0, 8.6, 11.2, 100.0}


# Goal wording beyond a short cue, cuts and changes, per-place values, revised goals.
@pytest.mark.parametrize("text, expected", [
    ("The province is tasked with achieving a growth rate of 7%.", [(7.0, "percent")]),
    ("The growth target has been set at 6.5 percent for next year.", [(6.5, "percent")]),
    ("The plan aims to ensure a budget of about VND 3 trillion for schools.", [(3e12, "VND")]),
    ("Export turnover is expected to reach USD 5 billion in 2025.", [(5e9, "USD")]),
    ("The city will mobilize no less than VND 10 trillion for the project.", [(10e12, "VND")]),
    ("Vietnam and Russia should take measures to soon lift bilateral trade to 10 billion USD.", [(10e9, "USD")]),
    ("Proportion of industry in GRDP will be about 69-70%.", [(69.0, "percent"), (70.0, "percent")]),
    ("The ministry announced a 30 percent cut in administrative procedures.", [(30.0, "percent")]),
    ("The province plans on reducing the poverty rate by 1.5 percentage points a year.", [(1.5, "percentage point")]),
    ("The province aims to bring the poverty rate down to 2% from 4.5%.", [(2.0, "percent")]),
    ("The province aims to raise the share of the digital economy from 10% to 20%.", [(20.0, "percent")]),
    ("The plan targets urbanization and forest cover of 45% and 42% respectively.",
     [(45.0, "percent"), (42.0, "percent")]),
    ("The plan sets the rate of trained workers at 70% (Hanoi 75%, Hai Phong 72%).",
     [(70.0, "percent"), (75.0, "percent"), (72.0, "percent")]),
    ("The growth target was raised from 8% to 10%.", [(10.0, "percent")]),
], ids=["tasked_with", "set_at", "aims_to_ensure", "expected_to_reach", "no_less_than", "adverb_before_verb",
        "will_be_about", "cut", "percentage_points", "down_to_from", "from_to", "respectively", "per_place", "revised"])
def test_goal_wording_and_changes(loaded, text, expected):
    assert values(loaded, text) == expected


def test_achievement_against_a_target(loaded):
    found = targets(loaded, "GRDP grew 7.2% against a target of 7-7.5%.")
    assert [(t.value, t.achieved) for t in found] == [(7.0, 7.2), (7.5, 7.2)]


@pytest.mark.parametrize("text", [
    "Revenue reached VND 5 trillion in 2024.",
    "The province ranked 3rd out of 14 provinces in the PCI index.",
    "Investors pledged USD 2 billion for the zone.",
    "Growth was 7.5%, higher than the national average of 6.8%.",
    "The province planted 2,900 ha against the goal, and output is estimated at VND 1,200 billion.",
    "The resolution was passed with 95% of deputies voting in favour.",
], ids=["result", "ranking", "pledge", "national_average", "estimate_after_a_goal", "vote_tally"])
def test_not_targets(loaded, text):
    assert targets(loaded, text) == []

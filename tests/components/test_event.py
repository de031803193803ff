"""The event as a whole: kind, date, location, organizer, purpose; and how people took part."""

import pytest

LEAD = ("On the afternoon of July 31, Quang Tri province held a conference to review five years of "
        "implementing Resolution 12-NQ/TU.")


@pytest.mark.parametrize("text, kind", [
    (LEAD, "conference"),
    ("The Provincial People's Committee held its regular meeting in March 2024.", "meeting"),
    ("The 20th session of the 18th Provincial People's Council opened on Monday.", "session"),
    ("The minister had a working session with the province on Friday.", "working_session"),
    ("The two provinces signed a memorandum at a ceremony in Hanoi.", "ceremony"),
    ("Many provinces have organized their Party Congresses.", "congress"),
    ("The city hosted an investment forum.", "forum"),
    # A council's sitting, called both: the guide's kind is session.
    ("The chairman opened the meeting. Speaking at the opening of the session, he urged delegates on.", "session"),
    # A meeting within a named session stays a meeting.
    ("The Assembly held the First Ordinary Meeting of the Fourth Session.", "meeting"),
], ids=["conference", "meeting", "session", "working_session", "ceremony", "plural_congress", "forum",
        "meeting_called_session", "meeting_of_a_session"])
def test_kind(loaded, text, kind):
    assert loaded.extract(text).event.kind == kind


def test_the_lead_gives_date_place_organizer_and_purpose(loaded):
    event = loaded.extract(LEAD, published="2024-07-31").event
    assert (event.date.value, event.location, event.organizer) == ("2024-07-31", "Quang Tri province", "Quang Tri province")
    assert event.title == "to review five years of implementing Resolution 12-NQ/TU"
    assert event.evidence.text == LEAD


@pytest.mark.parametrize("text, published, value", [
    (LEAD, None, "XXXX-07-31"),
    # A weekday is resolved against the reference: the last such day on or before it.
    ("Minister Anil Kumar on Monday chaired a review conference here.", "2013-10-23", "2013-10-21"),
    ("Minister Anil Kumar on Monday chaired a review conference here.", None, None),
    # The event's sentences give no date: the lead's "On <date>" does.
    ("81 projects started in Yuxi.\n\nOn August 30, 2018, the city began 81 projects. The mayor spoke at the "
     "commencement ceremony.", None, "2018-08-30"),
    # "today" is the reference; a document's date is never the event's.
    ("Minister Anil Kumar chaired a review meeting at Krishi Bhawan today.", "2024-02-14", "2024-02-14"),
    ("The forum discussed Executive Order No. 138 signed on June 1, 2021.\n\nDelegates met on Wednesday "
     "to review the transition plans of the region.", "2024-08-21", "2024-08-21"),
], ids=["no_year", "weekday", "weekday_without_reference", "lead_on_date", "today", "not_a_document_date"])
def test_date(loaded, text, published, value):
    event = loaded.extract(text, published=published).event
    assert (event.date.value if event.date else None) == value


@pytest.mark.parametrize("text, location", [
    ("The conference was held at the Government Headquarters, online with 63 provinces.", "Government Headquarters"),
    ("The two sides signed the agreement at a ceremony in Bac Ninh city on November 29.", "Bac Ninh city"),
    ("KORONADAL CITY (June 21, 2023) - Gov. Ramon Cruz presided over the meeting at the Provincial Capitol "
     "Conference Hall.", "Provincial Capitol Conference Hall, KORONADAL CITY"),
    ("The meeting was held on 2nd July 2024 at Banquet Hall of the Regional Council, residency, Cape Coast.",
     "Banquet Hall of the Regional Council, residency, Cape Coast"),
    ("The 24th Congress of the Tan Yen District Party Committee closed on March 12.", "Tan Yen District"),
    ("The committee held its regular meeting in March 2024.", None),
    ("Hanoi (VNA) - The ministry held a conference on trade.", "Hanoi"),
    ("KUNMING, Sept. 30 (Xinhua) -- A signing ceremony was held Monday in Kunming, capital of Yunnan Province.",
     "Kunming"),
    ("The minister inaugurated the assembly at a ceremony held at Dzolokpuita, the district capital.", "Dzolokpuita"),
    ("On May 26, the Can Tho City People's Committee held a ceremony to sign agreements with four investors.\n\n"
     "Attending the ceremony were Mr. Koji Sato, Chief Representative of Sanwa Agritech in Vietnam.", "Can Tho City"),
    ("QUANG NINH PORTAL\nHome | News\n\nOn the morning of August 23, the Standing Committee of the Provincial Party "
     "Committee held a conference to review the resolution.", "QUANG NINH"),
    ("Dodoma. The National Assembly yesterday approved the water budget at its budget session.", "Dodoma"),
    ("On October 28, the committee organized the Business Forum 2024 at Quy Nhon city with Japanese firms.",
     "Quy Nhon city"),
], ids=["venue", "place_after_in", "dateline_city", "venue_then_place", "unknown_district", "none",
        "dateline_with_agency", "held_in_place", "held_at_unknown_place", "in_place_of_the_lead_only",
        "portal_of_a_province", "dateline_with_period", "at_place_after_noun"])
def test_location(loaded, text, location):
    assert loaded.extract(text).event.location == location


def test_no_event_noun_no_event(loaded):
    assert loaded.extract("Exports rose 5% in the first quarter.").event is None


@pytest.mark.parametrize("text, participation", [
    ("Mr. Tran Van Nam, Chairman of the Provincial People's Committee, chaired the conference.",
     {"Tran Van Nam": ["chaired"]}),
    ("Attending the conference were: Mr. Tran Van Nam, Chairman of the Provincial People's Committee; "
     "Ms. Le Thi Hoa, Director of the Department of Finance.",
     {"Tran Van Nam": ["attended"], "Le Thi Hoa": ["attended"]}),
    ("Comrades: Tran Van Nam - Secretary of the Provincial Party Committee; Le Thi Hoa - Chairwoman of the "
     "Provincial People's Council chaired the session.",
     {"Tran Van Nam": ["chaired"], "Le Thi Hoa": ["chaired"]}),
    ("The meeting was chaired by Prime Minister Tran Van Nam.", {"Tran Van Nam": ["chaired"]}),
    ("Concluding the conference, Ms. Le Thi Hoa, Director of the Department of Finance, emphasized the results.",
     {"Le Thi Hoa": ["spoke"]}),
], ids=["chaired", "attending_list", "list_chaired", "chaired_by", "spoke"])
def test_participation(loaded, text, participation):
    record = loaded.extract(text)
    assert {p.name: p.participation for p in record.people} == participation


def test_an_event_named_by_no_noun_is_of_kind_other(loaded):
    text = ("Nakuru County Assembly on Thursday passed a Sh21.6 billion budget for the 2024/25 financial year "
            "after a long debate.")
    event = loaded.extract(text, published="2024-06-28").event
    assert (event.kind, event.date.value, event.location, event.evidence.rule) == (
        "other", "2024-06-27", "Nakuru County", "event.lead_sentence")


def test_a_dateline_s_day_is_the_last_resort(loaded):
    text = "ACCRA, Oct. 10, GNA - Traders met officials at a stakeholders' forum to discuss market stores."
    assert loaded.extract(text).event.date.value == "XXXX-10-10"

"""Each stage runs alone on a blank pipeline, given what it requires as injected facts and spans,
the way spaCy's and Presidio's recognizers are tested: a stage's result depends on its declared
inputs, not on the model or the stages that usually run before it."""

from datetime import date

import pytest
import spacy

from extractor import extensions
from extractor.components.context import DocContext
from extractor.components.dates import DATES_KEY
from extractor.components.names import NAMES_KEY
from extractor.components.roles import ROLES_KEY
from extractor.components.titles import HONORIFICS_KEY
from extractor.facts import AmountFact, DateFact, DocumentFact, Evidence, Reference


@pytest.fixture(scope="module")
def blank():
    """A pipeline with no model: a tokenizer and a rule sentencizer."""
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def context(published: date | None = None) -> DocContext:
    return DocContext(reference=Reference(published, "published") if published else None, decimal_mark=".",
                      lead=None)


def test_targets_read_an_injected_amount_as_a_goal(blank):
    text = "The province aims to raise its revenue to VND 5 billion in the coming years."
    doc = blank(text)
    start = text.index("VND")
    evidence = Evidence.at(text, start, start + len("VND 5 billion"), "amounts.currency_before")
    doc._.context, doc._.documents = context(date(2024, 7, 31)), []
    doc._.amounts = [AmountFact(evidence.text, "money", 5e9, "VND", None, False, None, None, None, evidence)]
    doc = blank.create_pipe("extractor_targets")(doc)
    [goal] = doc._.targets
    assert (goal.value, goal.unit, goal.evidence.rule) == (5e9, "VND", "targets.goal_cue")
    assert goal.evidence.start == text.index("aims") and goal.evidence.end == evidence.end


def test_targets_find_no_goal_without_amounts(blank):
    doc = blank("The province aims to raise its revenue to VND 5 billion in the coming years.")
    doc._.context, doc._.documents, doc._.amounts = context(), [], []
    assert blank.create_pipe("extractor_targets")(doc)._.targets == []


def test_people_join_an_injected_name_and_role(blank):
    text = "Nguyen Van Nam, Chairman of the Provincial People's Committee, spoke. Mr. Nam said so."
    doc = blank(text)
    name = doc.char_span(0, len("Nguyen Van Nam"), label="PERSON")
    name._.rule = "names.ner"
    short = doc.char_span(text.index("Nam said"), text.index(" said"), label="PERSON")
    short._.rule, short._.honorific = "names.honorific_before_name", "Mr."
    role = doc.char_span(text.index("Chairman"), text.index(", spoke"), label="ROLE")
    role._.rule, role._.title, role._.organization = "roles.title_of_body", "Chairman", "Provincial People's Committee"
    role._.org_chars = (text.index("Provincial"), text.index(", spoke"))
    doc.spans[NAMES_KEY], doc.spans[ROLES_KEY] = [name, short], [role]
    doc.spans[HONORIFICS_KEY] = [doc.char_span(text.index("Mr."), text.index("Mr.") + 3)]
    doc = blank.create_pipe("extractor_people")(doc)
    [person] = doc._.people
    assert person.name == "Nguyen Van Nam" and person.honorific == "Mr."
    assert [(r.title, r.organization) for r in person.roles] == [("Chairman", "Provincial People's Committee")]
    assert [m.text for m in person.mentions] == ["Nguyen Van Nam", "Nam"]
    assert [o.name for o in doc._.organizations] == ["Provincial People's Committee"]


def test_the_event_date_is_not_an_injected_documents_date(blank):
    """The event reads the documents stage's facts: a cited directive's date is not the event's."""
    text = "The conference on Directive 40 of November 22, 2014 was held on March 5, 2024 in Hanoi."

    def event(documents):
        doc = blank(text)
        spans = []
        for written, value in (("November 22, 2014", "2014-11-22"), ("March 5, 2024", "2024-03-05")):
            span = doc.char_span(text.index(written), text.index(written) + len(written), label="DATE")
            span._.rule, span._.date_values = "dates.day_month_year", [value]
            spans.append(span)
        doc.spans[DATES_KEY], doc.spans[NAMES_KEY], doc.spans[ROLES_KEY] = spans, [], []
        doc._.dates = [DateFact(s.text, s._.date_values[0], "text", Evidence.at(text, s.start_char, s.end_char,
                                                                                   s._.rule)) for s in spans]
        doc._.context, doc._.documents = context(), documents
        return blank.create_pipe("extractor_event")(doc)._.event

    cited = text.index("Directive")
    dated = Evidence.at(text, text.index("November"), text.index(" was"), "documents.date_after_number")
    directive = DocumentFact(kind="Directive", number="40", name=None, date="2014-11-22", issuer=None, subject=None,
                             mentions=(Evidence.at(text, cited, cited + 12, "documents.kind_number"),),
                             kind_from_code=None, issuer_from_code=None, aliases=(), date_evidence=dated)
    assert event([]).date.value == "2014-11-22"
    found = event([directive])
    assert (found.kind, found.date.value, found.evidence.rule) == ("conference", "2024-03-05", "event.event_sentence")

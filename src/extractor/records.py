"""The record contract: pydantic models, and `doc_to_record`, the one place records are built.

Archives and outside tools depend on these field names; add fields, never rename them.
`schemas/record.schema.json` is generated from `ArticleRecord` (see `record_schema`).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the schema and the models load without spaCy (`extractor schema`)
    from spacy.tokens import Doc

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    """Fields added after 1.0 have defaults, so records archived before them still validate.

    Numbers are finite: JSON has no infinity, so an `inf` would be written as null and the line
    could not be read back.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Span(_Model):
    """Evidence: character offsets into the input as given, with `text == input[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str = Field(description="The rule or model that produced the fact, '<stage>.<rule>' as listed in "
                      "patterns/rules.jsonl, e.g. 'names.title_before_name', 'names.ner'.")


class Role(_Model):
    title: str = Field(description="The position, qualifiers kept: 'Permanent Vice Chairman'.")
    organization: str | None = Field(description="The body the title belongs to, as written, without a leading 'the'.")
    evidence: Span


class Person(_Model):
    name: str = Field(description="The fullest form of the name the text gives, without honorifics.")
    honorific: str | None = Field(description="The first honorific the text gives the person: 'Mr.', 'Comrade'.")
    roles: list[Role]
    mentions: list[Span] = Field(description="Every place the person is named or referred to, in text order.")
    participation: list[Literal["attended", "chaired", "spoke"]] = Field(
        default=[], description="How the person took part in the event, as the text says: "
                                "'chaired the conference', 'Attending were ...', 'said'.")


class Organization(_Model):
    name: str
    acronym: str | None
    mentions: list[Span]


class DateValue(_Model):
    text: str
    value: str = Field(description="ISO 8601: '2024-07-31', '2024-07', '2023', 'XXXX-07-31', '2021/2025'.")
    year_from: Literal["text", "reference", "context"] | None = Field(
        default=None, description="Where the year came from: written in the expression, the reference date "
                    "(published or the dateline), another date of the paragraph; null when unknown (XXXX).")
    evidence: Span


class Event(_Model):
    kind: Literal["conference", "meeting", "session", "congress", "ceremony", "forum", "working_session", "other"]
    title: str | None
    date: DateValue | None
    location: str | None
    organizer: str | None
    evidence: Span


class Amount(_Model):
    text: str
    kind: Literal["money", "percent", "multiplier", "count", "quantity"]
    value: float
    currency: str | None
    unit: str | None
    approximate: bool
    qualifier: str | None = Field(default=None, description="The words that bound or soften the amount, as written: 'nearly', 'more than'.")
    min: float | None = Field(default=None, description="A range's lower end ('VND 5-7 billion'): each end is an amount, both carry the range.")
    max: float | None = Field(default=None, description="A range's upper end; null with `min` when the amount is no range.")
    evidence: Span


class DocumentRef(_Model):
    kind: str = Field(description="The kind the text gives, canonical: 'Directive', 'Program' for 'Programme'.")
    number: str | None = Field(description="As written, without 'No.': '40-CT/TW', '06/2021/ND-CP', '26'.")
    name: str | None = Field(description="The name a law is cited by: 'Law on Investment'.")
    date: str | None
    issuer: str | None = Field(description="The issuing body as the text names it.")
    subject: str | None
    mentions: list[Span] = Field(description="Every citation of the document, short forms included, in text order.")
    kind_from_code: str | None = Field(default=None, description="The kind the number's Vietnamese code states: 'CT' Directive.")
    issuer_from_code: str | None = Field(default=None, description="The issuer the code states: 'TW' Party Central Committee.")
    aliases: list[str] = Field(default=[], description="Short names the text defines in brackets: 'Directive 40'.")
    date_evidence: Span | None = Field(default=None, description="Where `date` was read: 'November 22, 2014' of 'dated November 22, 2014'.")


class Target(_Model):
    text: str
    subject: str | None
    value: float | None
    unit: str | None
    achieved: float | None
    total: float | None
    status: str | None
    period: str | None
    document: str | None
    comparator: Literal["about", "over", "under", "at_least", "at_most"] | None = Field(
        default=None, description="How the value bounds the goal: 'a growth target of 8 per cent or higher' is at_least.")
    deadline: str | None = Field(default=None, description="The date the goal is due, ISO 8601: 'by 2030' is '2030'.")
    evidence: Span


class Statement(_Model):
    speaker: str = Field(description="Who spoke, as written: a name, a title ('the Vice Chairman'), a pronoun, "
                                     "or a collective speaker ('delegates').")
    speaker_ref: int | None = Field(description="The index in `people` of the person who spoke (also for 'he', "
                                                "'the comrade'); null for a collective speaker or one not found.")
    act: Literal["request", "direct", "propose", "suggest", "emphasize", "affirm", "commit", "note", "report", "ask",
                 "thank", "praise", "criticize"] = Field(description="What the reporting verb signals "
                                                                     "(patterns/statement_verbs.jsonl).")
    addressee: str | None = Field(description="The bodies or people asked to act, as written, or null.")
    content: str = Field(description="What was asked or said, as written: the reported clause, the list, or "
                                     "the words inside the quotation marks.")
    quote: bool = Field(description="Whether the content is quoted speech.")
    evidence: Span


class Source(_Model):
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = Field(default=None, description="The reference date for dates without a year.")
    # Left out of the JSON when null, so records of files and texts read exactly as before it was added.
    id: str | None = Field(default=None, exclude_if=lambda value: value is None,
                           description="The article's id in a JSON Lines input; absent otherwise.")
    # From a saved page or a URL (pages.py); left out when null, as `id` is, so records of texts are unchanged.
    site: str | None = Field(default=None, exclude_if=lambda value: value is None,
                             description="The site's name, as the page gives it; absent for texts.")
    author: str | None = Field(default=None, exclude_if=lambda value: value is None,
                               description="The article's author, as the page gives it; absent for texts.")
    text: str | None = Field(default=None, exclude_if=lambda value: value is None,
                             description="The text taken out of a page, which the evidence offsets index; "
                                         "absent for texts (the input is the text) and with --no-text.")


class ArticleRecord(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str = Field(pattern=r"^sha256:[0-9a-f]{64}$", description="sha256 of the input text as UTF-8.")
    source: Source
    event: Event | None = None
    people: list[Person] = []
    organizations: list[Organization] = []
    dates: list[DateValue] = []
    amounts: list[Amount] = []
    documents: list[DocumentRef] = []
    targets: list[Target] = []
    statements: list[Statement] = []
    warnings: list[str] = []


def record_schema() -> dict:
    """The JSON Schema of `ArticleRecord`, as committed in `schemas/record.schema.json`."""
    return ArticleRecord.model_json_schema()


def text_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_to_record(doc: Doc, source: Source) -> ArticleRecord:
    """Build the record from the facts (`facts.py`) the pipeline's components left on `doc`."""
    def each(model: type[_Model], facts) -> list:
        return [model.model_validate(fact, from_attributes=True) for fact in facts or ()]

    return ArticleRecord(
        id=text_id(doc._.text),
        source=source,
        event=Event.model_validate(doc._.event, from_attributes=True) if doc._.event else None,
        people=each(Person, doc._.people),
        organizations=each(Organization, doc._.organizations),
        dates=each(DateValue, doc._.dates),
        amounts=each(Amount, doc._.amounts),
        documents=each(DocumentRef, doc._.documents),
        targets=each(Target, doc._.targets),
        statements=each(Statement, doc._.statements),
        warnings=list(doc._.warnings or []),
    )

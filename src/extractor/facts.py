"""The facts stages pass on, typed: one frozen dataclass per kind, each written by one stage.

A stage reads another's facts through these attributes, never through the record's JSON shape,
so the public record (`records.py`, built from the facts in `doc_to_record`) can grow without
changing what stages rely on, and a fact cannot be changed by a stage that only reads it.
Field names and meanings are the record's; see `records.py` for their descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True)
class Evidence:
    """Characters [start, end) of the input, their text, and the rule that read them."""

    start: int
    end: int
    text: str
    rule: str

    @classmethod
    def at(cls, text: str, start: int, end: int, rule: str) -> Evidence:
        return cls(start, end, text[start:end], rule)


@dataclass(frozen=True)
class Reference:
    """The day dates without a year are read against, and where it came from (context stage)."""

    day: date
    source: Literal["published", "dateline"]


@dataclass(frozen=True)
class DateFact:
    """extractor_dates: one ISO value the text states, and where its year came from."""

    text: str
    value: str
    year_from: Literal["text", "reference", "context"] | None
    evidence: Evidence


@dataclass(frozen=True)
class AmountFact:
    """extractor_amounts: one number with its kind, currency or unit, and its range if any."""

    text: str
    kind: Literal["money", "percent", "multiplier", "count", "quantity"]
    value: float
    currency: str | None
    unit: str | None
    approximate: bool
    qualifier: str | None
    min: float | None
    max: float | None
    evidence: Evidence


@dataclass(frozen=True)
class DocumentFact:
    """extractor_documents: one cited document, all its citations joined."""

    kind: str
    number: str | None
    name: str | None
    date: str | None
    issuer: str | None
    subject: str | None
    mentions: tuple[Evidence, ...]
    kind_from_code: str | None
    issuer_from_code: str | None
    aliases: tuple[str, ...]
    date_evidence: Evidence | None


@dataclass(frozen=True)
class RoleFact:
    """extractor_people: a position a person holds, with the body it belongs to."""

    title: str
    organization: str | None
    evidence: Evidence


@dataclass(frozen=True)
class PersonFact:
    """extractor_people: one person, every role and mention joined."""

    name: str
    honorific: str | None
    roles: tuple[RoleFact, ...]
    mentions: tuple[Evidence, ...]
    participation: tuple[str, ...]


@dataclass(frozen=True)
class OrganizationFact:
    """extractor_people: a body the roles name, with its acronym."""

    name: str
    acronym: str | None
    mentions: tuple[Evidence, ...]


@dataclass(frozen=True)
class EventFact:
    """extractor_event: the event the article reports."""

    kind: str
    title: str | None
    date: DateFact | None
    location: str | None
    organizer: str | None
    evidence: Evidence


@dataclass(frozen=True)
class TargetFact:
    """extractor_targets: a goal, and what was achieved against it."""

    text: str
    subject: str | None
    value: float | None
    unit: str | None
    achieved: float | None
    total: float | None
    status: str | None
    period: str | None
    document: str | None
    comparator: Literal["about", "over", "under", "at_least", "at_most"] | None
    deadline: str | None
    evidence: Evidence


Act = Literal["request", "direct", "propose", "suggest", "emphasize", "affirm", "commit", "note", "report", "ask",
              "thank", "praise", "criticize"]


@dataclass(frozen=True)
class StatementFact:
    """extractor_statements: who said or asked what, of whom; `evidence` is the content's span."""

    speaker: str
    speaker_ref: int | None
    act: Act
    addressee: str | None
    content: str
    quote: bool
    evidence: Evidence

"""extractor_context: what several stages need of the whole document, computed once.

The reference date (the caller's `published`, else the page's dateline), the text's decimal mark,
whether it writes calendar words in lower case, and the lead sentence were each worked out by every stage that needed them, and could disagree.
This stage runs first and leaves them in `doc._.context`, a frozen `DocContext`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .. import atoms, numbers
from ..facts import Reference
from .dates import dateline_day

LEAD_WORDS = 12  # the lead is the first sentence this long: headlines and bylines are shorter
CAPITALIZED_CALENDAR_WORD = re.compile(atoms.CAPITALIZED_CALENDAR_WORD)


@dataclass(frozen=True)
class DocContext:
    """Document-wide facts the stages share."""

    reference: Reference | None  # what dates without a year are read against
    decimal_mark: str  # "." or ",": how this text writes "5,075.5" (see numbers.decimal_mark)
    lead: tuple[int, int] | None  # characters of the first sentence of LEAD_WORDS words or more
    # The text capitalizes no month or weekday name ("see you friday, april 22"), so lower-case
    # ones are calendar words too; where it capitalizes them, lower-case "may" is a verb.
    lowercase_calendar: bool = False

    @property
    def reference_day(self) -> date | None:
        return self.reference.day if self.reference else None


def reference(doc: Doc) -> Reference | None:
    if doc._.published:
        return Reference(date.fromisoformat(doc._.published), "published")
    day = dateline_day(doc._.text)
    return Reference(day, "dateline") if day else None


def lead(doc: Doc) -> tuple[int, int] | None:
    sent = next((sent for sent in doc.sents if sum(t.is_alpha for t in sent) >= LEAD_WORDS), None)
    return (sent.start_char, sent.end_char) if sent is not None else None


class ContextComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.context = DocContext(
            reference=reference(doc),
            decimal_mark=numbers.decimal_mark(numbers.NUMERAL.findall(doc._.text)),
            lead=lead(doc),
            lowercase_calendar=CAPITALIZED_CALENDAR_WORD.search(doc._.text) is None,
        )
        return doc


@Language.factory("extractor_context", assigns=["doc._.context"], requires=["token.is_sent_start"])
def make_context(nlp: Language, name: str) -> ContextComponent:
    return ContextComponent()

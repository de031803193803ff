"""Review pages: one self-contained HTML file per article, every fact of its record marked on its text.

A reviewer checks a record against its article by eye: each evidence span is highlighted in the
text, coloured by the field it belongs to, and the record's tables beside it point at their spans.
The text is cut into segments at every span boundary here, in Python, because evidence offsets are
code points (str indices) and a browser would count UTF-16 units. The pages are rendered with
Jinja2, autoescaped, from templates that ship with the package; the same record gives the same bytes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import ValidationError

from .api import source_name
from .errors import InputError, OutputError
from .inputs import source_key
from .records import Amount, ArticleRecord, DocumentRef, Span, Statement, Target

if TYPE_CHECKING:
    from .batch import Outcome
    from .inputs import Article

# The fields a fact is coloured by, in the order the legend lists them.
FIELDS = ("person", "role", "organization", "date", "amount", "document", "target", "event", "statement")


@dataclass(frozen=True, slots=True)
class Fact:
    """One evidence span of the record, with what it says: the unit a page highlights and links to."""

    number: int  # counts the record's spans in the order `facts` walks them, from 1
    field: str  # one of FIELDS
    label: str  # the value the span gave, as a reviewer reads it
    where: str  # the span's place in the record, as in an error message: "people[0].mentions[1]"
    span: Span

    @property
    def id(self) -> str:
        return f"fact-{self.number}"

    def order(self) -> tuple[int, int, int]:
        """Where the fact goes among those covering a segment: outermost (the longer span) first."""
        return self.span.start, -self.span.end, self.number


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the text with no span boundary inside: the facts covering it, outermost first,
    each with whether it starts here (its first piece carries its id)."""

    text: str
    marks: tuple[tuple[Fact, bool], ...]


@dataclass(slots=True)
class _Facts:
    """Numbers the record's spans as they are walked, and keeps them."""

    all: list[Fact] = field(default_factory=list)

    def add(self, field_name: str, label: str, where: str, span: Span) -> Fact:
        fact = Fact(len(self.all) + 1, field_name, label, where, span)
        self.all.append(fact)
        return fact


def facts(record: ArticleRecord) -> tuple[list[Fact], dict]:
    """Every evidence span of `record` as a Fact, and the facts grouped as the page's tables show them."""
    found = _Facts()
    event = None
    if record.event:
        ev = record.event
        event = {"event": ev, "fact": found.add("event", " ".join(filter(None, (ev.kind, ev.title))), "event.evidence",
                                                 ev.evidence),
                 "date": ev.date and found.add("event", f"event date {ev.date.value}", "event.date.evidence",
                                               ev.date.evidence)}
    people = []
    for i, person in enumerate(record.people):
        roles = [(role, found.add("role", _role(role.title, role.organization), f"people[{i}].roles[{j}].evidence",
                                  role.evidence)) for j, role in enumerate(person.roles)]
        mentions = [found.add("person", person.name, f"people[{i}].mentions[{j}]", span)
                    for j, span in enumerate(person.mentions)]
        people.append({"person": person, "roles": roles, "mentions": mentions})
    organizations = [{"organization": org, "mentions": [
        found.add("organization", org.name + (f" ({org.acronym})" if org.acronym else ""),
                  f"organizations[{i}].mentions[{j}]", span) for j, span in enumerate(org.mentions)]}
        for i, org in enumerate(record.organizations)]
    dates = [(d, found.add("date", d.value, f"dates[{i}].evidence", d.evidence)) for i, d in enumerate(record.dates)]
    amounts = [(a, found.add("amount", amount_value(a), f"amounts[{i}].evidence", a.evidence))
               for i, a in enumerate(record.amounts)]
    documents = []
    for i, doc in enumerate(record.documents):
        cited = document_name(doc)
        mentions = [found.add("document", cited, f"documents[{i}].mentions[{j}]", span)
                    for j, span in enumerate(doc.mentions)]
        dated = doc.date_evidence and found.add("document", f"{cited} dated {doc.date}",
                                                f"documents[{i}].date_evidence", doc.date_evidence)
        documents.append({"document": doc, "cited": cited, "mentions": mentions, "dated": dated})
    targets = [(t, found.add("target", target_summary(t), f"targets[{i}].evidence", t.evidence))
               for i, t in enumerate(record.targets)]
    statements = [(st, found.add("statement", statement_summary(st, record), f"statements[{i}].evidence", st.evidence))
                  for i, st in enumerate(record.statements)]
    return found.all, {"event": event, "people": people, "organizations": organizations, "dates": dates,
                       "amounts": amounts, "documents": documents, "targets": targets, "statements": statements}


def evidence_mismatch(record: ArticleRecord, text: str) -> str | None:
    """The first span of `record` whose text is not `text[start:end]`, described; None when all match."""
    return _mismatch(facts(record)[0], text)


def _mismatch(all_facts: Iterable[Fact], text: str) -> str | None:
    for fact in all_facts:
        span = fact.span
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            return (f"{fact.where} at {span.start}-{span.end} is {_clipped(span.text)} in the record but "
                    f"{_clipped(text[span.start:span.end])} in the text")
    return None


def _clipped(text: str, most: int = 40) -> str:
    """A quoted piece of text short enough for a one-line message."""
    return repr(text if len(text) <= most else text[:most] + "…")


def segments(text: str, all_facts: Iterable[Fact]) -> list[Segment]:
    """`text` cut at every span boundary; a span of no width gets an empty segment of its own, so
    that every fact has its element."""
    ordered = sorted(all_facts, key=Fact.order)
    cuts = sorted({0, len(text)} | {f.span.start for f in ordered} | {f.span.end for f in ordered})
    starting: dict[int, list[Fact]] = {}
    for fact in ordered:
        starting.setdefault(fact.span.start, []).append(fact)
    out: list[Segment] = []
    active: list[Fact] = []
    for start, end in zip(cuts, cuts[1:]):
        opened = starting.get(start, [])
        if empty := [f for f in opened if f.span.end == start]:
            out.append(Segment("", tuple((f, True) for f in empty)))
        opened = [f for f in opened if f.span.end > start]
        active = sorted([f for f in active if f.span.end > start] + opened, key=Fact.order)
        out.append(Segment(text[start:end], tuple((f, f.span.start == start) for f in active)))
    for fact in starting.get(len(text), []):  # of no width, at the very end
        out.append(Segment("", ((fact, True),)))
    return out


def render_html(record: ArticleRecord, text: str) -> str:
    """The review page of `record` over its article's `text`: one self-contained HTML document.

    Raises InputError (naming the record's source) when an evidence span does not match the text:
    a page built on it would mark the wrong words.
    """
    all_facts, tables = facts(record)
    if (mismatch := _mismatch(all_facts, text)) is not None:
        raise InputError(source_name(record.source), f"the record's evidence does not match the text: {mismatch}")
    return _template("review.html.j2").render(
        record=record, title=page_title(record), fields=FIELDS, segments=segments(text, all_facts),
        counts={name: sum(1 for f in all_facts if f.field == name) for name in FIELDS}, **tables)


def page_title(record: ArticleRecord) -> str:
    return record.source.title or record.source.path or record.source.id or record.id[:19]


# --- labels --------------------------------------------------------------------------------------

def _role(title: str, organization: str | None) -> str:
    return f"{title}, {organization}" if organization else title


def number(value: float | None) -> str:
    """A figure as people write it: grouped thousands, no '.0' on whole numbers."""
    if value is None:
        return ""
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def amount_value(amount: Amount) -> str:
    figure = f"{number(amount.min)}-{number(amount.max)}" if amount.min is not None else number(amount.value)
    return " ".join(filter(None, (amount.qualifier, figure, amount.currency, amount.unit, f"({amount.kind})")))


def document_name(doc: DocumentRef) -> str:
    return doc.name or " ".join(filter(None, (doc.kind, doc.number)))


def statement_speaker(statement: Statement, record: ArticleRecord) -> str:
    """The speaker as written, with the person it refers to when that reads otherwise ('He → Nguyen Van A')."""
    ref = statement.speaker_ref
    if ref is not None and 0 <= ref < len(record.people) and record.people[ref].name not in statement.speaker:
        return f"{statement.speaker} → {record.people[ref].name}"
    return statement.speaker


def statement_summary(statement: Statement, record: ArticleRecord) -> str:
    to = f" {statement.addressee}" if statement.addressee else ""
    return f"{statement_speaker(statement, record)} {statement.act}{to}" + (" (quoted)" if statement.quote else "")


def target_summary(target: Target) -> str:
    parts = [target.subject or "target"]
    if target.achieved is not None or target.total is not None:
        parts.append(f"{number(target.achieved)} of {number(target.total)}")
    if target.value is not None:
        parts.append(" ".join(filter(None, (target.comparator, number(target.value), target.unit))))
    parts += filter(None, (target.status, target.deadline and f"by {target.deadline}", target.period))
    return ": ".join(parts[:2]) + "".join(f", {p}" for p in parts[2:])


# --- templates -----------------------------------------------------------------------------------

@functools.cache
def _environment() -> Environment:
    """One environment a process: templates are compiled once, whatever the number of pages."""
    environment = Environment(loader=PackageLoader("extractor", "templates"), autoescape=True,
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
    environment.filters["number"] = number
    environment.globals["statement_speaker"] = statement_speaker
    return environment


def _template(name: str):
    return _environment().get_template(name)


# --- reading a record ----------------------------------------------------------------------------

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


def read_record(path: Path, text_id: str, line: int | None = None) -> ArticleRecord:
    """The record in `path`: a .json file's one record; in JSON Lines (.jsonl, .ndjson), line `line`
    (counted from 1), else the first record whose `id` is `text_id`, the id of the article shown."""
    name = str(path)
    lines_file = line is not None or path.suffix.lower() in JSON_LINES_SUFFIXES
    try:
        if not lines_file:
            return _record(path.read_bytes(), name)
        with path.open("rb") as stream:
            for number_, data in enumerate(stream, 1):
                if line is not None and number_ == line:
                    return _record(data, f"{name}, line {number_}")
                if line is None and data.strip() and _id(data) == text_id:
                    return _record(data, f"{name}, line {number_}")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None
    if line is not None:
        raise InputError(name, f"has no line {line}")
    raise InputError(name, f"no record with the article's id ({text_id[:19]}...); give --line N")


def _id(data: bytes) -> str | None:
    try:
        return json.loads(data).get("id")
    except (ValueError, AttributeError):
        return None


def _record(data: bytes, where: str) -> ArticleRecord:
    try:
        return ArticleRecord.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        at = ".".join(map(str, first["loc"]))
        raise InputError(where, f"not a record: {at + ': ' if at else ''}{first['msg']}") from None


# --- a batch run's pages -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of a batch run's index: an article's page and what its record holds, or why it has none."""

    name: str
    page: str | None = None
    event: str | None = None
    people: int = 0
    targets: int = 0
    warnings: tuple[str, ...] = ()
    reason: str | None = None


class Pages:
    """Writes a batch run's review pages into a folder as its records are written, then `index.html`.

    Each page is named after the article's source id or path, made safe: any run of characters
    other than letters, digits and '-' becomes '_', so no name leaves the folder; a name taken
    twice gets '-2', '-3'.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{folder}: cannot write pages there ({error.strerror or error})") from None
        self.entries: list[IndexEntry] = []
        self._taken = {"index"}

    def add(self, name: str, record: ArticleRecord, text: str) -> None:
        page = page_name(name, self._taken) + ".html"
        self._write(page, render_html(record, text))
        event = record.event and " · ".join(filter(None, (record.event.kind, record.event.date and
                                                        record.event.date.value, record.event.location)))
        self.entries.append(IndexEntry(name, page, event, len(record.people), len(record.targets),
                                       tuple(record.warnings)))

    def add_batch(self, articles: Iterable[Article], outcomes: Iterable[Outcome]) -> None:
        """The pages of a batch just written: `outcomes` are its articles', in order."""
        for article, outcome in zip(articles, outcomes, strict=True):
            name = source_key(article.source) or article.name
            if outcome.line is None:
                self.entries.append(IndexEntry(name, reason=outcome.reason))
            else:
                self.add(name, ArticleRecord.model_validate_json(outcome.line), article.text)

    def write_index(self) -> None:
        self._write("index.html", _template("index.html.j2").render(entries=self.entries))

    def _write(self, page: str, html: str) -> None:
        path = self.folder / page
        try:
            path.write_text(html, encoding="utf-8")
        except OSError as error:
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


_UNSAFE = re.compile(r"[^\w-]+")


def page_name(name: str, taken: set[str]) -> str:
    """A file name (without '.html') for the article `name`, not in `taken` (which it joins)."""
    stem = _UNSAFE.sub("_", re.sub(r"\.(txt|html?)$", "", name, flags=re.IGNORECASE)).strip("_")[:100] or "article"
    candidate, count = stem, 1
    while candidate.lower() in taken:
        count += 1
        candidate = f"{stem}-{count}"
    taken.add(candidate.lower())
    return candidate


"""Loads the lexicons in `patterns/`: a header line, then one JSON object a line, validated, cached per process.

Rules are data (medspaCy's habit): adding a title, body or place never touches Python.
Every file opens with a header line (`Header`): the schema its entries follow, where the data
came from and what it holds. Each file has a schema (`SCHEMAS`), whose `kind`, where it is a
category, takes only the kinds the code reads, so a typo'd kind fails when the file loads.
A bad line raises LexiconError naming its file and line.

A lexicon is named as a component's config names it (each factory's `default_config`): a bare
file name ("titles.jsonl") is the file bundled in `patterns/`; a path with a directory
("packs/ph/titles.jsonl", "/srv/packs/titles.jsonl", "./titles.jsonl") is that file on disk,
relative to the working directory, read and checked the same way. A pack's files are named as the
bundled files they replace: the name says which schema the file must follow.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from .datelines import DatelineForm
from .errors import ExtractorError


class LexiconError(ExtractorError):
    """A pattern file that cannot be read as the lexicon it should be."""


class Header(BaseModel):
    """A pattern file's first line: the schema its entries follow, where the data came from, what
    the file holds, and optionally notes on how it is read (its order, its template language)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_name: str = Field(alias="schema", min_length=1)
    source: str = Field(min_length=1)
    holds: str = Field(min_length=1)
    notes: str | None = None


class Entry(BaseModel):
    """One lexicon line: the phrase as written, with what kind of thing it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    kind: str | None = None


class NumberEntry(Entry):
    """A word that stands for a number ('twelve' 12, 'billion' 1e9): the value is checked when the
    file loads, so a bad one is named by file and line, not met later as a failed conversion."""

    value: float = Field(allow_inf_nan=False)


class CurrencyEntry(Entry):
    """A currency as written ('VND', 'đồng', 'US$'), its kind the ISO 4217 code; `shared` when
    several countries write it ('Rs', '$'), so that the article's country decides."""

    kind: str = Field(pattern=r"^[A-Z]{3}$")
    shared: bool = False
    subunits: int = Field(default=1, ge=1)  # a sub-unit's share: 'cents' is 1/100 of USD


class CurrencySignalEntry(Entry):
    """A word that places an article in a country whose currency shares a symbol with another's:
    'Pakistan' makes the 'Rs' that is INR by default PKR."""

    kind: str = Field(pattern=r"^[A-Z]{3}$")
    replaces: list[str] = Field(min_length=1)


class RelativeDateEntry(Entry):
    """A word of dates counted from the reference date and what it counts: a weekday's place
    (Monday 0), a direction (-1, 0, 1), a unit's days or months, a day's distance in days."""

    kind: Literal["weekday", "weekday_abbreviation", "day_word", "direction", "day_unit", "month_unit", "count",
                  "ordinal", "part", "part_around_reference", "edge", "rest", "change", "duration"]
    value: int


class WordMap(Entry):
    """A word and the word it stands for when two mentions are compared ('provincial' province)."""

    means: str


class StatementVerbEntry(Entry):
    """A reporting verb and the act it signals ('urged' request), a collective speaker, or the words
    that open a sentence framing its statement as a report ('Reporting at the meeting, ...'); `object`
    and `opens` narrow a verb to the uses that signal the act ('presented a report', 'asked whether')."""

    kind: Literal["request", "direct", "propose", "suggest", "emphasize", "affirm", "commit", "note", "report",
                  "ask", "thank", "praise", "criticize", "collective", "report_frame"]
    object: list[str] = []
    opens: list[str] = []


def categories(name: str, *kinds: str) -> type[Entry]:
    """The schema of a file whose `kind` is one of `kinds`."""
    return create_model(name, __base__=Entry, __doc__=f"An entry whose kind is one of: {', '.join(kinds)}.",
                        kind=(Literal[kinds], ...))


# A file's schema, by its bundled name; a file's header names it. Where `kind` is a category, the
# kinds are those the code reads (a kind no code reads would be silently ignored); plain Entry
# files hold a canonical name in `kind` (document kinds and codes, units, plural nouns' singulars).
SCHEMAS: dict[str, type[BaseModel]] = {
    "document_kinds.jsonl": Entry,
    "document_codes.jsonl": Entry,
    "document_issuers.jsonl": Entry,
    "units.jsonl": Entry,
    "plurals.jsonl": Entry,
    "number_words.jsonl": NumberEntry,
    "scales.jsonl": NumberEntry,
    "currencies.jsonl": CurrencyEntry,
    "currency_signals.jsonl": CurrencySignalEntry,
    "date_orders.jsonl": categories("DateOrderSignalEntry", "DMY", "MDY"),
    "relative_dates.jsonl": RelativeDateEntry,
    "place_adjectives.jsonl": WordMap,
    "datelines.jsonl": DatelineForm,
    "titles.jsonl": categories("TitleEntry", "title", "qualifier", "fused"),
    "honorifics.jsonl": categories("HonorificEntry", "courtesy", "party", "academic", "military", "religious",
                                   "official", "legal"),
    "bodies.jsonl": categories("BodyEntry", "head", "place_type", "modifier", "portfolio", "legal_suffix"),
    "body_links.jsonl": categories("BodyLinkEntry", "title_link", "inner_link", "name_link", "determiner"),
    "nationalities.jsonl": categories("NationalityEntry", "nationality"),
    "places.jsonl": categories("PlaceEntry", "province", "city", "district", "place", "region", "country", "capital"),
    "surnames.jsonl": categories("SurnameEntry", "vietnamese"),
    "name_parts.jsonl": categories("NamePartEntry", "particle"),
    "not_names.jsonl": categories("NotNameEntry", "month", "weekday", "function", "generic"),
    "english_words.jsonl": categories("EnglishWordEntry", "function"),
    "html_markup.jsonl": categories("MarkupEntry", "tag", "entity"),
    "venues.jsonl": categories("VenueEntry", "venue"),
    # The record's Event.kind values, but for "other", which no noun names.
    "event_kinds.jsonl": categories("EventKindEntry", "conference", "meeting", "session", "congress", "ceremony",
                                    "forum", "working_session", "other", "legislature"),
    "participation.jsonl": categories("ParticipationEntry", "chaired", "attended", "spoke", "chaired_by",
                                      "attended_by", "skipped"),
    "qualifiers.jsonl": categories("QualifierEntry", "about", "over", "under", "at_least", "at_most"),
    "open_ends.jsonl": categories("OpenEndEntry", "at_least", "at_most"),
    "statuses.jsonl": categories("StatusEntry", "achieved", "exceeded", "completed", "missed"),
    "target_cues.jsonl": categories("TargetCueEntry", "noun", "goal", "verb", "not_goal", "modal", "reported",
                                    "list_noun", "list_qualifier", "plan_verb", "list_opener", "change_noun"),
    "statement_verbs.jsonl": StatementVerbEntry,
    "people_cues.jsonl": categories("PeopleCueEntry", "joiner", "distributive", "copula", "serve_modal",
                                    "continue_to", "serve_as", "passive_auxiliary", "appointed", "appointed_to",
                                    "adverb", "article", "pronoun", "anaphor", "in_charge"),
    "event_cues.jsonl": categories("EventCueEntry", "weekday", "document_dated", "part_of_day", "organizing_verb",
                                   "settlement"),
    "date_cues.jsonl": categories("DateCueEntry", "copyright", "coming", "past_perfect", "deadline",
                                  "sentence_preposition", "modifier"),
    "document_cues.jsonl": categories("DocumentCueEntry", "named_kind", "issuing", "subject_opener", "subject_verb",
                                      "finite_verb", "coordinator"),
    "amount_cues.jsonl": categories("AmountCueEntry", "range_joiner", "range_opener", "comparison", "sign",
                                    "not_prefix"),
    "target_context.jsonl": categories("TargetContextEntry", "clause_conjunction", "new_subject", "goal_plural",
                                       "baseline", "future", "per_item", "deadline", "against"),
}

M = TypeVar("M", bound=BaseModel)


def defaults(*names: str) -> dict[str, str]:
    """A factory's `default_config` for the lexicons it reads: each config key names the bundled
    file of that name, {"titles": "titles.jsonl"}; a user's config may give a path instead."""
    return {name: f"{name}.jsonl" for name in names}


def load(name: str, schema: type[M] | None = None) -> tuple[M, ...]:
    """Every entry of the lexicon `name`, in file order, validated by `schema`, by default the
    schema of the bundled file of that file name (SCHEMAS). Read once per process."""
    file_name = Path(name).name
    bundled = file_name == name
    shown = f"patterns/{name}" if bundled else name
    schema = schema or SCHEMAS.get(file_name)
    if schema is None:
        raise LexiconError(f"{shown}: no lexicon is named {file_name!r}; a pack's files are named as the bundled "
                           f"ones they replace: {', '.join(sorted(SCHEMAS))}")
    return _read(name if bundled else str(Path(name).expanduser().resolve()), bundled, shown, schema)


@functools.cache
def _read(location: str, bundled: bool, shown: str, schema: type[M]) -> tuple[M, ...]:
    path = resources.files("extractor") / "patterns" / location if bundled else Path(location)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{shown}: cannot be read ({error})") from None
    return parse(lines, shown, schema)


def parse(lines: Iterable[str], name: str, schema: type[M] = Entry) -> tuple[M, ...]:
    """Entries from a header line and JSON Lines; blank lines are skipped, a bad line raises
    naming `name` and its number, as does a header naming another schema than `schema` (line 1)."""
    lines = iter(lines)
    check_header(next(lines, ""), name, schema)
    return tuple(validated(schema, line, name, number) for number, line in enumerate(lines, start=2) if line.strip())


def check_header(line: str, name: str, schema: type[BaseModel]) -> Header:
    """The header a file opens with, checked to name `schema`."""
    try:
        opened = json.loads(line)
    except json.JSONDecodeError:
        opened = None
    if not isinstance(opened, dict) or "schema" not in opened:
        raise LexiconError(f'{name}, line 1: no header: a pattern file opens with a line '
                           f'{{"schema": "{schema.__name__}", "source": ..., "holds": ...}}')
    header = validated(Header, line, name, 1)
    if header.schema_name != schema.__name__:
        raise LexiconError(f"{name}, line 1: schema: {header.schema_name!r}, but this lexicon is read "
                           f"as {schema.__name__!r}")
    return header


def validated(schema: type[M], line: str, name: str, number: int) -> M:
    """One line read as `schema`, or a LexiconError naming the file, the line and the field."""
    try:
        return schema.model_validate(json.loads(line))
    except json.JSONDecodeError as error:
        raise LexiconError(f"{name}, line {number}: not JSON ({error})") from None
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(map(str, first["loc"]))
        raise LexiconError(f"{name}, line {number}: {field + ': ' if field else ''}{first['msg']}") from None


@functools.cache
def texts(name: str, kind: str | None = None) -> tuple[str, ...]:
    """The lexicon's phrases as written, in file order, optionally only those of one kind."""
    return tuple(e.text for e in load(name) if kind is None or e.kind == kind)


@functools.cache
def phrases(name: str, kind: str | None = None) -> frozenset[str]:
    """The lexicon's phrases folded for lookup (see `fold`), optionally only those of one kind;
    built once per process, so the stages that read one lexicon share one set."""
    return frozenset(fold(text) for text in texts(name, kind))


@functools.lru_cache(maxsize=65536)  # called for every token the name and people stages look up
def fold(text: str) -> str:
    """Lowercase without diacritics, for lookups that must not depend on how a name was typed."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def phrase_regex(alternatives: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any white space or hyphen."""
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in ordered)


def phrase_starts(phrases: Iterable[str]) -> str:
    """A regex look-ahead that holds where one of the phrases can start: at its first word, whole,
    or, for a phrase opening with a mark, at that mark. Python's regex engine tries an alternation's
    branches one by one at every place; put before a `phrase_regex` of hundreds of phrases, this
    rejects most places on a letter or two, as the words are spelled as a trie. Where the pattern
    ends each phrase at a word's end ('Chair' followed by `(?!\\w)` or `[\\s-]+`, not by 'man'), it
    only rejects places where no phrase could match: the pattern finds what it found alone."""
    words, marks = set(), set()
    for phrase in phrases:
        word = re.match(r"\w*", phrase).group()
        if word:
            words.add(word)
        else:
            marks.add(re.escape(phrase[:1]))  # an empty phrase matches anywhere: so does ""
    # The first letters as one set first: one test rejects most words, where the trie's first
    # branches would each be entered (two times faster).
    first_letters = "".join(sorted({re.escape(word[0]) for word in words}))
    starts = [rf"(?=[{first_letters}]){_trie(words)}(?!\w)"] if words else []
    return f"(?={'|'.join(starts + sorted(marks))})"


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """What `pattern.finditer(text)` finds, the pattern tried only at `starts` (in order), the places
    where a match can start (see `phrase_starts`): one scan for those places serves several patterns.
    For a pattern that matches no empty text, which finditer would find anywhere."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def _trie(words: Iterable[str]) -> str:
    """The words as a regex trie, so a branch fails on its first letter: ['chair', 'chairman',
    'chairmen'] -> 'chair(?:m(?:an|en))?'. Not ordered as an alternation of phrases is: for a
    look-ahead ending on a word's end, where any branch's success is enough."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def spelled(node: dict) -> str:
        branches = [re.escape(char) + spelled(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{either})?" if "" in node else either

    return spelled(root)


ANY_SPACE = r"\s+"  # for `alternation`: a phrase's spaces match any white space


def alternation(alternatives: Iterable[str], space: str | None = None) -> str:
    """A regex alternation of literal phrases in the order given (a cue file's order: where two
    could match at one place, the first written is tried first), the spaces within a phrase
    matching the regex `space`, or, when None, one space as written."""
    unique = dict.fromkeys(alternatives)
    if space is None:
        return "|".join(map(re.escape, unique))
    return "|".join(space.join(map(re.escape, p.split())) for p in unique)


def cues(name: str, kind: str, space: str | None = None) -> str:
    """The phrases of one kind of a cue file, as a regex alternation in file order (`alternation`)."""
    return alternation(texts(name, kind), space)

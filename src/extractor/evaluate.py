"""Evaluation: extracted records scored against gold annotations, field by field.

A gold file `NAME.json` (the format is described in `docs/gold-format.md`) lists the facts a
correct extractor finds in `NAME.txt`. Each field's facts are paired one to one with the facts the
extractor gave (`match_facts`, a maximum pairing), by that field's matching rule (the `same_*`
functions below); the counts of paired (tp), spurious (fp) and missed (fn) facts are summed over the
articles (micro-averaged) into precision, recall and F1 per field and overall.

The rules are those of the gold format; where it leaves a case open, the rule stated in the
function's docstring is the one the reference scorer (`tools/score` beside the devset, version 2)
applies, so that both give the same figures on the same gold and records. One deliberate
difference: a gold article without its prediction file is an error, not an empty record. The
details describe facts in this module's own words, not the reference's.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from rich.table import Table

from . import lexicon
from .api import Extractor, default_extractor
from .defaults import DEFAULT_MODEL
from .inputs import read_text
from .errors import ExtractorError
from .records import ArticleRecord, Source, Statement, Target

FIELDS = ("people", "roles", "dates", "amounts", "documents", "document_dates", "targets",
          "event_kind", "event_date", "event_location")
ALL = "all"
# Scored only for the articles whose gold has a "statements" key, and kept out of `all`.
STATEMENTS = "statements"
ACTS = ("request", "direct", "propose", "suggest", "emphasize", "affirm", "commit", "note", "report", "ask",
        "thank", "praise", "criticize")
CONTENT_OVERLAP = 0.5  # of the gold content's words, found in the predicted content

# Gold lists counts and quantities only as optional: predicted amounts of other kinds are not scored.
SCORED_AMOUNT_KINDS = frozenset({"money", "percent", "multiplier"})
NUMBER_TOLERANCE = 0.005
SIMILAR_RATIO = 0.9   # titles and bodies
NAME_RATIO = 0.92     # names are short: "Le Ho" is not "Le Hoi" (0.909)
IGNORED_WORDS = frozenset({"the", "of", "and"})   # in titles, bodies, kinds and places; names keep them
UNIT_ALIASES = {"%": "percent", "per cent": "percent", "pct": "percent"}
# Abbreviated titles read as the words they stand for, as the reference scorer reads them (this list
# and no other: "Sen." is not expanded).
TITLE_ABBREVIATIONS = {"gov": "governor", "rep": "representative", "pres": "president", "sec": "secretary",
                       "dir": "director", "dep": "deputy", "chmn": "chairman", "gen": "general",
                       "col": "colonel", "supt": "superintendent", "mgr": "manager"}

# A day, month or year ('2024-07-31', '2024-07', '2023', 'XXXX-07-31'), or an interval of two ('2021/2025').
_DATE = r"[0-9X]{4}(?:-[0-9X]{2}){0,2}"
DateText = Annotated[str, StringConstraints(pattern=rf"^{_DATE}(?:/{_DATE})?$")]


class EvaluationError(ExtractorError):
    """Gold or predictions that cannot be scored: a missing folder or file, a bad gold or record file."""


# --- The gold format --------------------------------------------------------------------------


class _Gold(BaseModel):
    """A misspelt key is an error, not a fact silently left unscored."""

    model_config = ConfigDict(extra="forbid")


class GoldRole(_Gold):
    title: str = Field(min_length=1)
    organization: str | None


class GoldPerson(_Gold):
    name: str = Field(min_length=1)
    roles: list[GoldRole] = []


class GoldEvent(_Gold):
    kind: Literal["conference", "meeting", "session", "congress", "ceremony", "forum",
                  "working_session", "other"] | None
    date: DateText | None = None
    date_alternatives: list[DateText] = []
    location: str | None = None
    location_alternatives: list[str] = []


class GoldAmount(_Gold):
    kind: Literal["money", "percent", "multiplier", "count", "quantity"]
    value: float
    currency: str | None = None
    unit: str | None = None


class GoldDocument(_Gold):
    kind: str = Field(min_length=1)
    number: str = Field(min_length=1)
    date: DateText | None = None


class GoldTarget(_Gold):
    value: float | None = None
    unit: str | None = None
    achieved: float | None = None
    total: float | None = None

    @model_validator(mode="after")
    def _has_a_number(self) -> GoldTarget:
        if self.value is None and self.achieved is None and self.total is None:
            raise ValueError("a target needs a value, or achieved and total")
        return self


class GoldStatement(_Gold):
    speaker: str = Field(min_length=1)
    act: Literal[ACTS]  # type: ignore[valid-type]
    content: str = Field(min_length=1)
    quote: bool = False
    speaker_name: str | None = None  # the person a pronoun or description speaker refers to


class Gold(_Gold):
    """One gold file: the facts a correct extractor finds in the article beside it."""

    id: str | None = None
    published: date | None = None
    event: GoldEvent | None = None
    people: list[GoldPerson] = []
    people_optional: list[str] = []
    dates: list[DateText] = []
    dates_optional: list[DateText] = []
    amounts: list[GoldAmount] = []
    amounts_optional: list[GoldAmount] = []
    documents: list[GoldDocument] = []
    targets: list[GoldTarget] = []
    targets_optional: list[GoldTarget] = []
    statements: list[GoldStatement] | None = None  # None: the article's statements are not annotated
    statements_optional: list[GoldStatement] = []
    notes: list[str] = []


def load_gold(path: Path) -> Gold:
    """A gold file, validated; EvaluationError names the file and the field that is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise EvaluationError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    try:
        return Gold.model_validate(data)
    except ValidationError as error:
        raise EvaluationError(f"{path}: {_first_problem(error)}") from None


def load_gold_dir(folder: Path) -> dict[str, Gold]:
    """Every gold file `NAME.json` of `folder` by NAME, sorted by name."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: no such folder")
    paths = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not paths:
        raise EvaluationError(f"{folder}: no gold files (NAME.json beside NAME.txt)")
    return {path.stem: load_gold(path) for path in paths}


def load_predictions(folder: Path, names: Iterable[str]) -> dict[str, ArticleRecord]:
    """The record `NAME.json` in `folder` for each gold NAME; a missing or invalid one is an error."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: no such folder")
    records = {}
    for name in names:
        path = folder / f"{name}.json"
        try:
            records[name] = ArticleRecord.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            raise EvaluationError(f"{path}: no such file (the gold has {name}.json)") from None
        except OSError as error:
            raise EvaluationError(f"{path}: cannot read ({error.strerror or error})") from None
        except ValidationError as error:
            raise EvaluationError(f"{path}: not a record: {_first_problem(error)}") from None
    return records


def read_articles(folder: Path, golds: dict[str, Gold]) -> list[tuple[str, Source]]:
    """The text `NAME.txt` of each gold NAME, with the gold's `published` as its reference date."""
    items = []
    for name, gold in golds.items():
        path = folder / f"{name}.txt"
        items.append((read_text(str(path)), Source(path=str(path), published=gold.published)))  # as `extract` reads
    return items


def _first_problem(error: ValidationError) -> str:
    """The first problem pydantic found, as `field.path: message`."""
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else problem["msg"]


# --- Comparing text and numbers ---------------------------------------------------------------


def fold(text: str | None, *, keep_brackets: bool = False, keep_ignored_words: bool = False) -> str:
    """`text` as the comparisons see it: no diacritics (đ as d), no case, no bracketed part (an
    acronym such as "(PC)"), punctuation as spaces, without the `IGNORED_WORDS` "the", "of" and
    "and", and single-spaced. None folds to "".

    With `keep_brackets`, the words in brackets stay (a place written "Chaktomuk Hall (Phnom Penh)");
    with `keep_ignored_words`, "the", "of" and "and" stay (a name: "Nguyen The Anh").

    >>> fold("the Ministry of Industry and Trade (MoIT)")
    'ministry industry trade'
    >>> fold("Chaktomuk Hall (Phnom Penh)", keep_brackets=True)
    'chaktomuk hall phnom penh'
    """
    if text is None:
        return ""
    text = lexicon.fold(text)
    if not keep_brackets:
        text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(word for word in text.split() if keep_ignored_words or word not in IGNORED_WORDS)


def similar(a: str | None, b: str | None, cut: float = SIMILAR_RATIO, *, keep_ignored_words: bool = False) -> bool:
    """Two texts the same once folded (`keep_ignored_words` as in `fold`), or nearly so (a difflib
    ratio of `cut` or more, which forgives a typo or a spelling variant: "Mobilisation" and
    "Mobilization"). Two empty texts are the same; an empty one is like no other."""
    a, b = fold(a, keep_ignored_words=keep_ignored_words), fold(b, keep_ignored_words=keep_ignored_words)
    if not a or not b:
        return a == b
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= cut


def same_number(gold: float | None, value: float | None) -> bool:
    """`value` within 0.5% of `gold` (of the gold value, so a gold 0 takes only 0); None matches nothing."""
    if gold is None or value is None:
        return False
    return abs(value - gold) <= NUMBER_TOLERANCE * abs(gold)


# --- One matching rule per field --------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """A name's words as compared: folded, keeping every word ("the" of "Nguyen The Anh" too)."""
    return fold(name, keep_ignored_words=True).split()


def same_name(gold: str, name: str) -> bool:
    """A person's names match when `similar` with the stricter `NAME_RATIO`, every word kept ("Nguyen
    Van Duk" is "Nguyen Van Duc"; "Le Ho" is not "Le Hoi"; "Nguyen The Anh" is not "Nguyen Hoai Anh"),
    or when the name with fewer words (the gold one when both have as many) is a partial form of the
    other: at least two different words, all of them in the other name, the other's last word among
    them ("Pham Chinh" is "Pham Minh Chinh"; "Chinh" alone and "Nguyen Van" of "Nguyen Van Thanh" are
    not)."""
    if similar(gold, name, NAME_RATIO, keep_ignored_words=True):
        return True
    gold_words, words = name_words(gold), name_words(name)
    shorter, longer = (gold_words, words) if len(gold_words) <= len(words) else (words, gold_words)
    return len(set(shorter)) >= 2 and set(shorter) <= set(longer) and longer[-1] in shorter


def same_body(gold: str | None, body: str | None) -> bool:
    """Organizations match when both are absent, when `similar`, or when the one with fewer different
    words has at least two, all of them in the other, and at least half as many as the other ("Industry
    and Trade" and "Ministry of Industry and Trade"; "Trade" alone is not enough)."""
    if similar(gold, body):
        return True
    shorter, longer = sorted((set(fold(gold).split()), set(fold(body).split())), key=len)
    return len(shorter) >= 2 and 2 * len(shorter) >= len(longer) and shorter <= longer


def same_split(gold_title: str, gold_body: str | None, title: str, body: str | None) -> bool:
    """The same words, split differently between title and body: "An Giang Provincial Party Secretary"
    with no body is title "Provincial Party Secretary" of "An Giang". Title and body are folded as one
    text; every word counts, as often as it appears; the order does not."""
    def words(t: str, b: str | None) -> list[str]:
        return sorted(fold(f"{t} {b or ''}").split())
    return words(gold_title, gold_body) == words(title, body)


def same_title(gold: str, title: str) -> bool:
    """Titles match when `similar` once each word in `TITLE_ABBREVIATIONS` is written out ("Vice Gov."
    is "Vice Governor")."""
    def expand(t: str) -> str:
        return " ".join(TITLE_ABBREVIATIONS.get(word, word) for word in fold(t).split())
    return similar(expand(gold), expand(title))


def same_role(gold: GoldRole, title: str, body: str | None) -> bool:
    """A role matches when its title is `same_title` and its body is `same_body`, or by `same_split`."""
    return ((same_title(gold.title, title) and same_body(gold.organization, body))
            or same_split(gold.title, gold.organization, title, body))


def same_amount(gold: GoldAmount, kind: str, value: float, currency: str | None) -> bool:
    """The same kind and the value by `same_number`; for money, the same currency too (letter case
    aside; none, or an empty code, matches only none). A percentage or a multiplier matches whatever
    currency it was given."""
    def code(c: str | None) -> str:
        return (c or "").upper()
    return (gold.kind == kind and same_number(gold.value, value)
            and (kind != "money" or code(gold.currency) == code(currency)))


def document_number(number: str | None) -> str:
    """A document number as compared: no case, no white space ("40-CT/TW" is "40-ct/tw")."""
    return re.sub(r"\s+", "", number or "").casefold()


def same_document(gold: GoldDocument, kind: str, number: str | None) -> bool:
    """The same kind (folded: "the Resolution" is "Resolution"; "Programme" is not "Program") and the
    same `document_number`, a leading "No." of the predicted number set aside ("No. 40-CT/TW" is
    "40-CT/TW"). The gold number is taken as written, as the format writes it without "No." (one
    with it matches nothing), and one of white space alone matches nothing either; so does a
    document cited without a number."""
    gold_number = document_number(gold.number)
    return (bool(gold_number) and fold(gold.kind) == fold(kind)
            and gold_number == document_number(number).removeprefix("no."))


def unit_key(unit: str | None) -> str:
    """A target's unit as compared: folded, with "%", "per cent" and "pct" as "percent". "" means no
    unit."""
    if unit is not None:
        unit = UNIT_ALIASES.get(unit.strip().casefold(), unit)  # fold() would erase a "%"
    key = fold(unit)
    return UNIT_ALIASES.get(key, key)


def same_unit(gold: str | None, unit: str | None) -> bool:
    """Units agree when either is missing (`unit_key` ""), or when their keys are equal, a trailing s
    aside ("communes" is "commune")."""
    gold_key, key = unit_key(gold), unit_key(unit)
    return not gold_key or not key or gold_key.rstrip("s") == key.rstrip("s")


def same_target(gold: GoldTarget, target: Target) -> bool:
    """Attainment ("20 out of 25", a gold target with a total) matches by achieved and total, both by
    `same_number`; a goal by its value (`same_number`) and `same_unit`."""
    if gold.total is not None:
        return same_number(gold.achieved, target.achieved) and same_number(gold.total, target.total)
    return same_number(gold.value, target.value) and same_unit(gold.unit, target.unit)


def same_place(gold: str, location: str) -> bool:
    """The gold place's words, whole and in order, stand in the predicted location, both folded with
    their bracketed words kept ("Quang Ninh" in "Ha Long City, Quảng Ninh province"; "Phnom Penh" in
    "Chaktomuk Hall (Phnom Penh)"; "Ha" not in "Hanoi"). An empty place is in no location."""
    place = fold(gold, keep_brackets=True)
    return bool(place) and f" {place} " in f" {fold(location, keep_brackets=True)} "


# --- Pairing facts ----------------------------------------------------------------------------

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Matching(Generic[G, P]):
    """Gold and predicted facts of one field paired one to one."""

    pairs: list[tuple[G, P]] = field(default_factory=list)
    missed: list[G] = field(default_factory=list)     # required gold facts no prediction matched
    spurious: list[P] = field(default_factory=list)   # predictions that match no gold fact at all
    repeated: list[P] = field(default_factory=list)   # predictions that repeat a gold fact already paired


def best_pairing(gold: Sequence[G], predicted: Sequence[P], same: Callable[[G, P], bool]) -> dict[int, int]:
    """As many pairs of a gold fact and a prediction `same` accepts as can be made, one to one, as
    {gold index: predicted index}: the order of a list changes which facts pair, never how many.

    Each gold fact in turn, in gold order, takes the first prediction it matches (in predicted order)
    that is free, or that the gold fact holding it can give up for another it matches, the chain of
    such exchanges searched depth first (augmenting paths), each prediction tried once per gold fact.
    With gold targets 8 (no unit) and 8 percent, and predictions 8 percent and 8 communes, first fit
    would give 8 percent to the first gold target and leave the second unpaired; here the first
    gives it up for 8 communes. This is the reference scorer's order of search, so both make the
    same pairs (which matters for the roles of paired people).
    """
    candidates = [[j for j, p in enumerate(predicted) if same(g, p)] for g in gold]
    holder: dict[int, int] = {}     # predicted index -> the gold index it is paired with

    def place(i: int, tried: set[int]) -> bool:
        """Pair gold fact `i`, moving earlier pairs along if need be; False when it cannot be."""
        for j in candidates[i]:
            if j in tried:
                continue
            tried.add(j)
            if j not in holder or place(holder[j], tried):
                holder[j] = i
                return True
        return False

    for i in range(len(gold)):
        place(i, set())
    return dict(sorted((i, j) for j, i in holder.items()))


def match_facts(gold: Sequence[G], predicted: Sequence[P], same: Callable[[G, P], bool],
                optional: Sequence[G] = ()) -> Matching[G, P]:
    """Pair the required gold facts with predictions by `best_pairing` (pairs and missed facts in gold order).

    A prediction left unpaired is dropped when it matches an optional gold fact (neither rewarded nor
    punished), `repeated` when it matches a required gold fact (that fact was already found: it
    counts once), and `spurious` otherwise.
    """
    pairing = best_pairing(gold, predicted, same)
    paired = set(pairing.values())
    matching: Matching[G, P] = Matching(
        pairs=[(gold[i], predicted[j]) for i, j in pairing.items()],
        missed=[fact for i, fact in enumerate(gold) if i not in pairing])
    for j, prediction in enumerate(predicted):
        if j in paired or any(same(o, prediction) for o in optional):
            continue
        if any(same(g, prediction) for g in gold):
            matching.repeated.append(prediction)
        else:
            matching.spurious.append(prediction)
    return matching


# --- Scoring an article -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One field of one article: how many facts were found, and the missed and spurious ones, described."""

    tp: int = 0
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def fp(self) -> int:
        return len(self.spurious)

    @property
    def fn(self) -> int:
        return len(self.missed)


def score_people(gold: Gold, record: ArticleRecord) -> dict[str, Outcome]:
    """People by `same_name`, then roles by `same_role` within each paired person.

    A person counts once: a second entry for a person already found (`repeated`) is neither rewarded
    nor punished, and nor are its roles. The roles of a gold person not found are missed, those of a
    spurious person are spurious; a person in `people_optional` is not scored, nor are their roles.
    """
    optional = [GoldPerson(name=name) for name in gold.people_optional]
    people = match_facts(gold.people, record.people, lambda g, p: same_name(g.name, p.name), optional)
    roles_tp, roles_missed, roles_spurious = 0, [], []
    for gold_person, person in people.pairs:
        roles = match_facts(gold_person.roles, person.roles, lambda g, r: same_role(g, r.title, r.organization))
        roles_tp += len(roles.pairs)
        roles_missed += [_role(gold_person.name, r.title, r.organization) for r in roles.missed]
        roles_spurious += [_role(gold_person.name, r.title, r.organization) for r in roles.spurious]
    for gold_person in people.missed:
        roles_missed += [_role(gold_person.name, r.title, r.organization) for r in gold_person.roles]
    for person in people.spurious:
        roles_spurious += [_role(person.name, r.title, r.organization) for r in person.roles]
    return {
        "people": Outcome(len(people.pairs), tuple(p.name for p in people.missed),
                          tuple(p.name for p in people.spurious)),
        "roles": Outcome(roles_tp, tuple(roles_missed), tuple(roles_spurious)),
    }


def score_dates(gold: Gold, record: ArticleRecord) -> Outcome:
    """Dates as sets of values, compared exactly: each value counts once however often it is given."""
    required, optional = dict.fromkeys(gold.dates), set(gold.dates_optional)
    predicted = dict.fromkeys(d.value for d in record.dates)
    return Outcome(
        tp=sum(value in predicted for value in required),
        missed=tuple(value for value in required if value not in predicted),
        spurious=tuple(value for value in predicted if value not in required and value not in optional),
    )


def score_amounts(gold: Gold, record: ArticleRecord) -> Outcome:
    """Amounts by `same_amount`; predicted counts and quantities are not scored (the gold lists them
    only as optional)."""
    predicted = [a for a in record.amounts if a.kind in SCORED_AMOUNT_KINDS]
    matching = match_facts(gold.amounts, predicted, lambda g, a: same_amount(g, a.kind, a.value, a.currency),
                           gold.amounts_optional)
    return Outcome(len(matching.pairs), tuple(_amount(a.kind, a.value, a.currency) for a in matching.missed),
                   tuple(_quoted(_amount(a.kind, a.value, a.currency), a.text) for a in matching.spurious))


def score_documents(gold: Gold, record: ArticleRecord) -> dict[str, Outcome]:
    """Documents by `same_document`, among the predicted ones that have a number (one cited without
    a number, or with an empty one, is not scored, as the gold lists none). Then each gold
    document's date against the date of the first numbered document that is the same one (an empty
    date is none): a date the gold gives is missed when that document has another or none (and the
    other is spurious too); a date the gold does not give is spurious."""
    numbered = [d for d in record.documents if d.number]
    matching = match_facts(gold.documents, numbered, lambda g, d: same_document(g, d.kind, d.number))
    dates_tp, dates_missed, dates_spurious = 0, [], []
    for gold_document in gold.documents:
        document = next((d for d in numbered if same_document(gold_document, d.kind, d.number)), None)
        found = (document.date or None) if document else None
        if found == gold_document.date:
            dates_tp += gold_document.date is not None
            continue
        if gold_document.date is not None:
            dates_missed.append(f"{_document(gold_document.kind, gold_document.number)}: {gold_document.date}")
        if found is not None:
            dates_spurious.append(f"{_document(document.kind, document.number)}: {found}")
    return {
        "documents": Outcome(len(matching.pairs), tuple(_document(d.kind, d.number) for d in matching.missed),
                             tuple(_quoted(_document(d.kind, d.number), d.mentions[0].text) if d.mentions
                                   else _document(d.kind, d.number) for d in matching.spurious)),
        "document_dates": Outcome(dates_tp, tuple(dates_missed), tuple(dates_spurious)),
    }


def score_targets(gold: Gold, record: ArticleRecord) -> Outcome:
    """Targets by `same_target`; those in `targets_optional` are neither rewarded nor punished."""
    matching = match_facts(gold.targets, record.targets, same_target, gold.targets_optional)
    return Outcome(len(matching.pairs), tuple(_target(t) for t in matching.missed),
                   tuple(_quoted(_target(t), t.text) for t in matching.spurious))


def score_value(gold: str | None, predicted: str | None, same: Callable[[str, str], bool]) -> Outcome:
    """One value (a part of the event): found when both are given and `same`; a value given where the
    gold has none is spurious, one missing where the gold has one is missed."""
    if gold is not None and predicted is not None and same(gold, predicted):
        return Outcome(tp=1)
    return Outcome(missed=(gold,) if gold is not None else (),
                   spurious=(predicted,) if predicted is not None else ())


def score_event(gold: Gold, record: ArticleRecord) -> dict[str, Outcome]:
    """The event's kind (folded), date (the gold date or one of its `date_alternatives`, exactly) and
    location (the gold place or one of its `location_alternatives`, by `same_place`), each by
    `score_value`: the alternatives count only beside a gold date or place."""
    event = gold.event
    predicted = record.event
    dates = {event.date, *event.date_alternatives} if event else set()
    places = [event.location, *event.location_alternatives] if event else []
    return {
        "event_kind": score_value(event and event.kind, predicted and predicted.kind,
                                  lambda g, p: fold(g) == fold(p)),
        "event_date": score_value(event and event.date, predicted and predicted.date and predicted.date.value,
                                  lambda g, p: p in dates),
        "event_location": score_value(event and event.location, predicted and predicted.location,
                                      lambda g, p: any(same_place(place, p) for place in places)),
    }


def content_words(text: str) -> list[str]:
    """A content's words as compared: folded, every word kept."""
    return fold(text, keep_ignored_words=True).split()


def content_overlap(gold: str, content: str) -> float:
    """The share of the gold content's words (each as often as written) found in the predicted content."""
    gold_words, found = content_words(gold), set(content_words(content))
    return sum(w in found for w in gold_words) / len(gold_words) if gold_words else 0.0


def same_speaker(gold: GoldStatement, statement: Statement, record: ArticleRecord, person: str | None = None) -> bool:
    """The gold speaker, its `speaker_name`, or the gold `person` it names (`speaker_person`), is
    `same_name` as the predicted speaker or as the name of the person its `speaker_ref` points at; or
    the two speakers are the same folded (a collective speaker: "delegates", "the conference")."""
    names = [n for n in (gold.speaker, gold.speaker_name, person) if n]
    predicted = [statement.speaker]
    if statement.speaker_ref is not None and 0 <= statement.speaker_ref < len(record.people):
        predicted.append(record.people[statement.speaker_ref].name)
    return (fold(gold.speaker) == fold(statement.speaker) and bool(fold(gold.speaker))) or any(
        same_name(n, p) or name_within(n, p) for n in names for p in predicted)


def name_within(gold: str, speaker: str) -> bool:
    """A person's name standing whole inside a speaker written with a title: "Nghiem Xuan Cuong" in
    "Vice Chairman Nghiem Xuan Cuong" (two words at least)."""
    name = name_words(gold)
    return len(name) >= 2 and f" {' '.join(name)} " in f" {' '.join(name_words(speaker))} "


def same_statement(gold: GoldStatement, statement: Statement, record: ArticleRecord, person: str | None = None) -> bool:
    """The same act, `same_speaker`, and a `content_overlap` of at least `CONTENT_OVERLAP`."""
    return (gold.act == statement.act and content_overlap(gold.content, statement.content) >= CONTENT_OVERLAP
            and same_speaker(gold, statement, record, person))


def speaker_person(gold: Gold, statement: GoldStatement) -> str | None:
    """The full name of the gold person a gold statement's speaker is: its `speaker_name`; else the
    one person of the gold's people (and people_optional) whose name stands whole in the speaker
    ("Nghiem Xuan Cuong" in "Vice Chairman Nghiem Xuan Cuong") or, failing that, whose last word is
    the speaker's ("Ms. Hoa", "Mr Bhatti", "Vice Chairman Dinh": the short form the text uses after
    the full name) or, failing that, has the speaker's last word ("Governor Bounkong" for Bounkong
    Sisavath, a given name written first); else, for a speaker written with a name the gold people lack, the speaker itself.
    None for a collective or unnamed speaker, or when two people fit."""
    if statement.speaker_name:
        return statement.speaker_name
    words = name_words(statement.speaker)
    people = [p.name for p in gold.people] + list(gold.people_optional)
    for fits in (lambda name: name_within(name, statement.speaker),
                 lambda name: bool(words) and name_words(name)[-1:] == words[-1:],
                 lambda name: bool(words) and words[-1] in name_words(name)):
        found = {name for name in people if fits(name)}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return statement.speaker if _is_named(statement.speaker) else None


@dataclass(frozen=True)
class StatementOutcome:
    """The statements of one article: the outcome overall and per act, the content overlap of each
    pair, and the speaker links (pairs whose gold speaker is a person, and those whose
    speaker_ref names that person)."""

    outcome: Outcome
    acts: dict[str, Outcome]
    overlaps: tuple[float, ...]
    links: int
    linked: int


def score_statements(gold: Gold, record: ArticleRecord) -> StatementOutcome:
    """Statements by `same_statement`; those in `statements_optional` are neither rewarded nor punished."""
    persons = {id(g): speaker_person(gold, g) for g in [*(gold.statements or []), *gold.statements_optional]}

    def same(g: GoldStatement, s: Statement) -> bool:
        return same_statement(g, s, record, persons[id(g)])
    matching = match_facts(gold.statements or [], record.statements, same, gold.statements_optional)
    acts = {}
    for act in ACTS:
        pairs = sum(g.act == act for g, _ in matching.pairs)
        missed = tuple(_statement(g.speaker, g.act, g.content) for g in matching.missed if g.act == act)
        spurious = tuple(_statement(s.speaker, s.act, s.content) for s in matching.spurious if s.act == act)
        if pairs or missed or spurious:
            acts[act] = Outcome(pairs, missed, spurious)
    links = linked = 0
    for g, s in matching.pairs:
        person = persons[id(g)]
        if person is None:
            continue
        links += 1
        ref = s.speaker_ref
        linked += ref is not None and 0 <= ref < len(record.people) and (
            same_name(person, record.people[ref].name) or name_within(record.people[ref].name, person)
            or name_within(person, record.people[ref].name))
    return StatementOutcome(
        Outcome(len(matching.pairs), tuple(_statement(g.speaker, g.act, g.content) for g in matching.missed),
                tuple(_statement(s.speaker, s.act, s.content) for s in matching.spurious)),
        acts, tuple(content_overlap(g.content, s.content) for g, s in matching.pairs), links, linked)


def _is_named(speaker: str) -> bool:
    """A speaker written with a personal name: two capitalized words in a row at least, not a body
    ("Vice Chairman Nghiem Xuan Cuong", not "the conference" or "the Department of Finance")."""
    words = [w for w in re.findall(r"[\w'.-]+", speaker)]
    run = best = 0
    for word in words:
        run = run + 1 if word[:1].isupper() else 0
        best = max(best, run)
    heads = lexicon.phrases("bodies.jsonl", "head")
    return best >= 2 and not any(lexicon.fold(w) in heads for w in words)


def _statement(speaker: str, act: str, content: str) -> str:
    short = content if len(content) <= 60 else content[:60] + "…"
    return f"{speaker} {act}: {short!r}"


def score_article(gold: Gold, record: ArticleRecord) -> dict[str, Outcome]:
    """Every field of one article, in `FIELDS` order."""
    outcomes = {
        **score_people(gold, record),
        "dates": score_dates(gold, record),
        "amounts": score_amounts(gold, record),
        **score_documents(gold, record),
        "targets": score_targets(gold, record),
        **score_event(gold, record),
    }
    return {name: outcomes[name] for name in FIELDS}


def _role(person: str, title: str, body: str | None) -> str:
    return f"{person}: {title} | {body or '-'}"


def _number(value: float) -> str:
    """A number as a reader writes it: 5075500000000, not 5.0755e+12; 3.07 stays 3.07."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _amount(kind: str, value: float, currency: str | None) -> str:
    return " ".join(filter(None, [kind, _number(value), currency]))


def _document(kind: str, number: str | None) -> str:
    return f"{kind} {number or '(no number)'}"


def _target(target: GoldTarget | Target) -> str:
    if target.achieved is not None or target.total is not None:
        return " of ".join(_number(n) if n is not None else "?" for n in (target.achieved, target.total))
    if target.value is None:
        return "no number"
    return f"{_number(target.value)} {target.unit}" if target.unit else _number(target.value)


def _quoted(fact: str, text: str) -> str:
    """A predicted fact with the words it was read from, so a reviewer can find it in the article."""
    return f"{fact} ({text!r})"


# --- Figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Counts summed over articles, and the precision, recall and F1 they give."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp); with nothing predicted, 1 when nothing was missed either, else 0."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when the gold has nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; 0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def total(outcomes: Iterable[Outcome]) -> Score:
    """Micro-average: the counts of every outcome summed."""
    outcomes = list(outcomes)
    return Score(sum(o.tp for o in outcomes), sum(o.fp for o in outcomes), sum(o.fn for o in outcomes))


@dataclass
class Report:
    """The outcome of every field of every article (by article name), and the figures they add up to."""

    articles: dict[str, dict[str, Outcome]]
    # Per article whose gold has a "statements" key (others are not counted at all).
    statements: dict[str, StatementOutcome] = field(default_factory=dict)

    def statement_scores(self) -> dict | None:
        """The statements' figures: overall, per act, the mean content overlap of the pairs and the
        speaker links; None when no gold annotates statements."""
        if not self.statements:
            return None
        outcomes = list(self.statements.values())
        overall = total(o.outcome for o in outcomes)
        acts = {act: total(o.acts[act] for o in outcomes if act in o.acts) for act in ACTS
                if any(act in o.acts for o in outcomes)}
        overlaps = [x for o in outcomes for x in o.overlaps]
        links, linked = sum(o.links for o in outcomes), sum(o.linked for o in outcomes)
        return {"articles": len(outcomes), "score": overall, "acts": acts,
                "overlap": sum(overlaps) / len(overlaps) if overlaps else None,
                "speaker_links": (linked, links)}

    def scores(self) -> dict[str, Score]:
        """Per field in `FIELDS` order, then `all`: every field's counts together."""
        scores = {name: total(article[name] for article in self.articles.values()) for name in FIELDS}
        scores[ALL] = Score(*(sum(getattr(s, count) for s in scores.values()) for count in ("tp", "fp", "fn")))
        return scores

    def to_json(self, *, details: bool = False) -> dict:
        """The figures (rounded to 3 decimals) as plain data; with `details`, per article the missed and
        spurious facts of each field that has any."""
        data: dict = {"articles": len(self.articles), "fields": {
            name: {"p": round(s.precision, 3), "r": round(s.recall, 3), "f1": round(s.f1, 3),
                   "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for name, s in self.scores().items()}}
        if details:
            data["details"] = {
                article: {name: {"missed": list(o.missed), "spurious": list(o.spurious)}
                          for name, o in outcomes.items() if o.missed or o.spurious}
                for article, outcomes in self.articles.items()
                if any(o.missed or o.spurious for o in outcomes.values())}
        figures = self.statement_scores()
        if figures is not None:
            def row(s: Score) -> dict:
                return {"p": round(s.precision, 3), "r": round(s.recall, 3), "f1": round(s.f1, 3),
                        "tp": s.tp, "fp": s.fp, "fn": s.fn}
            linked, links = figures["speaker_links"]
            data[STATEMENTS] = {
                "articles": figures["articles"], **row(figures["score"]),
                "overlap": None if figures["overlap"] is None else round(figures["overlap"], 3),
                "speaker_links": {"linked": linked, "of": links, "share": round(linked / links, 3) if links else None},
                "acts": {act: row(s) for act, s in figures["acts"].items()}}
            if details:
                data[STATEMENTS]["details"] = {
                    article: {"missed": list(o.outcome.missed), "spurious": list(o.outcome.spurious)}
                    for article, o in self.statements.items() if o.outcome.missed or o.outcome.spurious}
        return data


def evaluate(golds: dict[str, Gold], records: dict[str, ArticleRecord]) -> Report:
    """Score each gold article against its record (both by article name)."""
    return Report({name: score_article(gold, records[name]) for name, gold in golds.items()},
                  {name: score_statements(gold, records[name]) for name, gold in golds.items()
                   if gold.statements is not None})


def evaluate_dir(gold_dir: Path, pred_dir: Path | None = None, *, model: str = DEFAULT_MODEL) -> Report:
    """Score the gold files of `gold_dir` against the records in `pred_dir`, or, without it, against
    the records the extractor built on `model` gives for each `NAME.txt` beside its gold (the model is
    loaded only then; ModelError when it cannot be)."""
    golds = load_gold_dir(gold_dir)
    if pred_dir is not None:
        return evaluate(golds, load_predictions(pred_dir, golds))
    articles = read_articles(gold_dir, golds)  # before the model loads: a missing text fails fast
    extractor = default_extractor() if model == DEFAULT_MODEL else Extractor(model)
    return evaluate(golds, dict(zip(golds, extractor.extract_many(articles), strict=True)))


# --- Output -----------------------------------------------------------------------------------


def render_table(report: Report, title: str | None = None) -> Table:
    """The figures as a table: one row per field, then the overall row."""
    table = Table(title=title, title_justify="left")
    table.add_column("field")
    for column in ("P", "R", "F1", "tp/fp/fn"):
        table.add_column(column, justify="right")
    scores = report.scores()
    for name, score in scores.items():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      f"{score.tp}/{score.fp}/{score.fn}", end_section=name == FIELDS[-1],
                      style="bold" if name == ALL else None)
    figures = report.statement_scores()
    if figures is not None:
        table.add_section()
        score = figures["score"]
        table.add_row(f"{STATEMENTS} ({figures['articles']} articles)", f"{score.precision:.3f}",
                      f"{score.recall:.3f}", f"{score.f1:.3f}", f"{score.tp}/{score.fp}/{score.fn}")
        for act, s in figures["acts"].items():
            table.add_row(f"  {act}", f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.tp}/{s.fp}/{s.fn}")
        linked, links = figures["speaker_links"]
        overlap = "-" if figures["overlap"] is None else f"{figures['overlap']:.3f}"
        table.add_row("  content overlap (mean)", overlap, "", "", "")
        table.add_row("  statements_speaker_links", f"{linked / links:.3f}" if links else "-", "", "", f"{linked}/{links}")
    return table


def render_details(report: Report) -> list[str]:
    """Per article, the facts each field missed and those it gave spuriously, as lines of text."""
    lines = []
    for article, fields in report.to_json(details=True)["details"].items():
        lines.append(f"{article}")
        for name, facts in fields.items():
            lines += [f"  {name} missed:   {fact}" for fact in facts["missed"]]
            lines += [f"  {name} spurious: {fact}" for fact in facts["spurious"]]
    for article, facts in report.to_json(details=True).get(STATEMENTS, {}).get("details", {}).items():
        lines.append(f"{article}")
        lines += [f"  {STATEMENTS} missed:   {fact}" for fact in facts["missed"]]
        lines += [f"  {STATEMENTS} spurious: {fact}" for fact in facts["spurious"]]
    return lines

"""extractor_documents: the official documents an article cites, each once, with its later mentions.

A document is cited by its kind and number ("Directive No. 40-CT/TW", "Decree 06/2021/ND-CP",
"Act 936"), a national law by its name ("the Law on Investment", "the Land Law"), or a bare
Vietnamese code ("06-NQ/TU"). The words after a citation say the rest, in the genre's order:
an alias in brackets, "dated <date>", "of <issuer>", "on <subject>"; "On <date>, <body> issued"
before it says the same. Short forms ("Directive 40", "the Directive", an alias in brackets) are
mentions of a document cited in full. The Vietnamese code is decoded too (`decode`): what the
text says stays in `kind`/`issuer`, what the code says goes beside it, and a warning notes when
the two kinds disagree.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import atoms, guards, lexicon, temporal
from ..facts import DocumentFact, Evidence
from .dates import DATES_KEY

CUES = "document_cues.jsonl"
# Kinds whose documents the text may cite by name alone; national laws have no number in prose.
NAMED_KINDS = lexicon.texts(CUES, "named_kind")
# Verbs of issuing: "On November 22, 2014, the Secretariat issued Directive No. 40-CT/TW".
ISSUING = rf"(?:{lexicon.cues(CUES, 'issuing')})"
# Words that open the subject; those that are verbs stay in it ("approving the national plan").
SUBJECT_OPENERS = rf"(?:(?:{lexicon.cues(CUES, 'subject_opener')})\s+|(?=(?:{lexicon.cues(CUES, 'subject_verb')})\s))"
# Verbs that end a subject: "Decision No. 26 on rewarding enterprises will be implemented".
FINITE_VERBS = rf"(?:{lexicon.cues(CUES, 'finite_verb')})"
# Where a subject ends: punctuation (not the dot of "No. 40"), or the white space before a finite verb
# ("Decision No. 26 on rewarding enterprises will be implemented"). Found once in the whole text: each
# citation's subject reading on to the same end was quadratic in the citations ("Law on Law on ...").
# Before a verb, a subject ends at the first white space character of the run (a subject starts with
# a word, never inside a run): tried at each, the look-ahead read the run once per character.
SUBJECT_END = re.compile(rf"[;:()\n,]|\.(?!\s*\d)|(?<!\s)(?=\s+{FINITE_VERBS}\b)")
# Words that join a subject to the next citation: "on fiscal discipline and Decree No. 405/G". Found
# once in the whole text, and like SUBJECT_END tried only at the first white space character of a run.
COORDINATED = re.compile(r"(?<!\s)(?=\s+(?P<word>" + lexicon.cues(CUES, "coordinator", lexicon.ANY_SPACE)
                         + r")\s+(?P<next>\S))")
COORDINATORS = tuple(f" {word}" for word in lexicon.texts(CUES, "coordinator"))  # one dropped from a subject's end
LOOKBEHIND_CHARS = 250  # how far before a citation "On <date>, <body> issued" is looked for

YEAR = atoms.YEAR
# A body as the genre writes it: capitalized words and ordinals, joined by "of (the)" and "and"
# ("the Secretariat of the 11th Party Central Committee", "the City People's Council").
BODY_WORD = r"(?:(?!(?:No|Number)\b)[A-ZĐ][\w'’&-]*|\d+(?:st|nd|rd|th))"  # "Law on Investment No. 61/..."
BODY = rf"{BODY_WORD}(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?{BODY_WORD})*"
# A number as written: "40-CT/TW", "06/2021/ND-CP", "RCC/WR/07/2024", "S.O. 1192(E)", "02-DA/TU".
NUMBER = r"(?:(?:[A-Z]{1,3}\.){1,3}\s?)?[\w/.-]*?\d(?:[\w/.-]*\w)?(?:\([A-Z\d]{1,3}\))?"
# A series code after a plain number, as Cambodian documents write it: "214 ANKr.BK", "512 MAFF".
SERIES = r"(?=\S*[A-Z]\S*[A-Z])[A-Z][A-Za-z]*(?:\.[A-Za-z]+)*(?![\w-])"  # two capitals at least
# A number that is a year or a period reads as a date, not a document: "the Plan 2020", "Resolution 2021-2025".
YEAR_LIKE = re.compile(rf"{YEAR}(?:\s*[-–/]\s*(?:{YEAR}|\d\d))?")
# The part of a number that names the document: its letters, split at dashes and slashes.
CODE_PART = re.compile(r"([^\W\d_]+)\d*")


@dataclass(frozen=True)
class CodeMeaning:
    """What a Vietnamese document code says: the kinds its kind part stands for (the usual one
    first) and the body its issuer part names."""

    code: str | None = None
    kinds: tuple[str, ...] = ()
    issuer: str | None = None

    @property
    def kind(self) -> str | None:
        return self.kinds[0] if self.kinds else None


@functools.cache
def _code_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The kind codes and issuer codes, keyed case-blind but not diacritic-blind: 'TƯ' (central)
    is not 'TU' (provincial)."""
    kinds: dict[str, tuple[str, ...]] = {}
    for entry in lexicon.load("document_codes.jsonl"):
        kinds[entry.text.casefold()] = (*kinds.get(entry.text.casefold(), ()), entry.kind)
    issuers: dict[str, str] = {}
    for entry in lexicon.load("document_issuers.jsonl"):
        issuers.setdefault(entry.text.casefold(), entry.kind)
    return kinds, issuers


def decode(number: str) -> CodeMeaning:
    """The kind and issuer a Vietnamese number's code states: '40-CT/TW' -> Directive of the Party
    Central Committee, '06/2021/ND-CP' -> Decree of the Government, '15/2023/QH15' -> the National
    Assembly. The code's first letter part is its kind when the table knows it, the next its issuer;
    a number without a known code ('26', 'RCC/WR/07/2024') means nothing."""
    kinds, issuers = _code_tables()
    parts = [m.group(1) for m in map(CODE_PART.fullmatch, re.split(r"[-/]", number)) if m]
    if not parts:
        return CodeMeaning()
    if parts[0].casefold() in kinds:
        code, issuer = parts[0], (parts[1] if len(parts) > 1 else None)
        return CodeMeaning(code, kinds[code.casefold()], issuers.get((issuer or "").casefold()))
    return CodeMeaning(issuer=issuers.get(parts[0].casefold()))


@functools.cache
def _openers() -> frozenset[str]:
    return frozenset(e.text for e in lexicon.load("not_names.jsonl") if e.kind == "function")


def without_openers(text: str) -> str | None:
    """Capitalized words without the function words a sentence opens with ('The', 'Under'), white
    space collapsed; None when nothing else is left ('The Act' names no law)."""
    words = text.split()
    while words and words[0] in _openers():
        words.pop(0)
    return " ".join(words) or None


def same_number(number: str) -> str:
    """The form two writings of one number share: '2187-QĐNS/TW' and '2187-QDNS/TW', 'No. 5' spacing."""
    return lexicon.fold(re.sub(r"\s+", "", number))


def is_short(number: str) -> bool:
    """'40' for 'Directive 40': the serial alone, standing for a number written in full elsewhere."""
    return number.isdigit()


@dataclass
class Mention:
    """One citation of a document, with what the words around it say."""

    start: int
    end: int
    rule: str
    kind: str
    number: str | None = None
    name: str | None = None
    date: str | None = None
    date_span: tuple[int, int, str] | None = None  # start, end, rule
    issuer: str | None = None
    subject_span: tuple[int, int] | None = None  # characters of the subject after "on"; see `subject`
    alias: tuple[int, int] | None = None  # characters of "(referred to as Directive 40)"

    @property
    def full(self) -> bool:
        """Cites the document by its full number or its name, not a short form."""
        return self.name is not None or (self.number is not None and not is_short(self.number))


@dataclass
class Document:
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def first(self, attribute: str) -> object:
        """The attribute from the first mention that states it, full citations before short forms."""
        ranked = sorted(self.mentions, key=lambda m: (not m.full, m.start))
        return next((getattr(m, attribute) for m in ranked if getattr(m, attribute) is not None), None)

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)


class Recognizers:
    """Citations by shape, each with its rule id."""

    def __init__(self, document_kinds: str = "document_kinds.jsonl") -> None:
        kinds = lexicon.load(document_kinds)
        self.canonical = {lexicon.fold(e.text): e.kind for e in kinds}
        kind = rf"(?i:{lexicon.phrase_regex(e.text for e in kinds)})"
        self.numbered = re.compile(
            rf"(?<![\w-])(?P<kind>{kind})\s+(?P<no>(?:Ref\.\s*)?(?i:No\.?|Number)\s*)?(?P<number>{NUMBER})"
            rf"(?P<series>\s{SERIES})?")
        named = "|".join(NAMED_KINDS)
        # A name's words start words: tried at every capital, the search read a long word to its end
        # once per capital in it ("AAAA...": quadratic).
        self.named = guards.compile(
            rf"(?P<name>(?:(?P<run>(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){{1,5}})(?P<kind>{named})"
            rf"|(?P<law>Law)\s+on\s+(?:the\s+)?{BODY})(?:,?\s+{YEAR})?)"
            # a number after the name: "Law on Investment No. 61/2020/QH14", "Land Law (No. 31/2024/QH15)"
            rf"(?:,?\s+\(?(?i:No\.?|Number)\s*(?P<number>{NUMBER})\)?)?(?![\w-])(?!\s+[A-Z])")
        self.definite = re.compile(rf"\b[Tt]he\s+(?P<kind>{lexicon.phrase_regex(e.text for e in kinds)})(?![\w-])"
                                   r"(?!\s+(?:of|on|for|to)\b)")
        # Words a sentence opens with, before a law's name: "The", "Under".
        self.openers = re.compile(rf"(?:(?:{'|'.join(map(re.escape, _openers()))})\s+)*")
        self.code = re.compile(r"(?<![\w/.-])\d+(?:/\d{4})?[-/][A-ZĐ][\w]*(?:[-/][A-ZĐ][\w]*)?(?![\w/-])")

    def __call__(self, text: str) -> list[Mention]:
        found = self.numbered_mentions(text)
        taken = [(m.start, m.end) for m in found]
        for extra in (self.named_mentions(text), self.code_mentions(text), self.definite_mentions(text)):
            fresh = [m for m in extra if not any(m.start < end and start < m.end for start, end in taken)]
            found += fresh
            taken += [(m.start, m.end) for m in fresh]
        return sorted(found, key=lambda m: m.start)

    def kind_of(self, written: str) -> str:
        """The canonical kind of a kind as written, wrapped or not: 'Programme' -> 'Program'."""
        return self.canonical[lexicon.fold(" ".join(written.split()))]

    def numbered_mentions(self, text: str) -> list[Mention]:
        mentions = []
        for m in self.numbered.finditer(text):
            written_kind, number = m.group("kind"), m.group("number")
            if not m.group("no") and (written_kind[0].islower() or YEAR_LIKE.fullmatch(number)):
                continue  # "plan 2021", "the Plan 2020": a year, not a number
            end = m.end("number")
            if m.group("series") and m.group("no") and number.isdigit():
                number, end = f"{number}{m.group('series')}", m.end("series")
            mentions.append(Mention(m.start(), end, "documents.kind_no_number" if m.group("no") else "documents.kind_number",
                                    self.kind_of(written_kind), number=number))
        return mentions

    def named_mentions(self, text: str) -> list[Mention]:
        mentions = []
        pos = 0
        while (m := self.named.search(text, pos)) is not None:
            pos = m.end()
            start = m.start()
            if m.group("run"):
                start += self.openers.match(m.group("run")).end()
                if start == m.start("kind"):
                    pos = max(m.start("kind"), m.start() + 1)  # "The Law" names nothing; "Law on X" may
                    continue
            kind = m.group("kind") or m.group("law")
            name = " ".join(text[start:m.end("name")].split())
            mentions.append(Mention(start, m.end(), "documents.named_law", kind, number=m.group("number"), name=name))
        return mentions

    def code_mentions(self, text: str) -> list[Mention]:
        """A Vietnamese code written alone ('implementing 06-NQ/TU'): its kind comes from the code."""
        return [Mention(m.start(), m.end(), "documents.bare_code", meaning.kind, number=m.group())
                for m in self.code.finditer(text) if (meaning := decode(m.group())).kind]

    def definite_mentions(self, text: str) -> list[Mention]:
        return [Mention(m.start(), m.end(), "documents.definite_kind", self.kind_of(m.group("kind")))
                for m in self.definite.finditer(text)]


@dataclass(frozen=True)
class Bounds:
    """Where subjects may end in one text: SUBJECT_END, and the citations coordinated with what goes
    before them, each with where its coordinator starts."""

    ends: list[int]
    coordinated: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, starts: list[int]) -> Bounds:
        citations = set(starts)
        return cls([m.start() for m in SUBJECT_END.finditer(text)] + [len(text)],
                   [(m.start("next"), m.start("word")) for m in COORDINATED.finditer(text)
                    if m.start("next") in citations])

    def subject_end(self, start: int) -> int:
        """Where a subject starting at `start` ends: at SUBJECT_END, or before a citation it is
        coordinated with ("on audits and Decree No. 12/G"), white space and the coordinator inside it."""
        end = self.ends[bisect.bisect_left(self.ends, start)]
        i = bisect.bisect_right(self.coordinated, start, key=lambda c: c[0])
        while i < len(self.coordinated) and (citation := self.coordinated[i])[0] < end:
            if citation[1] > start:
                return citation[0]
            i += 1
        return end


class Context:
    """Reads what the words around a citation say: alias, date, issuer, subject."""

    def __init__(self) -> None:
        self.alias = re.compile(r"\s*(?P<alias>\((?:hereinafter\s+)?(?:(?:referred\s+to|abbreviated|known)\s+as\s+"
                                r"|called\s+)?[^()\n]{1,80}\))")
        self.date = re.compile(r",?\s*(?P<word>dated|(?:issued|signed|promulgated)\s+on|of)\s+")
        self.issuer = re.compile(rf",?\s*(?:of|by|issued\s+by)\s+(?:the\s+)?(?P<issuer>{BODY})")
        # A subject runs from its opener to the end of its clause (SUBJECT_END).
        self.subject = re.compile(rf"\s+{SUBJECT_OPENERS}")
        self.issued = guards.compile(rf"(?:the\s+)?(?P<issuer>{BODY})\s+{ISSUING}\s+(?:the\s+)?$")
        self.on_day = re.compile(r"\b[Oo]n\s+$")  # "On <day>, the Secretariat issued"
        self.day_to_issuer = re.compile(r",?\s+")
        self.possessive = re.compile(rf"(?P<issuer>{BODY})['’]s\s+$")

    def read(self, text: str, mention: Mention, days: dict[int, Span], bounds: Bounds) -> None:
        """Fill the mention's alias, date, issuer and subject from the text after it, then before it.
        Dates are the days the dates stage found (`days`, by start character)."""
        i = mention.end
        while True:
            if (m := self.alias.match(text, i)) and mention.alias is None:
                mention.alias, i = m.span("alias"), m.end()
            elif mention.date is None and (m := self.date.match(text, i)) and (day := days.get(m.end())):
                rule = "documents.dated" if m.group("word") == "dated" else "documents.date_after_number"
                set_date(mention, day, rule)
                i = day.end_char
            elif ((m := self.issuer.match(text, i)) and mention.issuer is None
                  and (issuer := without_openers(m.group("issuer")))):
                mention.issuer, i = issuer, m.end()
            else:
                break
        if (m := self.subject.match(text, i)) and (end := bounds.subject_end(m.end())) > m.end():
            mention.subject_span = (m.end(), end)
        before = text[max(0, mention.start - LOOKBEHIND_CHARS):mention.start]
        if m := self.issued.search(before):
            mention.issuer = mention.issuer or without_openers(m.group("issuer"))
            if mention.date is None and (day := self.day_before(text, mention.start - len(before) + m.start(), days)):
                set_date(mention, day, "documents.issued_on")
        elif (m := self.possessive.search(before)) and mention.issuer is None:
            mention.issuer = without_openers(m.group("issuer"))

    def day_before(self, text: str, issuer_start: int, days: dict[int, Span]) -> Span | None:
        """The day of 'On <day>, <issuer> issued', the day ending right before the issuer."""
        for day in days.values():
            if (day.end_char <= issuer_start and self.day_to_issuer.fullmatch(text, day.end_char, issuer_start)
                    and self.on_day.search(text, max(0, day.start_char - 8), day.start_char)):
                return day
        return None


def set_date(mention: Mention, day: Span, rule: str) -> None:
    mention.date = day._.date_values[0]
    mention.date_span = (day.start_char, day.end_char, rule)


def subject(text: str, start: int, end: int) -> str:
    """A subject's words, without a coordinator at its end ("on audits and Decree No. 12/G"). Read
    only for the subject a record shows: each citation of "Law on Law on ..." has one to the end."""
    words = " ".join(text[start:end].split())
    return words.removesuffix(next((c for c in COORDINATORS if words.endswith(c)), ""))


def join(mentions: list[Mention]) -> list[Document]:
    """One Document per document cited, in order of first mention.

    Full citations and names make documents (the same kind and number, or the same name, is one
    document); a citation inside another's alias brackets is that document's. Then short forms
    join: 'Directive 40' the Directive whose number starts '40-' (the last cited before it, else
    the first after), 'the Directive' the last Directive cited before it.
    """
    documents: list[Document] = []
    by_key: dict[tuple, Document] = {}

    def key(m: Mention) -> tuple:
        return (m.kind, same_number(m.number)) if m.number else (m.kind, lexicon.fold(m.name or ""))

    def add(document: Document | None, m: Mention) -> Document:
        if document is None:
            document = Document()
            documents.append(document)
        document.mentions.append(m)
        by_key.setdefault(key(m), document)
        return document

    deferred = []
    for m in mentions:
        owner = next((d for d in documents for o in d.mentions
                      if o.alias and o.alias[0] <= m.start < o.alias[1]), None)
        if owner is not None:
            owner.aliases.append(m)
            add(owner, m)
        elif m.full:
            add(by_key.get(key(m)), m)
        else:
            deferred.append(m)
    for m in deferred:
        same_kind = [d for d in documents if any(o.kind == m.kind for o in d.mentions)]
        if m.number is None:
            before = [d for d in same_kind if d.start < m.start]
            if before:
                add(max(before, key=lambda d: max(o.start for o in d.mentions if o.start < m.start)), m)
            continue
        if (m.kind, same_number(m.number)) in by_key:
            add(by_key[(m.kind, same_number(m.number))], m)
            continue
        serial = re.compile(rf"0*{int(m.number)}[-/]")  # "Decree 6" stands for "06/2021/ND-CP"
        expanded = [d for d in same_kind if (n := d.first("number")) and serial.match(str(n))]
        earlier = [d for d in expanded if d.start < m.start]
        add(earlier[-1] if earlier else (expanded[0] if expanded else None), m)
    return sorted(documents, key=lambda d: d.start)


def as_fact(document: Document, text: str) -> tuple[DocumentFact, str | None]:
    """The document's fact, and a warning when its kind and its code's disagree."""
    number, kind = document.first("number"), document.first("kind")
    meaning = decode(number) if number else CodeMeaning()
    date_span, subject_span = document.first("date_span"), document.first("subject_span")
    fact = DocumentFact(
        kind=kind,
        number=number,
        name=document.first("name"),
        date=document.first("date"),
        issuer=document.first("issuer"),
        subject=subject(text, *subject_span) if subject_span else None,
        mentions=tuple(Evidence.at(text, m.start, m.end, m.rule)
                       for m in sorted(document.mentions, key=lambda m: m.start)),
        kind_from_code=meaning.kind,
        issuer_from_code=meaning.issuer,
        aliases=tuple(dict.fromkeys(" ".join(text[m.start:m.end].split()) for m in document.aliases)),
        date_evidence=Evidence.at(text, *date_span) if date_span else None,
    )
    warning = None
    if meaning.kinds and kind not in meaning.kinds:
        warning = (f"document {number}: the text calls it a {kind}, its code {meaning.code} a "
                   f"{' or '.join(meaning.kinds)}")
    return fact, warning


class DocumentsComponent:
    def __init__(self, recognizers: Recognizers | None = None) -> None:
        self.recognizers = recognizers or Recognizers()
        self.context = Context()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Document]:
        days = {span.start_char: span for span in doc.spans[DATES_KEY]
                if len(span._.date_values) == 1 and temporal.DAY_VALUE.fullmatch(span._.date_values[0])}
        mentions = self.recognizers(doc._.text)
        if not mentions:
            return []
        bounds = Bounds.of(doc._.text, [m.start for m in mentions])
        for mention in mentions:
            self.context.read(doc._.text, mention, days, bounds)
        return join(mentions)

    def set_annotations(self, doc: Doc, documents: list[Document]) -> None:
        facts = [as_fact(d, doc._.text) for d in documents]
        doc._.documents = [fact for fact, _ in facts]
        # Later stages may warn too: extend, never replace.
        doc._.warnings = [*(doc._.warnings or []), *(warning for _, warning in facts if warning)]


# The code tables (document_codes, document_issuers) are read by `decode`, a function of any
# number, so they are not config: they are the bundled files.
@Language.factory("extractor_documents", default_config=lexicon.defaults("document_kinds"),
                  assigns=["doc._.documents", "doc._.warnings"], requires=["doc._.dates"])
def make_documents(nlp: Language, name: str, document_kinds: str) -> DocumentsComponent:
    return DocumentsComponent(Recognizers(document_kinds))

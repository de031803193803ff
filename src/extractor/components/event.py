"""extractor_event: the event the article reports, as a whole: kind, date, place, organizer, purpose.

The genre names its event early and plainly: "Quang Ninh province held a conference to ...",
"On December 3, the 18th conference of ... opened", "The meeting was held on 2nd July 2024 at ...".
The first sentences naming an event noun (`patterns/event_kinds.jsonl`) are the event's sentences:
the first noun gives the kind, their dates the date, their venue and place the location. Where
they give no date, the lead's "On <date>, ..." does; where they name no place, the dateline does.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import guards, lexicon, temporal
from ..datelines import pattern as dateline_pattern
from ..facts import DateFact, EventFact, Evidence
from .context import LEAD_WORDS
from .dates import DATES_KEY
from .names import NAMES_KEY
from .roles import ROLES_KEY

LEGISLATURE = "legislature"  # the event_kinds.jsonl kind of a body named by an event noun
EVENT_SENTENCES = 3  # how many sentences naming the event are read for its date and place
CUES = "event_cues.jsonl"
WEEKDAYS = lexicon.texts(CUES, "weekday")  # Monday first: relative_day counts back by a weekday's place
RELATIVE_DAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|today|yesterday)\b", re.IGNORECASE)
DOCUMENT_DATED = re.compile(rf"\b(?:{lexicon.cues(CUES, 'document_dated', lexicon.ANY_SPACE)})\s+$", re.IGNORECASE)
LEAD_ON = re.compile(rf"\b[Oo]n\s+(?:the\s+(?:{lexicon.cues(CUES, 'part_of_day')})\s+of\s+)?(?:\w+day,?\s+)?$")
# "to summarize 10 years of ...", "on strengthening ...": a verb or topic in lowercase, not "on November 29".
# Only its opening is matched: a lazy ".*?" before a final "\s*[.;]?\s*$" was quadratic in a
# sentence's white space.
PURPOSE = re.compile(r"^[\w\s,-]{0,40}?\b((?:to|on)\s+(?!the\s+(?:morning|afternoon|evening)\b)[a-z])")
# Verbs whose subject holds the event, as written (the pipeline runs without a lemmatizer).
ORGANIZING_VERBS = frozenset(lexicon.texts(CUES, "organizing_verb"))
# The tokens read around an event noun for its organizer: "the conference [was] organized by",
# and "X on Thursday (March 21) held its third regular ... conference".
AGENT_WINDOW = 4
SUBJECT_WINDOW = 12
DAY_WORDS = {"on", "today", "yesterday", *WEEKDAYS}  # "X on Thursday held"
BODY_WORDS = {"PROPN", "NOUN", "ADJ", "NUM"}
# "Ministry of Health and Social Welfare", "Bank for Social Policies", "(SBV)"
BODY_JOINERS = {"of", "for", "and", "&", "'s", "’s", "(", ")"}
SESSION = re.compile(r"\b(?:the|this|its|that)\s+(?:\w+\s+)?session\b")  # lowercase: a sitting, not a name
SETTLEMENT_WORDS = frozenset(lexicon.texts(CUES, "settlement"))
HEADER_CHARS = 400  # where a dateline can stand: after menus, a date line, a headline and a byline


class EventComponent:
    def __init__(self, event_kinds: str = "event_kinds.jsonl", places: str = "places.jsonl",
                 venues: str = "venues.jsonl", not_names: str = "not_names.jsonl", bodies: str = "bodies.jsonl",
                 titles: str = "titles.jsonl", datelines: str = "datelines.jsonl") -> None:
        kinds = lexicon.load(event_kinds)
        self.kind_of = {lexicon.fold(e.text): e.kind for e in kinds}
        self.mentions = guards.compile(rf"\b(?:{lexicon.phrase_regex(e.text for e in kinds)})(?:es|s)?\b", re.IGNORECASE)
        self.places = lexicon.phrases(places)
        # Each place's first words ('quang', 'quang ninh'): a token that starts none starts no place.
        self.place_starts = {place[:i] for place in self.places for i, c in enumerate(place + " ") if c == " "}
        self.provinces = lexicon.phrases(places, "province")
        self.venue_words = lexicon.phrases(venues)
        self.function_words = lexicon.phrases(not_names, "function")
        # Capitalized words that are no place: months, weekdays, the genre's body and title words.
        self.not_places = (lexicon.phrases(not_names)
                           | lexicon.phrases(bodies, "head")
                           | {w for e in lexicon.load(titles) for w in lexicon.fold(e.text).split()})
        # A dateline's place: "GENERAL SANTOS CITY (October 13, 2022) -", "Hanoi (VNA) -", "Dodoma. The ...".
        self.datelines = dateline_pattern(f.form for f in lexicon.load(datelines))

    def __call__(self, doc: Doc) -> Doc:
        # A legislature's name ("the US Congress") holds an event noun but names no event.
        found = [m for m in self.mentions.finditer(doc._.text) if self.kind(m.group()) != LEGISLATURE]
        if not found:
            doc._.event = self.unnamed(doc)
            return doc
        sentences: list[Span] = []
        for m in found:
            sent = doc.char_span(m.start(), m.end(), alignment_mode="expand").sent
            if sent not in sentences:
                sentences.append(sent)
        sentences = sentences[:EVENT_SENTENCES]
        first = found[0]
        kinds = [self.kind(m.group()) for m in found]
        kind = kinds[0]
        if kind == "meeting" and SESSION.search(doc._.text):
            kind = "session"  # a council's sitting, called both; not "the Meeting of the Fourth Session"
        lead = sentences[0]
        doc._.event = EventFact(
            kind=kind,
            title=self.purpose(doc._.text[first.end():lead.end_char]),
            date=self.date(doc, sentences),
            location=self.location(doc, sentences, [m.end() for m, k in zip(found, kinds, strict=True) if k == kinds[0]]),
            organizer=self.organizer(doc, doc.char_span(first.start(), first.end(), alignment_mode="expand")),
            evidence=Evidence.at(doc._.text, lead.start_char, lead.end_char, "event.event_sentence"),
        )
        return doc

    def unnamed(self, doc: Doc) -> EventFact | None:
        """An event the article reports without an event noun ('The County Assembly on Thursday passed
        the budget'): of kind other, its date and place read from the lead as for a named one."""
        lead = lead_sentence(doc)
        if lead is None:
            return None
        return EventFact(kind="other", title=None, date=self.date(doc, []), location=self.location(doc, [lead], []),
                         organizer=None,
                         evidence=Evidence.at(doc._.text, lead.start_char, lead.end_char, "event.lead_sentence"))

    def kind(self, noun: str) -> str:
        """The kind an event noun names, plural or not: 'Party Congresses' -> congress."""
        folded = lexicon.fold(" ".join(noun.split()))
        return self.kind_of.get(folded) or self.kind_of.get(folded.removesuffix("s")) or self.kind_of[folded[:-2]]

    @staticmethod
    def purpose(rest: str) -> str | None:
        """'to summarize 10 years of implementing Directive 40-CT/TW ...' after the event noun."""
        m = PURPOSE.match(rest)
        if m is None:
            return None
        words = rest[m.start(1):].rstrip()
        if words[-1] in ".;":
            words = words[:-1]
        return " ".join(words.split())

    def date(self, doc: Doc, sentences: list[Span]) -> DateFact | None:
        """A day the event's sentences give, else their weekday or 'today' against the reference;
        then the same from the lead sentence; else the text's first 'On <day>', else the dateline's
        day. A document's date ('Decision 401 dated March 14, 2016') is never the event's."""
        documents = [d.date_evidence for d in doc._.documents if d.date_evidence]
        days = [s for s in doc.spans[DATES_KEY]
                if s.label_ == "DATE" and temporal.DAY_VALUE.match(s._.date_values[0])
                and not any(e.start <= s.start_char < e.end for e in documents)
                and not DOCUMENT_DATED.search(doc._.text[max(s.start_char - 12, 0):s.start_char])]
        reference, lead = doc._.context.reference_day, lead_sentence(doc)
        for sent in sentences + ([lead] if lead is not None else []):
            for span in days:
                if sent.start_char <= span.start_char < sent.end_char:
                    return date_value(doc, span)
            relative = RELATIVE_DAY.search(sent.text)
            if relative and reference is not None:
                return relative_day(relative, sent.start_char, reference)
        for span in days:
            if LEAD_ON.search(doc._.text[max(span.start_char - 40, 0):span.start_char]):
                return date_value(doc, span)
        for span in doc.spans[DATES_KEY]:  # at last, a dateline's day: "Ho, Oct. 10, GNA - ..."
            line = doc._.text.rfind("\n", 0, span.start_char) + 1
            if (span.label_ == "DATELINE" and temporal.DAY_VALUE.match(span._.date_values[0])
                    and self.datelines.match(doc._.text, line, span.end_char)):
                return date_value(doc, span)
        return None

    def location(self, doc: Doc, sentences: list[Span], noun_ends: list[int]) -> str | None:
        """'<venue>, <settlement>': the venue after 'at' in the event's sentences, and the place the
        place after '<event> in' names, else the first '<Place> province|city' of the event's sentences,
        else the dateline's place, else any place of the event's sentences, else of the lead's
        'On <date>' sentence."""
        venue = next((v for sent in sentences if (v := self.venue(doc, sent))), None)
        # The lead's "<event> in <place>" (a headline is too short to be the lead); a later "Attending
        # the ceremony were ... of X in Vietnam" is not.
        lead = next((s for s in sentences if sum(t.is_alpha for t in s) >= LEAD_WORDS), sentences[0])
        in_sentences = [end for end in noun_ends if lead.start_char <= end <= lead.end_char]
        settlement = (next((p for end in in_sentences if (p := self.place_after_in(doc, end))), None)
                      or next((p for sent in sentences if (p := self.place(doc, sent, settled=True))), None)
                      or self.header_place(doc)
                      or self.site_place(doc)
                      or next((p for sent in sentences if (p := self.place(doc, sent))), None))
        if settlement is None:
            lead = next((s.sent for s in doc.spans[DATES_KEY]
                         if LEAD_ON.search(doc._.text[max(s.start_char - 40, 0):s.start_char])), None)
            settlement = self.place(doc, lead) if lead is not None else None
        if settlement is None and venue is None and any(t.lower_ == "provincial" for s in sentences for t in s):
            settlement = self.province_named(doc)  # "the Provincial People's Committee held a meeting"
        if venue and settlement and lexicon.fold(settlement) not in lexicon.fold(venue):
            return f"{venue}, {settlement}"
        return venue or settlement

    def province_named(self, doc: Doc) -> str | None:
        """The province the article names most often (the first of those named as often): the one
        its 'provincial' bodies belong to."""
        counts: dict[str, int] = {}
        written: dict[str, str] = {}
        i = 0
        while i < len(doc):
            end = self.place_at(doc, i)
            if end is None:
                i += 1
                continue
            words = [t.text for t in doc[i:end] if t.lower_ not in SETTLEMENT_WORDS]
            key = lexicon.fold(" ".join(words))
            if key in self.provinces:
                counts[key] = counts.get(key, 0) + 1
                written.setdefault(key, " ".join(words))
            i = end
        return written[max(counts, key=counts.get)] if counts else None

    def venue(self, doc: Doc, sent: Span) -> str | None:
        """'at the Government Headquarters', 'at the Hanoi bridge', 'at Banquet Hall of ..., Cape Coast';
        after 'held at' any capitalized name ('held at Dzolokpuita, the district capital')."""
        for token in sent:
            if token.lower_ != "at":
                continue
            held = token.i > 0 and doc[token.i - 1].lower_ in ("held", "place", "convened", "organized", "organised")
            i = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "the")
            end = i
            while end < sent.end and (doc[end].text[:1].isupper() or (
                    doc[end].lower_ in ("of", "and", "for", "'s", "’s") and end + 1 < sent.end
                    and doc[end + 1].text[:1].isupper())):
                end += 1
            if end < sent.end and lexicon.fold(doc[end].text) in self.venue_words:
                end += 1  # "the Hanoi bridge"
            words = {lexicon.fold(t.text) for t in doc[i:end]}
            if end > i and (words & self.venue_words or held):
                return self.extend_to_place(doc, sent, i, end)
        return None

    def extend_to_place(self, doc: Doc, sent: Span, start: int, end: int) -> str:
        """A venue followed by ', residency, Cape Coast': up to the place the commas lead to."""
        commas = [t.i for t in doc[end:sent.end] if t.text == ","][:3]
        for comma in commas:
            place_end = self.place_at(doc, comma + 1)
            if place_end:
                return " ".join(doc[start:place_end].text.split())
        return " ".join(doc[start:end].text.split())

    def place_after_in(self, doc: Doc, char: int) -> str | None:
        """'a ceremony in Bac Ninh city', '... was held Monday in Kunming', '... Forum 2024 at Quy Nhon
        city': the first place 'in' or 'at' introduces after the event noun, in its sentence."""
        after = doc.char_span(char, len(doc._.text), alignment_mode="expand")
        for token in after if after is not None else []:
            if token.is_sent_start and token.i > after.start:
                break
            if token.lower_ not in ("in", "at"):
                continue
            end = self.place_at(doc, token.i + 1)
            if end is None and token.i == after.start and token.lower_ == "in":
                end = self.capitalized_run(doc, token.i + 1)  # right after the noun: "the Forum in Pattaya"
            if end:
                return " ".join(doc[token.i + 1:end].text.split())
        return None

    def capitalized_run(self, doc: Doc, i: int) -> int | None:
        """The end of one to three capitalized words at i that are no month, body or title word."""
        end = i
        while (end < len(doc) and end - i < 3 and doc[end].is_title and doc[end].is_alpha
               and lexicon.fold(doc[end].text) not in self.not_places):
            end += 1
        return end if end > i and end not in self.name_tokens(doc) else None

    def place(self, doc: Doc, span: Span, settled: bool = False) -> str | None:
        """The first place in a span, with its 'province' or 'city': 'Quang Ninh province';
        `settled`, only one written with such a word (not 'Sarangani' of a council's name) and not
        a role's body."""
        bodies = self.body_tokens(doc) if settled else set()
        found = []
        for i in range(span.start, span.end):
            end = self.place_at(doc, i)
            if end and (not settled or (doc[end - 1].lower_ in SETTLEMENT_WORDS and i not in bodies)):
                if settled:
                    return " ".join(doc[i:end].text.split())
                if not in_a_name(doc, i):
                    found.append((i, end))
        # A place the sentence puts the event in ("his reception in Hanoi") before one it only names.
        if not found:
            return None
        i, end = next((p for p in found if p[0] > 0 and doc[p[0] - 1].lower_ in ("in", "at")), found[0])
        return " ".join(doc[i:end].text.split())

    def place_at(self, doc: Doc, i: int) -> int | None:
        """The end of a place starting at token i, or None: a known place, or capitalized words
        before a settlement word ('Tan Yen District'); never inside a person's name."""
        if i >= len(doc) or not doc[i].text[:1].isupper() or i in self.name_tokens(doc):
            return None
        for n in (4, 3, 2, 1) if lexicon.fold(doc[i].text) in self.place_starts else ():
            words = [t.text for t in doc[i:i + n] if not t.is_space]
            if i + n <= len(doc) and lexicon.fold(" ".join(words)) in self.places:
                end = i + n
                return end + 1 if end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS else end
        end = i
        while (end < len(doc) and end - i < 3 and doc[end].is_title and doc[end].lower_ not in SETTLEMENT_WORDS
               and lexicon.fold(doc[end].text) not in self.function_words):  # not "The province"
            end += 1
        if i < end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS and doc[end - 1].is_alpha:
            return end + 1
        return None

    @staticmethod
    @functools.lru_cache(maxsize=1)  # place_at asks it of every token it tries: once per document
    def name_tokens(doc: Doc) -> frozenset[int]:
        return frozenset(i for s in doc.spans[NAMES_KEY] for i in range(s.start, s.end))

    @staticmethod
    def body_tokens(doc: Doc) -> set[int]:
        """Tokens of role bodies: 'vice governor of Yunnan Province' says whom he governs, not where
        the event is."""
        roles = [(r, r._.org_chars) for r in doc.spans[ROLES_KEY]]
        return {t.i for r, org in roles if org for t in r if org[0] <= t.idx < org[1]}

    def site_place(self, doc: Doc) -> str | None:
        """The place a provincial portal is named after, opening the page: 'QUANG NINH PORTAL',
        'CA MAU PROVINCE ELECTRONIC INFORMATION PORTAL': its 'Provincial Party Committee' is that one's."""
        first = next((t for t in doc[:3] if not t.is_space), None)
        line = doc._.text[:doc._.text.find("\n")] if "\n" in doc._.text else doc._.text
        if first is None or not (line.isupper() or "portal" in line.lower()):
            return None  # a headline, not a site's name: "Vietnam and Laos sign MoU ..."
        end = self.place_at(doc, first.i)
        return " ".join(doc[first.i:end].text.split()) if end else None

    def header_place(self, doc: Doc) -> str | None:
        """The place a dateline names, known or in capitals: 'GENERAL SANTOS CITY (October 13, 2022)',
        'New Delhi, Oct 21' (not a newspaper's name: 'Vientiane Times, December 16, 2024')."""
        for m in self.datelines.finditer(doc._.text[:HEADER_CHARS]):
            place = " ".join(m.group("place").split())
            first = place.split(",")[0]
            # Known, or in capitals and no agency's initials ("NDO – "): not "By Phan Thu Trang – VNA".
            if (first.isupper() and (" " in first or len(first) >= 5)) or lexicon.fold(first) in self.places:
                return place
        return None

    @staticmethod
    def organizer(doc: Doc, noun: Span) -> str | None:
        """The body holding the event, read from the words around its first noun: the one named
        after "by" ("the conference organized by X"), else the subject of the organizing verb
        before the noun ("X on Thursday held a conference", "X coordinated with Y to organize
        it"): the words that can name a body, ending right before that verb."""
        sentence = noun.sent
        for token in doc[noun.end:min(noun.end + AGENT_WINDOW, sentence.end - 1)]:
            if token.lower_ in ORGANIZING_VERBS and doc[token.i + 1].lower_ == "by":
                return body_name(doc, body_after(doc, token.i + 2, sentence.end))
        verbs = [t for t in doc[max(sentence.start, noun.start - SUBJECT_WINDOW):noun.start]
                 if t.lower_ in ORGANIZING_VERBS]
        if not verbs:
            return None
        verb = verbs[-1]
        if doc[verb.i - 1].lower_ == "to":  # "X coordinated with Y to organize": X
            verb = next((t for t in reversed(doc[sentence.start:verb.i - 1]) if t.pos_ == "VERB"), verb)
        return body_name(doc, body_before(doc, verb.i, sentence.start))


def body_before(doc: Doc, verb: int, start: int) -> Span:
    """The words that can name a body ending before `verb`, past what may stand between a subject
    and its verb: auxiliaries, adverbs and a date ("has", "yesterday", "on Thursday, 21 March,")."""
    dated = {i for span in doc.spans[DATES_KEY] for i in range(span.start, span.end)}
    i = verb - 1
    while i >= start and (doc[i].pos_ in ("AUX", "ADV") or i in dated or doc[i].lower_ in DAY_WORDS
                          or doc[i].text == ","):
        i -= 1
    end = i + 1
    while i >= start and (is_body_word(doc[i]) or doc[i].lower_ == "the" and doc[i - 1].lower_ == "of"):
        i -= 1
    return doc[i + 1:end]


def body_after(doc: Doc, start: int, end: int) -> Span:
    """The words that can name a body from `start` on ("by the Ministry of Health in ...")."""
    i = start + (start < end and doc[start].lower_ == "the")
    while i < end and is_body_word(doc[i]):
        i += 1
    return doc[start:i]


def is_body_word(token: Token) -> bool:
    """A word of a body's name: a noun, an adjective, a number or a capitalized word ("Can Tho",
    whose "Can" is tagged a verb), or what joins them ("Co-ordinating"); not "The", not a line break."""
    return ((token.pos_ in BODY_WORDS or token.lower_ in BODY_JOINERS or token.text == "-" and not token.whitespace_
             or token.text[:1].isupper() and token.pos_ != "DET") and "\n" not in token.text)


def body_name(doc: Doc, words: Span) -> str | None:
    """A body's name from `words`: without a leading "the", ending in a noun, and no person's name
    ("Minister Nguyen Van A" chairs; a body holds)."""
    while len(words) and (words[0].lower_ in BODY_JOINERS or words[0].lower_ == "the" or words[0].is_lower
                          and words[0].pos_ in ("ADJ", "NUM") or words[0].like_num):
        words = words[1:]
    while len(words) and words[-1].lower_ in BODY_JOINERS - {")"}:
        words = words[:-1]
    last = words[-2] if len(words) > 1 and words[-1].like_num else words[-1] if len(words) else None  # "Region 3"
    if last is None or not (last.pos_ in ("PROPN", "NOUN") or last.text == ")") \
            or not any(w.text[:1].isupper() for w in words):
        return None
    names = {s.start for s in doc.spans[NAMES_KEY]}
    if any(i in names for i in range(words.start, words.end)):
        return None
    return " ".join(words.text.split())


def in_a_name(doc: Doc, i: int) -> bool:
    """A place inside a body's name: 'Vietnam' of 'the State Bank of Vietnam'."""
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha


def lead_sentence(doc: Doc) -> Span | None:
    return doc.char_span(*doc._.context.lead) if doc._.context.lead else None


def relative_day(m: re.Match, offset_char: int, reference: date) -> DateFact:
    """'on Monday', 'today', 'yesterday': the last such day on or before the reference date."""
    word = m.group(1).lower()
    if word in WEEKDAYS:
        back, rule = (reference.weekday() - WEEKDAYS.index(word)) % 7, "event.weekday_before_reference"
    else:
        back, rule = (0 if word == "today" else 1), "event.relative_to_reference"
    start = offset_char + m.start()
    moved, shift = temporal.in_cycle(reference)  # any year 1-9999: "yesterday" of January 1, year 1 has no year
    value = temporal.iso_day(moved - timedelta(days=back), shift)
    return DateFact(m.group(), value, None if value.startswith("XXXX") else "reference",
                    Evidence(start, start + len(m.group()), m.group(), rule))


def date_value(doc: Doc, span: Span) -> DateFact:
    """The date fact of the first value a date span states (a range's first day)."""
    value = span._.date_values[0].split("/")[0]
    year_from = next((d.year_from for d in doc._.dates if d.value == span._.date_values[0]), None)
    return DateFact(span.text, value, year_from, Evidence(span.start_char, span.end_char, span.text, span._.rule))


@Language.factory("extractor_event",
                  default_config=lexicon.defaults("event_kinds", "places", "venues", "not_names", "bodies", "titles",
                                                  "datelines"),
                  assigns=["doc._.event"],
                  requires=["doc._.context", "doc._.dates", "doc._.documents", "doc._.names", "doc._.roles",
                            "token.is_sent_start", "token.tag"])
def make_event(nlp: Language, name: str, event_kinds: str, places: str, venues: str, not_names: str, bodies: str,
               titles: str, datelines: str) -> EventComponent:
    return EventComponent(event_kinds, places, venues, not_names, bodies, titles, datelines)

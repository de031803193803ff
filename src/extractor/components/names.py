"""extractor_names: finds personal names, each recognizer reading one structural cue.

The statistical model alone is not enough for this genre: en_core_web_sm glues Vietnamese names to
the body before them ("the Ethnic Committee Hau A Lenh" as one ORG) and tags provinces as PERSON.
So a name is a run of name-shaped tokens that starts after an honorific ("Mr."), right after a
title ("Governor Lee Cheol Woo"), at a Vietnamese family name, or inside a PERSON entity, and that
is not a place, a body or part of one ("Ho Chi Minh City", "Le Loi Street").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicon, rules
from ..overlaps import resolve_overlaps
from .titles import HONORIFICS_KEY, TITLES_KEY

NAMES_KEY = "names"
MAX_NAME_TOKENS = 6
QUOTES_OPEN = {"“", '"', "‘", "'"}
QUOTES_CLOSE = {"”", '"', "’", "'"}
INITIAL = re.compile(r"[A-Z]\.(?:[A-Z][a-z]+)?")  # "D.", "K.Rahman"
# A syllable joined by an apostrophe, as Central Highlands names write it: "H'Yim", "Y'Thong", "K'Nhen".
APOSTROPHE_SYLLABLE = re.compile(r"[A-Z][^\W\d_]{0,3}['’][A-Z][^\W\d_]+")
INITIALS = re.compile(r"[A-Z]{2}")  # initials written together, as Indian names write them: "HK Patil"
# The lexicons a Vocabulary reads, as the names and people stages' config gives them (see lexicon.load).
VOCABULARY = lexicon.defaults("surnames", "name_parts", "places", "bodies", "titles", "honorifics", "not_names")


class Vocabulary:
    """The lexicons a name decision reads, folded (lowercase, no diacritics) for lookup."""

    def __init__(self, surnames: str = "surnames.jsonl", name_parts: str = "name_parts.jsonl",
                 places: str = "places.jsonl", bodies: str = "bodies.jsonl", titles: str = "titles.jsonl",
                 honorifics: str = "honorifics.jsonl", not_names: str = "not_names.jsonl") -> None:
        self.surnames = lexicon.phrases(surnames, "vietnamese")
        self.places = lexicon.phrases(places)
        self.place_endings = frozenset(place[i:] for place in self.places for i in range(len(place)))
        self.place_types = lexicon.phrases(bodies, "place_type")
        self.body_heads = lexicon.phrases(bodies, "head")
        # A ministry's field ends the body after "Minister of" too: "Deputy Minister of Agriculture Hendra K."
        self.portfolios = lexicon.phrases(bodies, "portfolio")
        title_words = {w for e in lexicon.load(titles) for w in lexicon.fold(e.text).split()}
        honorific_words = {lexicon.fold(e.text).rstrip(".") for e in lexicon.load(honorifics)}
        self.blocked = (lexicon.phrases(not_names)
                        | title_words | honorific_words | self.place_types | self.body_heads)
        # Words that are also names' parts: a family name that is an English word ("To Lam"), a month
        # that is a given name ("Nguyen Thi Jun"), a particle inside a name ("Maria de la Cruz").
        self.months = lexicon.phrases(not_names, "month")
        self.particles = lexicon.phrases(name_parts, "particle")
        # Whether a word, by its ORTH id, is a family name written as a name (`surnames_in`): it grows
        # as the vocab's StringStore does, by one entry a word ever seen.
        self.surname_orths: dict[int, bool] = {}

    def surnames_in(self, doc: Doc) -> list[int]:
        """The tokens that are a family name written as a name ('Nguyen', 'Hau'), read off the doc's
        ORTH array with a look-up per token: a Token object and a folding per token cost six times more."""
        known = self.surname_orths
        strings = doc.vocab.strings
        found = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            is_surname = known.get(orth)
            if is_surname is None:
                text = strings[orth]
                is_surname = known[orth] = lexicon.fold(text) in self.surnames and self.is_name_word(text)
            if is_surname:
                found.append(i)
        return found

    def is_name_token(self, token: Token) -> bool:
        return self.is_name_word(token.text)

    def is_name_word(self, text: str) -> bool:
        if INITIAL.fullmatch(text) or APOSTROPHE_SYLLABLE.fullmatch(text):
            return True
        if not (text[:1].isupper() and text.isalpha()) or (len(text) > 1 and text.isupper()):
            return False  # lowercase, digits, punctuation, or an acronym / all-caps byline
        return lexicon.fold(text) not in self.blocked

    def is_word_in_name(self, doc: Doc, i: int, start: int) -> bool:
        """A token the word lists block that is a name's part here, between `start` and a name token:
        a family name opening the run ('To' of 'General Secretary To Lam') or initials ('HK Patil'),
        a month after two name words ('Jun' of 'Nguyen Thi Jun', not 'May' of 'Cuong May 5'), a
        lowercase particle ('de', 'la', 'bin')."""
        token = doc[i]
        folded = lexicon.fold(token.text)
        next_is_name = i + 1 < len(doc) and self.is_name_token(doc[i + 1])
        if i == start:
            return next_is_name and ((token.is_title and folded in self.surnames) or self.is_initials(token))
        if folded in self.particles and token.is_lower:  # "de la Cruz": particles up to a name word
            j = i + 1
            while j < len(doc) and doc[j].is_lower and lexicon.fold(doc[j].text) in self.particles:
                j += 1
            return j < len(doc) and self.is_name_token(doc[j])
        return (i - start >= 2 and token.is_title and folded in self.months
                and not (i + 1 < len(doc) and doc[i + 1].like_num))

    def is_initials(self, token: Token) -> bool:
        folded = lexicon.fold(token.text)
        return bool(INITIALS.fullmatch(token.text)) and folded not in self.blocked and folded not in self.places

    def is_place(self, words: str) -> bool:
        return lexicon.fold(words) in self.places

    def place_ends_at(self, doc: Doc, start: int, end: int) -> bool:
        """Whether words from `start` or later up to `end` name a place ("... of Quang Ninh").
        Read leftwards from `end`, stopping once the words are the ending of no place's name: a
        longer span's folded text ends with a shorter one's (folding goes character by character),
        so no longer span can be a place. Reading every span would be quadratic in the run."""
        for i in range(end - 1, start - 1, -1):
            words = lexicon.fold(doc[i:end].text)
            if words in self.places:
                return True
            if words not in self.place_endings:
                return False
        return False


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    honorific: str | None = None


class NameRun:
    """Where a name that starts at a token ends, and whether the run is really a person's name."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def end(self, doc: Doc, start: int) -> int:
        """End of the run of name tokens from `start` ("Rogelio “Ruel” D. Pacquiao", "Chan-o-cha")."""
        i = start
        while i < len(doc) and i - start < MAX_NAME_TOKENS:
            token = doc[i]
            if self.vocab.is_name_token(token) or self.vocab.is_word_in_name(doc, i, start):
                i += 1
            elif (i > start and token.text in QUOTES_OPEN and i + 3 < len(doc) and doc[i + 1].is_title
                  and doc[i + 2].text in QUOTES_CLOSE and self.vocab.is_name_token(doc[i + 3])):
                i += 3  # a nickname in quotes, any word, within a name: "Ramon “Jun” D. Alcantara"
            elif (token.text == "-" and i > start and i + 1 < len(doc) and not doc[i - 1].whitespace_
                  and not token.whitespace_ and doc[i + 1].is_alpha):
                i += 2  # a hyphenated name
            else:
                break
        return i

    def is_person(self, doc: Doc, start: int, end: int) -> bool:
        """False for places, for names that begin a body or place ("Tran Phu Street") and for names
        with a figure in brackets after them."""
        if end <= start or self.vocab.is_place(doc[start:end].text):
            return False
        if end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].like_num:
            return False  # a figure in brackets lists a place or a unit: "Cam My (1.7%), Dinh Quan (1.68%)"
        # Capitalized words after the run that end in a body or place word: the run names that thing.
        i = end
        while i < len(doc) and i - end < 4 and (doc[i].text[:1].isupper() or doc[i].text in ("'s", "’s")):
            folded = lexicon.fold(doc[i].text)
            if folded in self.vocab.place_types or folded in self.vocab.body_heads:
                return False
            if not self.vocab.is_name_token(doc[i]) and folded not in self.vocab.blocked:
                break
            i += 1
        # "Mai Chau district", "Minh Chau and Quan Lan communes"
        return end >= len(doc) or lexicon.fold(doc[end].text).removesuffix("s") not in self.vocab.place_types


class HonorificName:
    """A run of name tokens right after an honorific: 'Mr. Nghiem Xuan Cuong', 'Hon. Mrs Justina Assan'."""

    rule = rules.rule("names.honorific_name")

    def find(self, doc: Doc, run: NameRun):
        titles = {t for span in doc.spans[TITLES_KEY] for t in range(span.start, span.end)}
        for honorific in doc.spans[HONORIFICS_KEY]:
            if any(t in titles for t in range(honorific.start, honorific.end)):
                continue  # "General" of "General Secretary" is a title here, not a rank
            end = run.end(doc, honorific.end)
            if run.is_person(doc, honorific.end, end):
                yield Candidate(honorific.end, end, self.rule, honorific.text)


class TitleName:
    """A run of name tokens right after a title: 'Governor Lee Cheol Woo', 'President Cường'; after a
    plural title, each name of the list it opens: 'Ministers HK Patil, Priyank Kharge and Rahim Khan'."""

    rule = rules.rule("names.title_before_name")
    LIST_JOINERS = {",", "and"}

    def find(self, doc: Doc, run: NameRun):
        for title in doc.spans[TITLES_KEY]:
            if title.end >= len(doc):
                continue
            start = after_brackets(doc, title.end)  # "Additional Chief Secretary (Finance) Vikram Rathore"
            end = run.end(doc, start)
            while run.is_person(doc, start, end):
                yield Candidate(start, end, self.rule)
                if not title._.plural:
                    break
                start = end
                while start < len(doc) and doc[start].lower_ in self.LIST_JOINERS:
                    start += 1
                if start == end:
                    break
                end = run.end(doc, start)
                if end - start < 2:
                    break


def after_brackets(doc: Doc, i: int, longest: int = 6) -> int:
    """The token after a short bracketed note starting at i ('(Finance)'), or i when there is none."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + longest, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return i


class SurnameName:
    """Two or more name tokens starting with a Vietnamese family name: '... Committee Hau A Lenh'."""

    rule = rules.rule("names.surname_lexicon")

    def find(self, doc: Doc, run: NameRun):
        taken = 0  # a name's tokens start no other
        for i in run.vocab.surnames_in(doc):
            if i < taken:
                continue
            end = run.end(doc, i)
            ends_a_place = any(run.vocab.is_place(doc[j:end].text) for j in range(max(i - 2, 0), i))
            if end - i >= 2 and not ends_a_place and run.is_person(doc, i, end):  # not "Thu Dau Mot"
                yield Candidate(i, end, self.rule)
                taken = end


class BodyThenName:
    """A name closing the capitalized words after '<Title> of', once a body or place word has ended
    the body: 'President of the Lao PDR Khamsing Vilaythong', '... Ethnic Committee Hau A Lenh'."""

    rule = rules.rule("names.title_body_name")
    LINKS = {"&", "'s", "’s", *lexicon.texts("body_links.jsonl", "name_link")}

    def find(self, doc: Doc, run: NameRun):
        vocab = run.vocab
        title_starts = {title.start for title in doc.spans[TITLES_KEY]}
        for title in doc.spans[TITLES_KEY]:
            start = title.end + 1
            if start >= len(doc) or doc[title.end].lower_ not in ("of", "for"):
                continue
            end = start
            while end < len(doc) and end not in title_starts and (
                    doc[end].text[:1].isupper() or doc[end].lower_ in self.LINKS
                    or doc[end].text in "()"):  # "the National Food Agency (Bapanas)"
                end += 1
            while end > start and doc[end - 1].lower_ in self.LINKS:
                end -= 1  # "... Hendra Kurniawan and President Director of ...": the next role's
            for split in range(end - 2, max(start, end - 5), -1):  # a name of two to four words
                last = lexicon.fold(doc[split - 1].text)
                ends_body = (last in vocab.body_heads or last in vocab.portfolios or last == ")"
                             or vocab.place_ends_at(doc, start, split))
                if ends_body and run.end(doc, split) == end and run.is_person(doc, split, end):
                    yield Candidate(split, end, self.rule)
                    break


class CommaName:
    """A name set off by commas right after a role: 'The Minister of Budget and Economic Planning,
    Sani Garba Lawal, said ...'. Two to four name tokens, closed by a comma, a period or a verb."""

    rule = rules.rule("names.role_comma_name")

    def find(self, doc: Doc, run: NameRun):
        for title in doc.spans[TITLES_KEY]:
            i = title.end
            if i < len(doc) and doc[i].lower_ in ("of", "for"):
                i += 1
                while i < len(doc) and (doc[i].text[:1].isupper() or doc[i].lower_ in BodyThenName.LINKS):
                    i += 1
            if i + 1 >= len(doc) or doc[i].text != ",":
                continue
            start = i + 1
            end = run.end(doc, start)
            # Closed by a comma, a period or a verb; not by "and", which continues a list of fields.
            closed = end < len(doc) and (doc[end].text in (",", ".") or (
                doc[end].is_lower and doc[end].lower_ not in ("and", "or", "&")))
            if 2 <= end - start <= 4 and closed and run.is_person(doc, start, end):
                yield Candidate(start, end, self.rule)


class AttendeeListName:
    """The names of a list after an attendance cue, with no title beside them: 'Attending the meeting
    were Sonexay Siphandone, Kikeo Khaykhamphithoune and Thongsalith Mangnomek.' The list is read
    while each of its items is a name alone (two to four name words), closed by a comma, 'and' or
    the sentence's end; the first item that is something else ends it."""

    rule = rules.rule("names.attendee_list")
    MAX_CUE_WORDS = 6  # "Attending the conference at the Dak Lak bridge point were": the cue to "were"
    CLOSERS = {",", "and", ".", ";"}

    def __init__(self) -> None:
        cues = lexicon.texts("participation.jsonl", "attended_by")
        # The look-ahead on the cues' first words spares trying each cue at every word (see phrase_starts).
        self.cue = re.compile(rf"\b{lexicon.phrase_starts(cues)}(?:{lexicon.phrase_regex(cues)})\b"
                              rf"(?:(?:\s+[\w'’-]+){{0,{self.MAX_CUE_WORDS}}}?\s+(?:were|was))?\s*:?\s*",
                              re.IGNORECASE)

    def find(self, doc: Doc, run: NameRun):
        for m in self.cue.finditer(doc._.text):
            first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            i = first.start if first is not None else len(doc)
            while i < len(doc):
                end = run.end(doc, i)
                if not (2 <= end - i <= 4 and run.is_person(doc, i, end)
                        and (end == len(doc) or doc[end].lower_ in self.CLOSERS)):
                    break
                yield Candidate(i, end, self.rule)
                i = end
                while i < len(doc) and doc[i].lower_ in TitleName.LIST_JOINERS:
                    i += 1


class NerName:
    """The model's PERSON entities, cut to their name tokens ('Pham Minh Chinh - Member' -> 'Pham Minh Chinh')."""

    rule = rules.rule("names.ner")

    def find(self, doc: Doc, run: NameRun):
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start = next((t.i for t in ent if run.vocab.is_name_token(t)), None)
            if start is None:
                continue
            end = min(run.end(doc, start), ent.end)
            if end - start >= 2 and run.is_person(doc, start, end):
                yield Candidate(start, end, self.rule)


# Earlier recognizers win an overlap: their cue says more about where the name starts.
RECOGNIZERS = (HonorificName(), TitleName(), SurnameName(), BodyThenName(), CommaName(), AttendeeListName(),
               NerName())


class NamesComponent:
    def __init__(self, vocab: Vocabulary | None = None) -> None:
        self.run = NameRun(vocab or Vocabulary())

    def __call__(self, doc: Doc) -> Doc:
        candidates = []
        for recognizer in RECOGNIZERS:
            found = sorted(recognizer.find(doc, self.run), key=lambda c: c.start - c.end)
            candidates.extend(found)
        spans = []
        for cand in resolve_overlaps(candidates):
            span = doc[cand.start:cand.end]
            span = doc.char_span(span.start_char, span.end_char, label="PERSON")
            span._.rule = cand.rule
            span._.honorific = cand.honorific
            spans.append(span)
        doc.spans[NAMES_KEY] = spans
        return doc


@Language.factory("extractor_names", default_config=VOCABULARY, assigns=["doc._.names"],
                  requires=["doc.ents", "doc._.titles", "doc._.honorifics"])
def make_names(nlp: Language, name: str, surnames: str, name_parts: str, places: str, bodies: str, titles: str,
               honorifics: str, not_names: str) -> NamesComponent:
    return NamesComponent(Vocabulary(surnames, name_parts, places, bodies, titles, honorifics, not_names))

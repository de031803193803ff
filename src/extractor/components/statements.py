"""extractor_statements: who asked whom to do what, and who said what.

A statement hangs on a reporting verb of `patterns/statement_verbs.jsonl` ("requested", "urged",
"called on", "emphasized", "said" ...), each verb the act it signals. The pipeline has no
dependency parser (it is the costliest stage of the model, issue 19): per verb, the stage reads
the words' tags, the sentence boundaries, the people stage's mentions and the punctuation.

- the speaker is the noun phrase, pronoun or person's mention that ends right before the verb,
  past the adverbs, auxiliaries and dates between them ("has also requested", "on Monday urged")
  and past an apposition set off by commas, which may hold commas of its own or lack its closing
  one ("Mr. X, Chairman of Y, said", "Mr. X, Director of Y Co., Ltd., said", "the Ministry,
  which hosted the forum, proposed"); the phrase runs left over nouns, adjectives, "of" between
  nouns and "and"/"for" inside a capitalized name to its determiner, and stands where a subject
  does (not after "at the meeting"). After a quotation or a comma that closes the sentence's
  reported clause, the speaker follows the verb ("“...,” said Mr. X", "..., said the Minister").
  The speaker must be someone who can speak: a person's mention, a pronoun, a title ("the
  Minister"), a body, or a collective speaker of the lexicon ("delegates", "the conference");
  "the project required ..." is no statement. A title with the person's name in apposition
  ("The Volta Regional Minister, Dr James Kofi Agbenyo, urged") is that name, with its
  honorifics.
- a verb with no subject before it takes the speaker of the clause it goes on when it follows
  "and", "to" or a comma, or is an "-ing" form: the speaker of the reporting verb before it in
  the sentence ("X said ... and stressed ..."), else of the nearest verb before it, outside a
  "that" clause, whose subject can speak ("X visited the site, stressing that ...", "X announced
  that the Government had ..., and urged ..."); after another verb it has none ("should be kept
  informed").
- a form of "be" before the participle, or "by" after it, makes a passive, whose subject is
  asked, not speaking ("was asked to", "the projects proposed by the executive", "as required by
  law"); a participle between a determiner and a noun, or right after a noun, modifies it ("the
  proposed plan", "the projects requiring land"), and an "-ing" form after a preposition is a
  noun ("for recommending"): none is a statement, nor ends one's content.
- a sentence that opens framed as a report ("Reporting at the conference, X said", "Tabling the
  estimates, ...", `report_frame` lines of the lexicon) makes its note verb a report, and the
  framing verb no statement of its own.
- `speaker_ref` is the index of the person whose mention (the people stage's mentions: names,
  "Mr. Cuong", "the Vice Chairman ...", "the comrade") the speaker overlaps; a bare "he"/"she"
  is the person mentioned last before it; a bare title ("the Minister") the person mentioned
  last who holds it. A one-word short form ("Vice Chairman Dinh") is the one person whose name
  ends with it, if the mention points at someone else. Collective speakers have none.
- the content is, in order of preference: the quotation the attribution closes ("“...,” he
  said") or opens ("He said: “...”"), across sentences and paragraphs (a paragraph that opens
  with a quote mark while one is open continues it); a list after a colon (to its last
  enumerated sentence or bullet line); a reported clause written before its verb ("The economy
  grew, he said": the sentence's words before the comma that precedes the attribution, when they
  hold a verb and the attribution ends the sentence or only says where or when, "..., officials
  said at a conference"); else the words after the verb (and a "that" tagged as a conjunction),
  to the end of the sentence or to the next reporting verb's clause ("He emphasized X and
  requested Y" is two). A reporting verb whose clause opens the content is part of it
  ("emphasized that the province commits to ...") or, without a subject, shares its object
  ("acknowledged and highly appreciated X" is X twice). A cue that needs an object finds it in
  the noun phrase after the verb, its last noun ("presented a short report").
- the addressee, for requests and directions, is what stands between the verb and the "to" of
  the clause asked for ("urged localities to act"), or the words between "that" and the
  clause's first verb ("requested that the provinces review ...").

A verb inside a quotation is the quoted speaker's words, not a statement; nor is an attribution
inside a relative clause ("the river, which he said had flooded ..."). Each token is read once,
the quotations, mentions and sentences are found by bisection, and a verb's subject is sought at
most NEAR tokens before it, so the stage is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .. import lexicon, rules
from ..facts import Evidence, StatementFact

VERBS = "statement_verbs.jsonl"
ASKING = {"request", "direct"}  # the acts that have an addressee
PRONOUNS = {"he", "she"}  # a pronoun that stands for the person mentioned last
BE = {"be", "is", "are", "am", "was", "were", "been", "being", "get", "gets", "got"}  # "was asked": a passive
# Words between a subject and its verb ("has also requested", "would further urge"), besides adverbs.
BETWEEN = {"has", "have", "had", "having", "did", "does", "do", "will", "would", "shall", "should", "can",
           "could", "may", "might", "must", "also", "then", "further", "again", "not", "n't", "already"}
NOUN_POS = {"PROPN", "NOUN", "ADJ", "NUM"}  # the words of a noun phrase, besides its determiner
INNER = {"of", "for", "to", "and", "&"}  # inside a name ("Minister for ...", "Planning and Investment")
ADJECTIVE_AFTER = {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD"}  # "the proposed plan"
FINITE = {"VBD", "VBZ", "VBP", "MD"}
SUBORDINATE = {"that", "which", "who", "whether", "if", "because", "as", "when", "while", "where"}  # open a clause
NEAR = 60  # the most tokens a subject or the verb a speaker is taken from stands before a verb
APPOSITION = 30  # the most tokens an apposition with its commas spans
SUBJECT_OPENS = {"NOUN", "PROPN", "DET", "ADJ", "PRON", "NUM"}  # the first word of an addressee
OPENING = "“\""
CLOSING = "”\""
ENUMERATOR = re.compile(r"\s*(?:[-–—•+*·▪]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|"
                        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                        r"firstly|secondly|thirdly|finally|lastly|next|also)\b)", re.IGNORECASE)
INLINE_ITEM = re.compile(r"(?:^|[;:.]\s*)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                         r"firstly|secondly|thirdly|finally|lastly|\d{1,2}[.)]|\(?[a-z]\))", re.IGNORECASE)
# Between a quotation and the attribution after it, or the attribution and the quotation it opens.
QUOTE_THEN_SPEAKER = re.compile(r"[\s,;–—-]*")
SPEAKER_THEN_QUOTE = re.compile(r"\s*(?:that\s*)?[:,]?\s*|[^.!?\n“”\"]{0,80}:\s*")

REPORTED = rules.rule("statements.reported")
REPORTED_BEFORE = rules.rule("statements.reported_before")
LIST = rules.rule("statements.list")
REPORT_FRAME = rules.rule("statements.report_frame")
QUOTE_AFTER = rules.rule("statements.quote_after")
QUOTE_BEFORE = rules.rule("statements.quote_before")


@dataclass(frozen=True)
class Cue:
    """One lexicon line: the verb's words, its act, and the object or opening words it needs."""

    words: tuple[str, ...]
    act: str
    object: frozenset[str]
    opens: frozenset[str]


@dataclass(frozen=True)
class Quotation:
    """Quoted words: `start`/`end` are the inner characters, `open`/`close` the marks' outer edges."""

    open: int
    start: int
    end: int
    close: int


def quotations(text: str) -> list[Quotation]:
    """The quotations of `text`, in order. Curly marks pair “ with ”; a straight mark closes an open
    quotation unless it opens a paragraph, where (as a curly “ there) it continues the quotation the
    paragraph before left open. Single quotes are nested quotes or apostrophes, never a quotation."""
    found: list[Quotation] = []
    opened: int | None = None
    for m in re.finditer(r"[“”\"]", text):
        i, mark = m.start(), m.group()
        line_start = text.rfind("\n", 0, i) + 1
        at_paragraph_start = not text[line_start:i].strip() and line_start > 0
        if opened is None:
            if mark in OPENING:
                opened = i
        elif mark == "“" or (mark == '"' and at_paragraph_start):
            if not at_paragraph_start:
                opened = i  # an unclosed mark before: start again here
        else:
            found.append(Quotation(opened, opened + 1, i, i + 1))
            opened = None
    return found


class Mentions:
    """The people's mentions, for the person a speaker's span names or a pronoun stands for."""

    def __init__(self, people, text: str = "") -> None:
        self.text = text
        self.people = people or ()
        lasts: dict[str, list[int]] = {}
        for i, person in enumerate(self.people):
            for last in lexicon.fold(person.name).split()[-1:]:
                lasts.setdefault(last, []).append(i)
        spans = sorted((m.start, m.end, short_form_person(lexicon.fold(m.text).split(), i, self.people, lasts))
                       for i, person in enumerate(self.people) for m in person.mentions)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.by_end = sorted((e, i) for _, e, i in spans)
        self.ends = [e for e, _ in self.by_end]

    def covering(self, start: int, end: int) -> int | None:
        """The person with the mention overlapping [start, end) most."""
        best, best_overlap = None, 0
        # Mentions are short: those starting up to 200 characters before can still overlap.
        for s, e, i in self.spans[bisect.bisect_left(self.starts, start - 200):bisect.bisect_left(self.starts, end)]:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best

    def named_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The first mention inside [start, end) that writes its person's last name ('Dr James Kofi
        Agbenyo', not 'the comrade'), as its character offsets."""
        for s, e, i in self.spans[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]:
            last = lexicon.fold(self.people[i].name).split()[-1:]
            if e <= end and last and last[0] in lexicon.fold(self.text[s:e]).split():
                return s, e
        return None

    def last_before(self, start: int) -> int | None:
        k = bisect.bisect_right(self.ends, start)
        return self.by_end[k - 1][1] if k else None

    def holder_before(self, start: int, title: str) -> int | None:
        """The person mentioned last before `start` holding a title that ends with `title`."""
        k = bisect.bisect_right(self.ends, start)
        for _, i in reversed(self.by_end[:k]):
            if any(lexicon.fold(r.title) == title or lexicon.fold(r.title).endswith(" " + title)
                   for r in self.people[i].roles):
                return i
        return None


def named_tokens(doc: Doc, mentions: Mentions) -> frozenset[int]:
    """The indices of the tokens inside the people's mentions: the words of a name, however tagged
    ('Do Van Nam', whose 'Do' the tagger reads as a verb)."""
    named: set[int] = set()
    for start, end, _ in mentions.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            named.update(range(span.start, span.end))
    return frozenset(named)


def short_form_person(words: list[str], person: int, people, lasts: dict[str, list[int]]) -> int:
    """The person a mention names. A mention in one word ('Vice Chairman Dinh') that is not its
    person's last word, where exactly one other person's name ends with it, is that other person:
    a short form writes the last name (the given name, in a Vietnamese one: Phan Van Dinh, not
    Nguyen Dinh Khoi); otherwise the people stage's person stands ('Governor Bounkong' for Bounkong
    Sisavath)."""
    name = lexicon.fold(people[person].name).split()
    if len(words) != 1 or not name or name[-1] == words[0]:
        return person
    others = lasts.get(words[0], [])
    return others[0] if len(others) == 1 else person


@dataclass(frozen=True)
class Subject:
    """A verb's subject as token offsets: the noun phrase [start, end), its head (the word its
    prepositional phrase hangs on), and the commas around the apposition after it ('Mr. X,
    Chairman of Y, said')."""

    start: int
    end: int
    head: int
    apposition: tuple[int, int] | None = None


def is_adjective(doc: Doc, verb: Token) -> bool:
    """A participle between a determiner or adjective and a noun modifies it ('the proposed plan'),
    and so does one right after a noun: an '-ing' form ('the projects requiring land recovery'), a
    past participle after a common noun ('the minimum required under the Act'). An '-ing' form
    after a preposition is a noun ('thanked them for recommending ...')."""
    if verb.tag_ not in ("VBN", "VBG") or verb.i == 0:
        return False
    if verb.tag_ == "VBG" and doc[verb.i - 1].pos_ == "ADP":
        return True
    if doc[verb.i - 1].pos_ in ("NOUN", "PROPN") and (verb.tag_ == "VBG" or doc[verb.i - 1].is_lower) or \
            verb.tag_ == "VBG" and doc[verb.i - 1].text == ")":
        return True
    return doc[verb.i - 1].tag_ in ADJECTIVE_AFTER and verb.i + 1 < len(doc) \
        and doc[verb.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def is_passive(doc: Doc, verb: Token) -> bool:
    """A form of 'be' before the participle ('was asked to', 'has also been requested'), or 'by'
    after it ('the roads proposed by the mayor', 'as required by law'): whoever is asked is the
    subject, the speaker unsaid."""
    if verb.tag_ not in ("VBN", "VBD"):
        return False
    i = verb.i - 1
    while i >= 0 and (doc[i].tag_ in ("RB", "RBR", "RBS") or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].lower_ in BE:
        return True
    return verb.tag_ == "VBN" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "by"


def object_phrase(doc: Doc, start: int) -> tuple[Token | None, int]:
    """The object a verb's words are followed by: the last noun of the words that open it ('a short
    report', 'him') and the index after it, over an 'of' phrase ('the report of the committee');
    (None, start) when no noun phrase follows."""
    head, i = None, start
    if i < len(doc) and doc[i].tag_ == "PRP":
        return doc[i], i + 1
    while i < len(doc) and i - start < 12:
        token = doc[i]
        if token.tag_ in ("DT", "PDT", "PRP$", "POS", "HYPH") or token.pos_ in NOUN_POS:
            if token.pos_ in ("NOUN", "PROPN") and (head is None or head.i == i - 1 or doc[i - 1].tag_ == "POS"):
                head = token
        elif not (token.lower_ == "of" and head is not None):
            break
        i += 1
    return head, i if head is not None else start


def words_before(doc: Doc, i: int, floor: int) -> int:
    """The index of the word before doc[i] past the adverbs, auxiliaries and dates between a subject
    and its verb ('has also requested', 'would further urge', 'on Monday urged'); below `floor`
    when there is none."""
    i -= 1
    while i >= floor and (doc[i].tag_ in ("RB", "RBR", "RBS", "MD") or doc[i].lower_ in BETWEEN or doc[i].is_space
                          or when(doc, i)):
        i -= 1
    return i


def when(doc: Doc, i: int) -> bool:
    """Whether doc[i] says when ('Minister X on Monday urged', 'the Minister last week said'): a
    word of a date or time, or the preposition before one."""
    if doc[i].ent_type_ in ("DATE", "TIME"):
        return True
    return doc[i].pos_ == "ADP" and i + 1 < len(doc) and doc[i + 1].ent_type_ in ("DATE", "TIME") \
        and doc[i + 1].ent_iob_ == "B"


def phrase_start(doc: Doc, last: int, floor: int, named: frozenset[int]) -> int:
    """The first word of the noun phrase that ends with doc[last]: leftwards over its nouns and
    adjectives to its determiner, over an 'of' between two nouns ('the Director of the Department
    of Health'), 'and', 'for' or 'to' inside a capitalized name ('the Ministry of Planning and
    Investment'), a bracketed short form ('the Chief Executive (MCE) for Techiman'), and the words
    of a name the tagger reads otherwise ('Presiding Member', 'Than Van Tuan'; at the sentence's
    start, a capitalized verb form before a name, 'Oknha Chea Sovann', not 'Representing ...'). A
    lowercase noun that ends a phrase of its own before a person's name with its title ('at the
    event Minister Ana Cruz said', not 'comrade Ninh Van Hoach') is no part of it."""
    i = last
    floor = max(floor, last - NEAR)
    while i > floor:
        prev, word = doc[i - 1], doc[i]
        capitals = word.text[:1].isupper() and prev.text[:1].isupper()
        if prev.tag_ in ("DT", "PDT", "PRP$"):
            if i - 3 >= floor and doc[i - 2].lower_ in ("of", "for", "to") and doc[i - 3].pos_ in ("NOUN", "PROPN"):
                i -= 3
                continue
            return i - 1
        if prev.text == ")":
            bracket = next((j for j in range(i - 2, max(floor, i - 8) - 1, -1) if doc[j].text == "("), None)
            if bracket is None or bracket == floor or doc[bracket - 1].pos_ not in ("NOUN", "PROPN"):
                return i
            i = bracket
            continue
        if prev.is_lower and prev.pos_ == "NOUN" and word.text[:1].isupper() and i - 2 >= floor \
                and doc[i - 2].pos_ in ("DET", "ADJ", "ADP") and any(is_named(t, named) for t in doc[i:last + 1]):
            return i
        if prev.pos_ in NOUN_POS or prev.tag_ in ("POS", "HYPH") or word.ent_iob_ == "I" or \
                prev.i in named and word.i in named or capitals and prev.pos_ in ("VERB", "AUX") and \
                (i - 1 > floor or prev.tag_ in ("VB", "VBP", "VBZ") and word.i in named):
            i -= 1
        elif prev.lower_ in INNER and i - 2 >= floor and joins_name(doc[i - 2], prev, word, named):
            i -= 1
        else:
            break
    return i


def joins_name(before: Token, inner: Token, after: Token, named: frozenset[int]) -> bool:
    """Whether a word of INNER is inside a noun phrase: 'of' between two nouns, the others between
    capitalized words ('Ministry of Planning and Investment', 'the Chief Executive (MCE) for
    Techiman'), 'and' never after a name ('Mr. A and Ms. B' is two speakers)."""
    if not (before.pos_ in ("NOUN", "PROPN") or before.text == ")"):
        return False
    return inner.lower_ == "of" or after.text[:1].isupper() and (before.text[:1].isupper() or before.text == ")") \
        and not (inner.lower_ == "and" and is_named(before, named))


def is_named(token: Token, named: frozenset[int]) -> bool:
    """Whether a word is part of a person's name: in a people's mention, or a PERSON entity."""
    return token.i in named or token.ent_type_ == "PERSON"


class Sentences:
    """The doc's sentences, found by bisection (Token.sent walks its sentence at each reading)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans = list(doc.sents)
        self.starts = [sent.start for sent in self.spans]

    def of(self, i: int) -> Span:
        return self.spans[bisect.bisect_right(self.starts, i) - 1]

    def floor(self, i: int) -> int:
        """The first token of doc[i]'s sentence, or of the one before when the sentence splitter
        cut after an abbreviation ('Engr. Musa Bello said' is one sentence)."""
        k = bisect.bisect_right(self.starts, i) - 1
        while k > 0 and is_abbreviation(self.doc, self.starts[k] - 1):
            k -= 1
        return self.starts[k]


def is_abbreviation(doc: Doc, i: int) -> bool:
    """Whether the full stop doc[i] ends a short capitalized word ('Hon.', 'Co.'), not a sentence."""
    return i > 0 and doc[i - 1].text[:1].isupper() and len(doc[i - 1]) <= 4 and not doc[i - 1].whitespace_


def phrase_head(doc: Doc, start: int, end: int) -> int:
    """The word a noun phrase's prepositional phrase or bracket hangs on ('Director' in 'the
    Director of the Department', 'report' in 'the report at the conference'), else its last word."""
    for i in range(start + 1, end):
        if (doc[i].pos_ == "ADP" or doc[i].text == "(") and doc[i - 1].pos_ in ("NOUN", "PROPN"):
            return i - 1
    return end - 1


def phrase_before(doc: Doc, last: int, floor: int, named: frozenset[int]) -> Subject | None:
    """The noun phrase that ends with doc[last], where a subject stands: at the sentence's (or its
    frame's) start, after a comma or a quotation; not after a preposition ('At the meeting, ...').
    A date after it ('Minister X on Monday, while ...,') and its short form in brackets ('the
    Agency (NPHCDA) urged') are left out."""
    while last >= floor and (doc[last].is_space or when(doc, last)):
        last -= 1
    if last < floor:
        return None
    end = last + 1
    if doc[last].text == ")":
        bracket = next((j for j in range(last - 1, max(floor, last - 8) - 1, -1) if doc[j].text == "("), None)
        if bracket is None:
            return None
        last = end = bracket
        while last > floor and doc[last - 1].is_space:
            last -= 1
        last -= 1
    token = doc[last]
    if last < floor or token.pos_ not in ("NOUN", "PROPN", "NUM") and not token.tag_.startswith("NN") \
            and last not in named:
        return None
    start = phrase_start(doc, last, floor, named)
    before = doc[start - 1] if start > floor else None
    if before is not None and before.pos_ == "ADP" and start - 2 >= floor and doc[start - 2].pos_ in ("NOUN", "PROPN"):
        start = phrase_start(doc, start - 2, floor, named)  # "Delegates at the meeting proposed"
        before = doc[start - 1] if start > floor else None
    if before is not None and before.pos_ in ("ADP", "VERB", "AUX") and before.lower_ != "that":
        return None
    return Subject(start, end, phrase_head(doc, start, end))


def apposed(doc: Doc, comma: int, floor: int, named: frozenset[int]) -> Subject | None:
    """The subject before an apposition closed by the comma at `comma` ('Mr. X, Chairman of Y,
    said'; 'Delegates, however, proposed'; 'the Ministry, which hosted the forum, proposed'), with
    the apposition's commas: the first noun phrase in a subject's place whose words up to `comma`
    have no verb of their own (a relative clause may), so that an apposition may hold commas
    ('General Director of Kyoei Co., Ltd.', 'The Commissioner for Health, Kano State, Dr. ...')."""
    found, end = None, comma
    for j in range(comma - 1, max(floor, comma - APPOSITION) - 1, -1):
        token = doc[j]
        if token.text in OPENING or token.text in CLOSING or token.tag_ == ":" or token.is_space or \
                token.tag_ == "." and not is_abbreviation(doc, j):
            break
        if token.text == ",":
            words = doc[j + 1:end]
            relative = len(words) > 0 and words[0].lower_ in ("who", "which")
            if not len(words) or not relative and any(t.tag_ in FINITE for t in words):
                break
            phrase = phrase_before(doc, j - 1, floor, named)
            if phrase is not None:
                found = Subject(phrase.start, phrase.end, phrase.head, (j, comma))
            end = j
    return found


def unclosed_apposition(doc: Doc, phrase: Subject, floor: int, named: frozenset[int]) -> Subject | None:
    """The person named before a title whose closing comma the writer left out ('Colonel Tran Van
    Khoi, Director of the Provincial Police said'): the title has no name, the name ends at the comma."""
    comma = phrase.start - 1
    if comma <= floor or doc[comma].text != "," or not is_named(doc[comma - 1], named) or \
            not doc[phrase.start].text[:1].isupper() and doc[phrase.start].tag_ != "DT" or \
            any(is_named(t, named) for t in doc[phrase.start:phrase.end]):
        return None
    person = phrase_before(doc, comma - 1, floor, named)
    return person and Subject(person.start, person.end, person.head, (comma, phrase.end))


def subject(doc: Doc, verb: Token, after: int, sentences: Sentences, named: frozenset[int]) -> Subject | None:
    """The noun phrase (or pronoun) that ends right before the verb, past its adverbs and
    auxiliaries and an apposition set off by commas; after it when a quotation ends right before
    ('“...,” said Mr. X'), or a comma and the speaker ends the sentence ('..., said the Minister').
    None when the verb has no subject of its own: it follows 'and', 'to' or a comma, or is an
    '-ing' form ('..., stressing that')."""
    floor, sent_end = sentences.floor(verb.i), sentences.of(verb.i).end
    i = words_before(doc, verb.i, floor)
    if i < floor or verb.tag_ == "VBG":
        return None
    token = doc[i]
    if token.text in CLOSING or token.tag_ == "''" or token.text == "," and i > floor and doc[i - 1].text in CLOSING:
        return subject_after(doc, after, sent_end)
    if token.tag_ in ("PRP", "WP", "WDT", "EX"):
        return Subject(i, i + 1, i)
    if token.text == ",":
        # "..., said an official statement": a speaker after the verb, to the sentence's end.
        inverted = subject_after(doc, after, sent_end)
        if inverted is not None and all(t.is_punct or t.is_space for t in doc[inverted.end:sent_end]):
            return inverted
        return apposed(doc, i, floor, named)
    phrase = phrase_before(doc, i, floor, named)
    return phrase and (unclosed_apposition(doc, phrase, floor, named) or phrase)


def in_relative_clause(doc: Doc, found: Subject | None, after: int) -> bool:
    """Whether an attribution stands inside a relative clause, a verb following it ('the river,
    which he said had destroyed 300 hectares'): it vouches for the clause, no statement of its own."""
    return found is not None and found.start > 0 and doc[found.start - 1].tag_ in ("WDT", "WP") and \
        doc[found.start - 1].lower_ in ("which", "that", "who") and after < len(doc) and \
        (doc[after].tag_.startswith("VB") or doc[after].tag_ == "MD")


def joined(doc: Doc, verb: Token, sent: Span) -> bool:
    """Whether a verb without a subject goes on a clause before it, whose speaker it takes: it is an
    '-ing' form ('..., stressing that'), or follows 'and', 'or', 'but', 'to' or a comma ('said ...
    and stressed', 'went on to urge'); not a verb after another ('should be kept informed')."""
    i = words_before(doc, verb.i, sent.start)
    return verb.tag_ == "VBG" or i >= sent.start and doc[i].lower_ in ("and", "or", "but", "to", ",", ";")


def subject_after(doc: Doc, start: int, stop: int) -> Subject | None:
    """The speaker written after the verb a quotation ends before ('“...,” said the Minister'): the
    pronoun, or the noun phrase to the first word that is none of it."""
    if start < stop and doc[start].tag_ == "PRP":
        return Subject(start, start + 1, start)
    end = start + 1 if start < stop and doc[start].tag_ in ("DT", "PRP$") else start
    while end < stop and (doc[end].pos_ in NOUN_POS or doc[end].tag_ in ("POS", "HYPH") or doc[end].lower_ == "of"
                          or doc[end].tag_ == "DT" and doc[end - 1].lower_ == "of"):
        end += 1
    while end > start and doc[end - 1].lower_ == "of":
        end -= 1
    if end == start or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:end]):
        return None
    return Subject(start, end, phrase_head(doc, start, end))


class StatementsComponent:
    def __init__(self, verbs: str = VERBS) -> None:
        entries = lexicon.load(verbs)
        self.cues: dict[str, list[Cue]] = {}
        for e in entries:
            if e.kind not in ("collective", "report_frame"):
                words = tuple(lexicon.fold(e.text).split())
                self.cues.setdefault(words[0], []).append(
                    Cue(words, e.kind, frozenset(map(str.casefold, e.object)), frozenset(map(str.casefold, e.opens))))
        self.cue_ids = {hash_string(word) for word in self.cues}  # as spaCy's LOWER attribute holds them
        self.collective = {lexicon.fold(e.text) for e in entries if e.kind == "collective"}
        self.collective |= {c.removeprefix("the ") for c in self.collective}
        self.frames = [tuple(lexicon.fold(e.text).split()) for e in entries if e.kind == "report_frame"]
        self.longest_frame = max(map(len, self.frames), default=0)
        self.titles = lexicon.phrases("titles.jsonl", "title")
        self.heads = lexicon.phrases("bodies.jsonl", "head")
        self.honorifics = lexicon.phrases("honorifics.jsonl")

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = self.set_annotations(doc, self.match(doc))
        return doc

    # --- reading -------------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Token, Cue, int]]:
        """Each reporting verb outside quotations, with its cue and the token after its words."""
        text = doc._.text
        quotes = quotations(text)
        opens = [q.open for q in quotes]
        found = []
        # The tokens that start a cue, found by their lower-case words' ids: no Token object for the others.
        lowers = doc.to_array(LOWER).tolist()
        for token in (doc[i] for i, lower in enumerate(lowers) if lower in self.cue_ids):
            cues = self.cues[token.lower_]
            if not token.tag_.startswith("VB") or is_adjective(doc, token) or is_passive(doc, token):
                continue
            k = bisect.bisect_right(opens, token.idx) - 1
            if k >= 0 and quotes[k].close > token.idx:
                continue
            for cue in cues:
                after = token.i + len(cue.words)
                if after > len(doc) or tuple(t.lower_ for t in doc[token.i:after]) != cue.words:
                    continue
                if cue.object and not self.has_object(doc, after, cue.object):
                    continue
                if cue.opens and not self.opens_with(doc, after, cue.opens):
                    continue
                found.append((token, cue, after))
                break
        return found

    @staticmethod
    def has_object(doc: Doc, after: int, words: frozenset[str]) -> bool:
        """Whether the object after the verb has one of `words` for its head ('presented a short report')."""
        head, _ = object_phrase(doc, after)
        return head is not None and head.lower_ in words

    @staticmethod
    def opens_with(doc: Doc, after: int, words: frozenset[str]) -> bool:
        """Whether the words after the verb, or after its object ('asked the ministry whether'), open
        with one of `words`."""
        if after < len(doc) and doc[after].lower_ in words:
            return True
        head, end = object_phrase(doc, after)
        return head is not None and end < len(doc) and doc[end].lower_ in words

    # --- writing -------------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, found: list[tuple[Token, Cue, int]]) -> list[StatementFact]:
        text = doc._.text
        quotes = quotations(text)
        closes = [q.close for q in quotes]
        opens = [q.open for q in quotes]
        mentions = Mentions(doc._.people, text)
        statements: list[StatementFact] = []
        previous: tuple[Token, Span] | None = None  # the last verb and its speaker
        sentences = Sentences(doc)
        sents = [sentences.of(verb.i) for verb, _, _ in found]
        frames: dict[int, int | None] = {}  # by sentence start, each sentence read once
        for sent in sents:
            if sent.start not in frames:
                frames[sent.start] = self.frame_end(sent)
        named = named_tokens(doc, mentions)
        subjects = {verb.i: subject(doc, verb, after, sentences, named) for verb, _, after in found}
        # The index in `found` after the last verb of each verb's sentence: found verbs are in order.
        sentence_ends = [len(found)] * len(found)
        for n in range(len(found) - 2, -1, -1):
            sentence_ends[n] = sentence_ends[n + 1] if sents[n].start == sents[n + 1].start else n + 1
        for n, (verb, cue, after) in enumerate(found):
            sent = sents[n]
            frame = frames[sent.start]
            act = cue.act
            if frame is not None and verb.i < frame:
                if any(v.i > frame for v, _, _ in found[n + 1:sentence_ends[n]]):
                    continue  # "Reporting at the meeting, X said": the framing verb is no statement
            elif frame is not None and act == "note":
                act = "report"
            if in_relative_clause(doc, subjects[verb.i], after):
                continue
            speaker = self.speaker(doc, verb, sent, subjects[verb.i], previous, sentences, mentions, named)
            if speaker is None:
                continue
            previous = (verb, speaker)
            later = ((found[k][0], subjects[found[k][0].i], found[k][2]) for k in range(n + 1, sentence_ends[n]))
            # The attribution holds the whole subject, the title before a named apposition too.
            own = subjects[verb.i]
            attribution = doc[min(own.start, speaker.start):max(own.end, speaker.end)] if own else speaker
            content = self.content(doc, verb, after, sent, attribution, later, quotes, opens, closes)
            if content is None:
                continue
            start, end, rule = content
            addressee = self.addressee(doc, after, sent.end) if act in ASKING else None
            statements.append(StatementFact(
                speaker=speaker.text, speaker_ref=self.reference(speaker, mentions), act=act,
                addressee=addressee, content=text[start:end], quote=rule in (QUOTE_AFTER, QUOTE_BEFORE),
                evidence=Evidence.at(text, start, end, REPORT_FRAME if act != cue.act else rule)))
        return statements

    def frame_end(self, sent: Span) -> int | None:
        """The comma that ends the words framing a sentence as a report ('Reporting at the
        conference, ...', 'In her report, ...'), or None when the sentence opens otherwise."""
        start = sent.start
        while start < sent.end and sent.doc[start].is_space:
            start += 1
        opening = tuple(t.lower_ for t in sent.doc[start:min(start + self.longest_frame, sent.end)])
        for words in self.frames:
            if opening[:len(words)] == words:
                return next((t.i for t in sent.doc[start + len(words):sent.end] if t.text == ","), None)
        return None

    def speaker(self, doc: Doc, verb: Token, sent: Span, found: Subject | None, previous: tuple[Token, Span] | None,
                sentences: Sentences, mentions: Mentions, named: frozenset[int]) -> Span | None:
        """The verb's subject, if it can speak; a verb without one takes the speaker of the reporting
        verb before it in the sentence ('X said ... and stressed ...'), or of the nearest verb before it
        in the sentence whose subject can speak ('X visited the site, stressing that ...')."""
        if found is None:
            if not joined(doc, verb, sent):
                return None
            if previous is not None and sent.start <= previous[0].i < verb.i:
                return previous[1]
            found = self.clause_subject(doc, verb, sentences, mentions, named)
            if found is None:
                return None
        span = doc[found.start:found.end]
        while len(span) and (span[0].is_punct or span[0].is_space):
            span = span[1:]
        while len(span) and (span[-1].is_punct or span[-1].is_space):
            span = span[:-1]
        if not len(span) or not self.can_speak(span, doc[found.head], mentions):
            return None
        return self.named_apposition(doc, span, found, mentions, named) or span

    def clause_subject(self, doc: Doc, verb: Token, sentences: Sentences, mentions: Mentions,
                       named: frozenset[int]) -> Subject | None:
        """The subject that can speak of the nearest verb before `verb` in its sentence that has one
        ('..., the Minister added, urging ...'), but not of a verb in a clause opened by 'that',
        'which' or the like: that is what is said ('X announced that the Government had released
        ..., and urged ...' is X's)."""
        floor = sentences.floor(verb.i)
        for token in reversed(doc[max(floor, verb.i - NEAR):verb.i]):
            if token.tag_ in FINITE:
                found = subject(doc, token, token.i + 1, sentences, named)
                if found is None or found.start > floor and doc[found.start - 1].lower_ in SUBORDINATE:
                    continue
                if self.can_speak(doc[found.start:found.end], doc[found.head], mentions):
                    return found
        return None

    def named_apposition(self, doc: Doc, span: Span, found: Subject, mentions: Mentions,
                         named: frozenset[int]) -> Span | None:
        """The person's name set off by commas after a speaker written as a title ('The Executive
        Director of the Agency, Dr. Musa Lawal, said'): the name, with the honorifics before it, is
        who speaks, as the annotation guide writes it. None when the speaker already writes a name."""
        if found.apposition is None or any(t.i in named for t in span):
            return None
        rest = doc[found.apposition[0]:found.apposition[1]]
        if mentions.covering(span.start_char, span.end_char) is not None and \
                mentions.named_within(span.start_char, span.end_char) is not None:
            return None
        named = mentions.named_within(rest.start_char, rest.end_char)
        name = named and doc.char_span(named[0], named[1], alignment_mode="expand")
        if not name:
            return None
        start = name.start
        # Honorifics of the lexicon, and any abbreviation written before the name ("Engr. Musa Bello").
        while start > rest.start and (lexicon.fold(doc[start - 1].text) in self.honorifics or doc[start - 1].text == "."
                                      or doc[start].text == "." and is_abbreviation(doc, start)):
            start -= 1
        return doc[start:name.end] if start > rest.start and doc[start - 1].text == "," else None

    def can_speak(self, span: Span, head: Token, mentions: Mentions) -> bool:
        """A person's mention ('the comrade'), a pronoun, a title, a body named with a capital
        ('the Department of Finance', not 'the project'), a named person or body, or a collective."""
        if head.ent_type_ in ("PERSON", "ORG", "NORP") or head.lower_ in PRONOUNS:
            return True
        if mentions.covering(span.start_char, span.end_char) is not None:
            return True
        folded = lexicon.fold(span.text)
        bare = re.sub(r"^(?:the|all|many|some|most|other|several|\d+)\s+", "", folded)
        if folded in self.collective or bare in self.collective or lexicon.fold(head.text) in self.collective:
            return True
        if head.text[:1].isupper() and lexicon.fold(head.text) in self.heads:
            return True
        # A title ending the phrase or its head: 'the Chief Executive (DCE) for Adaklu'.
        words = folded.split()
        to_head = lexicon.fold(span.doc[span.start:head.i + 1].text).split() if span.start <= head.i < span.end else []
        return lexicon.fold(head.text) in self.titles or any(" ".join(w[i:]) in self.titles
                                                               for w in (words, to_head) for i in range(len(w)))

    @staticmethod
    def reference(speaker: Span, mentions: Mentions) -> int | None:
        """The index of the person the speaker is, or None (a collective speaker, someone unnamed)."""
        found = mentions.covering(speaker.start_char, speaker.end_char)
        if found is not None:
            return found
        lower = speaker.text.casefold()
        if lower in PRONOUNS:
            return mentions.last_before(speaker.start_char)
        words = lexicon.fold(speaker.text).split()
        if len(words) >= 2 and words[0] == "the":
            return mentions.holder_before(speaker.start_char, " ".join(words[1:]))
        return None

    def content(self, doc: Doc, verb: Token, after: int, sent: Span, speaker: Span,
                later: Iterable[tuple[Token, Subject | None, int]], quotes: list[Quotation], opens: list[int],
                closes: list[int]) -> tuple[int, int, str] | None:
        text = doc._.text
        attribution_start = min(speaker.start_char, verb.idx)
        attribution_end = max(speaker.end_char, doc[after - 1].idx + len(doc[after - 1]))
        # "“...,” he said": a quotation closes right before the attribution.
        k = bisect.bisect_right(closes, attribution_start) - 1
        if k >= 0 and QUOTE_THEN_SPEAKER.fullmatch(text, quotes[k].close, attribution_start) \
                and opens_speech(text, quotes[k].open):
            start, end = quotes[k].start, quotes[k].end
            # "“A,” he said, “B.”": the quotation goes on after the attribution.
            j = bisect.bisect_left(opens, attribution_end)
            # "“A,” he said. “B.”" too, unless B ends with a comma: it has an attribution of its own.
            if j < len(quotes) and re.fullmatch(r"[\s,.]*", text[attribution_end:quotes[j].open]) and \
                    text[quotes[j].end - 1] != ",":
                end = quotes[j].end
            return trimmed(text, start, end, QUOTE_AFTER)
        # "He said: “...”": a quotation opens right after it.
        j = bisect.bisect_left(opens, attribution_end)
        if j < len(quotes) and SPEAKER_THEN_QUOTE.fullmatch(text, attribution_end, quotes[j].open):
            return trimmed(text, quotes[j].start, quotes[j].end, QUOTE_BEFORE)
        # "The economy grew by 7 percent, he said.": the attribution ends the sentence, or only says
        # where or when ("..., officials said at a conference held ..."), and a clause (words with
        # a verb) ends with the comma before it.
        if max(after, speaker.end) >= sent.end - 2 or circumstance_follows(doc, max(after, speaker.end), sent.end):
            comma = min(speaker.start, verb.i) - 1
            while comma > sent.start and doc[comma].is_space:
                comma -= 1
            if comma > sent.start and doc[comma].text == "," and \
                    any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:comma]):
                return trimmed(text, sent.start_char, doc[comma].idx, REPORTED_BEFORE)
        if after >= len(doc):
            return None
        first = doc[after]
        # "requested: first, ...; second, ..." or a colon that opens bullet lines, perhaps after
        # the sentence the parser ends at the colon.
        colon_start = first.idx if first.text == ":" else None
        if first.lower_ == "that" and first.tag_ == "IN" or first.text in (":", ","):
            after += 1
        end_token = sent.end
        # The next reporting verb of the sentence ends the content at its clause, unless the clause
        # starts where the content does: the verb is then the content's own ("emphasized that the
        # province commits to ..."), or shares its object ("acknowledged and highly appreciated X").
        for next_verb, next_subject, next_after in later:
            if next_verb.i <= after:
                continue
            clause = self.clause_start(doc, next_verb, next_subject, after)
            if clause > after:
                end_token = clause
                break
            if next_subject is None:
                after = next_after
        if after >= end_token and colon_start is None:
            return None
        start = doc[min(after, len(doc) - 1)].idx if after < len(doc) else len(text)
        end = doc[end_token - 1].idx + len(doc[end_token - 1]) if end_token > after else start
        colon = colon_start if colon_start is not None else text.find(":", start, end)
        if colon >= 0 and (not text[colon + 1:end].strip() or ENUMERATOR.match(text, colon + 1)):
            list_end = list_extent(text, colon + 1)
            if list_end > colon + 1:
                return trimmed(text, start if colon - start > 1 else colon + 1, list_end, LIST)
        if end_token <= after:
            return None
        return trimmed(text, start, end, REPORTED)

    @staticmethod
    def clause_start(doc: Doc, verb: Token, found: Subject | None, floor: int) -> int:
        """Where the next reporting verb's clause begins: at its subject when that stands before
        it, else at the verb, with the 'and' and commas before it left out."""
        i = found.start if found is not None and found.start < verb.i else verb.i
        while i > floor and (doc[i - 1].lower_ in ("and", "but", "also", "then", "further") or doc[i - 1].is_punct
                             or doc[i - 1].is_space or doc[i - 1].tag_ == "RB"):
            i -= 1
        return max(i, floor)

    @staticmethod
    def addressee(doc: Doc, after: int, sent_end: int) -> str | None:
        """Whom a request or direction is addressed to: the words between the verb and the 'to' of
        the clause it asks for ('urged localities at all levels to act'), or the subject of a 'that'
        clause ('requested that the provinces review ...')."""
        i = after
        if i < sent_end and doc[i].lower_ == "that":
            # The clause's subject: the noun phrase from "that" to the clause's first verb.
            j = i + 1
            while j < sent_end and j - i <= 12 and not (doc[j].tag_.startswith("VB") or doc[j].tag_ == "MD"):
                j += 1
            words = doc[i + 1:j]
            if not len(words) or j >= sent_end or doc[j].tag_ == "VBG" or \
                    any(t.is_punct and t.text != "," for t in words) or words[0].pos_ not in SUBJECT_OPENS:
                return None
            return words.text
        for j in range(i, min(sent_end, i + 25)):
            token = doc[j]
            if token.tag_ == "TO" and j > i and doc[j + 1:j + 2].text and doc[j + 1].tag_ == "VB":
                words = doc[i:j]
                while len(words) and (words[-1].is_punct or words[-1].is_space):
                    words = words[:-1]
                return words.text if len(words) and words[0].pos_ in SUBJECT_OPENS \
                    else None
            if token.text in (":", ";", "“", '"') or token.lower_ in ("that", "whether") or token.tag_ in ("VBD", "VBZ"):
                return None
        return None


def circumstance_follows(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` only say where or when the words were said: a
    preposition opens them ('at a conference', 'after the meeting'), and no 'that', colon or
    quotation follows."""
    return start < end and doc[start].pos_ == "ADP" and doc[start].lower_ not in ("that", "to") and not any(
        t.lower_ == "that" and t.tag_ == "IN" or t.text in (":", *OPENING) for t in doc[start:end])


def opens_speech(text: str, mark: int) -> bool:
    """Whether a quotation opening at `mark` is speech, not a phrase quoted inside a sentence
    ('the criterion "remains the hardest"'): it opens its line, or follows a sentence's end or a colon."""
    before = text[text.rfind("\n", 0, mark) + 1:mark].rstrip()
    return not before or before[-1] in ".!?:”\""


def list_extent(text: str, start: int) -> int:
    """The end of a list opened by a colon at `start`: inline ('first, ...; second, ...'), its
    sentences that open with an enumerator on the same line; on the lines after it, each line
    that opens with a bullet or an enumerator (blank lines between them allowed)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:line_end].strip():  # inline: to the end of the sentence of its last item
        items = [m.end() for m in INLINE_ITEM.finditer(text, start, line_end)]
        stop = re.search(r"[.!?](?=\s|$)", text[items[-1] if items else start:line_end])
        return (items[-1] if items else start) + stop.end() if stop else line_end
    end = start
    pos = line_end
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        line = text[pos + 1: len(text) if nl < 0 else nl]
        if not line.strip():
            if nl < 0:
                break
            pos = nl
            continue
        if not ENUMERATOR.match(line):
            break
        end = pos + 1 + len(line.rstrip())
        if nl < 0:
            break
        pos = nl
    return end


def trimmed(text: str, start: int, end: int, rule: str) -> tuple[int, int, str] | None:
    """[start, end) without the white space around it and the punctuation that ends it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return (start, end, rule) if end > start else None


@Language.factory("extractor_statements", default_config={"verbs": VERBS},
                  assigns=["doc._.statements"],
                  requires=["doc._.people", "token.is_sent_start", "token.tag", "token.pos", "token.ent_type"])
def make_statements(nlp: Language, name: str, verbs: str) -> StatementsComponent:
    return StatementsComponent(verbs)

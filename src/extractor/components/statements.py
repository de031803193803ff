"""extractor_statements: who asked whom to do what, and who said what.

A statement hangs on a reporting verb of `patterns/statement_verbs.jsonl` ("requested", "urged",
"called on", "emphasized", "said" ...), each verb the act it signals. Per verb, read off the parse:

- the speaker is the verb's subject (nsubj), cut before an apposition or a relative clause; a
  verb joined to another by "and", or an "-ing" verb hanging on one ("..., stressing that"),
  takes that verb's speaker. The subject must be someone who can speak: a person's mention, a
  pronoun, a title ("the Minister"), a body, or a collective speaker of the lexicon
  ("delegates", "the conference"); "the project required ..." is no statement, nor is a passive
  participle ("the projects proposed by the executive", "as required by law"). A title with the
  person's name in apposition ("The Volta Regional Minister, Dr James Kofi Agbenyo, urged") is
  that name, with its honorifics.
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
  grew, he said"); else the words after the verb (and "that"), to the end of the sentence or to
  the next reporting verb of the sentence ("He emphasized X and requested Y" is two).
- the addressee, for requests and directions, is what stands between the verb and the "to" of
  the clause asked for ("urged localities to act"), or the subject of a "that" clause.

A verb inside a quotation is the quoted speaker's words, not a statement. Each token is read once
and the quotations and mentions are found by bisection, so the stage is linear in the text.
"""

from __future__ import annotations

import bisect
import re
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
CUT_DEPS = {"appos", "relcl", "acl", "punct", "cc", "conj"}  # what ends a speaker after its head
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
            if not token.tag_.startswith("VB") or token.dep_ in ("amod", "compound"):
                continue
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
                continue  # "was asked to": the subject is the addressee, the speaker unsaid
            if token.tag_ == "VBN" and (token.dep_ == "acl" or any(c.dep_ == "agent" for c in token.children)):
                continue  # "the projects proposed by the executive", "as required by law": a passive participle
            k = bisect.bisect_right(opens, token.idx) - 1
            if k >= 0 and quotes[k].close > token.idx:
                continue
            for cue in cues:
                after = token.i + len(cue.words)
                if after > len(doc) or tuple(t.lower_ for t in doc[token.i:after]) != cue.words:
                    continue
                if cue.object and not any(c.dep_ == "dobj" and c.lower_ in cue.object for c in token.children):
                    continue
                if cue.opens and not self.opens_with(doc, token, after, cue.opens):
                    continue
                found.append((token, cue, after))
                break
        return found

    @staticmethod
    def opens_with(doc: Doc, verb: Token, after: int, words: frozenset[str]) -> bool:
        """Whether the words after the verb, or after its object, open with one of `words`."""
        if after < len(doc) and doc[after].lower_ in words:
            return True
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        nxt = obj.right_edge.i + 1 if obj is not None else None
        return nxt is not None and nxt < len(doc) and doc[nxt].lower_ in words

    # --- writing -------------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, found: list[tuple[Token, Cue, int]]) -> list[StatementFact]:
        text = doc._.text
        quotes = quotations(text)
        closes = [q.close for q in quotes]
        opens = [q.open for q in quotes]
        mentions = Mentions(doc._.people, text)
        statements: list[StatementFact] = []
        previous: tuple[Token, Span] | None = None  # the last verb and its speaker
        frames = {verb.sent.start: self.frame_end(verb.sent) for verb, _, _ in found}
        for n, (verb, cue, after) in enumerate(found):
            frame = frames[verb.sent.start]
            act = cue.act
            if frame is not None and verb.i < frame:
                if any(v.sent == verb.sent and v.i > frame for v, _, _ in found[n + 1:]):
                    continue  # "Reporting at the meeting, X said": the framing verb is no statement
            elif frame is not None and act == "note":
                act = "report"
            speaker = self.speaker(doc, verb, previous, mentions)
            if speaker is None:
                continue
            previous = (verb, speaker)
            next_verb = found[n + 1][0] if n + 1 < len(found) else None
            content = self.content(doc, verb, after, speaker, next_verb, quotes, opens, closes)
            if content is None:
                continue
            start, end, rule = content
            addressee = self.addressee(doc, verb, after, start) if act in ASKING else None
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
        for words in self.frames:
            if tuple(t.lower_ for t in sent.doc[start:start + len(words)]) == words:
                return next((t.i for t in sent.doc[start + len(words):sent.end] if t.text == ","), None)
        return None

    def speaker(self, doc: Doc, verb: Token, previous: tuple[Token, Span] | None, mentions: Mentions) -> Span | None:
        """The verb's subject, if it can speak; a verb without one takes the speaker of the verb it
        is joined to ('... and requested'), or of the reporting verb before it in the sentence."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            if previous is not None and previous[0].sent == verb.sent and previous[0].i < verb.i:
                return previous[1]
            head = verb
            for _ in range(3):
                if head.dep_ not in ("conj", "advcl", "xcomp") or head.head is head:
                    break
                head = head.head
                subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    break
        if subject is None:
            return None
        end = subject.i + 1
        for child in subject.rights:
            if child.dep_ in CUT_DEPS:
                break
            end = child.right_edge.i + 1
        start = subject.left_edge.i
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        span = doc[start:end]
        if "(" in span.text and ")" not in span.text:  # "... Agency (NPHCDA" cut at its bracket
            span = doc[start:next(t.i for t in span if t.text == "(")]
            while len(span) and span[-1].is_space:
                span = span[:-1]
        if not len(span) or not self.can_speak(span, subject, mentions):
            return None
        return self.named_apposition(doc, span, subject, mentions) or span

    def named_apposition(self, doc: Doc, span: Span, subject: Token, mentions: Mentions) -> Span | None:
        """The person's name set off by a comma after a speaker written as a title ('The Executive
        Director of the Agency, Dr. Musa Lawal, said'): the name, with the honorifics before it, is
        who speaks, as the annotation guide writes it. None when the speaker already writes a name."""
        if any(t.ent_type_ == "PERSON" for t in span):
            return None
        rest = doc[span.end:subject.right_edge.i + 1]
        if not len(rest) or mentions.covering(span.start_char, span.end_char) is not None and \
                mentions.named_within(span.start_char, span.end_char) is not None:
            return None
        found = mentions.named_within(rest.start_char, rest.end_char)
        name = found and doc.char_span(found[0], found[1], alignment_mode="expand")
        if not name:
            return None
        start = name.start
        while start > rest.start and (lexicon.fold(doc[start - 1].text) in self.honorifics or doc[start - 1].text == "."):
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
        words = folded.split()
        if head.text[:1].isupper() and lexicon.fold(head.text) in self.heads:
            return True
        return lexicon.fold(head.text) in self.titles or any(" ".join(words[i:]) in self.titles
                                                               for i in range(len(words)))

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

    def content(self, doc: Doc, verb: Token, after: int, speaker: Span, next_verb: Token | None,
                quotes: list[Quotation], opens: list[int], closes: list[int]) -> tuple[int, int, str] | None:
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
        sent = verb.sent
        # "The economy grew by 7 percent, he said.": the reported clause comes first.
        before = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
        if before is not None and after >= sent.end - 2:
            return trimmed(text, before.left_edge.idx, before.right_edge.idx + len(before.right_edge), REPORTED_BEFORE)
        if after >= len(doc):
            return None
        first = doc[after]
        # "requested: first, ...; second, ..." or a colon that opens bullet lines, perhaps after
        # the sentence the parser ends at the colon.
        colon_start = first.idx if first.text == ":" else None
        if first.lower_ == "that" and first.dep_ == "mark" or first.text in (":", ","):
            after += 1
        end_token = sent.end
        if next_verb is not None and next_verb.sent == sent and next_verb.i > after:
            end_token = self.clause_start(doc, next_verb, after)
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
    def clause_start(doc: Doc, verb: Token, floor: int) -> int:
        """Where the next reporting verb's clause begins: at its subject when that stands before
        it, else at the verb, with the 'and' and commas before it left out."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        i = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
        while i > floor and (doc[i - 1].lower_ in ("and", "but", "also", "then", "further") or doc[i - 1].is_punct
                             or doc[i - 1].is_space):
            i -= 1
        return max(i, floor + 1)

    @staticmethod
    def addressee(doc: Doc, verb: Token, after: int, content_start: int) -> str | None:
        """Whom a request or direction is addressed to: the words between the verb and the 'to' of
        the clause it asks for ('urged localities at all levels to act'), or the subject of a 'that'
        clause ('requested that the provinces review ...')."""
        sent_end = verb.sent.end
        i = after
        if i < sent_end and doc[i].lower_ == "that":
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            subject = clause and next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            return doc[subject.left_edge.i:subject.right_edge.i + 1].text
        for j in range(i, min(sent_end, i + 25)):
            token = doc[j]
            if token.tag_ == "TO" and j > i and doc[j + 1:j + 2].text and doc[j + 1].tag_ == "VB":
                words = doc[i:j]
                while len(words) and (words[-1].is_punct or words[-1].is_space):
                    words = words[:-1]
                return words.text if len(words) and words[0].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "PRON", "NUM") \
                    else None
            if token.text in (":", ";", "“", '"') or token.lower_ in ("that", "whether") or token.tag_ in ("VBD", "VBZ"):
                return None
        return None


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
                  requires=["doc._.people", "token.is_sent_start", "token.tag"])
def make_statements(nlp: Language, name: str, verbs: str) -> StatementsComponent:
    return StatementsComponent(verbs)

"""extractor_targets: quantified goals, and attainment measured against them.

Two families, each a small recognizer with a rule id:

- Attainment: "20 out of 25 targets ... have been achieved", "13 of 13 districts", "20/25 targets",
  "21 targets, of which 18 were achieved", "Of the 24 targets set ..., 19 were met": achieved and
  total, with the status words near them and what was counted as the subject.
- Goals: an amount (from extractor_amounts) stated as a goal. A goal is opened by a cue
  (`patterns/target_cues.jsonl`: "target", "aims", "strive", "set"), by a goal verb after "to",
  "will" ("to attract", "will be raised to"), or by a deadline after the amount ("by 2030" later than
  the publication date). A cue reaches to the end of its clause: clauses end at ";", at
  "while", "whereas", "but" and at ", and the ...", so the result reported beside a goal ("slightly below the target of 5
  percent, while GDP reached ...") stays out. Baselines ("from 28% to 50%", "up from 1,800 MW")
  are not goals.

A goal completed without a number ("completed the goals of the ... program for the 2021-2025
period") is a target with its status and period and no value.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import guards, lexicon, numbers, rules
from ..atoms import YEAR
from ..facts import AmountFact, Evidence, TargetFact
from ..temporal import normalize

CUES = "target_context.jsonl"
NUMBER = r"\d+(?:[.,]\d+)*"
BOUNDARY = r"(?<![\w.,/])"
NOT_A_SHARE = r"(?![.,]?\d)(?!\s*(?:%|per\s?cent\b|percent\b))"  # "of which 100% of vessels" counts no targets
RATIOS = {
    # "20 out of 25 targets", "rose to 95 out of 111"
    "targets.out_of": re.compile(rf"{BOUNDARY}(?P<achieved>{NUMBER})\s+out\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
                         rf"(?P<total>{NUMBER}){NOT_A_SHARE}"),
    # "4 of 7 districts", "17 of its 30 districts"
    "targets.of": re.compile(rf"{BOUNDARY}(?P<achieved>{NUMBER})\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
                     rf"(?P<total>{NUMBER})(?=\s+[^\W\d]){NOT_A_SHARE}"),
    # "20/25 targets"
    "targets.slash": re.compile(rf"{BOUNDARY}(?P<achieved>{NUMBER})/(?P<total>{NUMBER})(?=\s+[a-z])"),
    # "set 21 targets, of which 18 were achieved"
    "targets.of_which": re.compile(rf"{BOUNDARY}(?P<total>{NUMBER})(?P<subject>\s+[^,;.]{{1,80}}?),\s+of\s+which\s+"
                           rf"(?P<achieved>{NUMBER}){NOT_A_SHARE}"),
    # "Of the 24 targets set by the Council, 19 were met"
    "targets.of_the_total": re.compile(rf"\b[Oo]f\s+the\s+(?:\w+\s+)?(?P<total>{NUMBER})(?P<subject>\s+[^,;.]{{1,100}}?),\s*"
                               rf"(?P<achieved>{NUMBER})\s+(?:were|was|have|has|had)\b"),
}
DIGIT = re.compile(r"\d")
# "completed the goals of the national program for the 2021-2025 period"
UNQUANTIFIED = re.compile(rf"\b(?P<status>\w+)\s+(?:all\s+)?the\s+(?:{lexicon.cues(CUES, 'goal_plural')})\s+of\s+"
                          r"(?:the\s+)?"
                          rf"(?P<subject>[^,;.]{{3,120}}?)\s+for\s+the\s+(?P<period>{YEAR}\s*[-–]\s*{YEAR})"
                          r"\s+period")
# Clauses end at ";", "while", "whereas", "but", and ", and" before a new subject ("..., and the
# largest project will cost ..."). A break with no comma starts at the first of its white space
# characters only: a match tried at each of them would read the whole run each time (quadratic in
# its length), and one that fails at the first fails at every other.
CLAUSE_BREAK = re.compile(rf";|(?:,|(?<!\s))\s+(?:{lexicon.cues(CUES, 'clause_conjunction')})\s+"
                          rf"|,\s+and\s+(?=(?:{lexicon.cues(CUES, 'new_subject')})\b)")
PERIOD = re.compile(rf"\b({YEAR})\s*[-–]\s*({YEAR}|\d\d)\b")
# A number referred back to: the baseline of a change, or a comparison.
BASELINE = re.compile(rf"\b(?:{lexicon.cues(CUES, 'baseline', lexicon.ANY_SPACE)})\s+$", re.IGNORECASE)
FUTURE_SHARE = re.compile(r"\s+of\b")
AGAINST = re.compile(rf"\b(?:{lexicon.cues(CUES, 'against', lexicon.ANY_SPACE)})\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+)?$",
                     re.IGNORECASE)
YEAR_LIKE = re.compile(YEAR)
FUTURE = re.compile(rf"\b(?:{lexicon.cues(CUES, 'future')})\b")
# "100 million yuan each" sizes each item; "from 28%" is where a change starts.
PER_ITEM = re.compile(rf"\s+(?:{lexicon.cues(CUES, 'per_item')})\b")
# "USD 2 billion of FDI by 2025": the deadline closes the amount's own phrase, within this many
# characters and no comma or "and" between.
DEADLINE = re.compile(rf"\b(?:{lexicon.cues(CUES, 'deadline', lexicon.ANY_SPACE)})\s+")  # the longer first
DEADLINE_REACH = 60
SUBJECT_STOPS = {"AUX", "VERB", "PUNCT"}  # a ratio's subject runs to its verb: "targets of Resolution 06 have"


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


class AttainmentMatcher:
    """'20 out of 25 targets have been achieved': achieved, total, status and subject."""

    def __init__(self, statuses: StatusReader) -> None:
        self.statuses = statuses

    def __call__(self, doc: Doc, sentence: Span, parts: list[Clause], decimal: str) -> list[TargetFact]:
        """The ratios of one sentence; `parts`: its clauses."""
        text, found, taken = doc._.text, [], set()
        if not DIGIT.search(text, sentence.start_char, sentence.end_char):
            return found  # every ratio writes its numbers in digits
        for rule, pattern in RATIOS.items():
            for m in pattern.finditer(text, sentence.start_char, sentence.end_char):
                achieved = numbers.parse_numeral(m.group("achieved"), decimal)
                total = numbers.parse_numeral(m.group("total"), decimal)
                if achieved is None or total is None or achieved > total or not total:
                    continue
                if YEAR_LIKE.fullmatch(m.group("total")):
                    continue  # "Presidential Regulation No. 12 of 2024"
                if taken & set(range(m.start(), m.end())):
                    continue
                taken |= set(range(m.start(), m.end()))
                subject = (m.group("subject").strip() if "subject" in pattern.groupindex
                           else subject_after(doc, m.end("total")))
                clause = next(c for c in parts if m.start() < c.end)
                clause_text = text[clause.start:clause.end]
                found.append(target(
                    doc, m.start(), m.end(), rule, subject=subject, achieved=achieved, total=total,
                    status=self.statuses(clause_text), period=period_in(clause_text),
                    document=cited_in(doc, clause.start, clause.end)))
        return found


class StatusReader:
    """The status words of a clause, in text order, joined: 'achieved/exceeded'."""

    def __init__(self, statuses: str = "statuses.jsonl") -> None:
        entries = lexicon.load(statuses)
        self.kinds = {e.text: e.kind for e in entries}
        self.pattern = guards.compile(rf"\b(?:{lexicon.phrase_regex(self.kinds)})\b", re.IGNORECASE)

    def __call__(self, text: str) -> str | None:
        kinds = []
        for m in self.pattern.finditer(text):
            kind = self.kinds[" ".join(m.group().lower().split())]
            if kind not in kinds:
                kinds.append(kind)
        return "/".join(kinds) or None


class GoalMatcher:
    """Amounts stated as goals: after a cue in the same clause, or before a deadline."""

    def __init__(self, statuses: StatusReader, target_cues: str = "target_cues.jsonl",
                 open_ends: str = "open_ends.jsonl", qualifiers: str = "qualifiers.jsonl") -> None:
        cues = lexicon.load(target_cues)
        goal_words = lexicon.phrase_regex(e.text for e in cues if e.kind == "goal")
        verbs = lexicon.phrase_regex(e.text for e in cues if e.kind == "verb")
        nouns = lexicon.phrase_regex(e.text for e in cues if e.kind == "noun")
        modals = lexicon.alternation(e.text for e in cues if e.kind == "modal")
        reported = "".join(rf"(?<!{re.escape(e.text)}\s)" for e in cues if e.kind == "reported")
        # A goal noun opens a goal only when its value follows ("the target of 8%"); "86 percent
        # of the target" reports a result. "estimated to reach" reports one too.
        # "to/will/should cut", and the subjunctive "proposed that the time be cut".
        # "the target of 8%", "the target has been set at 6.5 percent"
        self.cue = guards.compile(rf"\b(?:(?:{nouns})\s+(?:of|at|is|was|:|(?:(?:has|have)\s+been|is|was)\s+set\s+at)"
                              rf"|{goal_words}|{reported}(?:(?:{modals})\s+(?:be\s+)?(?:soon\s+|\w+ly\s+)?|be\s+)"
                              rf"(?:{verbs})(?:e?d)?)\b", re.IGNORECASE)
        # Phrases that start like a cue and are none: "set aside VND 1.5 trillion" allocates.
        self.not_cue = re.compile(rf"\b(?:{lexicon.phrase_regex(e.text for e in cues if e.kind == 'not_goal')})\b",
                                  re.IGNORECASE)
        self.noun_as_verb = re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)  # "the province targets growth of 7%"
        self.open_ends = {e.text: e.kind for e in lexicon.load(open_ends)}
        self.open_end = re.compile(rf"\s+({lexicon.phrase_regex(self.open_ends)})\b", re.IGNORECASE)
        self.comparators = {e.text.lower(): e.kind for e in lexicon.load(qualifiers)}
        self.reported = re.compile(rf"\b(?:{lexicon.phrase_regex(e.text for e in cues if e.kind == 'reported')})\b",
                                   re.IGNORECASE)
        self.change = re.compile(rf"\s+(?:{lexicon.phrase_regex(e.text for e in cues if e.kind == 'change_noun')})\b",
                                 re.IGNORECASE)
        self.statuses = statuses

    def __call__(self, doc: Doc, clause: Clause, amounts: list[AmountFact], published: date | None,
                 date_ends: dict[int, int]) -> list[TargetFact]:
        """`date_ends`: where each of the model's DATE entities ends, by where it starts."""
        if not amounts:
            return []
        text = doc._.text
        cue = self.first_cue(doc, clause)
        found = []
        for amount in amounts:
            start, end = amount.evidence.start, amount.evidence.end
            if amount.kind == "multiplier" and cue is not None and cue < start:
                cue = None  # the cue's goal is this change's size: not "... 2.5 times under a 12-billion-baht scheme"
            if self.is_baseline(text, amount) or amount.kind == "multiplier":
                continue  # a change's start, or its size ("would increase 2.5 times"), is no goal's value
            deadline = deadline_after(doc, end, clause, amounts, published, date_ends)
            if cue is not None and cue < start and not self.reported.search(text, cue, start):
                rule, opened = "targets.goal_cue", cue  # not "... 5,000 ha by 2030, and output is estimated at 12 t"
            elif re.match(r"\s+(?:\w+\s+)?(?:target|goal)\b", text[end:clause.end]):
                rule, opened = "targets.amount_target", start  # "the 15 per cent target"
            elif amount.kind == "percent" and self.change.match(text, end):
                rule, opened = "targets.planned_change", start  # "a 30 percent cut in procedures"
            elif deadline is not None:
                rule, opened = "targets.deadline", start
            elif amount.kind == "percent" and FUTURE_SHARE.match(text, end) and FUTURE.search(text, end, clause.end):
                rule, opened = "targets.future_share", start  # "53 percent of the labour force will receive training"
            else:
                continue
            achieved = achieved_before(text, amounts, amount, cue)
            found.append(self.goal(doc, amount, rule, opened, clause, deadline, achieved))
        return found

    def first_cue(self, doc: Doc, clause: Clause) -> int | None:
        """Where the clause's first goal cue starts: a cue phrase, or a goal noun used as a verb."""
        text = doc._.text
        cue = next((m.start() for m in self.cue.finditer(text, clause.start, clause.end)
                    if not self.not_cue.match(text, m.start())), None)
        for m in self.noun_as_verb.finditer(text, clause.start, clause.end):
            token = doc.char_span(m.start(), m.end())
            if token is not None and token.root.pos_ == "VERB":
                return m.start() if cue is None else min(cue, m.start())
        return cue

    @staticmethod
    def is_baseline(text: str, amount: AmountFact) -> bool:
        start = amount.evidence.start
        opens_range = amount.min is not None and amount.value == amount.min and amount.text.lower().startswith("from")
        return (opens_range or BASELINE.search(text, max(0, start - 20), start) is not None
                or PER_ITEM.match(text, amount.evidence.end) is not None)

    def goal(self, doc: Doc, amount: AmountFact, rule: str, opened: int, clause: Clause,
             deadline: str | None, achieved: float | None = None) -> TargetFact:
        end = amount.evidence.end
        open_end = self.open_end.match(doc._.text, end)
        if open_end:
            comparator = self.open_ends[" ".join(open_end.group(1).lower().split())]
        else:
            comparator = self.comparators.get((amount.qualifier or "").lower())
        unit = amount.currency if amount.kind == "money" else amount.unit
        clause_text = doc._.text[clause.start:clause.end]
        return target(doc, opened, end, rule, subject=subject_before(doc, amount), value=amount.value, unit=unit,
                      status=self.statuses(doc._.text[clause.start:amount.evidence.start]),
                      period=period_in(clause_text), comparator=comparator, deadline=deadline, achieved=achieved)


def achieved_before(text: str, amounts: list[AmountFact], amount: AmountFact, cue: int | None) -> float | None:
    """What was achieved against the goal the cue opens: 'GRDP grew 7.2% against a target of 7-7.5%'."""
    if cue is None or cue > amount.evidence.start or not AGAINST.search(text, max(0, cue - 30), cue):
        return None
    before = [a for a in amounts if a.evidence.end <= cue and a.kind == amount.kind]
    return before[-1].value if before else None


def deadline_after(doc: Doc, end: int, clause: Clause, amounts: list[AmountFact], published: date | None,
                   date_ends: dict[int, int]) -> str | None:
    """The date of 'by <date>' after an amount, before the next amount, when it is not already past."""
    following = [a.evidence.start for a in amounts if a.evidence.start >= end]
    limit = min([clause.end, *following])
    m = DEADLINE.search(doc._.text, end, min(limit, end + DEADLINE_REACH))
    if m is None or re.search(r",|\band\b", doc._.text[end:m.start()]):
        return None
    date_end = date_ends.get(m.end())
    if date_end is None:
        return None
    point = normalize(doc._.text[m.end():date_end], published)
    if point is None or (published is not None and point.value[:4] < published.isoformat()[:4]):
        return None
    return point.value


def subject_after(doc: Doc, char: int) -> str | None:
    """What a ratio counts: the words after its total up to a verb or punctuation ('targets')."""
    span = doc.char_span(char, len(doc._.text), alignment_mode="expand")
    if span is None:
        return None
    words = []
    for token in span:
        joined = token.text in ("-", "/") and not token.whitespace_  # "06-NQ/TU"
        if (token.pos_ in SUBJECT_STOPS and not joined) or token.lower_ == "dated" or len(words) >= 8:
            break
        words.append(token)
    return doc[words[0].i:words[-1].i + 1].text if words else None


def subject_before(doc: Doc, amount: AmountFact) -> str | None:
    """What a goal measures: the counted noun ('communes'), else the noun phrase before the
    preposition that ties the amount to it: 'a growth target of 8%' -> 'growth target', 'reduce
    traffic accidents by 5%' -> 'traffic accidents', 'bring it down to 12%' -> 'it'. Read from the
    tags: the phrase is the nouns and modifiers that end right before the preposition."""
    if amount.kind in ("count", "quantity") and amount.unit:
        return amount.unit
    span = doc.char_span(amount.evidence.start, amount.evidence.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].pos_ != "ADP":
        return None
    end = span.start - 1
    while end > 0 and doc[end - 1].tag_ == "RP":  # "bring it down to"
        end -= 1
    head = doc[end - 1]
    if head.pos_ == "PRON" and head.tag_ == "PRP":
        return head.text
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    start = head.i
    while start > 0 and is_modifier(doc, start - 1):
        start -= 1
    return doc[start:head.i + 1].text


def is_modifier(doc: Doc, i: int) -> bool:
    """A word of the noun phrase before a noun: a noun, an adjective, a past participle ('treated
    water'; not a gerund, a verb there: 'achieving GDP growth'), a hyphen's parts ('non-revenue
    water') or the 'per' of 'per capita'."""
    token = doc[i]
    if token.text == "-" and not token.whitespace_ and not doc[i - 1].whitespace_:
        return True
    if token.lower_ == "per":
        return i + 1 < len(doc) and doc[i + 1].lower_ == "capita"
    return token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_ == "VBN" and not token.is_sent_start


def period_in(text: str) -> str | None:
    """'2021/2025' for the year range a clause names ('the 2021-2025 period', '2024-25')."""
    m = PERIOD.search(text)
    if m is None:
        return None
    first, last = m.groups()
    return f"{first}/{first[:2] + last if len(last) == 2 else last}"


def cited_in(doc: Doc, start: int, end: int) -> str | None:
    """The number (or name) of the first document extractor_documents found cited in [start, end)."""
    for document in doc._.documents:
        if any(start <= m.start and m.end <= end for m in document.mentions):
            return document.number or document.name
    return None


def target(doc: Doc, start: int, end: int, rule: str, **fields) -> TargetFact:
    """A target, its evidence the text from start to end; the fields not given are unknown."""
    evidence = Evidence.at(doc._.text, start, end, rule)
    unknown = dict.fromkeys(("subject", "value", "unit", "achieved", "total", "status", "period", "document",
                             "comparator", "deadline"))
    return TargetFact(text=evidence.text, evidence=evidence, **(unknown | fields))


def clauses(doc: Doc, sentence: Span) -> list[Clause]:
    """The sentence cut into clauses at CLAUSE_BREAK."""
    # Matched in the sentence's own text, so that white space before the sentence does not stop a break
    # at its start (CLAUSE_BREAK's look-behind would see it in the whole text).
    offset = sentence.start_char
    cuts = [m.span() for m in CLAUSE_BREAK.finditer(doc._.text[offset:sentence.end_char])]
    starts = [offset] + [offset + end for _, end in cuts]
    ends = [offset + start for start, _ in cuts] + [sentence.end_char]
    return [Clause(s, e) for s, e in zip(starts, ends, strict=True)]


class PlanList:
    """Every figure of a plan's list of targets, whatever its verb ('reaches', 'accounts for'), under a
    header that names the targets: 'Main targets:', 'It set out goals: ...', 'The resolution approved
    28 main targets. Of which, ...'. The list is the rest of the header's paragraph when it gives
    figures, else the paragraphs after it that give figures and report no one's words. A header that
    reports results ('achieved 20 of the 25 targets', 'reduced on all 3 criteria:') opens no list."""

    rule = rules.rule("targets.plan_list")
    MAX_PARAGRAPHS = 3  # paragraphs after the header's that a list may run on over, besides marked items
    ITEM = re.compile(r"\s*(?:[-–•*+]|\d{1,2}[.)])\s")  # a list item's mark: "- ", "• ", "1. ", "2) "
    ITEM_NUMBER, ITEM_BEFORE = re.compile(r"\d{1,2}[.)]\s"), re.compile(r"(?:^|[:;\n])\s*$")
    LISTED_KINDS = ("money", "percent", "multiplier", "count")
    PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")

    def __init__(self, statuses: StatusReader, target_cues: str = "target_cues.jsonl") -> None:
        cues = lexicon.load(target_cues)
        nouns = lexicon.phrase_regex(e.text for e in cues if e.kind == "list_noun")
        qualifiers = lexicon.phrase_regex(e.text for e in cues if e.kind == "list_qualifier")
        verbs = lexicon.phrase_regex(e.text for e in cues if e.kind == "plan_verb")
        openers = lexicon.phrase_regex(e.text for e in cues if e.kind == "list_opener")
        self.header = guards.compile(rf"\b(?:(?:{qualifiers})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b[^.\n:;]{{0,40}}?:"
                                 rf"|(?:{nouns})\b[^.\n:;]{{0,40}}?\bas\s+follows\b:?"
                                 rf"|(?<!\band\s)(?<!\bthe\s)(?:{verbs})\b[^.\n;]{{0,60}}?\b(?:{nouns})\b|(?:{openers})\b:?)",
                                 re.IGNORECASE)  # not "met the requirements and set targets": those set
        self.reporting = re.compile(rf"\b(?:{lexicon.phrase_regex(lexicon.texts('participation.jsonl', 'spoke'))})\b")
        self.statuses = statuses

    def scopes(self, text: str, figures: list[int]) -> list[tuple[int, int, int]]:
        """(header start, list start, list end) of each list; `figures`: where the amounts a list
        may hold start, in text order."""
        found = []

        def has_figures(start: int, stop: int) -> bool:
            i = bisect.bisect_left(figures, start)
            return i < len(figures) and figures[i] < stop

        for m in self.header.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if self.statuses(text[line_start:m.end()]) is not None:
                continue
            end = text.find("\n", m.end())  # the end of the header's paragraph
            end = len(text) if end < 0 else end
            if not has_figures(m.end(), end):
                unmarked = 0
                for start, stop in (p.span() for p in self.PARAGRAPH.finditer(text, end)):
                    unmarked += not self.ITEM.match(text, start)
                    if (unmarked > self.MAX_PARAGRAPHS or not has_figures(start, stop)
                            or self.reporting.search(text, start, stop)):
                        break
                    end = stop
            found.append((line_start, m.end(), end))
        return found

    def is_item_number(self, text: str, amount: AmountFact) -> bool:
        """'2' of '2. GRDP per capita of USD 6,000': the mark of a list item (at a line's start, or
        after ':' or ';'), read as a count."""
        start = amount.evidence.start
        return (amount.kind == "count" and self.ITEM_NUMBER.match(text, start) is not None
                and self.ITEM_BEFORE.search(text, max(0, start - 3), start) is not None)

    def __call__(self, doc: Doc, amounts: list[AmountFact], taken: set[AmountFact]) -> list[TargetFact]:
        """Targets of the listed amounts not `taken` already (by a goal of their own clause)."""
        text, found = doc._.text, []
        listed = [a for a in amounts if a.kind in self.LISTED_KINDS and not self.is_item_number(text, a)]
        for header, start, end in self.scopes(text, [a.evidence.start for a in listed]):
            header_text = text[header:start]
            for amount in listed:
                if (start <= amount.evidence.start < end
                        and amount not in taken and not GoalMatcher.is_baseline(text, amount)):
                    taken.add(amount)
                    unit = amount.currency if amount.kind == "money" else amount.unit
                    found.append(target(doc, amount.evidence.start, amount.evidence.end, self.rule,
                                        subject=subject_before(doc, amount), value=amount.value, unit=unit,
                                        period=period_in(header_text), document=cited_in(doc, header, start)))
        return found


class TargetsComponent:
    def __init__(self, target_cues: str = "target_cues.jsonl", statuses: str = "statuses.jsonl",
                 open_ends: str = "open_ends.jsonl", qualifiers: str = "qualifiers.jsonl") -> None:
        reader = StatusReader(statuses)
        self.attainment = AttainmentMatcher(reader)
        self.goals = GoalMatcher(reader, target_cues, open_ends, qualifiers)
        self.lists = PlanList(reader, target_cues)
        self.statuses = reader

    def __call__(self, doc: Doc) -> Doc:
        doc._.targets = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[TargetFact]:
        published, decimal = doc._.context.reference_day, doc._.context.decimal_mark
        amounts = sorted(doc._.amounts, key=lambda a: a.evidence.start)
        starts = [a.evidence.start for a in amounts]  # a clause's amounts by bisection: no rescan per clause
        # Read once: `doc.ents` builds every entity span anew on each access.
        date_ends = {e.start_char: e.end_char for e in doc.ents if e.label_ == "DATE"}
        found = []
        for sentence in doc.sents:
            parts = clauses(doc, sentence)
            ratios = self.attainment(doc, sentence, parts, decimal)
            counted = {(r.evidence.start, r.evidence.end) for r in ratios}
            found += ratios
            for clause in parts:
                inside = [a for a in amounts[bisect.bisect_left(starts, clause.start):bisect.bisect_left(starts, clause.end)]
                          if not any(s <= a.evidence.start < e for s, e in counted)]
                found += self.goals(doc, clause, inside, published, date_ends)
                found += self.unquantified(doc, clause)
        ends = {t.evidence.end for t in found}  # a goal's evidence ends with its amount
        found += self.lists(doc, amounts, {a for a in amounts if a.evidence.end in ends})
        return sorted(found, key=lambda t: t.evidence.start)

    def unquantified(self, doc: Doc, clause: Clause) -> list[TargetFact]:
        text, found = doc._.text, []
        if text.find("period", clause.start, clause.end) < 0:
            return found  # every such goal names its period
        for m in UNQUANTIFIED.finditer(text, clause.start, clause.end):
            status = self.statuses(m.group("status"))
            if status is not None:
                found.append(target(doc, m.start(), m.end(), "targets.unquantified_goal", subject=m.group("subject"),
                                    status=status, period=period_in(m.group("period"))))
        return found


@Language.factory("extractor_targets",
                  default_config=lexicon.defaults("target_cues", "statuses", "open_ends", "qualifiers"),
                  assigns=["doc._.targets"],
                  requires=["doc._.amounts", "doc._.context", "doc._.documents", "doc.ents", "token.is_sent_start",
                            "token.tag"])
def make_targets(nlp: Language, name: str, target_cues: str, statuses: str, open_ends: str,
                 qualifiers: str) -> TargetsComponent:
    return TargetsComponent(target_cues, statuses, open_ends, qualifiers)

"""extractor_people: joins names and roles into people, and later mentions to the same person.

The genre strings names and roles together with commas, dashes, "and" and semicolons:
"Member of the Politburo, Prime Minister Pham Minh Chinh; Nguyen Thi Hong - Governor of ...".
Each run of names and roles joined that way is a group; within a group a role written right
before a name is that person's, and a role written after a name belongs to it until the next
person. Around groups, copulas give roles to a subject ("he used to be Deputy Director of ...",
"The two Deputy Secretaries are Mr. A and Mr. B"). Short forms ("Mr. Cuong", "Pacquiao"),
"the Vice Chairman ..." and "the comrade" become mentions of a person already named.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import guards, lexicon
from ..facts import Evidence, OrganizationFact, PersonFact, RoleFact
from .names import NAMES_KEY, VOCABULARY, Vocabulary
from .roles import ROLES_KEY
from .titles import HONORIFICS_KEY

CUES = "people_cues.jsonl"  # the genre's words for joining names and roles, by kind
cue = functools.partial(lexicon.cues, CUES)  # cue("copula"): a kind's phrases as a regex alternation


def either_case_first(phrase: str) -> str:
    """A regex of a phrase whose first letter may be either case ('the comrade': '[Tt]he comrade')."""
    return f"[{phrase[0].upper()}{phrase[0].lower()}]{re.escape(phrase[1:])}"


# Words that may stand between a name and its roles, or between roles of one person
# ("... Member of the Party Central Committee, from Deputy Secretary of X to Secretary of Y").
JOINERS = {",", "-", "–", "—", ":", *lexicon.texts(CUES, "joiner")}
DISTRIBUTIVE = set(lexicon.texts(CUES, "distributive"))
# A verb phrase that gives its subject the role after it: "was re-elected as the", "used to be".
COPULA = re.compile(
    rf"\b(?:{cue('copula')}|"
    rf"(?:(?:{cue('serve_modal')})\s+)?(?:(?:{cue('continue_to', lexicon.ANY_SPACE)})\s+)?"
    rf"(?:{cue('serve_as', lexicon.ANY_SPACE)})|"
    rf"(?:(?:{cue('passive_auxiliary')})\s+)?(?:re-?)?(?:{cue('appointed')})(?:\s+(?:{cue('appointed_to')}))?)"
    rf"(?:\s+(?:{cue('adverb')}))?(?:\s+(?:{cue('article')}))?\s*$", re.IGNORECASE)
RELATIVE = re.compile(r"(?:, )?who (?=\w)" + COPULA.pattern.removeprefix(r"\b"), re.IGNORECASE)
PRONOUNS = set(lexicon.texts(CUES, "pronoun"))
COMRADE = re.compile(rf"\b(?:{'|'.join(map(either_case_first, lexicon.texts(CUES, 'anaphor')))})\b")
IN_CHARGE = re.compile(rf"(?:{cue('in_charge')})(?: [a-z]+){{1,4}}")
QUALIFIERS = lexicon.phrases("titles.jsonl", "qualifier")


def same_title(a: str, b: str) -> bool:
    return lexicon.fold(a) == lexicon.fold(b)


def shortens(short: str, long: str) -> bool:
    """'President' shortens 'State President'; it does not shorten 'Vice President'."""
    short, long = lexicon.fold(short), lexicon.fold(long)
    return long.endswith(" " + short) and long.split()[0] not in QUALIFIERS


# "the provincial Party Committee" names the body "Hoa Binh province's Party Committee" names.
ADJECTIVE_NOUNS = {e.text: e.means for e in lexicon.load("place_adjectives.jsonl")}


def words(text: str | None) -> set[str]:
    """The words of a name or body, folded, for comparing one mention with another."""
    folded = re.sub(r"[^\w\s]", " ", lexicon.fold(text or "")).split()
    return {ADJECTIVE_NOUNS.get(w, w) for w in folded} - {"the", "of", "and", "s"}


@dataclass
class Person:
    name: str
    tokens: set[str]
    honorific: str | None = None
    roles: list[RoleFact] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)
    participation: set[str] = field(default_factory=set)

    def add_role(self, role: Span, rule: str, organization: str | None = None) -> None:
        """Add a role, merged with one of the same title whose body it names more or less fully.
        `organization` gives a body the role shares with the next one ('Chairman and Vice
        Chairwoman of the VCCI')."""
        new = RoleFact(role._.title, role._.organization or organization,
                       Evidence.at(role.doc._.text, role.start_char, role.end_char, rule))
        for i, old in enumerate(self.roles):
            a, b = words(old.organization), words(new.organization)
            if same_title(old.title, new.title) and (a <= b or b <= a):
                if len(b) > len(a):
                    self.roles[i] = new
                return
            if not b and shortens(new.title, old.title):
                return  # "President Thinh" after "State President Vo Quang Thinh"
        self.roles.append(new)

    def as_fact(self) -> PersonFact:
        mentions = tuple(sorted(self.mentions, key=lambda m: (m.start, m.end)))
        return PersonFact(self.name, self.honorific, tuple(self.roles), mentions, tuple(sorted(self.participation)))


@dataclass
class Item:
    """A name mention (with its person) or a role, in text order."""

    span: Span
    person: Person | None = None

    @property
    def is_role(self) -> bool:
        return self.person is None


class Registry:
    """The people of one article, found by the words of their names."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.recent: list[Person] = []  # most recently mentioned last

    def find(self, tokens: set[str]) -> Person | None:
        for person in reversed(self.recent):
            if tokens <= person.tokens or (person.tokens <= tokens and len(person.tokens) == 1):
                return person
        return None

    def mention(self, span: Span, rule: str, honorific: str | None = None) -> Person:
        tokens = words(span.text)
        person = self.find(tokens)
        if person is None:
            person = Person(name=" ".join(span.text.split()), tokens=tokens)
            self.people.append(person)
        elif len(tokens) > len(person.tokens):  # the full name after a short form
            person.name, person.tokens = " ".join(span.text.split()), tokens
        person.honorific = person.honorific or honorific
        person.mentions.append(Evidence.at(span.doc._.text, span.start_char, span.end_char, rule))
        self.seen(person)
        return person

    def seen(self, person: Person) -> None:
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)


class PeopleComponent:
    def __init__(self, vocab: Vocabulary | None = None, participation: Participation | None = None) -> None:
        self.vocab = vocab or Vocabulary()
        self.participation = participation or Participation()

    def __call__(self, doc: Doc) -> Doc:
        registry = Registry()
        items = [Item(span, registry.mention(span, span._.rule, span._.honorific)) for span in doc.spans[NAMES_KEY]]
        items += self.short_mentions(doc, registry)
        items += [Item(role) for role in doc.spans[ROLES_KEY]]
        items.sort(key=lambda item: item.span.start)
        honorifics = {i for s in doc.spans[HONORIFICS_KEY] for i in range(s.start, s.end)}
        item_groups = groups(doc, items, honorifics)
        unattached = self.attach(doc, item_groups, registry)
        self.participation(doc, item_groups, honorifics)
        self.title_mentions(unattached, registry)
        self.comrade_mentions(doc, registry)
        doc._.people = [p.as_fact() for p in registry.people if self.keep(p)]
        doc._.organizations = organizations(doc)
        return doc

    def short_mentions(self, doc: Doc, registry: Registry) -> list[Item]:
        """Unmarked short forms of names already met: 'Cuong was elected', 'Lee introduced'."""
        forms: dict[str, Person] = {}
        for person in registry.people:
            parts = person.name.split()
            if len(parts) >= 2:
                for part in (parts[0], parts[-1]):
                    if lexicon.fold(part) not in self.vocab.surnames:
                        forms[lexicon.fold(part)] = person
        if not forms:
            return []
        taken = {i for key in (NAMES_KEY, ROLES_KEY, HONORIFICS_KEY) for s in doc.spans[key] for i in range(s.start, s.end)}
        # The tokens written as a form, found by their words' ids: no Token object for the others.
        orths = doc.to_array(ORTH).tolist()
        written = {orth for orth in set(orths) if lexicon.fold(doc.vocab.strings[orth]) in forms}
        items = []
        for token in (doc[i] for i, orth in enumerate(orths) if orth in written):
            person = forms[lexicon.fold(token.text)]
            if (token.i in taken or not self.vocab.is_name_token(token)
                    or (token.i > 0 and self.vocab.is_name_token(doc[token.i - 1]))
                    or (token.i + 1 < len(doc) and self.vocab.is_name_token(doc[token.i + 1]))):
                continue
            span = doc[token.i:token.i + 1]
            items.append(Item(span, registry.mention(span, "people.short_name")))
        return items

    def attach(self, doc: Doc, item_groups: list[list[Item]], registry: Registry) -> list[Span]:
        """Give roles to people group by group; return the roles that went to nobody."""
        unattached = []
        honorifics = {i for s in doc.spans[HONORIFICS_KEY] for i in range(s.start, s.end)}
        group_ending = {item.span.end: group for group in item_groups for item in group if not item.is_role}
        listed: Span | None = None  # "Standing Board members: A, ...; B, ...": a title over a ";" list
        previous_end = 0
        for group in item_groups:
            if listed is not None and (group[0].is_role or not semicolon_between(doc, previous_end,
                                                                                   group[0].span.start)):
                listed = None  # the list ended, or its next entry has a title of its own
            previous_end = group[-1].span.end
            subjects = self.copula_subjects(doc, group, registry, group_ending)
            done = respectively(doc, group, honorifics)
            # Written title first ("Politburo member X, Secretary of ... Y"): the roles between two
            # names lead to the second, unless an "and" closes the first one's ("X, Head of ..., and").
            titles_first = group[0].is_role
            last: Person | None = None
            pending: list[Span] = []
            # A plural title over the names after it: "The two Deputy Secretaries are A and B" (to
            # every name after it), "Deputy Prime Ministers A and B" (up to the next title).
            shared: tuple[Span, str] | None = None
            for k, item in enumerate(group):
                if k in done:
                    continue
                if not item.is_role:
                    for role in pending:
                        item.person.add_role(role, "people.title_before_name")
                    if shared is not None:
                        item.person.add_role(*shared)
                    if listed is not None:
                        item.person.add_role(listed, "people.plural_title_over_list")
                    pending, last = [], item.person
                    registry.seen(item.person)
                    continue
                role = item.span
                if role._.plural:
                    following = group[k + 1] if k + 1 < len(group) else None
                    joined = gap(doc, role.end, following.span.start, honorifics) if following else None
                    if following is not None and not following.is_role and doc[role.end].text == ":":
                        listed = role
                    elif joined == "distributive":
                        shared = (role, "people.plural_copula")
                    elif joined == "adjacent" and not following.is_role:
                        shared = (role, "people.plural_title_before_names")
                    elif k == 0:  # "A and B were elected Deputy Secretaries"
                        for subject in subjects:
                            subject.add_role(role, "people.plural_copula")
                    elif role._.organization and covers_names_before(doc, group[k - 1].span.end, role.start):
                        for earlier in reversed(group[:k]):
                            if earlier.is_role:
                                break
                            earlier.person.add_role(role, "people.plural_title_after_names")
                    continue
                if shared is not None and shared[1] == "people.plural_title_before_names":
                    shared = None  # "Deputy Prime Ministers A and B, Minister of Finance C": not C's
                if last is None or leads(doc, group, k, honorifics) or (
                        titles_first and chains_to_a_name(doc, group, k, honorifics)):
                    pending.append(role)
                else:
                    last.add_role(role, "people.title_after_name")
            for role in pending:  # roles no name followed: the copula's subject's, or nobody's
                if subjects:
                    subjects[-1].add_role(role, "people.copula")
                else:
                    unattached.append(role)
        return unattached

    def copula_subjects(self, doc: Doc, group: list[Item], registry: Registry,
                        group_ending: dict[int, list[Item]]) -> list[Person]:
        """Who a group of roles is predicated of: '<Name|he|she> was elected (as) <roles>';
        every person of a subject list ('A and B were elected Deputy Secretaries')."""
        first = group[0].span
        before = doc[first.sent.start:first.start]
        m = COPULA.search(before.text)
        if not group[0].is_role or m is None or not len(before):
            return []
        subject = doc.char_span(before[0].idx, before[0].idx + m.start(), alignment_mode="contract")
        if subject is None or not len(subject):
            return []
        last = subject[-1]
        if last.lower_ in PRONOUNS:
            return registry.recent[-1:]
        return [item.person for item in group_ending.get(last.i + 1, []) if not item.is_role]

    def title_mentions(self, roles: list[Span], registry: Registry) -> None:
        """'the Vice Chairman of the Provincial People's Committee': the person holding that role;
        else, opening the sentence after the one a person without a role was named in last, that
        person's role: 'Nguyen Van Duc chaired the meeting. The provincial Party chief said ...'."""
        for role in roles:
            if role.start == 0 or role.doc[role.start - 1].lower_ != "the" or role._.plural:
                continue
            title, body = lexicon.fold(role._.title), words(role._.organization)
            start = role.doc[role.start - 1].idx
            holder = next((person for person in reversed(registry.recent)
                           if any(lexicon.fold(r.title) == title and (not body or body <= words(r.organization))
                                  for r in person.roles)), None)
            if holder is None and (holder := named_just_before(role, registry)) is not None:
                holder.add_role(role, "people.role_by_title_mention")
            if holder is not None:
                holder.mentions.append(Evidence.at(role.doc._.text, start, role.end_char, "people.title_mention"))

    def comrade_mentions(self, doc: Doc, registry: Registry) -> None:
        """'the comrade' after a speech: the person named last before it."""
        for m in COMRADE.finditer(doc._.text):
            before = [(mention.start, p) for p in registry.people for mention in p.mentions
                      if mention.end <= m.start() and mention.rule != "people.comrade_mention"]
            if before:
                person = max(before, key=lambda pair: pair[0])[1]
                person.mentions.append(Evidence.at(doc._.text, m.start(), m.end(), "people.comrade_mention"))

    @staticmethod
    def keep(person: Person) -> bool:
        """A person needs more than the statistical model's word: a role, an honorific, or a second mention."""
        rules = {m.rule for m in person.mentions}
        return bool(person.roles or person.honorific or rules - {"names.ner"} or len(person.mentions) > 1)


class Participation:
    """How people took part, from the words around their group: 'A, Chairman of ..., chaired the
    meeting', 'Attending were: A, ...; B, ...', 'was chaired by Prime Minister A', 'B said'.
    Groups joined by ';' share what follows the last of them ('A - ...; B - ... chaired')."""

    def __init__(self, participation: str = "participation.jsonl") -> None:
        entries = lexicon.load(participation)
        self.SKIPPED = {",", *(e.text for e in entries if e.kind == "skipped")}  # between a list and its verb
        self.after = {e.text: e.kind for e in entries if e.kind in ("chaired", "attended", "spoke")}
        self.before_kind = {lexicon.fold(e.text): e.kind.removesuffix("_by") for e in entries if e.kind.endswith("_by")}
        self.before = guards.compile(rf"\b(?:{lexicon.phrase_regex(self.before_kind)})\b", re.IGNORECASE)

    def __call__(self, doc: Doc, item_groups: list[list[Item]], transparent: set[int]) -> None:
        for run in self.runs(doc, item_groups, transparent):
            people = [item.person for group in run for item in group if not item.is_role]
            if not people:
                continue
            kinds = set()
            after = self.next_word(doc, run[-1][-1].span.end)
            if after is not None and after.lower_ in self.after:
                kinds.add(self.after[after.lower_])
            first = run[0][0].span
            triggers = list(self.before.finditer(doc._.text, first.sent.start_char, first.start_char))
            if triggers:
                kinds.add(self.before_kind[lexicon.fold(" ".join(triggers[-1].group().split()))])
            for person in people:
                person.participation |= kinds

    def next_word(self, doc: Doc, i: int) -> Token | None:
        while i < len(doc) and (doc[i].is_space or doc[i].lower_ in self.SKIPPED):
            i += 1
        return doc[i] if i < len(doc) else None

    @staticmethod
    def runs(doc: Doc, item_groups: list[list[Item]], transparent: set[int]) -> list[list[list[Item]]]:
        """Groups joined only by ';' (and 'and'): one list of attendees."""
        result: list[list[list[Item]]] = []
        for group in item_groups:
            if result:
                start, end = result[-1][-1][-1].span.end, group[0].span.start
                # Most gaps are long and hold no ';': the text says so before any token is read.
                between = ([t.text for t in doc[start:end] if not t.is_space and t.i not in transparent]
                           if start < end and ";" in doc._.text[doc[start].idx:doc[end].idx] else [])
                if ";" in between and set(between) <= {";", "and", ","}:
                    result[-1].append(group)
                    continue
            result.append([group])
        return result


def gap(doc: Doc, start: int, end: int, transparent: set[int]) -> str:
    """How two items are joined: 'adjacent', 'dash', 'comma', 'and', 'distributive', or 'break'.

    Honorifics and parentheses ("(VBSP)", "(Quang Nam)") between them do not count.
    """
    words_between, depth = [], 0
    for token in doc[start:end]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(depth - 1, 0)
        elif token.is_space:
            if "\n" in token.text:
                return "break"
        elif depth == 0 and token.i not in transparent:
            words_between.append(token.lower_)
    if not words_between or IN_CHARGE.fullmatch(" ".join(words_between)):
        return "adjacent"  # "Vice Chairman of the PPC in charge of agriculture Phan Van Dinh"
    if set(words_between) <= DISTRIBUTIVE:
        return "distributive"
    relative = RELATIVE.match(" ".join(words_between))
    if relative:  # "..., who has been assigned as Deputy Head of ...": the role is still the name's
        return "comma"
    if not set(words_between) <= JOINERS:
        return "break"
    for kind, marks in (("cum", {"cum"}), ("dash", {"-", "–", "—"}), ("comma", {","}), ("and", {"and"})):
        if marks & set(words_between):
            return kind
    return "comma"


def named_just_before(role: Span, registry: Registry) -> Person | None:
    """The person without a role named last in the sentence before the one 'The <role>' opens, when
    no one else was named after them."""
    doc, sent = role.doc, role.sent
    if role.start - 1 != sent.start or sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    mentions = [(m.end, person) for person in registry.people for m in person.mentions if m.end <= sent.start_char]
    if not mentions:
        return None
    end, person = max(mentions, key=lambda pair: pair[0])
    return person if end > previous.start_char and not person.roles else None


def covers_names_before(doc: Doc, start: int, end: int) -> bool:
    """Whether a plural title after a list of names is theirs: 'A, B and other Standing members of
    ...', 'A and B, who both serve as deputy heads of ...'; not 'Vice Governor A, heads of
    departments and ...', which lists more people. (The caller asks for a body too: 'A and other
    county leaders' gives no role.)"""
    between = " ".join(t.lower_ for t in doc[start:end] if not t.is_space)
    return bool(RELATIVE.match(between)) or between.split()[-1:] == ["other"]


def semicolon_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a ';' (perhaps with 'and') alone joins two groups: the next entry of a list."""
    between = [t.lower_ for t in doc[start:end] if not t.is_space]
    return ";" in between and set(between) <= {";", "and"}


def leads(doc: Doc, group: list[Item], k: int, transparent: set[int]) -> bool:
    """Whether the role at k is written before the next name: right before it, or joined by
    'cum' to a role that is ('Development Commissioner-cum-Additional Chief Secretary R. Sahu')."""
    if k + 1 >= len(group):
        return False
    following = group[k + 1]
    kind = gap(doc, group[k].span.end, following.span.start, transparent)
    if not following.is_role:
        return kind == "adjacent"
    return kind == "cum" and leads(doc, group, k + 1, transparent)


def chains_to_a_name(doc: Doc, group: list[Item], k: int, transparent: set[int]) -> bool:
    """Whether the roles from k on reach the next name joined by commas only."""
    for j in range(k, len(group) - 1):
        if gap(doc, group[j].span.end, group[j + 1].span.start, transparent) not in ("comma", "adjacent", "cum"):
            return False
        if not group[j + 1].is_role:
            return True
    return False


def respectively(doc: Doc, group: list[Item], transparent: set[int]) -> set[int]:
    """'Mr. A and Ms. B, respectively Chairman and Vice Chairwoman of the VCCI': the i-th role to the
    i-th name, a role without a body sharing the next one's. Returns the roles it gave out."""
    for k in range(1, len(group)):
        between = [t.lower_ for t in doc[group[k - 1].span.end:group[k].span.start] if not t.is_space]
        if "respectively" not in between:
            continue
        names: list[Item] = []
        for item in reversed(group[:k]):
            if item.is_role:
                break
            names.insert(0, item)
        roles: list[Item] = []
        for item in group[k:]:
            if not item.is_role:
                break
            roles.append(item)
        count = min(len(names), len(roles))  # "A, B and C, respectively ..." pairs the last ones
        if count < 2:
            return set()
        names, roles = names[-count:], roles[:count]
        for i, (name, role) in enumerate(zip(names, roles, strict=True)):
            shared_body = next((r.span._.organization for r in roles[i:] if r.span._.organization), None)
            name.person.add_role(role.span, "people.respectively", organization=shared_body)
        return {group.index(item) for item in roles}
    return set()


def groups(doc: Doc, items: list[Item], transparent: set[int]) -> list[list[Item]]:
    """Runs of items joined by commas, dashes, 'and' or nothing; a plural title joins its 'are' list."""
    result: list[list[Item]] = []
    for item in items:
        if result:
            prev = result[-1][-1]
            # No sentence test: a period between items is a break, and sentences may split after "Hon.".
            kind = gap(doc, prev.span.end, item.span.start, transparent)
            if kind not in ("break", "distributive") or (kind == "distributive" and prev.is_role
                                                          and prev.span._.plural):
                result[-1].append(item)
                continue
        result.append([item])
    return result


@dataclass
class Body:
    """An organization while its mentions are gathered."""

    name: str
    acronym: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


def organizations(doc: Doc) -> list[OrganizationFact]:
    """The bodies that roles name, once each, with their acronym and every place they are named."""
    found: dict[str, Body] = {}
    for role in doc.spans[ROLES_KEY]:
        if role._.org_chars is None:
            continue
        start, end = role._.org_chars
        body = found.setdefault(lexicon.fold(role._.organization), Body(role._.organization))
        body.acronym = body.acronym or role._.acronym
        body.mentions.append(Evidence.at(doc._.text, start, end, role._.rule))
    by_acronym = {b.acronym: b for b in found.values() if b.acronym}
    for key, body in list(found.items()):
        target = by_acronym.get(body.name)
        if target is not None and target is not body:  # "Chairman of the PPC" after "(PPC)" was defined
            target.mentions.extend(body.mentions)
            del found[key]
    facts = []
    for body in found.values():
        unique = {(m.start, m.end): m for m in body.mentions}
        facts.append(OrganizationFact(body.name, body.acronym, tuple(unique[k] for k in sorted(unique))))
    return sorted(facts, key=lambda o: o.mentions[0].start)


@Language.factory("extractor_people", default_config={**VOCABULARY, **lexicon.defaults("participation")},
                  assigns=["doc._.people", "doc._.organizations"],
                  requires=["doc._.honorifics", "doc._.names", "doc._.roles", "token.is_sent_start"])
def make_people(nlp: Language, name: str, surnames: str, name_parts: str, places: str, bodies: str, titles: str,
                honorifics: str, not_names: str, participation: str) -> PeopleComponent:
    vocab = Vocabulary(surnames, name_parts, places, bodies, titles, honorifics, not_names)
    return PeopleComponent(vocab, Participation(participation))

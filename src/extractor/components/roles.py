"""extractor_roles: turns each title into a role, with the body it belongs to.

Two shapes name the body: after the title ("Deputy Head of the Provincial National Assembly
Delegation", "District Chief Executive for Ajumako District") and before it ("Politburo member",
"Government spokesman"). Words before a title that only rank it ("Provincial Party Secretary",
"State President") stay in the title, as the annotation guide asks. A body ends where a person's
name starts, so this component runs after extractor_names.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from .names import NAMES_KEY
from .titles import HONORIFICS_KEY, POSSESSIVES, TITLES_KEY, singular

ROLES_KEY = "roles"
BODY_LINKS = frozenset(lexicon.texts("body_links.jsonl", "title_link"))  # "<Title> of <Body>", "<Title> for <Body>"
# Inside a body: "Department of Planning and Investment", "Ambassador of Japan to Vietnam".
INNER_LINKS = {"&", *lexicon.texts("body_links.jsonl", "inner_link")}
DETERMINERS = frozenset(lexicon.texts("body_links.jsonl", "determiner"))  # "head of its Budget Department"
LOWERCASE_WORDS = 5  # "the commune's agricultural cooperative": at most this many words before the head
DASHES = {"-", "–", "—"}
# A straight double quote typed for an apostrophe, glued to its word: 'People"s Committee'.
QUOTE_FOR_APOSTROPHE = re.compile(r'(?<=\w)"s$')
INNER_ACRONYM = re.compile(r"\s*\(([A-Za-z]{2,10})\)")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|[IVXLC]+th", re.IGNORECASE)  # "the 11th Party Central Committee"


def clean(text: str) -> str:
    """Collapse white space (titles wrap across lines) and drop a leading 'the'."""
    text = " ".join(text.split())
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


class BodyReader:
    """Reads the body a title belongs to, token by token, from the lexicons' point of view."""

    def __init__(self, bodies: str = "bodies.jsonl", titles: str = "titles.jsonl", places: str = "places.jsonl",
                 not_names: str = "not_names.jsonl", nationalities: str = "nationalities.jsonl") -> None:
        body_words = lexicon.load(bodies)
        self.modifiers = {e.text for e in body_words if e.kind == "modifier"}  # "provincial People's Committee"
        self.heads = {lexicon.fold(e.text) for e in body_words if e.kind == "head"}
        self.legal_suffixes = {e.text for e in body_words if e.kind == "legal_suffix"}  # "Co., Ltd."
        self.nationalities = lexicon.phrases(nationalities)
        self.places = lexicon.phrases(places)
        self.fused = {lexicon.fold(e.text) for e in lexicon.load(titles) if e.kind == "fused"}
        self.function_words = lexicon.phrases(not_names, "function")

    @staticmethod
    def is_capitalized(token: Token) -> bool:
        """A capitalized word or acronym ('People', 'CPPCC', 'Ba-Ria', 'uMhlathuze' with its noun
        class prefix), not punctuation glued to one."""
        text = token.text
        capital = text[:1].isupper() or (text[:1].islower() and text[1:2].isupper())
        return capital and re.sub(r"[-.&]", "", QUOTE_FOR_APOSTROPHE.sub("", text)).isalnum()

    def is_body_word(self, token: Token) -> bool:
        return self.is_capitalized(token) or bool(ORDINAL.fullmatch(token.text))

    def after(self, doc: Doc, start: int, stops: set[int]) -> tuple[int, int] | None:
        """The body's token range from `start` (just after 'of'), skipping a leading 'the'."""
        i = start + (start < len(doc) and doc[start].lower_ in DETERMINERS)
        body_start, last = i, i
        while i < len(doc) and i not in stops:
            token = doc[i]
            if self.is_body_word(token) or (token.text in POSSESSIVES and last == i):
                i += 1
                last = i
            elif token.lower_ in self.modifiers and last == i and (
                    i > body_start or (i + 1 < len(doc) and self.is_body_word(doc[i + 1]))):
                # "Hoa Binh province's Party Committee", "the provincial People's Committee"
                i += 1
                last = i
            elif token.text == "," and last == i and self.list_goes_on(doc, i + 1, stops):
                i += 1  # "Minister of Agriculture, Forestry and Fisheries"
            elif token.text == "," and last == i and i + 1 < len(doc) and doc[i + 1].text in self.legal_suffixes:
                i = last = i + 2  # "Hoang Long Construction Co., Ltd."
            elif token.is_lower and last == i > body_start and (head_end := self.lowercase_head(doc, i, stops)):
                i = last = head_end  # "the National Assembly deputies’ delegation of Hoa Binh"
            elif token.text in DASHES and token.whitespace_ and last == i and self.ends_in_head(doc, body_start, i) \
                    and (part_end := self.after(doc, i + 1, stops)) and self.ends_in_head(doc, *part_end):
                i = last = part_end[1]  # "Office of the National Assembly Delegation - People's Council of X"
            elif token.lower_ == "in" and last == i and (place_end := self.place_after(doc, i + 1, stops)):
                i = last = place_end  # "Consul General of Japan in Ho Chi Minh City"
            elif token.lower_ in INNER_LINKS or token.is_space or (token.text == "-" and not token.whitespace_):
                j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
                if j < len(doc) and j not in stops and self.is_body_word(doc[j]) and last == i:
                    i = j
                else:
                    break
            else:
                break
        return (body_start, last) if last > body_start else None

    def lowercase_head(self, doc: Doc, start: int, stops: set[int]) -> int | None:
        """The end of lowercase nouns closing a capitalized body at a head word, within three words:
        'deputies’ delegation' of 'the National Assembly deputies’ delegation'. None when a word
        on the way is no noun, adjective or possessive ('... Committee said the department')."""
        for j in range(start, min(start + 3, len(doc))):
            token = doc[j]
            if j in stops or not (token.is_lower or token.text in POSSESSIVES):
                return None
            if token.text not in POSSESSIVES and token.pos_ not in ("NOUN", "ADJ"):
                return None
            if lexicon.fold(token.text) in self.heads:
                return j + 1
        return None

    def ends_in_head(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the body's words from start to end end with a head, perhaps then 'of <place>'
        ('... People's Council of Nghe An province')."""
        for j in range(end - 1, start - 1, -1):
            if lexicon.fold(doc[j].text) in self.heads:
                return True
            if doc[j].lower_ in INNER_LINKS and not any(self.is_place(doc[j + 1:k].text)
                                                        for k in range(end, j + 1, -1)):
                return False
        return False

    def place_after(self, doc: Doc, start: int, stops: set[int]) -> int | None:
        """The end of a known place of up to four words at `start`, or None."""
        for n in (4, 3, 2, 1):
            end = start + n
            if end <= len(doc) and not stops & set(range(start, end)) and doc[start].text[:1].isupper() \
                    and self.is_place(doc[start:end].text):
                return end
        return None

    def is_place(self, text: str) -> bool:
        return lexicon.fold(" ".join(text.split())) in self.places

    def list_goes_on(self, doc: Doc, start: int, stops: set[int]) -> bool:
        """After a comma: more capitalized words, then another comma or 'and <Word>' ending the list."""
        i = start
        while i < len(doc) and i not in stops and self.is_capitalized(doc[i]):
            i += 1
        if i == start or i + 1 >= len(doc):
            return False
        if doc[i].text == ",":
            return self.list_goes_on(doc, i + 1, stops)
        return doc[i].lower_ in ("and", "&") and (i + 1) not in stops and self.is_capitalized(doc[i + 1])

    def lowercase(self, doc: Doc, start: int, stops: set[int]) -> tuple[int, int] | None:
        """A body written in lowercase up to its head word: 'the commune's agricultural cooperative',
        'the committee on appropriations' (one word after 'on'/'for' closing the phrase); with the
        capitalized body it owns: 'the ministry's Planning Department'."""
        i = start + (start < len(doc) and doc[start].lower_ == "the")
        for end in range(i, min(i + LOWERCASE_WORDS, len(doc))):
            token = doc[end]
            if not (token.is_lower or token.text in POSSESSIVES):
                return None
            if lexicon.fold(token.text) in self.heads:
                end += 1
                if end < len(doc) and doc[end].text in POSSESSIVES and (owned := self.after(doc, end + 1, stops)):
                    return i, owned[1]
                if (end + 2 < len(doc) and doc[end].lower_ in ("on", "for") and doc[end + 1].is_lower
                        and doc[end + 2].is_punct):
                    end += 2
                # A lone "departments" names no body; "the session" does, a definite one.
                definite = i > start and not token.lower_.endswith("s")
                return (i, end) if end - i >= 2 or definite else None
        return None

    def before(self, doc: Doc, end: int, stops: set[int]) -> int:
        """Start of the capitalized words written right before a title ('Union Minority Affairs')."""
        i = end
        while i > 0 and (i - 1) not in stops:
            token = doc[i - 1]
            if token.text in POSSESSIVES or (self.is_capitalized(token)
                                              and lexicon.fold(token.text) not in self.function_words):
                i -= 1
            elif (token.lower_ in INNER_LINKS and i < end and i >= 2 and (i - 2) not in stops
                  and self.is_capitalized(doc[i - 2])):
                i -= 1  # "Provincial Planning and Development Coordinator"
            elif (token.text == "-" and not token.whitespace_ and i >= 2 and not doc[i - 2].whitespace_
                  and (i - 2) not in stops and self.is_capitalized(doc[i - 2])):
                i -= 2  # "DILG-Davao Regional Director", not "Commissioner-cum-Additional ..."
            elif token.text == ")" and i >= 3 and doc[i - 3].text == "(" and doc[i - 2].text[:1].isupper():
                i -= 3  # "Council of Governors (CoG) Chairperson"
            else:
                break
        return i

    def after_nationality(self, doc: Doc, start: int, end: int) -> int:
        """Past a nationality adjective opening the words before a title ('Chinese Premier'): it says
        whose the office is and names no body."""
        for n in (2, 1):
            if start + n <= end and lexicon.fold(doc[start:start + n].text) in self.nationalities:
                return start + n
        return start

    def split_prefix(self, doc: Doc, start: int, end: int) -> int:
        """Where the ranking words ('Provincial Party') start within a prefix; before them is a body."""
        i = end
        while i > start and lexicon.fold(doc[i - 1].text) in self.fused:
            i -= 1
        return i


def acronym_after(doc: Doc, end: int) -> str | None:
    """'(VBSP)' right after a body: its acronym."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
        if word.isupper() and word.isalpha() and len(word) >= 2:
            return word
    return None


class RolesComponent:
    def __init__(self, reader: BodyReader | None = None) -> None:
        self.reader = reader or BodyReader()

    def __call__(self, doc: Doc) -> Doc:
        names = {i for span in doc.spans[NAMES_KEY] for i in range(span.start, span.end)}
        honorifics = {i for span in doc.spans[HONORIFICS_KEY] for i in range(span.start, span.end)}
        # After a title, an honorific ends the body only before a name: "General" also opens
        # "the General Directorate of Agriculture".
        starts = {span.start for span in doc.spans[NAMES_KEY]}
        name_honorifics = {i for span in doc.spans[HONORIFICS_KEY] if span.end in starts
                           for i in range(span.start, span.end)}
        titles = list(doc.spans[TITLES_KEY])
        title_tokens = {i for span in titles for i in range(span.start, span.end)}
        stops = names | name_honorifics | title_tokens
        doc.spans[ROLES_KEY] = [self.role(doc, title, stops, stops | honorifics) for title in titles]
        return doc

    def role(self, doc: Doc, title: Span, stops: set[int], stops_before: set[int]) -> Span:
        prefix_start = self.reader.before(doc, title.start, stops_before)
        prefix_start = self.reader.after_nationality(doc, prefix_start, title.start)
        rule, org_range = self.body_after(doc, title.end, stops)
        # Without a body after it, the words before a title may be its body ("Politburo member").
        # With one, words naming a body are part of the title ("County Executive Committee Member
        # for Lands"), and others are left out ("Lao Deputy Minister of Industry").
        fused_start = self.reader.split_prefix(doc, prefix_start, title.start)
        if org_range and any(lexicon.fold(t.text) in self.reader.heads for t in doc[prefix_start:title.start]):
            fused_start = prefix_start
        title_text = doc[fused_start:title.end].text
        if org_range is None and prefix_start < fused_start:
            body_end = fused_start - (doc[fused_start - 1].text in POSSESSIVES)  # "Bac Ninh's Party Secretary"
            if prefix_start < body_end:  # a possessive alone ("'leader") names no body
                rule, org_range = "roles.body_before_title", (prefix_start, body_end)
                owner = next((i for i in range(prefix_start, body_end) if doc[i].text in POSSESSIVES), None)
                if owner is not None and owner + 1 < body_end and self.reader.is_place(doc[prefix_start:owner].text):
                    org_range = (owner + 1, body_end)  # "Thailand's Commerce Minister": the body is Commerce
        before = rule == "roles.body_before_title"
        end = org_range[1] + (rule == "roles.body_in_brackets") if org_range and not before else title.end
        span = Span(doc, prefix_start if before else fused_start, end, label="ROLE")
        span._.title = clean(singular(title_text) if title._.plural else title_text)
        span._.plural = title._.plural
        span._.rule = rule
        if org_range:
            org = doc[org_range[0]:org_range[1]]
            inner = INNER_ACRONYM.search(org.text)  # "Council of Governors (CoG) Chairperson"
            span._.organization = clean(INNER_ACRONYM.sub("", org.text))
            span._.org_chars = (org.start_char, org.end_char)
            span._.acronym = acronym_after(doc, org_range[1]) or (inner.group(1) if inner else None)
        return span

    def body_after(self, doc: Doc, end: int, stops: set[int]) -> tuple[str, tuple[int, int] | None]:
        """The body written after a title, and the shape it was written in."""
        if acronym_after(doc, end):
            end += 3  # "The Municipal Chief Executive (MCE) for Techiman"
        if end + 1 >= len(doc):
            return "roles.bare_title", None
        link = doc[end].lower_
        if link in BODY_LINKS:
            found = self.reader.after(doc, end + 1, stops) or self.reader.lowercase(doc, end + 1, stops)
            return "roles.title_of_body", found
        if link == "(":  # "Additional Chief Secretary (Finance)"
            found = self.reader.after(doc, end + 1, stops)
            if found and found[1] < len(doc) and doc[found[1]].text == ")" and not acronym_after(doc, end):
                return "roles.body_in_brackets", found
        if link == ",":  # "The Permanent Secretary, Federal Ministry of Health, Mrs. ..."
            found = self.reader.after(doc, end + 1, stops)
            if (found and any(lexicon.fold(t.text) in self.reader.heads for t in doc[found[0]:found[1]])
                    and found[1] < len(doc) and doc[found[1]].text == "," and doc[found[0]].text[:1].isupper()):
                return "roles.body_after_comma", found
        return "roles.bare_title", None


@Language.factory("extractor_roles",
                  default_config=lexicon.defaults("bodies", "titles", "places", "not_names", "nationalities"),
                  assigns=["doc._.roles"], requires=["doc._.titles", "doc._.honorifics", "doc._.names"])
def make_roles(nlp: Language, name: str, bodies: str, titles: str, places: str, not_names: str,
               nationalities: str) -> RolesComponent:
    return RolesComponent(BodyReader(bodies, titles, places, not_names, nationalities))

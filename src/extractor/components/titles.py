"""extractor_titles: finds titles ("Permanent Vice Chairman") and honorifics ("Hon. Mrs") by lexicon.

Both are matched as regexes over the text, built from `patterns/titles.jsonl` and
`patterns/honorifics.jsonl`: the tokenizer splits abbreviations inconsistently ("Rev." is one token,
"Hon." two) and titles are hyphenated or wrapped ("Vice-Chairman"), which a regex absorbs and a
token pattern would have to spell out.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import lexicon

TITLES_KEY = "titles"
POSSESSIVES = {"'s", "’s", "'", "’"}  # "People's Council", "Vietnam Farmers' Union"
HONORIFICS_KEY = "honorifics"
MAX_QUALIFIERS = 5  # "Permanent Deputy ..." before a title
MAX_RANKS = 4  # "Provincial Party ..." between the qualifiers and the title
TO_THE = re.compile(r"\s+to\s+(?:the\s+)?")  # between the titles of "Secretary to the Minister"


def _plural(title: str) -> str:
    """'Deputy Secretary' -> 'Deputy Secretaries', 'Vice Chairman' -> 'Vice Chairmen'."""
    head, _, last = title.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


@functools.cache
def _singulars() -> dict[str, str]:
    """Plural last word -> singular, for every title in the lexicon ('secretaries' -> 'Secretary')."""
    titles = (e.text for e in lexicon.load("titles.jsonl") if e.kind == "title")
    return {_plural(t).split()[-1].lower(): t.split()[-1] for t in titles}


def singular(title: str) -> str:
    """'The two vice secretaries' title 'vice secretaries' -> 'vice secretary', case kept."""
    head, _, last = title.rpartition(" ")
    word = _singulars().get(last.lower(), last)
    word = word if last[:1].isupper() else word.lower()
    return f"{head} {word}".strip()


class TitleMatcher:
    """Titles with their qualifiers, any case: 'Deputy General Director', 'vice secretary', 'Members'."""

    def __init__(self, titles: str = "titles.jsonl") -> None:
        entries = lexicon.load(titles)
        titles = [e.text for e in entries if e.kind == "title"]
        qualifiers = [e.text for e in entries if e.kind == "qualifier"]
        # Ranking words between a qualifier and the title: "Executive Deputy County Magistrate".
        ranks = [e.text for e in entries if e.kind == "fused"]
        plurals = [_plural(t) for t in titles]
        self.singular = _title_regex(qualifiers, ranks, titles)
        self.plural = _title_regex(qualifiers, ranks, plurals)
        # Where a title can start: the words that open a phrase, found once for both regexes, which
        # are tried there only, not at every word with 300 phrases each (0.45 s less on 120 articles).
        self.starts = re.compile(rf"\b{lexicon.phrase_starts([*qualifiers, *ranks, *titles, *plurals])}",
                                 re.IGNORECASE)

    def __call__(self, doc: Doc) -> None:
        text = doc._.text
        starts = [m.start() for m in self.starts.finditer(text)]
        spans = []
        for pattern, plural in ((self.plural, True), (self.singular, False)):
            for m in lexicon.matches_at(pattern, text, starts):
                span = doc.char_span(m.start(), m.end(), label="TITLE", alignment_mode="strict")
                # A match inside a token ("Chairmanship") is no title, nor is one inside a body's name.
                if span is not None and not _names_a_body(span):
                    span._.plural = plural
                    spans.append(span)
        doc.spans[TITLES_KEY] = self.joined(doc, filter_spans(spans))  # the longer title wins

    @staticmethod
    def joined(doc: Doc, titles: list) -> list:
        """'Secretary to the Minister' is one title, the aide's, not two people's."""
        result = []
        for title in titles:
            previous = result[-1] if result else None
            if previous is not None and not previous._.plural and TO_THE.fullmatch(doc._.text, previous.end_char,
                                                                                   title.start_char):
                title, plural = doc[previous.start:title.end], previous._.plural
                title._.plural = plural
                result[-1] = title
            else:
                result.append(title)
        return result


def _title_regex(qualifiers: list[str], ranks: list[str], titles: list[str]) -> re.Pattern:
    """Qualifiers, then ranking words, then a title. Both runs are bounded: unbounded, every word
    of a long run of qualifiers with no title after it ("Deputy Vice Permanent Deputy ...") starts
    a scan to the run's end, and "Senior", a qualifier and a ranking word both, splits a run every
    way ("Senior Senior ..."). Real titles have two of each at most."""
    return re.compile(rf"\b(?:(?:{lexicon.phrase_regex(qualifiers)})[\s-]+){{0,{MAX_QUALIFIERS}}}"
                      rf"(?:(?<=[\s-])(?:{lexicon.phrase_regex(ranks)})[\s-]+){{0,{MAX_RANKS}}}"
                      rf"(?:{lexicon.phrase_regex(titles)})(?!\w)", re.IGNORECASE)


def _names_a_body(span) -> bool:
    """'Board of Directors', 'Office of the Prime Minister': a title after '<Body word> of (the)';
    an acronym in brackets after a title, 'Municipal Chief Executive (MCE)', names no one new; nor
    does a title owning the noun after it, 'the National Assembly deputies’ delegation'."""
    doc = span.doc
    if span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")":
        return True
    if span.end < len(doc) and doc[span.end].text in POSSESSIVES:
        return True
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].text[:1].isupper()


class HonorificMatcher:
    """Honorifics, case as written, possibly stacked: 'Hon. Mrs', 'Assoc. Prof. Dr.', 'H.E. Mr.'."""

    def __init__(self, honorifics: str = "honorifics.jsonl") -> None:
        words = [e.text for e in lexicon.load(honorifics)]
        one = lexicon.phrase_regex(words)
        # Stacked honorifics, each perhaps with a bracketed note: "Col. (Rtd)", "Hon. Mrs". The look-ahead
        # on the words that open one spares trying the 500 of them at every place (see phrase_starts).
        self.pattern = re.compile(rf"(?<![\w.]){lexicon.phrase_starts(words)}"
                                  rf"(?:(?:{one})(?![\w-])\.?\s*(?:\([A-Za-z]+\.?\)\s*)?)+(?=[A-ZÀ-Ỹ])")

    def __call__(self, doc: Doc) -> None:
        spans = []
        for m in self.pattern.finditer(doc._.text):
            span = doc.char_span(m.start(), m.start() + len(m.group().rstrip()), label="HONORIFIC",
                                 alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[HONORIFICS_KEY] = spans


class TitlesComponent:
    def __init__(self, titles: str = "titles.jsonl", honorifics: str = "honorifics.jsonl") -> None:
        self.titles = TitleMatcher(titles)
        self.honorifics = HonorificMatcher(honorifics)

    def __call__(self, doc: Doc) -> Doc:
        self.titles(doc)
        self.honorifics(doc)
        return doc


# The lexicons are config, as span_ruler's patterns are: a bundled file's name, or a path to a file
# (see lexicon.load), so a user's config can swap a pack without code.
@Language.factory("extractor_titles", default_config=lexicon.defaults("titles", "honorifics"),
                  assigns=["doc._.titles", "doc._.honorifics"], requires=[])
def make_titles(nlp: Language, name: str, titles: str, honorifics: str) -> TitlesComponent:
    return TitlesComponent(titles, honorifics)

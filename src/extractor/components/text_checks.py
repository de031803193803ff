"""extractor_text_checks: warns when the input is not what the extractor is for.

An HTML page, an article in another language or a text about something else than an event still
gives a record, mostly empty, and nothing told the caller why. Each check here looks at the
whole text once and adds one line to `doc._.warnings` saying what it saw and what to give
instead. Runs last: whether the text has conference signals is read from what the event,
people and documents stages found.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon, rules

# Words for the length and language checks: a run of letters, or one CJK character (Chinese and
# Japanese write no spaces, so a run would be a whole clause).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{CJK}]|[^\W\d_{CJK}]+")
MIN_WORDS = 50  # shorter texts (a headline, a test sentence) are not judged: too few words to tell
MIN_MARKUP = 3  # tags and entities: one stray "&amp;" from a feed is no page
# Corpus and devset English news (Vietnam, Laos, Malaysia, Ghana, India, ...) have 23% to 38%
# common English words; paragraphs in French and German 1% to 3%, in other languages none.
# The threshold is about the geometric middle of that gap.
MIN_ENGLISH_SHARE = 0.08
EVENT_NOUN_RULE = rules.rule("event.event_sentence")  # extractor_event's evidence rule when an event noun names the event


def words(text: str) -> list[str]:
    """The text's words, for the checks that count them: 'Hội nghị' two, '会议' two."""
    return WORD.findall(text)


class HtmlCheck:
    """Markup left in the text: tags ('<div class=...>', '</p>') and entities ('&nbsp;', '&#8217;').
    The rules read sentences, and a page's menus, scripts and tags are none; the caller should
    give the article's text."""

    def __init__(self, html_markup: str = "html_markup.jsonl") -> None:
        entries = lexicon.load(html_markup)
        tags = lexicon.phrase_regex(e.text for e in entries if e.kind == "tag")
        entities = lexicon.phrase_regex(e.text for e in entries if e.kind == "entity")
        self.pattern = re.compile(rf"</?(?:{tags})(?![\w-])[^<>]{{0,500}}>|&(?:{entities}|#\d+|#x[0-9a-f]+);",
                                  re.IGNORECASE)

    def __call__(self, doc: Doc) -> str | None:
        found = len(self.pattern.findall(doc._.text))
        if found < MIN_MARKUP:
            return None
        return f"the text looks like HTML markup ({found} tags and entities): give the article's text, not the page"


class EnglishCheck:
    """The share of very common English function words among the words ('the', 'of', 'was').

    Foreign names do not lower it much, so English news from anywhere passes; other languages
    barely use these words, so their articles fail. No language package needed. Words are only
    lowercased, not stripped of accents: Vietnamese 'thể' is not 'the'. The list leaves out words
    other languages use often ('a', 'in', 'an', 'die', 'so', 'no')."""

    def __init__(self, english_words: str = "english_words.jsonl") -> None:
        self.common = frozenset(e.text.lower() for e in lexicon.load(english_words))

    def share(self, found: list[str]) -> float:
        return sum(w.lower() in self.common for w in found) / len(found) if found else 0.0

    def __call__(self, found: list[str]) -> str | None:
        if len(found) < MIN_WORDS:
            return None
        share = self.share(found)
        if share >= MIN_ENGLISH_SHARE:
            return None
        return (f"the text does not look like English (only {share:.0%} of its {len(found)} words are common "
                f"English words): give the article in English, the rules read English only")


class ConferenceSignalsCheck:
    """Nothing the extractor exists for: no event noun (`patterns/event_kinds.jsonl`, found by
    extractor_event), no person holding an official role (`patterns/titles.jsonl`, joined by
    extractor_people), no document cited. A bare title is no signal: titles match in any case
    ('head of garlic', 'stage manager'). Such a text (a recipe, a manual, code) gets a record
    that is mostly empty, and the caller should know it is not the genre."""

    def __call__(self, doc: Doc, found: list[str]) -> str | None:
        if len(found) < MIN_WORDS:
            return None
        event = doc._.event
        if event and event.evidence.rule == EVENT_NOUN_RULE:
            return None
        if any(person.roles for person in doc._.people) or doc._.documents:
            return None
        return ("the text shows no sign of conference news (no event such as a conference, meeting or ceremony, "
                "no official with a role, no document cited): give a news article about such an event")


class TextChecksComponent:
    def __init__(self, html_markup: str = "html_markup.jsonl", english_words: str = "english_words.jsonl") -> None:
        self.html = HtmlCheck(html_markup)
        self.english = EnglishCheck(english_words)
        self.signals = ConferenceSignalsCheck()

    def __call__(self, doc: Doc) -> Doc:
        found = words(doc._.text)
        warnings = [self.html(doc), language := self.english(found)]
        if language is None:  # the signals are English words: in another language their absence says nothing
            warnings.append(self.signals(doc, found))
        # Earlier stages may have warned: extend, never replace.
        doc._.warnings = [*(doc._.warnings or []), *(w for w in warnings if w)]
        return doc


@Language.factory("extractor_text_checks", default_config=lexicon.defaults("html_markup", "english_words"),
                  assigns=["doc._.warnings"], requires=["doc._.event", "doc._.people", "doc._.documents"])
def make_text_checks(nlp: Language, name: str, html_markup: str, english_words: str) -> TextChecksComponent:
    return TextChecksComponent(html_markup, english_words)

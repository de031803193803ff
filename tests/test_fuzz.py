"""Fuzzing the library API (issue 10): random Unicode, mutated corpus articles and the shapes that
once made rule stages run away, each with a reference date drawn from None, ordinary days and the
first and last day a date holds.

For every input, `extract` either refuses it with an InputError (always, and only, for a text that
is empty, only white space, or holds a lone surrogate) or returns a record whose every evidence span
is the exact text it points to, whose numbers are finite, which reads back equal from its JSON,
and whose JSON is byte-identical when the same input is extracted again. An extraction that runs
far longer than its length warrants fails too.

The suite runs a bounded, derandomized profile (well under 60 s). The long run is `make fuzz`:

    EXTRACTOR_FUZZ_SECONDS=600 .venv/bin/python -m pytest tests/test_fuzz.py -s

which uses larger inputs and fresh random seeds, round after round, until its time is spent.
"""

from __future__ import annotations

import math
import os
import re
import signal
import time
import traceback
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st
from test_corpus import spans

from extractor import ArticleRecord, InputError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLES = [path.read_bytes().decode("utf-8") for path in sorted(CORPUS.glob("*.txt"))]

# --- Profiles ------------------------------------------------------------------------------------

LONG_SECONDS = float(os.environ.get("EXTRACTOR_FUZZ_SECONDS") or 0)
LONG = LONG_SECONDS > 0
SCALE = 10 if LONG else 1  # input sizes in the long run

_COMMON = dict(deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.large_base_example])
# The suite: the same examples on every run, nothing written into the repository.
settings.register_profile("extractor-suite", derandomize=True, print_blob=False, **_COMMON)
# The long run: fresh seeds each round (see `run`); a failure prints the blob to reproduce it.
settings.register_profile("extractor-fuzz", derandomize=False, print_blob=True, max_examples=50, **_COMMON)
PROFILE = settings.get_profile("extractor-fuzz" if LONG else "extractor-suite")


def examples(suite: int) -> settings:
    """The profile, with `suite` examples in the suite (the long run keeps its rounds' size)."""
    return settings(PROFILE) if LONG else settings(PROFILE, max_examples=suite)


def run(fuzz, extractor, share: float) -> None:
    """Runs a @given function: once in the suite; in the long run, round after round (each a new
    random seed) until `share` of EXTRACTOR_FUZZ_SECONDS is spent, going on after a failure so that
    one run finds every distinct fault, each reported once with its shrunk input."""
    if not LONG:
        fuzz(extractor)
        return
    start, before = time.monotonic(), dict(TALLY)
    found: dict[tuple, str] = {}
    rounds = 0
    while time.monotonic() - start < share * LONG_SECONDS:
        try:
            fuzz(extractor)
        except Exception as failure:  # noqa: BLE001  (reported at the end, with the others)
            for one in leaves(failure):
                where = traceback.extract_tb(one.__traceback__)[-1]
                key = (type(one).__name__, where.filename, where.lineno)
                if key not in found:
                    found[key] = "".join(traceback.format_exception(one))
                    print(f"\n{fuzz.__name__}: NEW FAILURE {key[0]} at {where.filename}:{where.lineno}\n"
                          f"{found[key]}", flush=True)
        rounds += 1
        done = {key: TALLY[key] - before[key] for key in TALLY}
        print(f"\n{fuzz.__name__}: round {rounds}, {done['examples']} examples ({done['records']} records, "
              f"{done['refused']} refused), {len(found)} distinct failures, {time.monotonic() - start:.0f} s",
              flush=True)
    if found:
        pytest.fail(f"{len(found)} distinct failures:\n\n" + "\n\n".join(found.values()), pytrace=False)


def leaves(failure: BaseException) -> list[BaseException]:
    """The failures in what a run raised (Hypothesis groups distinct bugs in an ExceptionGroup)."""
    if isinstance(failure, BaseExceptionGroup):
        return [leaf for inner in failure.exceptions for leaf in leaves(inner)]
    return [failure]


# --- The contract --------------------------------------------------------------------------------

TALLY = {"examples": 0, "records": 0, "refused": 0}
# An extraction may take this long (a hang guard, not a benchmark: ordinary articles take about
# 0.15 ms a character, the runaways of issue 10 took minutes for a few thousand characters).
BASE_SECONDS, SECONDS_PER_CHAR = 10.0, 0.002


class RanAway(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupts the block (regex matching included) after `seconds`; fails even when a stage
    catches the interruption and goes on."""
    fired = []

    def interrupt(signum, frame):
        fired.append(True)
        raise RanAway(f"extraction still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise RanAway(f"extraction ran longer than {seconds:g} s (a stage caught the interruption)")


def refused(text: str) -> bool:
    """What no record can come from: empty or only white space, or a lone surrogate."""
    return not text.strip() or any("\ud800" <= c <= "\udfff" for c in text)


def extract_json(extractor, text: str, published) -> tuple[ArticleRecord, str]:
    with time_limit(BASE_SECONDS + SECONDS_PER_CHAR * len(text)):
        record = extractor.extract(text, published=published)
    return record, record.model_dump_json()


def floats(value):
    """Every float anywhere in a dumped record."""
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from floats(item)


def check(extractor, text: str, published) -> None:
    """The contract, for one input."""
    note(f"len(text) = {len(text)}, published = {published!r}")
    TALLY["examples"] += 1
    if refused(text):
        try:
            extract_json(extractor, text, published)
        except InputError:
            TALLY["refused"] += 1
            return
        raise AssertionError("a text that is blank or holds a lone surrogate gave a record, not an InputError")

    try:
        record, dumped = extract_json(extractor, text, published)
    except InputError as error:  # only check_text raises it, and this text passes it
        raise AssertionError(f"InputError for a text that is not blank and has no surrogate: {error}") from error
    TALLY["records"] += 1
    assert isinstance(record, ArticleRecord)

    data = record.model_dump(mode="json")
    for span in spans(data):
        assert 0 <= span["start"] < span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    assert all(math.isfinite(number) for number in floats(record.model_dump())), "a number that is not finite"
    assert ArticleRecord.model_validate_json(dumped) == record, "the record does not read back from its JSON"
    if published is not None:
        expected = published if isinstance(published, date) else date.fromisoformat(published[:10])
        assert record.source.published == expected

    _, again = extract_json(extractor, text, published)
    assert again == dumped, "the same input gave different JSON"


# --- Strategies ----------------------------------------------------------------------------------

BOUNDS = ["0001-01-01", "9999-12-31"]
published_dates = st.one_of(
    st.none(),
    st.sampled_from(BOUNDS),
    st.dates().map(date.isoformat),  # any year 1-9999
    st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),  # ordinary, as a date
    st.sampled_from(["2024-07-31", "2024-02-29", "2024-07-31T10:00:00Z", "0001-01-01T00:00:00"]),
)

SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
# Characters that have broken text pipelines: controls, zero-width and direction marks, line and
# paragraph separators, characters whose case mapping or normalization changes the length
# ('İ'.lower() is two characters), digits that \d matches or int() refuses, astral characters.
SPECIALS = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x85", "\xa0", "\xad",
            "\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2060", "\ufeff", "\u2028", "\u2029",
            "\u3000", "\r", "\r\n", "\t", "\n\n\n", "\u0301", "\u0338", "\ufffd", "\uffff",
            "İ", "ß", "ﬁ", "ǅ", "Ⅻ", "½", "²", "٣", "۹", "𝟗", "\U0001f600", "\U000e0001", "𝐀"]
SEPARATORS = [" ", " ", " ", " ", ", ", ". ", ".\n", "\n", "\n\n", "", "-", "\t", "\xa0", "\r\n", "\u200b"]
# Phrases the rules look for, so random texts reach them.
PHRASES = ["Mr.", "Ms.", "comrade", "Chairman of the Provincial People's Committee", "Deputy", "Vice", "Permanent",
           "Secretary", "Minister", "Politburo member", "conference", "meeting", "organized", "attended", "chaired",
           "VND", "US$", "billion", "trillion", "million", "percent", "%", "ha", "households", "-fold", "times",
           "Resolution No. 12-NQ/TU", "Decree", "Law on", "Decision No.", "dated", "target", "reach", "by 2025",
           "in the period 2021-2025", "On the morning of March 14,", "14/03/2024", "April 9, 2019", "last year",
           "this year", "next month", "Q3", "2030", "No.", "1,020.5", "5-7", "from", "to", "of the", "and"]
WORDS = sorted({word for text in ARTICLES for word in text.split()})

letters_and_more = st.characters(categories=["L", "M", "N", "P", "S", "Zs", "Zl", "Zp", "Cc", "Cf", "Co"])
every_character = st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co", "Cs", "Cn"])


def maybe(draw, chance: int) -> bool:
    """True once in `chance` draws (and False when shrunk)."""
    return draw(st.integers(0, chance - 1)) == chance - 1


def with_surrogate(draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(SURROGATES)) + text[at:]


@st.composite
def token_soups(draw, max_tokens: int, surrogates: bool = True) -> str:
    """Corpus words, rule phrases, special characters and random Unicode between separators; a
    lone surrogate in one of eight."""
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PHRASES), st.sampled_from(SPECIALS),
                      st.text(letters_and_more, min_size=1, max_size=8))
    # Lists of lists: a flat list stays short (about six items), a fixed size would not shrink.
    pair = st.tuples(token, st.sampled_from(SEPARATORS))
    chunks = draw(st.lists(st.lists(pair, max_size=10), min_size=1, max_size=max(1, max_tokens // 5)))
    text = "".join(a + b for chunk in chunks for a, b in chunk)
    return with_surrogate(draw, text) if surrogates and maybe(draw, 8) else text


unicode_texts = st.one_of(
    st.text(every_character, max_size=30 * SCALE),  # surrogates likely: mostly refusals, cheap
    st.text(letters_and_more, max_size=200 * SCALE),
    token_soups(60 * SCALE),
    st.text(st.sampled_from([" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000"])),
)


# The shapes of issue 10 that made stages run away or overflow, by the size of their repeated part.
SHAPES = {
    "of_the": lambda unit, n: "Chairman " + unit * n + "Committee",
    "spaces": lambda unit, n: "The target is to reach 95% of households" + unit * n + "by 2025.",
    "qualifiers": lambda unit, n: unit * n + "Chairman of the Provincial People's Committee",
    "long_token": lambda unit, n: "Law on " + unit * n,
    "nines": lambda unit, n: "VND " + unit * n + " billion",
}
UNITS = {
    "of_the": ["of the ", "of ", "the ", "and ", "of the\n", "of  the "],
    "spaces": [" ", "\t", "\n", "\xa0", "\u3000", " \n", "\u200b"],
    "qualifiers": ["Deputy Vice Permanent ", "Deputy ", "Vice ", "Permanent Deputy ", "deputy vice "],
    "long_token": ["A", "a", "Đ", "x", "Ab", "1"],
    "nines": ["9", "0", "1", "9,999,", "9.", "9 "],
}
MAX_REPEATS = {"of_the": 300, "spaces": 5000, "qualifiers": 100, "long_token": 45_000, "nines": 400}


@st.composite
def runaway_shapes(draw, scale: int = SCALE) -> str:
    name = draw(st.sampled_from(sorted(SHAPES)))
    unit = draw(st.sampled_from(UNITS[name]))
    text = SHAPES[name](unit, draw(st.integers(1, MAX_REPEATS[name] * scale)))
    if maybe(draw, 2):  # inside an article
        article = draw(st.sampled_from(ARTICLES))
        at = draw(st.integers(0, len(article)))
        text = article[:at] + " " + text + " " + article[at:]
    return text


# Mutations of a text, each drawing where and what.
def _position(draw, text: str) -> int:
    return draw(st.integers(0, len(text)))


def _chunk(draw, text: str, longest: int = 200) -> tuple[int, int]:
    start = _position(draw, text)
    return start, min(len(text), start + draw(st.integers(0, longest)))


def insert_random(draw, text):
    at = _position(draw, text)
    return text[:at] + draw(st.text(letters_and_more, max_size=20)) + text[at:]


def insert_special(draw, text):
    at = _position(draw, text)
    return text[:at] + draw(st.sampled_from(SPECIALS)) * draw(st.integers(1, 3)) + text[at:]


def replace_character(draw, text):
    at = _position(draw, text)
    return text[:at] + draw(letters_and_more | st.sampled_from(SPECIALS)) + text[at + 1:]


def delete_chunk(draw, text):
    start, end = _chunk(draw, text)
    return text[:start] + text[end:]


def replace_chunk(draw, text):
    start, end = _chunk(draw, text, 50)
    return text[:start] + draw(token_soups(10, surrogates=False)) + text[end:]


def duplicate_sentence(draw, text):
    sentences = re.findall(r"[^.!?\n]+[.!?\n]*", text) or [text]
    sentence = draw(st.sampled_from(sentences))
    at = _position(draw, text)
    return text[:at] + sentence * draw(st.integers(1, 5 * SCALE)) + text[at:]


def splice_article(draw, text):
    other = draw(st.sampled_from(ARTICLES))
    start, end = _chunk(draw, other, 1000)
    at = _position(draw, text)
    return text[:at] + other[start:end] + text[at:]


def change_case(draw, text):
    start, end = _chunk(draw, text, 500)
    change = draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.title]))
    return text[:start] + change(text[start:end]) + text[end:]


def change_white_space(draw, text):
    old, new = draw(st.sampled_from([(" ", "\xa0"), (" ", "  "), (" ", "\t"), (" ", "\u200b "), ("\n", "\r\n"),
                                     ("\n", "\r"), ("\n", "\u2028"), ("\n", " "), ("\n", ""), (" ", "")]))
    start, end = _chunk(draw, text, 2000)
    return text[:start] + text[start:end].replace(old, new) + text[end:]


def truncate(draw, text):
    at = _position(draw, text)
    return text[:at] if draw(st.booleans()) else text[at:]


def insert_runaway(draw, text):
    at = _position(draw, text)
    return text[:at] + " " + draw(runaway_shapes(scale=1)) + " " + text[at:]


MUTATIONS = [insert_random, insert_special, replace_character, delete_chunk, replace_chunk,
             duplicate_sentence, splice_article, change_case, change_white_space, truncate, insert_runaway]


MAX_MUTATED = 20_000 * SCALE


@st.composite
def mutated_articles(draw, max_mutations: int) -> str:
    """A corpus article after a few mutations; a lone surrogate in one of eight. A mutation that
    would make it longer than MAX_MUTATED is dropped (copies of copies of a long token reach
    spaCy's limit of a million characters, and stall shrinking)."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, max_mutations))):
        mutation = draw(st.sampled_from(MUTATIONS))
        mutated = mutation(draw, text)
        if len(mutated) <= MAX_MUTATED:
            note(mutation.__name__)
            text = mutated
    return with_surrogate(draw, text) if maybe(draw, 8) else text


# --- The tests -----------------------------------------------------------------------------------

@examples(suite=150)
@given(text=unicode_texts, published=published_dates)
@example(text="\ud800", published=None)
@example(text="Mr. Nam\udfff spoke.", published="2024-07-31")
@example(text=" \t\n\u3000\xa0\u2028", published=None)
@example(text="\u200b\ufeff", published=None)
@example(text="'leader", published=None)  # a possessive alone before a title once gave an empty body
def fuzz_random_unicode(extractor, text, published):
    check(extractor, text, published)


@examples(suite=40)
@given(text=mutated_articles(max_mutations=4 * SCALE), published=published_dates)
def fuzz_mutated_articles(extractor, text, published):
    check(extractor, text, published)


@examples(suite=25)
@given(text=runaway_shapes(), published=published_dates)
@example(text="Chairman " + "of the " * 300 + "Committee", published=None)
@example(text="The target is to reach 95% of households" + " " * 5000 + "by 2025.", published="2024-07-31")
@example(text="Deputy Vice Permanent " * 100 + "Chairman of the Provincial People's Committee", published=None)
@example(text="Law on " + "A" * 45_000, published=None)
@example(text="VND " + "9" * 300 + " billion", published=None)
@example(text=ARTICLES[0], published="0001-01-01")
@example(text=ARTICLES[0], published="9999-12-31")
@example(text="The conference on January 1 reviewed last year; the next one is in December.", published="0001-01-01")
@example(text="The conference on December 31 reviewed this year; the next one is next year.", published="9999-12-31")
def fuzz_runaway_shapes(extractor, text, published):
    check(extractor, text, published)


def test_random_unicode(loaded):
    run(fuzz_random_unicode, loaded, share=0.25)


def test_mutated_corpus_articles(loaded):
    run(fuzz_mutated_articles, loaded, share=0.5)


def test_runaway_shapes(loaded):
    run(fuzz_runaway_shapes, loaded, share=0.25)

"""The lexicon files: a header, typed entries, and a bad line reported with its file and line."""

import json
import re
from importlib import resources
from typing import get_args

import pytest

from extractor import datelines, lexicon
from extractor.datelines import DatelineForm
from extractor.records import Event, Person, Target

# rules.jsonl is the rule registry, not a lexicon: tests/test_rule_registry.py reads it.
FILES = sorted(p.name for p in (resources.files("extractor") / "patterns").iterdir()
               if p.name.endswith(".jsonl") and p.name != "rules.jsonl")


@pytest.mark.parametrize("filename", FILES)
def test_every_shipped_lexicon_loads(filename):
    assert lexicon.load(filename)


def header(schema: str) -> str:
    return json.dumps({"schema": schema, "source": "written for this test", "holds": "what the test needs"})


TITLES = lexicon.SCHEMAS["titles.jsonl"]


@pytest.mark.parametrize("line", [
    '{"text": "Chairman", "kind": "title"',
    '{"kind": "title"}',
    '{"text": "Chairman", "kind": "title", "colour": "red"}',
], ids=["not_json", "no_text", "unknown_key"])
def test_a_bad_line_names_its_file_and_line(line):
    with pytest.raises(lexicon.LexiconError, match=r"patterns/titles\.jsonl, line 4"):
        lexicon.parse([header("TitleEntry"), '{"text": "Mayor", "kind": "title"}', "", line],
                      "patterns/titles.jsonl", TITLES)


@pytest.mark.parametrize("line", [
    '{"text": "dozen", "value": "twelve"}',
    '{"text": "dozen", "kind": "12"}',
    '{"text": "dozen", "value": Infinity}',
], ids=["not_a_number", "no_value", "not_finite"])
def test_a_bad_number_names_its_file_and_line(line):
    with pytest.raises(lexicon.LexiconError, match=r"patterns/number_words\.jsonl, line 3: .*value"):
        lexicon.parse([header("NumberEntry"), '{"text": "ten", "value": 10}', line], "patterns/number_words.jsonl",
                      lexicon.NumberEntry)


# A file's kinds are part of its schema: a typo'd kind fails at load, not as a silently ignored line.
@pytest.mark.parametrize("filename, line, field", [
    ("titles.jsonl", '{"text": "Ombudsman", "kind": "titel"}', "kind: Input should be 'title', 'qualifier' or 'fused'"),
    ("bodies.jsonl", '{"text": "Guild", "kind": "heads"}', "kind: Input should be 'head'"),
    ("target_cues.jsonl", '{"text": "ambition"}', "kind: Field required"),
    ("currencies.jsonl", '{"text": "shilling", "kind": "Kes"}', "kind: String should match pattern"),
    ("place_adjectives.jsonl", '{"text": "communal"}', "means: Field required"),
], ids=["title", "body", "goal_cue_without_kind", "currency_code", "word_map"])
def test_a_bad_kind_names_its_file_line_and_field(filename, line, field):
    schema = lexicon.SCHEMAS[filename]
    with pytest.raises(lexicon.LexiconError, match=rf"patterns/{re.escape(filename)}, line 2: {re.escape(field)}"):
        lexicon.parse([header(schema.__name__), line], f"patterns/{filename}", schema)


@pytest.mark.parametrize("first, message", [
    ('{"text": "Mayor", "kind": "title"}',
     'line 1: no header: a pattern file opens with a line {"schema": "TitleEntry"'),
    ("", "line 1: no header"),
    (header("PlaceEntry"), "line 1: schema: 'PlaceEntry', but this lexicon is read as 'TitleEntry'"),
    ('{"schema": "TitleEntry", "holds": "titles"}', "line 1: source: Field required"),
    ('{"schema": "TitleEntry", "source": "", "holds": "titles"}', "line 1: source: String should have at least 1"),
], ids=["missing", "empty_file", "other_schema", "no_source", "empty_source"])
def test_a_bad_header_names_its_file_and_line_1(first, message):
    with pytest.raises(lexicon.LexiconError, match=rf"^patterns/titles\.jsonl, {re.escape(message)}"):
        lexicon.parse([first, '{"text": "Mayor", "kind": "title"}'], "patterns/titles.jsonl", TITLES)


def test_every_shipped_lexicon_has_a_schema_and_a_source():
    """The header names the file's schema (load checks it) and where its data came from."""
    for filename in FILES:
        first = (resources.files("extractor") / "patterns" / filename).read_text(encoding="utf-8").splitlines()[0]
        found = lexicon.check_header(first, f"patterns/{filename}", lexicon.SCHEMAS[filename])
        assert found.source and found.holds


def test_a_path_with_a_directory_is_a_file_on_disk(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "titles.jsonl").write_text(f'{header("TitleEntry")}\n{{"text": "Ombudsman", "kind": "title"}}\n')
    assert [e.text for e in lexicon.load(str(pack / "titles.jsonl"))] == ["Ombudsman"]
    assert lexicon.load(str(pack / "titles.jsonl")) is lexicon.load(str(pack / "titles.jsonl"))  # read once
    assert "Ombudsman" not in lexicon.texts("titles.jsonl")  # the bare name is still the bundled file


def test_a_file_on_disk_is_checked_as_the_bundled_file_of_its_name(tmp_path):
    (tmp_path / "titles.jsonl").write_text(f'{header("TitleEntry")}\n{{"text": "Ombudsman", "kind": "titel"}}\n')
    with pytest.raises(lexicon.LexiconError, match=rf"^{re.escape(str(tmp_path))}/titles\.jsonl, line 2: kind:"):
        lexicon.load(str(tmp_path / "titles.jsonl"))
    (tmp_path / "my_titles.jsonl").write_text(f'{header("TitleEntry")}\n')
    with pytest.raises(lexicon.LexiconError, match="no lexicon is named 'my_titles.jsonl'"):
        lexicon.load(str(tmp_path / "my_titles.jsonl"))
    with pytest.raises(lexicon.LexiconError, match=r"missing/titles\.jsonl: cannot be read"):
        lexicon.load(str(tmp_path / "missing" / "titles.jsonl"))


@pytest.mark.parametrize("line, message", [
    ('{"form": "{PLACE} | {CAPITAL}", "example": "ELDORET | The county met", "place": "ELDORET"}', None),
    ('{"form": "{AGENCY} {PLACE}", "example": "(KNA) ELDORET", "place": "ELDORET"}',
     "form: Value error, unknown placeholder {AGENCY} before {PLACE}: the placeholders there are {BYLINE}"),
    ('{"form": "{PLACE} {DATE}", "example": "ELDORET Oct 5", "place": "ELDORET"}',
     "form: Value error, unknown placeholder {DATE}"),
    ('{"form": "{PLACE} {DASH}{SPACE}", "example": "Eldoret, Kenya - The county", "place": "Eldoret"}',
     "Value error, the form reads the place 'Eldoret, Kenya' in its example, not 'Eldoret'"),
    ('{"form": "{PLACE} {AGENCY} {DASH}", "example": "ELDORET - The county", "place": "ELDORET"}',
     "Value error, the form reads no dateline in its example"),
], ids=["good", "only_an_opener_before_the_place", "unknown_placeholder", "other_place", "no_dateline"])
def test_a_dateline_form_is_checked_against_its_example(line, message):
    lines = [header("DatelineForm"), line]
    if message is None:
        form, = lexicon.parse(lines, "patterns/datelines.jsonl", DatelineForm)
        assert datelines.pattern([form.form]).match("ELDORET | The county met").group("place") == "ELDORET"
        return
    with pytest.raises(lexicon.LexiconError, match=rf"patterns/datelines\.jsonl, line 2: {re.escape(message)}"):
        lexicon.parse(lines, "patterns/datelines.jsonl", DatelineForm)


def test_a_cue_file_keeps_its_order():
    """Alternatives are tried as the file writes them (phrase_regex sorts longest first instead)."""
    assert lexicon.alternation(["by the end of", "by", "by"], lexicon.ANY_SPACE) == r"by\s+the\s+end\s+of|by"
    assert lexicon.alternation(["is to", "will"]) == r"is\ to|will"


def test_kinds_agree_with_the_record():
    """Kinds the records give as they are: event kinds (but a legislature, which names no event),
    comparators, participation."""
    def kinds(filename):
        return set(get_args(lexicon.SCHEMAS[filename].model_fields["kind"].annotation))
    assert kinds("event_kinds.jsonl") - {"legislature"} == set(get_args(Event.model_fields["kind"].annotation))
    assert kinds("qualifiers.jsonl") | kinds("open_ends.jsonl") == set(
        get_args(get_args(Target.model_fields["comparator"].annotation)[0]))
    participation = {kind.removesuffix("_by") for kind in kinds("participation.jsonl")} - {"skipped"}
    assert participation == set(get_args(get_args(Person.model_fields["participation"].annotation)[0]))


def test_number_lexicons_load_their_values():
    assert {e.text: e.value for e in lexicon.load("scales.jsonl")}["billion"] == 1e9
    assert {e.text: e.value for e in lexicon.load("number_words.jsonl")}["twelve"] == 12


def test_a_missing_lexicon_is_a_lexicon_error():
    with pytest.raises(lexicon.LexiconError, match="no lexicon is named 'no_such.jsonl'"):
        lexicon.load("no_such.jsonl")


@pytest.mark.parametrize("text, folded", [("Nguyễn Đức Trung", "nguyen duc trung"), ("Quảng Ninh", "quang ninh")])
def test_fold_drops_case_and_diacritics(text, folded):
    assert lexicon.fold(text) == folded


PHRASES = ["Chair", "Chairman", "Vice-Chairman", "Mr.", "(Rtd)"]


@pytest.mark.parametrize("text, starts", [
    ("the Chairman and the Chair", [4, 21]),
    ("Chairmanship", []),  # a phrase's word is a whole word
    ("Vice-Chairman", [0, 5]),
    ("Mr. Lam", [0]),
    ("Col. (Rtd) Lam", [5]),  # a phrase that opens with a mark starts at it
], ids=["whole_words", "inside_a_word", "hyphenated", "word_before_a_mark", "mark"])
def test_phrase_starts_holds_where_a_phrase_can_start(text, starts):
    pattern = re.compile(rf"(?<!\w){lexicon.phrase_starts(PHRASES)}")
    assert [m.start() for m in pattern.finditer(text)] == starts


def test_phrase_starts_keeps_what_the_phrases_find():
    """Put before an alternation of phrases that end on a word's end, or scanned for once to try
    the alternation there only, the look-ahead only spares work: the same matches, however cased."""
    text = "VICE-CHAIRMAN Lam, the chairman of the Chairmen, and Mr. Chair, Chairmanship (Rtd)"
    alone = re.compile(rf"\b(?:{lexicon.phrase_regex(PHRASES)})(?!\w)", re.IGNORECASE)
    guarded = re.compile(rf"\b{lexicon.phrase_starts(PHRASES)}(?:{lexicon.phrase_regex(PHRASES)})(?!\w)",
                         re.IGNORECASE)
    found = [m.span() for m in alone.finditer(text)]
    assert [m.span() for m in guarded.finditer(text)] == found
    starts = [m.start() for m in re.finditer(rf"\b{lexicon.phrase_starts(PHRASES)}", text, re.IGNORECASE)]
    assert [m.span() for m in lexicon.matches_at(alone, text, starts)] == found

"""The lexicon files: valid, and a bad line is reported with its file and line."""

from importlib import resources

import pytest

from extractor import lexicon

# rules.jsonl is the rule registry, not a lexicon: tests/test_rule_registry.py reads it.
FILES = sorted(p.name for p in (resources.files("extractor") / "patterns").iterdir()
               if p.name.endswith(".jsonl") and p.name != "rules.jsonl")


@pytest.mark.parametrize("filename", FILES)
def test_every_shipped_lexicon_loads(filename):
    assert lexicon.load(filename)


@pytest.mark.parametrize("line", [
    '{"text": "Chairman", "kind": "title"',
    '{"kind": "title"}',
    '{"text": "Chairman", "colour": "red"}',
], ids=["not_json", "no_text", "unknown_key"])
def test_a_bad_line_names_its_file_and_line(line):
    with pytest.raises(lexicon.LexiconError, match=r"patterns/titles\.jsonl, line 3"):
        lexicon.parse(['{"text": "Mayor"}', "", line], "patterns/titles.jsonl")


@pytest.mark.parametrize("line", [
    '{"text": "dozen", "value": "twelve"}',
    '{"text": "dozen", "kind": "12"}',
    '{"text": "dozen", "value": Infinity}',
], ids=["not_a_number", "no_value", "not_finite"])
def test_a_bad_number_names_its_file_and_line(line):
    with pytest.raises(lexicon.LexiconError, match=r"patterns/number_words\.jsonl, line 2: .*value"):
        lexicon.parse(['{"text": "ten", "value": 10}', line], "patterns/number_words.jsonl", lexicon.NumberEntry)


def test_number_lexicons_load_their_values():
    assert {e.text: e.value for e in lexicon.load("scales.jsonl")}["billion"] == 1e9
    assert {e.text: e.value for e in lexicon.load("number_words.jsonl")}["twelve"] == 12


def test_a_missing_lexicon_is_a_lexicon_error():
    with pytest.raises(lexicon.LexiconError, match="no_such.jsonl"):
        lexicon.load("no_such.jsonl")


@pytest.mark.parametrize("text, folded", [("Nguyễn Đức Trung", "nguyen duc trung"), ("Quảng Ninh", "quang ninh")])
def test_fold_drops_case_and_diacritics(text, folded):
    assert lexicon.fold(text) == folded

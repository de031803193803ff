"""The lexicon files: valid, and a bad line is reported with its file and line."""

from importlib import resources

import pytest

from extractor import lexicon

FILES = sorted(p.name for p in (resources.files("extractor") / "patterns").iterdir() if p.name.endswith(".jsonl"))


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


def test_a_missing_lexicon_is_a_lexicon_error():
    with pytest.raises(lexicon.LexiconError, match="no_such.jsonl"):
        lexicon.load("no_such.jsonl")


@pytest.mark.parametrize("text, folded", [("Nguyễn Đức Trung", "nguyen duc trung"), ("Quảng Ninh", "quang ninh")])
def test_fold_drops_case_and_diacritics(text, folded):
    assert lexicon.fold(text) == folded

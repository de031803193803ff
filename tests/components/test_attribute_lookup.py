"""extractor_attribute_lookup: the same token annotations as the attribute_ruler it is built from."""

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from extractor.components.attribute_lookup import AttributeLookupComponent
from extractor.pipeline import DEFAULT_MODEL, build_pipeline, resolve_model

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# Sentences that reach the ruler's rarer rules: contractions split by the tokenizer, the two-token
# rules ("gon na", "let 's"), its regex rules ("y all", "nothin'"), its dependency rules (an object
# "it", an expletive "there", a pronoun "that") and its space rules.
SENTENCES = [
    "I don't know why they can't come, and we won't ask.",
    "It's the minister's plan; she's said it's done and he's gone.",
    "We're gonna finish, you gotta see it, let's go and c'mon.",
    "Y'all ain't seen nothin' yet, y all said, and they sent it to I and me.",
    "There is a plan and there are two more; there's no doubt.",
    "Give it to me, I told you, and they gave it to him.",
    "Do you have it? He does, she did, they had had enough, I'd have done it.",
    "That which was done is done; those that know say this.",
    "Whether or not he comes, though, we leave once it ends, because it's late.",
    "He gets it. She got it. It gets done.",
    "Prices rose 5% (VND 3,000) — a record…  \"Really?\" he asked.\n\n  Next line\n \tand more.",
    "NOT ONE; n't; nt; not; n’t.",
]
TEXTS = ([pytest.param(path.read_text(encoding="utf-8"), id=path.stem) for path in sorted(CORPUS.glob("*.txt"))]
         + [pytest.param(text, id=f"sentence{i}") for i, text in enumerate(SENTENCES)])


@pytest.fixture(scope="module")
def model():
    """The model as build_pipeline loads it, with its own attribute_ruler."""
    return spacy.load(resolve_model(DEFAULT_MODEL), exclude=["lemmatizer"])


@pytest.fixture(scope="module")
def lookup(model):
    """One for all texts, as in the pipeline, so the tokens it remembers carry over."""
    return AttributeLookupComponent(model.vocab, model.get_pipe("attribute_ruler").patterns)


def annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
            for t in doc]


def matched_rules(lookup: AttributeLookupComponent) -> list[int]:
    """The rules left to the Matcher."""
    return [rule for rule in range(len(lookup.attrs)) if str(rule) in lookup.matcher]


def both(ruler, lookup, doc: Doc) -> tuple[list[tuple], list[tuple]]:
    """The annotations each sets on its own copy of `doc`."""
    return annotations(ruler(doc.copy())), annotations(lookup(doc.copy()))


@pytest.mark.parametrize("text", TEXTS)
def test_the_lookup_annotates_as_the_models_ruler(model, lookup, text):
    with model.select_pipes(disable=["attribute_ruler", "ner"]):
        doc = model(text)
    from_ruler, from_lookup = both(model.get_pipe("attribute_ruler"), lookup, doc)
    assert from_lookup == from_ruler


def test_the_models_one_token_rules_are_looked_up(lookup):
    """Only rules of two tokens or with a regex are left to the Matcher."""
    assert all(len(pattern) == 2 or "REGEX" in str(pattern)
               for rule in matched_rules(lookup) for pattern in lookup.matcher.get(str(rule))[1])


def test_the_built_pipeline_has_the_lookup_in_the_rulers_place(loaded, model):
    """And the model's sentence recognizer in its parser's (the model lists the senter right after it)."""
    models = [name for name in loaded.nlp.pipe_names if not name.startswith("extractor_")
              or name == "extractor_attribute_lookup"]
    assert models == [{"attribute_ruler": "extractor_attribute_lookup", "parser": "senter"}.get(name, name)
                      for name in model.pipe_names]


# Hand-made rules on a blank pipeline, numbered as the ruler numbers them: a looked-up rule, a rule
# only the Matcher can run, and the order in which they overwrite each other.
HAND_MADE = [
    {"patterns": [[{"TAG": "NN", "LOWER": "lead"}]], "attrs": {"POS": "NOUN", "LEMMA": "lead"}},  # 0, looked up
    {"patterns": [[{"LOWER": {"REGEX": "^le"}}]], "attrs": {"POS": "VERB"}},  # 1, Matcher: overwrites 0's POS
    {"patterns": [[{"LOWER": "less"}]], "attrs": {"POS": "ADJ"}},  # 2, looked up: overwrites 1
    {"patterns": [[{"LOWER": "lead"}, {"LOWER": "time"}]], "attrs": {"LEMMA": "period"}, "index": -1},  # 3, Matcher
    {"patterns": [[{"TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"MORPH": "Foreign=Yes"}},  # 4, Matcher: no key
    {"patterns": [[{"ORTH": "time", "TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"LEMMA": "times"}},  # 5, looked up
]


@pytest.fixture
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(HAND_MADE)
    return nlp


def tagged(nlp, words: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags)


def test_a_rule_the_table_cannot_hold_runs_in_the_matcher(blank):
    lookup = AttributeLookupComponent(blank.vocab, blank.get_pipe("attribute_ruler").patterns)
    assert matched_rules(lookup) == [1, 3, 4]
    doc = lookup(tagged(blank, ["lead", "time", "less", "lead"], ["NN", "NNP", "JJ", "VB"]))
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in doc] == [
        ("VERB", "lead", ""), ("", "period", "Foreign=Yes"), ("ADJ", "", "Foreign=Yes"), ("VERB", "", "Foreign=Yes")]


@pytest.mark.parametrize("words, tags", [
    (["lead", "time", "less", "lead"], ["NN", "NN", "JJ", "VB"]),
    (["Lead", "Time", "times", "lead", "time"], ["NN", "NNS", "NNS", "NN", "NNS"]),
    (["less", "lead"], ["", ""]),
], ids=["mixed", "case_and_plural", "untagged"])
def test_hand_made_rules_annotate_as_the_ruler(blank, words, tags):
    lookup = AttributeLookupComponent(blank.vocab, blank.get_pipe("attribute_ruler").patterns)
    from_ruler, from_lookup = both(blank.get_pipe("attribute_ruler"), lookup, tagged(blank, words, tags))
    assert from_lookup == from_ruler


def test_an_index_outside_the_match_fails_as_in_the_ruler(blank):
    blank.get_pipe("attribute_ruler").add([[{"LOWER": "lead"}, {"LOWER": "time"}]], {"LEMMA": "x"}, index=2)
    lookup = AttributeLookupComponent(blank.vocab, blank.get_pipe("attribute_ruler").patterns)
    with pytest.raises(ValueError, match=r"^\[E1001\] Target token outside of matched span"):
        lookup(tagged(blank, ["lead", "time"], ["NN", "NN"]))


def test_a_model_with_a_ruler_gets_the_lookup_in_its_place(blank, tmp_path):
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path)
    assert build_pipeline(str(tmp_path), components=()).pipe_names == [
        "extractor_attribute_lookup", "sentencizer", "extractor_line_breaks"]


def test_a_model_without_a_ruler_is_left_alone(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path)
    assert build_pipeline(str(tmp_path), components=()).pipe_names == ["sentencizer", "extractor_line_breaks"]


def test_a_model_without_sentences_gets_the_sentencizer(tmp_path):
    spacy.blank("en").to_disk(tmp_path)
    assert build_pipeline(str(tmp_path), components=()).pipe_names == ["sentencizer", "extractor_line_breaks"]

"""The rule registry (`patterns/rules.jsonl`): every rule id a record carries is registered, named
`<stage>.<rule>` after a stage in components/, once, with a one-line doc; a bad line is reported."""

import json
import pkgutil
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

import extractor.components
from extractor import lexicon, rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
COMPONENTS = Path(extractor.components.__file__).parent
HEADER = '{"schema": "Rule", "source": "a test", "holds": "rule ids"}'
STAGES = {m.name for m in pkgutil.iter_modules(extractor.components.__path__)}  # dates, names, people, ...
HELPERS = [COMPONENTS.parent / "relative_dates.py"]  # rules a stage proposes from outside components/


def rule_ids(value):
    """The `rule` of every evidence span anywhere in a dumped record."""
    if isinstance(value, dict):
        if "rule" in value:
            yield value["rule"]
        for item in value.values():
            yield from rule_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from rule_ids(item)


@pytest.fixture(scope="module")
def corpus_ids(loaded) -> Counter:
    """How often each rule id occurs in the records of every corpus article."""
    found = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        gold = path.with_suffix(".json")
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
        record = loaded.extract(path.read_text(encoding="utf-8"), published=published)
        found.update(rule_ids(record.model_dump(mode="json")))
    return found


def test_every_rule_in_the_corpus_records_is_registered(corpus_ids):
    registry = rules.registered()
    assert not set(corpus_ids) - set(registry), "rule ids missing from patterns/rules.jsonl"
    # The walk reached the evidence of every stage that gives some (people's mentions and roles,
    # organizations, dates, amounts, documents, targets, the event, statements).
    assert {rule.split(".")[0] for rule in corpus_ids} == {
        "amounts", "dates", "documents", "event", "names", "people", "roles", "statements", "targets"}


def test_every_registered_rule_is_a_stage_rule_with_a_one_line_doc():
    for rule_id, doc in rules.registered().items():
        stage, _, name = rule_id.partition(".")
        assert stage in STAGES and re.fullmatch(r"[a-z][a-z_]*", name), rule_id
        assert doc.strip() and "\n" not in doc, rule_id


def test_the_registry_file_has_each_id_once():
    lines = (resources.files("extractor") / rules.FILE).read_text(encoding="utf-8").splitlines()
    ids = Counter(json.loads(line)["id"] for line in lines[1:] if line.strip())  # after the header
    assert [rule_id for rule_id, n in ids.items() if n > 1] == []
    assert set(ids) == set(rules.registered())


def test_the_ids_written_in_each_stage_are_its_registered_ones():
    """Also the ids no corpus article reaches ('dates.days_of_month'); and no id is registered
    that its stage no longer writes. A stage's rules may be written in a module beside the
    components that it reads (the dates stage's relative_dates.py)."""
    registry = set(rules.registered())
    helpers = "".join(path.read_text(encoding="utf-8") for path in HELPERS)
    for stage in STAGES:
        source = (COMPONENTS / f"{stage}.py").read_text(encoding="utf-8") + helpers
        written = set(re.findall(rf"""["']({stage}\.[a-z][a-z_]*)["']""", source)) - {f"{stage}.jsonl"}
        assert written == {rule_id for rule_id in registry if rule_id.startswith(f"{stage}.")}, stage


@pytest.mark.parametrize("line", [
    '{"id": "dates.year", "doc": "a year"',
    '{"id": "dates.year"}',
    '{"id": "dates.year", "doc": "a year", "example": "2024"}',
    '{"id": "year", "doc": "a year"}',
    '{"id": "dates.year", "doc": " "}',
    '{"id": "dates.year", "doc": "a year\\nalone"}',
    '{"id": "dates.day_range", "doc": "a range of days, again"}',
], ids=["not_json", "no_doc", "unknown_key", "no_stage", "blank_doc", "two_line_doc", "registered_twice"])
def test_a_bad_line_names_the_file_and_line(line):
    with pytest.raises(lexicon.LexiconError, match=r"patterns/rules\.jsonl, line 4: "):
        rules.parse([HEADER, '{"id": "dates.day_range", "doc": "a range of days: \'October 2-3\'"}', "", line])


def test_the_registry_opens_with_its_header():
    with pytest.raises(lexicon.LexiconError, match=r"patterns/rules\.jsonl, line 1: no header"):
        rules.parse(['{"id": "dates.day_range", "doc": "a range of days: \'October 2-3\'"}'])


def test_a_constant_names_a_registered_rule_only():
    assert rules.rule("event.event_sentence") == "event.event_sentence"
    with pytest.raises(lexicon.LexiconError, match=r"patterns/rules\.jsonl: no rule 'event.sentence'"):
        rules.rule("event.sentence")

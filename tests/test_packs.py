"""Rules are data: a title, a body, a goal cue or a dateline form added to a copy of the bundled
pack, given to the pipeline by its components' config, is recognized with no change to the code."""

import json
from importlib import resources

import pytest

from extractor.lexicon import LexiconError
from extractor.pipeline import COMPONENTS, build_pipeline
from extractor.records import Source, doc_to_record


def pack_with(tmp_path, filename: str, *entries: dict) -> str:
    """A copy of a bundled lexicon with entries added at its end, in a pack folder: its path."""
    bundled = (resources.files("extractor") / "patterns" / filename).read_text(encoding="utf-8")
    path = tmp_path / "pack" / filename
    path.parent.mkdir(exist_ok=True)
    path.write_text(bundled + "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    return str(path)


def pipeline(**lexicons: str):
    """The default pipeline, each component given the lexicon paths its config has a key for
    (a pack swaps a lexicon in every component that reads it)."""
    nlp = build_pipeline(components=())
    for name in COMPONENTS:
        keys = nlp.get_factory_meta(name).default_config
        nlp.add_pipe(name, config={key: path for key, path in lexicons.items() if key in keys})
    return nlp


def record(nlp, text):
    return doc_to_record(nlp(text), Source())


@pytest.mark.parametrize("key, filename, entry, text, read, before, after", [
    ("titles", "titles.jsonl", {"text": "Ombudsman", "kind": "title"},
     "Provincial Ombudsman Tran Van Nam opened the meeting.",
     lambda r: [(p.name, [role.title for role in p.roles]) for p in r.people],
     [("Tran Van Nam", [])], [("Tran Van Nam", ["Provincial Ombudsman"])]),
    ("bodies", "bodies.jsonl", {"text": "Guild", "kind": "head"},
     "Mr. Tran Van Nam, head of the commune's fishing guild, spoke at the meeting.",
     lambda r: [(role.title, role.organization) for p in r.people for role in p.roles],
     [("head", None)], [("head", "commune's fishing guild")]),
    ("target_cues", "target_cues.jsonl", {"text": "ambition", "kind": "noun"},
     "The province's ambition is USD 2 billion in new investment.",
     lambda r: [(t.value, t.unit, t.evidence.rule) for t in r.targets],
     [], [(2e9, "USD", "targets.goal_cue")]),
    ("datelines", "datelines.jsonl",
     {"form": "{PLACE}, {AGENCY} {DASH}", "example": "KAPSABET, (KNA) – The county", "place": "KAPSABET"},
     "KAPSABET, (KNA) – The county assembly held a forum on the budget.",
     lambda r: r.event.location,
     None, "KAPSABET"),
], ids=["title", "body", "goal_cue", "dateline_form"])
def test_a_new_entry_is_a_data_edit(loaded, tmp_path, key, filename, entry, text, read, before, after):
    assert read(record(loaded.nlp, text)) == before
    assert read(record(pipeline(**{key: pack_with(tmp_path, filename, entry)}), text)) == after


def test_a_bad_pack_fails_when_the_pipeline_is_built(tmp_path):
    """Not at the first article: the component reads its lexicon when it is made."""
    path = pack_with(tmp_path, "titles.jsonl", {"text": "Ombudsman", "kind": "titel"})
    line = len(open(path, encoding="utf-8").read().splitlines())  # the entry added last
    with pytest.raises(LexiconError, match=rf"pack/titles\.jsonl, line {line}: kind: Input should be 'title'"):
        pipeline(titles=path)

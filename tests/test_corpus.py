"""Every corpus article: its whole record as a reviewed snapshot, and evidence that points true.

Regenerate the snapshots after a deliberate change with `pytest tests/test_corpus.py --force-regen`,
then review the diff of tests/test_corpus/ before committing it.
"""

import json
from pathlib import Path

import pytest

from evidence import spans

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


def extract(extractor, path: Path):
    """The record for a corpus article, with the publication date its gold file gives."""
    gold = path.with_suffix(".json")
    published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
    text = path.read_bytes().decode("utf-8")
    return text, extractor.extract(text, published=published, source={"path": f"corpus/{path.name}"})


def test_corpus_holds_the_example_article():
    assert "d000" in [p.stem for p in ARTICLES]


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_record_snapshot(loaded, path, data_regression):
    _, record = extract(loaded, path)
    data_regression.check(record.model_dump(mode="json"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_span_is_the_text_it_points_to(loaded, path):
    text, record = extract(loaded, path)
    found = list(spans(record.model_dump(mode="json")))
    assert found, "a corpus article with no evidence at all"
    for span in found:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"], span

"""benchmarks/bench.py's sections on three short articles, one round: each gives its figures.

No timing is checked: these say the benchmark runs and its figures add up, not how fast anything is.
"""

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy

from extractor.pipeline import resolve_model

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"

ARTICLES = {
    "a.txt": "Officials meet in Hanoi\n\nOn March 14, the Provincial People's Committee held a conference. "
             "Mr. Nguyen Van An, Chairman of the Provincial People's Committee, spoke.",
    "b.txt": "Budget review\n\nThe province will spend VND 5 billion on roads in 2025, said Ms. Tran Thi Binh.",
    "c.txt": "Growth\n\nExports grew 12 percent in the first half of the year.\n\nThe target is 15 percent.",
}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles(bench, tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return bench.read_unique([folder])


@pytest.fixture(scope="module")
def bare():
    return spacy.load(resolve_model("en_core_web_sm"))


def test_a_text_found_twice_is_read_once(bench, articles, tmp_path):
    (tmp_path / "copy.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    assert len(articles) == 3
    assert len(bench.read_unique([Path(articles[0].name).parent, tmp_path])) == 3


def test_compare_gives_a_ratio(bench, loaded, bare, articles):
    ratio = bench.compare(bare, loaded, articles, rounds=1, batch_size=2)
    assert len(ratio["rounds"]) == 1
    assert ratio["min"] == ratio["median"] > 0
    assert ratio["tokens"] > 0


def test_shares_add_up_to_the_totals(bench, loaded, bare, articles):
    rows = {row["step"]: row for row in bench.shares(bare, loaded, articles)}
    total = rows.pop("total")
    assert sum(r["bare_pct"] for r in rows.values() if r["bare_pct"] is not None) == pytest.approx(100)
    assert sum(r["extractor_s"] for r in rows.values() if r["extractor_s"] is not None) == pytest.approx(
        total["extractor_s"])
    # Each pipeline's own steps, in pipeline order; the records' steps after the components.
    assert rows["lemmatizer"]["extractor_s"] is None and rows["extractor_people"]["bare_s"] is None
    assert list(rows)[0] == "tokenizer" and list(rows)[-3:] == ["records", "JSON", "JSON read back"]


def test_a_batch_run_reports_its_memory(bench, articles):
    (run,) = bench.batch_runs(articles, [1], batch_size=2, model="en_core_web_sm", timeout=30)
    assert run["records"] == 3 and run["articles_per_s"] > 0
    assert run["main_rss_mb"] > 0 and run["worker_rss_mb"] > 0  # a time budget puts the work in a worker
    if sys.platform == "linux":
        assert run["peak_pss_mb"] > 0


def test_scaling_reads_the_same_paragraphs_at_every_size(bench, loaded, bare, articles):
    texts = bench.sized_texts(articles, [100, 400])
    joined = {size: "\n\n".join(pieces) for size, pieces in texts.items()}
    assert joined[100] == joined[400]
    assert all(len(text) <= 100 or "\n\n" not in text for text in texts[100])
    rows = bench.scaling(bare, loaded, articles, sizes=[100, 400], rounds=1)
    assert [row["size"] for row in rows] == [100, 400]
    assert all(row["extractor_us_per_char"] > 0 and row["bare_us_per_char"] > 0 for row in rows)

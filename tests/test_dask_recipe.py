"""The Dask recipe: a local cluster of two worker processes gives the records one process gives."""

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the dask extra: pip install -e '.[dask]'")
distributed = pytest.importorskip("distributed")

from extractor import dask_recipe  # noqa: E402  (after the skip: it imports dask)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_a_local_cluster_gives_the_single_process_records(tmp_path, loaded):
    rows = []
    for path in sorted(CORPUS.glob("*.txt")):
        gold = path.with_suffix(".json")
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
        rows.append({"id": path.stem, "text": path.read_bytes().decode("utf-8"), "published": published})
    rows.append({"id": "blank", "text": " \n"})
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")

    # The dashboard on any free port: another run of the suite may hold the default one.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with cluster, distributed.Client(cluster):
        # Small blocks, so the articles spread over several partitions and both workers.
        dask_recipe.run(str(archive), str(tmp_path / "records-*.jsonl"), str(tmp_path / "errors-*.jsonl"),
                        blocksize=16_000)

    files = sorted(tmp_path.glob("records-*.jsonl"))
    assert len(files) > 2
    got = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    sources = [{"id": row["id"], "published": row["published"]} for row in rows[:-1]]
    expected = [record.model_dump_json() for record in loaded.extract_many(
        (row["text"], source) for row, source in zip(rows, sources))]
    assert got == expected
    errors = [line for f in sorted(tmp_path.glob("errors-*.jsonl")) for line in f.read_text().splitlines()]
    assert [json.loads(line) for line in errors] == [
        {"input": "blank", "reason": "the text is empty or only whitespace"}]

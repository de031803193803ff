"""Recipe: the batch extraction on a Dask cluster, over JSON Lines archives (`pip install "extractor[dask]"`).

    from dask.distributed import Client
    from extractor import dask_recipe

    with Client(n_workers=4, threads_per_worker=1):  # or Client("scheduler-address:8786")
        dask_recipe.run("archive/*.jsonl", "out/records-*.jsonl", "out/errors-*.jsonl")

A `dask.bag` of the archives' lines, in blocks (`blocksize`) that are the bag's partitions; each
partition goes through `Extractor.extract_many` a batch at a time, exactly as `extractor extract`
runs a batch (`batch.extract_batch`: same records, same error isolation). A worker process loads
the pipeline once, on its first partition, and keeps it. Records files come one a partition (the
'*' is its number, five digits), in input order: their concatenation in name order is what
`extractor extract archive.jsonl` writes.

Use one thread a worker process: a spaCy pipeline is not meant to be shared by threads, and the
work is CPU-bound anyway; give the cluster one process a core.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date

import dask
import dask.bag as db

from . import batch, inputs
from .api import Extractor
from .defaults import DEFAULT_MODEL


def run(inputs: str | list[str], records: str, errors: str, *, blocksize: int | str = "16MiB",
        model: str = DEFAULT_MODEL, batch_size: int = batch.DEFAULT_BATCH_SIZE, published: date | None = None,
        max_chars: int = inputs.MAX_CHARS) -> None:
    """Extracts the JSON Lines files `inputs` (paths or globs) on the current Dask scheduler.

    `records` and `errors` are path patterns with one '*' (a partition's number): JSON Lines of
    records, and of {"input", "reason"} for the articles that give none.
    """
    outcomes = extract_bag(db.read_text(inputs, blocksize=blocksize), model=model, batch_size=batch_size,
                           published=published, max_chars=max_chars)
    # One compute for both outputs, so each partition is extracted once.
    dask.compute(
        *outcomes.filter(_is_record).map(_record_line).map_partitions(_joined).to_textfiles(records, **_files),
        *outcomes.filter(_is_failure).map(_error_line).map_partitions(_joined).to_textfiles(errors, **_files),
    )


# Files named by the partition's number padded to five digits, so name order is input order.
_files = {"name_function": "{:05d}".format, "compute": False}


def extract_bag(lines: db.Bag, **options) -> db.Bag:
    """A bag of JSON Lines articles to the bag of their `batch.Outcome`s, in the same order."""
    return lines.map_partitions(extract_partition, **options)


def extract_partition(lines: Iterable[str], *, model: str = DEFAULT_MODEL,
                      batch_size: int = batch.DEFAULT_BATCH_SIZE, published: date | None = None,
                      max_chars: int = inputs.MAX_CHARS) -> list[batch.Outcome]:
    """The outcomes of one partition's lines, with this process's pipeline."""
    extractor = _extractor(model)
    articles = _articles(lines, published, max_chars)
    return [outcome for chunk in batch.batches(articles, batch_size)
            for outcome in batch.extract_batch(extractor, chunk)]


@functools.cache
def _extractor(model: str) -> Extractor:
    """The pipeline of this worker process: loaded on its first partition, kept for the others."""
    return Extractor(model)


def _articles(lines: Iterable[str], published: date | None, max_chars: int) -> Iterator[inputs.Article]:
    # A partition does not know its file or line numbers: a line without a usable id is named by its
    # place in the partition.
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield inputs.parse_json_line(line, f"<partition line {number}>", published, max_chars)


def _is_record(outcome: batch.Outcome) -> bool:
    return outcome.line is not None


def _is_failure(outcome: batch.Outcome) -> bool:
    return outcome.line is None


def _record_line(outcome: batch.Outcome) -> str:
    return outcome.line


def _error_line(outcome: batch.Outcome) -> str:
    return batch.error_line(outcome)


def _joined(lines: Iterable[str]) -> list[str]:
    """A partition's lines (each with its newline) as its file's one text: an empty partition writes an
    empty file, where `to_textfiles` would write a blank line."""
    return ["".join(lines)]

"""What `extract --html` costs a batch run: the same run with and without review pages.

    .venv/bin/python benchmarks/html_bench.py               # 60 corpus articles, 2 workers, 3 rounds
    .venv/bin/python benchmarks/html_bench.py --articles 500

The goal (issue 16) is pages for 60 articles in under 1.2x the time of the run without them. Each
run is the command's batch run (`batch.run`: text files in, records to a file, and with --html a
page per article and the index), in its own process, the model loaded before the clock starts so
that loading does not hide the pages' cost. The two kinds of run alternate, and the median of each
is compared: on 2 cores, other load skews single runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import replicate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60, help="articles in the run (the corpus, replicated)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, alternating")
    parser.add_argument("--measure", choices=["plain", "html"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args)))
        return

    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles"
        articles.mkdir()
        for number, text in enumerate(replicate(args.articles)):
            (articles / f"{number:04d}.txt").write_text(text, encoding="utf-8", newline="")
        print(f"{args.articles} articles, {args.workers} workers, {args.rounds} rounds", flush=True)
        runs: dict[str, list[dict]] = {"plain": [], "html": []}
        for _ in range(args.rounds):
            for what in runs:
                runs[what].append(run(args, articles, what))
    plain, html = (statistics.median(r["seconds"] for r in runs[what]) for what in ("plain", "html"))
    print()
    print("| run | seconds (median) | each run | pages written (and the index) |")
    print("|---|---|---|---|")
    for what, label in (("plain", "without --html"), ("html", "with --html")):
        each = ", ".join(f"{r['seconds']:.2f}" for r in runs[what])
        seconds = plain if what == "plain" else html
        print(f"| {label} | {seconds:.2f} | {each} | {runs[what][0]['pages']} |")
    print()
    print(f"with/without: {html / plain:.3f} (goal < 1.2); rendering and writing the pages alone: "
          f"{statistics.median(r['pages_seconds'] for r in runs['html']):.2f} s")


def run(args: argparse.Namespace, articles: Path, what: str) -> dict:
    command = [sys.executable, __file__, "--measure", what, "--input", str(articles), "--workers", str(args.workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the run {what} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure(args: argparse.Namespace) -> dict:
    """One run in this process: its seconds (model loaded before), the pages it wrote and the
    seconds spent on them."""
    from extractor import batch, inputs, review
    from extractor.api import Extractor
    from extractor.workers import Workers

    extractor = Extractor()
    with tempfile.TemporaryDirectory() as folder:
        pages = review.Pages(Path(folder) / "pages") if args.measure == "html" else None
        timed = _Timed(pages) if pages else None
        with batch.Output(Path(folder) / "records.jsonl") as output:
            started = time.perf_counter()
            with Workers(extractor, args.workers, timeout=30) as workers:
                articles = inputs.read_articles(inputs.find_inputs([str(args.input)]).files)
                summary = batch.run(workers, articles, batch.Writer(output), pages=timed)
            if timed:
                timed.write_index()
            seconds = time.perf_counter() - started
        written = sum(1 for page in (Path(folder) / "pages").glob("*.html") if page.name != "index.html") if pages else 0
    if summary.failures:
        sys.exit(f"{summary.failures} articles failed")
    return {"seconds": seconds, "records": summary.records, "pages": written,
            "pages_seconds": timed.seconds if timed else 0.0}


class _Timed:
    """`review.Pages`, counting the time spent in it."""

    def __init__(self, pages):
        self.pages, self.seconds = pages, 0.0

    def add_batch(self, articles, outcomes) -> None:
        started = time.perf_counter()
        self.pages.add_batch(articles, outcomes)
        self.seconds += time.perf_counter() - started

    def write_index(self) -> None:
        started = time.perf_counter()
        self.pages.write_index()
        self.seconds += time.perf_counter() - started


if __name__ == "__main__":
    main()

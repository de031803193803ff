"""Throughput on saved pages against the same articles as plain text (issue 17: at least 0.8x).

    .venv/bin/python benchmarks/pages_bench.py               # 100 articles, 2 workers, 3 rounds
    .venv/bin/python benchmarks/pages_bench.py --articles 300

The articles are the saved pages of tests/pages/ (each beside its plain text, NAME.txt), copied
round-robin up to --articles. Each run is the command's batch run (`batch.run`: files in, records
to a file) in its own process, the model loaded before the clock starts: a page run also takes the
article out of each page (in the main process, as `extractor extract` does), a text run reads the
text. The two kinds alternate and the medians are compared: on 2 cores, other load skews single runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "tests" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100, help="articles in each run (the pages, copied)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, alternating")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.workers)))
        return

    names = sorted(p.stem for p in PAGES.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        inputs = {"text": Path(folder) / "text", "pages": Path(folder) / "pages"}
        for kind, suffix in (("text", ".txt"), ("pages", ".html")):
            inputs[kind].mkdir()
            for number in range(args.articles):
                name = names[number % len(names)]
                shutil.copyfile(PAGES / f"{name}{suffix}", inputs[kind] / f"{number:04d}-{name}{suffix}")
        print(f"{args.articles} articles ({len(names)} pages copied), {args.workers} workers, {args.rounds} rounds",
              flush=True)
        runs: dict[str, list[dict]] = {"text": [], "pages": []}
        for _ in range(args.rounds):
            for kind in runs:
                runs[kind].append(run(inputs[kind], args.workers))
    rate = {kind: statistics.median(r["records"] / r["seconds"] for r in runs[kind]) for kind in runs}
    print()
    print("| input | articles/s (median) | each run, seconds |")
    print("|---|---|---|")
    for kind, label in (("text", "plain text (.txt)"), ("pages", "saved pages (.html)")):
        each = ", ".join(f"{r['seconds']:.2f}" for r in runs[kind])
        print(f"| {label} | {rate[kind]:.2f} | {each} |")
    print()
    print(f"pages/text throughput: {rate['pages'] / rate['text']:.3f} (goal >= 0.8)")


def run(folder: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--measure", str(folder), "--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the run of {folder} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure(folder: Path, workers: int) -> dict:
    """One batch run of `folder` in this process: its seconds (model loaded before) and records."""
    from extractor import batch, inputs
    from extractor.api import Extractor
    from extractor.workers import Workers

    extractor = Extractor()
    with tempfile.TemporaryDirectory() as out, batch.Output(Path(out) / "records.jsonl") as output:
        started = time.perf_counter()
        with Workers(extractor, workers, timeout=30) as pool:
            articles = inputs.read_articles(inputs.find_inputs([str(folder)]).files)
            summary = batch.run(pool, articles, batch.Writer(output))
        seconds = time.perf_counter() - started
    if summary.failures:
        sys.exit(f"{summary.failures} articles failed")
    return {"seconds": seconds, "records": summary.records}


if __name__ == "__main__":
    main()

"""Throughput of a batch run against bare spaCy, on the corpus replicated to N articles.

    .venv/bin/python benchmarks/bench.py                  # 500 articles: the table
    .venv/bin/python benchmarks/bench.py --profile FILE   # and a pyinstrument profile of one worker

Three configurations run on the same texts, each in its own process so its peak RSS is its own:
(1) bare spaCy, `nlp.pipe` of the same model with the same components excluded: the floor;
(2) extractor with 1 worker; (3) extractor with 2 workers. The extractor configurations are the
command's batch run (`batch.run`: JSON Lines in, records written to a file); the model is loaded
before the clock starts in every configuration. Tokens are counted once, by (1).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="articles in the run (the corpus replicated)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--profile", metavar="FILE", type=Path, help="also profile one worker (needs pyinstrument)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="the per-article time budget, as the command's --timeout (0: the batches run in "
                             "the measuring process, as --profile needs)")
    parser.add_argument("--measure", choices=["spacy", "extractor"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args)))
        return

    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "articles.jsonl"
        texts = replicate(args.articles)
        with archive.open("w", encoding="utf-8") as out:
            for number, text in enumerate(texts):
                out.write(json.dumps({"id": str(number), "text": text}, ensure_ascii=False) + "\n")
        chars = sum(len(t) for t in texts)
        print(f"{len(texts)} articles ({chars / len(texts):.0f} characters on average), batch size {args.batch_size}, "
              f"model {args.model}", flush=True)
        runs = [("(1) bare spaCy nlp.pipe", "spacy", 1), ("(2) extractor, 1 worker", "extractor", 1),
                ("(3) extractor, 2 workers", "extractor", 2)]
        results = [run_config(args, archive, what, workers) for _, what, workers in runs]
        if args.profile:
            run_config(args, archive, "extractor", 1, profile=args.profile)
    tokens = results[0]["tokens"]
    print()
    print("| configuration | seconds | articles/s | tokens/s | peak RSS, main (MB) | peak RSS, a worker (MB) "
          "| CPU s, main + workers | CPU s, other processes meanwhile |")
    print("|---|---|---|---|---|---|---|---|")
    for (label, _, _), r in zip(runs, results):
        worker = f"{r['worker_rss_mb']:.0f}" if r["worker_rss_mb"] else "-"
        others = f"{r['others_cpu_s']:.1f}" if r["others_cpu_s"] is not None else "?"
        print(f"| {label} | {r['seconds']:.1f} | {r['articles'] / r['seconds']:.1f} | {tokens / r['seconds']:,.0f} "
              f"| {r['rss_mb']:.0f} | {worker} | {r['cpu_s']:.1f} + {r['worker_cpu_s']:.1f} | {others} |")
    spacy, one, two = (r["seconds"] for r in results)
    one_rss = max(results[1]["rss_mb"], results[1]["worker_rss_mb"] or 0)
    print()
    cpu_ratio = (results[1]["cpu_s"] + results[1]["worker_cpu_s"]) / results[0]["cpu_s"]
    print(f"(2)/(1) time ratio: {one / spacy:.2f} (goal <= 1.3); in CPU seconds, which other load skews less: "
          f"{cpu_ratio:.2f}")
    print(f"(3) speed-up over (2): {one / two:.2f}x (goal >= 1.7x)")
    print(f"peak RSS, 1 worker: {one_rss:.0f} MB (goal <= 600 MB)")
    if args.profile:
        print(f"profile of (2): {args.profile}")


def replicate(n: int) -> list[str]:
    """The corpus articles, repeated in name order until there are `n`."""
    texts = [path.read_bytes().decode("utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    return [texts[i % len(texts)] for i in range(n)]


def run_config(args: argparse.Namespace, archive: Path, what: str, workers: int, profile: Path | None = None) -> dict:
    command = [sys.executable, __file__, "--measure", what, "--workers", str(workers), "--input", str(archive),
               "--batch-size", str(args.batch_size), "--model", args.model, "--timeout", str(args.timeout)]
    if profile:
        command += ["--profile", str(profile), "--timeout", "0"]
    busy = _machine_busy_seconds()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    busy = _machine_busy_seconds() - busy
    if done.returncode != 0:
        sys.exit(f"{what} with {workers} worker(s) failed:\n{done.stderr}")
    result = json.loads(done.stdout.splitlines()[-1])
    # CPU the rest of the machine used meanwhile: on 2 cores, another busy process skews (3) most.
    result["others_cpu_s"] = max(0.0, busy - result["process_cpu_s"] - result["worker_cpu_s"]) if busy else None
    return result


def _machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot (Linux), else 0."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")  # user .. steal; guest time is in user


def measure(args: argparse.Namespace) -> dict:
    """One configuration, in this process: seconds (model loaded beforehand), articles, tokens, peak RSS."""
    texts = [json.loads(line)["text"] for line in args.input.open(encoding="utf-8")]
    if args.measure == "spacy":
        import spacy

        from extractor.pipeline import resolve_model

        nlp = spacy.load(resolve_model(args.model), exclude=["lemmatizer"])  # as pipeline.build_pipeline loads it
        started, cpu = time.perf_counter(), time.process_time()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    else:
        from extractor import batch, inputs
        from extractor.api import Extractor
        from extractor.workers import Workers

        extractor = Extractor(args.model)
        profiler = _profiler(args.profile)
        with tempfile.TemporaryDirectory() as folder, batch.Output(Path(folder) / "records.jsonl") as output:
            started, cpu = time.perf_counter(), time.process_time()
            with Workers(extractor, args.workers, timeout=args.timeout) as workers:
                articles = inputs.read_articles(inputs.find_inputs([str(args.input)]).files)
                summary = batch.run(workers, articles, batch.Writer(output), batch_size=args.batch_size)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profiler:
            profiler.stop()
            args.profile.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        if summary.failures or summary.records != len(texts):
            sys.exit(f"{summary.failures} articles failed, {summary.records} records for {len(texts)} articles")
        tokens = None
    # ru_maxrss is in kilobytes on Linux; children's is the largest worker's, once it has been waited for.
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds: this process's while timed, the workers' (all their time is timed), and the whole
    # process's (model loading too), which tells the rest of the machine's share apart.
    return {"seconds": seconds, "articles": len(texts), "tokens": tokens, "cpu_s": cpu,
            "worker_cpu_s": workers.ru_utime + workers.ru_stime, "process_cpu_s": me.ru_utime + me.ru_stime,
            "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": workers.ru_maxrss / 1024 or None}


def _profiler(path: Path | None):
    if path is None:
        return None
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    return profiler


if __name__ == "__main__":
    main()

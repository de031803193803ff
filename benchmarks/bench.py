"""Extractor's cost against bare spaCy, on unique articles: no text is read twice (issue 19).

    .venv/bin/python benchmarks/bench.py                           # corpus/*.txt: the tables
    .venv/bin/python benchmarks/bench.py --input ../shared/devset  # and a folder's *.txt (repeatable)
    .venv/bin/python benchmarks/bench.py --scaling                 # and time per character, 1k to 100k
    .venv/bin/python benchmarks/bench.py --json bench.json         # and the figures as JSON
    .venv/bin/python benchmarks/bench.py --profile profile.txt     # and a pyinstrument profile of a pass

Replicated texts flatter whatever caches by text, and an archive holds each article once, so a
text found twice is read once. The sections:

ratio    bare `en_core_web_sm` with its full default pipeline (the lemmatizer too: what a user
         runs without extractor) and an Extractor, in this one process, take turns on each batch:
         `nlp.pipe`, then the batch run's work on the same batch (records, their JSON and its
         read-back check: `batch.extract_batch`). Each round starts with extractor's text caches
         emptied, so no round reads what an earlier one cached; a round's ratio is extractor's
         CPU seconds over bare spaCy's. Min and median of the rounds.
shares   one more pass, each component of both pipelines timed on each doc, and the records, their
         JSON and its read-back check: seconds, and % of bare spaCy's total.
workers  the command's batch run (`batch.run`: JSON Lines in, records to a file) with 1 and with 2
         workers, each in a process of its own: articles and characters per second, peak RSS of
         the main process and of the largest worker, and peak PSS of all of them together
         (sampled; shared pages count once, where RSS counts them in every process).
scaling  (--scaling) the articles' paragraphs joined into texts of up to 1k, 10k and 100k characters,
         the same paragraphs at every size: µs per character for each pipeline, best of the
         rounds; flat within 20% is the goal. 100k is the command's --max-chars default, a tenth
         of spaCy's nlp.max_length.

The heading says the date, the cores, the load average before and after, and how many cores
other processes kept busy meanwhile: on 2 cores they skew every figure, the worker runs' most.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor import batch, inputs
from extractor.api import Extractor
from extractor.defaults import DEFAULT_TIMEOUT
from extractor.inputs import Article
from extractor.pipeline import resolve_model
from extractor.records import ArticleRecord, Source, doc_to_record
from extractor.workers import Workers, default_workers

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SIZES = (1_000, 10_000, inputs.MAX_CHARS)
PARAGRAPH_BREAK = "\n\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, action="append", default=[], metavar="DIR",
                        help="also every *.txt of DIR (repeatable); corpus/ is always read")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=batch.DEFAULT_BATCH_SIZE)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], metavar="N",
                        help="worker counts of the batch runs")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="the batch runs' per-article time budget, as the command's --timeout")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--scaling", action="store_true", help="also time per character against length")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="also profile one extractor pass into FILE (needs pyinstrument)")
    parser.add_argument("--batch-run", type=Path, help=argparse.SUPPRESS)  # the worker runs' own process
    args = parser.parse_args()
    if args.batch_run:
        print(json.dumps(measure_batch_run(args.batch_run, args.workers[0], batch_size=args.batch_size,
                                           model=args.model, timeout=args.timeout)))
        return

    load = Load()
    articles = read_unique([CORPUS, *args.input])
    figures: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cores": load.cores,
                     "load_before": load.before, "model": args.model, "batch_size": args.batch_size,
                     "folders": [str(folder) for folder in [CORPUS, *args.input]],
                     "articles": len(articles), "characters": sum(len(a.text) for a in articles)}
    print(f"{figures['date']}, {load.cores} cores, load average {load.before[0]:.2f} before; "
          f"{len(articles)} unique articles from {', '.join(figures['folders'])}, {figures['characters']:,} "
          f"characters; batch size {args.batch_size}, model {args.model}", flush=True)
    nlp = spacy.load(resolve_model(args.model))
    extractor = Extractor(args.model)

    figures["ratio"] = compare(nlp, extractor, articles, rounds=args.rounds, batch_size=args.batch_size)
    show_ratio(figures["ratio"])
    figures["shares"] = shares(nlp, extractor, articles)
    show_shares(figures["shares"])
    figures["workers"] = batch_runs(articles, args.workers, batch_size=args.batch_size, model=args.model,
                                    timeout=args.timeout)
    show_batch_runs(figures["workers"])
    if args.scaling:
        figures["scaling"] = scaling(nlp, extractor, articles, rounds=args.rounds, batch_size=args.batch_size)
        show_scaling(figures["scaling"])
    if args.profile:
        profile(extractor, articles, args.batch_size, args.profile)
        print(f"\nprofile of one extractor pass: {args.profile}")

    figures["load_after"], figures["others_busy_cores"] = load.after()
    print(f"\nload average {figures['load_after'][0]:.2f} after; other processes kept "
          f"{figures['others_busy_cores']:.2f} of {load.cores} cores busy on average meanwhile")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


# --- texts ---------------------------------------------------------------------------------------

def read_unique(folders: Iterable[Path]) -> list[Article]:
    """The *.txt articles of `folders` as the command reads them, in order, each text once."""
    found = inputs.find_inputs([str(folder) for folder in folders], recursive=False, glob="*.txt")
    seen: set[str] = set()
    articles = []
    for article in inputs.read_articles(found.files):
        if article.reason is not None:
            sys.exit(f"{article.name}: {article.reason}")
        if article.text not in seen:
            seen.add(article.text)
            articles.append(article)
    return articles


def forget_texts() -> None:
    """Empties extractor's bounded caches (dates normalized, words folded), which fill with what the
    texts say; the unbounded ones hold lexicons and stay. A pass that starts so reads its articles
    as a first run of the command does."""
    for name, module in list(sys.modules.items()):
        if name == "extractor" or name.startswith("extractor."):
            for value in vars(module).values():
                if getattr(value, "cache_parameters", None) and value.cache_parameters()["maxsize"] is not None:
                    value.cache_clear()


def extract(extractor: Extractor, articles: list[Article]) -> list[batch.Outcome]:
    """The batch run's work on one batch, failing loudly: a failed article would flatter the ratio."""
    outcomes = batch.extract_batch(extractor, articles)
    failed = [o for o in outcomes if o.line is None]
    if failed:
        sys.exit(f"{failed[0].name}: {failed[0].reason}")
    return outcomes


def clocked(work: Callable, *args) -> tuple[object, float, float]:
    """What `work(*args)` returns, and the CPU and wall seconds it took."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = work(*args)
    return result, time.process_time() - cpu, time.perf_counter() - wall


# --- ratio ---------------------------------------------------------------------------------------

def compare(nlp: Language, extractor: Extractor, articles: list[Article], *, rounds: int = 3,
            batch_size: int = batch.DEFAULT_BATCH_SIZE) -> dict:
    """Bare spaCy and the extractor taking turns on each batch, each going first every other batch,
    `rounds` times: each round's CPU and wall seconds and ratios, the ratio's (CPU) min and median,
    and the tokens bare spaCy made."""
    chunks = list(batch.batches(articles, batch_size))
    list(nlp.pipe(a.text for a in chunks[0]))  # what the first calls load, loaded before the clock
    extract(extractor, chunks[0])
    results, tokens = [], 0
    for number in range(rounds):
        forget_texts()
        spent: Counter[str] = Counter()
        for k, chunk in enumerate(chunks):
            work = {"bare": (list, nlp.pipe([a.text for a in chunk], batch_size=batch_size)),
                    "extractor": (extract, extractor, chunk)}
            # Each goes first every other batch: what going first or second costs (the caches the
            # other left, the clock's speed) falls on both alike.
            for side in ("bare", "extractor") if k % 2 == 0 else ("extractor", "bare"):
                result, cpu, wall = clocked(*work[side])
                spent[f"{side}_cpu_s"] += cpu
                spent[f"{side}_wall_s"] += wall
                if side == "bare" and number == 0:
                    tokens += sum(len(doc) for doc in result)
        results.append({**spent, "ratio": spent["extractor_cpu_s"] / spent["bare_cpu_s"],
                        "wall_ratio": spent["extractor_wall_s"] / spent["bare_wall_s"]})
    ratios = [r["ratio"] for r in results]
    return {"rounds": results, "min": min(ratios), "median": statistics.median(ratios), "tokens": tokens}


def show_ratio(ratio: dict) -> None:
    print(f"\n## Ratio: extractor (records and their JSON) / bare spaCy (full default pipeline), CPU s, "
          f"alternating batches; {ratio['tokens']:,} tokens\n")
    print("| round | bare spaCy | extractor | ratio | ratio, wall clock |")
    print("|---|---|---|---|---|")
    for number, r in enumerate(ratio["rounds"], 1):
        print(f"| {number} | {r['bare_cpu_s']:.2f} | {r['extractor_cpu_s']:.2f} | {r['ratio']:.3f} "
              f"| {r['wall_ratio']:.3f} |")
    print(f"\nratio min {ratio['min']:.3f}, median {ratio['median']:.3f} (goal <= 1.00)", flush=True)


# --- shares --------------------------------------------------------------------------------------

def shares(nlp: Language, extractor: Extractor, articles: list[Article]) -> list[dict]:
    """CPU seconds of each step of both pipelines over `articles`, one doc at a time: the tokenizer,
    each component, and the extractor's records, their JSON and its read-back check; with % of
    bare spaCy's total. Steps in pipeline order, a step only one pipeline has in its place."""
    forget_texts()
    bare: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    for article in articles:
        run_steps(nlp, nlp.make_doc, article.text, bare)
        # Made as Extractor makes it: the text and reference date set on the doc besides its tokens.
        doc = run_steps(extractor.nlp, lambda text: extractor._doc(text, article.source), article.text, ours)
        record = step(ours, "records", doc_to_record, doc, article.source)
        line = step(ours, "JSON", record.model_dump_json)
        step(ours, "JSON read back", ArticleRecord.model_validate_json, line)
    total = sum(bare.values())
    rows = [{"step": name, "bare_s": bare.get(name), "extractor_s": ours.get(name),
             "bare_pct": 100 * bare[name] / total if name in bare else None,
             "extractor_pct": 100 * ours[name] / total if name in ours else None}
            for name in merged(list(bare), list(ours))]
    rows.append({"step": "total", "bare_s": total, "extractor_s": sum(ours.values()), "bare_pct": 100.0,
                 "extractor_pct": 100 * sum(ours.values()) / total})
    return rows


def run_steps(nlp: Language, make_doc: Callable[[str], Doc], text: str, spent: Counter[str]) -> Doc:
    doc = step(spent, "tokenizer", make_doc, text)
    for name, component in nlp.pipeline:
        doc = step(spent, name, component, doc)
    return doc


def step(spent: Counter[str], name: str, work: Callable, *args):
    """`work(*args)`, its CPU seconds added to `spent[name]`."""
    result, cpu, _ = clocked(work, *args)
    spent[name] += cpu
    return result


def merged(first: list[str], second: list[str]) -> list[str]:
    """`second`, with each name only `first` has put after the name it follows in `first`."""
    names = list(second)
    for before, name in zip([None, *first], first):
        if name not in names:
            names.insert(names.index(before) + 1 if before in names else 0, name)
    return names


def show_shares(rows: list[dict]) -> None:
    def cell(seconds: float | None, pct: float | None) -> str:
        return "- | -" if seconds is None else f"{seconds:.2f} | {pct:.1f}%"

    print("\n## Shares: CPU s of each step, one doc at a time, and % of bare spaCy's total\n")
    print("| step | bare spaCy s | % | extractor s | % of bare |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['step']} | {cell(row['bare_s'], row['bare_pct'])} "
              f"| {cell(row['extractor_s'], row['extractor_pct'])} |")
    sys.stdout.flush()


# --- workers -------------------------------------------------------------------------------------

def batch_runs(articles: list[Article], worker_counts: Iterable[int], *, batch_size: int, model: str,
               timeout: float) -> list[dict]:
    """The batch run over `articles` as a JSON Lines file, once for each worker count."""
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "articles.jsonl"
        archive.write_text("".join(json.dumps({"id": a.name, "text": a.text}, ensure_ascii=False) + "\n"
                                   for a in articles), encoding="utf-8")
        characters = sum(len(a.text) for a in articles)
        runs = [batch_run(archive, n, batch_size=batch_size, model=model, timeout=timeout)
                for n in worker_counts]
    for run in runs:
        run["articles_per_s"] = run["records"] / run["seconds"]
        run["characters_per_s"] = characters / run["seconds"]
    return runs


def batch_run(archive: Path, workers: int, *, batch_size: int, model: str, timeout: float) -> dict:
    """One batch run in a process of its own (so its peak RSS is its own), with the peak PSS of that
    process and its workers sampled from here meanwhile."""
    command = [sys.executable, __file__, "--batch-run", str(archive), "--workers", str(workers),
               "--batch-size", str(batch_size), "--model", model, "--timeout", str(timeout)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        peak_pss = 0.0
        while process.poll() is None:
            peak_pss = max(peak_pss, pss_mb(process.pid))
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"the batch run with {workers} worker(s) failed:\n{err.read()}")
        result = json.loads(out.read().splitlines()[-1])
    return {**result, "peak_pss_mb": peak_pss or None}


def measure_batch_run(archive: Path, workers: int, *, batch_size: int, model: str, timeout: float) -> dict:
    """The batch run in this process, the model loaded before the clock starts (the workers'
    start and stop are timed): seconds, CPU seconds, and peak RSS of this process and its largest
    worker."""
    extractor = Extractor(model)
    with tempfile.TemporaryDirectory() as folder, batch.Output(Path(folder) / "records.jsonl") as output:
        cpu, wall = time.process_time(), time.perf_counter()
        with Workers(extractor, workers, timeout=timeout) as pool:
            articles = inputs.read_articles(inputs.find_inputs([str(archive)]).files)
            summary = batch.run(pool, articles, batch.Writer(output), batch_size=batch_size)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if summary.failures:
        sys.exit(f"{summary.failures} articles failed")
    # ru_maxrss is in kilobytes on Linux; the children's is the largest worker's, once waited for.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"workers": workers, "records": summary.records, "seconds": wall, "main_cpu_s": cpu,
            "workers_cpu_s": children.ru_utime + children.ru_stime, "main_rss_mb": peak_rss_mb(),
            "worker_rss_mb": children.ru_maxrss / 1024 or None}


def peak_rss_mb() -> float:
    """This process's peak RSS in MB: /proc's VmHWM where there is one, since Linux keeps in
    ru_maxrss the peak of the process that started this one (the benchmark, models loaded)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def pss_mb(root: int) -> float:
    """The proportional set size of process `root` and its descendants together, in MB (0 where
    /proc tells none): forked workers share the model's pages, which PSS splits between them."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rpartition(")")[2].split()[1])  # the name may hold ')'
        except (OSError, ValueError, IndexError):
            continue  # ended meanwhile
        children.setdefault(parent, []).append(int(stat.parent.name))
    total_kb, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                total_kb += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return total_kb / 1024


def show_batch_runs(runs: list[dict]) -> None:
    def mb(value: float | None) -> str:
        return f"{value:.0f}" if value else "-"

    print("\n## Workers: the batch run (JSON Lines in, records to a file), each in a process of its own\n")
    print("| workers | seconds | articles/s | characters/s | CPU s, main + workers | peak RSS, main (MB) "
          "| peak RSS, a worker (MB) | peak PSS, all (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        print(f"| {run['workers']} | {run['seconds']:.1f} | {run['articles_per_s']:.1f} "
              f"| {run['characters_per_s']:,.0f} | {run['main_cpu_s']:.1f} + {run['workers_cpu_s']:.1f} "
              f"| {mb(run['main_rss_mb'])} | {mb(run['worker_rss_mb'])} | {mb(run['peak_pss_mb'])} |")
    if len(runs) > 1:
        print(f"\n{runs[-1]['workers']} workers: {runs[0]['seconds'] / runs[-1]['seconds']:.2f}x the speed of "
              f"{runs[0]['workers']}", flush=True)


# --- scaling -------------------------------------------------------------------------------------

def scaling(nlp: Language, extractor: Extractor, articles: list[Article], *, sizes: Iterable[int] = SIZES,
            rounds: int = 3, batch_size: int = batch.DEFAULT_BATCH_SIZE) -> list[dict]:
    """µs per character (CPU) of each pipeline on the texts of `sized_texts`, best of `rounds`.
    A round takes every size in turn, bare spaCy then the extractor, so a change in the machine's
    load between rounds does not fall on one size."""
    texts = sized_texts(articles, sizes)
    pieces = {size: [Article(f"{size}:{number}", text, Source()) for number, text in enumerate(sized)]
              for size, sized in texts.items()}
    bare: dict[int, list[float]] = {size: [] for size in texts}
    ours: dict[int, list[float]] = {size: [] for size in texts}
    for _ in range(rounds):
        for size in texts:
            forget_texts()
            bare[size].append(clocked(list, nlp.pipe(texts[size], batch_size=batch_size))[1])
            forget_texts()
            ours[size].append(sum(clocked(extract, extractor, chunk)[1]
                                  for chunk in batch.batches(pieces[size], batch_size)))
    rows = []
    for size, sized in texts.items():
        characters = sum(len(text) for text in sized)
        rows.append({"size": size, "texts": len(sized), "mean_characters": characters / len(sized),
                     "bare_us_per_char": 1e6 * min(bare[size]) / characters,
                     "extractor_us_per_char": 1e6 * min(ours[size]) / characters})
    return rows


def sized_texts(articles: list[Article], sizes: Iterable[int]) -> dict[int, list[str]]:
    """For each size, the articles' paragraphs joined into texts of at most that many characters
    (a longer paragraph alone). Every size gets the same paragraphs: those of the whole texts of
    the largest size (all of them when there is not one)."""
    sizes = sorted(sizes)
    paragraphs = [p for a in articles for p in a.text.split(PARAGRAPH_BREAK) if p.strip()]
    largest = runs_of(paragraphs, sizes[-1])
    whole = [run for run in largest if len(PARAGRAPH_BREAK.join(run)) > 0.9 * sizes[-1]] or largest
    kept = [p for run in whole for p in run]
    return {size: [PARAGRAPH_BREAK.join(run) for run in runs_of(kept, size)] for size in sizes}


def runs_of(paragraphs: list[str], size: int) -> list[list[str]]:
    """`paragraphs` in runs, in order, each as long as fits in `size` characters once joined."""
    runs: list[list[str]] = []
    run: list[str] = []
    length = 0
    for paragraph in paragraphs:
        if run and length + len(PARAGRAPH_BREAK) + len(paragraph) > size:
            runs.append(run)
            run, length = [], 0
        length += len(paragraph) + (len(PARAGRAPH_BREAK) if run else 0)
        run.append(paragraph)
    return [*runs, run] if run else runs


def show_scaling(rows: list[dict]) -> None:
    print("\n## Scaling: µs per character (CPU), the same paragraphs joined into texts of up to each size\n")
    print("| size | texts | characters, mean | bare spaCy µs/char | extractor µs/char | ratio |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['size']:,} | {row['texts']} | {row['mean_characters']:,.0f} | {row['bare_us_per_char']:.1f} "
              f"| {row['extractor_us_per_char']:.1f} | {row['extractor_us_per_char'] / row['bare_us_per_char']:.3f} |")
    ours = [row["extractor_us_per_char"] for row in rows]
    print(f"\nextractor µs/char, largest over smallest: {max(ours) / min(ours):.2f} (goal <= 1.20)", flush=True)


# --- the run -------------------------------------------------------------------------------------

def profile(extractor: Extractor, articles: list[Article], batch_size: int, path: Path) -> None:
    """One extractor pass over `articles`, profiled by pyinstrument into `path` as text."""
    from pyinstrument import Profiler  # not a dependency: `.venv/bin/pip install pyinstrument`

    forget_texts()
    profiler = Profiler(interval=0.001)
    profiler.start()
    for chunk in batch.batches(articles, batch_size):
        extract(extractor, chunk)
    profiler.stop()
    path.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")


class Load:
    """How busy the machine is: its load average, and the CPU other processes use while this runs."""

    def __init__(self) -> None:
        self.cores = default_workers()
        self.before = os.getloadavg()
        self._started = time.perf_counter()
        self._busy = _machine_busy_seconds() - _own_cpu_seconds()

    def after(self) -> tuple[tuple[float, float, float], float]:
        """The load average now, and the cores other processes kept busy on average since."""
        others = _machine_busy_seconds() - _own_cpu_seconds() - self._busy
        return os.getloadavg(), max(0.0, others) / (time.perf_counter() - self._started)


def _own_cpu_seconds() -> float:
    """CPU seconds of this process and its children waited for."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                         resource.RUSAGE_CHILDREN)))


def _machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot (Linux), else 0."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")  # user .. steal; guest time is in user


if __name__ == "__main__":
    main()

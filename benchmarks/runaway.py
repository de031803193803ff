"""Time of a full extraction on adversarial texts that once made rule stages run away, against length.

    .venv/bin/python benchmarks/runaway.py                      # 2k, 8k and 32k characters: the table
    .venv/bin/python benchmarks/runaway.py --sizes 1000 2000    # other lengths
    .venv/bin/python benchmarks/runaway.py --budget 60          # give up on a shape after 60 s

Each shape is a text made of one repeated unit, built to each length in turn and extracted by
`Extractor().extract`, best of `--runs` runs a cell. The shapes are the finds of issue 10; the
last, a corpus article repeated, is the reference. The last column is t(largest)/t(previous):
with sizes a factor 4 apart, about 4 is linear, 16 quadratic. Each shape runs in its own process
(the model loaded before the clock starts), so a shape that still runs away is cut off after
`--budget` seconds and shows '>' for the cells it did not finish.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SHAPES = {
    # names.py, BodyThenName: a title, "of" and a long body of link words.
    "`Chairman of the of the ... Committee`": ("Chairman ", "of the ", "Committee"),
    # targets.py, CLAUSE_BREAK: a long run of white space inside a sentence.
    "`Growth reached 5 percent` + spaces": ("Growth reached 5 percent", " ", "and more."),
    # titles.py, the qualifier prefix: qualifiers with no title after them.
    "`Deputy Vice Permanent ` repeated": ("", "Deputy Vice Permanent ", ""),
    # documents.py, the named-law regex: one long capitalized token.
    "`AAAA...` (one token)": ("", "A", ""),
    # documents.py, subjects: citations whose subjects all run to the end of the text.
    "`Law on ` repeated": ("", "Law on ", ""),
    "`Decision No. 1 on ` repeated": ("", "Decision No. 1 on ", ""),
    # documents.py, a subject's finite-verb look-ahead and coordinator: a long run of white space in it.
    "`Decree No. 5 on roads` + spaces": ("Decree No. 5 on roads", " ", "and bridges."),
    "`Decree No. 5 on roads` + tabs": ("Decree No. 5 on roads", "\t", "and bridges."),
}
REFERENCE = "corpus article c001 repeated (reference)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 8_000, 32_000], help="lengths, characters")
    parser.add_argument("--runs", type=int, default=3, help="runs a cell; the best counts")
    parser.add_argument("--budget", type=float, default=600, help="seconds a shape may take in all")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    if args.measure:
        measure(args.measure, sizes, args.runs)
        return

    sizes_label = " | ".join(f"{size // 1000}k" if size % 1000 == 0 else str(size) for size in sizes)
    print(f"best of {args.runs} runs, seconds; budget {args.budget:.0f} s a shape", flush=True)
    print()
    print(f"| shape | {sizes_label} | ratio |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for shape in [*SHAPES, REFERENCE]:
        seconds = run_shape(shape, sizes, args)
        cells = [f"{s:.3f}" if s is not None else f"> {args.budget:.0f} s" for s in seconds]
        last, before = seconds[-1], seconds[-2] if len(seconds) > 1 else None
        ratio = f"{last / before:.1f}" if last is not None and before else "-"
        print(f"| {shape} | {' | '.join(cells)} | {ratio} |", flush=True)


def text(shape: str, size: int) -> str:
    """The shape's text, `size` characters long to within one repeated unit."""
    if shape == REFERENCE:
        article = (CORPUS / "c001.txt").read_bytes().decode("utf-8")
        return ((article + "\n\n") * (size // len(article) + 1))[:size]
    head, unit, tail = SHAPES[shape]
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def run_shape(shape: str, sizes: list[int], args: argparse.Namespace) -> list[float | None]:
    """Seconds for each size, None for those not finished within the budget."""
    command = [sys.executable, __file__, "--measure", shape, "--runs", str(args.runs),
               "--sizes", *map(str, sizes)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        try:
            out, _ = child.communicate(timeout=args.budget)
        except subprocess.TimeoutExpired:
            child.kill()
            out, _ = child.communicate()
    done = dict(json.loads(line) for line in out.splitlines() if line.startswith("["))
    return [done.get(str(size)) for size in sizes]


def measure(shape: str, sizes: list[int], runs: int) -> None:
    """In this process: prints `[size, seconds]` a line as each size is done, smallest first."""
    from extractor.api import Extractor

    extractor = Extractor()
    extractor.extract(text(shape, 100))  # the first call sets up what is lazy
    for size in sizes:
        article = text(shape, size)
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            extractor.extract(article)
            best = min(best, time.perf_counter() - started)
        print(json.dumps([str(size), best]), flush=True)


if __name__ == "__main__":
    main()

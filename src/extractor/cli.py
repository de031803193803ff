"""The command line: reads inputs, calls the library, writes JSON to stdout; holds no extraction logic.

Exit codes: 0 every input gave a record; 1 some input was missing, unreadable, not UTF-8 text,
empty, too long, or failed in the pipeline (the others still give their records); 2 a usage error,
a model that cannot load, an output or errors file that cannot be written, or --resume into a file
that is not a run's output.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from functools import partial
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.console import Console
from rich.markup import escape

from . import batch
from .api import Extractor, default_extractor, parse_published
from .batch import STDIN
from .errors import ExtractorError, InputError, ModelError
from .evaluate import evaluate_dir, render_details, render_table
from .pipeline import DEFAULT_MODEL
from .records import record_schema

app = typer.Typer(
    name="extractor",
    help="Structured, evidence-carrying JSON records from conference news articles.",
    epilog="Example: extractor extract corpus/d000.txt --published 2024-07-31",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# Messages only: JSON never goes through rich. soft_wrap keeps each message on one line.
_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _published(value: str | None) -> date | None:
    """A `--published` value as a date, by the library's rule (only YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return parse_published(value, "--published")
    except InputError as error:
        raise typer.BadParameter(error.reason) from None


@app.command(
    no_args_is_help=True,
    epilog=(
        "Examples:\n\n"
        "  extractor extract corpus/d000.txt --published 2024-07-31\n\n"
        "  extractor extract corpus -o out/corpus.jsonl\n\n"
        "  cat article.txt | extractor extract - --published 2024-07-31\n\n"
        "  extractor extract archive.jsonl -o out/archive.jsonl --errors out/errors.jsonl --resume"
    ),
)
def extract(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", show_default=False,
        help="A UTF-8 text file, a folder (its *.txt files and its subfolders', sorted by path), a JSON Lines "
             "file (.jsonl), "
             "or - for stdin.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write to FILE instead of stdout.")] = None,
    published: Annotated[date | None, typer.Option(
        parser=_published, metavar="YYYY-MM-DD",
        help="The publication date: the reference for dates the text gives without a year "
             "(a JSON Lines article's own `published` comes first).")] = None,
    model: Annotated[str, typer.Option(
        metavar="NAME", help="The spaCy pipeline to build on: an installed package or a path.")] = DEFAULT_MODEL,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Read every input as JSON Lines of {"id", "text", "published"?, "url"?, "title"?} '
                        "(a .jsonl file is read so anyway).")] = False,
    recursive: Annotated[bool, typer.Option(
        "--recursive/--no-recursive", "-r/-R", help="Read the *.txt files of a folder's subfolders too.")] = True,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, metavar="N", show_default=False,
        help="Worker processes [default: one a core; one when the input is a single batch].")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Articles a batch: read, extracted and written together.")
    ] = batch.DEFAULT_BATCH_SIZE,
    errors: Annotated[Path | None, typer.Option(
        "--errors", metavar="FILE", dir_okay=False,
        help='Write the articles that give no record to FILE, JSON Lines of {"input", "reason"}, '
             "instead of stderr.")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue an interrupted run into --output FILE: skip the articles whose record "
                         "it holds, drop a cut-off last line.")] = False,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, metavar="N", help="Refuse longer texts (they go to the errors).")
    ] = batch.MAX_CHARS,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary line on stderr.")] = False,
) -> None:
    """Extract one record per article.

    One input gives one JSON object (indented); several inputs, a folder or JSON Lines give JSON Lines,
    in input order, written a batch at a time. An article that gives no record is reported (on stderr,
    or in --errors FILE), the others still give records, and the exit code is 1. A summary line ends a
    run of several inputs on stderr, after a progress bar when stderr is a terminal.
    """
    single = len(paths) == 1 and not jsonl and not resume and (
        paths[0] == STDIN or not (Path(paths[0]).is_dir() or paths[0].lower().endswith(".jsonl")))
    if resume and output is None:
        raise typer.BadParameter("needs --output FILE, the run to continue", param_hint="'--resume'")
    try:
        extractor = default_extractor() if model == DEFAULT_MODEL else Extractor(model)
        done = batch.resume_keys(output) if resume else Counter()
    except ExtractorError as error:
        _error(str(error))
        raise typer.Exit(2) from None

    show = not quiet and not single
    bar = show and _stderr.is_terminal
    requested = workers or batch.default_workers()
    total = batch.count_articles(paths, jsonl=jsonl, recursive=recursive,
                                 limit=None if bar else requested * batch_size)
    articles = batch.read_articles(paths, jsonl=jsonl, recursive=recursive, published=published, max_chars=max_chars)

    with (_open_output(output, append=resume) as out, _open_output(errors) if errors else nullcontext() as errs,
          batch.Workers(extractor, batch.workers_for(requested, total, batch_size), indent=2 if single else None)
          as pool):
        # The progress display's thread starts after the workers are forked.
        progress = batch.progress_bar(_stderr) if bar else None
        with progress or nullcontext():
            task = progress.add_task("extracting", total=total) if progress else None
            advance = partial(progress.advance, task) if progress else None
            writer = batch.Writer(out, errs, on_failure=lambda failure: _error(f"{failure.name}: {failure.reason}"))

            def skipped(_: batch.Article) -> None:
                writer.summary.skipped += 1
                if advance:
                    advance(1)

            try:
                summary = batch.run(pool, batch.skip_done(articles, done, skipped), writer,
                                    batch_size=batch_size, on_batch=advance)
            except BrokenProcessPool:
                _error("a worker process died (killed, or out of memory); the records written so far are kept, "
                       "--resume continues")
                raise typer.Exit(1) from None
    if show:
        _stderr.print(escape(summary.line()))
    if summary.failures:
        raise typer.Exit(1)


@app.command(epilog="Example: extractor schema > schemas/record.schema.json")
def schema() -> None:
    """Print the JSON Schema of a record (the contract committed in schemas/record.schema.json)."""
    text = json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))


@app.command(
    "evaluate",
    epilog=(
        "Examples:\n\n"
        "  extractor evaluate --gold corpus\n\n"
        "  extractor evaluate --gold my-gold --pred my-records --json\n\n"
        "Exit codes: 0 scored; 1 a missing folder or file, a bad gold or record file; 2 a model that cannot load."
    ),
)
def evaluate_command(
    gold: Annotated[Path, typer.Option(
        metavar="DIR", show_default=False,
        help="Gold files NAME.json (docs/gold-format.md), each beside its article NAME.txt.")],
    pred: Annotated[Path | None, typer.Option(
        metavar="DIR", help="Score the records NAME.json in DIR instead of running the extractor.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List the missed and spurious facts of each article.")] = False,
    model: Annotated[str, typer.Option(
        metavar="NAME", help="The spaCy pipeline to build on (without --pred).")] = DEFAULT_MODEL,
) -> None:
    """Score the extractor against gold annotations: precision, recall and F1 per field, and overall."""
    try:
        report = evaluate_dir(gold, pred, model=model)
    except ExtractorError as error:
        _error(str(error))
        raise typer.Exit(2 if isinstance(error, ModelError) else 1) from None
    if as_json:
        text = json.dumps(report.to_json(details=details), indent=1, ensure_ascii=False) + "\n"
        sys.stdout.buffer.write(text.encode("utf-8"))
        return
    out = Console(highlight=False, soft_wrap=True)
    out.print(render_table(report, title=f"{gold} ({len(report.articles)} articles)"))
    if details:
        for line in render_details(report):
            out.print(escape(line))


def _open_output(output: Path | None, *, append: bool = False) -> AbstractContextManager[BinaryIO]:
    """FILE opened for writing (at its end when `append`), or stdout (left open when done)."""
    if output is None:
        return nullcontext(sys.stdout.buffer)
    try:
        return output.open("ab" if append else "wb")
    except OSError as error:
        _error(f"{output}: cannot write ({error.strerror or error})")
        raise typer.Exit(2) from None


def _error(message: str) -> None:
    """One line on stderr: `error: <input>: <what is wrong>`."""
    _stderr.print(f"[bold red]error[/]: {escape(message)}")

"""The command line: reads inputs, calls the library, writes JSON to stdout; holds no extraction logic.

Exit codes: 0 every input gave a record; 1 some input was missing, unreadable, not text, empty, too
long, over its time budget, or failed in the pipeline (the others still give their records); 2 a
usage error, a model that cannot load, an output or errors file that cannot be written, is locked by
another run or is an input, or --resume into a file that is not a run's output.

The library's modules load spaCy, trafilatura and the lexicons, so each command imports them
when it runs: `--help` and `schema` start without them.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack, nullcontext
from datetime import date
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .defaults import (DATE_ORDERS, DEFAULT_BATCH_SIZE, DEFAULT_GLOB, DEFAULT_MODEL, DEFAULT_TIMEOUT,
                       FETCH_TIMEOUT, MAX_CHARS)
from .errors import ExtractorError, InputError, ModelError

if TYPE_CHECKING:
    from . import batch, inputs, review
    from .api import Extractor

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


def _encoding(value: str | None) -> str | None:
    """An `--encoding` value, checked against the codecs Python knows."""
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise typer.BadParameter(f"no such encoding: {value!r}") from None
    return value


DateOrder = Enum("DateOrder", {order: order for order in DATE_ORDERS}, type=str)


def _published(value: str | None) -> date | None:
    """A `--published` value as a date, by the library's rule (YYYY-MM-DD, or a timestamp's day)."""
    if value is None:
        return None
    from .api import parse_published

    try:
        return parse_published(value, "--published")
    except InputError as error:
        raise typer.BadParameter(error.reason) from None


@app.command(
    no_args_is_help=True,
    epilog=(
        "Examples:\n\n"
        "  extractor extract corpus/d000.txt --published 2024-07-31\n\n"
        "  extractor extract saved/page.html\n\n"
        "  extractor extract https://example.com/news/article.html\n\n"
        "  extractor extract corpus -o out/corpus.jsonl\n\n"
        "  cat corpus/c001.txt | extractor extract - --published 2024-07-31\n\n"
        "  extractor extract out/archive.jsonl -o out/records.jsonl --errors out/errors.jsonl --resume\n\n"
        "  extractor extract corpus -o out/corpus.jsonl --html out/review\n\n"
        "Exit codes: 0 every input gave a record; 1 some did not (the others still did); 2 nothing could "
        "run, or an output could not be written."
    ),
)
def extract(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", show_default=False,
        help="A text file, a saved page (.html, .htm), an http(s) URL to fetch, a folder (its files "
             "matching --glob, subfolders' too, sorted by path), a JSON Lines file (.jsonl, .ndjson), a "
             "JSON file (.json: an article, a list of them, or lines), or - for stdin.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write to FILE instead of stdout. It may not be an input, and is locked while the run "
             "writes it.")] = None,
    published: Annotated[date | None, typer.Option(
        parser=_published, metavar="YYYY-MM-DD",
        help="The publication date: the reference for dates the text gives without a year "
             "(a JSON article's own `published` comes first; it comes before a page's own date).")] = None,
    model: Annotated[str, typer.Option(
        metavar="NAME", help="The spaCy pipeline to build on: an installed package or a path.")] = DEFAULT_MODEL,
    date_order: Annotated[DateOrder, typer.Option(
        "--date-order", case_sensitive=False, metavar="ORDER",
        help="How to read numeric dates whose day and month could be either ('05/03/2024'): DMY, MDY "
             "(US and Philippine outlets) or YMD; auto lets each text's unambiguous numeric dates "
             "decide, else the country it names most, else day first.")] = DateOrder.auto,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Read every input as JSON Lines of {"id", "text" or "html", "published"?, "url"?, '
                        '"title"?} (.jsonl and .ndjson files are read so anyway).')] = False,
    recursive: Annotated[bool, typer.Option(
        "--recursive/--no-recursive", "-r/-R", help="Read the files of a folder's subfolders too.")] = True,
    glob: Annotated[str, typer.Option(
        "--glob", metavar="PATTERN",
        help="Which files of a folder are articles, by name, ignoring case (several patterns apart by "
             "commas); the others are named in a note.")] = DEFAULT_GLOB,
    encoding: Annotated[str | None, typer.Option(
        parser=_encoding, metavar="NAME", show_default=False,
        help="The encoding of texts without a byte order mark, e.g. cp1252 or latin-1 (default UTF-8; "
             "UTF-16 and UTF-32 with a byte order mark are always read).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, metavar="N", show_default=False,
        help="Worker processes (default: one a core, no more than there are batches).")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Articles a batch: read, extracted and written together.")
    ] = DEFAULT_BATCH_SIZE,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, metavar="SECONDS",
        help="The time an article may take; one over it is stopped and reported, and the run goes on "
             "(0: no limit).")] = DEFAULT_TIMEOUT,
    errors: Annotated[Path | None, typer.Option(
        "--errors", metavar="FILE", dir_okay=False,
        help='Write the articles that give no record to FILE, JSON Lines of {"input", "reason"}, '
             "instead of stderr.")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue an interrupted run into --output FILE: skip the articles whose record "
                         "it holds, drop a cut-off last line.")] = False,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, metavar="N", help="Refuse longer texts (they go to the errors).")
    ] = MAX_CHARS,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no summary line on stderr.")] = False,
    html: Annotated[Path | None, typer.Option(
        "--html", metavar="DIR", file_okay=False,
        help="Also write a review page per article into DIR (as `extractor show` does), named after its "
             "path or id, and DIR/index.html linking them.")] = None,
    text: Annotated[bool, typer.Option(
        "--text/--no-text",
        help="Keep the text taken out of a saved page or a URL in its record (source.text), which the "
             "evidence offsets index.")] = True,
    fetch_timeout: Annotated[int, typer.Option(
        "--fetch-timeout", min=1, metavar="SECONDS",
        help="The time a URL's server may take to answer, each of its tries.")] = FETCH_TIMEOUT,
) -> None:
    """Extract one record per article.

    One text file gives one JSON object (indented); several inputs, a folder or JSON give JSON Lines,
    in input order, written a batch at a time. An article that gives no record is reported (on stderr,
    or in --errors FILE), the others still give records, and the exit code is 1. A summary line ends a
    run of several inputs on stderr, after a progress bar when stderr is a terminal.
    """
    if resume and output is None:
        raise typer.BadParameter("needs --output FILE, the run to continue", param_hint="'--resume'")
    from . import batch, inputs, review

    found = inputs.find_inputs(paths, jsonl=jsonl, recursive=recursive, glob=glob)
    for folder, names in found.passed_over.items():
        _stderr.print(escape(f"note: {folder}: {len(names)} files not matching {glob} passed over "
                             f"({inputs.described(names)}); --glob selects others"))
    single = (len(paths) == 1 and not resume and not Path(paths[0]).is_dir()
              and [item.kind for item in found.files] in (["text"], ["page"], ["url"]))
    show = not quiet and not single
    try:
        batch.refuse_inputs([output, errors], found.files)
        # The model first: a run that cannot start leaves the files it would write as they were.
        extractor = _extractor(model, date_order)
        review_pages = review.Pages(html) if html else None
        with ExitStack() as open_files:
            out = open_files.enter_context(batch.Output(output, append=resume)) if output else batch.StdoutSink()
            done = batch.resume_keys(output) if resume else Counter()
            errs = open_files.enter_context(batch.Output(errors)) if errors else None
            articles = inputs.read_articles(found.files, published=published, max_chars=max_chars,
                                            encoding=encoding, keep_text=text, fetch_timeout=fetch_timeout)
            summary = _run(extractor, found, articles, out, errs, done, workers=workers, batch_size=batch_size,
                           timeout=timeout, indent=2 if single else None, bar=show and _stderr.is_terminal,
                           review_pages=review_pages)
        if review_pages:
            review_pages.write_index()
    except ExtractorError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    if show:
        _stderr.print(escape(summary.line()))
    if summary.failures:
        raise typer.Exit(1)


def _run(extractor: Extractor, found: inputs.Inputs, articles: Iterable[inputs.Article], out: batch.Sink,
         errs: batch.Sink | None, done: Counter, *, workers: int | None, batch_size: int, timeout: float,
         indent: int | None, bar: bool, review_pages: review.Pages | None) -> batch.Summary:
    """The batch run of `extract`, with its progress display; its summary."""
    from . import batch, inputs
    from .workers import Workers, default_workers, workers_for

    requested = workers or default_workers()
    total = inputs.count_articles(found.files, limit=None if bar else requested * batch_size)
    with Workers(extractor, workers_for(requested, total, batch_size), indent=indent, timeout=timeout) as pool:
        # The progress display's thread starts after the workers are forked.
        progress = batch.progress_bar(_stderr) if bar else None
        with progress or nullcontext():
            task = progress.add_task("extracting", total=total, skipped=0) if progress else None
            advance = partial(progress.advance, task) if progress else None
            writer = batch.Writer(out, errs, on_failure=lambda failure: _error(f"{failure.name}: {failure.reason}"))

            def skipped(_: inputs.Article) -> None:
                writer.summary.skipped += 1
                if progress:
                    progress.update(task, advance=1, skipped=writer.summary.skipped)

            return batch.run(pool, batch.skip_done(articles, done, skipped), writer,
                             batch_size=batch_size, on_article=advance, pages=review_pages)


def _extractor(model: str, date_order: DateOrder) -> Extractor:
    """The process-wide default Extractor when the options are the defaults, else a new one."""
    from .api import Extractor, default_extractor

    return (default_extractor() if model == DEFAULT_MODEL and date_order is DateOrder.auto
            else Extractor(model, date_order=date_order.value))


@app.command(
    no_args_is_help=True,
    epilog=(
        "Examples:\n\n"
        "  extractor show corpus/d000.txt -o out/d000.html\n\n"
        "  extractor show saved/page.html -o out/page.html\n\n"
        "  extractor show corpus/d000.txt --record out/corpus.jsonl -o out/d000.html\n\n"
        "  extractor show news/17.txt --record out/records.jsonl --line 17 -o out/17.html\n\n"
        "Exit codes: 0 the page was written; 1 the article or the record cannot be read, or the "
        "record's evidence does not match the text; 2 a usage error, a model that cannot load, or "
        "an output that cannot be written."
    ),
)
def show(
    article: Annotated[str, typer.Argument(
        metavar="ARTICLE", show_default=False,
        help="The article: a text file, a saved page (.html, .htm; its article's text is shown), an "
             "http(s) URL, or - for stdin.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write the page to FILE (its folder is made) instead of stdout.")] = None,
    record: Annotated[Path | None, typer.Option(
        "--record", metavar="FILE", dir_okay=False,
        help="Show this record instead of extracting one: a .json file's record, or in JSON Lines "
             "(.jsonl, .ndjson) the one with the article's id, or --line N.")] = None,
    line: Annotated[int | None, typer.Option(
        "--line", min=1, metavar="N", help="With --record: the record on line N (from 1).")] = None,
    published: Annotated[date | None, typer.Option(
        parser=_published, metavar="YYYY-MM-DD",
        help="The publication date, the reference for dates without a year (when extracting).")] = None,
    model: Annotated[str, typer.Option(
        metavar="NAME", help="The spaCy pipeline to build on (when extracting).")] = DEFAULT_MODEL,
    date_order: Annotated[DateOrder, typer.Option(
        "--date-order", case_sensitive=False, metavar="ORDER",
        help="How to read numeric dates whose day and month could be either: DMY, MDY, YMD or auto "
             "(when extracting).")] = DateOrder.auto,
    encoding: Annotated[str | None, typer.Option(
        parser=_encoding, metavar="NAME", show_default=False,
        help="The article's encoding when it has no byte order mark (default UTF-8).")] = None,
) -> None:
    """Write a review page: the article's text with every fact of its record marked on it, and the
    record's tables beside it; one self-contained HTML file that opens from disk.

    The record is extracted from the article, or read with --record; a record whose evidence does
    not match the article's text is refused.
    """
    if line is not None and record is None:
        raise typer.BadParameter("needs --record FILE, the JSON Lines file to read", param_hint="'--line'")
    from . import inputs, pages, review
    from .records import Source, text_id

    try:
        name = inputs.STDIN_NAME if article == inputs.STDIN else article
        if pages.is_url(article) or pages.is_page_name(article):
            page = inputs.read_page(article, encoding)
            text = page.text
            source = inputs.page_source(page, published, keep_text=True,
                                        path=None if pages.is_url(article) else article)
        else:
            text = inputs.read_text(article, encoding)
            source = Source(path=None if article == inputs.STDIN else article, published=published)
        if record is None:
            shown = _extractor(model, date_order).extract(text, source=source)
        else:
            shown = review.read_record(record, text_id(text), line)
            if (mismatch := review.evidence_mismatch(shown, text)) is not None:
                raise InputError(name, f"the record ({record}{f', line {line}' if line else ''}) is not of "
                                       f"this text: {mismatch}")
        page = review.render_html(shown, text).encode("utf-8")
    except InputError as error:
        _error(str(error))
        raise typer.Exit(1) from None
    except ExtractorError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    _write_page(output, page)


def _write_page(output: Path | None, page: bytes) -> None:
    if output is None:
        sys.stdout.buffer.write(page)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(page)
    except OSError as error:
        _error(f"{output}: cannot write ({error.strerror or error})")
        raise typer.Exit(2) from None


@app.command(epilog="Example: extractor schema > schemas/record.schema.json")
def schema() -> None:
    """Print the JSON Schema of a record (the contract committed in schemas/record.schema.json)."""
    from .records import record_schema

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
    from .evaluate import evaluate_dir, render_details, render_table

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


def _error(message: str) -> None:
    """One line on stderr: `error: <input>: <what is wrong>`."""
    _stderr.print(f"[bold red]error[/]: {escape(message)}")

"""Batch runs: many articles in, one JSON line per record out, in input order, streamed.

Articles (`inputs.py`) go through the pipeline a batch at a time, in this process or in worker
processes (`workers.py`); each batch's lines are written whole and flushed before the next, so
memory stays flat and a killed run keeps every record it wrote. A bad article becomes an
`Outcome` with a reason instead of a record, and the run goes on. `cli.py` parses the options and
reports; everything else about a batch run is here.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.progress import TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from .api import Extractor
from .defaults import DEFAULT_BATCH_SIZE
from .errors import ExtractorError, InputError, OutputError
from .inputs import Article, Input, source_key
from .records import ArticleRecord, Source

if TYPE_CHECKING:
    from .review import Pages
    from .workers import Workers  # which runs `extract_batch` in its processes


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one article gave: its record as one line of JSON (newline included), or why none."""

    name: str
    line: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class Summary:
    records: int = 0
    failures: int = 0
    skipped: int = 0  # already in the output (--resume)
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary of a run: records, failures, seconds, and articles per second (the
        progress bar's figure) once any record was made."""
        skipped = f", {self.skipped} already in the output" if self.skipped else ""
        rate = f", {articles_per_second(self.records + self.failures, self.seconds)}" if self.records else ""
        return f"{self.records} records, {self.failures} failed{skipped}, {self.seconds:.1f} s{rate}"


def articles_per_second(articles: float, seconds: float | None) -> str:
    return f"{articles / seconds:.1f} articles/s" if seconds else ""


# --- extracting ----------------------------------------------------------------------------------

def extract_batch(extractor: Extractor, batch: Iterable[Article], indent: int | None = None,
                  on_article: Callable[[], None] | None = None) -> list[Outcome]:
    """The outcomes of one batch, in order; `on_article` hears of each as it is made.

    The batch goes through `extract_many`, which runs the articles again one at a time when a stage
    fails, so only the article it fails on gives no record.
    """
    batch = list(batch)
    todo = [article for article in batch if article.reason is None]
    results = extractor.extract_many(((a.text, a.source) for a in todo), batch_size=max(len(todo), 1),
                                     errors="return")
    outcomes = []
    for article in batch:
        if article.reason is not None:
            outcomes.append(Outcome(article.name, reason=article.reason))
        else:
            result = next(results)
            outcomes.append(Outcome(article.name, reason=result.reason) if isinstance(result, ExtractorError)
                            else record_outcome(article.name, result, indent))
        if on_article is not None:
            on_article()
    return outcomes


def record_outcome(name: str, record: ArticleRecord, indent: int | None = None) -> Outcome:
    """The record as its JSON line, once the line is read back as a valid record: a record that
    does not hold to the schema is this article's error, never a line an archive cannot read."""
    try:
        line = record.model_dump_json(indent=indent)
        ArticleRecord.model_validate_json(line)
    except ValueError as error:  # pydantic's validation and serialization errors
        what = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
        return Outcome(name, reason=f"the record does not hold to its schema: {what}")
    return Outcome(name, line=line + "\n")


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """`articles` in lists of `size` (the last one shorter); itertools.batched once Python 3.12 is the floor."""
    articles = iter(articles)
    while batch := list(islice(articles, size)):
        yield batch


# --- resuming ------------------------------------------------------------------------------------

def resume_keys(path: Path) -> Counter[tuple[str, str | None]]:
    """The keys (see `Article.key`) of the records in the JSON Lines file `path`, counted.

    A last line without its newline is what a killed run was writing: the file is cut back to the
    end of its last whole line. A missing file holds nothing. A whole line that is not a record
    raises InputError: the file is not this command's output.
    """
    keys: Counter[tuple[str, str | None]] = Counter()
    if not path.exists():
        return keys
    with path.open("r+b") as stream:
        end = 0
        for number, line in enumerate(stream, 1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                keys[record["id"], source_key(Source.model_validate(record["source"]))] += 1
            except (ValueError, TypeError, KeyError):
                raise InputError(str(path), f"line {number} is not a record: cannot resume into this file") from None
            end += len(line)
        stream.truncate(end)
    return keys


def skip_done(articles: Iterable[Article], done: Counter[tuple[str, str | None]],
              on_skip: Callable[[Article], None]) -> Iterator[Article]:
    """The articles whose record is not in `done` yet; each record skips one article (duplicates kept)."""
    for article in articles:
        if article.reason is None and done[key := article.key()] > 0:
            done[key] -= 1
            on_skip(article)
        else:
            yield article


# --- writing -------------------------------------------------------------------------------------

class Sink(Protocol):
    name: str

    def write(self, data: bytes) -> None: ...


class Output:
    """A file a run writes: locked against other runs, and written in whole batches.

    Opening neither truncates nor follows another run: the lock comes first, so a second run into
    the same file (or a second --resume) fails at once instead of interleaving lines. A write that
    fails (a full disk) cuts the file back to its last whole batch and raises OutputError: the
    records written before are kept, and --resume can continue.
    """

    def __init__(self, path: Path, *, append: bool = False):
        self.name = str(path)
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as error:
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise OutputError(f"{path}: another run is writing it (the file is locked); wait for that run "
                              "to end, or write elsewhere") from None
        except OSError:
            pass  # a file system without locks: written unlocked
        self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        if self._regular and not append:
            os.ftruncate(self._fd, 0)

    def write(self, data: bytes) -> None:
        whole = os.fstat(self._fd).st_size if self._regular else 0
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view):]
        except OSError as error:
            if self._regular:
                os.ftruncate(self._fd, whole)
            raise OutputError(f"{self.name}: cannot write ({error.strerror or error}); the records written "
                              "before are kept") from None

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class StdoutSink:
    """Standard output as a run's output (a write error there is an OutputError too)."""

    name = "<stdout>"

    def write(self, data: bytes) -> None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as error:
            # Nothing more can be written; stop the interpreter from trying again at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise OutputError(f"{self.name}: cannot write ({error.strerror or error})") from None


def refuse_inputs(outputs: Iterable[Path | None], inputs: Iterable[Input]) -> None:
    """Raises OutputError when an output file is one of the inputs, or is given twice: writing it
    would destroy what the run reads, or mix records with errors."""
    seen: list[Path] = []
    for output in filter(None, outputs):
        if not output.exists():
            continue
        for other in seen:
            if os.path.samefile(output, other):
                raise OutputError(f"{output}: named as both --output and --errors; give each its own file")
        for item in inputs:
            if item.reason is None and os.path.exists(item.name) and os.path.samefile(output, item.name):
                raise OutputError(f"{output}: it is also an input; writing it would destroy what the run "
                                  "reads, so write the records elsewhere")
        seen.append(output)


class Writer:
    """Writes each batch's records whole, and sends its failures to the errors file (JSON Lines of
    {"input", "reason"}) or, without one, to `on_failure`.
    """

    def __init__(self, output: Sink, errors: Sink | None = None,
                 on_failure: Callable[[Outcome], None] | None = None):
        self.output = output
        self.errors = errors
        self.on_failure = on_failure
        self.summary = Summary()

    def write(self, outcomes: list[Outcome]) -> None:
        records = [o.line for o in outcomes if o.line is not None]
        failures = [o for o in outcomes if o.line is None]
        # One write of whole lines: a kill loses the batch in flight, never half a line.
        self.output.write("".join(records).encode("utf-8"))
        self.summary.records += len(records)
        if self.errors is not None and failures:
            self.errors.write("".join(error_line(o) for o in failures).encode("utf-8"))
        elif self.on_failure is not None:
            for failure in failures:
                self.on_failure(failure)
        self.summary.failures += len(failures)


def error_line(outcome: Outcome) -> str:
    return json.dumps({"input": outcome.name, "reason": outcome.reason}, ensure_ascii=False) + "\n"


def run(workers: Workers, articles: Iterable[Article], writer: Writer, *, batch_size: int = DEFAULT_BATCH_SIZE,
        on_article: Callable[[int], None] | None = None, pages: Pages | None = None) -> Summary:
    """Extracts `articles` with `workers` (already started), writing as batches finish; the summary.

    `on_article` hears of each article as a worker finishes it (a progress display's advance).
    `pages` gets each batch's review pages once its records are written, made here from the
    records' lines and the texts this process read: workers send back lines, not texts.
    """
    started = time.perf_counter()
    in_flight: deque[list[Article]] = deque()  # batches handed out, their outcomes not back yet

    def handed_out() -> Iterator[list[Article]]:
        for batch in batches(articles, batch_size):
            in_flight.append(batch)
            yield batch

    # Workers.map gives each batch's outcomes back in the order the batches were taken.
    for outcomes in workers.map(handed_out(), on_article):
        writer.write(outcomes)
        articles_done = in_flight.popleft()
        if pages is not None:
            pages.add_batch(articles_done, outcomes)
    writer.summary.seconds = time.perf_counter() - started
    return writer.summary


# --- showing progress ----------------------------------------------------------------------------

class _Rate(ProgressColumn):
    """Articles extracted per second since the start, as the summary line counts them: articles
    skipped by --resume (the task's `skipped` field) are no work."""

    def render(self, task: Task) -> Text:
        rate = articles_per_second(task.completed - task.fields.get("skipped", 0), task.elapsed)
        return Text(rate, style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """A progress display on `console`: articles done (of its task's total), articles/s, elapsed, ETA."""
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    _Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=console, transient=False)

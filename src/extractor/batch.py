"""Batch runs: many articles in, one JSON line per record out, in input order, streamed.

Inputs are read lazily and go through the pipeline a batch at a time, in this process or in a
pool of worker processes; each batch's lines are written whole and flushed before the next, so
memory stays flat and a killed run keeps every record it wrote. A bad article becomes an
`Outcome` with a reason instead of a record, and the run goes on. `cli.py` parses the options and
reports; everything else about a batch run is here.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.progress import TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from .api import Extractor, check_text, parse_published
from .errors import InputError
from .records import Source, text_id

STDIN = "-"
STDIN_NAME = "<stdin>"

# Longer texts are refused rather than extracted: the parser's memory grows with a text's length,
# and a news article is a few thousand characters. `--max-chars` changes it.
MAX_CHARS = 100_000
DEFAULT_BATCH_SIZE = 32

# Batches handed to the pool ahead of the one being written, per worker: enough to keep every
# worker busy while the main process writes, few enough that memory does not grow with the input.
READ_AHEAD = 2


@dataclass(frozen=True, slots=True)
class Article:
    """One input: its text and source, or the reason it gives no record.

    `name` says which input it is in messages and in the errors file: the path as given,
    '<stdin>', the `id` of a JSON Lines article, or '<file>:<line>' for a line without one.
    """

    name: str
    text: str | None = None
    source: Source | None = None
    reason: str | None = None

    def key(self) -> tuple[str, str | None]:
        """What `--resume` matches a written record by: the text's record id and the input's name."""
        return text_id(self.text or ""), _source_name(self.source)


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
        """The one-line summary of a run: records, failures, seconds, articles per second."""
        done = self.records + self.failures
        rate = done / self.seconds if self.seconds > 0 else 0.0
        skipped = f", {self.skipped} already in the output" if self.skipped else ""
        return (f"{self.records} records, {self.failures} failed{skipped}, "
                f"{self.seconds:.1f} s, {rate:.1f} articles/s")


class JsonlArticle(BaseModel):
    """One line of a JSON Lines input; other keys are ignored (archives carry more than articles)."""

    model_config = ConfigDict(extra="ignore")

    id: str | int
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _iso_day(cls, value: object) -> date | None:
        # The same rule as --published: 'YYYY-MM-DD' only.
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("expected 'YYYY-MM-DD'")
        try:
            return parse_published(value, "published")
        except InputError as error:
            raise ValueError(error.reason) from None


# --- reading -------------------------------------------------------------------------------------

def read_articles(paths: Iterable[str], *, jsonl: bool = False, recursive: bool = False,
                  published: date | None = None, max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """The articles of the inputs, lazily, in order: files, folders' *.txt files, '-' for stdin,
    and JSON Lines (`jsonl`, or a '.jsonl' file) of {"id", "text", "published"?, "url"?, "title"?}.

    `published` is the reference date of every article whose own line gives none.
    """
    for name in paths:
        if _is_jsonl(name, jsonl):
            yield from _read_jsonl(name, published, max_chars)
            continue
        for file in _files(name, recursive):
            try:
                text = read_text(file)
            except InputError as error:
                yield Article(file, reason=error.reason)
                continue
            source = Source(path=None if file == STDIN else file, published=published)
            yield _checked(Article(STDIN_NAME if file == STDIN else file, text, source), max_chars)


def count_articles(paths: Iterable[str], *, jsonl: bool = False, recursive: bool = False,
                   limit: int | None = None) -> int | None:
    """How many articles `read_articles` gives (up to `limit`), without reading them; None for stdin."""
    paths = list(paths)
    if STDIN in paths:
        return None

    def units() -> Iterator[None]:
        for name in paths:
            if _is_jsonl(name, jsonl):
                try:
                    with open(name, "rb") as lines:
                        yield from (None for line in lines if line.strip())
                except OSError:
                    yield None  # reported as one failure when read
            else:
                yield from (None for _ in _files(name, recursive))

    return sum(1 for _ in islice(units(), limit))


def _is_jsonl(name: str, jsonl: bool) -> bool:
    return jsonl or name.lower().endswith(".jsonl")


def _files(name: str, recursive: bool) -> list[str]:
    """The text inputs a PATH stands for: itself, or a folder's *.txt files sorted (its subfolders'
    too when `recursive`). A folder without them stays, so reading it reports it like a missing file.
    """
    folder = Path(name)
    if name == STDIN or not folder.is_dir():
        return [name]
    found = folder.rglob("*.txt") if recursive else folder.glob("*.txt")
    return [str(f) for f in sorted(p for p in found if p.is_file())] or [name]


def read_text(name: str) -> str:
    """The text of one input: raw bytes (no newline translation, so offsets match the file), decoded."""
    if name == STDIN:
        return decode(STDIN_NAME, sys.stdin.buffer.read())
    path = Path(name)
    if path.is_dir():
        raise InputError(name, "a folder without *.txt files")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None
    return decode(name, data)


def decode(name: str, data: bytes) -> str:
    """`data` as strict UTF-8 text (a leading BOM dropped); NUL bytes mean binary content."""
    if (nul := data.find(b"\0")) >= 0:
        raise InputError(name, f"binary content, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    return text.removeprefix("\ufeff")


def _read_jsonl(name: str, published: date | None, max_chars: int) -> Iterator[Article]:
    """The articles of a JSON Lines file (or stdin), one a line; blank lines are skipped."""
    try:
        lines = nullcontext(sys.stdin.buffer) if name == STDIN else open(name, "rb")
    except FileNotFoundError:
        yield Article(name, reason="no such file or folder")
        return
    except OSError as error:
        yield Article(name, reason=f"cannot read ({error.strerror or error})")
        return
    where = STDIN_NAME if name == STDIN else name
    with lines as stream:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield parse_jsonl_line(line, f"{where}:{number}", published, max_chars)


def parse_jsonl_line(line: bytes | str, where: str, published: date | None = None,
                     max_chars: int = MAX_CHARS) -> Article:
    """One JSON Lines article; `where` ('<file>:<line>') names it until its own id is known."""
    try:
        data = json.loads(decode(where, line) if isinstance(line, bytes) else line)
    except InputError as error:
        return Article(where, reason=error.reason)
    except ValueError as error:
        return Article(where, reason=f"not JSON ({error})")
    if not isinstance(data, dict):
        return Article(where, reason=f"not a JSON Lines article: a JSON {type(data).__name__}, not an object")
    if isinstance(data.get("id"), str | int):
        where = str(data["id"])
    try:
        article = JsonlArticle.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        what = first["msg"].removeprefix("Value error, ")
        return Article(where, reason=f"not a JSON Lines article: {field + ': ' if field else ''}{what}")
    source = Source(id=str(article.id), url=article.url, title=article.title,
                    published=article.published or published)
    return _checked(Article(str(article.id), article.text, source), max_chars)


def _checked(article: Article, max_chars: int) -> Article:
    """The article, or the reason no record can come from its text: empty, or over `max_chars`."""
    try:
        check_text(article.text, article.name)
    except InputError as error:
        return Article(article.name, reason=error.reason)
    if len(article.text) > max_chars:
        return Article(article.name, reason=f"too long: {len(article.text)} characters, over the limit of "
                                            f"{max_chars} (--max-chars)")
    return article


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
                keys[record["id"], _source_name(Source.model_validate(record["source"]))] += 1
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


def _source_name(source: Source | None) -> str | None:
    return source and (source.id or source.path)


# --- extracting ----------------------------------------------------------------------------------

def extract_batch(extractor: Extractor, batch: Iterable[Article], indent: int | None = None) -> list[Outcome]:
    """The outcomes of one batch, in order.

    The batch goes through `extract_many`; when something raises, the articles still without a
    record are extracted one at a time, so only the article that raises fails.
    """
    batch = list(batch)
    todo = [article for article in batch if article.reason is None]
    done: list[Outcome] = []
    try:
        records = extractor.extract_many(((a.text, a.source) for a in todo), batch_size=max(len(todo), 1))
        for article, record in zip(todo, records):
            done.append(Outcome(article.name, line=record.model_dump_json(indent=indent) + "\n"))
    except Exception:  # noqa: BLE001  (which article raised is unknown: a model stage fails a whole batch)
        done += [_extract_one(extractor, article, indent) for article in todo[len(done):]]
    extracted = iter(done)
    return [next(extracted) if article.reason is None else Outcome(article.name, reason=article.reason)
            for article in batch]


def _extract_one(extractor: Extractor, article: Article, indent: int | None) -> Outcome:
    try:
        record = extractor.extract(article.text, source=article.source)
    except Exception as error:  # noqa: BLE001  (reported in the errors file: one article never ends a run)
        return Outcome(article.name, reason=f"extraction failed: {type(error).__name__}: {error}")
    return Outcome(article.name, line=record.model_dump_json(indent=indent) + "\n")


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(requested: int, total: int | None, batch_size: int) -> int:
    """Worker processes worth starting: no more than there are batches (one batch runs in this process)."""
    if total is None:
        return requested
    return max(1, min(requested, -(-total // batch_size)))


class Workers:
    """Runs batches in `n` worker processes, each holding the pipeline, or, for n = 1, in this one.

    On Linux the workers are forked from this process, so they share its loaded pipeline instead of
    loading their own; elsewhere each loads it once. Start them (enter the context) before any
    thread of the caller's, such as a progress display: fork copies only the calling thread.
    """

    def __init__(self, extractor: Extractor, n: int, *, indent: int | None = None):
        self.extractor = extractor
        self.n = n
        self.indent = indent
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        if self.n > 1:
            global _extractor
            _extractor = self.extractor  # what forked workers inherit
            start = "fork" if sys.platform == "linux" else None
            self._pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context(start),
                                             initializer=_start_worker, initargs=(self.extractor.model, os.getpid()))
            self._pool.submit(os.getpid).result()  # starts the processes now
        return self

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def map(self, batches: Iterable[Iterable[Article]]) -> Iterator[list[Outcome]]:
        """The outcomes of each batch, in order; at most READ_AHEAD batches a worker are in flight."""
        if self._pool is None:
            for batch in batches:
                yield extract_batch(self.extractor, batch, self.indent)
            return
        task = partial(_extract_in_worker, indent=self.indent)
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(self._pool.submit(task, list(batch)))
            if len(pending) >= READ_AHEAD * self.n:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# In a worker process: the pipeline, inherited from the parent on fork, else loaded once.
_extractor: Extractor | None = None


def _start_worker(model: str, parent: int) -> None:
    global _extractor
    if _extractor is None or _extractor.model != model:
        _extractor = Extractor(model)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """Ends a worker whose run was killed: its task queue never closes (its siblings hold it open too)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _extract_in_worker(batch: list[Article], indent: int | None) -> list[Outcome]:
    assert _extractor is not None, "a worker runs _start_worker first"
    return extract_batch(_extractor, batch, indent)


# --- writing -------------------------------------------------------------------------------------

class Writer:
    """Writes each batch's records whole and flushed, and sends its failures to the errors file
    (JSON Lines of {"input", "reason"}) or, without one, to `on_failure`.
    """

    def __init__(self, output: BinaryIO, errors: BinaryIO | None = None,
                 on_failure: Callable[[Outcome], None] | None = None):
        self.output = output
        self.errors = errors
        self.on_failure = on_failure
        self.summary = Summary()

    def write(self, outcomes: list[Outcome]) -> None:
        records = [o.line for o in outcomes if o.line is not None]
        failures = [o for o in outcomes if o.line is None]
        # One write of whole lines, then flush: a kill loses the batch in flight, never half a line.
        self.output.write("".join(records).encode("utf-8"))
        self.output.flush()
        if self.errors is not None and failures:
            self.errors.write("".join(error_line(o) for o in failures).encode("utf-8"))
            self.errors.flush()
        elif self.on_failure is not None:
            for failure in failures:
                self.on_failure(failure)
        self.summary.records += len(records)
        self.summary.failures += len(failures)


def error_line(outcome: Outcome) -> str:
    return json.dumps({"input": outcome.name, "reason": outcome.reason}, ensure_ascii=False) + "\n"


def run(workers: Workers, articles: Iterable[Article], writer: Writer, *, batch_size: int = DEFAULT_BATCH_SIZE,
        on_batch: Callable[[int], None] | None = None) -> Summary:
    """Extracts `articles` with `workers` (already started), writing as batches finish; the summary.

    `on_batch` hears how many articles each written batch held (a progress display's advance).
    """
    started = time.perf_counter()
    for outcomes in workers.map(batches(articles, batch_size)):
        writer.write(outcomes)
        if on_batch is not None:
            on_batch(len(outcomes))
    writer.summary.seconds = time.perf_counter() - started
    return writer.summary


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """`articles` in lists of `size` (the last one shorter); itertools.batched once Python 3.12 is the floor."""
    articles = iter(articles)
    while batch := list(islice(articles, size)):
        yield batch


# --- showing progress ----------------------------------------------------------------------------

class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """A progress display on `console`: articles done (of its task's total), articles/s, elapsed, ETA."""
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    _Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=console, transient=False)

"""Worker processes for batch runs, with a time budget per article.

A rule that runs away on one strange text must not hold up an archive: a batch that runs over the
budget has its worker killed and replaced, and its articles run again one at a time, each with
the whole budget, so only the article over it fails. A worker that dies (killed, out of memory)
is handled the same way. Batches come back in input order, with at most READ_AHEAD of them a
worker read ahead, so memory stays flat however long the input.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from .api import Extractor
from .batch import Outcome, extract_batch
from .inputs import Article

# Batches handed out ahead of the one being written, per worker: enough to keep every worker busy
# while the main process writes, few enough that memory does not grow with the input.
READ_AHEAD = 2

# A worker's message for each article it finishes (progress); a batch's outcomes end its job.
_TICK = None
# The message that ends a worker (the other way along the pipe from _TICK).
_STOP = None

Progress = Callable[[int], None]


@dataclass(slots=True)
class _Job:
    """A batch to run: whole (`part` None), or one article of a batch split after a failure."""

    seq: int
    articles: list[Article]
    part: int | None = None


class _Worker:
    """One worker process holding the pipeline, and the pipe it takes jobs and gives outcomes on."""

    def __init__(self, context, options: dict[str, str], indent: int | None):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, options, os.getpid(), indent),
                                       daemon=True)
        self.process.start()
        theirs.close()
        self.job: _Job | None = None
        self.started = 0.0
        self.ticks = 0

    def give(self, job: _Job) -> None:
        self.conn.send(job.articles)
        self.job, self.started, self.ticks = job, time.monotonic(), 0

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        """Ends an idle worker. (Closing the pipe would not: forked siblings hold copies of its end.)"""
        try:
            self.conn.send(_STOP)
        except OSError:
            pass  # already gone
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.conn.close()


class Workers:
    """Runs batches in `n` worker processes, each holding the pipeline, or in this one when n = 1
    and there is no `timeout` (seconds an article may take; None for no limit).

    On Linux the workers are forked from this process, so they share its loaded pipeline instead of
    loading their own; elsewhere each loads it once. Start them (enter the context) before any
    thread of the caller's, such as a progress display: fork copies only the calling thread.
    """

    def __init__(self, extractor: Extractor, n: int, *, indent: int | None = None, timeout: float | None = None):
        self.extractor = extractor
        self.n = n
        self.indent = indent
        self.timeout = timeout or None
        self._context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        self._workers: list[_Worker] = []

    def __enter__(self) -> Workers:
        if self.n > 1 or self.timeout:
            global _extractor
            _extractor = self.extractor  # what forked workers inherit
            self._workers = [self._start() for _ in range(self.n)]
        return self

    def __exit__(self, *exc_info) -> None:
        for worker in self._workers:
            if exc_info[0] is None:
                worker.stop()
            else:  # interrupted: its job's outcome would never be written
                worker.kill()
        self._workers = []

    def _start(self) -> _Worker:
        return _Worker(self._context, self.extractor.options, self.indent)

    def _respawn(self, worker: _Worker) -> _Worker:
        """Kills `worker` and starts another in its place."""
        worker.kill()
        fresh = self._workers[self._workers.index(worker)] = self._start()
        return fresh

    def map(self, batches: Iterable[Iterable[Article]], on_article: Progress | None = None) -> Iterator[list[Outcome]]:
        """The outcomes of each batch, in order. `on_article` hears of each article done as it is
        done (with a negative count when a batch's articles are run again)."""
        tick = on_article or (lambda _: None)
        if not self._workers:
            for articles in batches:
                yield extract_batch(self.extractor, articles, self.indent, on_article=lambda: tick(1))
            return
        yield from _Schedule(self, batches, tick).run()


class _Schedule:
    """One `Workers.map` over processes: hands out jobs, watches the clock, puts outcomes in order."""

    def __init__(self, workers: Workers, batches: Iterable[Iterable[Article]], tick: Progress):
        self.workers = workers
        self.batches = enumerate(batches)
        self.tick = tick
        self.retries: deque[_Job] = deque()  # articles of split batches: run before new batches
        self.split: dict[int, list[Outcome | None]] = {}  # a split batch's outcomes, None until back
        self.done: dict[int, list[Outcome]] = {}
        self.read = 0  # batches taken from the input
        self.written = 0  # batches given back, in order
        self.exhausted = False

    def run(self) -> Iterator[list[Outcome]]:
        while True:
            self._hand_out()
            busy = [w for w in self.workers._workers if w.job is not None]
            if not busy:
                break
            for conn in wait([w.conn for w in busy], timeout=self._until_first_deadline(busy)):
                self._receive(next(w for w in busy if w.conn is conn))
            self._stop_overdue(busy)
            while self.written in self.done:
                yield self.done.pop(self.written)
                self.written += 1

    def _hand_out(self) -> None:
        for worker in list(self.workers._workers):
            if worker.job is None and (job := self._next_job()):
                try:
                    worker.give(job)
                except OSError:  # it died while idle: a new one takes the job
                    self.workers._respawn(worker).give(job)

    def _next_job(self) -> _Job | None:
        if self.retries:
            return self.retries.popleft()
        if self.exhausted or self.read - self.written >= READ_AHEAD * self.workers.n:
            return None
        try:
            seq, articles = next(self.batches)
        except StopIteration:
            self.exhausted = True
            return None
        self.read += 1
        return _Job(seq, list(articles))

    def _until_first_deadline(self, busy: list[_Worker]) -> float | None:
        if self.workers.timeout is None:
            return None
        first = min(w.started for w in busy) + self.workers.timeout
        return max(0.0, first - time.monotonic())

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker, "its worker process died (killed, or out of memory)")
            return
        if message is _TICK:
            worker.ticks += 1
            self.tick(1)
            return
        job, worker.job = worker.job, None
        self._settle(job, message)

    def _stop_overdue(self, busy: list[_Worker]) -> None:
        if self.workers.timeout is None:
            return
        now = time.monotonic()
        for worker in busy:
            if worker.job is not None and now - worker.started > self.workers.timeout:
                self._replace(worker, f"timed out: over {self.workers.timeout:g} s (--timeout); its worker "
                                      "was stopped")

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Kills `worker` and starts another in its place; its job's articles run again alone, and
        an article that was already alone fails with `reason`."""
        job, worker.job = worker.job, None
        self.workers._respawn(worker)
        self.tick(-worker.ticks)
        if job.part is None and len(job.articles) > 1:
            self.split[job.seq] = [None] * len(job.articles)
            self.retries.extendleft(_Job(job.seq, [a], i) for i, a in reversed(list(enumerate(job.articles))))
        else:
            self.tick(1)
            self._settle(job, [Outcome(job.articles[0].name, reason=reason)])

    def _settle(self, job: _Job, outcomes: list[Outcome]) -> None:
        if job.part is None:
            self.done[job.seq] = outcomes
            return
        parts = self.split[job.seq]
        parts[job.part] = outcomes[0]
        if all(part is not None for part in parts):
            self.done[job.seq] = self.split.pop(job.seq)


# In a worker process: the pipeline, inherited from the parent on fork, else loaded once.
_extractor: Extractor | None = None


def _serve(conn: Connection, options: dict[str, str], parent: int, indent: int | None) -> None:
    """A worker's life: runs the batches it is sent until its pipe closes."""
    global _extractor
    if _extractor is None or _extractor.options != options:
        _extractor = Extractor(**options)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    while (articles := conn.recv()) is not _STOP:
        conn.send(extract_batch(_extractor, articles, indent, on_article=lambda: conn.send(_TICK)))


def _exit_with_parent(parent: int) -> None:
    """Ends a worker whose run was killed: nothing else would tell it."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def workers_for(requested: int, total: int | None, batch_size: int) -> int:
    """Worker processes worth starting: no more than there are batches."""
    if total is None:
        return requested
    return max(1, min(requested, -(-total // batch_size)))


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

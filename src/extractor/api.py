"""The library API: `Extractor` holds one loaded pipeline; `extract` uses a shared default one."""

from __future__ import annotations

import functools
import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from pydantic import ValidationError
from spacy.tokens import Doc

from .defaults import DATE_ORDERS, DEFAULT_MODEL
from .errors import ExtractionError, ExtractorError, InputError
from .extensions import TEXT_CACHE
from .pipeline import build_pipeline
from .records import ArticleRecord, Source, doc_to_record

Item = str | tuple[str, Source | None]

# What `extract_many` does with an item that gives no record (see its docstring).
OnError = Literal["raise", "skip", "return"]

log = logging.getLogger("extractor")


class Extractor:
    """Extracts records with one spaCy pipeline, loaded once when the Extractor is made.

    >>> Extractor().extract("Mr. Tran Van Nam, Chairman of the Provincial People's Committee, spoke.")
    """

    def __init__(self, model: str = DEFAULT_MODEL, *, date_order: str = "auto"):
        """`date_order` reads numeric dates whose day and month could be either ('05/03/2024'):
        'DMY', 'MDY' or 'YMD' when the outlet's order is known, 'auto' to let each text's
        unambiguous numeric dates decide (day first when none does)."""
        if date_order not in DATE_ORDERS:
            raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
        self.model, self.date_order = model, date_order
        self.nlp = build_pipeline(model, config={"extractor_dates": {"date_order": date_order}})

    @property
    def options(self) -> dict[str, str]:
        """What the Extractor was made with: `Extractor(**options)` makes the same one."""
        return {"model": self.model, "date_order": self.date_order}

    def extract(self, text: str, *, published: date | str | None = None,
                source: Source | dict | None = None) -> ArticleRecord:
        """One article's record. `published` (a date, or 'YYYY-MM-DD' optionally with a time) is the
        reference date for dates."""
        source = _source(source, published)
        self._check(text, source_name(source))
        return doc_to_record(self.nlp(self._doc(text, source)), source)

    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32,
                     errors: OnError = "raise") -> Iterator[ArticleRecord | ExtractorError]:
        """Records for many articles, in input order, streamed through `nlp.pipe`.

        Each item is a text or a `(text, source)` pair. An item that gives no record (an InputError,
        or an ExtractionError when a stage fails on it) takes its place in the stream, after the
        records of every item before it, as `errors` says: "raise" raises it, which ends the stream;
        "skip" logs it as a warning and goes on; "return" yields the error itself and goes on.
        A stage that fails fails a whole batch in spaCy, so its items are extracted again one at a
        time: only the item that fails is lost.
        """
        if errors not in ("raise", "skip", "return"):
            raise ValueError(f"errors must be 'raise', 'skip' or 'return', not {errors!r}")
        for outcome in self._outcomes(items, batch_size):
            if isinstance(outcome, ArticleRecord) or errors == "return":
                yield outcome
            elif errors == "raise":
                raise outcome
            else:
                log.warning("skipped %s", outcome)

    def _outcomes(self, items: Iterable[Item], batch_size: int) -> Iterator[ArticleRecord | ExtractorError]:
        """A record or an error for each item, in order."""
        items = iter(items)
        in_pipe: deque[_Prepared] = deque()  # handed to nlp.pipe, its record not out yet
        caller_failed: list[Exception] = []  # what the caller's own iterable raised

        def feed() -> Iterator[tuple[Doc, _Prepared]]:
            while True:
                try:
                    item = self._prepare(next(items))
                except StopIteration:
                    return
                except Exception as error:
                    caller_failed.append(error)
                    raise
                in_pipe.append(item)
                # An item that failed its checks rides through as an empty doc, to keep its place.
                yield self._doc(item.text, item.source), item

        while True:
            try:
                for doc, item in self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
                    in_pipe.popleft()
                    yield item.error or _record(doc, item)
                return
            except Exception:  # noqa: BLE001  (a stage failed on some item of the batch in flight)
                while in_pipe:
                    yield self._alone(in_pipe.popleft())
                if caller_failed:
                    raise caller_failed[0] from None

    def _alone(self, item: _Prepared) -> ArticleRecord | ExtractorError:
        if item.error is not None:
            return item.error
        try:
            doc = self.nlp(self._doc(item.text, item.source))
        except Exception as error:  # noqa: BLE001  (reported as this item's error, the stream goes on)
            return _failed(item, error)
        return _record(doc, item)

    def _prepare(self, item: Item) -> _Prepared:
        text, source = item if isinstance(item, tuple) and len(item) == 2 else (item, None)
        try:
            source = _source(source, None)
            self._check(text, source_name(source))
        except InputError as error:
            return _Prepared("", None, error)
        return _Prepared(text, source)

    def _check(self, text: str, name: str) -> None:
        """`check_text`, and a length the pipeline takes (spaCy refuses longer texts)."""
        check_text(text, name)
        if len(text) > self.nlp.max_length:
            raise InputError(name, f"too long: {len(text)} characters, over the pipeline's limit of "
                                   f"{self.nlp.max_length} (nlp.max_length)")

    def _doc(self, text: str, source: Source | None) -> Doc:
        """The tokenized text with what the components read besides it: the reference date."""
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_CACHE] = text  # the tokens' texts joined give it back: no need to join them
        doc._.published = source.published.isoformat() if source and source.published else None
        return doc


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An item of `extract_many`, checked: its text and source, or the error it gives instead."""

    text: str
    source: Source | None
    error: InputError | None = None


def _record(doc: Doc, item: _Prepared) -> ArticleRecord | ExtractionError:
    try:
        return doc_to_record(doc, item.source)
    except Exception as error:  # noqa: BLE001  (a stage left something the record's contract refuses)
        return _failed(item, error)


def _failed(item: _Prepared, error: Exception) -> ExtractionError:
    failure = ExtractionError(source_name(item.source), f"extraction failed: {type(error).__name__}: {error}")
    failure.__cause__ = error
    return failure


@functools.cache
def default_extractor() -> Extractor:
    """The process-wide Extractor for the default model, loaded on first use."""
    return Extractor()


def extract(text: str, *, published: date | str | None = None, source: Source | dict | None = None) -> ArticleRecord:
    """Extract one article's record with the default pipeline (loaded once per process)."""
    return default_extractor().extract(text, published=published, source=source)


def source_name(source: Source | None) -> str:
    """How messages name an input: its path, its JSON Lines id, or '<text>'."""
    return (source and (source.path or source.id)) or "<text>"


def _source(source: Source | dict | None, published: date | str | None) -> Source:
    """The record's source, with `published` as its reference date."""
    try:
        source = Source.model_validate(source or {})
    except ValidationError as error:
        raise InputError("<source>", f"not a valid source: {error.errors()[0]['msg']}") from None
    if published is not None:
        source = source.model_copy(update={"published": parse_published(published, source_name(source))})
    return source


# The day in ISO 8601's extended form; the basic '20240731' reads too easily as a number.
_EXTENDED_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d-])")


def parse_published(value: date | str, name: str) -> date:
    """A reference date: a date (a datetime counts by its day), 'YYYY-MM-DD' of a year 1-9999, or
    an ISO 8601 timestamp such as '2024-07-31T10:00:00Z', whose day is kept as written (no time
    zone is applied: the outlet's day is the article's)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _EXTENDED_DAY.match(value := value.strip()):
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise InputError(name, f"published date {value!r} is not a date in the form YYYY-MM-DD "
                           "(or an ISO 8601 timestamp)")


def check_text(text: str, name: str) -> None:
    """Refuse what no record can come from: a non-string, a text that is empty or only white space,
    or one that cannot be written as UTF-8 (a lone surrogate, as an escaped JSON string can hold)."""
    if not isinstance(text, str):
        raise InputError(name, f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError(name, "the text is empty or only whitespace")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(name, f"not valid Unicode text: a lone surrogate U+{ord(text[error.start]):04X} "
                               f"at character {error.start}") from None

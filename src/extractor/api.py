"""The library API: `Extractor` holds one loaded pipeline; `extract` uses a shared default one."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from pydantic import ValidationError
from spacy.tokens import Doc

from .errors import InputError
from .pipeline import DEFAULT_MODEL, build_pipeline
from .records import ArticleRecord, Source, doc_to_record

Item = str | tuple[str, Source | None]


class Extractor:
    """Extracts records with one spaCy pipeline, loaded once when the Extractor is made.

    >>> Extractor().extract("Mr. Tran Van Nam, Chairman of the Provincial People's Committee, spoke.")
    """

    def __init__(self, model: str = DEFAULT_MODEL):
        self.model = model
        self.nlp = build_pipeline(model)

    def extract(self, text: str, *, published: date | str | None = None,
                source: Source | dict | None = None) -> ArticleRecord:
        """One article's record. `published` (a date or 'YYYY-MM-DD') is the reference date for dates."""
        source = _source(source, published)
        check_text(text, source.path or "<text>")
        return doc_to_record(self.nlp(self._doc(text, source)), source)

    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32) -> Iterator[ArticleRecord]:
        """Records for many articles, in input order, streamed through `nlp.pipe`.

        Each item is a text or a `(text, source)` pair. A bad item raises InputError in its place
        in the stream, after the records of every item before it (none is lost to batching).
        """

        def checked():
            for item in items:
                text, source = item if isinstance(item, tuple) else (item, None)
                try:
                    source = _source(source, None)
                    check_text(text, source.path or "<text>")
                except InputError as error:
                    yield self._doc("", None), (None, error)  # carried through the batch to its place
                else:
                    yield self._doc(text, source), (source, None)

        for doc, (source, error) in self.nlp.pipe(checked(), as_tuples=True, batch_size=batch_size):
            if error is not None:
                raise error
            yield doc_to_record(doc, source)


    def _doc(self, text: str, source: Source | None) -> Doc:
        """The tokenized text with what the components read besides it: the reference date."""
        doc = self.nlp.make_doc(text)
        doc._.published = source.published.isoformat() if source and source.published else None
        return doc


@functools.cache
def default_extractor() -> Extractor:
    """The process-wide Extractor for the default model, loaded on first use."""
    return Extractor()


def extract(text: str, *, published: date | str | None = None, source: Source | dict | None = None) -> ArticleRecord:
    """Extract one article's record with the default pipeline (loaded once per process)."""
    return default_extractor().extract(text, published=published, source=source)


def _source(source: Source | dict | None, published: date | str | None) -> Source:
    """The record's source, with `published` (a date or 'YYYY-MM-DD') as its reference date."""
    try:
        source = Source.model_validate(source or {})
    except ValidationError as error:
        raise InputError("<source>", f"not a valid source: {error.errors()[0]['msg']}") from None
    if published is not None:
        source = source.model_copy(update={"published": parse_published(published, source.path or "<text>")})
    return source


def parse_published(value: date | str, name: str) -> date:
    """A reference date given as a date (a datetime counts by its day) or as 'YYYY-MM-DD'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(name, f"published date {value!r} is not a date in the form YYYY-MM-DD")


def check_text(text: str, name: str) -> None:
    """Refuse what no record can come from: a non-string, or a text that is empty or only white space."""
    if not isinstance(text, str):
        raise InputError(name, f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError(name, "the text is empty or only whitespace")

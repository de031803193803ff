"""The library API: `Extractor` holds one loaded pipeline; `extract` uses a shared default one."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date

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
        _check_text(text, source)
        return doc_to_record(self.nlp(text), source)

    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32) -> Iterator[ArticleRecord]:
        """Records for many articles, in input order, streamed through `nlp.pipe`.

        Each item is a text or a `(text, source)` pair. A bad text raises InputError when reached.
        """

        def pairs():
            for item in items:
                text, source = item if isinstance(item, tuple) else (item, None)
                source = _source(source, None)
                _check_text(text, source)
                yield text, source

        for doc, source in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            yield doc_to_record(doc, source)


@functools.cache
def default_extractor() -> Extractor:
    """The process-wide Extractor for the default model, loaded on first use."""
    return Extractor()


def extract(text: str, *, published: date | str | None = None, source: Source | dict | None = None) -> ArticleRecord:
    """Extract one article's record with the default pipeline (loaded once per process)."""
    return default_extractor().extract(text, published=published, source=source)


def _source(source: Source | dict | None, published: date | str | None) -> Source:
    source = Source.model_validate(source or {})
    if published is not None:
        try:
            published = date.fromisoformat(str(published))
        except ValueError:
            raise InputError(source.path or "<text>", f"published date {published!r} is not YYYY-MM-DD") from None
        source = source.model_copy(update={"published": published})
    return source


def _check_text(text: str, source: Source) -> None:
    name = source.path or "<text>"
    if not isinstance(text, str):
        raise InputError(name, f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError(name, "the text is empty or only whitespace")

"""extractor: structured, evidence-carrying records from conference news.

    >>> import extractor
    >>> record = extractor.extract(text, published="2024-07-31")
    >>> record.people[0].roles[0].title
    >>> html = extractor.render_html(record, text)   # the review page: every fact on the text
"""

from .api import Extractor, extract
from .errors import ExtractionError, ExtractorError, InputError, ModelError, OutputError
from .records import ArticleRecord, Person, Role, Source, Span
from .review import render_html

__all__ = ["ArticleRecord", "ExtractionError", "Extractor", "ExtractorError", "InputError", "ModelError",
           "OutputError", "Person", "Role", "Source", "Span", "extract", "render_html"]

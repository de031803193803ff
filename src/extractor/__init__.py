"""extractor: structured, evidence-carrying records from conference news.

    >>> import extractor
    >>> record = extractor.extract(text, published="2024-07-31")
    >>> record.people[0].roles[0].title
"""

from .api import Extractor, extract
from .errors import ExtractionError, ExtractorError, InputError, ModelError, OutputError
from .records import ArticleRecord, Person, Role, Source, Span

__all__ = ["ArticleRecord", "ExtractionError", "Extractor", "ExtractorError", "InputError", "ModelError",
           "OutputError", "Person", "Role", "Source", "Span", "extract"]

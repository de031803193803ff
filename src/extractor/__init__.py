"""extractor: structured, evidence-carrying records from conference news.

    >>> import extractor
    >>> record = extractor.extract(text, published="2024-07-31")
    >>> record.people[0].roles[0].title
    >>> html = extractor.render_html(record, text)   # the review page: every fact on the text

The names below load with their module on first use (PEP 562): `import extractor.cli` runs this
file, and `extractor --help` should not wait for spaCy.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import Extractor, extract
    from .errors import ExtractionError, ExtractorError, InputError, ModelError, OutputError
    from .records import ArticleRecord, Person, Role, Source, Span
    from .review import render_html

# Keep in sync with the imports above: each public name and the module that defines it.
_MODULES = {
    "Extractor": "api", "extract": "api",
    "ExtractionError": "errors", "ExtractorError": "errors", "InputError": "errors", "ModelError": "errors",
    "OutputError": "errors",
    "ArticleRecord": "records", "Person": "records", "Role": "records", "Source": "records", "Span": "records",
    "render_html": "review",
}

__all__ = ["ArticleRecord", "ExtractionError", "Extractor", "ExtractorError", "InputError", "ModelError",
           "OutputError", "Person", "Role", "Source", "Span", "extract", "render_html"]


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_MODULES[name]}", __name__), name)
    globals()[name] = value  # found here from now on, without this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULES))

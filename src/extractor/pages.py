"""Saved news pages and URLs: the article's text and metadata, taken out of the page by trafilatura.

Users hold saved pages, archive dumps of HTML and URLs more often than clean text. A page's menus,
sidebars, related-article lists, comments and cookie banners are not the article: their names and
dates must not become facts, so the main text is extracted first, and the record's evidence points
into that text. It is laid out as the corpus's plain-text articles are (the headline, then each
paragraph, a blank line apart), because the pipeline reads line breaks as sentence and paragraph
cues; so a page gives the same facts as the article's plain text.

trafilatura is configured here, explicitly, from its packaged defaults: no settings file of the
user's is read, and nothing depends on the day it runs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from configparser import ConfigParser
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version

import urllib3
from trafilatura import bare_extraction
from trafilatura.downloads import fetch_response
from trafilatura.settings import DEFAULT_CONFIG

from .defaults import FETCH_TIMEOUT
from .errors import InputError

PAGE_SUFFIXES = (".html", ".htm")
URL_SCHEMES = ("http://", "https://")

USER_AGENT = f"extractor/{version('extractor')} (conference news to records; trafilatura)"

# trafilatura's fetcher spends one budget (its MAX_REDIRECTS) on redirects and on retries after a
# timeout or a 429/5xx answer, waiting timeout/2 seconds, then twice that, between tries.
FETCH_RETRIES = 2

# htmldate refuses dates after this; its default is today, which would make a page's record depend on
# the day it is read. A fixed bound keeps the output the same on every day.
LATEST_DATE = "2099-12-31"

# Less than this is no article: a 404 page's apology, an index page's headlines and teasers.
MIN_ARTICLE_WORDS = 60
MIN_PARAGRAPH_WORDS = 25  # an article has at least one paragraph of prose this long

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives: the article's text (headline and paragraphs) and what the page says about it."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    site: str | None = None
    author: str | None = None


def is_url(name: str) -> bool:
    return name.lower().startswith(URL_SCHEMES)


def is_page_name(name: str) -> bool:
    """A file read as a saved page, by its suffix."""
    return name.lower().endswith(PAGE_SUFFIXES)


def _config(timeout: int = FETCH_TIMEOUT, retries: int = FETCH_RETRIES) -> ConfigParser:
    """trafilatura's packaged settings with ours over them (a copy: its module default stays as it is)."""
    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"].update({
        "DOWNLOAD_TIMEOUT": str(timeout),
        "MAX_REDIRECTS": str(retries),
        "USER_AGENTS": USER_AGENT,
        "COOKIE": "",
        # The guard is for servers that fetch the URLs strangers give them; extractor fetches what its
        # user names on the command line, and a local archive server (127.0.0.1, an intranet) is one.
        "SSRF_PROTECTION": "off",
        "INSECURE_SSL_FALLBACK": "off",
        "MIN_EXTRACTED_SIZE": "250",
        "MIN_OUTPUT_SIZE": "1",
        "EXTENSIVE_DATE_SEARCH": "on",
        "MAX_TREE_SIZE": "",
    })
    return config


EXTRACTION_CONFIG = _config()


def read_page(html: str | bytes, name: str, url: str | None = None) -> Page:
    """The article in `html` (bytes are decoded by the page's own charset) and its metadata.

    `url` is where the page came from, when known; the page's canonical URL comes first. Raises
    InputError, naming `name`, when the page holds no article (an index page, a 404 page).
    """
    with _quiet_trafilatura():
        document = bare_extraction(
            html, url=url, favor_precision=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            with_metadata=True, config=EXTRACTION_CONFIG,
            date_extraction_params={"original_date": True, "extensive_search": True, "max_date": LATEST_DATE})
    paragraphs = _paragraphs(document.text if document is not None else "")
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_ARTICLE_WORDS or max((len(p.split()) for p in paragraphs), default=0) < MIN_PARAGRAPH_WORDS:
        found = f" (only {words} words of article text)" if words else ""
        raise InputError(name, f"no article found in the page{found}: an index page, an error page or a "
                               "page of links gives no record")
    title = _clean(document.title)
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return Page("\n\n".join(paragraphs), title=title, url=_clean(document.url) or url,
                published=_day(document.date), site=_clean(document.sitename), author=_clean(document.author))


def _paragraphs(text: str) -> list[str]:
    """The extracted text's paragraphs, one a line in trafilatura's output, white space runs made one."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- fetching ------------------------------------------------------------------------------------

def fetch(url: str, *, timeout: int = FETCH_TIMEOUT, retries: int = FETCH_RETRIES) -> Page:
    """The article at `url`, fetched with trafilatura's fetcher; InputError naming the URL and why
    it gave none (no answer in time, a refused connection, an HTTP error, not HTML, no article)."""
    with _download_errors() as errors:
        response = fetch_response(url, decode=False, config=_config(timeout, retries))
    if response is None or response.data is None:
        raise InputError(url, f"could not fetch it: {_why(errors, timeout, retries)}")
    if response.status != 200:
        raise InputError(url, f"could not fetch it: HTTP {response.status}")
    content_type = response.headers.get("content-type", "")
    if content_type and content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        raise InputError(url, f"not an HTML page (Content-Type: {content_type})")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    html: str | bytes = response.data
    if charset:
        try:
            html = response.data.decode(charset[1])
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header: the page's own <meta charset> and a guess decide, as for a saved page
    return read_page(html, url, url=response.url or url)


def _why(errors: list[BaseException], timeout: int, retries: int) -> str:
    """What the fetcher's logged error says, in a user's words."""
    error = errors[-1] if errors else None
    reason = getattr(error, "reason", error)  # urllib3's MaxRetryError wraps the last try's error
    # A refused connection is a NewConnectionError, which urllib3 derives from its timeout error.
    if isinstance(reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.NameResolutionError):
        return f"cannot connect ({_last_part(reason)})"
    if isinstance(reason, urllib3.exceptions.TimeoutError):
        return f"no answer within {timeout} s (--fetch-timeout), {retries + 1} {'try' if retries == 0 else 'tries'}"
    if isinstance(reason, urllib3.exceptions.ResponseError):
        return str(reason)
    return str(reason) if reason is not None else "no response"


def _last_part(error: BaseException) -> str:
    return str(error).rsplit(": ", 1)[-1]


class _Collect(logging.Handler):
    def __init__(self, errors: list[BaseException]):
        super().__init__(logging.ERROR)
        self.errors = errors

    def emit(self, record: logging.LogRecord) -> None:
        self.errors += [arg for arg in record.args or () if isinstance(arg, BaseException)]


@contextmanager
def _download_errors() -> Iterator[list[BaseException]]:
    """The exceptions trafilatura's fetcher logs, rather than raises, while the block runs: the
    reason a fetch failed, for the message. Neither they nor urllib3's notes of each retry reach
    stderr through Python's last-resort handler: the message says it once."""
    errors: list[BaseException] = []
    handlers = [(logging.getLogger("trafilatura.downloads"), _Collect(errors)),
                (logging.getLogger("urllib3"), logging.NullHandler())]
    for logger, handler in handlers:
        logger.addHandler(handler)
    try:
        yield errors
    finally:
        for logger, handler in handlers:
            logger.removeHandler(handler)


@contextmanager
def _quiet_trafilatura() -> Iterator[None]:
    """trafilatura logs a page it finds little in as a warning; that is this module's InputError to
    say, once, not a second line on stderr."""
    logger = logging.getLogger("trafilatura")
    handler = logging.NullHandler()
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)

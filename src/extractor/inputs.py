"""Reading a batch run's inputs: which files the command's PATHs stand for, and their articles.

An input that cannot give an article (missing, undecodable, empty, too long, a bad JSON line, a
page with no article, a URL that cannot be fetched) becomes an `Article` with a reason instead of a
text, in its place, so a run reports it and goes on. Texts are decoded exactly (no newline
translation), so evidence offsets match the file; a saved page or a URL gives the article text
`pages.py` takes out of it, and the offsets match that text, which its record keeps.
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from . import pages
from .api import check_text, parse_published
from .defaults import DEFAULT_GLOB, FETCH_TIMEOUT, MAX_CHARS
from .errors import InputError
from .records import Source, text_id

STDIN = "-"
STDIN_NAME = "<stdin>"

Kind = Literal["text", "jsonl", "json", "page", "url"]

# Suffixes read as articles in JSON: one a line, or (.json) also one document of them.
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIX = ".json"

# Byte order marks, longest first: UTF-32 LE's starts with UTF-16 LE's.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Codecs whose text has NUL bytes: a NUL character is looked for after decoding.
WIDE_CODECS = ("utf-16", "utf-32")


@dataclass(frozen=True, slots=True)
class Article:
    """One input: its text and source, or the reason it gives no record.

    `name` says which input it is in messages and in the errors file: the path as given,
    '<stdin>', the `id` of a JSON article, or '<file>:<line>' for a line without one.
    """

    name: str
    text: str | None = None
    source: Source | None = None
    reason: str | None = None

    def key(self) -> tuple[str, str | None]:
        """What `--resume` matches a written record by: the text's record id and the input's name."""
        return text_id(self.text or ""), source_key(self.source)


def source_key(source: Source | None) -> str | None:
    return source and (source.id or source.path)


@dataclass(frozen=True, slots=True)
class Input:
    """A file (or stdin) to read and how: as one text, as JSON Lines, or as JSON; or why it gives
    nothing (a folder with no matching file)."""

    name: str
    kind: Kind = "text"
    reason: str | None = None


@dataclass(slots=True)
class Inputs:
    """What the command's PATHs stand for, in order, and the files of their folders left out."""

    files: list[Input]
    passed_over: dict[str, list[str]] = field(default_factory=dict)  # folder: names not matching the glob


def find_inputs(paths: Iterable[str], *, jsonl: bool = False, recursive: bool = True,
                glob: str = DEFAULT_GLOB) -> Inputs:
    """The inputs of `paths`: a file as itself, '-' for stdin, an http(s) URL as a page to fetch, a
    folder as its files matching `glob` (its subfolders' too when `recursive`), sorted by path. A
    file is read by its suffix (.jsonl and .ndjson as JSON Lines, .json as JSON, .html and .htm as a
    saved page), or as JSON Lines for every input when `jsonl`.
    """
    inputs = Inputs([])
    patterns = [pattern.strip().lower() for pattern in glob.split(",") if pattern.strip()]
    for name in paths:
        folder = Path(name)
        if pages.is_url(name):
            inputs.files.append(Input(name, "url"))
            continue
        if name == STDIN or not folder.is_dir():
            inputs.files.append(Input(name, _kind(name, jsonl)))
            continue
        found = sorted(p for p in (folder.rglob("*") if recursive else folder.iterdir()) if p.is_file())
        matching = [p for p in found if any(fnmatch.fnmatchcase(p.name.lower(), pattern) for pattern in patterns)]
        others = [str(p.relative_to(folder)) for p in found if p not in matching]
        if matching:
            inputs.files += [Input(str(p), _kind(p.name, jsonl)) for p in matching]
            if others:
                inputs.passed_over[name] = others
        else:
            held = f" (it holds {described(others)}; --glob selects others)" if others else ""
            inputs.files.append(Input(name, reason=f"a folder with no files matching {glob}{held}"))
    return inputs


def described(names: list[str], most: int = 3) -> str:
    """A few file names, and how many more: 'a.md, b.html, c.pdf and 4 more'."""
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _kind(name: str, jsonl: bool) -> Kind:
    suffix = Path(name).suffix.lower()
    if jsonl or suffix in JSON_LINES_SUFFIXES:
        return "jsonl"
    if pages.is_page_name(name):
        return "page"
    return "json" if suffix == JSON_SUFFIX else "text"


def read_articles(inputs: Iterable[Input], *, published: date | None = None, max_chars: int = MAX_CHARS,
                  encoding: str | None = None, keep_text: bool = True,
                  fetch_timeout: int = FETCH_TIMEOUT) -> Iterator[Article]:
    """The articles of `inputs`, lazily, in order. `published` is the reference date of every article
    whose own JSON gives none (it comes before a page's own date); `encoding` that of texts without a
    byte order mark (else UTF-8; a page without either is read by its own charset). `keep_text`
    stores a page's extracted text in its source; `fetch_timeout` is a URL's time to answer."""
    for item in inputs:
        if item.reason is not None:
            yield Article(item.name, reason=item.reason)
        elif item.kind == "jsonl":
            yield from _read_json_lines(item.name, published, max_chars, encoding, keep_text)
        elif item.kind == "json":
            yield from _read_json(item.name, published, max_chars, encoding, keep_text)
        elif item.kind in ("page", "url"):
            try:
                page = (pages.fetch(item.name, timeout=fetch_timeout) if item.kind == "url"
                        else pages.read_page(_page_html(item.name, encoding), item.name))
            except InputError as error:
                yield Article(item.name, reason=error.reason)
                continue
            source = page_source(page, published, keep_text, path=item.name if item.kind == "page" else None)
            yield _checked(Article(item.name, page.text, source), max_chars)
        else:
            try:
                text = read_text(item.name, encoding)
            except InputError as error:
                yield Article(item.name, reason=error.reason)
                continue
            source = Source(path=None if item.name == STDIN else item.name, published=published)
            yield _checked(Article(STDIN_NAME if item.name == STDIN else item.name, text, source), max_chars)


def count_articles(inputs: Iterable[Input], limit: int | None = None) -> int | None:
    """How many articles `read_articles` gives (up to `limit`), without extracting; None for stdin."""
    inputs = list(inputs)
    if any(item.name == STDIN for item in inputs):
        return None

    def units() -> Iterator[None]:
        for item in inputs:
            if item.kind in ("text", "page", "url") or item.reason is not None:
                yield None
            elif item.kind == "jsonl":
                try:
                    with open(item.name, "rb") as lines:
                        yield from (None for line in lines if line.strip())
                except OSError:
                    yield None  # reported as one failure when read
            else:
                yield from (None for _ in _read_json(item.name, None, MAX_CHARS, None, False))

    return sum(1 for _ in islice(units(), limit))


# --- text ----------------------------------------------------------------------------------------

def read_text(name: str, encoding: str | None = None) -> str:
    """The text of one input: raw bytes (no newline translation, so offsets match the file), decoded."""
    if name == STDIN:
        return decode(STDIN_NAME, sys.stdin.buffer.read(), encoding)
    return decode(name, _read_bytes(name), encoding)


def _read_bytes(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None


def _page_html(name: str, encoding: str | None) -> str | bytes:
    """A saved page: decoded as `read_text` decodes when a byte order mark or `encoding` says how,
    else the bytes, which the page's own `<meta charset>` decodes."""
    data = _read_bytes(name)
    return decode(name, data, encoding) if encoding or sniff_encoding(data, None) != "utf-8" else data


def read_page(name: str, encoding: str | None = None) -> pages.Page:
    """The article of a saved page or a URL (`extractor show`'s input)."""
    return pages.fetch(name) if pages.is_url(name) else pages.read_page(_page_html(name, encoding), name)


def page_source(page: pages.Page, published: date | None, keep_text: bool, **given: str | None) -> Source:
    """A page's source: `given` (path, id, or an archive's url and title) before what the page says,
    and `published`, the user's date, before the page's own; its text unless `keep_text` is off."""
    given = {key: value for key, value in given.items() if value is not None}
    return Source(**{"url": page.url, "title": page.title, **given}, published=published or page.published,
                  site=page.site, author=page.author, text=page.text if keep_text else None)


def decode(name: str, data: bytes, encoding: str | None = None) -> str:
    """`data` as text: by its byte order mark (UTF-8, UTF-16 or UTF-32), else strictly as
    `encoding` (UTF-8 when none is given). A NUL character means binary content."""
    codec = sniff_encoding(data, encoding)
    wide = codec in WIDE_CODECS
    if not wide and (nul := data.find(b"\0")) >= 0:
        hint = "; UTF-16 text without a byte order mark needs --encoding utf-16-le" if encoding is None else ""
        raise InputError(name, f"binary content, not text (NUL byte at offset {nul}){hint}")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        hint = "; give its encoding with --encoding (e.g. --encoding cp1252)" if encoding is None else ""
        raise InputError(name, f"not {_label(codec)} text (byte 0x{data[error.start]:02x} at offset "
                               f"{error.start}){hint}") from None
    if wide and (nul := text.find("\0")) >= 0:
        raise InputError(name, f"binary content, not text (NUL character at {nul})")
    return text.removeprefix("\ufeff")


def sniff_encoding(data: bytes, encoding: str | None) -> str:
    """The codec a byte order mark names (the mark wins over `encoding`), else `encoding` or UTF-8."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), encoding or "utf-8")


def _label(codec: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(codec, codec)


# --- JSON ----------------------------------------------------------------------------------------

class JsonArticle(BaseModel):
    """One article of a JSON input; other keys are ignored (archives carry more than articles)."""

    model_config = ConfigDict(extra="ignore")

    id: str | int
    text: str | None = None
    html: str | None = None  # a saved page instead of a text: its article is taken out of it
    published: date | None = None
    url: str | None = None
    title: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> JsonArticle:
        if (self.text is None) == (self.html is None):
            raise ValueError("needs either 'text' or 'html'")
        return self

    @field_validator("published", mode="before")
    @classmethod
    def _day(cls, value: object) -> date | None:
        # The same rule as --published: 'YYYY-MM-DD', or a timestamp whose day is kept.
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("expected 'YYYY-MM-DD'")
        try:
            return parse_published(value, "published")
        except InputError as error:
            raise ValueError(error.reason) from None


def _read_json_lines(name: str, published: date | None, max_chars: int, encoding: str | None,
                     keep_text: bool) -> Iterator[Article]:
    """The articles of a JSON Lines file (or stdin), one a line; blank lines are skipped.

    Lines are split as bytes, so one undecodable line fails alone; a file with a UTF-16 or UTF-32
    byte order mark is decoded as a stream instead, and ends at its first undecodable line.
    """
    try:
        opened = nullcontext(sys.stdin.buffer) if name == STDIN else open(name, "rb")
    except FileNotFoundError:
        yield Article(name, reason="no such file or folder")
        return
    except OSError as error:
        yield Article(name, reason=f"cannot read ({error.strerror or error})")
        return
    where = STDIN_NAME if name == STDIN else name
    with opened as stream:
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)
        codec = sniff_encoding(stream.peek(4)[:4], encoding)
        lines = io.TextIOWrapper(stream, codec, newline="") if codec in WIDE_CODECS else stream
        number = 0
        try:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield parse_json_line(line, f"{where}:{number}", published, max_chars, encoding, keep_text)
        except UnicodeDecodeError as error:
            yield Article(f"{where}:{number + 1}", reason=f"not {_label(codec)} text ({error.reason}); "
                                                           "the rest of the file is not read")


def _read_json(name: str, published: date | None, max_chars: int, encoding: str | None,
               keep_text: bool) -> Iterator[Article]:
    """The articles of a .json file: one article object, a list of them, or JSON Lines."""
    try:
        text = read_text(name, encoding)
        data = json.loads(text)
    except InputError as error:
        yield Article(name, reason=error.reason)
        return
    except ValueError:
        # Not one JSON document: JSON Lines saved as .json.
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield parse_json_line(line, f"{name}:{number}", published, max_chars, keep_text=keep_text)
        return
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        yield json_article(item, f"{name}[{number}]" if isinstance(data, list) else name, published, max_chars,
                           keep_text)


def parse_json_line(line: bytes | str, where: str, published: date | None = None,
                    max_chars: int = MAX_CHARS, encoding: str | None = None, keep_text: bool = True) -> Article:
    """One JSON Lines article; `where` ('<file>:<line>') names it until its own id is known."""
    try:
        data = json.loads(decode(where, line, encoding) if isinstance(line, bytes) else line)
    except InputError as error:
        return Article(where, reason=error.reason)
    except ValueError as error:
        return Article(where, reason=f"not JSON ({error})")
    return json_article(data, where, published, max_chars, keep_text)


def json_article(data: object, where: str, published: date | None, max_chars: int,
                 keep_text: bool = True) -> Article:
    """The article a parsed JSON value holds: {"id", "text" or "html", "published"?, "url"?, "title"?}.
    An archive's own url, title and published come before what its page says."""
    if not isinstance(data, dict):
        return Article(where, reason=f"not a JSON article: a JSON {type(data).__name__}, not an object")
    if isinstance(data.get("id"), str | int):
        where = str(data["id"])
    try:
        article = JsonArticle.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        what = first["msg"].removeprefix("Value error, ")
        return Article(where, reason=f"not a JSON article: {place + ': ' if place else ''}{what}")
    if article.html is not None:
        try:
            page = pages.read_page(article.html, str(article.id), url=article.url)
        except InputError as error:
            return Article(str(article.id), reason=error.reason)
        source = page_source(page, article.published or published, keep_text, id=str(article.id),
                             url=article.url, title=article.title)
        return _checked(Article(str(article.id), page.text, source), max_chars)
    source = Source(id=str(article.id), url=article.url, title=article.title,
                    published=article.published or published)
    return _checked(Article(str(article.id), article.text, source), max_chars)


def _checked(article: Article, max_chars: int) -> Article:
    """The article, or the reason no record can come from its text: empty, not Unicode, or too long."""
    try:
        check_text(article.text, article.name)
    except InputError as error:
        return Article(article.name, reason=error.reason)
    if len(article.text) > max_chars:
        return Article(article.name, reason=f"too long: {len(article.text)} characters, over the limit of "
                                            f"{max_chars} (--max-chars)")
    return article

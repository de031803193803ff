"""The command line: reads inputs, calls the library, writes JSON to stdout; holds no extraction logic.

Exit codes: 0 every input gave a record; 1 some input was missing, unreadable, not UTF-8 text or
empty (the others still give their records); 2 a usage error, a model that cannot load, or an
output file that cannot be written.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.console import Console
from rich.markup import escape

from .api import Extractor, check_text, default_extractor, parse_published
from .errors import ExtractorError, InputError
from .pipeline import DEFAULT_MODEL
from .records import ArticleRecord, Source, record_schema

STDIN = "-"
STDIN_NAME = "<stdin>"

app = typer.Typer(
    name="extractor",
    help="Structured, evidence-carrying JSON records from conference news articles.",
    epilog="Example: extractor extract corpus/d000.txt --published 2024-07-31",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# Messages only: JSON never goes through rich. soft_wrap keeps each message on one line.
_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _published(value: str | None) -> date | None:
    """A `--published` value as a date, by the library's rule (only YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return parse_published(value, "--published")
    except InputError as error:
        raise typer.BadParameter(error.reason) from None


@app.command(
    no_args_is_help=True,
    epilog=(
        "Examples:\n\n"
        "  extractor extract corpus/d000.txt --published 2024-07-31\n\n"
        "  extractor extract corpus -o out/corpus.jsonl\n\n"
        "  cat article.txt | extractor extract - --published 2024-07-31"
    ),
)
def extract(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", show_default=False,
        help="A UTF-8 text file, a folder (its *.txt files, sorted by name, not recursive), or - for stdin.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write to FILE instead of stdout.")] = None,
    published: Annotated[date | None, typer.Option(
        parser=_published, metavar="YYYY-MM-DD",
        help="The publication date: the reference for dates the text gives without a year.")] = None,
    model: Annotated[str, typer.Option(
        metavar="NAME", help="The spaCy pipeline to build on: an installed package or a path.")] = DEFAULT_MODEL,
) -> None:
    """Extract one record per article.

    One input gives one JSON object (indented); several inputs or a folder give JSON Lines, in input order.
    An input that cannot be read is reported on stderr, the others still give records, and the exit code is 1.
    """
    names = _expand(paths)
    single = len(paths) == 1 and (paths[0] == STDIN or not Path(paths[0]).is_dir())
    out = _open_output(output)
    try:
        extractor = default_extractor() if model == DEFAULT_MODEL else Extractor(model)
    except ExtractorError as error:
        _error(str(error))
        raise typer.Exit(2) from None

    failed: list[str] = []

    def items() -> Iterator[tuple[str, Source]]:
        for name in names:
            try:
                text = _read(name)
            except InputError as error:
                _error(str(error))
                failed.append(name)
                continue
            yield text, Source(path=None if name == STDIN else name, published=published)

    with out as stream:
        try:
            for record in extractor.extract_many(items()):
                stream.write(_record_json(record, pretty=single).encode("utf-8"))
        except ExtractorError as error:
            _error(str(error))
            raise typer.Exit(1) from None
    if failed:
        raise typer.Exit(1)


@app.command(epilog="Example: extractor schema > schemas/record.schema.json")
def schema() -> None:
    """Print the JSON Schema of a record (the contract committed in schemas/record.schema.json)."""
    text = json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))


def _expand(paths: list[str]) -> list[str]:
    """The inputs to read, in order: each PATH as given, a folder replaced by its *.txt files.

    A folder without *.txt files stays in the list, so reading it reports it like a missing file.
    """
    names: list[str] = []
    for given in paths:
        folder = Path(given)
        files = sorted(p for p in folder.glob("*.txt") if p.is_file()) if given != STDIN and folder.is_dir() else []
        names.extend([str(f) for f in files] or [given])
    return names


def _read(name: str) -> str:
    """The text of one input: raw bytes (no newline translation, so offsets match the file), decoded."""
    if name == STDIN:
        return _decode(STDIN_NAME, sys.stdin.buffer.read())
    path = Path(name)
    if path.is_dir():
        raise InputError(name, "a folder without *.txt files")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror or error})") from None
    return _decode(name, data)


def _decode(name: str, data: bytes) -> str:
    """`data` as strict UTF-8 text (a leading BOM dropped); NUL bytes mean binary content.

    Bad texts are refused here, so that one bad input does not end the stream of the others.
    """
    if (nul := data.find(b"\0")) >= 0:
        raise InputError(name, f"binary content, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(name, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    text = text.removeprefix("\ufeff")
    check_text(text, name)
    return text


def _record_json(record: ArticleRecord, *, pretty: bool) -> str:
    """One record as JSON text and a newline: fields in model order, non-ASCII kept as is."""
    return record.model_dump_json(indent=2 if pretty else None) + "\n"


def _open_output(output: Path | None) -> AbstractContextManager[BinaryIO]:
    """FILE opened for writing, or stdout (left open when done)."""
    if output is None:
        return nullcontext(sys.stdout.buffer)
    try:
        return output.open("wb")
    except OSError as error:
        _error(f"{output}: cannot write ({error.strerror or error})")
        raise typer.Exit(2) from None


def _error(message: str) -> None:
    """One line on stderr: `error: <input>: <what is wrong>`."""
    _stderr.print(f"[bold red]error[/]: {escape(message)}")
